"""The "shifted" measure: train like "train", then test on the validation images moved by a few pixels.

After training (everything "train" records), the validation images are shifted by each of the
`shifts` (option, pixels; default [0, 1, 2]) — moved right, left, down and up in turn, the pixels
that come in filled with 0 (the background), nothing wrapping round — and the validation accuracy
is the mean over the four directions. Curve: shifted_accuracy (x = shift in pixels). Scalars:
acc_shift_<s> for each shift s, drop_shift_<s> (accuracy at shift 0 minus at s), plus everything
"train" provides (params among them).
"""
from __future__ import annotations

import numpy as np

from ...engine.model import Model
from ...engine.trainer import evaluate_metrics
from . import Context, Outcome, measure
from .train import fit, train_config

DIRECTIONS = ((0, 1), (0, -1), (1, 0), (-1, 0))   # (rows, columns): right, left, down, up
MAX_SHIFT = 8


def shift_images(x: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Images (N, ..., H, W) moved `rows` down and `cols` right (negative: up / left), zero-filled."""
    if x.ndim < 3:
        raise ValueError(f"shifting needs images (N, …, H, W), got shape {list(x.shape)}")
    h, w = x.shape[-2:]
    out = np.zeros_like(x)
    if abs(rows) >= h or abs(cols) >= w:
        return out
    src_r = slice(max(-rows, 0), h - max(rows, 0))
    dst_r = slice(max(rows, 0), h - max(-rows, 0))
    src_c = slice(max(-cols, 0), w - max(cols, 0))
    dst_c = slice(max(cols, 0), w - max(-cols, 0))
    out[..., dst_r, dst_c] = x[..., src_r, src_c]
    return out


def shifted_accuracy(model: Model, x: np.ndarray, y: np.ndarray, shift: int, loss: str) -> float:
    """Accuracy (the engine's evaluation) on the images x shifted by `shift` pixels, the mean
    over the four directions."""
    moves = [(0, 0)] if shift == 0 else [(r * shift, c * shift) for r, c in DIRECTIONS]
    return float(np.mean([evaluate_metrics(model, shift_images(x, r, c), y, loss, task="classification")["accuracy"]
                          for r, c in moves]))


def _shifts(ctx: Context) -> list[int]:
    from ...i18n import tr
    from ..format import ExperimentError
    shifts = ctx.options.get("shifts")
    if (not isinstance(shifts, list) or not shifts
            or not all(isinstance(s, int) and not isinstance(s, bool) and 0 <= s <= MAX_SHIFT for s in shifts)
            or len(set(shifts)) != len(shifts)):
        raise ExperimentError(tr("options.shifts must be a list of different whole numbers of pixels from 0 "
                                 "to {most}, e.g. [0, 1, 2], got {value!r}").format(most=MAX_SHIFT, value=shifts))
    return sorted(shifts)


SCALARS = tuple(f"{k}_shift_{s}" for s in range(MAX_SHIFT + 1) for k in ("acc", "drop"))


@measure("shifted", options={"last_k": 5, "shifts": [0, 1, 2]},
         scalars=(*SCALARS, "seconds", "samples_per_s", "params", "epochs_done", "diverged"))
def shifted(ctx: Context) -> Outcome:
    """Train, then the validation accuracy on shifted images (see the module docstring)."""
    from ...i18n import tr
    from ..format import ExperimentError
    shifts = _shifts(ctx)
    ds = ctx.data
    if ds.task != "classification" or len(ds.sample_shape) < 2:
        raise ExperimentError(tr("run {run!r}: the shifted measure needs image classification data (samples of "
                                 "shape [C, H, W] or [H, W]), got {task} data of shape {shape}")
                              .format(run=ctx.run.id, task=ds.task, shape=list(ds.sample_shape)))
    if ctx.val is None or not len(ctx.val):
        raise ExperimentError(tr("run {run!r}: the shifted measure tests on the validation images; set "
                                 "val_split above 0").format(run=ctx.run.id))
    out, model = fit(ctx)
    if out.stopped:
        return out
    loss = train_config(ctx).loss
    accs = [shifted_accuracy(model, ctx.val.x, ctx.val.y, s, loss) for s in shifts]
    out.series["shifted_accuracy"] = (list(shifts), accs)
    ctx.series("shifted_accuracy", shifts, accs, final=True)
    base = accs[0] if shifts[0] == 0 else shifted_accuracy(model, ctx.val.x, ctx.val.y, 0, loss)
    for s, a in zip(shifts, accs):
        out.scalars[f"acc_shift_{s}"] = a
        out.scalars[f"drop_shift_{s}"] = base - a
    return out
