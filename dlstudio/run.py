"""A training run end to end: resolve the network and the data, build, train, save, resume.

Shared by the command line and the app, so both train the same way. Errors a user can fix
are `UserError`s whose message is one readable sentence.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .i18n import message, tr
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
            raise UserError(tr("cannot save {path}: {error}").format(path=path, error=message(e))) from None


def load_data(data: str, seed: int = 0, preprocessing: dict | None = None, progress=None) -> Dataset:
    """Load DATA; with a model file's recorded `preprocessing`, apply exactly that (its mean / std)."""
    try:
        return load_dataset(data, seed=seed, preprocessing=preprocessing, progress=progress)
    except DataError as e:
        raise UserError(message(e)) from None


def outputs_for(ds: Dataset) -> int:
    return ds.num_classes if ds.task == "classification" else int(np.prod(ds.target_shape or (1,)))


def default_loss(ds: Dataset) -> str:
    return "cross_entropy" if ds.task == "classification" else "mse"


def read_network(spec: str) -> Network:
    p = Path(spec)
    if not p.is_file():
        raise UserError(tr("no such file: {spec}").format(spec=spec))
    if is_onnx_file(spec):
        return _network_from(open_model(spec).network, spec)
    try:
        return Network.from_json(p.read_text(encoding="utf-8"))
    except (DocumentError, UnicodeDecodeError) as e:
        raise UserError(tr("{path}: {error}").format(path=spec, error=message(e))) from None


def open_model(path: str) -> ModelBundle:
    """A `.dls` model file, or an `.onnx` model imported as a bundle (network and weights only)."""
    if is_onnx_file(path):
        from .io.onnx_import import OnnxImportError, import_onnx_bundle
        try:
            return import_onnx_bundle(path)
        except OnnxImportError as e:
            if str(path) in str(e):
                raise UserError(message(e)) from None
            raise UserError(tr("{path}: {error}").format(path=path, error=message(e))) from None
    try:
        return load_model(path)
    except ModelFileError as e:
        raise UserError(message(e)) from None


def is_model_file(spec: str) -> bool:
    return spec.endswith(".dls")


def is_onnx_file(spec: str) -> bool:
    """An ONNX model: used as a SPEC it is imported (network + weights); saving goes to --out."""
    return str(spec).lower().endswith(".onnx")


def prepare(spec: str, data: str | None, *, epochs=None, batch_size=None, loss=None, optimizer=None,
            lr=None, seed=None, val_split=None, clip_norm=None, progress=None) -> Run:
    """Build a run from SPEC (preset name, network .json or model .dls) and DATA."""
    bundle = open_model(spec) if is_model_file(spec) or is_onnx_file(spec) else None
    saved = bundle.training if bundle else {}
    saved_cfg = saved.get("config", {})
    if data is None:
        data = saved.get("data", {}).get("source")
        if data is None:
            raise UserError(tr("say which data to train on with --data (e.g. --data digits)"))
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
        raise UserError(tr("unknown network {spec!r}: give a preset ({presets}), a network .json "
                           "or a model .dls").format(spec=spec, presets=', '.join(sorted(PRESETS))))
    cfg = TrainConfig.from_dict(saved_cfg) if saved_cfg else TrainConfig(
        loss=default_loss(ds), optimizer=defaults.get("optimizer", "adam"),
        hyper=dict(defaults.get("hyper", {})), batch_size=defaults.get("batch_size", 32),
        epochs=defaults.get("epochs", 10), seed=seed, clip_norm=defaults.get("clip_norm"))
    for name, value in (("epochs", epochs), ("batch_size", batch_size), ("loss", loss),
                        ("val_split", val_split), ("clip_norm", clip_norm)):
        if value is not None:
            setattr(cfg, name, value)
    if optimizer is not None and optimizer != cfg.optimizer:
        if bundle is not None:
            raise UserError(tr("this model was trained with {optimizer}; continuing with a different "
                               "optimizer would lose its state — train a copy from the network instead").format(
                                optimizer=cfg.optimizer))
        cfg.optimizer, cfg.hyper = optimizer, {}
    if lr is not None:
        cfg.hyper = {**cfg.hyper, "lr": lr}
    cfg.seed = seed
    return prepare_network(net, ds, cfg, bundle)


