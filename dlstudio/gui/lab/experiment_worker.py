"""Running an experiment off the GUI thread: a worker QObject in its own QThread.

The worker calls `dlstudio.experiments.run_experiment` and writes every event it hears into an
`ExperimentState` (a lock-guarded holder of the latest progress and of each curve so far); the
page's GUI timer asks the holder what is new about ten times a second. The end of a run — done,
stopped or failed — is a queued signal. No widget is touched from the worker thread; the event
dicts the framework sends hold fresh lists, and the holder keeps them as they are.
"""
from __future__ import annotations

import threading
import traceback
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..training.worker import _yield_to_the_window as yield_to_the_window


@dataclass
class Update:
    """What is new since the last read."""
    progress: dict | None = None                      # the latest progress event (None if unchanged)
    series: dict = field(default_factory=dict)        # (run, seed, name) -> (x, y), changed curves only


class ExperimentState:
    """The latest state of a running experiment, written by the worker, read by the GUI timer."""

    def __init__(self):
        self._lock = threading.Lock()
        self.clear()

    def clear(self) -> None:
        with self._lock:
            self._progress: dict | None = None
            self._series: dict = {}
            self._changed: set = set()
            self.events = 0

    # ---- the worker's side ------------------------------------------------------------------
    def on_event(self, event: dict) -> None:
        kind = event.get("event")
        with self._lock:
            self.events += 1
            if kind == "progress":
                self._progress = dict(event)
            elif kind == "series":
                key = (str(event.get("run")), event.get("seed"), str(event.get("name")))
                self._series[key] = (list(event.get("x") or ()), list(event.get("y") or ()))
                self._changed.add(key)

    # ---- the GUI's side ---------------------------------------------------------------------
    def take(self) -> Update:
        """Everything new since the previous `take`."""
        with self._lock:
            u = Update(self._progress, {k: self._series[k] for k in self._changed})
            self._progress = None
            self._changed = set()
        return u

    def series_count(self) -> int:
        with self._lock:
            return len(self._series)


class ExperimentWorker(QObject):
    """Lives in the worker thread; runs one experiment per `run_job` call."""
    sigFinished = Signal(str, object)   # done|stopped|failed, the result dict or {"message", "detail"}

    def __init__(self, state: ExperimentState):
        super().__init__()
        self.state = state
        self.stop_flag = threading.Event()

    @Slot(object, object)
    def run_job(self, experiment, seeds) -> None:
        yield_to_the_window()
        try:
            from dlstudio.experiments import run_experiment
            result = run_experiment(experiment, on_event=self.state.on_event,
                                    should_stop=self.stop_flag.is_set, seeds=seeds)
        except Exception as e:  # a bad experiment or an engine error: reported, the thread goes on
            # the message as raised, so that a translatable dlstudio.i18n.Text keeps its template
            message = e.args[0] if len(e.args) == 1 and isinstance(e.args[0], str) else str(e)
            self.sigFinished.emit("failed", {"message": message or type(e).__name__,
                                             "detail": traceback.format_exc()})
            return
        self.sigFinished.emit("stopped" if result.get("stopped") else "done", result)


class ExperimentRunner(QObject):
    """The GUI side: owns the worker thread, starts and stops runs, reports their end."""
    sigFinished = Signal(str, object)
    _sigStart = Signal(object, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.state = ExperimentState()
        self.thread: QThread | None = None
        self.worker: ExperimentWorker | None = None
        self.running = False

    def _ensure_thread(self) -> None:
        if self.thread is not None:
            return
        self.thread = QThread()
        self.thread.setObjectName("dlstudio-experiment")
        self.worker = ExperimentWorker(self.state)
        self.worker.moveToThread(self.thread)
        self._sigStart.connect(self.worker.run_job)
        self.worker.sigFinished.connect(self._finished)
        self.thread.start()

    def start(self, experiment, seeds=None) -> None:
        """Run `experiment` in the worker thread (ignored while one runs)."""
        if self.running:
            return
        self._ensure_thread()
        self.state.clear()
        self.worker.stop_flag.clear()
        self.running = True
        self._sigStart.emit(experiment, seeds)

    def stop(self) -> None:
        """Ask the run to stop at its next batch; `sigFinished("stopped", result)` follows."""
        if self.worker is not None:
            self.worker.stop_flag.set()

    def _finished(self, kind: str, payload) -> None:
        self.running = False
        self.sigFinished.emit(kind, payload)

    def shutdown(self, wait_ms: int = 15000) -> bool:
        """Stop any run and end the thread; False if it did not end within `wait_ms`."""
        self.stop()
        if self.thread is None:
            return True
        self.thread.quit()
        ended = self.thread.wait(wait_ms)
        if ended:
            self.thread = self.worker = None
            self.running = False
        return ended

    def is_thread_running(self) -> bool:
        return self.thread is not None and self.thread.isRunning()
