"""The "train" measure: train the run's network on the experiment's data with the engine's Trainer.

Curves it records (x is the epoch; for per-batch curves the fractional epoch):
  train_loss, val_loss, train_accuracy, val_accuracy (classification) or train_mae, val_mae
  (regression), epoch_seconds, samples_per_s (per epoch), train_loss_batch (per batch).
Scalars: seconds (training wall time), samples_per_s (training samples over training time),
params (the network's parameter count), epochs_done, diverged (1 if the loss or a gradient
became NaN / Inf and training stopped there, else 0).
"""
from __future__ import annotations

import math
import time

from ...engine.model import Model
from ...engine.trainer import TrainConfig, Trainer, TrainingError
from ...run import default_loss, outputs_for, setup_problems
from . import Context, Outcome, measure

MAX_BATCH_POINTS = 2000   # per-batch curve points kept per run (evenly thinned above this)


def train_config(ctx: Context) -> TrainConfig:
    """The run's training settings as the Trainer takes them (lr folded into the hyperparameters)."""
    s = ctx.settings
    hyper = dict(s.get("hyper") or {})
    if s.get("lr") is not None:
        hyper["lr"] = s["lr"]
    return TrainConfig(loss=s.get("loss") or default_loss(ctx.data), optimizer=s["optimizer"], hyper=hyper,
                       batch_size=s["batch_size"], epochs=s["epochs"], seed=ctx.seed,
                       val_split=ctx.experiment.val_split, clip_norm=s.get("clip_norm"))


@measure("train", options={"last_k": 5},
         scalars=("seconds", "samples_per_s", "params", "epochs_done", "diverged"))
def train(ctx: Context) -> Outcome:
    """Train one (run, seed) and record its curves."""
    return fit(ctx)[0]


def fit(ctx: Context) -> tuple[Outcome, Model]:
    """What `train` does, also giving back the trained model (for measures that test it further)."""
    from ...i18n import tr
    from ..format import ExperimentError, message_of
    ds = ctx.data
    cfg = train_config(ctx)
    net = ctx.run.network_document(ds.sample_shape, outputs_for(ds))
    problems = setup_problems(net, ds, cfg)
    if problems:
        raise ExperimentError(tr("run {run!r}: {error}").format(run=ctx.run.id, error=problems[0]))
    try:
        model = Model(net, seed=ctx.seed)
        val = (ctx.val.x, ctx.val.y) if ctx.val is not None and len(ctx.val) else None
        trainer = Trainer(model, ctx.train.x, ctx.train.y, cfg, val=val, task=ds.task)
    except (TrainingError, ValueError) as e:
        raise ExperimentError(tr("run {run!r}: {error}").format(run=ctx.run.id, error=message_of(e))) from None
    out = Outcome()
    curves: dict[str, tuple[list, list]] = {}
    metric = "accuracy" if ds.task == "classification" else "mae"
    epoch_names = ["train_loss", "val_loss", f"train_{metric}", f"val_{metric}", "epoch_seconds", "samples_per_s"]
    batches = math.ceil(len(ctx.train) / trainer.batch) * cfg.epochs
    batch_every = max(1, math.ceil(batches / MAX_BATCH_POINTS))
    counter = {"batches": 0}

    def add(name: str, x: float, y, final: bool = False) -> None:
        if y is None:
            return
        xs, ys = curves.setdefault(name, ([], []))
        xs.append(x)
        ys.append(float(y))
        ctx.series(name, xs, ys, final=final)

    def on_event(ev: dict) -> None:
        kind = ev["event"]
        if kind == "batch":
            counter["batches"] += 1
            if counter["batches"] % batch_every == 0 or ev["batch"] == ev["batches"]:
                add("train_loss_batch", ev["epoch"] - 1 + ev["batch"] / ev["batches"], ev["loss"])
            if ctx.should_stop():
                trainer.stop()
        elif kind == "epoch":
            e = ev["epoch"]
            for name, key in (("train_loss", "train_loss"), ("val_loss", "val_loss"),
                              (f"train_{metric}", f"train_{metric}"), (f"val_{metric}", f"val_{metric}"),
                              ("epoch_seconds", "seconds"), ("samples_per_s", "samples_per_s")):
                add(name, e, ev.get(key))

    trainer.callbacks.append(on_event)
    t0 = time.perf_counter()
    diverged = 0.0
    try:
        result = trainer.run(cfg.epochs)
        out.stopped = result["event"] == "stopped"
    except TrainingError:
        diverged = 1.0   # the curves so far stay; figures over them show where it broke
    seconds = time.perf_counter() - t0
    for name in ["train_loss_batch", *epoch_names]:
        if name in curves:
            ctx.series(name, *curves[name], final=True)
    out.series = curves
    train_time = sum(curves.get("epoch_seconds", ([], []))[1])
    samples = len(ctx.train) * trainer.epochs_done
    out.scalars = {"seconds": seconds, "params": float(model.num_params),
                   "samples_per_s": samples / train_time if train_time > 0 else math.nan,
                   "epochs_done": float(trainer.epochs_done), "diverged": diverged}
    return out, model
