"""Predict: one sample — from the data or drawn on a pad — through the network: its class
probabilities (or, for regression, its outputs against the sample's target) and the feature
maps it makes."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QButtonGroup, QColorDialog, QComboBox, QHBoxLayout, QLabel, QPushButton,
                               QRadioButton, QSplitter, QToolButton, QVBoxLayout, QWidget)

from ..i18n import tr, tr_text
from . import images
from .draw_pad import CHANNELS, INK, PAPER, DrawPad
from .feature_maps import spatial_layers
from .mosaic import MosaicView
from .sample_picker import SamplePicker

MAX_OUTPUTS = 20   # regression outputs drawn as bars
MAX_FEATURE_LINES = 8   # a sequence sample's features drawn as lines


def normalise_drawing(pixels: np.ndarray, preprocessing: dict) -> np.ndarray:
    """A pad drawing (C, H, W) in 0..1 as the network's input, normalised like the data (per
    channel; one recorded value applies to every channel)."""
    x = pixels.astype(np.float32)
    norm = (preprocessing or {}).get("normalize")
    if isinstance(norm, dict) and norm.get("mean") and norm.get("std"):
        mean, std = (np.asarray(norm[k], np.float32).reshape(-1, 1, 1) for k in ("mean", "std"))
        x = (x - mean) / std
    return x.astype(np.float32)


def pad_channels(shape) -> int | None:
    """How many channels the pad draws for an input of this shape, or None (not an image the
    pad can draw: one or three channels)."""
    return shape[0] if len(shape) == 3 and shape[0] in CHANNELS else None


class ColourButton(QToolButton):
    """A swatch that opens a colour dialog."""
    sigColour = Signal(tuple)   # (r, g, b) in 0..1

    def __init__(self, text: str, rgb: tuple, tip: str):
        super().__init__(text=text, toolTip=tip)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clicked.connect(self._choose)
        self.set_rgb(rgb)

    def set_rgb(self, rgb: tuple) -> None:
        self.rgb = tuple(rgb)
        pix = QPixmap(14, 14)
        pix.fill(QColor.fromRgbF(*self.rgb))
        p = QPainter(pix)
        p.setPen(QColor(128, 128, 128))  # visible on any button colour, white or black swatch
        p.drawRect(0, 0, 13, 13)
        p.end()
        self.setIcon(QIcon(pix))

    def _choose(self) -> None:
        c = QColorDialog.getColor(QColor.fromRgbF(*self.rgb), self, self.toolTip())
        if c.isValid():
            self.set_rgb((c.redF(), c.greenF(), c.blueF()))
            self.sigColour.emit(self.rgb)


class PredictView(QWidget):
    sigPredict = Signal(object, list)   # input sample, nodes whose values to return

    def __init__(self, parent=None):
        super().__init__(parent)
        self.info: dict | None = None
        self.dataset = None
        self.use_sample = QRadioButton(tr("A sample of the data"), checked=True)
        self.use_pad = QRadioButton(tr("My drawing"))
        group = QButtonGroup(self)
        group.addButton(self.use_sample)
        group.addButton(self.use_pad)
        group.buttonToggled.connect(lambda *_: self.request())
        self.sample = SamplePicker()
        self.sample.sigChanged.connect(lambda _: self._sample_chosen())
        self.pad = DrawPad()
        self.pad.sigChanged.connect(self._pad_drawn)
        clear = QPushButton(tr("Clear"))
        clear.clicked.connect(self.pad.clear)
        self.clear_button = clear
        self.ink_button = ColourButton(tr("Ink"), INK, tr("The colour to draw with"))
        self.ink_button.sigColour.connect(self.pad.set_ink)
        self.paper_button = ColourButton(tr("Paper"), PAPER, tr("The background colour (starts a new drawing)"))
        self.paper_button.sigColour.connect(self.pad.set_paper)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(4, 2, 4, 2)
        ll.setSpacing(2)
        ll.addWidget(self.use_sample)
        ll.addWidget(self.sample)
        row = QHBoxLayout()
        row.addWidget(self.use_pad)
        row.addWidget(clear)
        ll.addLayout(row)
        colours = QHBoxLayout()
        colours.addWidget(self.ink_button)
        colours.addWidget(self.paper_button)
        colours.addStretch(1)
        ll.addLayout(colours)
        ll.addWidget(self.pad, 1)
        self.seq_plot = pg.PlotWidget()   # a sequence sample's input, one line per feature
        self.seq_plot.setMenuEnabled(False)
        self.seq_plot.setMinimumHeight(120)
        self.seq_plot.setVisible(False)
        self._seq_lines: list = []
        ll.addWidget(self.seq_plot, 1)
        ll.addStretch(0)   # takes the pad's room when there is no pad
        self._left_layout = ll
        self.graphics = pg.GraphicsLayoutWidget()
        self.p_prob = self.graphics.addPlot()
        self.p_prob.setMenuEnabled(False)
        self.p_prob.setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x0=0, y=[], height=0.7, width=[], brush=QColor(61, 143, 214, 200))
        self.p_prob.addItem(self.bars)
        self.targets = pg.ScatterPlotItem(symbol="d", size=13, pen=pg.mkPen("#e0663a", width=1.5), brush=None)
        self.p_prob.addItem(self.targets)
        self.p_prob.getViewBox().invertY(True)
        self.answer = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        font = self.answer.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.answer.setFont(font)
        middle = QWidget()
        ml = QVBoxLayout(middle)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(self.answer)
        ml.addWidget(self.graphics, 1)
        self.layer = QComboBox(toolTip=tr("The layer whose feature maps are shown for this input"))
        self.layer.currentIndexChanged.connect(lambda _: self.request())
        self.maps = MosaicView(tr("Feature maps for this input"))
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.layer_label = QLabel(tr("Layer"))
        row.addWidget(self.layer_label)
        row.addWidget(self.layer, 1)
        rl.addLayout(row)
        rl.addWidget(self.maps, 1)
        split = QSplitter()
        for w in (left, middle, right):
            split.addWidget(w)
        split.setSizes([230, 330, 420])
        self.split = split
        # why nothing can be predicted (the network or the setup has a problem), in place of the plots
        self.problem = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.problem.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split, 1)
        lay.addWidget(self.problem, 1)
        self.result: dict | None = None
        self._asked_target: np.ndarray | None = None
        self.apply_theme()
        self._set_pad_available(False)
        for b in (self.ink_button, self.paper_button):
            b.setVisible(False)   # colour images only

    def set_run(self, info: dict, dataset) -> None:
        self.info, self.dataset = info, dataset
        self.sample.set_dataset(dataset)
        shape = info["shapes"][info["input_id"]]
        channels = pad_channels(shape)
        self.seq_plot.setVisible(len(shape) == 2)   # (time steps, features)
        self._set_pad_available(channels is not None)
        if channels is not None and self.pad.pixels.shape != tuple(shape):
            self.pad.set_size(shape[1], shape[2], channels)
            self.ink_button.set_rgb(self.pad.ink)
            self.paper_button.set_rgb(self.pad.paper)
        for b in (self.ink_button, self.paper_button):
            b.setVisible(channels == 3)
        keep = self.layer.currentData()
        self.layer.blockSignals(True)
        self.layer.clear()
        for n in spatial_layers(info):
            self.layer.addItem(f"{n}  ({info['types'][n]})", n)
        i = self.layer.findData(keep)
        self.layer.setCurrentIndex(i if i >= 0 else 0)
        self.layer.blockSignals(False)
        for w in (self.layer, self.layer_label, self.maps):  # only networks with image-like layers
            w.setVisible(self.layer.count() > 0)

    def reset(self) -> None:
        """Another network: no answer, probabilities or feature maps until its model is prepared."""
        self.info, self.dataset, self.result = None, None, None
        self.layer.blockSignals(True)
        self.layer.clear()
        self.layer.blockSignals(False)
        self.answer.setText("")
        self.bars.setOpts(x0=0, y=[], height=0.7, width=[])
        self.targets.setData(x=[], y=[])
        self.p_prob.getAxis("left").setTicks(None)
        for line in self._seq_lines:
            line.setData([], [])
        self.maps.show_message("")

    def show_problem(self, problem: str | None) -> None:
        """Show why the network cannot predict (None: it can, the plots return)."""
        self.problem.setText(tr("Cannot predict: {problem}").format(problem=problem) if problem else "")
        self.problem.setVisible(bool(problem))
        self.split.setVisible(not problem)

    def _set_pad_available(self, on: bool) -> None:
        self.use_pad.setEnabled(on)
        self.pad.setVisible(on)
        self.clear_button.setVisible(on)
        self._left_layout.setStretch(self._left_layout.count() - 1,
                                     0 if on or not self.seq_plot.isHidden() else 1)
        self.use_pad.setToolTip("" if on else tr("Drawing works for networks that take images of one or three channels"))
        if not on and self.use_pad.isChecked():
            self.use_sample.setChecked(True)

    def _sample_chosen(self) -> None:
        self.use_sample.setChecked(True)
        self.request()

    def _pad_drawn(self) -> None:
        if self.use_pad.isEnabled():
            self.use_pad.setChecked(True)
            self.request()

    def current_input(self) -> np.ndarray | None:
        if self.info is None or self.dataset is None:
            return None
        if self.use_pad.isChecked():
            return normalise_drawing(self.pad.pixels, self.dataset.preprocessing)
        return self.dataset.x[self.sample.index()].copy()

    def _show_sequence(self, x: np.ndarray) -> None:
        """The chosen sample of a sequence model as lines over time (up to MAX_FEATURE_LINES)."""
        x = np.asarray(x, np.float64)
        k = min(x.shape[1], MAX_FEATURE_LINES)
        while len(self._seq_lines) < k:
            color = QColor(images.CURVE_COLORS[len(self._seq_lines) % len(images.CURVE_COLORS)])
            self._seq_lines.append(self.seq_plot.plot(pen=pg.mkPen(color, width=1.4)))
        t = np.arange(x.shape[0])
        for j, line in enumerate(self._seq_lines):
            line.setData(t, x[:, j]) if j < k else line.setData([], [])
        title = (tr("This sample over time (the first {shown} of {features} features)").format(
            shown=k, features=x.shape[1]) if x.shape[1] > k else tr("This sample over time"))
        _, text, _ = images.plot_colors(self.palette())
        self.seq_plot.setTitle(title, color=text.name(), size="9pt")
        self.seq_plot.setLabel("bottom", tr("time step"))

    def request(self) -> None:
        x = self.current_input()
        self._asked_target = self.target()   # shown with the answer to this request
        if x is not None and x.ndim == 2 and not self.seq_plot.isHidden():
            self._show_sequence(x)
        if x is not None and self.isVisible():
            self.sigPredict.emit(x, [self.layer.currentData()] if self.layer.currentData() else [])

    def showEvent(self, event):
        super().showEvent(event)
        self.request()

    def show_result(self, r: dict) -> None:
        self.result = r
        classes = self.info["classes"] if self.info else []
        probs = r.get("probs")
        if probs is not None and classes:
            names = [tr_text(c) for c in classes] + [str(i) for i in range(len(classes), len(probs))]
            k = int(np.argmax(probs))
            self.answer.setText(f"<b>{names[k]}</b> &nbsp; {100 * probs[k]:.1f} %")
            self.bars.setOpts(x0=0, y=np.arange(len(probs)), height=0.7, width=probs,
                              brushes=[QColor("#e0663a") if i == k else QColor(61, 143, 214, 200)
                                       for i in range(len(probs))])
            self.p_prob.getAxis("left").setTicks([[(i, names[i]) for i in range(len(probs))]])
            self.p_prob.setXRange(0, 1, padding=0.02)
            self.p_prob.setYRange(-0.6, len(probs) - 0.4, padding=0)
            self.targets.setData(x=[], y=[])
            images.style_plot(self.p_prob, self.palette(), tr("Class probabilities"))
        else:
            self._show_outputs(np.asarray(r["out"], np.float64).reshape(-1))
        node = self.layer.currentData()
        if node and node in r.get("values", {}):
            self.maps.show_maps(r["values"][node])
            c, h, w = r["values"][node].shape
            self.maps.set_title(tr("{layer}: {channels} channels of {height}×{width}").format(
                layer=node, channels=c, height=h, width=w))

    def target(self) -> np.ndarray | None:
        """The chosen data sample's target values (regression), or None for a drawing."""
        if self.dataset is None or self.use_pad.isChecked() or self.dataset.task != "regression":
            return None
        return np.asarray(self.dataset.y[self.sample.index()], np.float64).reshape(-1)

    def _show_outputs(self, out: np.ndarray) -> None:
        """Regression: the outputs as bars, the sample's targets as diamonds on them."""
        n = min(out.size, MAX_OUTPUTS)
        target = self._asked_target
        values = ", ".join(f"{v:.4g}" for v in out[:6]) + (" …" if out.size > 6 else "")
        text = tr("output {values}").format(values=values)
        if target is not None and target.size == out.size:
            values = ", ".join(f"{v:.4g}" for v in target[:6]) + (" …" if target.size > 6 else "")
            text += " · " + tr("target {values}").format(values=values)
            self.targets.setData(x=target[:n], y=np.arange(n))
        else:
            self.targets.setData(x=[], y=[])
        self.answer.setText(text)
        self.bars.setOpts(x0=0, y=np.arange(n), height=0.6, width=out[:n],
                          brushes=[QColor(61, 143, 214, 200)] * n)
        self.p_prob.getAxis("left").setTicks([[(i, tr("output {index}").format(index=i) if n > 1 else tr("output"))
                                               for i in range(n)]])
        images.style_plot(self.p_prob, self.palette(), tr("Outputs (bars) and the sample's target (◇)"))
        self.p_prob.enableAutoRange(axis="x")
        self.p_prob.setYRange(-1.0, n, padding=0)   # thinner bars than a probability's

    def apply_theme(self) -> None:
        pal = self.palette()
        images.style_widget(self.graphics, pal)
        images.style_plot(self.p_prob, pal, tr("Class probabilities"))
        images.style_widget(self.seq_plot, pal)
        images.style_plot(self.seq_plot.getPlotItem(), pal, tr("This sample over time"))
        self.maps.apply_theme()
