"""The "through_time" measure: how much gradient reaches each earlier time step of a sequence
network at initialisation, then the same training as "train".

At initialisation (the weights training starts from) one forward and backward pass on the first
`grad_batch` training sequences (setting, default 64) with the run's loss gives, for every time
step t = 1..T, ‖∂L/∂x_t‖: the norm of the gradient that reaches the input of step t, from the
engine's own backward (the layer that reads the Input is asked for its input gradient). The
curve grad_through_time holds it relative to the last step's, ‖∂L/∂x_t‖ / ‖∂L/∂x_T‖, against
x = T − t, the number of steps back from the end — so runs of different lengths share one axis.
Scalars: grad_first_over_last (t = 1 against t = T), steps (T), plus everything "train" provides.

Setting `data` (default: the experiment's): a data set for this run alone, e.g.
"adding:40?n=2000", loaded with the experiment's data_seed and split with its val_split — so
one experiment can compare the same networks at growing sequence lengths.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from ...engine.losses import get_loss
from ...engine.model import Model
from ...run import default_loss, outputs_for
from . import Context, Outcome, measure
from .train import train


def step_gradients(model: Model, x: np.ndarray, y: np.ndarray, loss_name: str) -> np.ndarray:
    """‖∂L/∂x_t‖ for every step t of the sequences x (N, T, F): one training-mode forward and
    backward pass of `model`, whose one layer reading the Input is asked for its input gradient."""
    first = [nid for nid in model.order if model.input_id in model.sources[nid]]
    if len(first) != 1 or x.ndim != 3:
        raise ValueError("the gradient through time needs sequences (N, T, F) read by one layer, got "
                         f"{len(first)} layer(s) reading an input of shape {list(x.shape[1:])}")
    layer = model.layers[first[0]]
    seen: list[np.ndarray] = []
    backward, need_dx = layer.backward, layer.need_dx

    def keep_dx(dout):
        dins = backward(dout)
        seen.append(dins[0])
        return dins

    layer.need_dx, layer.backward = True, keep_dx
    try:
        model.train_step_grads(x, y, get_loss(loss_name))
    finally:
        layer.need_dx = need_dx
        del layer.backward          # the class's method again
    dx = np.asarray(seen[-1], dtype=np.float64)
    return np.sqrt(np.sum(dx * dx, axis=(0, 2)))


def _with_run_data(ctx: Context) -> Context:
    """ctx itself, or (setting `data`) a copy holding the run's own data set."""
    from ..format import ExperimentError
    from ..runner import load_data
    spec = ctx.settings.get("data")
    if spec is None:
        if ctx.data is None:
            raise ExperimentError(f"run {ctx.run.id!r}: no data — give the experiment a 'data' key or "
                                  "the run a 'data' setting")
        return ctx
    if not isinstance(spec, str) or not spec.strip():
        raise ExperimentError(f"run {ctx.run.id!r}: the data setting must be a data set such as "
                              f"'adding:40?n=2000', got {spec!r}")
    whole, tr, val = load_data(replace(ctx.experiment, data=spec))
    return replace(ctx, data=whole, train=tr, val=val)


@measure("through_time", settings={"grad_batch": 64, "data": None}, options={"last_k": 5},
         needs_data=False,
         scalars=("grad_first_over_last", "steps", "seconds", "samples_per_s", "params", "epochs_done",
                  "diverged"))
def through_time(ctx: Context) -> Outcome:
    """Gradient per time step at initialisation, then train (see the module docstring)."""
    from ...i18n import tr
    from ..format import ExperimentError, message_of
    ctx = _with_run_data(ctx)
    ds = ctx.data
    n = ctx.settings.get("grad_batch", 64)
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ExperimentError(tr("run {run!r}: grad_batch must be a whole number ≥ 1, got {value!r}")
                              .format(run=ctx.run.id, value=n))
    if len(ds.sample_shape) != 2:
        raise ExperimentError(tr("run {run!r}: the through_time measure needs sequence data (samples of shape "
                                 "[T, F]), got samples of shape {shape}").format(run=ctx.run.id,
                                                                                shape=list(ds.sample_shape)))
    try:
        model = Model(ctx.run.network_document(ds.sample_shape, outputs_for(ds)), seed=ctx.seed)
        norms = step_gradients(model, ctx.train.x[:n], ctx.train.y[:n],
                               ctx.settings.get("loss") or default_loss(ds))
    except ValueError as e:
        raise ExperimentError(tr("run {run!r}: {error}").format(run=ctx.run.id, error=message_of(e))) from None
    steps = norms.size
    last = norms[-1]
    rel = norms / last if last > 0 else np.full_like(norms, np.nan)
    xs, ys = list(range(steps)), [float(v) for v in rel[::-1]]   # x = T − t: 0 is the last step
    ctx.series("grad_through_time", xs, ys, final=True)
    out = train(ctx)
    out.series["grad_through_time"] = (xs, ys)
    out.scalars.update({"grad_first_over_last": ys[-1], "steps": float(steps)})
    return out
