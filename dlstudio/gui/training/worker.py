"""The training worker: a QObject living in its own QThread.

It owns the run (model, optimizer, trainer) while it exists: every engine call — preparing,
compiling, training, probes, evaluation, predictions — happens in this thread, so the
engine's parallel kernels never run from two threads at once. The GUI talks to it through one
thread-safe inbox (`post`) and hears back through queued signals (phases, the end of a run,
task results) and the `LiveState` it reads on its own timer. No widget is touched here.

Pause and "save now" stop the trainer between batches (which records its exact place in the
epoch) and run it on again later, so a paused run is a consistent state: it can be probed,
evaluated and saved exactly.
"""
from __future__ import annotations

import math
import queue
import time
import traceback
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from dlstudio.engine.lab.regions import is_2d
from dlstudio.engine.probes import Probe
from dlstudio.engine.trainer import TrainingError
from dlstudio.i18n import message
from dlstudio.run import Run, UserError, prepare_network

from ..i18n import tr
from . import tasks
from .state import LiveState

PROBE_HZ = 4.0
NORMS_HZ = 10.0  # weight and gradient norms are taken at most this often (and at the end of each epoch):
# a few dozen microseconds each, which per batch of a small network would cost several per cent


@dataclass
class ProbeSpec:
    """What the visible views want to see: one sample's values at `nodes`, some weights."""
    sample: np.ndarray | None = None
    nodes: tuple = ()
    weights: tuple = ()
    keep: tuple = ()            # weights kept as arrays (conv filters), the others become histograms
    rate_hz: float = PROBE_HZ
    grid: object = None         # a regions Grid: the network over the plane (2-D data only)
    classify: bool = True       # the grid's outputs as class probabilities (else the values)


@dataclass
class Job:
    network: object                 # a copy of the document's Network (never edited)
    dataset: object                 # the loaded Dataset (read only)
    config: object                  # TrainConfig
    bundle: object = None           # ModelBundle to continue from, or None (fresh weights)
    epochs: int = 0
    train: bool = True              # False: only prepare the run (to evaluate or predict)
    probe: ProbeSpec = field(default_factory=ProbeSpec)


