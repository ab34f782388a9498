"""The Losses page's numbers: each loss and its derivative swept over the prediction, a line fitted
to data with outliers under mse / mae / smooth_l1, and the gradient that reaches the logits for
the curriculum's activation + loss pairings. Every value comes from `get_loss` and the engine's
layers, Model and optimizers. No Qt.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ...i18n import QT_TR_NOOP, tr
from ...spec import Network
from .. import optimizers
from ..layers.base import ENGINE_LAYERS
from ..losses import LOSSES, get_loss
from ..model import Model

LOSS_NAMES: tuple[str, ...] = tuple(LOSSES)

# How the prediction is swept: a regression value, a probability, or a logit (a raw score).
# (the texts are marked for translation; the app shows them with its tr())
TASKS: dict[str, str] = {
    "regression": QT_TR_NOOP("Regression: prediction ŷ"),
    "probability": QT_TR_NOOP("Classification: probability p"),
    "logit": QT_TR_NOOP("Classification: logit z"),
}
_REGRESSION = ("mse", "mae", "msle", "mape", "smooth_l1")
_ON_PROBABILITY = ("binary_cross_entropy", "nll", "mse", "mae", "msle", "mape", "smooth_l1")
_ON_LOGIT = ("binary_cross_entropy", "nll", "cross_entropy", "hinge", "exponential")
_PROB_RANGE = (0.005, 0.995)
_LOGIT_RANGE = (-5.0, 5.0)
_REGRESSION_HALF_WIDTH = 3.0


@dataclass(frozen=True)
class LossCurve:
    """One loss over a sweep of predictions `x` for a fixed target: per-sample value and dL/dx."""

    name: str
    task: str
    target: float
    x: np.ndarray
    value: np.ndarray
    grad: np.ndarray


def availability(name: str, task: str, target: float) -> str | None:
    """Why loss `name` cannot be drawn for this task and target, or None if it can."""
    get_loss(name)
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; the tasks are {', '.join(TASKS)}")
    if task == "regression":
        if name not in _REGRESSION:
            return tr("{name} is a classification loss; choose a classification task").format(name=name)
        if name == "msle" and target < 0:
            return tr("msle compares log(1 + value): it needs a target >= 0")
        if name == "mape" and target == 0:
            return tr("mape divides by the target: it needs a target other than 0")
        return None
    if target not in (0, 1):
        raise ValueError(f"a classification target is 0 or 1, got {target!r}")
    if task == "probability":
        if name not in _ON_PROBABILITY:
            return tr("{name} reads a logit (a raw score), not a probability; choose 'logit'").format(name=name)
        if name == "mape" and target == 0:
            return tr("mape divides by the target: with y = 0 it is not defined")
        return None
    if name not in _ON_LOGIT:
        return tr("{name} compares values; on a classifier it reads the probability p").format(name=name)
    return None


def sweep(task: str, target: float, points: int = 241) -> np.ndarray:
    """The predictions a curve is drawn over (float64)."""
    if task == "probability":
        return np.linspace(*_PROB_RANGE, points)
    if task == "logit":
        return np.linspace(*_LOGIT_RANGE, points)
    lo = target - _REGRESSION_HALF_WIDTH
    return np.linspace(lo, target + _REGRESSION_HALF_WIDTH, points)


def _batch(name: str, task: str, x: np.ndarray, target: float):
    """(network output, target, fused, column of out that holds x) for a batch of predictions."""
    n = x.size
    if name == "cross_entropy" or (name == "nll" and task == "logit"):
        # two classes with logits (0, z): softmax gives P(class 1) = σ(z), as for one logit
        out = np.zeros((n, 2), x.dtype)
        out[:, 1] = x
        return out, np.full(n, int(target)), task == "logit" and name == "nll", 1
    out = x.reshape(n, 1).copy()
    if name == "nll":                       # one output = P(class 1), labels 0/1
        return out, np.full(n, int(target)), False, 0
    fused = name == "binary_cross_entropy" and task == "logit"
    return out, np.full((n, 1), target, x.dtype), fused, 0


def loss_curve(name: str, task: str, target: float, x: np.ndarray | None = None) -> LossCurve:
    """Loss `name` and its derivative over predictions `x` (default `sweep`) for one target."""
    reason = availability(name, task, target)
    if reason:
        raise ValueError(reason)
    loss = get_loss(name)
    x = sweep(task, target) if x is None else np.asarray(x, np.float64).reshape(-1)
    out, t, fused, col = _batch(name, task, x, target)
    # the loss is the mean over the batch, so each sample's share of the gradient is 1/N of
    # its own derivative: scale by N to get d(loss of one sample)/d(prediction)
    _, grad = loss(out, t, fused=fused)
    per_sample = grad[:, col] * x.size
    value = np.array([loss(out[i:i + 1], t[i:i + 1], fused=fused)[0] for i in range(x.size)])
    return LossCurve(name, task, float(target), x, value, per_sample)


# --- a line fitted to data with outliers ------------------------------------------------------

FIT_LOSSES = ("mse", "mae", "smooth_l1")
CLEAN_SLOPE, CLEAN_INTERCEPT = 1.5, 0.5
MAX_OUTLIERS = 8
OUTLIER_SHIFT = -4.0


@dataclass(frozen=True)
class LineData:
    """Points on y = 1.5 x + 0.5 with a little noise; `outlier` marks the ones pulled down."""

    x: np.ndarray        # (n, 1) float32
    y: np.ndarray        # (n, 1) float32
    outlier: np.ndarray  # (n,) bool


def line_data(outliers: int, n: int = 30, seed: int = 0) -> LineData:
    """Seeded points; `outliers` of those with x > 0 are moved 4 below the line (nested: more
    outliers keeps the earlier ones)."""
    if not 0 <= outliers <= MAX_OUTLIERS:
        raise ValueError(f"the number of outliers must be in 0..{MAX_OUTLIERS}, got {outliers}")
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(-1.0, 1.0, n))
    y = CLEAN_SLOPE * x + CLEAN_INTERCEPT + rng.normal(0.0, 0.1, n)
    right = np.flatnonzero(x > 0)
    picked = rng.permutation(right)[:outliers]
    mark = np.zeros(n, bool)
    mark[picked] = True
    y[mark] += OUTLIER_SHIFT + rng.normal(0.0, 0.3, outliers)
    return LineData(x.reshape(n, 1).astype(np.float32), y.reshape(n, 1).astype(np.float32), mark)


def line_network() -> Network:
    """Input (1 feature) → Dense(1): the model y = w x + b."""
    net = Network(name="line")
    net.add("x", "Input", {"shape": [1]})
    net.add("line", "Dense", {"units": 1}, after="x")
    return net


def line_optimizer() -> optimizers.Optimizer:
    """Plain gradient descent with momentum, as every fit here uses."""
    return optimizers.Momentum(lr=0.05)


def start_line(dtype=np.float32) -> Model:
    """A line model starting flat: w = 0, b = 0."""
    model = Model(line_network(), dtype=dtype)
    model.set_weights({"line.kernel": np.zeros((1, 1)), "line.bias": np.zeros(1)})
    return model


@dataclass
class LineFit:
    """One line per loss, each fitted to the same data by full-batch gradient descent."""

    data: LineData
    losses: tuple[str, ...] = FIT_LOSSES
    steps: int = 0
    models: dict[str, Model] = field(default_factory=dict)
    optims: dict[str, optimizers.Optimizer] = field(default_factory=dict)
    history: dict[str, list[float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in self.losses:
            self.models[name] = start_line()
            self.optims[name] = line_optimizer()
            self.history[name] = []

    def step(self, count: int = 1) -> None:
        """`count` gradient-descent steps for every loss."""
        for _ in range(count):
            for name in self.losses:
                model = self.models[name]
                value, _ = model.train_step_grads(self.data.x, self.data.y, get_loss(name))
                self.optims[name].step(model.params, model.grads)
                self.history[name].append(value)
            self.steps += 1

    def line(self, name: str) -> tuple[float, float]:
        """(slope w, intercept b) of the line fitted under loss `name`."""
        w = self.models[name].weights()
        return float(w["line.kernel"][0, 0]), float(w["line.bias"][0])


# --- pairings: the gradient that reaches the logits --------------------------------------------

PAIRINGS: dict[str, str] = {
    "sigmoid_logistic": QT_TR_NOOP("sigmoid + logistic"),
    "sigmoid_mse": QT_TR_NOOP("sigmoid + MSE"),
    "softmax_ce": QT_TR_NOOP("softmax + cross-entropy"),
    "softmax_mse": QT_TR_NOOP("softmax + MSE"),
}
PAIR_CLASSES = 3   # softmax pairings: logits (z, 0, 0), the true class is 0


@dataclass(frozen=True)
class Pairing:
    """For logits swept along `z`: the probability of the true class and dL/d(logits)."""

    name: str
    z: np.ndarray      # (n,) the true class's logit
    logits: np.ndarray  # (n, K) the network outputs before the activation
    prob: np.ndarray   # (n,) the true class's probability after the activation
    grad: np.ndarray   # (n, K) per-sample dL/d(logits)

    @property
    def grad_true(self) -> np.ndarray:
        """dL/dz for the true class's logit."""
        return self.grad[:, 0]


