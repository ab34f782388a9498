"""The Activations page's numbers: f(x) and f′(x) of each activation from the engine's own layers,
where it saturates, softmax with a temperature, and the gradient that reaches each layer of a
deep chain (the vanishing-gradient argument) from a real forward and backward pass.

f′ is what the layer's backward returns for an upstream gradient of ones — the same code that
back-propagates through a trained network. No formula is typed twice.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...i18n import tr
from ...spec import Network
from ..layers.base import ENGINE_LAYERS, Layer
from ..losses import get_loss
from ..model import Model

ELEMENTWISE = ("Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU")
# the activations with a parameter, and its default (as the catalogue gives it)
ALPHA_DEFAULTS = {"LeakyReLU": 0.01, "ELU": 1.0}
ALPHA_RANGES = {"LeakyReLU": (0.0, 1.0), "ELU": (0.0, 10.0)}
SATURATION = 0.05            # |f′| below this counts as saturated
STACK_ACTIVATIONS = ("Sigmoid", "Tanh", "ReLU")
MAX_DEPTH = 20
STACK_WIDTH = 16             # units per Dense layer of the chain
STACK_BATCH = 32


@dataclass(frozen=True)
class Curve:
    """f and f′ of one activation sampled on `x`, and the intervals where |f′| < threshold."""
    name: str
    x: np.ndarray
    y: np.ndarray
    dy: np.ndarray
    saturated: list[tuple[float, float]]
    threshold: float


@dataclass(frozen=True)
class SoftmaxResult:
    """softmax(z / T): the probabilities and their Jacobian ∂p_i/∂z_j (with respect to z, not z / T)."""
    z: np.ndarray
    temperature: float
    p: np.ndarray
    jacobian: np.ndarray


@dataclass(frozen=True)
class Stack:
    """Gradient norm ‖∂L/∂W_l‖ of each Dense kernel of a depth-n chain, first layer first."""
    activation: str
    depth: int
    norms: np.ndarray

    @property
    def ratio(self) -> float:
        """First layer's gradient norm over the last layer's."""
        return float(self.norms[0] / self.norms[-1]) if self.norms[-1] > 0 else float("nan")


def _params(name: str, alpha: float | None) -> dict:
    if name not in ALPHA_DEFAULTS:
        return {}
    a = ALPHA_DEFAULTS[name] if alpha is None else float(alpha)
    lo, hi = ALPHA_RANGES[name]
    if not np.isfinite(a) or not lo <= a <= hi:
        raise ValueError(tr("{name}: α must be between {lo} and {hi}, got {value}").format(
            name=name, lo=f"{lo:g}", hi=f"{hi:g}", value=repr(alpha)))
    return {"alpha": a}


def activation_layer(name: str, features: int, alpha: float | None = None, dtype=np.float32) -> Layer:
    """The engine's layer `name` for vectors of `features` values (α where the layer has one)."""
    if name not in ELEMENTWISE and name != "Softmax":
        raise ValueError(f"unknown activation {name!r}; the activations are "
                         f"{', '.join((*ELEMENTWISE, 'Softmax'))}")
    shape = (int(features),)
    return ENGINE_LAYERS[name](name.lower(), _params(name, alpha), [shape], shape, np.dtype(dtype))


def evaluate(name: str, x: np.ndarray, alpha: float | None = None, dtype=np.float32) -> tuple[np.ndarray, np.ndarray]:
    """(f(x), f′(x)) elementwise: the layer's forward, then its backward with an upstream gradient of 1."""
    if name == "Softmax":
        raise ValueError("Softmax is not element-wise (it mixes a whole vector); use softmax()")
    if name not in ELEMENTWISE:
        raise ValueError(f"unknown activation {name!r}; the element-wise ones are {', '.join(ELEMENTWISE)}")
    x = np.ascontiguousarray(np.asarray(x, dtype).reshape(1, -1))
    layer = activation_layer(name, x.shape[1], alpha, dtype)
    y = layer.forward([x], training=False).copy()
    (dy,) = layer.backward(np.ones_like(x))
    return y[0], dy[0]


def saturated_intervals(x: np.ndarray, dy: np.ndarray, threshold: float = SATURATION) -> list[tuple[float, float]]:
    """Runs of consecutive samples of a sorted `x` where |f′| < threshold, as (first x, last x)."""
    flat = np.abs(np.asarray(dy)) < threshold
    out, start = [], None
    for i, sat in enumerate(flat):
        if sat and start is None:
            start = i
        elif not sat and start is not None:
            out.append((float(x[start]), float(x[i - 1])))
            start = None
    if start is not None:
        out.append((float(x[start]), float(x[-1])))
    return out


