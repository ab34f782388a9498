"""Decision regions: what a network trained on 2-D points answers everywhere in the plane.

A `Grid` covers the data's bounding box plus a margin; `evaluate` runs every grid point through
the model (`Model.predict`, inference mode) and returns per-cell class probabilities (or the
raw values for regression) and, for small networks, each hidden unit's value over the grid
(`model.values` of the hidden nodes). `RegionsRun` trains a small MLP in a Python thread with
the engine's `Trainer`, and between batches (the training thread, so kernels never run from two
threads at once) takes a grid snapshot at a bounded rate through a `Probe`. No Qt.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import numpy as np

from ...spec import Network
from ..kernels.activations import sigmoid_forward, softmax_forward
from ..model import Model
from ..trainer import TrainConfig, Trainer

ACTIVATION_TYPES = ("Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU")
MAX_HIDDEN_UNITS = 32     # hidden units shown one by one only for networks this small (in total)
GRID_SIZE = 96


@dataclass(frozen=True)
class Grid:
    """Cell centres `xs` (nx,) and `ys` (ny,); `points` (ny·nx, 2) float32 in row-major order:
    point j·nx + i is (xs[i], ys[j])."""
    xs: np.ndarray
    ys: np.ndarray
    points: np.ndarray

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.ys), len(self.xs)

    @property
    def extent(self) -> tuple[float, float, float, float]:
        """(x0, x1, y0, y1): the outer edges of the cells."""
        dx = (self.xs[-1] - self.xs[0]) / max(len(self.xs) - 1, 1)
        dy = (self.ys[-1] - self.ys[0]) / max(len(self.ys) - 1, 1)
        return (float(self.xs[0] - dx / 2), float(self.xs[-1] + dx / 2),
                float(self.ys[0] - dy / 2), float(self.ys[-1] + dy / 2))

    def cell_of(self, pts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(row, col) of the cell nearest to each point (N, 2)."""
        pts = np.asarray(pts, np.float64)
        col = np.abs(pts[:, 0:1] - self.xs[None, :]).argmin(axis=1)
        row = np.abs(pts[:, 1:2] - self.ys[None, :]).argmin(axis=1)
        return row, col


def make_grid(x: np.ndarray, size: int = GRID_SIZE, margin: float = 0.15) -> Grid:
    """A size × size grid over the bounding box of the points x (N, 2), widened by `margin`
    times its span on every side."""
    x = np.asarray(x, np.float64)
    if x.ndim != 2 or x.shape[1] != 2 or len(x) == 0:
        raise ValueError(f"decision regions need 2-D points (N, 2), got shape {list(x.shape)}")
    if not 2 <= size <= 1024:
        raise ValueError(f"the grid size must be between 2 and 1024, got {size}")
    lo, hi = x.min(axis=0), x.max(axis=0)
    span = np.maximum(hi - lo, 1e-6)
    lo, hi = lo - margin * span, hi + margin * span
    xs = np.linspace(lo[0], hi[0], size)
    ys = np.linspace(lo[1], hi[1], size)
    gx, gy = np.meshgrid(xs, ys)
    points = np.ascontiguousarray(np.stack([gx.ravel(), gy.ravel()], axis=1), dtype=np.float32)
    return Grid(xs, ys, points)


@dataclass
class Regions:
    """One snapshot of the plane: `probs` (ny, nx, K) class probabilities (None for regression),
    `values` (ny, nx, K) the network's outputs, `hidden` {node id: (ny, nx, units)}."""
    grid: Grid
    values: np.ndarray
    probs: np.ndarray | None
    hidden: dict = field(default_factory=dict)

    def classes_at(self, pts: np.ndarray) -> np.ndarray:
        """The class of the cell nearest to each point (N, 2)."""
        if self.probs is None:
            raise ValueError("a regression network has no classes")
        row, col = self.grid.cell_of(pts)
        return self.probs[row, col].argmax(axis=1)


def is_2d(sample_shape) -> bool:
    """Whether samples of this shape are points in the plane."""
    return tuple(sample_shape) == (2,)


def output_probabilities(model: Model, out: np.ndarray) -> np.ndarray:
    """Class probabilities (N, K) from the network's outputs: a Softmax / Sigmoid end is used as
    it is, logits go through the engine's softmax (K > 1) or sigmoid (one output: P(class 1))."""
    out = np.ascontiguousarray(out.reshape(len(out), -1))
    last = model.network.node(model.output_id).type
    if out.shape[1] == 1:
        p = out[:, 0].copy()
        if last != "Sigmoid":
            sigmoid_forward(out[:, 0].copy(), p)
        return np.stack([1 - p, p], axis=1)
    if last == "Softmax":
        return out.copy()
    probs = np.empty_like(out)
    softmax_forward(out, probs)
    return probs


def hidden_nodes(model: Model, max_units: int = MAX_HIDDEN_UNITS) -> list[str]:
    """The first hidden layers' vector nodes, in flow order, while their units add up to at most
    `max_units`: activation nodes, or a Dense node that no activation follows."""
    net, out = model.network, []
    total = 0
    for nid in model.order:
        if nid in (model.input_id, model.output_id):
            continue
        shape = model.analysis.shapes[nid]
        kind = net.node(nid).type
        nxt = [net.node(d).type for d in net.outputs_of(nid)]
        wanted = kind in ACTIVATION_TYPES or (kind == "Dense" and not any(t in ACTIVATION_TYPES for t in nxt))
        if not wanted or len(shape) != 1:
            continue
        if total + shape[0] > max_units:
            break
        total += shape[0]
        out.append(nid)
    return out


