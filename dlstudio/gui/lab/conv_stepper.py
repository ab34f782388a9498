"""Convolution and pooling stepped one output cell at a time, on grids the learner can edit.

Every number comes from `dlstudio.engine.lab.conv_steps`: the output grid is the engine layer's
forward pass, the written-out sum is checked against it, sizes and counts are the catalogue's.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from ...engine.lab import conv_steps as cs
from ..i18n import QT_TR_NOOP, tr, tr_text
from ..theme import colors, mix
from .base import LabPage
from .grid import Grid, bad_tip, clear_layout, html_text, parse_number, resized, titled

PLAY_MS = 700
PADDINGS = ("valid", "same", "explicit")
# the padding modes as the combo box shows them (the data of each item is the mode itself)
PADDING_NAMES = {"valid": QT_TR_NOOP("valid"), "same": QT_TR_NOOP("same"), "explicit": QT_TR_NOOP("explicit")}


class ConvStepperPage(LabPage):
    key = "conv"
    title = QT_TR_NOOP("Convolution and pooling")
    intro = QT_TR_NOOP("A convolution slides a k×k window over the (padded) input: each output cell is "
             "<b>Σ x·w + b</b> over the window and every input channel; one kernel gives one output "
             "channel. Output size: <b>valid</b> ⌊(n − k) / s⌋ + 1, <b>same</b> ⌈n / s⌉, explicit "
             "⌊(n + p<sub>before</sub> + p<sub>after</sub> − k) / s⌋ + 1. Pooling takes each window's "
             "max or mean (padding never counts). Edit any cell; click an output cell to jump to it.")

    def __init__(self, parent=None):
        super().__init__(parent)
        p = cs.PRESETS[0]
        self.setup = p.setup
        self.x, self.kernel, self.bias = p.x.copy(), p.kernel.copy(), p.bias.copy()
        self.bad: dict[tuple, str] = {}            # ("x", c, r, col) / ("k", f, c, i, j) / ("b", f) → text
        self.result: cs.Result | None = None
        self.index = 0
        self.error = ""
        self.pads_shown = ((0, 0), (0, 0))      # the padding drawn around the input grids
        self.timer = QTimer(self)
        self.timer.setInterval(PLAY_MS)
        self.timer.timeout.connect(self._tick)
        self._build()
        self._load_preset(0)

    # ---- layout ----------------------------------------------------------------------------
    def _spin(self, lo: int, hi: int, tip: str) -> QSpinBox:
        s = QSpinBox(minimum=lo, maximum=hi, toolTip=tip)
        s.valueChanged.connect(self._settings_changed)
        return s

    def _build(self) -> None:
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        self.preset = QComboBox(toolTip=tr("Examples from the curriculum"))
        self.preset.addItems([tr(pr.name) for pr in cs.PRESETS])
        self.preset.activated.connect(self._load_preset)
        self.kind = QComboBox(toolTip=tr("The engine layer that computes the output"))
        self.kind.addItems(cs.KINDS)
        self.kind.currentIndexChanged.connect(self._settings_changed)
        self.in_c, self.in_h, self.in_w = (self._spin(1, 3, tr("input channels")),
                                           self._spin(1, 9, tr("input height")),
                                           self._spin(1, 9, tr("input width")))
        self.filters = self._spin(1, 3, tr("number of kernels = output channels"))
        for w in (QLabel(tr("Preset")), self.preset, QLabel(tr("Layer")), self.kind, QLabel(tr("Input C×H×W")),
                  self.in_c, self.in_h, self.in_w, QLabel(tr("Kernels")), self.filters):
            row1.addWidget(w)
        row1.addStretch(1)
        self.kh, self.kw = self._spin(1, 7, tr("window height")), self._spin(1, 7, tr("window width"))
        self.sh, self.sw = self._spin(1, 4, tr("stride down")), self._spin(1, 4, tr("stride across"))
        self.pad_mode = QComboBox(toolTip=tr("valid: none; same: output ⌈n / s⌉; explicit: your numbers"))
        for mode in PADDINGS:
            self.pad_mode.addItem(tr(PADDING_NAMES[mode]), mode)
        self.pad_mode.currentIndexChanged.connect(self._settings_changed)
        self.pads = [self._spin(0, 4, tip) for tip in (tr("padding top"), tr("padding bottom"),
                                                        tr("padding left"), tr("padding right"))]
        for w in (QLabel(tr("Window")), self.kh, self.kw, QLabel(tr("Stride")), self.sh, self.sw,
                  QLabel(tr("Padding")), self.pad_mode, QLabel(tr("[[top, bottom], [left, right]]")), *self.pads):
            row2.addWidget(w)
        row2.addStretch(1)
        body.addLayout(row1)
        body.addLayout(row2)

        grids = QWidget()
        lay = QHBoxLayout(grids)
        lay.setContentsMargins(2, 2, 2, 2)
        self.in_box, self.k_box, self.out_box = (QGroupBox(tr("Input (padding shaded)")),
                                                 QGroupBox(tr("Kernels")), QGroupBox(tr("Output")))
        self.in_lay, self.k_lay, self.out_lay = QHBoxLayout(self.in_box), QGridLayout(self.k_box), QVBoxLayout(self.out_box)
        for b in (self.in_box, self.k_box, self.out_box):
            lay.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
        lay.addStretch(1)
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setWidget(grids)
        body.addWidget(self.scroll, 1)
        self.input_grids: list[Grid] = []
        self.kernel_grids: list[list[Grid]] = []
        self.bias_edits: list[QLineEdit] = []
        self.output_grids: list[Grid] = []

        steps = QHBoxLayout()
        self.first_btn, self.back_btn = QPushButton(tr("First")), QPushButton(tr("◀ Back"))
        self.step_btn, self.play_btn = QPushButton(tr("Step ▶")), QPushButton(tr("Play"), checkable=True)
        self.first_btn.clicked.connect(lambda: self.jump_index(0))
        self.back_btn.clicked.connect(self.back)
        self.step_btn.clicked.connect(self.step)
        self.play_btn.toggled.connect(self._play)
        self.where = QLabel()
        for w in (self.first_btn, self.back_btn, self.step_btn, self.play_btn, self.where):
            steps.addWidget(w)
        steps.addStretch(1)
        self.example_btn = QPushButton(tr("Worked example"), checkable=True,
                                       toolTip=tr("The curriculum's counting example: 32×32×3, Conv2D(100, 3, same)"))
        self.example_btn.toggled.connect(self._toggle_example)
        steps.addWidget(self.example_btn)
        body.addLayout(steps)
        self.sum_label = self._text_label()
        self.sum_label.setMinimumHeight(34)
        font = self.sum_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.sum_label.setFont(font)
        self.formula_label, self.cost_label, self.example_label = (self._text_label(), self._text_label(),
                                                                   self._text_label())
        self.example_label.hide()
        self.error_label = self._text_label()
        self.error_label.setStyleSheet(f"color: {colors(self.palette()).error.name()}")
        for w in (self.sum_label, self.formula_label, self.cost_label, self.example_label, self.error_label):
            body.addWidget(w)

    def _text_label(self) -> QLabel:
        lab = QLabel(wordWrap=True)
        lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return lab

    # ---- settings --------------------------------------------------------------------------
    def _controls(self) -> list[QWidget]:
        return [self.kind, self.in_c, self.in_h, self.in_w, self.filters, self.kh, self.kw, self.sh, self.sw,
                self.pad_mode, *self.pads]

    def _load_preset(self, i: int) -> None:
        p = cs.PRESETS[i]
        self.x = p.x.copy()
        if p.kernel is not None:
            self.kernel, self.bias = p.kernel.copy(), p.bias.copy()
        self.bad.clear()
        self._show_setup(p.setup)
        self._recompute(reset=True)

    def _show_setup(self, s: cs.Setup) -> None:
        """The controls set to s (and to the current arrays), without reacting to themselves."""
        for w in self._controls():
            w.blockSignals(True)
        self.kind.setCurrentText(s.kind)
        c, h, w = self.x.shape
        for spin, v in zip((self.in_c, self.in_h, self.in_w, self.filters, self.kh, self.kw, self.sh, self.sw),
                           (c, h, w, self.kernel.shape[0], *s.kernel_size, *s.strides)):
            spin.setValue(int(v))
        self.pad_mode.setCurrentIndex(self.pad_mode.findData(s.padding if isinstance(s.padding, str) else "explicit"))
        if not isinstance(s.padding, str):
            for spin, v in zip(self.pads, (*s.padding[0], *s.padding[1])):
                spin.setValue(int(v))
        for w in self._controls():
            w.blockSignals(False)
        self.setup = s

    def _settings_changed(self) -> None:
        kind = self.kind.currentText()
        mode = self.pad_mode.currentData()
        pads = [sp.value() for sp in self.pads]
        padding = mode if mode != "explicit" else ((pads[0], pads[1]), (pads[2], pads[3]))
        self.setup = cs.Setup(kind, (self.kh.value(), self.kw.value()), (self.sh.value(), self.sw.value()), padding)
        shape = (self.in_c.value(), self.in_h.value(), self.in_w.value())
        if self.x.shape != shape:
            self.x = resized(self.x, shape, 0)
        kshape = (self.filters.value(), shape[0], *self.setup.kernel_size)
        if self.kernel.shape != kshape:
            self.kernel = resized(self.kernel, kshape, 1)
            self.bias = resized(self.bias, kshape[:1], 2)
        self.bad = {k: t for k, t in self.bad.items() if self._in_range(k)}
        self._recompute(reset=True)

    def _in_range(self, key: tuple) -> bool:
        arr = {"x": self.x, "k": self.kernel, "b": self.bias}[key[0]]
        return all(0 <= i < n for i, n in zip(key[1:], arr.shape))

    # ---- computing -------------------------------------------------------------------------
    def _recompute(self, reset: bool = False) -> None:
        try:
            conv = self.setup.kind == "Conv2D"
            res = cs.run(self.setup, self.x, self.kernel if conv else None, self.bias if conv else None)
        except cs.StepperError as e:
            self.error = tr_text(e.args[0]) if e.args else str(e)
        else:
            self.error = ""
            self.result = res
            if reset or self.index >= len(res.cells):
                self.index = 0
        bad = tr("{n} cell(s) are not numbers (red) — the output uses their last valid value.").format(
            n=len(self.bad)) if self.bad else ""
        self.error_label.setText("\n".join(t for t in (self.error, bad) if t))
        self.error_label.setVisible(bool(self.error or self.bad))
        self._rebuild()
        self._render()

    def _rebuild(self) -> None:
        """As many grids as channels, kernels and outputs."""
        c, k = self.x.shape[0], self.result.output.shape[0] if self.result else 1
        conv = self.setup.kind == "Conv2D"
        if len(self.input_grids) != c:
            clear_layout(self.in_lay)
            self.input_grids = []
            for ch in range(c):
                g = Grid(True)
                g.sigEdited.connect(lambda r, col, t, ch=ch: self._edit_x(ch, r, col, t))
                self.input_grids.append(g)
                self.in_lay.addWidget(titled(tr("channel {n}").format(n=ch), g), 0, Qt.AlignmentFlag.AlignTop)
        f = self.kernel.shape[0]
        if len(self.kernel_grids) != f or (self.kernel_grids and len(self.kernel_grids[0]) != c):
            clear_layout(self.k_lay)
            self.kernel_grids, self.bias_edits = [], []
            for fi in range(f):
                self.k_lay.addWidget(QLabel(tr("kernel {n}").format(n=fi)), 0, fi + 1)
                col = []
                for ch in range(c):
                    g = Grid(True)
                    g.sigEdited.connect(lambda i, j, t, fi=fi, ch=ch: self._edit_k(fi, ch, i, j, t))
                    col.append(g)
                    self.k_lay.addWidget(g, 1 + ch, fi + 1, Qt.AlignmentFlag.AlignTop)
                e = QLineEdit(maximumWidth=70, toolTip=tr("bias of kernel {n}").format(n=fi))
                e.textEdited.connect(lambda t, fi=fi: self._edit_b(fi, t))
                self.bias_edits.append(e)
                self.k_lay.addWidget(titled(tr("bias"), e), 1 + c, fi + 1)
                self.kernel_grids.append(col)
            for ch in range(c):
                self.k_lay.addWidget(QLabel(tr("ch {n}").format(n=ch)), 1 + ch, 0)
        self.k_box.setVisible(conv)
        self.filters.setEnabled(conv)
        if len(self.output_grids) != k:
            clear_layout(self.out_lay)
            self.output_grids = []
            for ki in range(k):
                g = Grid(False)
                g.cellClicked.connect(lambda r, col, ki=ki: self.jump(ki, r, col))
                self.output_grids.append(g)
                self.out_lay.addWidget(titled(tr("channel {n}").format(n=ki), g))
        self.out_box.setTitle(tr("Output (stacked)") if k > 1 else tr("Output"))
        for sp in self.pads:
            sp.setEnabled(self.pad_mode.currentData() == "explicit")

    def _colors(self) -> dict[str, QColor]:
        pal = self.palette()
        base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
        hi = pal.color(QPalette.ColorRole.Highlight)
        pad = mix(base, text, 0.13)
        return {"base": base, "pad": pad, "hi": mix(base, hi, 0.45), "hipad": mix(pad, hi, 0.4),
                "bad": mix(base, colors(pal).error, 0.45)}

    def _view(self) -> tuple[tuple[tuple[int, int], tuple[int, int]], tuple | None]:
        """The padding drawn around the input and the current cell; no window while settings are bad."""
        if self.error:
            return ((0, 0), (0, 0)), None
        return self.result.pads, self.result.cells[self.index]

    def _render(self) -> None:
        if self.result is None:
            return
        self.pads_shown, cur = self._view()
        self._render_inputs(cur)
        self._render_kernels(cur)
        self._render_outputs(cur)
        if self.pad_mode.currentData() != "explicit" and not self.error:   # what valid / same resolve to
            for sp, v in zip(self.pads, (*self.result.pads[0], *self.result.pads[1])):
                sp.blockSignals(True)
                sp.setValue(v)
                sp.blockSignals(False)
        self._write_text(cur)
        self._fit()

    def _render_inputs(self, cur: tuple | None) -> None:
        col = self._colors()
        (pt, pb), (pl, pr) = self.pads_shown
        c, h, w = self.x.shape
        real = np.zeros((h + pt + pb, w + pl + pr), bool)
        real[pt:pt + h, pl:pl + w] = True
        win = set()
        if cur is not None:
            top, left, kh, kw = self.result.window(cur[1], cur[2])
            win = {(top + i, left + j) for i in range(kh) for j in range(kw)}
        conv = self.setup.kind == "Conv2D"
        for ch, g in enumerate(self.input_grids):
            lit = win if cur is not None and (conv or ch == cur[0]) else set()
            texts, fills, tips = [], [], {}
            for r in range(real.shape[0]):
                texts.append([])
                fills.append([])
                for cc in range(real.shape[1]):
                    key = ("x", ch, r - pt, cc - pl)
                    if not real[r, cc]:
                        texts[-1].append("0")
                        fills[-1].append(col["hipad"] if (r, cc) in lit else col["pad"])
                        tips[(r, cc)] = tr("zero padding")
                    elif key in self.bad:
                        texts[-1].append(self.bad[key])
                        fills[-1].append(col["bad"])
                        tips[(r, cc)] = bad_tip()
                    else:
                        texts[-1].append(cs.fmt(self.x[key[1:]]))
                        fills[-1].append(col["hi"] if (r, cc) in lit else col["base"])
            g.highlighted = lit
            g.show_cells(texts, fills, real, tips)

    def _render_kernels(self, cur: tuple | None) -> None:
        col = self._colors()
        for fi, grids in enumerate(self.kernel_grids):
            lit = cur is not None and fi == cur[0]
            for ch, g in enumerate(grids):
                texts, fills, tips = [], [], {}
                for i in range(self.kernel.shape[2]):
                    texts.append([])
                    fills.append([])
                    for j in range(self.kernel.shape[3]):
                        key = ("k", fi, ch, i, j)
                        texts[-1].append(self.bad.get(key, cs.fmt(self.kernel[key[1:]])))
                        fills[-1].append(col["bad"] if key in self.bad else col["hi"] if lit else col["base"])
                        if key in self.bad:
                            tips[(i, j)] = bad_tip()
                g.highlighted = {(i, j) for i in range(self.kernel.shape[2])
                                 for j in range(self.kernel.shape[3])} if lit else set()
                g.show_cells(texts, fills, None, tips)
            e = self.bias_edits[fi]
            if ("b", fi) not in self.bad and not e.hasFocus():
                e.setText(cs.fmt(self.bias[fi]))
            e.setStyleSheet(f"background: {col['bad'].name()}" if ("b", fi) in self.bad else "")
            e.setToolTip(bad_tip() if ("b", fi) in self.bad
                         else tr("bias of kernel {n}").format(n=fi))

    def _render_outputs(self, cur: tuple | None) -> None:
        """The engine's output; cells not reached yet (and all of a stale output) drawn dim."""
        col = self._colors()
        res = self.result
        k, oh, ow = res.output.shape
        done = np.arange(k * oh * ow).reshape(k, oh, ow) <= (self.index if cur is not None else -1)
        for ki, g in enumerate(self.output_grids):
            texts = [[cs.fmt(v) for v in row] for row in res.output[ki]]
            fills = [[col["hi"] if (ki, r, c) == cur else col["base"] for c in range(ow)] for r in range(oh)]
            g.highlighted = {cur[1:]} if cur is not None and ki == cur[0] else set()
            g.show_cells(texts, fills, None, {}, dim=~done[ki])

    def _write_text(self, cur: tuple | None) -> None:
        res = self.result
        if cur is None:
            self.where.setText("")
            self.sum_label.setText(tr("Fix the settings (see below) to step again; the output shown is the "
                                      "last valid one."))
            self.formula_label.setText(tr("<b>Output size:</b> —"))
            self.cost_label.setText(tr("<b>Parameters and FLOPs:</b> —"))
            return
        f, r, c = cur
        e = cs.explain(res, f, r, c)
        self.where.setText(tr("output cell channel {channel}, row {row}, column {column}   ({index} of {count})")
                           .format(channel=f, row=r, column=c, index=self.index + 1, count=len(res.cells)))
        name = {"Conv2D": tr("out"), "MaxPool2D": "max", "AvgPool2D": tr("mean")}[res.setup.kind]
        self.sum_label.setText(f"<b>{name}[{f}][{r}, {c}]</b> = {html_text(tr_text(e.text()))}")
        pad = res.setup.padding
        pad = tr(PADDING_NAMES[pad]) if isinstance(pad, str) else \
            tr("explicit {pads}").format(pads=[list(v) for v in pad])
        self.formula_label.setText(tr("<b>Output size</b> ({padding}):").format(padding=html_text(pad))
                                   + "&nbsp;&nbsp;" + html_text("      ".join(map(tr_text, cs.size_formula(res)))))
        self.cost_label.setText(tr("<b>Parameters and FLOPs:</b>") + "&nbsp;&nbsp;"
                                + html_text(tr_text(cs.cost_formula(res))))

    def _fit(self) -> None:
        """Cells as large as the space allows (22–44 px), so small windows still show everything."""
        (pt, pb), (pl, pr) = self.pads_shown
        c, h, w = self.x.shape
        f, _, kh, kw = self.kernel.shape
        k, oh, ow = self.result.output.shape
        conv = self.k_box.isVisible()
        cols = c * (w + pl + pr) + ow + (f * kw if conv else 0)
        rows = max(h + pt + pb, k * oh + 1, c * kh + 2 if conv else 0)
        spare = self.scroll.viewport().width() - 60 - 30 * (c + (f if conv else 0) + 1)
        tall = (self.scroll.viewport().height() - 60 - 30 * k) / max(rows, 1)
        cell = int(max(22, min(44, spare / max(cols, 1), tall)))
        for g in [*self.input_grids, *(g for gs in self.kernel_grids for g in gs), *self.output_grids]:
            g.set_cell_size(cell)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.result is not None:
            self._fit()

    # ---- edits -----------------------------------------------------------------------------
    def _store(self, key: tuple, arr: np.ndarray, idx: tuple, text: str) -> None:
        v = parse_number(text)
        if v is None:
            self.bad[key] = text
        else:
            self.bad.pop(key, None)
            arr[idx] = v
        self._recompute()

    def _edit_x(self, ch: int, r: int, c: int, text: str) -> None:
        (pt, _), (pl, _) = self.pads_shown
        r, c = r - pt, c - pl
        if 0 <= r < self.x.shape[1] and 0 <= c < self.x.shape[2]:
            self._store(("x", ch, r, c), self.x, (ch, r, c), text)

    def _edit_k(self, f: int, ch: int, i: int, j: int, text: str) -> None:
        self._store(("k", f, ch, i, j), self.kernel, (f, ch, i, j), text)

    def _edit_b(self, f: int, text: str) -> None:
        self._store(("b", f), self.bias, (f,), text)

    # ---- stepping --------------------------------------------------------------------------
    @property
    def current(self) -> tuple[int, int, int]:
        """The output cell (channel, row, column) being explained."""
        return self.result.cells[self.index]

    def jump_index(self, i: int) -> None:
        if self.error:
            return
        self.index = max(0, min(i, len(self.result.cells) - 1))
        self._render()

    def jump(self, channel: int, row: int, col: int) -> None:
        self.jump_index(self.result.cells.index((channel, row, col)))

    def step(self) -> None:
        self.jump_index(self.index + 1)

    def back(self) -> None:
        self.jump_index(self.index - 1)

    def _tick(self) -> None:
        if self.error or self.index + 1 >= len(self.result.cells):
            self.play_btn.setChecked(False)
        else:
            self.step()

    def _play(self, on: bool) -> None:
        self.play_btn.setText(tr("Pause") if on else tr("Play"))
        if on:
            if self.index + 1 >= len(self.result.cells):
                self.jump_index(0)
            self.timer.start()
        else:
            self.timer.stop()

    def _toggle_example(self, on: bool) -> None:
        self.example_label.setText(tr("<b>Worked example:</b> {text}").format(
            text=html_text(tr_text(cs.worked_example().text()))))
        self.example_label.setVisible(on)

    # ---- hooks -----------------------------------------------------------------------------
    def deactivate(self) -> None:
        self.play_btn.setChecked(False)

    def explain(self, topic: str) -> None:
        """Conv2D → the 5×5 example; MaxPool2D / AvgPool2D → their pooling example."""
        names = [p.setup.kind for p in cs.PRESETS]
        if topic in names:
            i = names.index(topic)
            self.preset.setCurrentIndex(i)
            self._load_preset(i)
