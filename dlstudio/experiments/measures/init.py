"""The "init" measure: train the run's network from rescaled or all-equal initial weights.

Settings: `init_scale` (every Dense kernel's initial values are multiplied by it; default 1) and
`init_equal` (true: every Dense kernel entry is set to the same value, init_scale × the mean
|initial value| of that kernel). Before training, on the first 256 training samples, `saturated`
is the share of Sigmoid / Tanh outputs whose derivative (from the layer's own backward) is below
0.05. After training, `distinct` is the share of the first Dense layer's units whose incoming
weights differ from every other unit's (equal units have learned the same thing).
Curves: train_loss, val_accuracy (or val_mae) per epoch. Scalars: saturated, distinct, seconds.
"""
from __future__ import annotations

import time

import numpy as np

from ...engine.lab.activations import SATURATION
from ...engine.model import Model
from ...engine.trainer import Trainer, TrainingError
from ...i18n import tr
from ...run import outputs_for
from . import Context, Outcome, measure
from .train import train_config

SQUASHING = ("Sigmoid", "Tanh")


def rescale(model: Model, scale: float, equal: bool) -> None:
    """Multiply every Dense kernel by `scale`, or (equal) fill it with scale × its mean |value|."""
    for nid in model.order:
        if model.network.node(nid).type == "Dense":
            k = model.layers[nid].w["kernel"]
            k[...] = scale * float(np.mean(np.abs(k))) if equal else k * scale


def saturated_share(model: Model, x: np.ndarray) -> float:
    """Share of Sigmoid / Tanh outputs with derivative below SATURATION on the batch x (NaN if none)."""
    model.forward(x, training=True)
    flat = []
    for nid in model.order:
        if model.network.node(nid).type in SQUASHING:
            v = model.values[nid]
            d = model.layers[nid].backward(np.ones_like(v))[0]
            flat.append(np.abs(d).ravel() < SATURATION)
    return float(np.mean(np.concatenate(flat))) if flat else float("nan")


def distinct_share(model: Model) -> float:
    """Share of the first Dense layer's units whose weight column differs from all others."""
    first = next(nid for nid in model.order if model.network.node(nid).type == "Dense")
    k = model.layers[first].w["kernel"].astype(np.float64)
    cols = np.round(k.T / (np.abs(k).max() + 1e-30), 6)
    _, index, counts = np.unique(cols, axis=0, return_inverse=True, return_counts=True)
    return float(np.mean(counts[np.ravel(index)] == 1))


@measure("init", settings={"init_scale": 1.0, "init_equal": False}, options={"last_k": 5},
         scalars=("saturated", "distinct", "seconds"))
def init(ctx: Context) -> Outcome:
    """Train one (run, seed) from the rescaled initial weights (see the module docstring)."""
    from ..format import ExperimentError, message_of
    s, ds = ctx.settings, ctx.data
    scale = s.get("init_scale", 1.0)
    if not isinstance(scale, (int, float)) or isinstance(scale, bool) or not scale > 0:
        raise ExperimentError(tr("run {run!r}: init_scale must be a positive number, got {value!r}")
                              .format(run=ctx.run.id, value=scale))
    cfg = train_config(ctx)
    try:
        model = Model(ctx.run.network_document(ds.sample_shape, outputs_for(ds)), seed=ctx.seed)
        rescale(model, float(scale), bool(s.get("init_equal")))
        saturated = saturated_share(model, ctx.train.x[:256])
        val = (ctx.val.x, ctx.val.y) if ctx.val is not None and len(ctx.val) else None
        trainer = Trainer(model, ctx.train.x, ctx.train.y, cfg, val=val, task=ds.task)
    except (TrainingError, ValueError) as e:
        raise ExperimentError(tr("run {run!r}: {error}").format(run=ctx.run.id, error=message_of(e))) from None
    metric = "val_accuracy" if ds.task == "classification" else "val_mae"
    curves: dict[str, tuple[list, list]] = {"train_loss": ([], []), metric: ([], [])}

    def on_event(ev: dict) -> None:
        if ev["event"] == "batch" and ctx.should_stop():
            trainer.stop()
        elif ev["event"] == "epoch":
            for name, (xs, ys) in curves.items():
                if ev.get(name) is not None:
                    xs.append(ev["epoch"])
                    ys.append(float(ev[name]))
                    ctx.series(name, xs, ys)

    trainer.callbacks.append(on_event)
    t0 = time.perf_counter()
    stopped = False
    try:
        stopped = trainer.run(cfg.epochs)["event"] == "stopped"
    except TrainingError:
        pass   # the curves so far stay
    for name, (xs, ys) in curves.items():
        ctx.series(name, xs, ys, final=True)
    return Outcome(series=curves, stopped=stopped,
                   scalars={"saturated": saturated, "distinct": distinct_share(model),
                            "seconds": time.perf_counter() - t0})
