"""The live views and the GUI timer that feeds them.

Every 66 ms (15 Hz) while a run is active, `tick` takes what is new from the worker's
`LiveState` and hands it to the views that are visible; hidden views get the latest probe
result when they are shown. What the visible views need from the probe (a layer's maps, a
weight's histogram, one sample) is sent to the worker whenever it changes.
"""
from __future__ import annotations

import math
import os
import time

from PySide6.QtCore import QObject, Qt, QTimer

from dlstudio.engine.trainer import TrainConfig, batch_mode

from .. import format as fmt
from ..i18n import QT_TR_NOOP, tr, tr_text
from . import tasks, view_reset
from .evaluation import EvaluationView
from .feature_maps import FeatureMapsView
from .gates import GatesView
from .panel import TrainingPanel
from .plots import CurvesView
from .predict import PredictView
from .regions import RegionsView
from .setup_panel import SetupPanel
from .weights_view import WeightsView
from .worker import PROBE_HZ, ProbeSpec

TICK_MS = 100  # 10 Hz: smooth enough for curves, light on the GIL the training thread needs
EVAL_EVERY_S = 3.0  # evaluating after every epoch, but not more often than this
# The share of one core the GUI thread may use while a run trains: above it the views skip a
# tick. Painting holds the GIL and takes a core from the engine's threads, so every percent of
# GUI time costs the run more than a percent of its speed on a small machine.
GUI_BUDGET = 0.05
MAX_WAIT_S = 1.0  # ... but no view waits longer than this for its new data


