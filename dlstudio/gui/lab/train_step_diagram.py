"""The 2-3-2 network of the "One training step" page drawn with the current stage's numbers:
neurons as circles, weights as lines (colour = sign, width = size), a click on a line selects it."""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...engine.lab.train_step import SIZES, StepRecord
from .. import theme
from ..i18n import QT_TR_NOOP, tr

RADIUS = 24.0
LABEL_AT = 0.3     # where along a line its number sits (from the left end)
LINE_LEGEND = {"init": QT_TR_NOOP("lines: the initial weights w"), "forward": QT_TR_NOOP("lines: the weights w"),
               "loss": QT_TR_NOOP("lines: the weights w"), "backward": QT_TR_NOOP("lines: the gradients ∂L/∂w"),
               "update": QT_TR_NOOP("lines: the new weights w′")}   # shown with tr()


def _g(v: float) -> str:
    return f"{v:.3g}"


class NetDiagram(QWidget):
    """Paints a `StepRecord` at one stage; emits the weight name when a line is clicked."""

    weightClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stepDiagram")
        self.setMinimumSize(360, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.record: StepRecord | None = None
        self.stage = "init"
        self.selected: str | None = None

    def set_state(self, record: StepRecord | None, stage: str, selected: str | None) -> None:
        self.record, self.stage, self.selected = record, stage, selected
        self.update()

    # ---- geometry -----------------------------------------------------------------------------
    def _centres(self) -> list[list[QPointF]]:
        w, h = self.width(), self.height()
        top, bottom = 58.0, h - 40.0
        xs = (w * 0.15, w * 0.5, w * 0.8)
        cols = []
        for x, n in zip(xs, SIZES):
            gap = (bottom - top) / n
            cols.append([QPointF(x, top + gap * (k + 0.5)) for k in range(n)])
        return cols

    def lines(self) -> list[tuple[str, QPointF, QPointF]]:
        """Every kernel weight's line: (weight name, left end, right end)."""
        cols = self._centres()
        out = []
        for layer, (a_col, b_col) in (("dense1", (0, 1)), ("dense2", (1, 2))):
            for i, a in enumerate(cols[a_col]):
                for j, b in enumerate(cols[b_col]):
                    out.append((f"{layer}.kernel[{i}, {j}]", QPointF(a.x() + RADIUS, a.y()),
                                QPointF(b.x() - RADIUS, b.y())))
        return out

    def line_at(self, p: QPointF) -> str | None:
        """The weight whose line passes within a few pixels of `p`."""
        best, name = 6.0, None
        for wname, a, b in self.lines():
            d = _distance(p, a, b)
            if d < best:
                best, name = d, wname
        return name

    def mousePressEvent(self, event) -> None:
        name = self.line_at(event.position())
        if name is not None:
            self.weightClicked.emit(name)
        super().mousePressEvent(event)

    # ---- the numbers per stage -----------------------------------------------------------------
    def _line_value(self, name: str) -> float:
        """What a weight's line shows at this stage: the weight, its gradient or its new value."""
        r = self.record.row(name)
        return {"backward": r.grad, "update": r.new}.get(self.stage, r.old)

    def _neuron_texts(self, col: int, k: int) -> tuple[str, str, str]:
        """(above, inside, below) for neuron k of column col."""
        rec, st = self.record, self.stage
        if col == 0:
            return "", _g(rec.x[k]), ""
        dense, act = ("dense1", "act1") if col == 1 else ("dense2", "out" if "out" in rec.values else None)
        bias = rec.row(f"{dense}.bias[{k}]")
        if st == "init":
            return "", "", f"b = {_g(bias.old)}"
        if st in ("forward", "loss"):
            z = rec.values[dense][k]
            y = rec.values[act][k] if act else z
            above = f"z = {_g(z)}" if act else ""
            below = f"t = {_g(rec.target[k])}" if st == "loss" and col == 2 else ""
            return above, _g(y), below
        if st == "backward":
            dz = rec.node_grads.get(dense)
            da = rec.node_grads.get(act) if act else None
            above = f"∂z = {_g(dz[k])}" if dz is not None and da is not None else ""
            inside = da[k] if da is not None else (dz[k] if dz is not None else 0.0)
            return above, _g(inside), f"∂b = {_g(bias.grad)}"
        return "", "", f"b′ = {_g(bias.new)}"

    # ---- painting ------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        pal = self.palette()
        c = theme.colors(pal)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), c.background)
        if self.record is None:
            p.end()
            return
        pos_col, neg_col = theme.accent("Core", pal), theme.accent("Activation", pal)
        sel_col = pal.color(pal.ColorRole.Highlight)
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, self.font().pointSizeF() * 0.85))
        fm = QFontMetricsF(small)
        cols = self._centres()
        lines = self.lines()
        scale = max((abs(self._line_value(n)) for n, _, _ in lines), default=1.0) or 1.0
        labels = []
        for name, a, b in lines:
            w = self._line_value(name)
            pen = QPen(sel_col if name == self.selected else (pos_col if w >= 0 else neg_col))
            pen.setWidthF(4.0 if name == self.selected else 0.8 + 3.0 * abs(w) / scale)
            p.setPen(pen)
            p.drawLine(a, b)
            labels.append((name, a + (b - a) * LABEL_AT))
        p.setFont(small)
        for name, at in labels:       # numbers on top of every line
            text = _g(self._line_value(name))
            box = fm.boundingRect(text).adjusted(-2, -1, 2, 1)
            box.moveCenter(at)
            p.fillRect(box, sel_col if name == self.selected else c.background)
            p.setPen(pal.color(pal.ColorRole.HighlightedText) if name == self.selected else c.text)
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        for col, centres in enumerate(cols):
            for k, ctr in enumerate(centres):
                above, inside, below = self._neuron_texts(col, k)
                p.setPen(QPen(c.node_border, 1.4))
                p.setBrush(theme.node_fill("Input" if col == 0 else "Core", pal))
                p.drawEllipse(ctr, RADIUS, RADIUS)
                p.setPen(c.text)
                p.drawText(QRectF(ctr.x() - RADIUS - 10, ctr.y() - 9, 2 * RADIUS + 20, 18),
                           Qt.AlignmentFlag.AlignCenter, inside)
                p.setPen(c.dim_text)
                if above:
                    p.drawText(QRectF(ctr.x() - 60, ctr.y() - RADIUS - 18, 120, 16),
                               Qt.AlignmentFlag.AlignCenter, above)
                if below:
                    p.drawText(QRectF(ctr.x() - 60, ctr.y() + RADIUS + 2, 120, 16),
                               Qt.AlignmentFlag.AlignCenter, below)
        self._paint_headers(p, cols, c, fm)
        p.end()

    def _paint_headers(self, p: QPainter, cols, c, fm: QFontMetricsF) -> None:
        rec = self.record
        act = rec.types["act1"]
        final = rec.types.get("out")
        heads = [tr("input x"), f"Dense(3) → {act}", "Dense(2)" + (f" → {final}" if final else "")]
        inside = {"forward": ["x", "a = f(z)", "ŷ"], "loss": ["x", "a = f(z)", "ŷ"],
                  "backward": ["x", "∂L/∂a", "∂L/∂z" if rec.fused else "∂L/∂ŷ"]}.get(self.stage)
        p.setPen(c.text)
        w = self.width()
        for k, (centres, text) in enumerate(zip(cols, heads)):
            x = centres[0].x()
            p.drawText(QRectF(x - 90, 4, 180, 16), Qt.AlignmentFlag.AlignCenter, text)
            if inside:
                p.setPen(c.dim_text)
                p.drawText(QRectF(x - 90, 20, 180, 16), Qt.AlignmentFlag.AlignCenter,
                           tr("in circles: {what}").format(what=inside[k]))
                p.setPen(c.text)
        p.setPen(c.dim_text)
        legend = tr(LINE_LEGEND[self.stage]) + "  " + tr("(blue ≥ 0, orange < 0; click a line to pick it)")
        p.drawText(QRectF(6, self.height() - 20, w - 12, 16), Qt.AlignmentFlag.AlignLeft, legend)
        if self.stage in ("loss", "backward", "update"):
            p.setPen(c.text)
            p.drawText(QRectF(w - 150, self.height() - 40, 144, 16), Qt.AlignmentFlag.AlignRight,
                       f"L = {rec.loss:.5g}")


def _distance(p: QPointF, a: QPointF, b: QPointF) -> float:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2))
    return math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy))

