"""The Experiments page: pick one of the curriculum's claims, run its experiment on the engine,
watch the evidence fill in and read the verdict the measurements give.

Experiments are data (`dlstudio.experiments`: built-in JSON files, or a teacher's own file opened
here); they run in an `ExperimentRunner` worker thread, and a GUI timer draws what is new about
ten times a second. Each run that has a network can be opened in the builder (`sigOpenNetwork`).
"""
from __future__ import annotations

import html
import math
import os

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import QT_TR_NOOP, tr, tr_text
from .base import LabPage
from .evidence import EvidenceView
from .experiment_text import claim_html, describe_network, describe_settings, unit_text
from .experiment_worker import ExperimentRunner

TICK_MS = 100
MAX_ROWS_SHOWN = 5   # runs listed before the table scrolls
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2


class ExperimentsPage(LabPage):
    key = "experiments"
    title = QT_TR_NOOP("Experiments")
    intro = QT_TR_NOOP("Each experiment tests one claim of the curriculum on this machine: fixed data, networks, "
                       "settings and seeds, trained by the engine that trains your networks. Its verdict — "
                       "<b>supported</b>, <b>not supported here</b> or <b>it depends</b> — is computed from the "
                       "measured figures and names the numbers that decide it.")
    shot_seconds = 0.5

    sigOpenNetwork = Signal(object)   # a dlstudio.spec.Network to open in the builder
    sigFinished = Signal(str, object)  # done|stopped|failed, the result (or the failure)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.experiment = None
        self.result: dict | None = None
        self.error: str | None = None
        self.series_events = 0
        self._progress: dict | None = None   # the latest progress event
        self._unit, self._unit_x = None, 0.0  # the (run, seed) being measured, its furthest x
        self._stopping, self._progress_text = False, ""
        self.runner = ExperimentRunner(self)
        self.runner.sigFinished.connect(self._finished)
        self.timer = QTimer(self, interval=TICK_MS, timeout=self.tick)
        self._fit_timer = QTimer(self, singleShot=True, interval=0, timeout=self._fit_top)

        self.list = QListWidget(objectName="experimentList")
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._chosen)
        self.open_button = QPushButton(tr("Open experiment file…"), clicked=self.open_dialog)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.list, 1)
        lv.addWidget(self.open_button)

        self.claim = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.claim.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.claim.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.runs = QTableWidget(0, 5)
        self.runs.setHorizontalHeaderLabels([tr("Run"), tr("Label"), tr("Network"), tr("Settings"), ""])
        self.runs.verticalHeader().hide()
        self.runs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.runs.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.runs.verticalHeader().setDefaultSectionSize(26)
        header = self.runs.horizontalHeader()
        for c, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                  QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.Stretch,
                                  QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(c, mode)
        self.open_buttons: dict[str, QPushButton] = {}

        self.run_button = QPushButton(tr("Run"), clicked=self.start, objectName="runExperiment")
        self.stop_button = QPushButton(tr("Stop"), clicked=self.stop, enabled=False, objectName="stopExperiment")
        self.progress = QProgressBar(textVisible=True)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(tr("Not run yet"))
        self.seconds = QLabel()
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.run_button)
        controls.addWidget(self.stop_button)
        controls.addWidget(self.progress, 1)
        controls.addWidget(self.seconds)

        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.setSpacing(4)
        tv.addWidget(self.claim)
        tv.addWidget(self.runs)
        tv.addStretch(1)
        self.evidence = EvidenceView()
        bottom = QWidget()
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        bv.setSpacing(4)
        bv.addLayout(controls)
        bv.addWidget(self.evidence, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        right.addWidget(top)
        right.addWidget(bottom)
        right.setStretchFactor(1, 1)
        right.setSizes([150, 560])
        self.splitter = right
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([170, 900])
        lay = QHBoxLayout(self.body)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        self._fill_list()

    # ---- choosing ---------------------------------------------------------------------------
    def _fill_list(self) -> None:
        from dlstudio.experiments import ExperimentError, builtin_names, load_experiment, message_of
        entries = []
        for name in builtin_names():
            try:
                exp = load_experiment(name)
                title = tr(exp.title)
                text = f"{exp.claim_id}. {title}" if exp.claim_id else title
                entries.append((exp.claim_id or 10_000, name, text, tr(exp.claim)))
            except ExperimentError as e:  # a broken built-in is listed, and says what is wrong
                entries.append((20_000, name, tr("{name} (cannot load)").format(name=name), tr_text(message_of(e))))
        for _, name, text, tip in sorted(entries):
            item = QListWidgetItem(text)
            item.setData(NAME_ROLE, name)
            item.setToolTip(tip)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.show_experiment(None)

    def _chosen(self, item, _previous=None) -> None:
        if item is None or self.runner.running:
            return
        from dlstudio.experiments import ExperimentError, load_experiment, message_of
        source = item.data(PATH_ROLE) or item.data(NAME_ROLE)
        try:
            exp = load_experiment(source)
        except ExperimentError as e:
            self.show_experiment(None, tr_text(message_of(e)))
            return
        self.show_experiment(exp)

    def select(self, name: str) -> None:
        """Choose the built-in experiment `name`."""
        for i in range(self.list.count()):
            if self.list.item(i).data(NAME_ROLE) == name:
                self.list.setCurrentRow(i)
                return
        raise KeyError(name)

    def open_dialog(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open experiment"), "",
                                              tr("Experiments (*.json);;All files (*)"))
        return bool(path) and self.open_file(path)

    def open_file(self, path: str) -> bool:
        """Open an experiment file; a bad one gives a message box that says what is wrong."""
        if self.runner.running:
            QMessageBox.warning(self, tr("Experiment running"), tr("Stop the running experiment first."))
            return False
        from dlstudio.experiments import ExperimentError, load_experiment, message_of
        try:
            exp = load_experiment(str(path))
        except ExperimentError as e:
            QMessageBox.warning(self, tr("Cannot open experiment"), tr_text(message_of(e)))
            return False
        path = os.path.abspath(str(path))
        item = next((self.list.item(i) for i in range(self.list.count()) if self.list.item(i).data(PATH_ROLE) == path),
                    None)
        if item is None:
            item = QListWidgetItem()
            item.setData(PATH_ROLE, path)
            self.list.addItem(item)
        item.setText(tr("{title} ({file})").format(title=tr(exp.title), file=os.path.basename(path)))
        item.setToolTip(path)
        self.list.blockSignals(True)
        self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.show_experiment(exp)
        return True

    def show_experiment(self, exp, error: str | None = None) -> None:
        """Show `exp`'s claim, runs and an empty evidence frame (or the reason it cannot be shown)."""
        self.experiment, self.result, self.error = exp, None, error
        self.runs.setRowCount(0)
        self.open_buttons = {}
        self.evidence.set_experiment(exp)
        self.run_button.setEnabled(exp is not None)
        self.progress.setValue(0)
        self.progress.setFormat(tr("Not run yet") if exp is not None else "")
        self.seconds.setText("")
        if exp is None:
            self.claim.setText(f"<span style='color:#d32f2f'>{html.escape(error)}</span>" if error
                               else tr("No experiment chosen."))
            return
        self.claim.setText(claim_html(exp))
        for r in exp.runs:
            row = self.runs.rowCount()
            self.runs.insertRow(row)
            for c, text in enumerate((r.id, tr(r.label), describe_network(r.network), describe_settings(r.settings))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.runs.setItem(row, c, item)
            if r.network is not None:
                b = QPushButton(tr("Open in builder"),
                                toolTip=tr("Open the network of run {run} in the builder").format(run=r.id))
                b.clicked.connect(lambda checked=False, rid=r.id: self.open_network(rid))
                self.runs.setCellWidget(row, 4, b)
                self.open_buttons[r.id] = b
        self._fit_top()

    def _fit_top(self) -> None:
        """The claim and the runs take the height they need (up to five rows), the evidence the rest."""
        rows = min(self.runs.rowCount(), MAX_ROWS_SHOWN)
        self.runs.setFixedHeight(self.runs.horizontalHeader().height() + rows * self.runs.verticalHeader()
                                 .defaultSectionSize() + 2 * self.runs.frameWidth() + 2)
        width = self.claim.width() if self.claim.isVisible() else self.splitter.width()
        top = self.claim.heightForWidth(max(width, 300)) + self.runs.height() + 6
        total = sum(self.splitter.sizes()) or 700
        self.splitter.setSizes([top, max(total - top, 200)])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.experiment is not None:
            self._fit_top()

    # ---- running ----------------------------------------------------------------------------
    def start(self) -> None:
        if self.experiment is None or self.runner.running:
            return
        self.result, self.error, self.series_events = None, None, 0
        self._progress, self._unit, self._unit_x = None, None, 0.0
        self._stopping, self._progress_text = False, ""
        self.evidence.clear_data()
        self.evidence.set_state("running")
        self.progress.setValue(0)
        self.progress.setFormat(tr("Starting… (the first run compiles the engine's kernels)"))
        self.seconds.setText("")
        self._set_running(True)
        self.runner.start(self.experiment)
        self.timer.start()

    def stop(self) -> None:
        if self.runner.running:
            self.runner.stop()
            self._stopping = True
            self.stop_button.setEnabled(False)
            self.progress.setFormat(tr("{progress} — stopping…").format(progress=self.progress.format()))

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running and self.experiment is not None)
        self.stop_button.setEnabled(running)
        self.list.setEnabled(not running)
        self.open_button.setEnabled(not running)

    def tick(self) -> None:
        """Draw what the worker has measured since the last tick."""
        u = self.runner.state.take()
        if u.progress is not None:
            self._progress = u.progress
            unit = (str(u.progress.get("run")), u.progress.get("seed"))
            if unit != self._unit:
                self._unit, self._unit_x = unit, 0.0
        for (run, seed, name), (x, y) in u.series.items():
            self.series_events += 1
            self.evidence.set_curve(run, seed, name, x, y)
            if (run, seed) == self._unit and x:
                self._unit_x = max(self._unit_x, float(x[-1]))
        self.evidence.refresh()
        if self._progress is not None and (u.progress is not None or u.series):
            self._show_progress(self._progress)

    def _epochs(self, run_id: str) -> int | None:
        """The run's epochs when its measure's curves are drawn against the epoch."""
        if self.experiment is None or self.experiment.measure != "train":
            return None
        try:
            epochs = self.experiment.run(run_id).settings.get("epochs")
        except KeyError:
            return None
        return epochs if isinstance(epochs, int) and epochs > 0 else None

    def _show_progress(self, p: dict) -> None:
        """"run relu, seed 2 of 3 — epoch 14/40" and the bar over all (run, seed) units."""
        total = max(int(p.get("total") or 1), 1)
        done = min(int(p.get("done") or 0), total)
        seeds = list(self.experiment.seeds) if self.experiment is not None else []
        run, seed = p.get("run"), p.get("seed")
        finished = p.get("phase") == "end" or str(p.get("text") or "").endswith(": done")
        epochs = self._epochs(str(run)) if run is not None else None
        fraction = 0.0
        text = unit_text(run, seed, seeds)
        if epochs and not finished:
            epoch = min(max(math.ceil(self._unit_x - 1e-9), 0), epochs)
            fraction = min(self._unit_x / epochs, 1.0)
            text = tr("{unit} — epoch {epoch}/{epochs}").format(unit=text, epoch=epoch, epochs=epochs)
        elif finished:
            text = tr("{unit} — done").format(unit=text)
        self.progress.setValue(round(min((done + fraction) / total, 1.0) * 1000))
        self._progress_text = tr("{progress} · {done}/{total} done").format(progress=text, done=done, total=total)
        self.progress.setFormat(tr("{progress} — stopping…").format(progress=self._progress_text)
                                if self._stopping else self._progress_text)
        self.progress.setToolTip(self._unit_tip(p, finished))

    def _unit_tip(self, p: dict, finished: bool) -> str:
        """What the runner says of the (run, seed) being measured, by the run's label, in the app's
        language: "the same stack with ReLU · seed 2", "…: done"."""
        run, seed = p.get("run"), p.get("seed")
        if run is None or seed is None or self.experiment is None:
            return tr_text(p.get("text") or "")
        try:
            label = tr(self.experiment.run(str(run)).label)
        except KeyError:
            label = str(run)
        text = tr("{label} · seed {seed}").format(label=label, seed=seed)
        return tr("{unit}: done").format(unit=text) if finished else text

    def _finished(self, kind: str, payload) -> None:
        self.timer.stop()
        self.tick()
        self._set_running(False)
        if kind == "failed":
            self.error = tr_text(payload.get("message") or tr("failed"))
            self.evidence.show_failure(self.error)
            self.progress.setFormat(tr("Failed: {message}").format(message=self.error))
        else:
            self.result = payload
            self.evidence.set_result(payload)
            secs = payload.get("seconds")
            self.seconds.setText(f"{secs:.1f} s" if isinstance(secs, (int, float)) else "")
            if kind == "stopped":
                self.progress.setFormat(tr("Stopped: {progress}").format(progress=self._progress_text)
                                        if self._progress_text else tr("Stopped"))
            else:
                self.progress.setValue(1000)
                self.progress.setFormat(tr("Done"))
        self.sigFinished.emit(kind, payload)

    # ---- the builder ------------------------------------------------------------------------
    def network_for(self, run_id: str):
        """The run's network built for the experiment's data (its sample shape and outputs)."""
        from dlstudio.experiments import network_for
        return network_for(self.experiment, run_id)

    def open_network(self, run_id: str) -> bool:
        """Emit `sigOpenNetwork` with the run's network; a clear message if it cannot be built."""
        if self.experiment is None:
            return False
        from dlstudio.experiments import ExperimentError, message_of
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            net = self.network_for(run_id)
        except (ExperimentError, KeyError) as e:  # a data set or network problem: said, not raised
            QApplication.restoreOverrideCursor()
            reason = tr_text(message_of(e)) if isinstance(e, ExperimentError) else str(e)
            QMessageBox.warning(self, tr("Cannot open the network"),
                                tr("Run {run}: {error}").format(run=run_id, error=reason))
            return False
        QApplication.restoreOverrideCursor()
        self.sigOpenNetwork.emit(net)
        return True

    # ---- hooks ------------------------------------------------------------------------------
    def activate(self) -> None:
        if self.experiment is not None:
            self._fit_timer.start()   # once the labels have their real width
        if self.runner.running:
            self.timer.start()

    def deactivate(self) -> None:
        self.timer.stop()

    def shutdown(self) -> None:
        self.deactivate()
        self.runner.shutdown()
