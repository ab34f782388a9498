"""A layer block on the canvas: type, id, key settings and output shape (or the problem).

The item only displays what the scene tells it (`set_info`) and reports moves back to the
scene; it never edits the document itself. Colours come from the palette at paint time.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from dlstudio.spec.layout import BLOCK_HEIGHTS, BLOCK_WIDTH

from .. import theme
from ..i18n import tr
from .port_item import PortItem

WIDTH = BLOCK_WIDTH
ROW = 17.0         # one text row
RADIUS = 6.0
GRID = 10.0


def block_height(detailed: bool) -> float:
    """Two rows (title + shape, settings + parameters) or one (title + shape) for plain layers;
    multiples of the grid, so laid-out rows stay on it."""
    return BLOCK_HEIGHTS[1] if detailed else BLOCK_HEIGHTS[0]


def _pad(height: float, rows: int) -> float:
    return (height - rows * ROW) / 2


_BARS: dict[float, QPainterPath] = {}


def _accent_bar(height: float) -> QPainterPath:
    """The coloured strip down a block's left edge (rounded like the block), made once per height."""
    if height not in _BARS:
        bar = QPainterPath()
        bar.addRoundedRect(QRectF(0, 0, 2 * RADIUS, height), RADIUS, RADIUS)
        keep = QPainterPath()
        keep.addRect(QRectF(0, 0, 5, height))
        _BARS[height] = bar.intersected(keep)
    return _BARS[height]


