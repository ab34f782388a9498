"""Predict: one sample — from the data or drawn on a pad — through the network: its class
probabilities and the feature maps it makes."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QHBoxLayout, QLabel, QPushButton, QRadioButton,
                               QSplitter, QVBoxLayout, QWidget)

from . import images
from .draw_pad import DrawPad
from .feature_maps import spatial_layers
from .mosaic import MosaicView
from .sample_picker import SamplePicker


def normalise_drawing(pixels: np.ndarray, preprocessing: dict) -> np.ndarray:
    """A pad drawing (H, W) in 0..1 as the network's input (1, H, W), normalised like the data."""
    x = pixels.astype(np.float32)[None]
    norm = (preprocessing or {}).get("normalize")
    if isinstance(norm, dict) and norm.get("mean") and norm.get("std"):
        x = (x - np.float32(norm["mean"][0])) / np.float32(norm["std"][0])
    return x


class PredictView(QWidget):
    sigPredict = Signal(object, list)   # input sample, nodes whose values to return

    def __init__(self, parent=None):
        super().__init__(parent)
        self.info: dict | None = None
        self.dataset = None
        self.use_sample = QRadioButton("A sample of the data", checked=True)
        self.use_pad = QRadioButton("My drawing")
        group = QButtonGroup(self)
        group.addButton(self.use_sample)
        group.addButton(self.use_pad)
        group.buttonToggled.connect(lambda *_: self.request())
        self.sample = SamplePicker()
        self.sample.sigChanged.connect(lambda _: self._sample_chosen())
        self.pad = DrawPad()
        self.pad.sigChanged.connect(self._pad_drawn)
        clear = QPushButton("Clear")
        clear.clicked.connect(self.pad.clear)
        self.clear_button = clear
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
        ll.addWidget(self.pad, 1)
        self.graphics = pg.GraphicsLayoutWidget()
        self.p_prob = self.graphics.addPlot()
        self.p_prob.setMenuEnabled(False)
        self.p_prob.setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x0=0, y=[], height=0.7, width=[], brush=QColor(61, 143, 214, 200))
        self.p_prob.addItem(self.bars)
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
        self.layer = QComboBox(toolTip="The layer whose feature maps are shown for this input")
        self.layer.currentIndexChanged.connect(lambda _: self.request())
        self.maps = MosaicView("Feature maps for this input")
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel("Layer"))
        row.addWidget(self.layer, 1)
        rl.addLayout(row)
        rl.addWidget(self.maps, 1)
        split = QSplitter()
        for w in (left, middle, right):
            split.addWidget(w)
        split.setSizes([230, 330, 420])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split, 1)
        self.result: dict | None = None
        self.apply_theme()
        self._set_pad_available(False)

    def set_run(self, info: dict, dataset) -> None:
        self.info, self.dataset = info, dataset
        self.sample.set_dataset(dataset)
        shape = info["shapes"][info["input_id"]]
        self._set_pad_available(len(shape) == 3 and shape[0] == 1)
        if len(shape) == 3:
            self.pad.set_size(shape[1], shape[2])
        keep = self.layer.currentData()
        self.layer.blockSignals(True)
        self.layer.clear()
        for n in spatial_layers(info):
            self.layer.addItem(f"{n}  ({info['types'][n]})", n)
        i = self.layer.findData(keep)
        self.layer.setCurrentIndex(i if i >= 0 else 0)
        self.layer.blockSignals(False)
        self.layer.setEnabled(self.layer.count() > 0)
        self.maps.setVisible(self.layer.count() > 0)

    def _set_pad_available(self, on: bool) -> None:
        self.use_pad.setEnabled(on)
        self.pad.setEnabled(on)
        self.clear_button.setEnabled(on)
        self.use_pad.setToolTip("" if on else "Drawing works for networks that take one-channel images")
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

    def request(self) -> None:
        x = self.current_input()
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
            names = classes + [str(i) for i in range(len(classes), len(probs))]
            k = int(np.argmax(probs))
            self.answer.setText(f"<b>{names[k]}</b> &nbsp; {100 * probs[k]:.1f} %")
            self.bars.setOpts(x0=0, y=np.arange(len(probs)), height=0.7, width=probs,
                              brushes=[QColor("#e0663a") if i == k else QColor(61, 143, 214, 200)
                                       for i in range(len(probs))])
            self.p_prob.getAxis("left").setTicks([[(i, names[i]) for i in range(len(probs))]])
            self.p_prob.setXRange(0, 1, padding=0.02)
            self.p_prob.setYRange(-0.6, len(probs) - 0.4, padding=0)
        else:
            out = np.asarray(r["out"]).reshape(-1)
            self.answer.setText("output " + ", ".join(f"{v:.4g}" for v in out[:6]) + (" …" if out.size > 6 else ""))
            self.bars.setOpts(x0=0, y=[], height=0.7, width=[])
        node = self.layer.currentData()
        if node and node in r.get("values", {}):
            self.maps.show_maps(r["values"][node])
            c, h, w = r["values"][node].shape
            self.maps.set_title(f"{node}: {c} channels of {h}×{w}")

    def apply_theme(self) -> None:
        pal = self.palette()
        images.style_widget(self.graphics, pal)
        images.style_plot(self.p_prob, pal, "Class probabilities")
        self.maps.apply_theme()
