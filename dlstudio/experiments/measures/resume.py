"""The "resume" measure: does a model saved to a file continue training exactly where it stopped?

Three trainings of the run's network on the experiment's data, all through `dlstudio.run`
(`prepare_network`, `Run.save`, `load_model`: the code `dlstudio train --resume` and the app use):
  straight   N epochs in one go (N = the `epochs` setting);
  resumed    `resume_at` epochs (k, default N // 2), saved to a real .dls file in a temporary
             folder, loaded back from it and trained N − k more;
  restart    the same k epochs, then a run built without the file (re-initialised) for N − k.
Setting `keep`: "everything" (default: the whole file — weights, optimizer state, shuffling and
dropout state) or "weights" (the loaded file's weights only, as if nothing else had been saved).
Curves (x = epoch): train_loss (straight), train_loss_resumed, train_loss_restart.
Scalars: max_abs_diff (largest |straight − resumed| of the per-epoch training losses),
weights_max_abs_diff (largest |difference| of the final weights), restart_gap (largest
|straight − restart| over epochs k+1..N), resume_at (k), seconds.
"""
from __future__ import annotations

import copy
import tempfile
import time
from pathlib import Path

import numpy as np

from ...engine.trainer import TrainingError
from ...io.modelfile import ModelBundle, ModelFileError, load_model
from ...run import UserError, outputs_for, prepare_network
from ...spec import Network
from . import Context, Outcome, measure
from .train import train_config

KEEP = ("everything", "weights")


def weights_only(bundle: ModelBundle) -> ModelBundle:
    """The bundle with nothing but its network and weights (no optimizer, trainer or history)."""
    return ModelBundle(network=bundle.network, weights=bundle.weights)


def _losses(run, epochs: int, should_stop) -> list[float] | None:
    """Train `run` `epochs` more epochs; its per-epoch training losses (None when stopped)."""
    run.trainer.callbacks.append(lambda ev: run.trainer.stop() if ev["event"] == "batch" and should_stop() else None)
    before = len(run.trainer.history["epochs"])
    if run.trainer.run(epochs)["event"] == "stopped":
        return None
    return [float(e["train_loss"]) for e in run.trainer.history["epochs"][before:]]


def _settings(ctx: Context) -> tuple[int, int, str]:
    from ...i18n import tr
    from ..format import ExperimentError
    n, k, keep = ctx.settings["epochs"], ctx.settings.get("resume_at"), ctx.settings.get("keep", "everything")
    k = n // 2 if k is None else k
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k < n:
        raise ExperimentError(tr("run {run!r}: resume_at must be a whole number of epochs from 1 to epochs − 1 "
                                 "({most}), got {value!r}").format(run=ctx.run.id, most=n - 1,
                                                                   value=ctx.settings.get("resume_at")))
    if keep not in KEEP:
        raise ExperimentError(tr("run {run!r}: keep must be one of {known}, got {value!r}")
                              .format(run=ctx.run.id, known=", ".join(KEEP), value=keep))
    return n, k, keep


@measure("resume", settings={"resume_at": None, "keep": "everything"}, options={"last_k": 5},
         scalars=("max_abs_diff", "weights_max_abs_diff", "restart_gap", "resume_at", "seconds"))
def resume(ctx: Context) -> Outcome:
    """Straight vs saved-loaded-resumed vs re-initialised training (see the module docstring)."""
    from ...i18n import tr
    from ..format import ExperimentError, message_of
    n, k, keep = _settings(ctx)
    ds = ctx.data
    cfg = train_config(ctx)
    network = ctx.run.network_document(ds.sample_shape, outputs_for(ds))
    t0 = time.perf_counter()
    try:
        straight = prepare_network(network, ds, copy.deepcopy(cfg))
        losses = _losses(straight, n, ctx.should_stop)
        first = prepare_network(network, ds, copy.deepcopy(cfg))
        head = _losses(first, k, ctx.should_stop) if losses is not None else None
        if head is None:
            return Outcome(stopped=True)
        with tempfile.TemporaryDirectory(prefix="dlstudio-resume-") as tmp:
            path = Path(tmp) / f"{ctx.run.id}-{ctx.seed}.dls"
            first.save(path)
            bundle = load_model(path)
        if keep == "weights":
            bundle = weights_only(bundle)
        resumed = prepare_network(Network.from_dict(bundle.network), ds, copy.deepcopy(cfg), bundle)
        tail = _losses(resumed, n - k, ctx.should_stop)
        restart = prepare_network(network, ds, copy.deepcopy(cfg))
        fresh = _losses(restart, n - k, ctx.should_stop) if tail is not None else None
    except (UserError, ModelFileError, TrainingError) as e:
        raise ExperimentError(tr("run {run!r}: {error}").format(run=ctx.run.id, error=message_of(e))) from None
    if fresh is None:
        return Outcome(stopped=True)
    epochs = list(range(1, n + 1))
    curves = {"train_loss": (epochs, losses), "train_loss_resumed": (epochs, head + tail),
              "train_loss_restart": (epochs, head + fresh)}
    for name, (xs, ys) in curves.items():
        ctx.series(name, xs, ys, final=True)
    a, b = straight.model.weights(), resumed.model.weights()
    scalars = {
        "max_abs_diff": float(np.max(np.abs(np.subtract(losses, head + tail)))),
        "weights_max_abs_diff": max(float(np.max(np.abs(a[name].astype(np.float64) - b[name])))
                                    for name in a),
        "restart_gap": float(np.max(np.abs(np.subtract(losses[k:], fresh)))),
        "resume_at": float(k), "seconds": time.perf_counter() - t0}
    return Outcome(series=curves, scalars=scalars)