def evaluate(model: Model, grid: Grid, classify: bool = True, hidden: list[str] | None = None) -> Regions:
    """The network over the grid (inference mode): class probabilities when `classify`, and the
    values of the `hidden` nodes (default: `hidden_nodes(model)`), all copies."""
    ny, nx = grid.shape
    n = ny * nx
    hidden = hidden_nodes(model) if hidden is None else hidden
    model.check_input(grid.points)
    vals = model.infer(grid.points.astype(model.dtype, copy=False), keep=tuple(hidden))  # one batch
    out = vals[model.output_id].copy()
    units = {nid: vals[nid].reshape(ny, nx, -1).copy() for nid in hidden}
    flat = out.reshape(n, -1)
    probs = output_probabilities(model, flat).reshape(ny, nx, -1) if classify else None
    return Regions(grid, flat.reshape(ny, nx, -1), probs, units)


# ---- a small run for the Lab -------------------------------------------------------------------
@dataclass
class Snapshot:
    """What the Lab page draws: the latest regions and the curves so far (copies)."""
    regions: Regions | None
    epochs: list
    losses: list
    accuracies: list
    state: str                    # idle | training | paused | done | stopped | failed
    message: str = ""
    seq: int = 0                  # grows with every new regions snapshot


def mlp(hidden: list[int], activation: str, classes: int, name: str = "regions MLP") -> Network:
    """The network document of a small MLP: 2 inputs, Dense+activation per hidden layer,
    Dense(classes) logits."""
    if activation not in ACTIVATION_TYPES:
        raise ValueError(f"unknown activation {activation!r}; choose one of {', '.join(ACTIVATION_TYPES)}")
    net = Network(name=name)
    net.add("in", "Input", {"shape": [2]}, pos=(0, 0))
    prev = "in"
    for i, units in enumerate(hidden, 1):
        net.add(f"dense{i}", "Dense", {"units": int(units)}, after=prev, pos=(0, 180 * i - 90))
        net.add(f"act{i}", activation, after=f"dense{i}", pos=(0, 180 * i))
        prev = f"act{i}"
    net.add("out", "Dense", {"units": int(classes)}, after=prev, pos=(0, 180 * len(hidden) + 90))
    return net


class RegionsRun:
    """Trains `network` on (x, y) in a background thread; `snapshot()` is safe from any thread.

    The grid is evaluated between batches in the training thread, at most `rate_hz` times a
    second; `pace_s` is a short sleep after each batch so a tiny network trains at a pace one
    can watch and the window's thread gets the interpreter often. An MLP runs only BLAS and
    serial kernels (no parallel ones), so other Lab pages may use the engine meanwhile."""

    def __init__(self, network, x: np.ndarray, y: np.ndarray, optimizer: str = "adam", lr: float = 0.01,
                 batch_size: int = 16, seed: int = 0, rate_hz: float = 15.0, grid_size: int = GRID_SIZE,
                 pace_s: float = 0.002, max_epochs: int = 10_000):
        from ..probes import Probe  # here: the probe module uses this one
        self.model = Model(network, seed=seed)
        cfg = TrainConfig(loss="cross_entropy", optimizer=optimizer, hyper={"lr": float(lr)},
                          batch_size=batch_size, epochs=max_epochs, seed=seed, val_split=0.0)
        self.trainer = Trainer(self.model, x, y, cfg, task="classification")
        self.trainer.callbacks.append(self._on_event)
        self.grid = make_grid(x, grid_size)
        self.probe = Probe(self.model, grid=self.grid, rate_hz=rate_hz)
        self.pace_s = pace_s
        self.max_epochs = max_epochs
        self._lock = threading.Lock()
        self._snap = Snapshot(None, [], [], [], "idle")
        self._thread: threading.Thread | None = None
        self._publish(self.probe.collect()["regions"])

    # ---- control (any thread) ----------------------------------------------------------------
    def start(self) -> None:
        """Start training, or resume a paused run."""
        if self._thread is None:
            self._set_state("training")
            self._thread = threading.Thread(target=self._run, name="regions-lab", daemon=True)
            self._thread.start()
        else:
            self.trainer.resume()
            self._set_state("training")

    def pause(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            self.trainer.pause()
            self._set_state("paused")

    def stop(self, timeout: float = 5.0) -> None:
        """Stop training and wait for the thread to end."""
        self.trainer.stop()
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and not self.trainer.paused

    def snapshot(self) -> Snapshot:
        with self._lock:
            s = self._snap
            return Snapshot(s.regions, list(s.epochs), list(s.losses), list(s.accuracies), s.state,
                            s.message, s.seq)

    # ---- the training thread -----------------------------------------------------------------
    def _run(self) -> None:
        try:
            result = self.trainer.run(self.max_epochs)
            self._publish(self.probe.collect()["regions"])
            self._set_state("done" if result["event"] == "done" else "stopped")
        except Exception as e:  # the page shows it; the thread ends cleanly
            # the message itself (a marked text stays translatable), else its str
            self._set_state("failed", e.args[0] if len(e.args) == 1 and isinstance(e.args[0], str) else str(e))

    def _on_event(self, ev: dict) -> None:
        if ev["event"] == "batch":
            snap = self.probe.maybe_collect()
            if snap is not None:
                self._publish(snap["regions"])
            if self.pace_s > 0:
                time.sleep(self.pace_s)
        elif ev["event"] == "epoch":
            with self._lock:
                self._snap.epochs.append(ev["epoch"])
                self._snap.losses.append(ev["train_loss"])
                self._snap.accuracies.append(ev["train_accuracy"])

    def _publish(self, regions: Regions) -> None:
        with self._lock:
            self._snap.regions = regions
            self._snap.seq += 1

    def _set_state(self, state: str, message: str = "") -> None:
        with self._lock:
            self._snap.state, self._snap.message = state, message
