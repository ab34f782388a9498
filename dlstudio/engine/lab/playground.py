"""The optimizer playground: the engine's own optimizers (`dlstudio.engine.optimizers`) each
walking a two-parameter surface from one start point.

Every step of every optimizer is g = surface.grad(p); optimizer.step(p, g), on p as a float64
vector of size 2. Per step the runner records the position, the loss f(p), the step length ‖Δp‖ (how far
the optimizer actually moved) and the effective rate ‖Δp‖ / ‖g‖ (the learning rate it actually
applied along the gradient: exactly lr for plain SGD). A path that leaves the finite numbers or runs past `DIVERGED_AT` stops and is
marked diverged.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ...i18n import QT_TR_NOOP
from ..optimizers import Optimizer, make_optimizer
from .surfaces import OPTIMIZER_NAMES, Surface

DIVERGED_AT = 1e6           # |x| or |y| or f beyond this counts as diverged
MAX_STEPS = 5000            # a path holds at most this many steps

LABELS = {"sgd": "SGD", "momentum": "Momentum", "nesterov": "Nesterov", "adagrad": "Adagrad",
          "adadelta": "Adadelta", "rmsprop": "RMSprop", "adam": "Adam"}
# what each optimizer does, in one line (marked for translation)
NOTES = {
    "sgd": QT_TR_NOOP("p ← p − lr·g. Across a ravine it bounces between the walls and creeps along the floor."),
    "momentum": QT_TR_NOOP("v ← μv + g, p ← p − lr·v. Speed builds where g keeps its direction; "
                           "swings across the ravine cancel out."),
    "nesterov": QT_TR_NOOP("momentum whose step uses g + μv: it looks ahead and brakes earlier."),
    "adagrad": QT_TR_NOOP("divides by √(Σg²), which only grows: the step shrinks, and may stop too early."),
    "adadelta": QT_TR_NOOP("step √(E[Δ²]+ε) / √(E[g²]+ε)·g: quick at first, jittery near the minimum."),
    "rmsprop": QT_TR_NOOP("divides by a running RMS of g (decay ρ): steep and flat directions take "
                          "similar steps."),
    "adam": QT_TR_NOOP("momentum (β1) plus RMSprop (β2), both bias-corrected."),
}


def make(name: str, **hyper) -> Optimizer:
    """The engine optimizer behind playground name `name` (Nesterov is SGD with momentum 0.9 and
    nesterov=True)."""
    if name == "nesterov":
        return make_optimizer("sgd", **{"momentum": 0.9, "nesterov": True, **hyper})
    if name not in OPTIMIZER_NAMES:
        raise ValueError(f"unknown optimizer {name!r}; the playground runs {', '.join(OPTIMIZER_NAMES)}")
    return make_optimizer(name, **hyper)


def editable_hyper(name: str) -> dict[str, float]:
    """The numeric hyperparameters of `name` a learner may change, with their defaults."""
    return {k: v for k, v in make(name).hyper.items() if k not in ("nesterov", "eps")}


@dataclass
class Track:
    """One optimizer's walk: positions path[0..n], losses loss[0..n], and per step 1..n the
    step length ‖Δp‖ (`step_len`) and the effective rate ‖Δp‖ / ‖g‖ (`rate`)."""

    name: str
    optimizer: Optimizer
    surface: Surface
    p: np.ndarray
    path: np.ndarray = field(repr=False)
    loss: np.ndarray = field(repr=False)
    step_len: np.ndarray = field(repr=False)
    rate: np.ndarray = field(repr=False)
    n: int = 0
    diverged: bool = False

    @property
    def label(self) -> str:
        return LABELS[self.name]

    @property
    def done(self) -> bool:
        return self.diverged or self.n >= len(self.loss) - 1

    def step(self) -> None:
        """One optimizer step on the surface; stops the track if it diverges."""
        if self.done:
            return
        g = self.surface.grad(self.p)
        before = self.p.copy()
        with np.errstate(all="ignore"):
            self.optimizer.step(self.p, g)
            f = float(self.surface.f(self.p))
            gnorm = float(np.hypot(g[0], g[1]))
            moved = float(np.hypot(self.p[0] - before[0], self.p[1] - before[1]))
        bad = (not np.all(np.isfinite(self.p)) or not np.isfinite(f)
               or np.max(np.abs(self.p)) > DIVERGED_AT or f > DIVERGED_AT)
        if bad:
            self.p[:] = before
            self.diverged = True
            return
        self.n += 1
        self.path[self.n] = self.p
        self.loss[self.n] = f
        self.step_len[self.n] = moved
        self.rate[self.n] = moved / gnorm if gnorm > 0 else np.nan


class Playground:
    """Seven optimizers on one surface from one start; `step()` advances them all together."""

    def __init__(self, surface: Surface, start=None, names=OPTIMIZER_NAMES,
                 max_steps: int = MAX_STEPS):
        self.names = tuple(names)
        self.max_steps = int(max_steps)
        self.hyper: dict[str, dict] = {n: {} for n in self.names}
        self.tracks: dict[str, Track] = {}
        self.set_surface(surface, start)

    # -- setup -----------------------------------------------------------------------------
    def set_surface(self, surface: Surface, start=None, keep_hyper: bool = False) -> None:
        """Switch to `surface` with its own default learning rates (or, with `keep_hyper`, the
        current hyperparameters); restart from `start` (or the surface's start point)."""
        self.surface = surface
        if not keep_hyper or not self.tracks:
            self.hyper = {n: {"lr": surface.lrs.get(n, make(n).lr)} for n in self.names}
        self.start = np.array(surface.start, np.float64)
        self.reset(start)

    def reset(self, start=None) -> None:
        """Restart every path from `start` (default: the current start) with fresh optimizer
        state and the current hyperparameters."""
        if start is not None:
            start = np.asarray(start, np.float64)
            if start.shape != (2,) or not np.all(np.isfinite(start)):
                raise ValueError(f"a start point is two finite numbers (x, y), got {start!r}")
            self.start = start.copy()
        f0 = float(self.surface.f(self.start))
        self.tracks = {}
        for name in self.names:
            size = self.max_steps + 1
            t = Track(name, make(name, **self.hyper[name]), self.surface.fresh(), self.start.copy(),
                      *(np.full(shape, np.nan) for shape in ((size, 2), size, size, size)))
            t.path[0], t.loss[0] = self.start, f0
            self.tracks[name] = t

    def set_hyper(self, name: str, **changes) -> None:
        """Change `name`'s hyperparameters now (the running optimizer keeps its state) and for
        later restarts. Raises ValueError, changing nothing, if a value is not allowed."""
        track = self.tracks[name]
        track.optimizer.set_hyper(**changes)
        self.hyper[name].update(changes)

    # -- running ---------------------------------------------------------------------------
    def step(self, n: int = 1) -> None:
        """n steps of every optimizer still running."""
        for _ in range(int(n)):
            for t in self.tracks.values():
                t.step()

    @property
    def steps(self) -> int:
        """Steps taken by the furthest path."""
        return max(t.n for t in self.tracks.values())

    @property
    def done(self) -> bool:
        return all(t.done for t in self.tracks.values())

    def run(self, n: int) -> "Playground":
        """`step(n)` and return self (handy in scripts and tests)."""
        self.step(n)
        return self
