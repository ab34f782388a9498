"""The "outliers" measure: fit a line to seeded data whose training targets hold outliers, with the
run's loss, and measure the error on clean points (the line itself).

The data is built here from the seed: x uniform in [-1, 1], y = slope·x + intercept + noise; a
share of the training targets is moved up by `outlier_size` (one-sided, as a faulty sensor does).
Clean test points lie exactly on the line. Curves: train_loss (the run's loss, per epoch) and
clean_mae (mean absolute error on the clean points, per epoch). Scalars: clean_mae (final),
seconds.
"""
from __future__ import annotations

import time

import numpy as np

from ...engine.model import Model
from ...engine.trainer import TrainConfig, Trainer, evaluate_metrics
from . import Context, Outcome, measure


@measure("outliers", options={"n": 200, "share": 0.2, "outlier_size": 8.0, "noise": 0.05, "slope": 2.0,
                              "intercept": 0.5},
         needs_data=False, scalars=("clean_mae", "seconds"))
def outliers(ctx: Context) -> Outcome:
    """Train one (run, seed) on line data with outliers; record the error on clean points."""
    o, s = ctx.options, ctx.settings
    rng = np.random.default_rng(1000 + ctx.seed)
    n = int(o["n"])
    x = rng.uniform(-1, 1, (n, 1)).astype(np.float32)
    y = (o["slope"] * x + o["intercept"] + rng.normal(0, o["noise"], (n, 1))).astype(np.float32)
    bad = rng.random(n) < o["share"]
    y[bad] += np.float32(o["outlier_size"])
    xc = np.linspace(-1, 1, 101, dtype=np.float32)[:, None]
    yc = (o["slope"] * xc + o["intercept"]).astype(np.float32)
    hyper = dict(s.get("hyper") or {})
    if s.get("lr") is not None:
        hyper["lr"] = s["lr"]
    cfg = TrainConfig(loss=s.get("loss") or "mse", optimizer=s["optimizer"], hyper=hyper,
                      batch_size=s["batch_size"], epochs=s["epochs"], seed=ctx.seed)
    model = Model(ctx.run.network_document((1,), 1), seed=ctx.seed)
    trainer = Trainer(model, x, y, cfg, task="regression")
    curves: dict[str, tuple[list, list]] = {"train_loss": ([], []), "clean_mae": ([], [])}

    def on_event(ev: dict) -> None:
        if ev["event"] == "batch" and ctx.should_stop():
            trainer.stop()
        elif ev["event"] == "epoch":
            clean = evaluate_metrics(model, xc, yc, "mae", task="regression")["loss"]
            for name, v in (("train_loss", ev["train_loss"]), ("clean_mae", clean)):
                curves[name][0].append(ev["epoch"])
                curves[name][1].append(float(v))
                ctx.series(name, *curves[name])

    trainer.callbacks.append(on_event)
    t0 = time.perf_counter()
    result = trainer.run(cfg.epochs)
    for name in curves:
        ctx.series(name, *curves[name], final=True)
    last = curves["clean_mae"][1]
    return Outcome(series=curves, stopped=result["event"] == "stopped",
                   scalars={"clean_mae": last[-1] if last else float("nan"),
                            "seconds": time.perf_counter() - t0})
