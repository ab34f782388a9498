"""The "gradients" measure: the gradient that reaches each Dense layer of the run's network at
initialisation, then the same training as the "train" measure.

At initialisation (the same weights the training starts from: the Model is built with the run's
seed) one forward and backward pass on the first `grad_batch` training samples gives ‖∂L/∂W‖ of
every Dense kernel, first layer first. Curve: grad_norm (x = Dense layer 1..n). Scalars:
grad_first, grad_last, grad_ratio (first over last), plus everything "train" provides.
"""
from __future__ import annotations

import numpy as np

from ...engine.losses import get_loss
from ...engine.model import Model
from ...i18n import tr
from ...run import default_loss, outputs_for
from . import Context, Outcome, measure
from .train import train


def dense_grad_norms(model: Model, x: np.ndarray, y: np.ndarray, loss_name: str) -> np.ndarray:
    """‖∂L/∂kernel‖ of every Dense layer of `model` for one batch, in graph order."""
    model.train_step_grads(x, y, get_loss(loss_name))
    dense = [nid for nid in model.order if model.network.node(nid).type == "Dense"]
    return np.array([np.linalg.norm(model.layers[n].g["kernel"].astype(np.float64)) for n in dense])


@measure("gradients", settings={"grad_batch": 64}, options={"last_k": 5},
         scalars=("grad_first", "grad_last", "grad_ratio", "seconds", "samples_per_s", "params",
                  "epochs_done", "diverged"))
def gradients(ctx: Context) -> Outcome:
    """Gradient norm per Dense layer at initialisation, then train (see the module docstring)."""
    from ..format import ExperimentError, message_of
    ds = ctx.data
    net = ctx.run.network_document(ds.sample_shape, outputs_for(ds))
    n = int(ctx.settings.get("grad_batch") or 64)
    if n < 1:
        raise ExperimentError(tr("run {run!r}: grad_batch must be at least 1, got {value}").format(run=ctx.run.id, value=n))
    try:
        model = Model(net, seed=ctx.seed)
        norms = dense_grad_norms(model, ctx.train.x[:n], ctx.train.y[:n],
                                 ctx.settings.get("loss") or default_loss(ds))
    except ValueError as e:
        raise ExperimentError(tr("run {run!r}: {error}").format(run=ctx.run.id, error=message_of(e))) from None
    if norms.size == 0:
        raise ExperimentError(tr("run {run!r}: the network has no Dense layer to measure").format(run=ctx.run.id))
    xs, ys = list(range(1, norms.size + 1)), [float(v) for v in norms]
    ctx.series("grad_norm", xs, ys, final=True)
    out = train(ctx)
    out.series["grad_norm"] = (xs, ys)
    out.scalars.update({"grad_first": ys[0], "grad_last": ys[-1],
                        "grad_ratio": ys[0] / ys[-1] if ys[-1] > 0 else float("nan")})
    return out