def prepare_network(network: Network, data: Dataset | str, config: TrainConfig,
                    bundle: ModelBundle | None = None, progress=None) -> Run:
    """Build a run for this network, data and configuration (shared by `prepare` and the app).

    With a model file's `bundle` the run continues it: its weights, optimizer state (the
    optimizer must be the one it was trained with), trainer state and history; hyperparameters
    in `config.hyper` that differ from the recorded ones (e.g. a new learning rate) are applied.
    DATA given as a string is loaded with the bundle's recorded preprocessing. Anything that
    does not fit is a `UserError` that says what to change.
    """
    saved = bundle.training if bundle is not None else {}
    if isinstance(data, str):
        data = load_data(data, seed=config.seed, preprocessing=saved.get("data", {}).get("preprocessing"),
                         progress=progress)
    ds, cfg, net, seed = data, config, network, config.seed
    if not (0 <= cfg.val_split <= 0.9):
        raise UserError(tr("--val-split must be between 0 and 0.9, got {val_split}").format(
                            val_split=cfg.val_split))
    trained_with = saved.get("optimizer", {}).get("name") if bundle is not None and bundle.optimizer_slots else None
    if trained_with and trained_with != cfg.optimizer:
        raise UserError(tr("this model was trained with {optimizer}; continuing with a different "
                           "optimizer would lose its state — train a copy from the network instead").format(
                            optimizer=trained_with))
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
            missing = [f"{k}/{s.name}" for k, v in bundle.optimizer_slots.items()
                       for s in model.slots if s.trainable and s.name not in v]
            if missing:
                raise UserError(tr("the model file's optimizer.npz has no {names}: its optimizer state does not "
                                   "fit the network; train a copy from the network instead").format(
                                    names=", ".join(missing[:3]) + (" …" if len(missing) > 3 else "")))
            recorded = o.get("hyper", cfg.hyper)
            opt.load_state_dict({"name": o.get("name", cfg.optimizer), "hyper": recorded,
                                 "step": o.get("step", 0),
                                 "slots": {k: model.join_flat(v) for k, v in bundle.optimizer_slots.items()}})
            changed = {k: v for k, v in cfg.hyper.items() if k in recorded and recorded[k] != v}
            if changed:
                opt.set_hyper(**changed)
        history = bundle.history if bundle is not None and bundle.history else None
        trainer = Trainer(model, train.x, train.y, cfg, val=(val.x, val.y), optimizer=opt,
                          history=history, state=saved.get("trainer"), task=ds.task)
    except (NetworkError, TrainingError, DataError) as e:
        raise UserError(message(e)) from None
    except ValueError as e:  # hyperparameter and loss validation
        raise UserError(message(e)) from None
    return Run(net, model, cfg, ds, train, val, trainer, trainer.history)


