"""Inside an LSTM or RNN: for one sample, its gates and states over time × units as heatmaps,
and chosen units as lines."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from ..i18n import QT_TR_NOOP, tr
from . import images
from .sample_picker import SamplePicker

RECURRENT = ("LSTM", "SimpleRNN")
# key, title, colour map, fixed range (None: symmetric around 0 from the data)
# (titles are marked here and translated where shown)
LSTM_MAPS = [("x", QT_TR_NOOP("input x"), images.SEQUENTIAL, "auto"),
             ("i", QT_TR_NOOP("input gate i"), images.SEQUENTIAL, (0, 1)),
             ("f", QT_TR_NOOP("forget gate f"), images.SEQUENTIAL, (0, 1)),
             ("o", QT_TR_NOOP("output gate o"), images.SEQUENTIAL, (0, 1)),
             ("g", QT_TR_NOOP("candidate g"), images.DIVERGING, None),
             ("c", QT_TR_NOOP("cell state c"), images.DIVERGING, None),
             ("h", QT_TR_NOOP("hidden state h"), images.DIVERGING, None)]
RNN_MAPS = [("x", QT_TR_NOOP("input x"), images.SEQUENTIAL, "auto"),
            ("z", QT_TR_NOOP("pre-activation z"), images.DIVERGING, None),
            ("h", QT_TR_NOOP("hidden state h"), images.DIVERGING, None)]
LSTM_LINES = [("i", QT_TR_NOOP("input gate")), ("f", QT_TR_NOOP("forget gate")), ("o", QT_TR_NOOP("output gate")),
              ("c", QT_TR_NOOP("cell state"))]
RNN_LINES = [("h", QT_TR_NOOP("hidden state")), ("z", QT_TR_NOOP("pre-activation"))]
MAX_UNITS_SHOWN = 8
# the least height of a heatmap's or line plot's cell (title, picture, axis): below it the plots
# were squeezed to slivers with overlapping tick labels; the view scrolls instead
PLOT_MIN_HEIGHT = 130
LEGEND_HEIGHT = 28
KEY_TEXT = QT_TR_NOOP("Time runs left to right, one row per unit.<br>"
                      "Gates i, f, o: dark = closed (0), yellow = open (1).<br>"
                      "g, c, h: blue below 0, red above, white 0.<br>"
                      "f near 1 keeps the cell state c; i lets g in;<br>o lets tanh(c) out as h.")


NO_RECURRENT = QT_TR_NOOP("This network has no LSTM or RNN layer.\nBuild one (e.g. Input 28×28 → LSTM → Dense) "
                          "and train it on sequences such as digits-seq or adding.")
WAITING = QT_TR_NOOP("Start training to see the gates and states of an LSTM or RNN layer.")


def recurrent_layers(info: dict) -> list[str]:
    return [n for n in info["order"] if info["types"][n] in RECURRENT]


def parse_units(text: str, units: int) -> list[int]:
    out = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if "-" in part:
            a, _, b = part.partition("-")
            if a.strip().isdigit() and b.strip().isdigit():
                out.extend(range(int(a), int(b) + 1))
        elif part.isdigit():
            out.append(int(part))
    return [u for u in dict.fromkeys(out) if 0 <= u < units][:MAX_UNITS_SHOWN]


class Heatmap:
    def __init__(self, layout: pg.GraphicsLayout, row: int, col: int, title: str, cmap: str, levels):
        self.plot = layout.addPlot(row=row, col=col)
        self.plot.setMinimumHeight(PLOT_MIN_HEIGHT)
        self.plot.setMenuEnabled(False)
        self.plot.getViewBox().invertY(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.title, self.cmap, self.levels = tr(title), cmap, levels
        self.values: np.ndarray | None = None

    def set(self, a: np.ndarray) -> None:
        """a: (T, units) → drawn with time to the right and units downwards."""
        a = np.asarray(a, np.float64).T
        self.values = a
        if self.levels == "auto":
            lo, hi = float(np.nanmin(a)), float(np.nanmax(a))
        elif self.levels is None:
            m = max(float(np.nanmax(np.abs(a))), 1e-6)
            lo, hi = -m, m
        else:
            lo, hi = self.levels
        self.image.setImage(images.colorize(a, lo, hi, self.cmap), autoLevels=False)
        self.image.setRect(-0.5, -0.5, a.shape[1], a.shape[0])  # ticks at the centres of steps and units
        rng = "" if self.levels == "auto" else f"  [{lo:.2g}, {hi:.2g}]"
        self.plot.setTitle(f"{self.title}{rng}", color=self._text, size="8pt")

    def style(self, palette) -> None:
        images.style_plot(self.plot, palette)
        self.plot.showGrid(x=False, y=False)
        self._text = images.plot_colors(palette)[1].name()
        self.plot.setTitle(self.title, color=self._text, size="8pt")


class GatesView(QWidget):
    sigRequestChanged = Signal()
    sigSampleChanged = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.info: dict | None = None
        self.layer = QComboBox(toolTip=tr("The recurrent layer to look inside"))
        self.layer.setMinimumContentsLength(14)
        self.layer.currentIndexChanged.connect(self._layer_changed)
        self.sample = SamplePicker()
        self.sample.sigChanged.connect(self.sigSampleChanged)
        self.units = QLineEdit("0-3", toolTip=tr("Units drawn as lines, e.g. 0, 3, 5-7 (at most 8)"))
        self.units.setMaximumWidth(110)
        self.units.editingFinished.connect(self._rebuild_lines)
        top = QHBoxLayout()
        top.setContentsMargins(4, 2, 4, 2)
        top.addWidget(QLabel(tr("Layer")))
        top.addWidget(self.layer)
        top.addWidget(self.sample)
        top.addStretch(1)
        top.addWidget(QLabel(tr("Units")))
        top.addWidget(self.units)
        self.graphics = pg.GraphicsLayoutWidget()
        self.message = QLabel(tr(NO_RECURRENT), alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(top)
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.graphics)
        lay.addWidget(self.scroll, 1)
        lay.addWidget(self.message, 1)
        self.heatmaps: dict[str, Heatmap] = {}
        self.lines: dict[str, pg.PlotItem] = {}
        self.curves: dict[tuple[str, int], pg.PlotDataItem] = {}
        self._kind = None
        self._last = None
        self.scroll.hide()

    def set_run(self, info: dict, dataset) -> None:
        self.info = info
        self.sample.set_dataset(dataset)
        layers = recurrent_layers(info)
        keep = self.layer.currentData()
        self.layer.blockSignals(True)
        self.layer.clear()
        for n in layers:
            self.layer.addItem(f"{n}  ({info['types'][n]})", n)
        i = self.layer.findData(keep)
        self.layer.setCurrentIndex(i if i >= 0 else 0 if layers else -1)
        self.layer.blockSignals(False)
        self.scroll.setVisible(bool(layers))
        self.message.setVisible(not layers)
        self.message.setText(tr(NO_RECURRENT))
        self._layer_changed()

    def reset(self) -> None:
        """Another network: no layers and no gates until its model is prepared."""
        self.info, self._last = None, None
        self.layer.blockSignals(True)
        self.layer.clear()
        self.layer.blockSignals(False)
        self._build(None)
        self.scroll.hide()
        self.message.setText(tr(WAITING))
        self.message.show()

    def node(self) -> str | None:
        return self.layer.currentData()

    def probe_request(self) -> dict:
        # the probe sends every recurrent layer's gates whenever it has a sample
        return {"nodes": [], "recurrent": self.node() is not None}

    def _layer_changed(self) -> None:
        node = self.node()
        kind = self.info["types"][node] if node else None
        if kind != self._kind:
            self._build(kind)
        self.sigRequestChanged.emit()
        self._redraw()

    def _build(self, kind: str | None) -> None:
        self.graphics.clear()
        self.heatmaps, self.lines, self.curves = {}, {}, {}
        self._kind = kind
        self.graphics.setMinimumHeight(0)
        if kind is None:
            return
        maps = LSTM_MAPS if kind == "LSTM" else RNN_MAPS
        cols = 4 if kind == "LSTM" else 3
        pal = self.palette()
        images.style_widget(self.graphics, pal)
        for k, (key, title, cmap, levels) in enumerate(maps):
            h = Heatmap(self.graphics.ci, k // cols, k % cols, title, cmap, levels)
            h.style(pal)
            self.heatmaps[key] = h
        if kind == "LSTM":  # the free cell explains the colours
            key = pg.LabelItem(tr(KEY_TEXT), justify="left", color=images.plot_colors(pal)[1].name(), size="8pt")
            self.graphics.addItem(key, row=1, col=3)
        row = (len(maps) + cols - 1) // cols
        for r in range(row):
            self.graphics.ci.layout.setRowStretchFactor(r, 3)
        # the units' colours in one row above the line plots (a legend inside a small plot hides its lines)
        self.legend = pg.LegendItem(labelTextSize="8pt", colCount=8, horSpacing=14,
                                    labelTextColor=images.plot_colors(pal)[1])
        self.graphics.addItem(self.legend, row=row, col=0, colspan=cols)
        row += 1
        self.graphics.ci.layout.setRowStretchFactor(row, 2)
        line_specs = LSTM_LINES if kind == "LSTM" else RNN_LINES
        for j, (key, title) in enumerate(line_specs):
            p = self.graphics.addPlot(row=row, col=j)
            images.style_plot(p, pal, tr(title))
            p.setLabel("bottom", tr("time step"))
            p.setMenuEnabled(False)
            p.setMinimumHeight(PLOT_MIN_HEIGHT)
            self.lines[key] = p
        spacing = self.graphics.ci.layout.verticalSpacing()
        self.graphics.setMinimumHeight((row + 1) * (PLOT_MIN_HEIGHT + spacing) + LEGEND_HEIGHT)
        self._rebuild_lines()

    def _rebuild_lines(self) -> None:
        for (key, _), c in self.curves.items():
            self.lines[key].removeItem(c)
        self.curves = {}
        node = self.node()
        if not node or not self.lines:
            return
        units = self.info["shapes"][node][-1]
        chosen = parse_units(self.units.text(), units) or list(range(min(4, units)))
        self.legend.clear()
        for j, (key, p) in enumerate(self.lines.items()):
            for k, u in enumerate(chosen):
                color = QColor(images.CURVE_COLORS[k % len(images.CURVE_COLORS)])
                self.curves[(key, u)] = p.plot(pen=pg.mkPen(color, width=1.6))
                if j == 0:
                    self.legend.addItem(self.curves[(key, u)], tr("unit {index}").format(index=u))
        self._redraw()

    def show_probe(self, snap: dict) -> None:
        self._last = snap
        self._redraw()

    def _redraw(self) -> None:
        node, snap = self.node(), self._last
        if snap is None or node is None or node not in snap.get("gates", {}):
            return
        g = dict(snap["gates"][node])
        ds = self.sample.dataset
        if ds is not None and ds.x.ndim == 3:
            g["x"] = ds.x[self.sample.index()]
        for key, h in self.heatmaps.items():
            if key in g:
                h.set(g[key])
        t = np.arange(next(iter(snap["gates"][node].values())).shape[0])
        for (key, u), c in self.curves.items():
            if key in g:
                c.setData(t, g[key][:, u])

    def shown(self, key: str) -> np.ndarray | None:
        """The heatmap values on screen for `key`, as (T, units) — for tests."""
        h = self.heatmaps.get(key)
        return None if h is None or h.values is None else h.values.T

    def apply_theme(self) -> None:
        self._build(self._kind)
        self._redraw()
