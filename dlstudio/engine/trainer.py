"""The training loop: epochs of shuffled batches, metrics, events, pause / stop / resume.

No Qt: progress goes out through plain callbacks that receive one dict per event:
  {"event": "start", "epochs", "batches_per_epoch", "samples", "params"}
  {"event": "batch", "epoch", "batch", "batches", "loss", "samples_per_s"}
  {"event": "epoch", "epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy",
   "train_mae", "val_mae", "samples_per_s", "seconds"}
(accuracy for classification, the mean absolute error for regression; the other is None)
  {"event": "done" | "stopped", "epochs_done", ...last epoch metrics}
Epoch numbers count from 1 and continue across resumed runs.

Exact resume: the trainer state (shuffle and dropout generators, position inside the epoch,
partial sums) is part of the model file, so stopping at any batch, saving, loading and going
on gives the same weights as never stopping.
"""
from __future__ import annotations

import math
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Callable

import numpy as np

from ..i18n import message, tr
from . import losses as L
from .metrics import Tally
from .model import Model
from .optimizers import Optimizer, make_optimizer

MAX_BATCH_POINTS_PER_EPOCH = 200  # per-batch history is thinned to this many points per epoch


class TrainingError(RuntimeError):
    """The run cannot go on (NaN / Inf, data that does not fit); the message says what to do."""


@dataclass
class TrainConfig:
    loss: str = "cross_entropy"
    optimizer: str = "adam"
    hyper: dict = field(default_factory=dict)      # optimizer hyperparameters, lr included
    batch_size: int | str = 32                     # an int (1 = SGD) or "full" (BGD)
    epochs: int = 10
    seed: int = 0
    val_split: float = 0.2
    clip_norm: float | None = None                 # clip gradients to this global L2 norm

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "TrainConfig":
        known = {k: d[k] for k in cls.__dataclass_fields__ if k in d}
        return cls(**known)

    def resolved_batch(self, n: int) -> int:
        if self.batch_size == "full":
            return max(n, 1)
        b = self.batch_size
        if isinstance(b, bool) or not isinstance(b, int) or b < 1:
            raise TrainingError(tr("batch size must be a positive whole number or 'full', got {b!r}").format(
                                    b=b))
        return min(b, max(n, 1))


def batch_mode(batch_size: int | str) -> str:
    if batch_size == "full":
        return "BGD"
    return "SGD" if batch_size == 1 else "MBGD"


