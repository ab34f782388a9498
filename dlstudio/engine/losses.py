"""Loss functions: the mean loss over a batch and its gradient with respect to the network output.

`loss(out, target, fused=False) -> (value, dL/dout)`. `out` is (N, ...) float32 / float64 with the
batch first; the gradient has out's shape and dtype. Every loss is a mean over the batch of a
per-sample loss; a regression per-sample loss is the mean over that sample's outputs, so the value
is the mean over all output elements (Keras / PyTorch "mean").

Targets are either class labels, shape (N,), whole numbers, or arrays shaped like `out`. Each
loss turns what it is given into one canonical form up front and says in the user's terms what
is wrong when it cannot (the target helpers below), so the loss formulas stay short.

`fused=True` means the model skipped its final activation (`fuses_with`) and passes that
activation's *inputs* (logits): softmax + cross-entropy and sigmoid + logistic loss then have a
simple, numerically stable gradient (p − y) / N.
"""
from __future__ import annotations

import numpy as np

from ..i18n import tr
from .kernels import losses as K

EPS = 1e-7   # clip for probabilities, for MSLE's logarithm and MAPE's denominator (as Keras)
_FLOATS = (np.dtype(np.float32), np.dtype(np.float64))


class Loss:
    """Base class: subclasses implement `_compute(out, target, fused) -> (float, grad)`."""

    name: str = ""
    task: str = ""                 # "classification" | "regression" | "both"
    fuses_with: str | None = None  # the final activation whose backward this loss can absorb

    def __call__(self, out: np.ndarray, target, fused: bool = False) -> tuple[float, np.ndarray]:
        """Mean loss over the batch and d(loss)/d(out), same shape and dtype as out."""
        if not isinstance(out, np.ndarray) or out.dtype not in _FLOATS:
            got = out.dtype if isinstance(out, np.ndarray) else type(out).__name__
            raise ValueError(tr("{name}: the network output must be a float32 or float64 array, got "
                                "{got}").format(name=self.name, got=got))
        if out.ndim == 0 or out.shape[0] == 0:
            raise ValueError(tr("{name}: the network output must have a batch axis with at least one "
                                "sample, got shape {shape}").format(name=self.name, shape=out.shape))
        if fused and self.fuses_with is None:
            raise ValueError(tr("{name} cannot absorb a final activation (fused=True)").format(
                                 name=self.name))
        target = np.asarray(target)
        if target.ndim == 0 or target.shape[0] != out.shape[0]:
            raise ValueError(tr("{name}: the target has {target} but the network output has "
                                "{n}").format(
                                 name=self.name, target=_samples(target), n=out.shape[0]))
        if not (target.dtype.kind in "biuf"):
            raise ValueError(tr("{name}: the target must be numbers, got dtype {dtype}").format(
                                 name=self.name, dtype=target.dtype))
        value, grad = self._compute(out, target, fused)
        return float(value), grad

    def _compute(self, out, target, fused):
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<loss {self.name}>"


# --- target helpers ------------------------------------------------------------------------

def _samples(target) -> str:
    n = target.shape[0] if target.ndim else 1
    return tr("{n} samples").format(n=n) if n != 1 else tr("1 sample")


def _shape(shape) -> str:
    return "(" + ", ".join(str(s) for s in shape) + ")"


def _as_labels(target: np.ndarray) -> np.ndarray | None:
    """int64 (N,) if `target` is (N,) or (N, 1) of whole numbers, else None."""
    if target.ndim == 2 and target.shape[1] == 1:
        target = target[:, 0]
    if target.ndim != 1:
        return None
    if target.dtype.kind in "biu":
        return target.astype(np.int64, copy=False)
    if np.all(np.isfinite(target)) and np.all(target == np.round(target)):
        return target.astype(np.int64)
    return None


def _check_range(name: str, labels: np.ndarray, k: int) -> None:
    bad = labels[(labels < 0) | (labels >= k)]
    if bad.size:
        outputs = tr("{n} outputs").format(n=k) if k != 1 else tr("1 output")
        raise ValueError(tr("{name}: label {label} is outside 0..{last} for a network with {outputs}").format(
                             name=name, label=bad[0], last=k - 1, outputs=outputs))


