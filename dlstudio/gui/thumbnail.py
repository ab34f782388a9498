"""A small picture of a network (for the preset gallery): blocks in their group colour, wired."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPainterPath, QPalette, QPen, QPixmap

from dlstudio.spec import Network, all_types

from . import theme
from dlstudio.spec.layout import layered_positions

BLOCK_W, BLOCK_H, GAP = 60.0, 16.0, 30.0


def render_thumbnail(net: Network, width: int, height: int, palette: QPalette, dpr: float = 1.0) -> QPixmap:
    c = theme.colors(palette)
    pm = QPixmap(int(width * dpr), int(height * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(c.background)
    ids = [n.id for n in net.nodes]
    if not ids:
        return pm
    pos = layered_positions(ids, net.edges, row=BLOCK_H + GAP, column=BLOCK_W + GAP)
    left = min(x for x, _ in pos.values())
    top = min(y for _, y in pos.values())
    right = max(x for x, _ in pos.values()) + BLOCK_W
    bottom = max(y for _, y in pos.values()) + BLOCK_H
    margin = 8.0
    scale = min((width - 2 * margin) / max(right - left, 1.0), (height - 2 * margin) / max(bottom - top, 1.0), 1.2)
    ox = (width - (right - left) * scale) / 2 - left * scale
    oy = (height - (bottom - top) * scale) / 2 - top * scale

    def rect(node_id: str) -> QRectF:
        x, y = pos[node_id]
        return QRectF(ox + x * scale, oy + y * scale, BLOCK_W * scale, BLOCK_H * scale)

    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(c.edge, max(1.0, 1.4 * scale)))
    for s, d in net.edges:
        a, b = rect(s), rect(d)
        start, end = QPointF(a.center().x(), a.bottom()), QPointF(b.center().x(), b.top())
        bend = max(6.0, (end.y() - start.y()) * 0.5)
        path = QPainterPath(start)
        path.cubicTo(QPointF(start.x(), start.y() + bend), QPointF(end.x(), end.y() - bend), end)
        p.drawPath(path)
    types = all_types()
    radius = 4.0 * scale
    for n in net.nodes:
        lt = types.get(n.type)
        col = theme.accent(lt.group if lt else "Core", palette)
        r = rect(n.id)
        p.setPen(QPen(col.darker(115), 1.0))
        p.setBrush(col)
        p.drawRoundedRect(r, radius, radius)
    p.end()
    return pm

