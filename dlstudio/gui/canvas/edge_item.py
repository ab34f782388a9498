"""A connection: a curve from a node's output (bottom) to an input port of another (top)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from .. import theme
from ..i18n import tr
from .port_item import RADIUS

ARROW = 7.0
_ANTIALIAS = QPainter.RenderHint.Antialiasing
_SOLID, _ROUND = Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap
_NO_BRUSH, _NO_PEN = Qt.BrushStyle.NoBrush, Qt.PenStyle.NoPen


def curve(p1: QPointF, p2: QPointF) -> QPainterPath:
    """Leaves p1 downwards and enters p2 from above, whatever their relative position."""
    dy = p2.y() - p1.y()
    bend = max(40.0, abs(dy) * 0.5) if dy > 0 else 90.0 + abs(dy) * 0.15
    path = QPainterPath(p1)
    path.cubicTo(QPointF(p1.x(), p1.y() + bend), QPointF(p2.x(), p2.y() - bend), p2)
    return path


def routed(p1: QPointF, p2: QPointF, lane_x: float) -> QPainterPath:
    """Down from p1, over to a vertical lane at lane_x, down the lane, then into p2 from above:
    for connections that would otherwise run through the blocks between their ends."""
    bend = min(40.0, (p2.y() - p1.y()) / 3)
    a, b = QPointF(lane_x, p1.y() + bend), QPointF(lane_x, p2.y() - bend)
    path = QPainterPath(p1)
    path.cubicTo(QPointF(p1.x(), p1.y() + bend * 0.7), QPointF(lane_x, p1.y() + bend * 0.3), a)
    path.lineTo(b)
    path.cubicTo(QPointF(lane_x, p2.y() - bend * 0.3), QPointF(p2.x(), p2.y() - bend * 0.7), p2)
    return path


class EdgeItem(QGraphicsItem):
    def __init__(self, src: str, dst: str):
        super().__init__()
        self.src, self.dst = src, dst
        self._path = QPainterPath()
        self._bounds = QRectF()
        self._end = QPointF()
        self._hover = False
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(0)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setToolTip(f"{src} → {dst}\n" + tr("Click to select, Delete to remove"))

    def set_ends(self, p1: QPointF, p2: QPointF, lane_x: float | None = None) -> None:
        """Run from output port p1 to input port p2 (through a lane at lane_x if given)."""
        self.prepareGeometryChange()
        self._end = QPointF(p2.x(), p2.y() - RADIUS - 1)
        start = QPointF(p1.x(), p1.y() + RADIUS)
        self._path = curve(start, self._end) if lane_x is None else routed(start, self._end, lane_x)
        self._bounds = self._path.boundingRect().adjusted(-ARROW - 4, -ARROW - 4, ARROW + 4, ARROW + 4)

    def path(self) -> QPainterPath:
        return self._path

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        return stroker.createStroke(self._path)

    def hoverEnterEvent(self, event):
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event):
        self._hover = False
        self.update()

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.setZValue(0.5 if value else 0)
        return super().itemChange(change, value)

    def paint(self, painter, option, widget=None):
        if self.scene() is None:
            return
        c = theme.colors(self.scene().palette())
        color = c.selection if self.isSelected() else c.edge
        width = 2.6 if (self.isSelected() or self._hover) else 1.7
        painter.setRenderHint(_ANTIALIAS)
        painter.setPen(QPen(color, width, _SOLID, _ROUND))
        painter.setBrush(_NO_BRUSH)
        painter.drawPath(self._path)
        tip = self._end
        painter.setPen(_NO_PEN)
        painter.setBrush(color)
        painter.drawPolygon(QPolygonF([tip, QPointF(tip.x() - ARROW * 0.6, tip.y() - ARROW),
                                       QPointF(tip.x() + ARROW * 0.6, tip.y() - ARROW)]))
