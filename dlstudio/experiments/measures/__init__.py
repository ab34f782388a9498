"""Measures: what an experiment does for one (run, seed) — MEASURES maps a name to its function.

A measure is a function `fn(ctx: Context) -> Outcome` registered with `@measure(...)`. It reads
the run's settings and the loaded data from `ctx`, streams curves with `ctx.series(name, x, y)`,
polls `ctx.should_stop()` between steps, and returns an `Outcome`: its curves and any scalar
figures it measured directly (e.g. "seconds", "params"). Figure paths over curves
(`final.<series>`, `max.<series>`, `epochs_to.<series>>=X`, ...) are resolved by
`figure_value` for every measure alike; see docs/experiments.md.
"""
from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

MEASURES: dict[str, Callable] = {}

SERIES_PATHS = ("final", "max", "min", "last_k_mean", "roughness")
_EPOCHS_TO = re.compile(r"^epochs_to\.([A-Za-z_][A-Za-z0-9_]*)(>=|<=)(-?[0-9.eE+-]+)$")
_LAST_K = re.compile(r"^last_(\d+)_mean$")


def measure(name: str, *, settings: dict | None = None, options: dict | None = None,
            needs_network: bool = True, needs_data: bool = True, scalars: tuple = ()):
    """Register a measure: `settings` are the extra per-run keys it reads (with defaults),
    `options` the experiment-wide ones, `scalars` the figure names it provides directly."""
    def register(fn):
        fn.measure_name = name
        fn.settings = dict(settings or {})
        fn.options = dict(options or {})
        fn.needs_network = needs_network
        fn.needs_data = needs_data
        fn.scalars = tuple(scalars)
        fn.check_figure = lambda path: check_figure_path(path, fn.scalars)
        MEASURES[name] = fn
        return fn
    return register


@dataclass
class Outcome:
    """What a measure found for one (run, seed)."""
    series: dict[str, tuple[list, list]] = field(default_factory=dict)   # name -> (x, y)
    scalars: dict[str, float] = field(default_factory=dict)
    stopped: bool = False


@dataclass
class Context:
    """Everything a measure needs for one (run, seed), and its channels back to the runner."""
    experiment: object            # format.Experiment
    run: object                   # format.Run
    seed: int
    settings: dict
    options: dict
    data: object | None           # the whole Dataset (loaded once per experiment)
    train: object | None
    val: object | None
    emit: Callable[[dict], None] = lambda ev: None
    should_stop: Callable[[], bool] = lambda: False
    min_interval: float = 0.2     # at most ~5 series events a second per curve
    _last: dict = field(default_factory=dict)

    def series(self, name: str, x, y, final: bool = False) -> None:
        """Send the curve so far (copies), throttled unless `final`."""
        now = time.perf_counter()
        if not final and now - self._last.get(name, -1e9) < self.min_interval:
            return
        self._last[name] = now
        self.emit({"event": "series", "run": self.run.id, "seed": self.seed, "name": name,
                   "x": [float(v) for v in x], "y": [_num(v) for v in y]})


def _num(v):
    v = float(v)
    return v if math.isfinite(v) else None


def check_figure_path(path: str, scalars: tuple = ()) -> str | None:
    """Why `path` is not a figure path a measure can provide (None when it is fine)."""
    if path in scalars:
        return None
    if _EPOCHS_TO.match(path):
        return None
    head, _, series = path.partition(".")
    if series and series.isidentifier() and (head in SERIES_PATHS or _LAST_K.match(head)):
        return None
    known = ", ".join([*(f"{h}.<series>" for h in SERIES_PATHS), "last_<k>_mean.<series>",
                       "epochs_to.<series>>=X", "epochs_to.<series><=X", *scalars])
    from ...i18n import tr
    return tr("{path!r} is not a figure path this measure provides (known: {known})").format(path=path, known=known)


def figure_value(path: str, outcome: Outcome, options: dict | None = None) -> float:
    """The value of one figure path in one (run, seed) outcome (NaN when it cannot be measured)."""
    options = options or {}
    if path in outcome.scalars:
        return float(outcome.scalars[path])
    m = _EPOCHS_TO.match(path)
    if m:
        name, op, target = m.group(1), m.group(2), float(m.group(3))
        x, y = _series(outcome, name)
        for xi, yi in zip(x, y):
            if yi is not None and math.isfinite(yi) and (yi >= target if op == ">=" else yi <= target):
                return float(xi)
        return float(x[-1]) + 1.0 if len(x) else math.nan
    head, _, name = path.partition(".")
    x, y = _series(outcome, name)
    v = np.array([np.nan if t is None else t for t in y], dtype=np.float64)
    if v.size == 0:
        return math.nan
    if head == "final":
        return float(v[-1])
    if head in ("max", "min"):
        good = v[np.isfinite(v)]
        return float(good.max() if head == "max" else good.min()) if good.size else math.nan
    k = int(options.get("last_k", 5))
    lk = _LAST_K.match(head)
    if lk:
        k = int(lk.group(1))
    if head == "last_k_mean" or lk:
        return float(np.mean(v[-max(k, 1):]))
    if head == "roughness":
        return roughness(v)
    return math.nan


def roughness(y: np.ndarray) -> float:
    """Mean absolute change between consecutive points of log(y) (of y itself if any y ≤ 0)."""
    y = np.asarray(y, dtype=np.float64)
    y = y[np.isfinite(y)]
    if y.size < 2:
        return math.nan
    z = np.log(y) if np.all(y > 0) else y
    return float(np.mean(np.abs(np.diff(z))))


def _series(outcome: Outcome, name: str) -> tuple[list, list]:
    return outcome.series.get(name, ([], []))


from . import train  # noqa: F401  (registers the "train" measure)
from . import gradients  # noqa: F401
from . import init  # noqa: F401
from . import outliers  # noqa: F401
from . import shifted  # noqa: F401
from . import resume  # noqa: F401
from . import through_time  # noqa: F401