class TrainWorker(QObject):
    sigPhase = Signal(str, str)          # phase (preparing|compiling|training|paused), message
    sigPrepared = Signal(object)         # run info (plain data) for the views
    sigFinished = Signal(str, object)    # done|stopped|failed|prepared, {"message", "bundle", ...}
    sigCheckpoint = Signal(object)       # a ModelBundle taken between batches ("save now")
    sigTaskDone = Signal(int, object)    # token, result (an Exception if the task failed)
    sigProbed = Signal()                 # a probe result was taken while no batch runs
    sigKick = Signal()                   # internal: something is in the inbox

    def __init__(self, live: LiveState):
        super().__init__()
        self.live = live
        self.inbox: queue.SimpleQueue = queue.SimpleQueue()
        self.run: Run | None = None
        self.busy = False
        self._probe: Probe | None = None
        self._probe_spec = ProbeSpec()
        self._training = False
        self.sigKick.connect(self._drain_idle)

    # ---- called from the GUI thread ---------------------------------------------------------
    def post(self, *message) -> None:
        """Queue a message: ("pause",), ("resume",), ("stop",), ("checkpoint",),
        ("probe", ProbeSpec), ("task", fn(run) -> result, token), ("forget",)."""
        self.inbox.put(message)
        self.sigKick.emit()

    # ---- the worker thread ------------------------------------------------------------------
    @Slot()
    def _drain_idle(self) -> None:
        if not self.busy:
            self._drain()

    def _drain(self) -> None:
        while True:
            try:
                msg = self.inbox.get_nowait()
            except queue.Empty:
                return
            self._handle(msg)

    def _handle(self, msg: tuple) -> None:
        kind = msg[0]
        trainer = self.run.trainer if self.run is not None else None
        if kind == "pause" and self.busy:
            self._pause = True
            if self._training:
                trainer.stop()
        elif kind == "resume":
            self._pause = False
        elif kind == "stop" and self.busy:
            self._stop = True
            if self._training:
                trainer.stop()
        elif kind == "checkpoint" and self.run is not None:
            if self._training:
                self._checkpoint = True
                trainer.stop()
            else:
                self.sigCheckpoint.emit(self.run.bundle())
        elif kind == "probe":
            self._set_probe(msg[1])
        elif kind == "task":
            fn, token = msg[1], msg[2]
            try:
                result = fn(self.run)
            except Exception as e:  # reported to whoever asked; the worker goes on
                result = e
            self.sigTaskDone.emit(token, result)
        elif kind == "forget" and not self.busy:
            self.run, self._probe = None, None

    def _set_probe(self, spec: ProbeSpec) -> None:
        self._probe_spec = spec
        self._probe = None
        if self.run is None:
            return
        grid = spec.grid if spec.grid is not None and is_2d(self.run.model.input_shape) else None
        self._probe = Probe(self.run.model, spec.sample, [n for n in spec.nodes if n in self.run.model.layers],
                            list(spec.weights), spec.rate_hz, grid=grid, classify=spec.classify)
        if not self._training:  # idle or paused: the model is still, show it at once
            self._collect(force=True)
            self.sigProbed.emit()

    def _collect(self, force: bool = False) -> None:
        if self._probe is None:
            return
        snap = self._probe.collect() if force else self._probe.maybe_collect()
        if snap is not None:
            self.live.set_probe(tasks.histograms(snap, set(self._probe_spec.keep)))

    @Slot(object)
    def run_job(self, job: Job) -> None:
        self.busy, self._stop, self._pause, self._checkpoint = True, False, False, False
        _yield_to_the_window()
        try:
            self._job(job)
        except Exception as e:  # never let an unexpected error kill the thread
            self._training = False
            self.sigFinished.emit("failed", {"message": tr("Unexpected error: {error}").format(error=e),
                                             "detail": traceback.format_exc()})
        finally:
            self._training = False
            self.busy = False
            self._drain()

    def _job(self, job: Job) -> None:
        self.sigPhase.emit("preparing", tr("Preparing the model and the data…"))
        try:
            run = prepare_network(job.network, job.dataset, job.config, job.bundle)
        except UserError as e:
            self.sigFinished.emit("failed", {"message": message(e), "setup": True})
            return
        self.run = run
        self.sigPrepared.emit(run_info(run))
        self._set_probe(job.probe)
        self._drain()
        if not job.train:
            self.sigFinished.emit("prepared", {"message": "", "epochs_done": run.trainer.epochs_done})
            return
        if tasks.needs_warm_up(run.network, run.config) and not self._stop:
            self.sigPhase.emit("compiling", tr("Compiling kernels… (the first run only)"))
            t0 = time.perf_counter()
            tasks.warm_up(run.network, run.train.x, run.train.y, run.config, len(run.val))
            self.live.set_progress({"compile_s": time.perf_counter() - t0})
            self._drain()
        self._train(run, job.epochs)

    def _train(self, run: Run, epochs: int) -> None:
        trainer = run.trainer
        self._target = trainer.epochs_done + epochs
        self._first_epoch = trainer.epochs_done
        self._n = len(run.train)
        self._batches = math.ceil(self._n / trainer.batch)
        self._norms_at = 0.0
        self._active, self._samples, self._batches_done = 0.0, 0, 0
        trainer.callbacks = [self._on_event]
        while True:
            if self._stop:
                return self._finish("stopped", run, {})
            if self._pause:
                self.sigPhase.emit("paused", tr("Paused"))
                while self._pause and not self._stop:
                    self._handle(self.inbox.get())
                continue
            if trainer.epochs_done >= self._target:
                return self._finish("done", run, {})
            self.sigPhase.emit("training", tr("Training"))
            self._training = True
            self._t0 = time.perf_counter()
            try:
                result = trainer.run(self._target - trainer.epochs_done)
            except TrainingError as e:
                self._training = False
                self.run, self._probe = None, None  # its weights hold NaN / Inf: the next look prepares afresh
                self.sigFinished.emit("failed", {"message": message(e), "nan": True,
                                                 "epochs_done": trainer.epochs_done})
                return
            finally:
                self._active += time.perf_counter() - self._t0
                self._training = False
            if self._checkpoint:
                self._checkpoint = False
                self.sigCheckpoint.emit(run.bundle())
            if result["event"] == "done":
                return self._finish("done", run, result)

    def _finish(self, kind: str, run: Run, result: dict) -> None:
        trainer = run.trainer
        payload = {"epochs_done": trainer.epochs_done, "result": result, "samples": self._samples, "engine": threading_layer(),
                   "seconds": self._active,
                   "samples_per_s": self._samples / self._active if self._active > 0 else 0.0,
                   "bundle": run.bundle() if self._batches_done else None}
        self._collect(force=True)
        self.sigFinished.emit(kind, payload)

    def _on_event(self, ev: dict) -> None:
        kind = ev["event"]
        if kind == "batch":
            self._batches_done += 1
            done = min(self._n, ev["batch"] * self.run.trainer.batch) - min(
                self._n, (ev["batch"] - 1) * self.run.trainer.batch)
            self._samples += done
            x = (ev["epoch"] - 1) + ev["batch"] / ev["batches"]
            self.live.add_batch(x, ev["loss"], self._progress(ev, x))
            now = time.perf_counter()
            if now - self._norms_at >= 1.0 / NORMS_HZ or ev["batch"] == ev["batches"]:
                self._norms_at = now
                self.live.add_norms(x, tasks.norms(self.run.model))
            if not self.inbox.empty():
                self._drain()
            self._collect()
        elif kind == "epoch":
            self.live.add_epoch(ev)

    def _progress(self, ev: dict, x: float) -> dict:
        elapsed = self._active + time.perf_counter() - self._t0
        rate = self._samples / elapsed if elapsed > 0 else 0.0
        left = max(self._target - x, 0.0) * self._n
        return {"epoch": ev["epoch"], "epochs": self._target, "first_epoch": self._first_epoch,
                "batch": ev["batch"], "batches": ev["batches"], "loss": ev["loss"], "position": x,
                "samples_per_s": rate, "eta_s": left / rate if rate > 0 else None, "elapsed_s": elapsed}


