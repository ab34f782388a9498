"""The Decision regions page: a small MLP learns 2-D points while the plane behind them takes the
colour of the class it predicts there; small networks show each hidden unit's picture too.

Training runs in `dlstudio.engine.lab.regions.RegionsRun` (a Python thread with the engine's
Trainer and a grid Probe); a GUI timer reads its latest snapshot and draws it. No widget is
touched from the training thread.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from ...data.dataset import DataError
from ...data.registry import load_dataset
from ...engine.lab import regions as R
from ...engine.optimizers import OPTIMIZERS
from ..i18n import QT_TR_NOOP, tr, tr_text
from ..training import images
from ..training.regions import RegionsView
from .base import LabPage

DATASETS = ("spirals", "circles", "xor", "moons", "blobs")
# the data sets as the combo box shows them (each item's data is the data set's name)
DATASET_NAMES = {"spirals": QT_TR_NOOP("spirals"), "circles": QT_TR_NOOP("circles"), "xor": QT_TR_NOOP("xor"),
                 "moons": QT_TR_NOOP("moons"), "blobs": QT_TR_NOOP("blobs")}
SAMPLES = 400
TICK_MS = 33
MAX_LAYERS, MAX_UNITS = 4, 64
ERROR_STYLE = "border: 1.5px solid #d32f2f; border-radius: 3px;"
DEFAULT_LR = {"sgd": 0.1, "momentum": 0.05, "adagrad": 0.1, "adadelta": 1.0, "rmsprop": 0.01, "adam": 0.03}


def parse_layers(text: str) -> list[int]:
    """"8, 8" → [8, 8]; a clear ValueError for anything else."""
    parts = [p.strip() for p in text.replace(";", ",").replace(" ", ",").split(",") if p.strip()]
    if not parts:
        raise ValueError(tr("give the units of each hidden layer, e.g. 8, 8"))
    if len(parts) > MAX_LAYERS:
        raise ValueError(tr("at most {n} hidden layers").format(n=MAX_LAYERS))
    out = []
    for p in parts:
        if not p.isdigit() or not 1 <= int(p) <= MAX_UNITS:
            raise ValueError(tr("{text}: each layer needs a whole number of units from 1 to {n}").format(
                text=repr(p), n=MAX_UNITS))
        out.append(int(p))
    return out


def parse_lr(text: str) -> float:
    try:
        lr = float(text)
    except ValueError:
        raise ValueError(tr("{text} is not a number").format(text=repr(text))) from None
    if not 0 < lr <= 10:
        raise ValueError(tr("the learning rate must be above 0 and at most 10"))
    return lr


class RegionsPage(LabPage):
    key = "regions"
    title = QT_TR_NOOP("Decision regions")
    intro = QT_TR_NOOP("A classifier splits the plane into <b>decision regions</b>: each point gets the class "
             "with the largest probability p<sub>k</sub> = softmax(z)<sub>k</sub> = e<sup>z<sub>k</sub></sup> "
             "/ Σ<sub>j</sub> e<sup>z<sub>j</sub></sup>. The background is the network's answer on a grid, "
             "each class colour weighted by its probability (pale where it is unsure), redrawn while it "
             "trains. Each hidden unit h = f(w·x + b) cuts the plane along a line; later layers combine "
             "these cuts into curved borders.")
    shot_seconds = 2.0

    def __init__(self, parent=None):
        super().__init__(parent)
        self.run: R.RegionsRun | None = None
        self.dataset = None
        self._seq = -1
        self._epochs_shown = 0
        self._shown_once = False
        self.data = QComboBox()
        for name in DATASETS:
            self.data.addItem(tr(DATASET_NAMES[name]), name)
        self.layers = QLineEdit("8, 8", toolTip=tr("Units per hidden layer, e.g. 8, 8 (up to {n} layers)").format(
            n=MAX_LAYERS))
        self.activation = QComboBox()
        self.activation.addItems(["Tanh", "ReLU", "Sigmoid", "LeakyReLU", "ELU"])
        self.optimizer = QComboBox()
        self.optimizer.addItems(list(OPTIMIZERS))
        self.optimizer.setCurrentText("adam")
        self.lr = QLineEdit(str(DEFAULT_LR["adam"]), toolTip=tr("Learning rate"))
        self.batch = QSpinBox(minimum=1, maximum=SAMPLES, value=16, toolTip=tr("Samples per step (1 = SGD)"))
        self.start_button = QPushButton(tr("Start"))
        self.reset_button = QPushButton(tr("Reset"), toolTip=tr("Fresh weights with these settings"))
        self.error = QLabel("", wordWrap=True)
        self.error.setStyleSheet("color: #d32f2f;")
        self.status = QLabel(tr("Ready"), wordWrap=True)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("Data"), self.data)
        form.addRow(tr("Hidden layers"), self.layers)
        form.addRow(tr("Activation"), self.activation)
        form.addRow(tr("Optimizer"), self.optimizer)
        form.addRow(tr("Learning rate"), self.lr)
        form.addRow(tr("Batch size"), self.batch)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.reset_button)
        self.curve_widget = pg.PlotWidget()
        self.curve_widget.setMinimumHeight(140)
        self.curve_plot = self.curve_widget.getPlotItem()
        self.curve_plot.setMenuEnabled(False)
        self.curve_plot.setLabel("bottom", tr("epoch"))
        self.curve_plot.setLabel("left", tr("training loss"))
        self.curve_plot.getAxis("left").enableAutoSIPrefix(False)
        self.curve = self.curve_plot.plot([], [], pen=pg.mkPen(images.CURVE_COLORS[0], width=2))
        side = QWidget()
        side.setFixedWidth(250)
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addLayout(form)
        sl.addLayout(buttons)
        sl.addWidget(self.error)
        sl.addWidget(self.status)
        sl.addWidget(self.curve_widget, 1)
        self.view = RegionsView(orientation=Qt.Orientation.Vertical)
        lay = QHBoxLayout(self.body)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(side)
        lay.addWidget(self.view, 1)
        self.timer = QTimer(self, interval=TICK_MS, timeout=self.tick)
        self.start_button.clicked.connect(self.toggle)
        self.reset_button.clicked.connect(self.reset)
        self.data.currentIndexChanged.connect(self._data_changed)
        self.activation.currentIndexChanged.connect(self.reset)
        self.optimizer.currentIndexChanged.connect(self._optimizer_changed)
        self.batch.valueChanged.connect(self.reset)
        self.layers.editingFinished.connect(self.reset)
        self.lr.editingFinished.connect(self.reset)
        self.layers.textChanged.connect(self._check_inputs)
        self.lr.textChanged.connect(self._check_inputs)
        self.apply_theme()
        self._data_changed()

    # ---- settings ----------------------------------------------------------------------------
    def _check_inputs(self) -> tuple[list[int], float] | None:
        """The hidden layers and learning rate, or None (bad fields shown red, text kept)."""
        problems, result = [], []
        for edit, parse in ((self.layers, parse_layers), (self.lr, parse_lr)):
            try:
                result.append(parse(edit.text()))
                edit.setStyleSheet("")
                edit.setToolTip("")
            except ValueError as e:
                problems.append(tr_text(e.args[0]) if e.args else str(e))
                edit.setStyleSheet(ERROR_STYLE)
                edit.setToolTip(problems[-1])
        self.error.setText("\n".join(problems))
        self.start_button.setEnabled(not problems)
        return None if problems else (result[0], result[1])

    def _optimizer_changed(self) -> None:
        self.lr.setText(str(DEFAULT_LR.get(self.optimizer.currentText(), 0.01)))
        self.reset()

    def _data_changed(self) -> None:
        name = self.data.currentData()
        try:
            self.dataset = load_dataset(f"{name}?n={SAMPLES}", seed=0)
        except DataError as e:
            self.dataset = None
            self.error.setText(tr_text(e.args[0]) if e.args else str(e))
            return
        ds = self.dataset
        self.view.set_points(ds.x, ds.y, list(ds.classes))
        self.reset()

    def reset(self) -> None:
        """A fresh network with the current settings (the untrained regions drawn at once)."""
        self._stop_run()
        settings = self._check_inputs()
        if settings is None or self.dataset is None:
            return
        layers, lr = settings
        ds = self.dataset
        net = R.mlp(layers, self.activation.currentText(), len(ds.classes))
        try:
            self.run = R.RegionsRun(net, ds.x, ds.y, optimizer=self.optimizer.currentText(), lr=lr,
                                    batch_size=self.batch.value(), seed=0)
        except Exception as e:  # a setting the engine refuses: say so, keep the fields
            self.error.setText(tr_text(e.args[0]) if len(e.args) == 1 and isinstance(e.args[0], str) else str(e))
            return
        self._seq, self._epochs_shown = -1, 0
        self.curve.setData([], [])
        self.start_button.setText(tr("Start"))
        self.status.setText(tr("{points} points · {classes} classes · {params} parameters").format(
            points=len(ds), classes=len(ds.classes), params=self.run.model.num_params))
        self.tick()

    # ---- running -----------------------------------------------------------------------------
    @property
    def refresh_count(self) -> int:
        return self.view.refresh_count

    def start(self) -> None:
        """Train (or go on training)."""
        if self.run is None:
            self.reset()
        if self.run is None:
            return
        self.run.start()
        self.start_button.setText(tr("Pause"))
        self.timer.start()

    def stop(self) -> None:
        """Pause training (Start goes on from here)."""
        if self.run is not None:
            self.run.pause()
        self.start_button.setText(tr("Start"))
        self.tick()

    def toggle(self) -> None:
        if self.run is not None and self.run.running:
            self.stop()
        else:
            self.start()

    def _stop_run(self) -> None:
        if self.run is not None:
            self.run.stop()
            self.run = None
        self.timer.stop()

    def tick(self) -> None:
        if self.run is None:
            return
        snap = self.run.snapshot()
        if snap.regions is not None and snap.seq != self._seq:
            self._seq = snap.seq
            self.view.show_regions(snap.regions)
        if len(snap.epochs) != self._epochs_shown:
            self._epochs_shown = len(snap.epochs)
            self.curve.setData(np.asarray(snap.epochs, float), np.asarray(snap.losses, float))
            acc = snap.accuracies[-1]
            epoch, loss = snap.epochs[-1], f"{snap.losses[-1]:.4f}"
            self.status.setText(tr("epoch {epoch} · loss {loss}").format(epoch=epoch, loss=loss) if acc is None
                                else tr("epoch {epoch} · loss {loss} · {right} % right").format(
                                    epoch=epoch, loss=loss, right=f"{100 * acc:.1f}"))
        if snap.state == "failed":
            self.error.setText(tr_text(snap.message))
        if snap.state in ("failed", "done", "stopped"):
            self.timer.stop()
            self.start_button.setText(tr("Start"))

    # ---- hooks -------------------------------------------------------------------------------
    def activate(self) -> None:
        if not self._shown_once:  # the first visit plays, as the optimizer playground does
            self._shown_once = True
            self.start()
        elif self.run is not None and self.run.running:
            self.timer.start()

    def deactivate(self) -> None:
        self.stop()
        self.timer.stop()

    def shutdown(self) -> None:
        self._stop_run()

    def apply_theme(self) -> None:
        images.style_widget(self.curve_widget, self.palette())
        images.style_plot(self.curve_plot, self.palette())
        self.view.apply_theme()
