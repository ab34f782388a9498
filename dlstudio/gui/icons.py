"""Toolbar icons drawn with QPainter in the palette's text colour (crisp at any scale, follow the theme)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

SIZE = 32  # drawn on a 32×32 grid, shown at the toolbar's icon size


def _pen(color: QColor, width: float = 2.4) -> QPen:
    return QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)


def _new(p: QPainter, c: QColor) -> None:
    path = QPainterPath(QPointF(8, 4))
    for x, y in ((19, 4), (25, 10), (25, 28), (8, 28)):
        path.lineTo(x, y)
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(19, 4), QPointF(19, 10))
    p.drawLine(QPointF(19, 10), QPointF(25, 10))
    p.drawLine(QPointF(16.5, 15), QPointF(16.5, 23))
    p.drawLine(QPointF(12.5, 19), QPointF(20.5, 19))


def _open(p: QPainter, c: QColor) -> None:
    path = QPainterPath(QPointF(4, 26))
    for x, y in ((4, 7), (12, 7), (15, 10), (25, 10), (25, 14)):
        path.lineTo(x, y)
    p.drawPath(path)
    body = QPainterPath(QPointF(4, 26))
    for x, y in ((9, 14), (29, 14), (24, 26)):
        body.lineTo(x, y)
    body.closeSubpath()
    p.drawPath(body)


def _save(p: QPainter, c: QColor) -> None:
    p.drawLine(QPointF(16, 4), QPointF(16, 19))
    p.drawPolyline([QPointF(10, 13), QPointF(16, 19), QPointF(22, 13)])
    p.drawPolyline([QPointF(5, 19), QPointF(5, 27), QPointF(27, 27), QPointF(27, 19)])


def _arrow(p: QPainter, c: QColor, mirror: bool) -> None:
    if mirror:
        p.translate(SIZE, 0)
        p.scale(-1, 1)
    path = QPainterPath(QPointF(9, 13))
    path.lineTo(20, 13)
    path.cubicTo(QPointF(30, 13), QPointF(30, 26), QPointF(20, 26))
    path.lineTo(12, 26)
    p.drawPath(path)
    p.drawPolyline([QPointF(14, 7), QPointF(8, 13), QPointF(14, 19)])


def _delete(p: QPainter, c: QColor) -> None:
    p.drawLine(QPointF(6, 9), QPointF(26, 9))
    p.drawPolyline([QPointF(12, 9), QPointF(13, 5), QPointF(19, 5), QPointF(20, 9)])
    p.drawPolyline([QPointF(9, 9), QPointF(10.5, 27), QPointF(21.5, 27), QPointF(23, 9)])
    p.drawLine(QPointF(14, 14), QPointF(14, 22))
    p.drawLine(QPointF(18, 14), QPointF(18, 22))


def _fit(p: QPainter, c: QColor) -> None:
    for (x, y), (dx, dy) in (((5, 5), (1, 1)), ((27, 5), (-1, 1)), ((5, 27), (1, -1)), ((27, 27), (-1, -1))):
        p.drawPolyline([QPointF(x, y + 7 * dy), QPointF(x, y), QPointF(x + 7 * dx, y)])
    p.drawRoundedRect(QRectF(11, 11, 10, 10), 2, 2)


def _layout(p: QPainter, c: QColor) -> None:
    for rect in (QRectF(10, 3, 12, 6), QRectF(3, 23, 11, 6), QRectF(18, 23, 11, 6)):
        p.drawRoundedRect(rect, 2, 2)
    p.drawLine(QPointF(16, 9), QPointF(16, 16))
    p.drawPolyline([QPointF(8.5, 23), QPointF(8.5, 16), QPointF(23.5, 16), QPointF(23.5, 23)])


def _train(p: QPainter, c: QColor) -> None:
    path = QPainterPath(QPointF(10, 6))
    path.lineTo(26, 16)
    path.lineTo(10, 26)
    path.closeSubpath()
    p.setBrush(c)
    p.drawPath(path)


def _lab(p: QPainter, c: QColor) -> None:
    """A flask: narrow neck, wide body, a liquid line."""
    path = QPainterPath(QPointF(12, 4))
    for x, y in ((20, 4),):
        path.lineTo(x, y)
    p.drawPath(path)
    body = QPainterPath(QPointF(13.5, 4))
    for x, y in ((13.5, 13), (5, 26), (6.5, 28), (25.5, 28), (27, 26), (18.5, 13), (18.5, 4)):
        body.lineTo(x, y)
    p.drawPath(body)
    p.drawLine(QPointF(9, 20), QPointF(23, 20))


_DRAW = {"new": _new, "open": _open, "save": _save, "undo": lambda p, c: _arrow(p, c, False),
         "redo": lambda p, c: _arrow(p, c, True), "delete": _delete, "fit": _fit, "layout": _layout,
         "train": _train, "lab": _lab}


def icon(name: str, palette: QPalette) -> QIcon:
    """The named icon in the palette's text colour, with a dimmed variant for disabled actions."""
    result = QIcon()
    for mode, group in ((QIcon.Mode.Normal, QPalette.ColorGroup.Active),
                        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled)):
        color = palette.color(group, QPalette.ColorRole.WindowText)
        if mode == QIcon.Mode.Disabled:
            color.setAlphaF(0.35)
        for scale in (1, 2):
            pm = QPixmap(SIZE * scale, SIZE * scale)
            pm.setDevicePixelRatio(scale)
            pm.fill(Qt.GlobalColor.transparent)
            p = QPainter(pm)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(_pen(color))
            _DRAW[name](p, color)
            p.end()
            result.addPixmap(pm, mode)
    return result