NICE = 10  # the training threads' niceness: the window's thread (nice 0) gets a core first when it needs one


def _yield_to_the_window() -> None:
    """Lower the scheduling priority of this thread and of the engine's helper threads a little
    (Linux: per thread). With the training threads busy on every core, the GUI thread then gets a
    core as soon as it wakes up instead of waiting a time slice; when the window is idle, the
    training threads use the machine as before. The helpers are lowered on every job: they may
    have been started before this thread was (by the warm-up, which runs at normal priority), and
    a new thread only inherits its creator's priority."""
    import os
    import threading
    if not hasattr(os, "setpriority"):
        return
    from dlstudio.engine.chunks import helper_native_ids
    tids = helper_native_ids()
    if not _niced.get(threading.get_ident()):
        tids.append(threading.get_native_id())
        _niced[threading.get_ident()] = True
    for tid in tids:
        try:
            os.setpriority(os.PRIO_PROCESS, tid, max(os.getpriority(os.PRIO_PROCESS, tid), NICE))
        except OSError:
            pass


_niced: dict = {}


def threading_layer() -> str:
    import numba
    try:
        return tr("Numba {layer} threading layer, {threads} threads").format(
            layer=numba.threading_layer(), threads=numba.get_num_threads())
    except ValueError:  # no parallel kernel has run yet
        return tr("Numba, {threads} threads").format(threads=numba.get_num_threads())


def run_info(run: Run) -> dict:
    """What the views need to know about a prepared run (plain data, safe to hand over)."""
    m = run.model
    net = run.network
    return {"engine": threading_layer(), "network": net, "order": list(m.order), "types": {n: net.node(n).type for n in m.order},
            "shapes": {n: tuple(m.analysis.shapes[n]) for n in m.order}, "input_id": m.input_id,
            "output_id": m.output_id, "slots": [(s.name, s.shape, s.trainable) for s in m.slots],
            "train_size": len(run.train), "val_size": len(run.val), "batch": run.trainer.batch,
            "batches_per_epoch": math.ceil(len(run.train) / run.trainer.batch), "params": m.num_params,
            "classes": list(run.dataset.classes), "task": run.dataset.task, "loss": run.config.loss,
            "epochs_done": run.trainer.epochs_done, "in_epoch": "in_epoch" in run.trainer.state(),
            "source": run.dataset.source,
            "history": {"batches": [dict(b) for b in run.trainer.history.get("batches", [])],
                        "epochs": [dict(e) for e in run.trainer.history.get("epochs", [])]}}
