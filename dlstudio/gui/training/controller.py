"""Running training from the window: start, pause / resume, stop, continue, save during a run,
and what happens to a run when the window closes or another file opens.

The worker (worker.py) lives in its own QThread. While a run is active (preparing, compiling,
training or paused) the network is LOCKED: blocks can be selected but not edited, moved or
wired, the inspector and palette are disabled, undo / redo are off. The run itself trains a
copy of the document's network, so nothing the GUI does can reach the engine's model.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QEventLoop, QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from dlstudio.engine.trainer import TrainConfig
from dlstudio.engine.warmup import compile_network
from dlstudio.i18n import message as error_message
from dlstudio.run import setup_problems
from dlstudio.spec import Network

from ..files import weights_problem
from ..i18n import QT_TR_NOOP, tr, tr_text
from . import gc_guard, tasks
from .data_loader import DataLoader
from .state import LiveState
from .worker import Job, TrainWorker

ACTIVE = ("preparing", "compiling", "training", "pausing", "paused", "stopping")
LOCK_REASON = QT_TR_NOOP("the network is training — stop the run (or let it finish) to edit it")
WAIT_MS = 120_000
# The background warm-up (warm_up_network) skips networks above these: a throw-away model and a
# training step on zeros would cost more than compiling saves.
WARM_MAX_PARAMS = 25_000_000
WARM_MAX_MACS = 4_000_000_000   # multiply-adds of one batch forward


class TrainingController(QObject):
    sigStateChanged = Signal(str)       # idle | preparing | compiling | training | pausing | paused | stopping
    sigRunFinished = Signal(str, str)   # done | stopped | failed | prepared, message
    sigMessage = Signal(str)
    _sigRunJob = Signal(object)

    def __init__(self, win):
        super().__init__(win)
        self.win = win
        gc_guard.acquire(self)  # no garbage collection in the worker threads (see gc_guard)
        self.live = LiveState()
        self.loader = DataLoader(self)
        self.thread = QThread()
        self.thread.setObjectName("dlstudio-training")
        self.worker = TrainWorker(self.live)
        self.worker.moveToThread(self.thread)
        self._sigRunJob.connect(self.worker.run_job)
        self.worker.sigPhase.connect(self._phase)
        self.worker.sigPrepared.connect(self._prepared)
        self.worker.sigFinished.connect(self._finished)
        self.worker.sigTaskDone.connect(self._task_done)
        self.worker.sigCheckpoint.connect(self._checkpoint)
        self.thread.start()
        self.worker.post("task", lambda run: tasks.load_engine(), 0)  # now, not at the first Start
        self.state = "idle"
        self.prepared = False          # the worker holds a run for the current network
        self.info: dict | None = None  # the prepared run's description
        self.dataset = None            # the data of the prepared run
        self.last_result: dict = {}    # payload of the last finished run
        self.last_error = ""
        self._tasks: dict[int, object] = {}
        self._pending: list = []       # tasks waiting for a run to be prepared
        self._token = 0
        self._warm_gen = 0             # the latest background warm-up; older queued ones are dropped
        self._warm_keys: set = set()   # (layer types, loss, optimizer, batch) warmed up in the background
        self._checkpoint_bundle = None
        self._shut = False
        self._job_trains = False
        self._queued: bool | None = False  # a Start asked for while the model was being prepared
        self._pause_queued = False
        self._after_load: tuple | None = None  # (fresh,): a Start asked for while the data were loading
        self.hub = None                # the live views (views.py), set by install()
        win.files.guards.append(self.confirm_drop)
        app = QApplication.instance()
        if app is not None:  # the threads end with the application even if no window closes
            app.aboutToQuit.connect(self.shutdown)
        win.files.before_save.append(self.checkpoint_now)

    # ---- state -------------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.state in ACTIVE

    @property
    def trains(self) -> bool:
        """A run that trains is active (or asked for): not just a look at the model for a live view."""
        return self.active and (self._job_trains or self._queued is not False)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            gc_guard.set_busy(state in ACTIVE and state != "paused")
            self.sigStateChanged.emit(state)

    def can_continue(self) -> bool:
        """True if Start trains on from the model's weights (continue, or fine-tune imported ones)."""
        return self.start_kind() != "fresh"

    def start_kind(self) -> str:
        """What Start does now: "continue" a run (optimizer state and epochs go on), "fine-tune"
        weights that came from elsewhere (a fresh optimizer), or train from "fresh" weights."""
        f = self.win.files
        if f.bundle is None or weights_problem(self.win.doc.network, f.bundle.weights) is not None:
            return "fresh"
        return "continue" if f.has_training() else "fine-tune" if f.has_pretrained() else "fresh"

    # ---- checks ------------------------------------------------------------------------------
    def problems(self) -> list[str]:
        """What stops a run from starting now (empty: ready)."""
        setup = self.hub.setup
        if setup.data_error:
            return [setup.data_error]
        if setup.dataset is None:
            return [tr("the data are still loading") if self.loader.loading else tr("choose the data to train on")]
        cfg = setup.config()
        if setup.learning_rate() is None:
            return [tr("the learning rate must be a number, got {value}").format(value=repr(setup.lr.currentText()))]
        return setup_problems(self.win.doc.network, setup.dataset, cfg)

    # ---- commands ----------------------------------------------------------------------------
    def start(self, fresh: bool | None = None, train: bool = True) -> bool:
        """Start a run: continue the current model's training (fresh=False), or begin again from
        fresh weights (fresh=True); None continues when there is something to continue."""
        if self.active:
            if train and not self._job_trains and self.state != "stopping":
                self._queued = fresh  # a look at the model is being prepared: train right after it
                return True
            return False
        problems = self.problems()
        self.hub.show_problems(problems)
        if problems and train and self.hub.setup.dataset is None and self.loader.loading:
            self._after_load = (fresh,)       # start once they are there (LiveViews._dataset_changed)
            self.sigMessage.emit(tr("Training starts once the data have loaded"))
            return True
        if problems:
            self.sigMessage.emit(tr("Cannot start: {problem}").format(problem=tr_text(problems[0])))
            return False
        if fresh is None:
            fresh = not self.can_continue()
        files = self.win.files
        if fresh and train and files.results_dirty and files.has_training():
            answer = QMessageBox.question(
                self.win, tr("Start again?"), tr("The weights trained so far are not saved. Start again from fresh "
                                                 "weights anyway? (Their curves stay in the plot.)"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        bundle = None
        if not fresh or not train:  # continue, or look at the current weights (evaluate / predict)
            b = files.bundle
            if b is not None and weights_problem(self.win.doc.network, b.weights) is None:
                bundle = b
            elif train:
                self.sigMessage.emit(tr("Nothing to continue: the network has no trained weights that fit it"))
                return False
        setup = self.hub.setup
        cfg = setup.config()
        if not train and bundle is not None and bundle.training.get("config"):
            cfg = TrainConfig.from_dict(bundle.training["config"])  # look at the model as it was trained
        if bundle is not None and bundle.training.get("config"):
            trained = bundle.training["config"].get("optimizer")
            if train and trained and trained != cfg.optimizer:
                msg = tr("This model was trained with {trained}; continuing keeps its optimizer state. "
                         "Choose {trained} to continue, or press Restart to train from fresh weights with "
                         "{optimizer}.").format(trained=trained, optimizer=cfg.optimizer)
                self.hub.show_problems([msg])
                self.sigMessage.emit(msg)
                return False
        net = Network.from_dict(self.win.doc.network.to_dict())   # the run trains a copy
        self.dataset = setup.dataset
        if train:
            self.live.clear()
            self.hub.begin_run(net, cfg, continuing=bundle is not None and bool(bundle.training.get("config")))
        self._job_trains = train
        self._lock(True, banner=train)
        self.prepared = False
        self._set_state("preparing")
        self._sigRunJob.emit(Job(net, setup.dataset, cfg, bundle, epochs=cfg.epochs, train=train,
                                 probe=self.hub.probe_spec()))
        return True

    def pause(self) -> None:
        if not self.trains:
            return  # a look at the model is no run to pause
        if self._queued is not False:  # the run waits for a look at the model to be prepared
            self._pause_queued = True
        elif self.state in ("preparing", "compiling", "training"):
            self.worker.post("pause")
            self._set_state("pausing")

    def resume(self) -> None:
        if self.state in ("paused", "pausing"):
            self.worker.post("resume")
            self._set_state("training")

    def toggle_pause(self) -> None:
        self.resume() if self.state in ("paused", "pausing") else self.pause()

    def primary(self) -> None:
        """Space / the Train action: start or continue when idle, pause or resume while running."""
        if self.trains:
            self.toggle_pause()
        else:
            self.start(None)  # during a look at the model: trains right after it

    def take_start_after_load(self) -> tuple | None:
        """The Start asked for while the data were loading, if any (asked once: it is forgotten)."""
        pending, self._after_load = self._after_load, None
        return pending

    def stop(self) -> None:
        self._queued, self._pause_queued, self._after_load = False, False, None
        if self.active and self.state != "stopping":
            self.worker.post("stop")
            self._set_state("stopping")

    def stop_and_wait(self, timeout_ms: int = WAIT_MS) -> bool:
        """Stop the run and wait (the window keeps painting) until the worker has let go of it."""
        if not self.active:
            return True
        loop = QEventLoop()
        self.sigRunFinished.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        self.stop()
        if self.active:
            loop.exec()
        self.sigRunFinished.disconnect(loop.quit)
        return not self.active

    def checkpoint_now(self, timeout_ms: int = WAIT_MS) -> None:
        """Before a model file is written during a run: take the run's exact state between batches."""
        if not self.active:
            return
        if self.state == "stopping":  # the run's final state arrives with its end
            self.stop_and_wait(timeout_ms)
            return
        self._checkpoint_bundle = None
        loop = QEventLoop()
        self.worker.sigCheckpoint.connect(loop.quit)
        self.sigRunFinished.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        self.worker.post("checkpoint")
        loop.exec()
        self.worker.sigCheckpoint.disconnect(loop.quit)
        self.sigRunFinished.disconnect(loop.quit)
        if self._checkpoint_bundle is not None:
            self.win.files.bundle = self._checkpoint_bundle

    def _checkpoint(self, bundle) -> None:
        self._checkpoint_bundle = bundle

    def confirm_drop(self) -> bool:
        """A guard before the document is dropped (new, open, close): stop a run first."""
        if not self.active:
            return True
        if not self.trains:  # only a look at the model for a live view: nothing to lose
            return self.stop_and_wait()
        answer = QMessageBox.question(
            self.win, tr("Training is running"),
            tr("Stop the training run? What it has learned so far is kept, and you can save it next."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.stop_and_wait()

    # ---- tasks for the views (run in the worker thread) --------------------------------------
    def submit(self, fn, done) -> None:
        """Run fn(run) in the worker and call done(result) here; prepares a run first if needed."""
        if self.prepared:
            self._token += 1
            self._tasks[self._token] = done
            self.worker.post("task", fn, self._token)
            return
        self._pending.append((fn, done))
        if not self.active and self.hub.setup.dataset is not None and not self.problems():
            self.start(fresh=False, train=False)

    def ensure_prepared(self) -> None:
        """Have the worker hold the current model (without training) so the views can show it."""
        if not self.prepared and not self.active and self.hub.setup.dataset is not None and not self.problems():
            self.start(fresh=False, train=False)

    def _task_done(self, token: int, result) -> None:
        done = self._tasks.pop(token, None)
        if done is None or self._shut:
            return
        if isinstance(result, Exception):
            error = tr_text(error_message(result))
            self.sigMessage.emit(tr("Could not compute the view: {error}").format(error=error))
            return
        done(result)

    def warm_up_network(self) -> None:
        """Compile the open network's kernels in the worker now, before Start is pressed, so the
        first run finds them compiled (the worker is idle until then). Skipped during a run, for a
        network that does not build, and for what was warmed up before; a warm-up still queued when
        the network changes again is dropped, one under way stops at its next step (a run started
        meanwhile waits for it, as it needs the same kernels)."""
        if self.active or self._shut or self.hub is None:
            return
        try:
            net = Network.from_dict(self.win.doc.network.to_dict())
            cfg = self.hub.setup.config()
            ds = self.hub.setup.dataset
            batch = cfg.resolved_batch(len(ds)) if ds is not None else (
                cfg.batch_size if isinstance(cfg.batch_size, int) else 32)
        except (ValueError, TypeError, RuntimeError):  # an unfinished setting: wait for a usable one
            return
        key = (frozenset(n.type for n in net.nodes), cfg.loss, cfg.optimizer, batch)
        analysis = self.win.doc.analysis
        if key in self._warm_keys or not analysis.ok:
            return
        cost = analysis.total
        if cost.params > WARM_MAX_PARAMS or cost.macs * batch > WARM_MAX_MACS:
            return   # a big network: its first batches take longer than compiling anyway
        self._warm_keys.add(key)
        self._warm_gen += 1
        gen = self._warm_gen

        def stale() -> bool:   # another network since, or a run already past its own compiling
            return gen != self._warm_gen or self.state in ("training", "pausing", "paused")

        def work(run):
            if not stale():
                compile_network(net, batch, cfg.loss, cfg.optimizer, cfg.hyper, cancelled=stale)
        self.worker.post("task", work, 0)   # token 0: nobody waits for it; errors are dropped

    def forget_run(self) -> None:
        """The network or data changed: the worker's run no longer matches (idle only)."""
        if self.active or not self.prepared:
            return
        self.prepared = False
        self.worker.post("forget")

    # ---- hearing from the worker -------------------------------------------------------------
    def _phase(self, phase: str, message: str) -> None:
        if self.state == "stopping" and phase != "paused":
            return
        if phase == "training" and self.state == "pausing":
            return  # the trainer restarts briefly before the pause is taken
        self._set_state(phase)
        self.hub.show_phase(phase, message)

    def _prepared(self, info: dict) -> None:
        self.info = info
        self.prepared = True
        self.hub.set_run(info, self.dataset)
        for fn, done in self._pending:
            self.submit(fn, done)
        self._pending = []

    def _finished(self, kind: str, payload: dict) -> None:
        try:
            self.hub.tick(final=True)  # the last points of the run
        finally:
            self._after_run(kind, payload)

    def _after_run(self, kind: str, payload: dict) -> None:
        self._lock(False)
        self._set_state("idle")
        self.last_result = payload
        message = payload.get("message", "")
        bundle = payload.get("bundle")
        if bundle is not None and kind in ("done", "stopped"):
            self.win.files.set_trained(bundle)
        if kind == "failed":
            self.last_error = message
            self.prepared = False
            self._pending = []
            if payload.get("setup"):
                self.hub.show_problems([message])
            if not self._shut:
                QMessageBox.warning(self.win, tr("Training stopped") if payload.get("nan") else tr("Cannot train"),
                                    tr_text(message))
        self.hub.finished(kind, payload)
        self.sigRunFinished.emit(kind, message)
        queued, self._queued = self._queued, False
        pause, self._pause_queued = self._pause_queued, False
        if queued is not False and kind == "prepared" and self.start(queued) and pause:
            self.pause()

    # ---- locking the network -----------------------------------------------------------------
    def _lock(self, on: bool, banner: bool = True) -> None:
        w = self.win
        w.editor.set_locked(tr(LOCK_REASON) if on else None)
        w.scene.set_locked(on)
        w.inspector.setEnabled(not on)
        w.palette_panel.setEnabled(not on)
        a = w.acts
        for action in (a.cut, a.paste, a.duplicate, a.delete, a.layout, a.undo, a.redo):
            action.setEnabled(not on)
        if not on:
            a.undo.setEnabled(w.stack.canUndo())
            a.redo.setEnabled(w.stack.canRedo())
            w._selection_changed(w.scene.selected_ids())
        self.hub.setup.set_locked(on)
        w.view.set_banner(tr("Training — the network is locked until the run stops") if on and banner else None)

    # ---- closing -----------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop any run without asking, and end the worker and loader threads (window closing)."""
        if self._shut:
            return
        self._shut = True
        self.hub.timer.stop()
        if self.active:
            self.stop_and_wait()
        self.thread.quit()
        self.thread.wait()
        self._tasks.clear()      # results still queued for the views are dropped: the views may be gone
        self._pending = []
        self.loader.shutdown()
        gc_guard.release()

    def default_save_path(self) -> str:
        f = self.win.files
        base = os.path.splitext(f.path)[0] if f.path else os.path.join(os.path.expanduser("~"), "model")
        return base + ".dls"