def setup_problems(network: Network, ds: Dataset, config: TrainConfig) -> list[str]:
    """What stops this network, data and configuration from training — found without building
    the model (cheap enough to run on every change in the app). `prepare_network` makes the
    same checks, and more, on the built model."""
    from .engine.layers.base import ENGINE_LAYERS
    from .engine.losses import get_loss
    from .spec import analyze
    problems: list[str] = []
    a = analyze(network)
    if a.problems:
        return [a.problems[0].text]
    unsupported = sorted({n.type for n in network.nodes if n.type not in ENGINE_LAYERS})
    if unsupported:
        return [tr("{types}: this layer type cannot be trained by the engine yet").format(
            types=", ".join(unsupported))]
    if len(a.inputs) != 1 or len(a.outputs) != 1:
        which, ids = ("Input", a.inputs) if len(a.inputs) != 1 else (tr("output"), a.outputs)
        if not ids:
            return [tr("training needs exactly one {which}, the network has {n}").format(which=which, n=0)]
        return [tr("training needs exactly one {which}, the network has {n} ({ids})").format(
            which=which, n=len(ids), ids=", ".join(ids))]
    in_id, out_id = a.inputs[0], a.outputs[0]
    if tuple(a.shapes[in_id]) != tuple(ds.sample_shape):
        problems.append(tr("the data has samples of shape {sample_shape} but the Input '{in_id}' "
                           "expects {expected}").format(
                            sample_shape=list(ds.sample_shape), in_id=in_id,
                            expected=list(a.shapes[in_id])))
    out = tuple(a.shapes[out_id])
    if ds.task == "classification":
        k = ds.num_classes
        if out[-1] != k and not (k == 2 and out[-1] == 1):
            problems.append(tr("the network ends in {outputs} output(s) but the data has {k} classes — "
                               "set the last layer ('{out_id}') to {k} units").format(
                                outputs=out[-1], k=k, out_id=out_id))
    elif out != tuple(ds.target_shape):
        problems.append(tr("the network outputs {out} per sample but the targets are {target_shape} — "
                           "change the last layer ('{out_id}')").format(
                            out=list(out), target_shape=list(ds.target_shape), out_id=out_id))
    try:
        loss = get_loss(config.loss)
    except ValueError as e:
        problems.append(message(e))
    else:
        if loss.task == "classification" and ds.task == "regression":
            problems.append(tr("{name} is a classification loss but {source} has regression targets — "
                               "use a regression loss such as mse, mae or smooth_l1").format(
                                name=loss.name, source=ds.source))
        elif loss.task == "regression" and ds.task == "classification":
            problems.append(tr("{name} is a regression loss but {source} has class labels — use "
                               "cross_entropy (or mse, which one-hot encodes the labels)").format(
                                name=loss.name, source=ds.source))
    try:
        make_optimizer(config.optimizer, **config.hyper)
    except ValueError as e:
        problems.append(message(e))
    try:
        config.resolved_batch(len(ds))
    except TrainingError as e:
        problems.append(message(e))
    if not (0 <= config.val_split <= 0.9):
        problems.append(tr("the validation split must be between 0 and 0.9, got {val_split}").format(
                            val_split=config.val_split))
    if config.clip_norm is not None and not config.clip_norm > 0:
        problems.append(tr("gradient clipping needs a norm above 0, got {clip_norm}").format(
                            clip_norm=config.clip_norm))
    return problems


def _network_from(doc: dict, where: str) -> Network:
    try:
        return Network.from_dict(doc)
    except DocumentError as e:
        raise UserError(tr("{path}: {error}").format(path=where, error=message(e))) from None


def _check_outputs(model: Model, ds: Dataset, loss: str) -> None:
    out = model.output_shape
    if ds.task == "classification":
        k = ds.num_classes
        if out[-1] != k and not (k == 2 and out[-1] == 1):
            raise UserError(tr("the network ends in {outputs} output(s) but the data has {k} classes — "
                               "set the last layer ('{out_id}') to {k} units").format(
                                outputs=out[-1], k=k, out_id=model.output_id))
    elif tuple(out) != tuple(ds.target_shape):
        raise UserError(tr("the network outputs {out} per sample but the targets are {target_shape} — "
                           "change the last layer ('{out_id}')").format(
                            out=list(out), target_shape=list(ds.target_shape), out_id=model.output_id))


def model_for_inference(path: str) -> tuple[Model, ModelBundle]:
    bundle = open_model(path)
    try:
        model = Model(_network_from(bundle.network, path))
        model.set_weights(bundle.weights)
    except NetworkError as e:
        raise UserError(tr("{path}: {error}").format(path=path, error=message(e))) from None
    return model, bundle