def _activation(type_name: str, k: int):
    return ENGINE_LAYERS[type_name](type_name.lower(), {}, [(k,)], (k,), np.float64)


def pairing(name: str, z: np.ndarray | None = None) -> Pairing:
    """Activation forward, loss gradient on its output, activation backward: dL/d(logits)."""
    if name not in PAIRINGS:
        raise ValueError(f"unknown pairing {name!r}; the pairings are {', '.join(PAIRINGS)}")
    z = np.linspace(-6.0, 6.0, 241) if z is None else np.asarray(z, np.float64).reshape(-1)
    n = z.size
    if name.startswith("sigmoid"):
        logits, act = z.reshape(n, 1).copy(), _activation("Sigmoid", 1)
        target = np.ones((n, 1))                          # the true class is 1
        loss = get_loss("binary_cross_entropy" if name == "sigmoid_logistic" else "mse")
    else:
        logits = np.zeros((n, PAIR_CLASSES))
        logits[:, 0] = z
        act = _activation("Softmax", PAIR_CLASSES)
        target = np.zeros(n, np.int64)                    # class labels: the true class is 0
        loss = get_loss("cross_entropy" if name == "softmax_ce" else "mse")
    if name == "softmax_ce":
        # cross-entropy reads the logits (the model skips the final Softmax): the fused path
        prob = _activation("Softmax", PAIR_CLASSES).forward([logits], False)
        _, grad = loss(logits, target, fused=True)
    else:
        prob = act.forward([logits], False)
        _, dprob = loss(prob, target)
        (grad,) = act.backward(dprob)
    # mean over the batch (and over the one output for the sigmoid): back to one sample's share
    grad = grad * n
    return Pairing(name, z, logits, prob[:, 0].copy(), grad)
