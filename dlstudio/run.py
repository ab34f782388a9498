"""A training run end to end: resolve the network and the data, build, train, save, resume.

Shared by the command line and the app, so both train the same way. Errors a user can fix
are `UserError`s whose message is one readable sentence.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import __version__
from .data import DataError, Dataset, load_dataset, split
from .engine.model import Model
from .engine.optimizers import make_optimizer
from .engine.trainer import TrainConfig, Trainer, TrainingError
from .io.modelfile import ModelBundle, ModelFileError, load_model, save_model
from .spec import DocumentError, Network, NetworkError
from .zoo import PRESETS, build_preset


class UserError(Exception):
    """Something the user asked for cannot be done; the message says what and how to fix it."""


@dataclass
class Run:
    network: Network
    model: Model
    config: TrainConfig
    dataset: Dataset
    train: Dataset
    val: Dataset
    trainer: Trainer
    history: dict = field(default_factory=dict)

    def bundle(self) -> ModelBundle:
        """Everything needed to reopen this run and continue it exactly."""
        m, opt = self.model, self.trainer.optimizer
        st = opt.state_dict()
        slots = {name: m.split_flat(arr) for name, arr in st.get("slots", {}).items()}
        ds = self.dataset
        training = {
            "config": self.config.to_dict(),
            "optimizer": {"name": st["name"], "hyper": st["hyper"], "step": st["step"]},
            "trainer": self.trainer.state(),
            "epochs_done": self.trainer.epochs_done,
            "data": {"source": ds.source, "task": ds.task, "classes": list(ds.classes),
                     "sample_shape": list(ds.sample_shape), "preprocessing": ds.preprocessing},
            "app_version": __version__,
        }
        return ModelBundle(network=self.network.to_dict(), weights=m.weights(), training=training,
                           optimizer_slots=slots, history=self.trainer.history)

    def save(self, path: str | Path) -> None:
        try:
            save_model(path, self.bundle())
        except (OSError, ValueError) as e:
            raise UserError(f"cannot save {path}: {e}") from None


def load_data(data: str, seed: int = 0, preprocessing: dict | None = None, progress=None) -> Dataset:
    """Load DATA; with a model file's recorded `preprocessing`, apply exactly that (its mean / std)."""
    try:
        return load_dataset(data, seed=seed, preprocessing=preprocessing, progress=progress)
    except DataError as e:
        raise UserError(str(e)) from None


def outputs_for(ds: Dataset) -> int:
    return ds.num_classes if ds.task == "classification" else int(np.prod(ds.target_shape or (1,)))


def default_loss(ds: Dataset) -> str:
    return "cross_entropy" if ds.task == "classification" else "mse"


def read_network(spec: str) -> Network:
    p = Path(spec)
    if not p.is_file():
        raise UserError(f"no such file: {spec}")
    try:
        return Network.from_json(p.read_text(encoding="utf-8"))
    except (DocumentError, UnicodeDecodeError) as e:
        raise UserError(f"{spec}: {e}") from None


def open_model(path: str) -> ModelBundle:
    try:
        return load_model(path)
    except ModelFileError as e:
        raise UserError(str(e)) from None


def is_model_file(spec: str) -> bool:
    return spec.endswith(".dls")