class Trainer:
    def __init__(self, model: Model, x: np.ndarray, y: np.ndarray, config: TrainConfig,
                 val: tuple[np.ndarray, np.ndarray] | None = None, optimizer: Optimizer | None = None,
                 history: dict | None = None, state: dict | None = None, task: str | None = None):
        model.check_input(x)
        if len(x) == 0:
            raise TrainingError(tr("the training set is empty"))
        self.model, self.config = model, config
        # A numeric set stays in its own dtype: converting a float64 or uint8 set whole would
        # add a second copy of it; each batch is converted to the model's dtype as it is drawn.
        # An array-like that is not an ndarray (the data package's 8-bit ScaledImages) makes its
        # float values only for the indexed batch: it is kept as it is.
        if isinstance(x, np.ndarray):
            x = np.ascontiguousarray(x, dtype=None if x.dtype.kind in "biuf" else model.dtype)
        self.x = x
        self.y = y
        self.val = val if val is not None and len(val[0]) else None
        self.loss = L.get_loss(config.loss)
        self.optimizer = optimizer or make_optimizer(config.optimizer, **config.hyper)
        self.history = history if history is not None else {"batches": [], "epochs": []}
        self.callbacks: list[Callable[[dict], None]] = []
        self.batch = config.resolved_batch(len(x))
        self._check_targets()
        st = state or {}
        self.epochs_done = int(st.get("epochs_done", 0))
        self.shuffle_rng = np.random.default_rng(config.seed + 1)
        if "shuffle_rng" in st:
            self.shuffle_rng.bit_generator.state = st["shuffle_rng"]
        if "dropout_rng" in st:
            model.rng.bit_generator.state = st["dropout_rng"]
        # {"batch", "epoch_rng", "loss_sum", "seen", "correct", "counted", "abs_sum", "abs_counted"}
        self._resume = st.get("in_epoch")
        self.task = task          # "classification" | "regression" | None (judged from the first batch)
        self._metric: str | None = None
        self._run_flag = threading.Event()
        self._run_flag.set()
        self._stop = False

    # ---- control (thread-safe; takes effect between batches) -------------------------------
    def pause(self) -> None:
        self._run_flag.clear()

    def resume(self) -> None:
        self._run_flag.set()

    def stop(self) -> None:
        self._stop = True
        self._run_flag.set()

    @property
    def paused(self) -> bool:
        return not self._run_flag.is_set()

    def state(self) -> dict:
        """JSON-safe trainer state for the model file (with the optimizer's and the weights)."""
        st = {"epochs_done": self.epochs_done,
              "shuffle_rng": self.shuffle_rng.bit_generator.state,
              "dropout_rng": self.model.rng.bit_generator.state}
        if self._resume is not None:
            st["in_epoch"] = self._resume
        return st

    # ---- running ---------------------------------------------------------------------------
    def _emit(self, event: dict) -> None:
        for cb in self.callbacks:
            cb(event)

    def _check_targets(self) -> None:
        if len(self.y) != len(self.x):
            raise TrainingError(tr("{n_x} samples but {n_y} targets").format(
                                    n_x=len(self.x), n_y=len(self.y)))
        # One training-sized batch through the loss: wrong target kinds fail here, before any
        # training. A batch of the run's size (not one sample) so that the check calls the same
        # kernels as training does and compiles no serial variants that training never uses.
        b = self.batch
        try:
            with np.errstate(all="ignore"):
                out = self.model.forward(self.x[:b].astype(self.model.dtype, copy=False))
                start = self.model.fused_start(self.loss)
                self.loss(self.model.values[start] if start else out, self.y[:b], fused=start is not None)
        except ValueError as e:
            raise TrainingError(tr("loss '{loss}': {error}").format(
                loss=self.config.loss, error=message(e))) from None

    def run(self, epochs: int | None = None) -> dict:
        """Train `epochs` more epochs (default config.epochs); returns the last event."""
        epochs = self.config.epochs if epochs is None else epochs
        n, b = len(self.x), self.batch
        nb = math.ceil(n / b)
        target = self.epochs_done + epochs
        self._stop = False
        self._emit({"event": "start", "epochs": epochs, "batches_per_epoch": nb, "samples": n,
                    "params": self.model.num_params, "batch_size": b, "mode": batch_mode(self.config.batch_size)})
        last: dict = {}
        while self.epochs_done < target:
            # overflow shows up as a non-finite loss or gradient, which the guard reports by layer
            with np.errstate(all="ignore"):
                ep = self._epoch(n, b, nb)
            if ep is None:
                done = {"event": "stopped", "epochs_done": self.epochs_done}
                self._emit(done)
                return done
            last = ep
        done = {**last, "event": "done", "epochs_done": self.epochs_done}
        self._emit(done)
        return done

    def _epoch(self, n: int, b: int, nb: int) -> dict | None:
        m, opt, loss, cfg = self.model, self.optimizer, self.loss, self.config
        epoch = self.epochs_done + 1
        if self._resume is not None:
            r = self._resume
            self.shuffle_rng.bit_generator.state = r["epoch_rng"]
            first, loss_sum, seen = r["batch"], r["loss_sum"], r["seen"]
        else:
            r, first, loss_sum, seen = None, 0, 0.0, 0
        tally = Tally(cfg.loss, self.task, self._metric, state=r)
        epoch_rng = self.shuffle_rng.bit_generator.state
        perm = self.shuffle_rng.permutation(n)
        stride = max(1, nb // MAX_BATCH_POINTS_PER_EPOCH)
        t0 = time.perf_counter()
        seen_at_start = seen
        params, grads = m.params, m.grads
        for bi in range(first, nb):
            if not self._run_flag.is_set():
                t_pause = time.perf_counter()
                self._run_flag.wait()
                t0 += time.perf_counter() - t_pause
            if self._stop:
                self._resume = {"batch": bi, "epoch_rng": epoch_rng, "loss_sum": loss_sum, "seen": seen,
                                **tally.state()}
                return None
            idx = perm[bi * b:(bi + 1) * b]
            xb, yb = self.x[idx].astype(m.dtype, copy=False), self.y[idx]
            value, out = m.train_step_grads(xb, yb, loss)
            if not math.isfinite(value):
                raise TrainingError(self._diverged(tr("the loss became {value}").format(
                    value=value), epoch, bi))
            if not _all_finite(grads):
                raise TrainingError(self._diverged(tr("a gradient became NaN or Inf"), epoch, bi))
            if cfg.clip_norm:
                _clip_global_norm(grads, cfg.clip_norm)
            opt.step(params, grads)
            k = len(idx)
            loss_sum += value * k
            seen += k
            tally.add(out, yb, k)
            self._metric = tally.metric   # decided on the run's first batch, kept for the run
            if bi % stride == 0 or bi == nb - 1:
                self.history["batches"].append({"epoch": epoch, "batch": bi + 1, "loss": float(value)})
            self._emit({"event": "batch", "epoch": epoch, "batch": bi + 1, "batches": nb, "loss": float(value),
                        "samples_per_s": (seen - seen_at_start) / max(time.perf_counter() - t0, 1e-9)})
        seconds = time.perf_counter() - t0
        self._resume = None
        self.epochs_done = epoch
        ev = {"event": "epoch", "epoch": epoch, "train_loss": loss_sum / max(seen, 1),
              "train_accuracy": tally.accuracy(), "val_loss": None, "val_accuracy": None,
              "train_mae": tally.mae(), "val_mae": None,
              "samples_per_s": (seen - seen_at_start) / max(seconds, 1e-9), "seconds": seconds}
        if self.val is not None:
            v = evaluate_metrics(m, self.val[0], self.val[1], cfg.loss, task=self.task)
            ev["val_loss"], ev["val_accuracy"], ev["val_mae"] = v["loss"], v["accuracy"], v["mae"]
        self.history["epochs"].append({k: v for k, v in ev.items() if k != "event"})
        self._emit(ev)
        return ev

    def _diverged(self, what: str, epoch: int, batch: int) -> str:
        bad = self.model.non_finite_weights(grads=True)
        where = (tr(" first in layer '{layer}' ({weights})").format(
            layer=bad[0].split(".")[0], weights=", ".join(bad[:3])) if bad else "")
        if not bad:  # the weights are still finite: the first layer whose output overflowed, if any
            values = getattr(self.model, "values", {}) or {}
            first = next((nid for nid in self.model.order
                          if nid in values and not np.isfinite(values[nid]).all()), None)
            if first is not None:
                where = tr(" first in the output of layer '{layer}'").format(layer=first)
        at = {"epoch": epoch, "batch": batch + 1, "what": what, "where": where}
        if self.config.clip_norm:
            return tr("training stopped at epoch {epoch}, batch {batch}: {what}{where}. Try a lower "
                      "learning rate, or check the data for extreme values.").format(**at)
        return tr("training stopped at epoch {epoch}, batch {batch}: {what}{where}. Try a lower learning "
                  "rate, or set gradient clipping (--clip-norm), or check the data for extreme values.").format(
                      **at)


def evaluate(model: Model, x: np.ndarray, y: np.ndarray, loss_name: str,
             batch_size: int | None = None) -> tuple[float, float | None]:
    """Mean loss and accuracy (None for regression) over a data set, in inference mode."""
    r = evaluate_metrics(model, x, y, loss_name, batch_size)
    return r["loss"], r["accuracy"]


def evaluate_metrics(model: Model, x: np.ndarray, y: np.ndarray, loss_name: str,
                     batch_size: int | None = None, task: str | None = None,
                     outputs: list | None = None) -> dict:
    """{"loss", "accuracy", "mae"} over a data set, in inference mode: the mean loss, and the
    accuracy (classification) or the mean absolute error (regression); the other is None.
    The default batch is `model.inference_batch()` (bounded activation memory). `outputs`, if
    given, receives the network's outputs batch by batch (what predict would compute)."""
    batch_size = batch_size or model.inference_batch()
    loss = L.get_loss(loss_name)
    total = 0.0
    tally = Tally(loss_name, task)
    start = model.fused_start(loss)
    for i in range(0, len(x), batch_size):
        xb, yb = x[i:i + batch_size].astype(model.dtype, copy=False), y[i:i + batch_size]
        outs = model.infer(xb, keep=(start,) if start else ())
        out = outs[model.output_id]
        value, _ = loss(outs[start] if start else out, yb, fused=start is not None)
        total += value * len(xb)
        tally.add(out, yb, len(xb))
        if outputs is not None:
            outputs.append(out)
    return {"loss": total / max(len(x), 1), "accuracy": tally.accuracy(), "mae": tally.mae()}


def _all_finite(a: np.ndarray) -> bool:
    # sum is one fast pass; NaN or Inf anywhere makes it non-finite (overflow to Inf is
    # possible only for absurd gradients, which deserve the stop anyway)
    return bool(np.isfinite(np.sum(a, dtype=np.float64)))


def _clip_global_norm(g: np.ndarray, max_norm: float) -> None:
    norm = float(np.sqrt(np.dot(g, g)))
    if norm > max_norm:
        g *= g.dtype.type(max_norm / norm)
