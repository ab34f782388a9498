"""Two-parameter loss surfaces for the optimizer playground: each has f(p), an analytic
gradient, a view box, a start point and learning rates at which every optimizer does something
worth watching. All arithmetic is float64.

`Noisy` wraps a surface and adds seeded Gaussian noise to its gradient, the way a mini-batch
gradient scatters around the full-batch one.
"""
from __future__ import annotations

import math

import numpy as np

from ...i18n import QT_TR_NOOP

# the optimizers the playground runs, in the order it shows them
OPTIMIZER_NAMES = ("sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop", "adam")


class Surface:
    """A loss f(x, y) ≥ 0 with its analytic gradient."""

    key: str = ""
    title: str = ""
    note: str = ""                                    # one line: what to look for here
    # (title and note are marked with QT_TR_NOOP; the app translates them where it shows them)
    bounds: tuple[float, float, float, float] = (-1.0, 1.0, -1.0, 1.0)   # x0, x1, y0, y1
    start: tuple[float, float] = (0.0, 0.0)
    minimum: tuple[float, float] = (0.0, 0.0)
    lrs: dict[str, float] = {}                        # default learning rate per optimizer
    noise: float = 1.0                                # gradient noise of one sample (σ)

    def f(self, p: np.ndarray) -> float:
        """The loss at p = (x, y)."""
        raise NotImplementedError

    def grad(self, p: np.ndarray) -> np.ndarray:
        """∂f/∂(x, y) at p, a new float64 array of size 2."""
        raise NotImplementedError

    def values(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """f on arrays of x and y (broadcast), for the contour image."""
        return self.f(np.array([x, y]))

    def fresh(self) -> "Surface":
        """A copy to give one optimizer (its own noise stream for `Noisy`; itself otherwise)."""
        return self

    def image(self, n: int = 200) -> tuple[np.ndarray, tuple[float, float, float, float]]:
        """log10 f on an n × n grid over `bounds` (rows = y upwards, columns = x) and the bounds."""
        x0, x1, y0, y1 = self.bounds
        x = np.linspace(x0, x1, n)
        y = np.linspace(y0, y1, n)
        xx, yy = np.meshgrid(x, y)
        with np.errstate(all="ignore"):
            z = np.log10(np.maximum(self.values(xx, yy), 1e-12))
        return z, self.bounds


def _xy(p) -> tuple:
    return p[0], p[1]


class Ravine(Surface):
    """An elongated bowl: f = 0.05·x² + 2·y² (curvature 40× steeper across than along)."""

    key = "ravine"
    title = QT_TR_NOOP("Ravine (elongated quadratic)")
    note = QT_TR_NOOP("Steep across, shallow along: SGD zig-zags across, momentum builds speed along it.")
    bounds = (-10.0, 10.0, -4.0, 4.0)
    start = (-9.0, 2.5)
    noise = 1.0
    lrs = {"sgd": 0.4, "momentum": 0.05, "nesterov": 0.05, "adagrad": 1.0, "adadelta": 10.0,
           "rmsprop": 0.1, "adam": 0.3}

    def f(self, p):
        x, y = _xy(p)
        return 0.05 * x * x + 2.0 * y * y

    def grad(self, p):
        x, y = _xy(p)
        return np.array([0.1 * x, 4.0 * y], np.float64)


class Rosenbrock(Surface):
    """f = (1 − x)² + 100·(y − x²)²: a curved, flat-bottomed valley; minimum at (1, 1)."""

    key = "rosenbrock"
    title = QT_TR_NOOP("Rosenbrock")
    note = QT_TR_NOOP("Finding the curved valley is easy; following it to (1, 1) is slow.")
    bounds = (-2.0, 2.0, -1.0, 3.0)
    start = (-1.5, 2.5)
    minimum = (1.0, 1.0)
    noise = 10.0
    lrs = {"sgd": 0.001, "momentum": 0.0005, "nesterov": 0.0005, "adagrad": 0.3,
           "adadelta": 10.0, "rmsprop": 0.03, "adam": 0.1}

    def f(self, p):
        x, y = _xy(p)
        return (1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2

    def grad(self, p):
        x, y = _xy(p)
        r = y - x * x
        return np.array([-2.0 * (1.0 - x) - 400.0 * x * r, 200.0 * r], np.float64)


class Saddle(Surface):
    """f = x²/2 + (y² − 1)²/4: a saddle point at (0, 0) between minima at (0, ±1)."""

    key = "saddle"
    title = QT_TR_NOOP("Saddle")
    note = QT_TR_NOOP("Starting almost on the ridge: plain gradients barely push off the saddle at (0, 0).")
    bounds = (-2.0, 2.0, -1.6, 1.6)
    start = (-1.8, 0.001)
    minimum = (0.0, 1.0)
    noise = 0.3
    lrs = {"sgd": 0.05, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.1, "adadelta": 3.0,
           "rmsprop": 0.01, "adam": 0.03}

    def f(self, p):
        x, y = _xy(p)
        return 0.5 * x * x + 0.25 * (y * y - 1.0) ** 2

    def grad(self, p):
        x, y = _xy(p)
        return np.array([x, y * (y * y - 1.0)], np.float64)


class Beale(Surface):
    """Beale's function: sharp ridges and flat plateaus; minimum 0 at (3, 0.5)."""

    key = "beale"
    title = QT_TR_NOOP("Beale")
    note = QT_TR_NOOP("Flat plateaus and steep walls: adaptive methods cope, plain SGD needs a tiny rate.")
    bounds = (-4.5, 4.5, -4.5, 4.5)
    start = (1.0, 1.5)
    minimum = (3.0, 0.5)
    noise = 2.0
    lrs = {"sgd": 0.005, "momentum": 0.001, "nesterov": 0.001, "adagrad": 0.5,
           "adadelta": 10.0, "rmsprop": 0.01, "adam": 0.1}

    def f(self, p):
        x, y = _xy(p)
        return ((1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2
                + (2.625 - x + x * y ** 3) ** 2)

    def grad(self, p):
        x, y = _xy(p)
        a1, a2, a3 = 1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y ** 3
        dx = 2.0 * (a1 * (y - 1.0) + a2 * (y * y - 1.0) + a3 * (y ** 3 - 1.0))
        dy = 2.0 * x * (a1 + 2.0 * a2 * y + 3.0 * a3 * y * y)
        return np.array([dx, dy], np.float64)


class Noisy(Surface):
    """`base` whose gradient carries seeded Gaussian noise of standard deviation `sigma` (per
    coordinate): a stand-in for a mini-batch gradient. f stays the exact (full-batch) loss."""

    def __init__(self, base: Surface, sigma: float, seed: int = 0):
        sigma = float(sigma)
        if not math.isfinite(sigma) or sigma < 0:
            raise ValueError(f"the gradient noise must be a finite number >= 0, got {sigma}")
        self.base, self.sigma, self.seed = base, sigma, int(seed)
        self.key = f"noisy-{base.key}"
        self.title = f"{base.title}, noisy gradient"
        self.note = base.note
        self.bounds, self.start, self.minimum, self.lrs = base.bounds, base.start, base.minimum, base.lrs
        self.noise = base.noise
        self._rng = np.random.default_rng(self.seed)

    def f(self, p):
        return self.base.f(p)

    def values(self, x, y):
        return self.base.values(x, y)

    def grad(self, p):
        return self.base.grad(p) + self.sigma * self._rng.standard_normal(2)

    def fresh(self) -> "Noisy":
        return Noisy(self.base, self.sigma, self.seed)


SURFACES: dict[str, type[Surface]] = {cls.key: cls for cls in (Ravine, Rosenbrock, Saddle, Beale)}


def make_surface(key: str, noise: float = 0.0, seed: int = 0) -> Surface:
    """The surface called `key`; with noise > 0, its `Noisy` variant of that standard deviation."""
    if key not in SURFACES:
        raise ValueError(f"unknown surface {key!r}; the surfaces are {', '.join(SURFACES)}")
    surface = SURFACES[key]()
    return Noisy(surface, noise, seed) if noise > 0 else surface