def curve(name: str, alpha: float | None = None, lo: float = -6.0, hi: float = 6.0, points: int = 601,
          threshold: float = SATURATION) -> Curve:
    """f and f′ of `name` on an even grid over [lo, hi], in float32 as training computes them."""
    x = np.linspace(lo, hi, points).astype(np.float32)
    y, dy = evaluate(name, x, alpha)
    return Curve(name, x, y, dy, saturated_intervals(x, dy, threshold), threshold)


def softmax(z, temperature: float = 1.0, dtype=np.float32) -> SoftmaxResult:
    """The engine's Softmax on z / T; its backward on each unit vector gives the Jacobian rows."""
    z = np.asarray(z, np.float64).reshape(-1)
    if z.size < 1 or not np.all(np.isfinite(z)):
        raise ValueError(tr("softmax needs finite numbers"))
    t = float(temperature)
    if not np.isfinite(t) or t <= 0:
        raise ValueError(tr("the temperature must be a positive number, got {value}").format(value=repr(temperature)))
    f = z.size
    layer = activation_layer("Softmax", f, dtype=dtype)
    with np.errstate(over="ignore"):
        scaled = (z / t).astype(dtype).reshape(1, f)
    if not np.all(np.isfinite(scaled)):
        raise ValueError(tr("z / T is too large for {dtype}; use smaller numbers or a larger T").format(
            dtype=np.dtype(dtype).name))
    p = layer.forward([scaled], training=False)[0].copy()
    # row i of J = ∂p_i/∂(z/T) via backward of e_i, then the chain rule through z / T
    jac = np.empty((f, f), dtype)
    for i in range(f):
        e = np.zeros((1, f), dtype)
        e[0, i] = 1
        jac[i] = layer.backward(e)[0][0] / t
    return SoftmaxResult(z.astype(dtype), t, p, jac)


def chain_network(activation: str, depth: int, width: int = STACK_WIDTH) -> Network:
    """Input [width] → (Dense(width) → activation) × depth: the chain the stacking plot trains."""
    if activation not in ELEMENTWISE:
        raise ValueError(f"unknown activation {activation!r}")
    if not 1 <= int(depth) <= 100:
        raise ValueError(f"the depth must be between 1 and 100, got {depth!r}")
    net = Network(name=f"{activation} × {depth}")
    net.add("in", "Input", {"shape": [int(width)]})
    prev = "in"
    for i in range(1, int(depth) + 1):
        net.add(f"d{i}", "Dense", {"units": int(width)}, after=prev)
        net.add(f"a{i}", activation, after=f"d{i}")
        prev = f"a{i}"
    return net


def chain_data(width: int = STACK_WIDTH, batch: int = STACK_BATCH, seed: int = 0,
               dtype=np.float32) -> tuple[np.ndarray, np.ndarray]:
    """A seeded batch: standard-normal inputs and uniform [0, 1) targets."""
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((batch, width)).astype(dtype),
            rng.uniform(0.0, 1.0, (batch, width)).astype(dtype))


def stack_gradients(activation: str, depth: int, width: int = STACK_WIDTH, batch: int = STACK_BATCH, seed: int = 0,
                    dtype=np.float32) -> Stack:
    """One forward and backward pass of the freshly initialised chain on a seeded batch (MSE loss);
    the gradient norm that reaches each Dense kernel."""
    model = Model(chain_network(activation, depth, width), dtype=dtype, seed=seed)
    x, y = chain_data(width, batch, seed, dtype)
    model.train_step_grads(x, y, get_loss("mse"))
    norms = np.array([np.linalg.norm(model.layers[f"d{i}"].g["kernel"].astype(np.float64))
                      for i in range(1, int(depth) + 1)])
    return Stack(activation, int(depth), norms)


def stacking(depth: int, width: int = STACK_WIDTH, batch: int = STACK_BATCH, seed: int = 0) -> dict[str, Stack]:
    """stack_gradients for sigmoid, tanh and ReLU at the same depth and seed."""
    return {a: stack_gradients(a, depth, width, batch, seed) for a in STACK_ACTIVATIONS}