def _font(px: int, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(px)
    f.setBold(bold)
    return f


_LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
_RIGHT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
_ELIDE_RIGHT, _ELIDE_MIDDLE = Qt.TextElideMode.ElideRight, Qt.TextElideMode.ElideMiddle
_NO_PEN, _NO_BRUSH = Qt.PenStyle.NoPen, Qt.BrushStyle.NoBrush
_HINTS = QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing


class NodeItem(QGraphicsItem):
    TITLE_FONT = TEXT_FONT = SMALL_FONT = None   # made with the first block (fonts need the app)
    TITLE_FM = TEXT_FM = SMALL_FM = None

    @classmethod
    def _make_fonts(cls) -> None:
        cls.TITLE_FONT, cls.TEXT_FONT, cls.SMALL_FONT = _font(14, True), _font(13), _font(12)
        cls.ID_FONT = _font(11)
        cls.ID_FM = QFontMetricsF(cls.ID_FONT)
        cls.TITLE_FM, cls.TEXT_FM, cls.SMALL_FM = (QFontMetricsF(f) for f in
                                                   (cls.TITLE_FONT, cls.TEXT_FONT, cls.SMALL_FONT))

    def __init__(self, node_id: str, type_name: str, group: str, multi_input: bool, takes_input: bool,
                 detailed: bool):
        super().__init__()
        if NodeItem.TITLE_FONT is None:
            NodeItem._make_fonts()
        self.node_id, self.type_name, self.group = node_id, type_name, group
        self.multi_input, self.takes_input, self.detailed = multi_input, takes_input, detailed
        self.settings_text, self.shape_text, self.params_text = "", "", ""
        self.problem: str | None = None
        self.help = ""
        self.height = block_height(detailed)
        self._bounds = QRectF(-3, -3, WIDTH + 6, self.height + 8)
        flags = QGraphicsItem.GraphicsItemFlag
        self.setFlags(flags.ItemIsSelectable | flags.ItemIsMovable | flags.ItemSendsGeometryChanges)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        # painted once per zoom level and change, not on every repaint of the view
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.in_ports: list[PortItem] = []
        self.out_port = PortItem(self, "out")
        self.out_port.setPos(WIDTH / 2, self.height)
        self._moving_silently = False
        self.set_input_count(0)

    # ---- what the scene tells the item --------------------------------------------------------
    def set_info(self, settings: str, shape: str, params: str, problem: str | None, help: str) -> None:
        new = (settings, shape, params, problem, help)
        if new == (self.settings_text, self.shape_text, self.params_text, self.problem, self.help):
            return
        self.settings_text, self.shape_text, self.params_text, self.problem, self.help = new
        tip = f"<b>{self.type_name}</b> · {self.node_id}<br>{help}"
        if problem:
            tip += "<br><br><span style='color:#d32f2f'>" + tr("<b>Problem:</b> {problem}").format(problem=problem) \
                + "</span>"
        self.setToolTip(tip)
        self.update()

    def set_input_count(self, connected: int) -> None:
        """Show one port per connected input, plus a free one where another input may go."""
        if not self.takes_input:
            wanted = 0
        elif self.multi_input:
            wanted = connected + 1
        else:
            wanted = 1
        while len(self.in_ports) > wanted:
            port = self.in_ports.pop()
            port.setParentItem(None)
            if port.scene() is not None:
                port.scene().removeItem(port)
        while len(self.in_ports) < wanted:
            self.in_ports.append(PortItem(self, "in", len(self.in_ports)))
        for k, port in enumerate(self.in_ports):
            port.free = self.multi_input and k == wanted - 1
            port.connected = k < connected
            port.setPos(WIDTH * (k + 1) / (wanted + 1), 0.0)
            port.setToolTip(tr("Drop a connection here to add an input") if port.free else
                            tr("Input {k}: drag to a layer's output to connect").format(k=k + 1))
            port.update()
        self.out_port.connected = False
        self.update()

    def rename(self, node_id: str) -> None:
        self.node_id = node_id
        self.update()

    # ---- geometry -----------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, WIDTH, self.height), RADIUS, RADIUS)
        return path

    def input_anchor(self, index: int) -> QPointF:
        ports = self.in_ports
        if not ports:
            return self.mapToScene(QPointF(WIDTH / 2, 0))
        port = ports[min(index, len(ports) - 1)]
        return self.mapToScene(port.pos())

    def output_anchor(self) -> QPointF:
        return self.mapToScene(self.out_port.pos())

    def set_pos_silently(self, pos: QPointF) -> None:
        """Move without reporting back (the move came from the document)."""
        self._moving_silently = True
        try:
            self.setPos(pos)
        finally:
            self._moving_silently = False

    def itemChange(self, change, value):
        kind = QGraphicsItem.GraphicsItemChange
        if change == kind.ItemPositionChange and not self._moving_silently:
            return QPointF(round(value.x() / GRID) * GRID, round(value.y() / GRID) * GRID)
        if change == kind.ItemPositionHasChanged and self.scene() is not None:
            self.scene().node_item_moved(self)
        if change == kind.ItemSelectedHasChanged:
            self.setZValue(3 if value else 1)
        return super().itemChange(change, value)

    # ---- painting -----------------------------------------------------------------------------
    def paint(self, painter, option, widget=None):
        scene = self.scene()
        if scene is None:
            return
        pal = scene.palette()
        c = theme.colors(pal)
        accent = theme.accent(self.group, pal)
        rect = QRectF(0, 0, WIDTH, self.height)
        painter.setRenderHints(_HINTS)
        painter.setPen(_NO_PEN)
        painter.setBrush(QColor(0, 0, 0, 60 if theme.is_dark(pal) else 28))
        painter.drawRoundedRect(rect.translated(0, 1.5), RADIUS, RADIUS)
        painter.setBrush(theme.node_fill(self.group, pal))
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        painter.setBrush(accent)
        painter.drawPath(_accent_bar(self.height))

        selected = self.isSelected()
        if self.problem:
            pen = QPen(c.error, 2.0)
        elif selected:
            pen = QPen(c.selection, 2.2)
        else:
            pen = QPen(theme.mix(c.node_border, accent, 0.35), 1.0)
        painter.setPen(pen)
        painter.setBrush(_NO_BRUSH)
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        if selected and self.problem:
            painter.setPen(QPen(c.selection, 1.5, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), RADIUS + 2, RADIUS + 2)
        self._paint_text(painter, c)

    def _paint_text(self, painter, c) -> None:
        left, right = 13.0, WIDTH - 9.0
        pad = _pad(self.height, 2 if self.detailed else 1)
        top = QRectF(left, pad, right - left, ROW)
        fm = self.TEXT_FM
        # right side of the first row: the output shape, or the problem on one-row blocks
        if self.problem and not self.detailed:
            right_text, right_color, right_w = "⚠ " + self.problem, c.error, top.width() * 0.55
        else:
            right_text = "?" if self.problem else self.shape_text
            right_color, right_w = c.text, fm.horizontalAdvance(self.shape_text) + 2
        right_text = fm.elidedText(right_text, _ELIDE_RIGHT, right_w)
        right_w = fm.horizontalAdvance(right_text)
        painter.setFont(self.TEXT_FONT)
        painter.setPen(right_color)
        painter.drawText(top, _RIGHT, right_text)

        title_fm = self.TITLE_FM
        room = top.width() - right_w - 10
        title = title_fm.elidedText(self.type_name, _ELIDE_RIGHT, room)
        painter.setFont(self.TITLE_FONT)
        painter.setPen(c.text)
        painter.drawText(top, _LEFT, title)
        id_left = left + title_fm.horizontalAdvance(title) + 7
        id_room = top.width() - right_w - 10 - (id_left - left)
        if id_room > 12:
            small = self.ID_FM
            painter.setFont(self.ID_FONT)
            painter.setPen(c.dim_text)
            node_id = small.elidedText(self.node_id, _ELIDE_MIDDLE, id_room)
            painter.drawText(QRectF(id_left, pad, id_room, ROW), _LEFT, node_id)
        if not self.detailed:
            return

        row = QRectF(left, pad + ROW, right - left, ROW)
        painter.setFont(self.SMALL_FONT)
        small = self.SMALL_FM
        if self.problem:
            painter.setPen(c.error)
            painter.drawText(row, _LEFT,
                             small.elidedText("⚠ " + self.problem, _ELIDE_RIGHT, row.width()))
            return
        painter.setPen(c.dim_text)
        params_w = small.horizontalAdvance(self.params_text)
        painter.drawText(row, _RIGHT, self.params_text)
        settings = small.elidedText(self.settings_text, _ELIDE_RIGHT, row.width() - params_w - 8)
        painter.drawText(row, _LEFT, settings)
