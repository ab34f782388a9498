"""The LSTM cell page: one time step with its numbers, a short sequence unrolled with the gates
as heatmaps, and the gradient that reaches each earlier step in a SimpleRNN and an LSTM.

Every number comes from `dlstudio.engine.lab.lstm_cell` (the engine's LSTM kernel, layers,
probe and backward passes); this module only lays them out.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSlider, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from dlstudio.engine.lab import lstm_cell as E

from .. import theme
from ..i18n import QT_TR_NOOP, tr, tr_text
from ..training import images
from .base import LabPage

FEATURES, UNITS = 2, 3
START_X = ("0.5", "1.0")
# (the words here are marked for translation and shown with tr())
GATE_TEXT = {"i": ("σ", QT_TR_NOOP("input gate: how much of g enters c")),
             "f": ("σ", QT_TR_NOOP("forget gate: how much of c<sub>t−1</sub> is kept")),
             "g": ("tanh", QT_TR_NOOP("candidate values")),
             "o": ("σ", QT_TR_NOOP("output gate: how much of tanh(c) becomes h"))}
# key, title, colour map, range ("auto": the data's, None: symmetric around 0), row axis name
MAPS = [("x", QT_TR_NOOP("input x"), images.SEQUENTIAL, "auto", QT_TR_NOOP("feature")),
        ("i", QT_TR_NOOP("input gate i"), images.SEQUENTIAL, (0.0, 1.0), QT_TR_NOOP("unit")),
        ("f", QT_TR_NOOP("forget gate f"), images.SEQUENTIAL, (0.0, 1.0), QT_TR_NOOP("unit")),
        ("o", QT_TR_NOOP("output gate o"), images.SEQUENTIAL, (0.0, 1.0), QT_TR_NOOP("unit")),
        ("g", QT_TR_NOOP("candidate g"), images.DIVERGING, None, QT_TR_NOOP("unit")),
        ("c", QT_TR_NOOP("cell state c"), images.DIVERGING, None, QT_TR_NOOP("unit")),
        ("h", QT_TR_NOOP("hidden state h"), images.DIVERGING, None, QT_TR_NOOP("unit"))]
# the input fields' names in tooltips and messages (English: the code names)
FIELD_NAMES = {"x": "x", "h_prev": QT_TR_NOOP("h_prev"), "c_prev": QT_TR_NOOP("c_prev")}
# the sequence presets as the combo box shows them (each item's data is the preset's name)
PRESET_NAMES = {"adding": QT_TR_NOOP("adding"), "sine": QT_TR_NOOP("sine"), "pulse": QT_TR_NOOP("pulse")}
KIND_COLORS = {"SimpleRNN": images.CURVE_COLORS[1], "LSTM": images.CURVE_COLORS[0]}


def _num(v: float) -> str:
    """A number for the cell diagram: 3 decimals, a real minus sign."""
    return f"{v:.3f}".replace("-", "−")


def _paren(v: float) -> str:
    return f"({_num(v)})" if v < 0 else _num(v)


def _unit(k: int) -> str:
    return tr("unit {k}").format(k=k)


def _row(*widgets: QWidget) -> QHBoxLayout:
    """The widgets side by side, then a stretch."""
    row = QHBoxLayout()
    for w in widgets:
        row.addWidget(w)
    row.addStretch(1)
    return row


def parse_number(text: str) -> float:
    """A finite number typed in a field; ValueError saying what is wrong."""
    try:
        v = float(text.strip())
    except ValueError:
        raise ValueError(tr("not a number")) from None
    if not math.isfinite(v):
        raise ValueError(tr("must be finite"))
    return v


class LstmCellPage(LabPage):
    key = "lstm"
    title = QT_TR_NOOP("The LSTM cell")
    intro = QT_TR_NOOP("An LSTM carries a cell state c from step to step; three gates decide what it forgets, "
             "what it takes in and what it shows. With z = x<sub>t</sub>W + h<sub>t−1</sub>U + b cut into "
             "four: <b>i, f, o = σ(z)</b>, <b>g = tanh(z)</b>, <b>c<sub>t</sub> = f ⊙ c<sub>t−1</sub> + i ⊙ g"
             "</b>, <b>h<sub>t</sub> = o ⊙ tanh(c<sub>t</sub>)</b>. Because c is updated by a sum, the "
             "gradient can reach early steps that a plain RNN (h<sub>t</sub> = tanh(z)) forgets.")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tabs = QTabWidget()
        lay = QVBoxLayout(self.body)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)
        self.cell = E.make_cell(FEATURES, UNITS, 0)
        self.step_result: E.Step | None = None
        self.t = 1
        self.tabs.addTab(self._build_step_tab(), tr("One time step"))
        self.tabs.addTab(self._build_unroll_tab(), tr("Unrolled sequence"))
        self.tabs.addTab(self._build_time_tab(), tr("RNN vs LSTM through time"))
        self._style()
        self.update_step()
        self.update_unroll()
        self.update_time()

    # -- tab 1: one step ----------------------------------------------------------------------
    def _build_step_tab(self) -> QWidget:
        w = QWidget()
        self.seed = QSpinBox(minimum=0, maximum=9999, toolTip=tr("The seed of the engine's weight initialisation"))
        self.seed.valueChanged.connect(self._seed_changed)
        self.next_btn = QPushButton(tr("Next time step"),
                                    toolTip=tr("Feed h_t and c_t forward as the next step's state"))
        self.next_btn.clicked.connect(self.next_step)
        self.reset_btn = QPushButton(tr("Reset state"), toolTip=tr("h and c back to 0, t back to 1"))
        self.reset_btn.clicked.connect(self.reset_state)
        self.t_label = QLabel()
        controls = QGroupBox(tr("Time"))
        cg = QGridLayout(controls)
        cg.addWidget(self.t_label, 0, 0)
        cg.addWidget(self.next_btn, 1, 0, 1, 2)
        cg.addWidget(self.reset_btn, 2, 0, 1, 2)
        cg.addWidget(QLabel(tr("Weights seed")), 3, 0)
        cg.addWidget(self.seed, 3, 1)

        inputs = QGroupBox(tr("Inputs (editable)"))
        g = QGridLayout(inputs)
        self.edits: dict[str, list[QLineEdit]] = {}
        for row, (name, label, n, start) in enumerate((("x", "x<sub>t</sub>", FEATURES, START_X),
                                                       ("h_prev", "h<sub>t−1</sub>", UNITS, ("0",) * UNITS),
                                                       ("c_prev", "c<sub>t−1</sub>", UNITS, ("0",) * UNITS))):
            g.addWidget(QLabel(label), row, 0)
            self.edits[name] = []
            for k in range(n):
                e = QLineEdit(start[k], maximumWidth=96,
                              toolTip=tr("{name}[{k}]: a number").format(name=tr(FIELD_NAMES[name]), k=k))
                e.textEdited.connect(self.update_step)
                g.addWidget(e, row, 1 + k)
                self.edits[name].append(e)
        g.setRowStretch(3, 1)

        gates, cells = self._table(tr("Gates: z → activation"), [
            (q, f"<b>{q}</b> = {GATE_TEXT[q][0]}(z<sub>{q}</sub>)", tr(GATE_TEXT[q][1])) for q in E.GATES],
            (70, 50))
        self.pre_cells = {k: [c[0] for c in v] for k, v in cells.items()}
        self.gate_cells = {k: [c[1] for c in v] for k, v in cells.items()}
        state, cells = self._table(tr("↓ New state"), [
            ("fc", "f ⊙ c<sub>t−1</sub>", ""), ("ig", "i ⊙ g", ""), ("c", tr("<b>c<sub>t</sub></b> = sum"), ""),
            ("tanh_c", "tanh(c<sub>t</sub>)", ""), ("h", "<b>h<sub>t</sub></b> = o ⊙ tanh(c<sub>t</sub>)", "")],
            (56,))
        self.state_cells = {k: [c[0] for c in v] for k, v in cells.items()}

        # the cell as a loop: inputs → gates → new state → (next time step) → inputs
        flow = QGridLayout()
        back = self._arrow("←", tr("Next time step: h_t, c_t become h_{t−1}, c_{t−1}"))
        for n, wid in enumerate((inputs, self._arrow("→"), gates, controls, back, state)):
            flow.addWidget(wid, n // 3, n % 3)
        flow.setColumnStretch(3, 1)

        self.unit = QSpinBox(minimum=0, maximum=UNITS - 1, toolTip=tr("The unit whose arithmetic is written out"))
        self.unit.valueChanged.connect(lambda _v: self._write_out())
        self.written = QLabel(textFormat=Qt.TextFormat.RichText, wordWrap=True)
        self.written.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel(wordWrap=True)
        self.error.hide()
        self.history_plot = pg.PlotWidget()
        hp = self.history_plot.getPlotItem()
        hp.setMenuEnabled(False)
        hp.setLabel("bottom", tr("time step t"))
        units = ", ".join(f"<span style='color:{images.CURVE_COLORS[k]}'>{_unit(k)}</span>" for k in range(UNITS))
        self.history_title = tr("c<sub>t</sub> (solid) and h<sub>t</sub> (dashed) over the steps taken: {units}"
                                ).format(units=units)
        self.history_curves = []
        for k in range(UNITS):
            color = images.CURVE_COLORS[k]
            self.history_curves.append((
                hp.plot([], [], pen=pg.mkPen(color, width=2), symbol="o", symbolSize=5, symbolBrush=color,
                        symbolPen=None),
                hp.plot([], [], pen=pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine))))
        self.history: list[tuple[int, np.ndarray, np.ndarray]] = []
        v = QVBoxLayout(w)
        v.addLayout(flow)
        v.addWidget(self.error)
        v.addLayout(_row(QLabel(tr("Written out for unit")), self.unit))
        v.addWidget(self.written)
        v.addWidget(self.history_plot, 1)
        return w

    @staticmethod
    def _arrow(text: str, tip: str = "") -> QLabel:
        return QLabel(f"<span style='font-size:16pt'>{text}</span>", toolTip=tip)

    @staticmethod
    def _table(title: str, rows: list[tuple[str, str, str]], widths: tuple[int, ...]):
        """A box with one row per quantity and, per unit, len(widths) number labels."""
        box = QGroupBox(title)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(6)
        n = len(widths)
        for k in range(UNITS):
            grid.addWidget(QLabel(f"<i>{_unit(k)}</i>", alignment=Qt.AlignmentFlag.AlignCenter), 0, 1 + n * k, 1, n)
        cells: dict[str, list[list[QLabel]]] = {}
        for row, (key, text, tip) in enumerate(rows, start=1):
            grid.addWidget(QLabel(text, toolTip=tip), row, 0)
            cells[key] = []
            for k in range(UNITS):
                labels = []
                for j, width in enumerate(widths):
                    lab = QLabel(alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    lab.setMinimumWidth(width)
                    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                    grid.addWidget(lab, row, 1 + n * k + j)
                    labels.append(lab)
                cells[key].append(labels)
        return box, cells

    def inputs(self) -> dict[str, np.ndarray] | None:
        """x, h_prev, c_prev from the fields; a field that is not a number is shown red (None returned)."""
        out, errors = {}, []
        for name, edits in self.edits.items():
            values = []
            for k, e in enumerate(edits):
                try:
                    values.append(parse_number(e.text()))
                    e.setStyleSheet("")
                except ValueError as exc:
                    errors.append(f"{tr(FIELD_NAMES[name])}[{k}] = {e.text()!r}: {exc}")
                    e.setStyleSheet(f"border: 1.5px solid {self._error_color}; border-radius: 3px;")
            out[name] = np.array(values)
        if errors:
            self.error.setText(tr("{errors} — the numbers shown are the last valid step's.").format(
                errors="; ".join(errors)))
            self.error.show()
            return None
        self.error.hide()
        return out

    def update_step(self) -> None:
        vals = self.inputs()
        if vals is None:
            return
        s = self.step_result = E.step(self.cell, vals["x"], vals["h_prev"], vals["c_prev"])
        for gate, labels in self.gate_cells.items():
            pre, act = s.pre(gate), getattr(s, gate)
            for k, lab in enumerate(labels):
                self.pre_cells[gate][k].setText(f"<span style='color:{self._dim}'>{_num(pre[k])} →</span>")
                lab.setText(f"<b>{_num(act[k])}</b>")
        parts = {"fc": s.kept, "ig": s.added, "c": s.c, "tanh_c": s.tanh_c, "h": s.h}
        for key, labels in self.state_cells.items():
            for k, lab in enumerate(labels):
                v = _num(parts[key][k])
                lab.setText(f"<b>{v}</b>" if key in ("c", "h") else v)
        self.t_label.setText(f"t = {self.t}")
        self._write_out()
        self.history = [e for e in self.history if e[0] < self.t] + [(self.t, s.c, s.h)]
        ts = np.array([e[0] for e in self.history], np.float64)
        for k, (c_curve, h_curve) in enumerate(self.history_curves):
            c_curve.setData(ts, [float(e[1][k]) for e in self.history])
            h_curve.setData(ts, [float(e[2][k]) for e in self.history])
        self.history_plot.setXRange(0.5, max(self.t, 5) + 0.5, padding=0)
        spacing = next(d for d in (1, 2, 5, 10, 20, 50, 100, 10 ** 9) if self.t / d <= 10)
        self.history_plot.getPlotItem().getAxis("bottom").setTickSpacing(spacing, spacing)

    def _write_out(self) -> None:
        s = self.step_result
        if s is None:
            return
        k = self.unit.value()
        next_columns = tr("(z<sub>f</sub>, z<sub>g</sub>, z<sub>o</sub>: the next columns)")
        terms = [f"{_paren(v)}×{_paren(w)}" for v, w in zip(s.x, self.cell.kernel[:, k])]
        terms += [f"{_paren(v)}×{_paren(w)}" for v, w in zip(s.h_prev, self.cell.recurrent_kernel[:, k])]
        self.written.setText(
            f"z<sub>i</sub> = Σ x<sub>j</sub>W<sub>j</sub> + Σ h<sub>j</sub>U<sub>j</sub> + b = "
            f"{' + '.join(terms)} + {_paren(self.cell.bias[k])} = {_num(s.pre('i')[k])} &nbsp; "
            f"{next_columns}<br>"
            f"i = σ({_num(s.pre('i')[k])}) = {_num(s.i[k])}, &nbsp; f = σ({_num(s.pre('f')[k])}) = {_num(s.f[k])}, "
            f"&nbsp; g = tanh({_num(s.pre('g')[k])}) = {_num(s.g[k])}, &nbsp; o = σ({_num(s.pre('o')[k])}) = "
            f"{_num(s.o[k])}<br>"
            f"<b>c<sub>t</sub></b> = f·c<sub>t−1</sub> + i·g = {_num(s.f[k])} × {_paren(s.c_prev[k])} + "
            f"{_num(s.i[k])} × {_paren(s.g[k])} = <b>{_num(s.c[k])}</b><br>"
            f"<b>h<sub>t</sub></b> = o·tanh(c<sub>t</sub>) = {_num(s.o[k])} × tanh({_num(s.c[k])}) = "
            f"<b>{_num(s.h[k])}</b>")

    def next_step(self) -> None:
        """h_t, c_t become the next step's h_{t−1}, c_{t−1} (x stays as typed)."""
        s = self.step_result
        if s is None or self.inputs() is None:
            return
        for name, values in (("h_prev", s.h), ("c_prev", s.c)):
            for e, v in zip(self.edits[name], values):
                e.setText(f"{float(v):.9g}")  # 9 digits: the float32 value exactly
                e.setCursorPosition(0)
        self.t += 1
        self.update_step()

    def reset_state(self) -> None:
        for name in ("h_prev", "c_prev"):
            for e in self.edits[name]:
                e.setText("0")
        self.t = 1
        self.history = []
        self.update_step()

    def _seed_changed(self, seed: int) -> None:
        self.cell = E.make_cell(FEATURES, UNITS, int(seed))
        self.history = []  # the steps taken were with other weights
        self.update_step()
        self.update_unroll()

    # -- tab 2: a sequence unrolled ---------------------------------------------------------
    def _build_unroll_tab(self) -> QWidget:
        w = QWidget()
        self.preset = QComboBox(toolTip=tr("The sequence fed to the cell (the weights are the first tab's)"))
        for name in E.PRESETS:
            self.preset.addItem(tr(PRESET_NAMES.get(name, name)), name)
        self.preset.currentIndexChanged.connect(lambda _i: self.update_unroll())
        self.steps = QSpinBox(minimum=4, maximum=60, value=20, toolTip=tr("Sequence length T"))
        self.steps.valueChanged.connect(lambda _v: self.update_unroll())
        self.data_seed = QSpinBox(minimum=0, maximum=9999, toolTip=tr("Which sample of the preset"))
        self.data_seed.valueChanged.connect(lambda _v: self.update_unroll())
        top = _row(QLabel(tr("Sequence")), self.preset, QLabel("T"), self.steps, QLabel(tr("sample")), self.data_seed)
        self.graphics = pg.GraphicsLayoutWidget()
        self.heatmaps: dict[str, tuple[pg.PlotItem, pg.ImageItem]] = {}
        for n, (key, *_rest, rows) in enumerate(MAPS):
            plot = self.graphics.addPlot(row=n // 4, col=n % 4)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.getViewBox().invertY(True)
            plot.setLabel("bottom", tr("time step"))
            if n % 4 == 0:
                plot.setLabel("left", tr(rows))
            img = pg.ImageItem(axisOrder="row-major")
            plot.addItem(img)
            self.heatmaps[key] = (plot, img)
        key_text = QLabel(tr("Time runs left to right, one row per unit (x: per feature). i, f, o: dark = closed "
                             "(0), yellow = open (1). g, c, h: blue below 0, red above. The cell is the first "
                             "tab's ({features} inputs, {units} units).").format(features=FEATURES, units=UNITS),
                          wordWrap=True)
        v = QVBoxLayout(w)
        v.addLayout(top)
        v.addWidget(self.graphics, 1)
        v.addWidget(key_text)
        return w

    def update_unroll(self) -> None:
        xs = E.preset_sequence(self.preset.currentData(), self.steps.value(), FEATURES, self.data_seed.value())
        self.unrolled = E.unroll(self.cell, xs)
        for key, title, cmap, levels, _rows in MAPS:
            a = np.asarray(self.unrolled[key], np.float64).T  # rows: units, columns: time
            if levels == "auto":
                lo, hi = float(a.min()), float(a.max())
            elif levels is None:
                m = max(float(np.abs(a).max()), 1e-6)
                lo, hi = -m, m
            else:
                lo, hi = levels
            plot, img = self.heatmaps[key]
            img.setImage(images.colorize(a, lo, hi, cmap), autoLevels=False)
            img.setRect(0.5, -0.5, a.shape[1], a.shape[0])  # time 1..T, units 0..U-1 at the centres
            plot.setTitle(f"{tr(title)}  [{lo:.2g}, {hi:.2g}]", color=self._text, size="8pt")
            plot.getAxis("left").setTicks([[(r, str(r)) for r in range(a.shape[0])]])
            plot.setXRange(0.5, a.shape[1] + 0.5, padding=0)
            plot.setYRange(-0.5, a.shape[0] - 0.5, padding=0)

    # -- tab 3: gradient through time -------------------------------------------------------
    def _build_time_tab(self) -> QWidget:
        w = QWidget()
        self.t_slider = QSlider(Qt.Orientation.Horizontal, minimum=10, maximum=100, value=50, singleStep=5,
                                pageStep=10, toolTip=tr("The sequence length T"))
        self.t_slider.setMinimumWidth(160)
        self.t_slider.valueChanged.connect(lambda _v: self.update_time())
        self.t_value = QLabel(minimumWidth=50)
        self.units = QSpinBox(minimum=2, maximum=64, value=16, toolTip=tr("Units of both recurrent layers"))
        self.units.valueChanged.connect(lambda _v: self.update_time())
        self.forget = QDoubleSpinBox(minimum=-2.0, maximum=6.0, value=1.0, singleStep=0.5, decimals=1,
                                     toolTip=tr("The LSTM's forget-gate bias (the engine initialises it to 1): "
                                                "larger keeps f nearer 1, so c and its gradient last longer"))
        self.forget.valueChanged.connect(lambda _v: self.update_time())
        self.time_seed = QSpinBox(minimum=0, maximum=9999, toolTip=tr("Seed of the weights and of the sequence"))
        self.time_seed.valueChanged.connect(lambda _v: self.update_time())
        top = _row(QLabel("T"), self.t_slider, self.t_value, QLabel(tr("units")), self.units,
                   QLabel(tr("LSTM forget bias")), self.forget, QLabel(tr("seed")), self.time_seed)
        self.grad_plot = pg.PlotWidget(axisItems={"left": images.LogAxis("left")})
        pi = self.grad_plot.getPlotItem()
        pi.setMenuEnabled(False)
        pi.setLogMode(y=True)
        pi.setLabel("bottom", tr("time step t"))
        pi.setLabel("left", "‖∂loss/∂x<sub>t</sub>‖")
        self.legend = pi.addLegend(offset=(-10, -10))
        self.curves = {k: pi.plot([], [], name=k, pen=pg.mkPen(c, width=2), symbol="o", symbolSize=4,
                                  symbolBrush=c, symbolPen=None) for k, c in KIND_COLORS.items()}
        self.reading = QLabel(wordWrap=True)
        self.reading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(tr("Input [T, 2] → SimpleRNN or LSTM → Dense(1), MSE loss on one adding-problem sequence, "
                         "engine initialisation; one backward pass through time gives ∂loss/∂x<sub>t</sub> "
                         "for every step."),
                      wordWrap=True)
        v = QVBoxLayout(w)
        v.addLayout(top)
        v.addWidget(self.grad_plot, 1)
        v.addWidget(self.reading)
        v.addWidget(note)
        return w

    def update_time(self) -> None:
        steps = self.t_slider.value()
        self.t_value.setText(str(steps))
        self.through_time = E.compare_through_time(steps, self.units.value(), self.time_seed.value(),
                                                   self.forget.value())
        t = np.arange(1, steps + 1, dtype=np.float64)
        for kind, curve in self.curves.items():
            norms = self.through_time[kind].norms
            curve.setData(t, np.maximum(norms, 1e-300))  # a log axis cannot draw 0
        self.reading.setText("<b>" + tr_text(E.reading(self.through_time)) + "</b> "
                             + tr("Each step back multiplies the RNN's gradient by tanh′(z) and Uᵀ; the LSTM's "
                                  "cell path multiplies it by f."))

    # -- theme, explain ---------------------------------------------------------------------
    def _style(self) -> None:
        pal = self.palette()
        c = theme.colors(pal)
        self._error_color = c.error.name()
        self._dim = c.dim_text.name()
        self._text = images.plot_colors(pal)[1].name()
        images.style_widget(self.history_plot, pal)
        images.style_plot(self.history_plot.getPlotItem(), pal, grid=True)
        self.history_plot.getPlotItem().setTitle(self.history_title, color=self._text, size="9pt")
        self.legend.setLabelTextColor(c.text)
        for _sample, label in self.legend.items:  # pyqtgraph re-colours a label when its text is set
            label.setText(label.text)
        images.style_widget(self.graphics, pal)
        for plot, _img in self.heatmaps.values():
            images.style_plot(plot, pal)
        images.style_widget(self.grad_plot, pal)
        images.style_plot(self.grad_plot.getPlotItem(), pal, grid=True)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) \
                and hasattr(self, "legend"):
            self._style()
            self.update_step()
            self.update_unroll()

    def explain(self, topic: str) -> None:
        self.tabs.setCurrentIndex(2 if topic == "SimpleRNN" else 0)
