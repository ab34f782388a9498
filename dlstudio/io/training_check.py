"""The fields of a model file's `training.json` and its optimizer arrays, checked at load time
(issue 15 item 9), so that `evaluate` and `train` on a file that loaded do not fail on them later
with a TypeError, KeyError or OverflowError.

Only the fields dlstudio reads are checked (`config`, `data`, `optimizer`, `trainer`); a field
that is absent keeps its default. Every problem is one message naming the field.
"""
from __future__ import annotations

import math

import numpy as np

from dlstudio.i18n import tr

from ._safezip import BadFile

_CONFIG_TEXT = ("loss", "optimizer")
_IN_EPOCH_COUNTS = ("batch", "seen")


def _bad(field: str, problem: str) -> BadFile:
    return BadFile(tr("training.json: {field} {problem}").format(field=field, problem=problem))


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_real(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _dict(training: dict, key: str) -> dict:
    value = training.get(key, {})
    if not isinstance(value, dict):
        raise _bad(key, tr("is a {type}, not a JSON object").format(type=type(value).__name__))
    return value


def _count(value, field: str, most: int = 2**63 - 1) -> None:
    if not _is_int(value) or not 0 <= value <= most:
        raise _bad(field, tr("must be a whole number from 0 to {most}, got {value!r}").format(
            most=most, value=value))


def _hyper(value, field: str) -> None:
    """Names to finite numbers or true / false (e.g. momentum's nesterov); the optimizer checks ranges."""
    if not isinstance(value, dict) or not all(isinstance(k, str) and (isinstance(v, bool) or _is_real(v))
                                              for k, v in value.items()):
        raise _bad(field, tr("must be a JSON object of finite numbers and true / false, got {value!r}").format(
            value=value))


def _rng_state(value, field: str) -> None:
    """A bit generator state numpy accepts: tried on a fresh PCG64 (what dlstudio saves)."""
    try:
        np.random.PCG64().state = value
    except Exception:
        raise _bad(field, tr("is not a random-generator state numpy accepts")) from None


def _check_config(config: dict) -> None:
    for key in _CONFIG_TEXT:
        if key in config and not isinstance(config[key], str):
            raise _bad("config." + key, tr("must be a name (text), got {value!r}").format(value=config[key]))
    if "hyper" in config:
        _hyper(config["hyper"], "config.hyper")
    b = config.get("batch_size", 1)
    if b != "full" and (not _is_int(b) or b < 1):
        raise _bad("config.batch_size", tr("must be a positive whole number or 'full', got {value!r}").format(
            value=b))
    for key in ("epochs", "seed"):
        if key in config:
            _count(config[key], "config." + key)
    if "val_split" in config and not (_is_real(config["val_split"]) and 0 <= config["val_split"] <= 0.9):
        raise _bad("config.val_split", tr("must be a number from 0 to 0.9, got {value!r}").format(
            value=config["val_split"]))
    clip = config.get("clip_norm")
    if clip is not None and not (_is_real(clip) and clip > 0):
        raise _bad("config.clip_norm", tr("must be a positive number or null, got {value!r}").format(value=clip))


def _check_data(data: dict) -> None:
    for key, kind, name in (("source", str, "text"), ("task", str, "text"), ("classes", list, "a list"),
                            ("preprocessing", dict, "a JSON object")):
        if data.get(key) is not None and not isinstance(data[key], kind):
            raise _bad("data." + key, tr("must be {kind} or null, got {value!r}").format(kind=name,
                                                                                     value=data[key]))


def _check_optimizer(opt: dict) -> None:
    if "name" in opt and not isinstance(opt["name"], str):
        raise _bad("optimizer.name", tr("must be a name (text), got {value!r}").format(value=opt["name"]))
    if "hyper" in opt:
        _hyper(opt["hyper"], "optimizer.hyper")
    if "step" in opt:
        _count(opt["step"], "optimizer.step")


def _check_trainer(trainer: dict) -> None:
    if "epochs_done" in trainer:
        _count(trainer["epochs_done"], "trainer.epochs_done")
    for key in ("shuffle_rng", "dropout_rng"):
        if key in trainer:
            _rng_state(trainer[key], "trainer." + key)
    r = trainer.get("in_epoch")
    if r is None:
        return
    if not isinstance(r, dict):
        raise _bad("trainer.in_epoch", tr("is a {type}, not a JSON object").format(type=type(r).__name__))
    for key in _IN_EPOCH_COUNTS:
        _count(r.get(key), "trainer.in_epoch." + key)
    _rng_state(r.get("epoch_rng"), "trainer.in_epoch.epoch_rng")
    for key, value in r.items():
        if key not in _IN_EPOCH_COUNTS and key != "epoch_rng" and not _is_real(value):
            raise _bad("trainer.in_epoch." + key, tr("must be a finite number, got {value!r}").format(value=value))


def check_training(training: dict, weights: dict[str, np.ndarray],
                   slots: dict[str, dict[str, np.ndarray]]) -> None:
    """Raise BadFile naming the first field of `training` (or optimizer array) dlstudio cannot use."""
    _check_config(_dict(training, "config"))
    _check_data(_dict(training, "data"))
    _check_optimizer(_dict(training, "optimizer"))
    _check_trainer(_dict(training, "trainer"))
    for slot, per_weight in slots.items():
        for name, arr in per_weight.items():
            if name in weights and arr.size != weights[name].size:
                raise BadFile(tr("optimizer.npz: {slot}/{name} holds {n} values, the weight {m}").format(
                    slot=slot, name=name, n=arr.size, m=weights[name].size))