def prepare(spec: str, data: str | None, *, epochs=None, batch_size=None, loss=None, optimizer=None,
            lr=None, seed=None, val_split=None, clip_norm=None, progress=None) -> Run:
    """Build a run from SPEC (preset name, network .json or model .dls) and DATA."""
    bundle = open_model(spec) if is_model_file(spec) else None
    saved = bundle.training if bundle else {}
    saved_cfg = saved.get("config", {})
    if data is None:
        data = saved.get("data", {}).get("source")
        if data is None:
            raise UserError("say which data to train on with --data (e.g. --data digits)")
    seed = seed if seed is not None else saved_cfg.get("seed", 0)
    ds = load_data(data, seed=seed, preprocessing=saved.get("data", {}).get("preprocessing"), progress=progress)
    defaults: dict = {}
    if bundle is not None:
        net = _network_from(bundle.network, spec)
    elif spec in PRESETS:
        net, defaults = build_preset(spec, ds.sample_shape, outputs_for(ds))
    elif spec.endswith(".json") or Path(spec).exists():
        net = read_network(spec)
    else:
        raise UserError(f"unknown network {spec!r}: give a preset ({', '.join(sorted(PRESETS))}), "
                        "a network .json or a model .dls")
    cfg = TrainConfig.from_dict(saved_cfg) if saved_cfg else TrainConfig(
        loss=default_loss(ds), optimizer=defaults.get("optimizer", "adam"),
        hyper=dict(defaults.get("hyper", {})), batch_size=defaults.get("batch_size", 32),
        epochs=defaults.get("epochs", 10), seed=seed)
    for name, value in (("epochs", epochs), ("batch_size", batch_size), ("loss", loss),
                        ("val_split", val_split), ("clip_norm", clip_norm)):
        if value is not None:
            setattr(cfg, name, value)
    if optimizer is not None and optimizer != cfg.optimizer:
        if bundle is not None:
            raise UserError(f"this model was trained with {cfg.optimizer}; continuing with a different "
                            "optimizer would lose its state — train a copy from the network instead")
        cfg.optimizer, cfg.hyper = optimizer, {}
    if lr is not None:
        cfg.hyper = {**cfg.hyper, "lr": lr}
    cfg.seed = seed
    if not (0 <= cfg.val_split <= 0.9):
        raise UserError(f"--val-split must be between 0 and 0.9, got {cfg.val_split}")
    try:
        model = Model(net, seed=seed)
        if bundle is not None:
            model.set_weights(bundle.weights)
        model.check_input(ds.x[:1])
        _check_outputs(model, ds, cfg.loss)
        train, val = split(ds, cfg.val_split, seed)
        opt = make_optimizer(cfg.optimizer, **cfg.hyper)
        if bundle is not None and bundle.optimizer_slots:
            o = saved.get("optimizer", {})
            opt.load_state_dict({"name": o.get("name", cfg.optimizer), "hyper": o.get("hyper", cfg.hyper),
                                 "step": o.get("step", 0),
                                 "slots": {k: model.join_flat(v) for k, v in bundle.optimizer_slots.items()}})
            if lr is not None:
                opt.lr = lr
        history = bundle.history if bundle is not None and bundle.history else None
        trainer = Trainer(model, train.x, train.y, cfg, val=(val.x, val.y), optimizer=opt,
                          history=history, state=saved.get("trainer"))
    except (NetworkError, TrainingError, DataError) as e:
        raise UserError(str(e)) from None
    except ValueError as e:  # hyperparameter and loss validation
        raise UserError(str(e)) from None
    return Run(net, model, cfg, ds, train, val, trainer, trainer.history)


def _network_from(doc: dict, where: str) -> Network:
    try:
        return Network.from_dict(doc)
    except DocumentError as e:
        raise UserError(f"{where}: {e}") from None


def _check_outputs(model: Model, ds: Dataset, loss: str) -> None:
    out = model.output_shape
    if ds.task == "classification":
        k = ds.num_classes
        if out[-1] != k and not (k == 2 and out[-1] == 1):
            raise UserError(f"the network ends in {out[-1]} output(s) but the data has {k} classes — "
                            f"set the last layer ('{model.output_id}') to {k} units")
    elif tuple(out) != tuple(ds.target_shape):
        raise UserError(f"the network outputs {list(out)} per sample but the targets are "
                        f"{list(ds.target_shape)} — change the last layer ('{model.output_id}')")


def model_for_inference(path: str) -> tuple[Model, ModelBundle]:
    bundle = open_model(path)
    try:
        model = Model(_network_from(bundle.network, path))
        model.set_weights(bundle.weights)
    except NetworkError as e:
        raise UserError(f"{path}: {e}") from None
    return model, bundle