class LiveViews(QObject):
    def __init__(self, win, controller):
        super().__init__(win)
        self.win, self.c = win, controller
        self.setup = SetupPanel(controller.loader)
        self.curves = CurvesView()
        self.panel = TrainingPanel(self.setup, self.curves)
        self.maps, self.gates, self.weights = FeatureMapsView(), GatesView(), WeightsView()
        self.evaluation, self.predict = EvaluationView(), PredictView()
        self.regions = RegionsView()
        self.probe_views = [self.maps, self.gates, self.weights, self.regions]
        self.tabs = [(self.maps, QT_TR_NOOP("Feature maps")), (self.gates, QT_TR_NOOP("Gates")),
                     (self.weights, QT_TR_NOOP("Weights")), (self.regions, QT_TR_NOOP("Regions")),
                     (self.evaluation, QT_TR_NOOP("Evaluation")), (self.predict, QT_TR_NOOP("Predict"))]
        self.timer = QTimer(self, interval=TICK_MS, timeout=self.tick)
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._probe_timer = QTimer(self, singleShot=True, interval=0, timeout=self.send_probe)
        self.render_all = False          # update hidden views too (the GUI benchmark)
        self.sample_index = 0
        self._last_probe: dict | None = None
        self._data_wanted = False
        self._turn = 0
        self._progress: dict | None = None
        self._due: dict[str, float] = {}  # view groups with new data -> since when
        self.load = 0.0                  # recent share of a core used by the GUI thread
        self._clock = (time.perf_counter(), time.thread_time())
        self._eval_due, self._eval_at = False, 0.0
        self._predict_due, self._predict_at = False, 0.0
        self._run_label = ""
        for view in (self.maps, self.gates, self.weights):
            view.sigRequestChanged.connect(self.probe_changed)
        for view in (self.maps, self.gates):
            view.sigSampleChanged.connect(self.set_sample)
        self.evaluation.sigEvaluate.connect(self.evaluate)
        self.predict.sigPredict.connect(self._predict)
        self.setup.sigChanged.connect(self.refresh_problems)
        self.setup.sigDatasetChanged.connect(self._dataset_changed)
        controller.worker.sigProbed.connect(self._probed)
        QTimer.singleShot(0, self._regions_tab)  # once the tabs are in the window

    def _probed(self) -> None:
        if not self.timer.isActive():  # while a run is active the timer picks it up
            self.tick(final=True)

    def apply_theme(self) -> None:
        """The palette changed (View → Theme): plots and images take the new colours."""
        for view in (self.curves, self.maps, self.gates, self.weights, self.regions, self.evaluation,
                     self.predict, self.setup.preview):
            view.apply_theme()
        self.panel.apply_icons()

    # ---- what the views need -----------------------------------------------------------------
    def visible(self, view) -> bool:
        return self.render_all or view.isVisible()

    def probe_spec(self) -> ProbeSpec:
        nodes, weights, keep, sample_needed = [], [], [], False
        if self.visible(self.maps) and self.maps.node():
            r = self.maps.probe_request()
            nodes += r.get("nodes", [])
            weights += r.get("weights", [])
            keep += r.get("keep", [])
            sample_needed = True
        if self.visible(self.gates) and self.gates.node():
            sample_needed = True
        if self.visible(self.weights):
            weights += [w for w in self.weights.probe_request().get("weights", []) if w not in weights]
        ds = self.c.dataset if self.c.dataset is not None else self.setup.dataset
        sample = None
        if sample_needed and ds is not None and len(ds):
            sample = ds.x[min(self.sample_index, len(ds) - 1)].copy()
        params = (self.c.info or {}).get("params", 0)
        rate = PROBE_HZ if params < 2_000_000 else 1.0
        grid = self.regions.grid_for(ds) if self.visible(self.regions) else None
        classify = ds is not None and ds.task != "regression"
        return ProbeSpec(sample, tuple(nodes), tuple(weights), tuple(keep), rate, grid, classify)

    def _regions_tab(self, ds=None) -> None:
        """The Regions tab is there only while the data are points in the plane."""
        ds = ds if ds is not None else (self.c.dataset if self.c.dataset is not None else self.setup.dataset)
        tabs, on = self.win.bottom_tabs, self.regions.show_data(ds)
        i = tabs.indexOf(self.regions)
        if i >= 0 and tabs.isTabVisible(i) != on:
            if not on and tabs.currentIndex() == i:
                tabs.setCurrentIndex(max(i - 1, 0))
            tabs.setTabVisible(i, on)

    def probe_changed(self) -> None:
        self._probe_timer.start()  # once per burst of changes

    def send_probe(self) -> None:
        if self.c.prepared or self.c.active:
            self.c.worker.post("probe", self.probe_spec())

    def set_sample(self, i: int) -> None:
        self.sample_index = i
        for view in (self.maps, self.gates):
            view.sample.set_index(i)
        self.probe_changed()

    def tab_shown(self) -> None:
        """A view became visible: give it the latest probe, and ask for what it needs."""
        if self._last_probe is not None:
            for view in self.probe_views:
                if view.isVisible():
                    view.show_probe(self._last_probe)
        self.weights.refresh()
        self.curves.refresh()
        self.probe_changed()
        views = (self.maps, self.gates, self.weights, self.regions, self.evaluation, self.predict)
        if self.predict.isVisible() and not self.c.prepared and not self.c.active:
            problems = self.c.problems()  # the reason, not empty axes (also without the Training panel)
            self.predict.show_problem(tr_text(problems[0]) if problems else None)
        if any(v.isVisible() for v in views) and not self.c.prepared and not self.c.active:
            self.c.ensure_prepared()  # show the current model (from a file, or untrained) without training
        elif (self.evaluation.isVisible() and (self.evaluation.result is None or self.evaluation.stale)
              and self.c.prepared and self.evaluation.button.isEnabled()):
            self.evaluate()  # nothing evaluated yet, or the weights changed while the tab was hidden

    # ---- the timer ---------------------------------------------------------------------------
    def tick(self, final: bool = False) -> None:
        """Hand what is new to the views. While a run goes on, one view group (curves, maps and
        gates, weight histograms, norms) is refreshed per tick, the one waiting longest, and none while the GUI
        thread is over its budget — the data are kept and shown a tick later. `final` updates
        everything."""
        self._turn += 1
        wall, cpu = time.perf_counter(), time.thread_time()
        if wall > self._clock[0]:  # the share of a core this thread used since the last tick
            used = (cpu - self._clock[1]) / (wall - self._clock[0])
            self.load = 0.6 * self.load + 0.4 * used
        self._clock = (wall, cpu)
        u = self.c.live.take()
        if u.batch_x or u.epochs:
            self.curves.append(u.batch_x, u.batch_loss, u.epochs)
        if u.progress:
            self._progress = u.progress
        if self._progress and (final or self.load <= GUI_BUDGET or self._turn % 5 == 0):
            self.panel.show_progress(self._progress)
            self._progress = None
        if u.norms:
            self.weights.add_norms(u.norms)
        now = time.monotonic()
        if u.batch_x or u.epochs:
            self._due.setdefault("curves", now)
        if u.probe is not None:
            self._last_probe = u.probe
            self._due.setdefault("probe", now)
        if u.norms:
            self._due.setdefault("norms", now)
        if u.probe is not None:
            self._due.setdefault("histograms", now)
        if final:
            groups = list(self._due)
        elif not self._due or (self.load > GUI_BUDGET and now - min(self._due.values()) < MAX_WAIT_S):
            groups = []  # over budget: the data are kept, the views catch up on a later tick
        else:
            groups = [min(self._due, key=self._due.get)]  # one view group per tick, oldest first
        for group in groups:
            del self._due[group]
            self._refresh(group)
        if u.epochs:
            self._eval_due = self._predict_due = True
            self.evaluation.stale = self.evaluation.result is not None
        if (self._predict_due and not final and self.visible(self.predict)
                and now - self._predict_at >= EVAL_EVERY_S):  # the same input through the newer weights
            self._predict_due, self._predict_at = False, now
            self.predict.request()
        if (self._eval_due and not final and self.evaluation.each_epoch.isChecked()
                and self.visible(self.evaluation) and now - self._eval_at >= EVAL_EVERY_S):
            self._eval_due, self._eval_at = False, now
            self.evaluate()

    def _refresh(self, group: str) -> None:
        if group == "curves" and self.visible(self.curves):
            self.curves.refresh()
        elif group == "probe" and self._last_probe is not None:
            for view in (self.maps, self.gates, self.regions):
                if self.visible(view):
                    view.show_probe(self._last_probe)
        elif group == "histograms" and self.visible(self.weights) and self._last_probe is not None:
            self.weights.show_probe(self._last_probe)
        elif group == "norms" and self.visible(self.weights):
            self.weights.refresh()

    # ---- runs --------------------------------------------------------------------------------
    def begin_run(self, net, cfg: TrainConfig, continuing: bool) -> None:
        lr = cfg.hyper.get("lr")
        self._run_label = tr("{network} · {optimizer} lr {lr} · {mode} {batch}").format(
            network=net.name, optimizer=cfg.optimizer, lr=f"{lr:g}", mode=batch_mode(cfg.batch_size),
            batch=cfg.batch_size if cfg.batch_size not in (1, "full") else "").strip()
        self.curves.begin_run(self._run_label, continuing=continuing)
        self._last_probe = None
        self.timer.start()
        self.panel.tabs.setCurrentWidget(self.curves)

    def set_run(self, info: dict, dataset) -> None:
        self.win.engine_label.setToolTip(tr("The training engine: {engine}").format(engine=info["engine"]))
        continuing = self.c.state != "preparing" or bool(info["history"]["epochs"])
        if self.c.active:  # a fixed epoch axis for the run: axes are not redrawn on every update
            end = info["epochs_done"] + (1 if info.get("in_epoch") else 0) + self.setup.epochs.value()
            self.curves.set_span(end)
            self.weights.set_span(end)
        for view in (self.maps, self.gates, self.predict):
            view.set_run(info, dataset)
        self.weights.set_run(info, continuing=continuing)
        self.predict.info = info
        self._regions_tab(dataset)
        self.set_sample(min(self.sample_index, max(len(dataset) - 1, 0)))
        self.send_probe()
        if self.predict.isVisible():
            self.predict.request()
        if self.evaluation.isVisible() and self.evaluation.result is None and not self.c.active:
            self.evaluate()

    def finished(self, kind: str, payload: dict) -> None:
        self.timer.stop()
        if payload.get("engine"):
            self.win.engine_label.setToolTip(tr("The training engine: {engine}").format(engine=payload["engine"]))
        self._eval_due = self._predict_due = False
        self.refresh_state()
        c = self.c
        if kind in ("done", "stopped"):
            last = payload.get("result") or {}
            acc = last.get("val_accuracy")
            epochs = payload.get("epochs_done", 0)
            if epochs == 1:
                head = tr("Finished · 1 epoch") if kind == "done" else tr("Stopped · 1 epoch")
            else:
                head = tr("Finished · {epochs} epochs") if kind == "done" else tr("Stopped · {epochs} epochs")
            parts = [head.format(epochs=epochs)]
            if acc is not None:
                parts.append(tr("val accuracy {accuracy} %").format(accuracy=f"{100 * acc:.1f}"))
            if payload.get("samples_per_s"):
                parts.append(tr("{rate} samples/s").format(rate=f"{payload['samples_per_s']:,.0f}"))
            self.panel.show_finished(" · ".join(parts), complete=kind == "done")
            self.win.engine_label.setText(tr("Engine: idle"))
            c.sigMessage.emit(" · ".join(parts))
            self.evaluation.stale = self.evaluation.result is not None
            if self.visible(self.evaluation):
                self.evaluate()
            if self.visible(self.predict):
                self.predict.request()   # the trained weights' answer, not the one from before the run
        elif kind == "failed":
            message = tr_text(payload.get("message", ""))
            self.panel.show_finished(tr("Stopped: {message}").format(message=message[:80]))
            self.panel.status.setText(message)
            self.win.engine_label.setText(tr("Engine: idle"))
        elif kind == "prepared":
            self.panel.show_finished(tr("Ready"))
            self.win.engine_label.setText(tr("Engine: idle"))
            if self.evaluation.isVisible() and self.evaluation.result is None:
                self.evaluate()

    def show_phase(self, phase: str, message: str) -> None:
        self.panel.show_phase(phase, message)
        labels = {"preparing": tr("Engine: preparing"), "compiling": tr("Engine: compiling kernels"),
                  "paused": tr("Engine: paused"), "training": tr("Engine: training")}
        if phase in labels:
            self.win.engine_label.setText(labels[phase])
        self.refresh_state()

    # ---- evaluate / predict ------------------------------------------------------------------
    def evaluate(self) -> None:
        if not self.c.prepared and not self.c.active and not self.c.loader.loading:
            problems = self.c.problems()
            if problems:      # nothing could run it: say why instead of waiting for ever
                problem = tr_text(problems[0])
                self.evaluation.show_problem(problem)
                self.c.sigMessage.emit(tr("Cannot evaluate: {problem}").format(problem=problem))
                return
        self.evaluation.set_busy(True)

        def work(run):
            val = run.val if len(run.val) else run.train
            which = "validation" if len(run.val) else "training"
            return tasks.evaluation(run.model, val.x, val.y, run.config.loss, list(run.dataset.classes), which)

        def done(result):
            self.evaluation.set_busy(False)
            self.evaluation.show_result(result)

        self.c.submit(work, done)

    def _predict(self, x, nodes) -> None:
        self.c.submit(lambda run: tasks.predict_one(run.model, x, run.config.loss, nodes,
                                                    classify=run.dataset.task != "regression"),
                      self.predict.show_result)

    # ---- setup and problems ------------------------------------------------------------------
    def ensure_data(self) -> None:
        """Load data for the setup the first time the panel is needed."""
        if self._data_wanted:
            return
        self._data_wanted = True
        if self.setup.spec.text().strip():
            self.setup.load()
        else:
            self.apply_document_defaults()
        self.refresh_problems()

    def apply_document_defaults(self) -> None:
        view_reset.apply_document_defaults(self)

    def document_replaced(self) -> None:
        """A network or model file was opened: show its training settings and history."""
        self.c.take_start_after_load()   # a Start pressed for the previous network is not for this one
        self.c.forget_run()
        self.c.info = None
        self.reset_views()
        self.apply_document_defaults()
        b = self.win.files.bundle
        if b is not None and b.history and (b.history.get("epochs") or b.history.get("batches")):
            label = os.path.basename(self.win.files.path or "") or self.win.doc.network.name
            self.curves.begin_run(tr("{name} (history)").format(name=label), history=b.history)
        self.refresh_problems()
        self.c.warm_up_network()   # compile its kernels in the background, before Start

    def reset_views(self) -> None:
        view_reset.reset_views(self)

    def network_edited(self) -> None:
        if not self.c.active:
            self.c.forget_run()
            self.setup.input_shape = view_reset.input_shape(self.win)
            self.refresh_problems()
            self.c.warm_up_network()

    def _dataset_changed(self, ds) -> None:
        pending = self.c.take_start_after_load()
        if ds is not None and not self.c.active:
            self.c.forget_run()
            for view in (self.maps, self.gates):
                view.sample.set_dataset(ds)
            self._regions_tab(ds)
        self.refresh_problems()
        if pending is not None and ds is not None and not self.c.active:
            self.c.start(pending[0])      # Train was pressed while the data were loading
        if ds is not None and not self.c.active:
            self.tab_shown()  # a live view on screen shows the model for these data

    def refresh_problems(self) -> None:
        if self.c.active:
            return
        problems = self.c.problems() if self._data_wanted else []
        self.show_problems(problems)

    def show_problems(self, problems: list[str]) -> None:
        ds = self.setup.dataset
        note = ""
        if not problems and ds is not None:
            cfg = self.setup.config()
            n_train = len(ds) - int(round(cfg.val_split * len(ds)))
            try:
                b = cfg.resolved_batch(n_train)
                note = tr("Ready: {params} parameters · {steps} steps per epoch of {batch} samples").format(
                    params=fmt.count(self.win.doc.analysis.total.params), steps=f"{math.ceil(n_train / b):,}",
                    batch=b)
            except Exception:
                note = ""
        problems = [tr_text(p) for p in problems]
        self.setup.set_problems(problems, note)
        self.predict.show_problem(problems[0] if problems else None)
        self.evaluation.show_problem(problems[0] if problems else None)
        self.panel.status.setText("" if not problems else tr("⚠ {problem}").format(problem=problems[0]))
        self.refresh_state(ready=not problems and ds is not None)

    def refresh_state(self, ready: bool | None = None) -> None:
        if ready is None:
            ready = self.setup.dataset is not None and (self.c.active or not self.c.problems())
        kind = self.c.start_kind()
        self.panel.show_state(self.c.state, kind, ready, training=self.c.trains)
        a = self.win.acts
        if hasattr(a, "train_pause"):
            a.train_start.setText({"continue": tr("&Continue Training"), "fine-tune": tr("&Fine-tune")}.get(
                kind, tr("&Start Training")))
            a.train_start.setEnabled(not self.c.active)
            a.train_pause.setEnabled(self.c.trains)
            a.train_pause.setText(tr("&Resume") if self.c.state in ("paused", "pausing") else tr("&Pause"))
            a.train_stop.setEnabled(self.c.trains and self.c.state != "stopping")
            a.train_restart.setEnabled(not self.c.active and self.c.can_continue())

