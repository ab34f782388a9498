"""Weights and gradients: the distribution of one weight and its gradient, and every layer's
weight and gradient norms over time (on a log scale, so vanishing or exploding gradients show
as lines drifting apart by orders of magnitude)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..i18n import QT_TR_NOOP, tr
from . import images
from .plots import Growing

MAIN_WEIGHTS = ("kernel", "recurrent_kernel")
# a weight's kind as shown (the name "conv.kernel" stays the key; "kernel" is shown in the app's language)
WEIGHT_KINDS = {"kernel": QT_TR_NOOP("kernel"), "recurrent_kernel": QT_TR_NOOP("recurrent_kernel"),
                "bias": QT_TR_NOOP("bias"), "gamma": QT_TR_NOOP("gamma"), "beta": QT_TR_NOOP("beta")}


def weight_label(name: str) -> str:
    """"conv.kernel" as shown: the layer's id and the weight's kind in the app's language."""
    layer, _, kind = name.rpartition(".")
    return f"{layer}.{tr(WEIGHT_KINDS[kind])}" if layer and kind in WEIGHT_KINDS else name


class WeightsView(QWidget):
    sigRequestChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.weight = QComboBox(toolTip=tr("The weight whose values and gradients are shown as histograms"))
        self.weight.setMinimumContentsLength(16)
        self.weight.currentIndexChanged.connect(lambda: self.sigRequestChanged.emit())
        self.all_box = QCheckBox(tr("Biases too"), toolTip=tr("Also draw the norms of biases and BatchNorm weights"))
        self.all_box.toggled.connect(self._norm_set_changed)
        top = QHBoxLayout()
        top.setContentsMargins(4, 2, 4, 2)
        top.addWidget(QLabel(tr("Weight")))
        top.addWidget(self.weight)
        top.addStretch(1)
        top.addWidget(self.all_box)
        self.graphics = pg.GraphicsLayoutWidget()
        self.p_w = self.graphics.addPlot(row=0, col=0)
        self.p_g = self.graphics.addPlot(row=0, col=1)
        self.p_norm = self.graphics.addPlot(row=1, col=0, axisItems={"left": images.LogAxis("left")})
        self.p_gnorm = self.graphics.addPlot(row=1, col=1, axisItems={"left": images.LogAxis("left")})
        self.p_gnorm.setXLink(self.p_norm)
        for p in (self.p_norm, self.p_gnorm):
            p.setLogMode(y=True)
            p.setLabel("bottom", tr("epoch"))
        self.legend = self.p_gnorm.addLegend(offset=(-4, 4), labelTextSize="7pt")
        self.h_w = self.p_w.plot(stepMode="center", fillLevel=0, pen=pg.mkPen("#3d8fd6"), brush=QColor(61, 143, 214, 110))
        self.h_g = self.p_g.plot(stepMode="center", fillLevel=0, pen=pg.mkPen("#e0663a"), brush=QColor(224, 102, 58, 110))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(top)
        lay.addWidget(self.graphics, 1)
        self.order: list[str] = []
        self.norms: dict[str, tuple[Growing, Growing, Growing]] = {}
        self.lines: dict[str, tuple] = {}
        self._dirty = False
        self.apply_theme()

    def set_run(self, info: dict, dataset=None, continuing: bool = False) -> None:
        names = [name for name, _, trainable in info["slots"] if trainable]
        keep = self.weight.currentData()
        self.weight.blockSignals(True)
        self.weight.clear()
        for name in names:
            self.weight.addItem(weight_label(name), name)
        i = self.weight.findData(keep)
        self.weight.setCurrentIndex(i if i >= 0 else 0)
        self.weight.blockSignals(False)
        if not continuing or names != self.order:
            self.order = names
            self.norms = {}
            for name in list(self.lines):
                self._drop_lines(name)
        self._norm_set_changed()
        self._make_lines()  # now, not in the middle of the run
        self.sigRequestChanged.emit()

    def reset(self) -> None:
        """Another network: no weights, histograms or norms until its model is prepared."""
        self.weight.blockSignals(True)
        self.weight.clear()
        self.weight.blockSignals(False)
        self.order, self.norms = [], {}
        for name in list(self.lines):
            self._drop_lines(name)
        self.h_w.setData([], [])
        self.h_g.setData([], [])
        self.legend.clear()

    def set_span(self, end: float) -> None:
        self.p_norm.setXRange(0, max(end, 1), padding=0.02)

    def probe_request(self) -> dict:
        name = self.weight.currentData()
        return {"weights": [name]} if name else {}

    def show_probe(self, snap: dict) -> None:
        h = snap.get("hist", {}).get(self.weight.currentData())
        if not h:
            return
        counts, edges = h["w"]
        self.h_w.setData(edges, counts)
        if "g" in h:
            counts, edges = h["g"]
            self.h_g.setData(edges, counts)

    def add_norms(self, points: list) -> None:
        for x, stats in points:
            for name, (n, g) in stats.items():
                arrays = self.norms.get(name)
                if arrays is None:
                    arrays = self.norms[name] = (Growing(), Growing(), Growing())
                arrays[0].extend([x])
                arrays[1].extend([max(n, 1e-30)])
                arrays[2].extend([max(g, 1e-30)])
        self._dirty = self._dirty or bool(points)

    def _shown(self, name: str) -> bool:
        return self.all_box.isChecked() or name.rpartition(".")[2] in MAIN_WEIGHTS

    def _norm_set_changed(self) -> None:
        for name in list(self.lines):
            if not self._shown(name):
                self._drop_lines(name)
        self._dirty = True
        self.refresh()

    def _drop_lines(self, name: str) -> None:
        a, b = self.lines.pop(name)
        self.p_norm.removeItem(a)
        self.p_gnorm.removeItem(b)

    def _make_lines(self) -> None:
        """One weight-norm and one gradient-norm line per shown weight, coloured by depth."""
        shown = [n for n in self.order if self._shown(n)]
        cmap = pg.colormap.get("plasma")
        for k, name in enumerate(shown):
            if name not in self.lines:
                c = cmap.map(0.1 + 0.75 * k / max(len(shown) - 1, 1), mode="qcolor")
                self.lines[name] = (self.p_norm.plot(pen=pg.mkPen(c, width=1.6)),
                                    self.p_gnorm.plot(pen=pg.mkPen(c, width=1.6), name=weight_label(name)))

    def refresh(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self._make_lines()
        for name, (line, gline) in self.lines.items():
            if name in self.norms:
                x, n, g = (a.view() for a in self.norms[name])
                line.setData(x, n)
                gline.setData(x, g)

    def apply_theme(self) -> None:
        pal = self.palette()
        images.style_widget(self.graphics, pal)
        for p, title in ((self.p_w, tr("Weight values")), (self.p_g, tr("Gradient values (last batch)")),
                         (self.p_norm, tr("Weight norm ‖W‖ per layer")),
                         (self.p_gnorm, tr("Gradient norm ‖∂L/∂W‖ per layer"))):
            images.style_plot(p, pal, title)

    def norm_series(self, name: str) -> np.ndarray | None:
        arrays = self.norms.get(name)
        return None if arrays is None else arrays[2].view().copy()