def _class_labels(name: str, out: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Class labels for an (N, K) output, range-checked, or a ValueError saying why not."""
    labels = _as_labels(target)
    if labels is None:
        if target.ndim == 1:
            bad = target[~np.isfinite(target) | (target != np.round(target))][0]
            raise ValueError(tr("{name} needs class labels 0..{last}, got the value {bad:.4g} "
                                "— is this a regression target? Use a regression loss such as mse").format(
                                 name=name, last=out.shape[1] - 1, bad=bad))
        raise ValueError(tr("{name}: a target of shape {target_shape} does not fit a network "
                            "output of shape {output_shape}; give class labels (N,) or an array "
                            "shaped like the output").format(
                             name=name, target_shape=_shape(target.shape),
                             output_shape=_shape(out.shape)))
    _check_range(name, labels, out.shape[1])
    return labels


def _binary(name: str, values: np.ndarray, what: str) -> None:
    if not np.all((values == 0) | (values == 1)):
        bad = values[(values != 0) & (values != 1)][0]
        raise ValueError(tr("{name}: {what} must be 0 or 1, got {bad:g}").format(
                             name=name, what=what, bad=bad))


def _needs_2d(name: str, out: np.ndarray) -> None:
    if out.ndim != 2:
        raise ValueError(tr("{name} needs an output of shape (N, classes), got {output_shape}").format(
                             name=name, output_shape=_shape(out.shape)))


def _probabilities(name: str, out: np.ndarray, hint: str) -> None:
    lo, hi = out.min(), out.max()
    if lo < 0 or hi > 1:
        raise ValueError(tr("{name} expects probabilities in [0, 1] ({hint}); the network output ranges "
                            "from {lo:.4g} to {hi:.4g}").format(name=name, hint=hint, lo=lo, hi=hi))


def _same_shape(out: np.ndarray, target: np.ndarray) -> np.ndarray | None:
    """`target` as out's dtype and shape if it is shaped like out (or (N,) for an (N, 1) out)."""
    if target.shape == out.shape:
        return target.astype(out.dtype, copy=False)
    if out.ndim == 2 and out.shape[1] == 1 and target.shape == out.shape[:1]:
        return target.reshape(out.shape).astype(out.dtype, copy=False)
    return None


def _one_hot(labels: np.ndarray, k: int, dtype) -> np.ndarray:
    t = np.zeros((labels.size, k), dtype=dtype)
    t[np.arange(labels.size), labels] = 1
    return t


def _sigmoid(z: np.ndarray) -> np.ndarray:
    e = np.exp(-np.abs(z))                      # never overflows
    one = z.dtype.type(1)
    return np.where(z >= 0, one / (one + e), e / (one + e))


# --- regression losses: element-wise terms, averaged over every output element --------------

class _Elementwise(Loss):
    """Per-element loss and derivative; value = mean over all elements of out."""

    task = "regression"

    def _terms(self, out, t):
        """(loss per element, d loss / d out per element), both of out's dtype."""
        raise NotImplementedError

    def _target(self, out, target):
        t = _same_shape(out, target)
        if t is not None:
            return t
        hint = ""
        if target.ndim == 1 and out.ndim == 2 and _as_labels(target) is not None:
            hint = tr(" — these look like class labels; use cross_entropy, or mse which "
                      "one-hot encodes them")
        raise ValueError(tr("{name} needs a target shaped like the network output {output_shape}, "
                            "got {target_shape}{hint}").format(
                             name=self.name, output_shape=_shape(out.shape),
                             target_shape=_shape(target.shape), hint=hint))

    def _compute(self, out, target, fused):
        t = self._target(out, target)
        loss, grad = self._terms(out, t)
        count = out.size
        grad *= out.dtype.type(1.0 / count)
        return np.sum(loss, dtype=np.float64) / count, grad


class MSE(_Elementwise):
    """(out − t)²; class labels are one-hot encoded, so it also works for classification."""

    name = "mse"
    task = "both"

    def _target(self, out, target):
        if out.ndim == 2 and out.shape[1] > 1 and target.ndim == 1 \
                and _as_labels(target) is not None:
            labels = _class_labels(self.name, out, target)
            return _one_hot(labels, out.shape[1], out.dtype)
        return super()._target(out, target)

    def _terms(self, out, t):
        d = out - t
        return d * d, d + d


class MAE(_Elementwise):
    """|out − t|; derivative sign(out − t) (0 where equal)."""

    name = "mae"

    def _terms(self, out, t):
        d = out - t
        return np.abs(d), np.sign(d)


class SmoothL1(_Elementwise):
    """Huber with β = 1: ½d² where |d| < 1, else |d| − ½."""

    name = "smooth_l1"

    def _terms(self, out, t):
        d = out - t
        a = np.abs(d)
        half = out.dtype.type(0.5)
        small = a < 1
        return np.where(small, half * d * d, a - half), np.where(small, d, np.sign(d))


class MSLE(_Elementwise):
    """(log(1 + max(out, ε)) − log(1 + max(t, ε)))²; no gradient where out < ε."""

    name = "msle"

    def _target(self, out, target):
        t = super()._target(out, target)
        if np.any(t < 0):
            raise ValueError(tr("{name} needs targets >= 0 (it compares logarithms), got {value:.4g}").format(
                                 name=self.name, value=t[t < 0].flat[0]))
        return t

    def _terms(self, out, t):
        eps = out.dtype.type(EPS)
        a = np.maximum(out, eps)
        d = np.log1p(a) - np.log1p(np.maximum(t, eps))
        grad = np.where(out > eps, (d + d) / (out.dtype.type(1) + a), out.dtype.type(0))
        return d * d, grad


class MAPE(_Elementwise):
    """100·|out − t| / max(|t|, ε): the error in percent of the target."""

    name = "mape"

    def _terms(self, out, t):
        denom = np.maximum(np.abs(t), out.dtype.type(EPS)) / out.dtype.type(100)
        d = out - t
        return np.abs(d) / denom, np.sign(d) / denom


# --- classification losses ------------------------------------------------------------------

class CrossEntropy(Loss):
    """−log softmax(out)[label] for logits `out` (N, K); soft targets (N, K) also accepted."""

    name = "cross_entropy"
    task = "classification"
    fuses_with = "Softmax"

    def _compute(self, out, target, fused):
        # Fused or not, `out` is the same thing: the logits (a final Softmax is skipped if fused).
        return _softmax_cross_entropy(self.name, out, target)


def _softmax_cross_entropy(name: str, out: np.ndarray, target: np.ndarray):
    _needs_2d(name, out)
    if out.shape[1] < 2:
        raise ValueError(tr("{name} needs one output per class (at least 2); with a single output use "
                            "binary_cross_entropy").format(name=name))
    z = np.ascontiguousarray(out)
    grad = np.empty_like(z)
    if target.shape == out.shape:
        t = _distributions(name, target.astype(out.dtype, copy=False))
        total = K.softmax_cross_entropy_dense(z, np.ascontiguousarray(t), grad)
    else:
        labels = _class_labels(name, out, target)
        total = K.softmax_cross_entropy_labels(z, np.ascontiguousarray(labels), grad)
    return total / out.shape[0], grad


def _distributions(name: str, t: np.ndarray) -> np.ndarray:
    sums = t.sum(axis=1)
    if np.any(t < 0) or np.any(np.abs(sums - 1) > 1e-3):
        bad = sums[np.abs(sums - 1) > 1e-3]
        detail = (tr("a row sums to {sum:.4g}").format(sum=bad[0]) if bad.size
                  else tr("it has negative entries"))
        raise ValueError(tr("{name}: a target shaped like the output must hold one probability "
                            "distribution per sample (rows >= 0 summing to 1), but {detail} — for a "
                            "regression target use a regression loss such as mse").format(
                             name=name, detail=detail))
    return t


class BinaryCrossEntropy(Loss):
    """Logistic loss −[y log p + (1 − y) log(1 − p)] per output, targets y in [0, 1]."""

    name = "binary_cross_entropy"
    task = "classification"
    fuses_with = "Sigmoid"

    def _target(self, out, target):
        t = _same_shape(out, target)
        if t is None:
            if target.ndim == 1 and out.ndim == 2:
                raise ValueError(tr("{name} with {n} outputs needs a 0/1 target per output "
                                    "{output_shape}; for class labels use cross_entropy (one output "
                                    "per class)").format(
                                     name=self.name, n=out.shape[1],
                                     output_shape=_shape(out.shape)))
            raise ValueError(tr("{name} needs a target shaped like the network output "
                                "{output_shape}, got {target_shape}").format(
                                 name=self.name, output_shape=_shape(out.shape),
                                 target_shape=_shape(target.shape)))
        if target.dtype.kind in "biu":
            _binary(self.name, t, tr("labels"))
        elif np.any((t < 0) | (t > 1)):
            bad = t[(t < 0) | (t > 1)].flat[0]
            raise ValueError(tr("{name}: targets must lie in [0, 1], got {bad:.4g}").format(
                                 name=self.name, bad=bad))
        return t

    def _compute(self, out, target, fused):
        return _logistic(self.name, out, self._target(out, target), fused)


def _logistic(name: str, out: np.ndarray, y: np.ndarray, fused: bool):
    count = out.size
    inv = out.dtype.type(1.0 / count)
    if fused:   # out = logits z: max(z, 0) − z·y + log(1 + e^−|z|), gradient σ(z) − y
        loss = np.maximum(out, 0) - out * y + np.log1p(np.exp(-np.abs(out)))
        grad = (_sigmoid(out) - y) * inv
    else:
        _probabilities(name, out, tr("end the network with Sigmoid"))
        one = out.dtype.type(1)
        p = np.clip(out, out.dtype.type(EPS), one - out.dtype.type(EPS))
        loss = -(y * np.log(p) + (one - y) * np.log(one - p))
        grad = (p - y) / (p * (one - p)) * inv   # taken at the clipped p
    return np.sum(loss, dtype=np.float64) / count, grad


class NLL(Loss):
    """−log p[label] for probabilities `out` (N, K); an (N, 1) output is P(class 1)."""

    name = "nll"
    task = "classification"
    fuses_with = "Softmax"

    def _compute(self, out, target, fused):
        _needs_2d(self.name, out)
        k = out.shape[1]
        if fused:   # the logits of a skipped Softmax: exactly cross-entropy
            if k < 2:
                raise ValueError(tr("{name}: a Softmax over 1 output is always 1; for two classes use "
                                    "one output with Sigmoid and binary_cross_entropy").format(
                                     name=self.name))
            return _softmax_cross_entropy(self.name, out, target)
        if k == 1:  # binary: p = P(class 1)
            y = _same_shape(out, target)
            if y is None:
                raise ValueError(tr("{name} with 1 output needs labels 0/1 of shape (N,), got "
                                    "{target_shape}").format(
                                     name=self.name, target_shape=_shape(target.shape)))
            _binary(self.name, y, tr("labels for a network with 1 output"))
            return _logistic(self.name, out, y, fused=False)
        _probabilities(self.name, out, tr("end the network with Softmax"))
        n = out.shape[0]
        inv = out.dtype.type(1.0 / n)
        eps, one = out.dtype.type(EPS), out.dtype.type(1)
        p = np.clip(out, eps, one)
        if target.shape == out.shape:
            t = _distributions(self.name, target.astype(out.dtype, copy=False))
            total = -np.sum(t * np.log(p), dtype=np.float64)
            grad = -t / p * inv
        else:
            labels = _class_labels(self.name, out, target)
            rows = np.arange(n)
            py = p[rows, labels]
            total = -np.sum(np.log(py), dtype=np.float64)
            grad = np.zeros_like(out)
            grad[rows, labels] = -inv / py       # taken at the clipped probability
        return total / n, grad


def _signs(name: str, out: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Margin targets y = ±1 shaped like out: binary labels, one-vs-all classes, or ±1 / 0/1."""
    y = _same_shape(out, target)
    if y is not None:
        zeros, ones, minus = (y == 0), (y == 1), (y == -1)
        if np.all(zeros | ones) or np.all(minus | ones):
            return np.where(ones, out.dtype.type(1), out.dtype.type(-1))
        bad = y[~(zeros | ones | minus)]
        got = f"{bad.flat[0]:g}" if bad.size else tr("a mix of 0 and -1")
        what = (tr("labels 0/1 or -1/+1 for a network with 1 output")
                if out.ndim == 2 and out.shape[1] == 1 else tr("targets of -1/+1 (or 0/1)"))
        raise ValueError(tr("{name} needs {what}, got {got}").format(name=name, what=what, got=got))
    if out.ndim == 2 and target.ndim == 1:     # one-vs-all: +1 for the true class, −1 elsewhere
        labels = _class_labels(name, out, target)
        y = np.full(out.shape, -1, dtype=out.dtype)
        y[np.arange(out.shape[0]), labels] = 1
        return y
    raise ValueError(tr("{name}: a target of shape {target_shape} does not fit a network output "
                        "of shape {output_shape}").format(
                         name=name, target_shape=_shape(target.shape),
                         output_shape=_shape(out.shape)))


class Hinge(Loss):
    """max(0, 1 − y·out) with y = ±1 (the SVM loss)."""

    name = "hinge"
    task = "classification"

    def _compute(self, out, target, fused):
        y = _signs(self.name, out, target)
        margin = out.dtype.type(1) - y * out
        inv = out.dtype.type(1.0 / out.size)
        grad = np.where(margin > 0, -y * inv, out.dtype.type(0))
        return np.sum(np.maximum(margin, 0), dtype=np.float64) / out.size, grad


class Exponential(Loss):
    """exp(−y·out) with y = ±1 (AdaBoost's loss), averaged (the seed sums it)."""

    name = "exponential"
    task = "classification"

    def _compute(self, out, target, fused):
        y = _signs(self.name, out, target)
        with np.errstate(over="ignore"):   # a diverged network gives inf; the trainer reports it
            e = np.exp(-y * out)
            grad = -y * e * out.dtype.type(1.0 / out.size)
        return np.sum(e, dtype=np.float64) / out.size, grad


LOSSES: dict[str, Loss] = {loss.name: loss for loss in (
    MSE(), MAE(), MSLE(), MAPE(), BinaryCrossEntropy(), NLL(), CrossEntropy(), Hinge(),
    Exponential(), SmoothL1())}

_ALIASES = {"logistic": "binary_cross_entropy"}


def get_loss(name: str) -> Loss:
    """The loss called `name` (case-insensitive; "logistic" = binary_cross_entropy)."""
    key = name.strip().lower().replace("-", "_") if isinstance(name, str) else name
    key = _ALIASES.get(key, key)
    if key not in LOSSES:
        raise ValueError(tr("unknown loss {name!r}; known losses: {known}").format(
                             name=name, known=', '.join(LOSSES)))
    return LOSSES[key]
