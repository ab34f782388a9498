"""The metric reported beside the loss: accuracy for classification, the mean absolute error for
regression — per batch, and summed over an epoch or a data set by `Tally`. No Qt here."""
from __future__ import annotations

import numpy as np

from .losses import _as_labels, get_loss

# For a single output: scores of these losses are split at 0, the others' outputs at 0.5.
_MARGIN_LOSSES = ("hinge", "exponential")


def mean_absolute_error(out: np.ndarray, target) -> float | None:
    """Mean |output − target| over every value (the regression metric shown beside the loss),
    or None when the shapes do not match or the targets are not numbers."""
    out, target = np.asarray(out), np.asarray(target)
    if out.size == 0 or out.size != target.size or target.dtype.kind not in "biuf":
        return None
    return float(np.mean(np.abs(out.reshape(-1).astype(np.float64) - target.reshape(-1))))


def metric_for(out: np.ndarray, target, loss_name: str, task: str | None = None) -> str | None:
    """The metric reported beside the loss for a run: "accuracy", "mae" or None. Decided once
    per run — by the data's task when it is known (integer-valued regression targets must not
    be read as class labels), else from a batch: accuracy where it applies, else the MAE."""
    if task == "regression" or (task is None and get_loss(loss_name).task == "regression"):
        return "mae" if mean_absolute_error(out, target) is not None else None
    if accuracy(out, target, loss_name) is not None:
        return "accuracy"
    return "mae" if task is None and mean_absolute_error(out, target) is not None else None


def accuracy(out: np.ndarray, target, loss_name: str) -> float | None:
    """Fraction of samples classified right, or None when the target is not a class target.

    `out` is the network's output (after its final activation), (N, K) or (N,).
    - K > 1 outputs and class labels (N,): argmax of out against the label.
    - One output and labels 0/1 (or -1/+1): class 1 is predicted where out > 0 for the margin
      losses hinge and exponential, where out > 0.5 for the others (their outputs are
      probabilities, or regress 0/1 for mse).
    - Targets shaped like out: argmax against argmax for cross_entropy and nll (one-hot or soft
      targets); the fraction of outputs on the right side of the threshold for
      binary_cross_entropy (multi-label), hinge and exponential.
    Regression losses, and mse with regression targets, give None.
    """
    loss = get_loss(loss_name)
    out, target = np.asarray(out), np.asarray(target)
    if (loss.task == "regression" or out.ndim == 0 or target.ndim == 0 or out.shape[0] == 0
            or out.shape[0] != target.shape[0] or target.dtype.kind not in "biuf"):
        return None
    n = out.shape[0]
    flat = out.reshape(n, -1)
    k = flat.shape[1]
    margin = loss.name in _MARGIN_LOSSES
    threshold = 0.0 if margin else 0.5
    labels = _as_labels(target) if target.ndim == 1 or target.shape == (n, 1) else None
    if labels is not None and k > 1 and target.ndim == 1:
        return float(np.mean(np.argmax(flat, axis=1) == labels))
    if labels is not None and k == 1:
        binary = np.all((labels == 0) | (labels == 1))
        if not (binary or (loss.name != "mse" and np.all((labels == -1) | (labels == 1)))):
            return None
        return float(np.mean((flat[:, 0] > threshold) == (labels > 0)))
    if target.shape != out.shape:
        return None
    if loss.name in ("cross_entropy", "nll") and out.ndim == 2:
        return float(np.mean(np.argmax(out, axis=1) == np.argmax(target, axis=1)))
    if loss.name == "binary_cross_entropy" or margin:
        return float(np.mean((out > threshold) == (target > threshold)))
    return None


class Tally:
    """Sums of the run's metric over batches: the accuracy or the MAE, weighted by batch size.

    The metric is decided on the first batch (`metric_for`) unless given — a trainer decides it
    once per run and hands it on. `state()` / `Tally(..., state=…)` carry partial sums across a
    stop in the middle of an epoch."""

    def __init__(self, loss_name: str, task: str | None = None, metric: str | None = None,
                 state: dict | None = None):
        st = state or {}
        self.loss_name, self.task, self.metric = loss_name, task, metric
        self.correct, self.counted = st.get("correct", 0), st.get("counted", 0)
        self.abs_sum, self.abs_counted = st.get("abs_sum", 0.0), st.get("abs_counted", 0)  # (older states lack them)

    def add(self, out: np.ndarray, target: np.ndarray, k: int) -> None:
        if self.metric is None:
            self.metric = metric_for(out, target, self.loss_name, self.task) or "none"
        if self.metric == "accuracy":
            acc = accuracy(out, target, self.loss_name)
            if acc is not None:
                self.correct += acc * k
                self.counted += k
        elif self.metric == "mae":
            err = mean_absolute_error(out, target)
            if err is not None:
                self.abs_sum += err * k
                self.abs_counted += k

    def accuracy(self) -> float | None:
        return self.correct / self.counted if self.counted else None

    def mae(self) -> float | None:
        return self.abs_sum / self.abs_counted if self.abs_counted else None

    def state(self) -> dict:
        return {"correct": self.correct, "counted": self.counted, "abs_sum": self.abs_sum,
                "abs_counted": self.abs_counted}
