"""A connection point on a node: inputs along the top edge, the output at the bottom.

Pressing a port starts a connection; the scene draws the rubber line and, on release over
another port (or node), asks the editor to connect.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from .. import theme
from ..i18n import tr

RADIUS = 4.0
_ANTIALIAS = QPainter.RenderHint.Antialiasing
_BOUNDS = QRectF(-RADIUS - 4, -RADIUS - 4, 2 * RADIUS + 8, 2 * RADIUS + 8)


class PortItem(QGraphicsItem):
    def __init__(self, node_item, kind: str, index: int = 0, free: bool = False):
        super().__init__(node_item)
        self.node_item, self.kind, self.index, self.free = node_item, kind, index, free
        self.connected = False
        self._hover = False
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setZValue(2)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        if free:
            self.setToolTip(tr("Drop a connection here to add an input"))
        elif kind == "in":
            self.setToolTip(tr("Input {k}: drag from here to a layer's output to connect").format(k=index + 1))
        else:
            self.setToolTip(tr("Output: drag from here to another layer's input to connect"))

    @property
    def node_id(self) -> str:
        return self.node_item.node_id

    def boundingRect(self) -> QRectF:
        return _BOUNDS

    def paint(self, painter, option, widget=None):
        c = theme.colors(self.scene().palette()) if self.scene() else None
        if c is None:
            return
        # open inputs stand out; used ones shrink to a dot on the wire
        r = (RADIUS if (self.free or not self.connected) else RADIUS - 1.0) + (2.0 if self._hover else 0.0)
        painter.setRenderHint(_ANTIALIAS)
        painter.setPen(QPen(c.selection if self._hover else c.port, 1.6))
        painter.setBrush(c.port if self.connected else c.node)
        painter.drawEllipse(QPointF(0, 0), r, r)
        if self.free:
            painter.setPen(QPen(c.port, 1.2))
            painter.drawLine(QPointF(-2.5, 0), QPointF(2.5, 0))
            painter.drawLine(QPointF(0, -2.5), QPointF(0, 2.5))

    def hoverEnterEvent(self, event):
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event):
        self._hover = False
        self.update()

    def mousePressEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton and self.scene() is not None:
            self.scene().begin_link(self, event.scenePos())
            event.accept()
        else:
            event.ignore()

    def mouseMoveEvent(self, event):
        self.scene().drag_link(event.scenePos())

    def mouseReleaseEvent(self, event):
        self.scene().end_link(event.scenePos())

