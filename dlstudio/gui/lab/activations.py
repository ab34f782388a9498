"""The Activations page: f(x) and f′(x) with the saturated regions shaded, softmax with a
temperature, and how much gradient reaches the first layer of a deep chain.

Every number comes from `dlstudio.engine.lab.activations` (the engine's own layers and Model).
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QSizePolicy, QSlider, QSpinBox,
                               QVBoxLayout, QWidget)

from dlstudio.engine.lab import activations as A

from .. import theme
from ..i18n import QT_TR_NOOP, tr, tr_text
from ..training import images
from .base import LabPage

COLORS = dict(zip(A.ELEMENTWISE, images.CURVE_COLORS))
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
LABELS = {"Sigmoid": "Sigmoid σ", "Tanh": "Tanh", "ReLU": "ReLU", "LeakyReLU": QT_TR_NOOP("Leaky ReLU"),
          "ELU": "ELU",
          "Softmax": QT_TR_NOOP("Softmax (below)")}
SAT_BRUSH = QColor(224, 102, 58, 48)
MAX_REGIONS = 3
DEFAULT_Z = ("2.0", "1.0", "0.1")


def _swatch(color: str) -> QIcon:
    pm = QPixmap(12, 12)
    pm.fill(QColor(color))
    return QIcon(pm)


def _slider_temperature(v: int) -> float:
    """Slider 0..100 → T from 0.1 to 10 on a log scale (50 → 1)."""
    return 10.0 ** ((v - 50) / 50.0)


def _interval_text(intervals, lo: float, hi: float) -> str:
    parts = []
    for a, b in intervals:
        if a <= lo and b >= hi:
            parts.append(tr("everywhere"))
        elif a <= lo:
            parts.append(f"x ≤ {b:.2f}")
        elif b >= hi:
            parts.append(f"x ≥ {a:.2f}")
        else:
            parts.append(f"{a:.2f} ≤ x ≤ {b:.2f}")
    return ", ".join(parts) if parts else tr("nowhere")


class ActivationsPage(LabPage):
    key = "activations"
    title = QT_TR_NOOP("Activations")
    intro = QT_TR_NOOP("A layer applies its activation f to every value; backpropagation multiplies the incoming "
             "gradient by f′(x). Where |f′| &lt; 0.05 (shaded) the unit is <i>saturated</i> and passes almost "
             "nothing back. σ(x) = 1/(1+e<sup>−x</sup>), σ′ = σ(1−σ) ≤ ¼ · tanh′ = 1 − tanh² · "
             "ReLU′ = 1 for x &gt; 0, else 0 · Leaky ReLU′ = α for x &lt; 0 · ELU = α(e<sup>x</sup>−1) for "
             "x ≤ 0. Softmax: p<sub>i</sub> = e<sup>z<sub>i</sub>/T</sup> / Σ<sub>j</sub> e<sup>z<sub>j</sub>/T"
             "</sup>. Each curve is the engine's own layer: forward, then backward with a gradient of 1.")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.curves: dict[str, A.Curve] = {}
        self.stacks: dict[str, A.Stack] = {}
        self.probabilities: np.ndarray | None = None
        grid = QGridLayout(self.body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        grid.addWidget(self._build_choices(), 0, 0, 2, 1)
        grid.addWidget(self._build_curves(), 0, 1, 1, 2)
        grid.addWidget(self._build_softmax(), 1, 1)
        grid.addWidget(self._build_stacking(), 1, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        grid.setRowStretch(0, 4)
        grid.setRowStretch(1, 5)
        for w in (self.graphics, self.bar_plot, self.stack_plot):   # the stretches share the height
            w.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self._stack_timer = QTimer(self, singleShot=True, interval=120)   # coalesces slider drags
        self._stale = False
        self._stack_timer.timeout.connect(self.update_stacking)
        self._style()
        self.list.setCurrentRow(0)
        self.update_curves()
        self.update_softmax()
        self.update_stacking()

    # -- building -----------------------------------------------------------------------------
    def _build_choices(self) -> QWidget:
        box = QWidget()
        box.setMaximumWidth(210)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(tr("<b>Activations</b> (tick to draw)")))
        self.list = QListWidget()
        self.list.setObjectName("activationList")
        for name in (*A.ELEMENTWISE, "Softmax"):
            item = QListWidgetItem(tr(LABELS[name]))
            item.setData(NAME_ROLE, name)
            if name in COLORS:
                item.setIcon(_swatch(COLORS[name]))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        rows = self.list.sizeHintForRow(0) * self.list.count()
        self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 4)
        self.list.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.list.itemChanged.connect(lambda *_: self.update_curves())
        lay.addWidget(self.list)
        form = QFormLayout()
        self.alpha: dict[str, QDoubleSpinBox] = {}
        for name, step, decimals in (("LeakyReLU", 0.01, 3), ("ELU", 0.1, 2)):
            spin = QDoubleSpinBox(decimals=decimals, singleStep=step)
            spin.setRange(*A.ALPHA_RANGES[name])
            spin.setValue(A.ALPHA_DEFAULTS[name])
            spin.setKeyboardTracking(True)
            spin.valueChanged.connect(lambda _v, n=name: self._alpha_changed(n))
            self.alpha[name] = spin
            form.addRow(f"{tr(LABELS[name])} α", spin)
        lay.addLayout(form)
        self.sat_label = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        lay.addWidget(self.sat_label)
        lay.addStretch(1)
        return box

    def _build_curves(self) -> QWidget:
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setMinimumHeight(200)
        self.f_plot = self.graphics.addPlot(row=0, col=0)
        self.df_plot = self.graphics.addPlot(row=0, col=1)
        self.regions: list[tuple[pg.LinearRegionItem, pg.LinearRegionItem]] = []
        for plot in (self.f_plot, self.df_plot):
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.setXRange(-6, 6, padding=0.02)
            plot.setLabel("bottom", "x")
        for _ in range(MAX_REGIONS):
            pair = tuple(pg.LinearRegionItem(movable=False, brush=SAT_BRUSH, pen=pg.mkPen(None))
                         for _ in range(2))
            for r, plot in zip(pair, (self.f_plot, self.df_plot)):
                r.setZValue(-10)
                r.hide()
                plot.addItem(r)
            self.regions.append(pair)
        self.threshold_lines = [pg.InfiniteLine(pos=s * A.SATURATION, angle=0, pen=pg.mkPen(
            SAT_BRUSH.darker(110), width=1, style=Qt.PenStyle.DashLine)) for s in (1, -1)]
        for line in self.threshold_lines:
            self.df_plot.addItem(line)
        self.f_items = {name: self.f_plot.plot() for name in A.ELEMENTWISE}
        self.df_items = {name: self.df_plot.plot() for name in A.ELEMENTWISE}
        return self.graphics

    def _build_softmax(self) -> QWidget:
        self.softmax_box = QGroupBox(tr("Softmax with temperature T"))
        lay = QVBoxLayout(self.softmax_box)
        row = QHBoxLayout()
        row.addWidget(QLabel("z ="))
        self.z_edits: list[QLineEdit] = []
        for k, text in enumerate(DEFAULT_Z):
            edit = QLineEdit(text)
            edit.setObjectName(f"softmaxZ{k + 1}")
            edit.setMaximumWidth(70)
            edit.textChanged.connect(lambda _t: self.update_softmax())
            self.z_edits.append(edit)
            row.addWidget(edit)
        row.addStretch(1)
        lay.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(QLabel("T"))
        self.temperature = QSlider(Qt.Orientation.Horizontal, minimum=0, maximum=100, value=50)
        self.temperature.valueChanged.connect(lambda _v: self.update_softmax())
        row.addWidget(self.temperature, 1)
        self.t_label = QLabel()
        self.t_label.setMinimumWidth(64)
        row.addWidget(self.t_label)
        lay.addLayout(row)
        self.softmax_error = QLabel(wordWrap=True)
        self.softmax_error.hide()
        lay.addWidget(self.softmax_error)
        self.bar_plot = pg.PlotWidget()
        self.bar_plot.setMinimumHeight(110)
        p = self.bar_plot.getPlotItem()
        p.setMenuEnabled(False)
        p.setMouseEnabled(x=False, y=False)
        p.hideButtons()
        p.setYRange(0, 1.2, padding=0)
        p.setXRange(-0.6, 2.6, padding=0)
        p.getAxis("bottom").setTicks([[(k, f"p{k + 1}") for k in range(3)]])
        p.getAxis("left").setTicks([[(v, f"{v:g}") for v in (0, 0.25, 0.5, 0.75, 1)]])
        self.bars = pg.BarGraphItem(x=np.arange(3), height=np.zeros(3), width=0.6)
        p.addItem(self.bars)
        self.bar_text = [pg.TextItem(anchor=(0.5, 1.0)) for _ in range(3)]
        for t in self.bar_text:
            p.addItem(t)
        lay.addWidget(self.bar_plot, 1)
        return self.softmax_box

    def _build_stacking(self) -> QWidget:
        box = QGroupBox(tr("Stacking: gradient reaching each layer"))
        lay = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("depth n")))
        self.depth = QSlider(Qt.Orientation.Horizontal, minimum=1, maximum=A.MAX_DEPTH, value=8)
        self.depth.valueChanged.connect(self._depth_changed)
        row.addWidget(self.depth, 1)
        self.depth_label = QLabel()
        self.depth_label.setMinimumWidth(24)
        row.addWidget(self.depth_label)
        row.addWidget(QLabel(tr("seed")))
        self.seed = QSpinBox(minimum=0, maximum=9999, value=0)
        self.seed.valueChanged.connect(lambda _v: self._stack_timer.start())
        row.addWidget(self.seed)
        lay.addLayout(row)
        w = A.STACK_WIDTH
        note = QLabel(tr("Input [{width}] → (Dense {width} → f) × n, initialised as the engine does (Glorot "
                         "for σ and tanh, He for ReLU); one batch of {batch}, MSE loss, one backward pass. "
                         "Plotted: ‖∂L/∂W‖ per Dense layer.").format(width=w, batch=A.STACK_BATCH),
                      wordWrap=True)
        note.setStyleSheet("font-size: 8pt")
        lay.addWidget(note)
        self.stack_plot = pg.PlotWidget(axisItems={"left": images.LogAxis("left")})
        self.stack_plot.setMinimumHeight(110)
        p = self.stack_plot.getPlotItem()
        p.setMenuEnabled(False)
        p.setLogMode(y=True)
        p.setLabel("bottom", tr("layer (1 = first)"))
        self.stack_items = {}
        for name in A.STACK_ACTIVATIONS:
            c = COLORS[name]
            self.stack_items[name] = p.plot(pen=pg.mkPen(c, width=2), symbol="o", symbolSize=6,
                                            symbolBrush=c, symbolPen=None)
        # the key sits outside the plot, where it cannot hide a curve
        key = " &nbsp; ".join(f"<span style='color:{COLORS[n]}'>●</span> {tr(LABELS[n])}"
                              for n in A.STACK_ACTIVATIONS)
        lay.addWidget(QLabel(key, textFormat=Qt.TextFormat.RichText))
        self.ratio_label = QLabel(wordWrap=True)
        lay.addWidget(self.stack_plot, 1)
        lay.addWidget(self.ratio_label)
        return box

    # -- theme --------------------------------------------------------------------------------
    def _style(self) -> None:
        pal = self.palette()
        bg, text, _ = images.plot_colors(pal)
        images.style_widget(self.graphics, pal)
        images.style_plot(self.f_plot, pal, "f(x)", grid=True)
        images.style_plot(self.df_plot, pal, "f′(x)", grid=True)
        for w in (self.bar_plot, self.stack_plot):
            images.style_widget(w, pal)
            images.style_plot(w.getPlotItem(), pal, grid=w is self.stack_plot)
        self.bars.setOpts(brush=theme.mix(bg, QColor(images.CURVE_COLORS[0]), 0.85), pen=pg.mkPen(None))
        for t in self.bar_text:
            t.setColor(text)
        self._error_color = theme.colors(pal).error.name()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) \
                and hasattr(self, "bars"):
            self._style()

    # -- state --------------------------------------------------------------------------------
    def selected(self) -> str:
        """The activation the page is focused on (a catalogue type name)."""
        item = self.list.currentItem()
        return item.data(NAME_ROLE) if item is not None else A.ELEMENTWISE[0]

    def shown(self) -> list[str]:
        """The element-wise activations ticked for drawing."""
        items = [self.list.item(i) for i in range(self.list.count())]
        return [it.data(NAME_ROLE) for it in items
                if it.data(NAME_ROLE) in COLORS and it.checkState() == Qt.CheckState.Checked]

    def alpha_of(self, name: str) -> float | None:
        return self.alpha[name].value() if name in self.alpha else None

    def _alpha_changed(self, name: str) -> None:
        self.curves.pop(name, None)
        self.update_curves()

    def _selection_changed(self) -> None:
        name = self.selected()
        item = self.list.currentItem()
        if name in COLORS and item.checkState() != Qt.CheckState.Checked:
            item.setCheckState(Qt.CheckState.Checked)   # redraws through itemChanged
        else:
            self.update_curves()
        self.softmax_box.setStyleSheet("QGroupBox { font-weight: bold; }" if name == "Softmax" else "")
        if name == "Softmax":
            self.z_edits[0].setFocus()

    # -- drawing ------------------------------------------------------------------------------
    def curve(self, name: str) -> A.Curve:
        """The engine's curve for `name` at the current α (cached until α changes)."""
        if name not in self.curves:
            self.curves[name] = A.curve(name, self.alpha_of(name))
        return self.curves[name]

    def update_curves(self) -> None:
        focus = self.selected()
        shown = self.shown()
        for name in A.ELEMENTWISE:
            fi, di = self.f_items[name], self.df_items[name]
            fi.setVisible(name in shown)
            di.setVisible(name in shown)
            if name in shown:
                c = self.curve(name)
                pen = pg.mkPen(COLORS[name], width=3.0 if name == focus else 1.4)
                fi.setData(c.x, c.y, pen=pen)
                di.setData(c.x, c.dy, pen=pen)
                fi.setZValue(5 if name == focus else 1)
                di.setZValue(5 if name == focus else 1)
        intervals = self.curve(focus).saturated if focus in shown else []
        x0, x1 = -6.0, 6.0
        for k, pair in enumerate(self.regions):
            for region in pair:
                region.setVisible(k < len(intervals))
                if k < len(intervals):
                    a, b = intervals[k]
                    region.setRegion((x0 - 1 if a <= x0 else a, x1 + 1 if b >= x1 else b))
        for plot in (self.f_plot, self.df_plot):
            plot.enableAutoRange(axis="y")
        if focus in COLORS:
            self.sat_label.setText(tr("<b>{name}</b> is saturated (|f′| &lt; {threshold}) for {where} (shaded).")
                                   .format(name=tr(LABELS[focus]), threshold=f"{A.SATURATION:g}",
                                           where=_interval_text(intervals, x0, x1)))
        else:
            self.sat_label.setText(tr("Softmax acts on a whole vector: see the panel below."))

    def z_values(self) -> list[float] | None:
        """The three softmax inputs; a cell that is not a number is shown red (and None returned)."""
        values, errors = [], []
        for k, edit in enumerate(self.z_edits):
            text = edit.text().strip()
            try:
                v = float(text)
                if not math.isfinite(v):
                    raise ValueError
            except ValueError:
                errors.append(tr("z{k}: {text} is not a number").format(k=k + 1, text=repr(text)))
                edit.setStyleSheet(f"border: 1.5px solid {self._error_color}; border-radius: 3px;")
                edit.setToolTip(tr("type a number, e.g. 1.5"))
                continue
            edit.setStyleSheet("")
            edit.setToolTip("")
            values.append(v)
        if errors:
            self._softmax_message(tr("{errors} — the bars show the last valid z.").format(errors="; ".join(errors)))
            return None
        self.softmax_error.hide()
        return values

    def _softmax_message(self, text: str) -> None:
        self.softmax_error.setText(text)
        self.softmax_error.setStyleSheet(f"color: {self._error_color}")
        self.softmax_error.show()

    def update_softmax(self) -> None:
        t = _slider_temperature(self.temperature.value())
        self.t_label.setText(f"T = {t:.2f}")
        z = self.z_values()
        if z is None:
            return
        try:
            p = A.softmax(z, t).p
        except ValueError as e:
            self._softmax_message(tr("{errors} — the bars show the last valid z.").format(
                errors=tr_text(e.args[0]) if e.args else str(e)))
            return
        self.probabilities = p
        self.bars.setOpts(height=p)
        for k, text in enumerate(self.bar_text):
            text.setText(f"{p[k]:.3f}")
            text.setPos(k, float(p[k]) + 0.03)

    def _depth_changed(self, value: int) -> None:
        self.depth_label.setText(str(value))
        self._stack_timer.start()

    def update_stacking(self) -> None:
        self._stack_timer.stop()
        self._stale = False
        n = self.depth.value()
        self.depth_label.setText(str(n))
        self.stacks = A.stacking(n, seed=self.seed.value())
        layers = np.arange(1, n + 1)
        for name, s in self.stacks.items():
            self.stack_items[name].setData(layers, np.maximum(s.norms, 1e-30))
        p = self.stack_plot.getPlotItem()
        p.setXRange(0.5, n + 0.5, padding=0)
        p.enableAutoRange(axis="y")
        ratios = ", ".join(f"{LABELS[k].split()[0]} {s.ratio:.1e}" for k, s in self.stacks.items())
        self.ratio_label.setText(tr("first ÷ last layer: {ratios}").format(ratios=ratios))

    # -- hooks --------------------------------------------------------------------------------
    def explain(self, topic: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(NAME_ROLE) == topic:
                self.list.setCurrentRow(i)
                return

    def activate(self) -> None:
        if self._stale:
            self.update_stacking()

    def deactivate(self) -> None:
        self._stale = self._stack_timer.isActive()
        self._stack_timer.stop()
