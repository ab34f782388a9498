"""A network as a compact diagram for slides and papers: PNG (2×), SVG, PDF.

Blocks carry the layer type, node id, key settings, output shape and parameter count; the
layout is `dlstudio.spec.layout` (layered, top to bottom) with tighter spacing; the colours
are fixed (white background) so the picture does not depend on the app's theme.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QImage, QPageSize, QPainter, QPainterPath,
                           QPdfWriter, QPen)

from dlstudio.spec import Network, all_types, analyze
from dlstudio.spec.layout import layered_positions

from . import format as fmt
from .i18n import tr
from .theme import GROUP_HUES, mix

W, ROW_H, PAD, GAP_X, GAP_Y, MARGIN, TITLE_H = 220.0, 16.0, 5.0, 24.0, 22.0, 16.0, 26.0
FORMATS = (".png", ".svg", ".pdf")


class DiagramError(ValueError):
    pass


def _font(px: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(int(px))
    f.setBold(bold)
    return f


def layout(net: Network) -> dict:
    """{'blocks': {id: (QRectF, title, id, settings, shape, params, group)}, 'edges', 'size', 'title'}"""
    a = analyze(net)
    types = all_types()
    info = {}
    for n in net.nodes:
        lt = types.get(n.type)
        params = a.params.get(n.id) or {**(lt.schema.defaults() if lt else {}), **n.params}
        cost = a.costs.get(n.id)
        settings = fmt.settings(lt.summary_keys if lt else (), params) if lt and lt.max_inputs != 0 else ""
        count = tr("{n} params").format(n=f"{cost.params:,}") if cost and cost.params else ""
        two = bool(settings or count)
        info[n.id] = (n.type, settings, fmt.shape(a.shapes.get(n.id)), count,
                      lt.group if lt else "Core", 2 * PAD + ROW_H * (2 if two else 1))
    ids = [n.id for n in net.nodes]
    pos = layered_positions(ids, list(net.edges), row=1.0, column=W + GAP_X)
    levels = sorted({round(y) for _, y in pos.values()})
    level_h = {lv: max(info[i][5] for i in ids if round(pos[i][1]) == lv) for lv in levels}
    top, y_of = MARGIN + TITLE_H, {}
    for lv in levels:
        y_of[lv] = top
        top += level_h[lv] + GAP_Y
    left = min((x for x, _ in pos.values()), default=0.0)
    blocks = {}
    for i in ids:
        t, s, shp, c, g, h = info[i]
        x, y = pos[i]
        blocks[i] = (QRectF(MARGIN + x - left, y_of[round(y)], W, h), t, i, s, shp, c, g)
    right = max((r.right() for r, *_ in blocks.values()), default=W + MARGIN)
    total = a.total.params
    title = tr("{name} · {n} parameters").format(name=net.name, n=f"{total:,}")
    return {"blocks": blocks, "edges": list(net.edges), "title": title,
            "size": (max(right + MARGIN, 320.0), top - GAP_Y + MARGIN if ids else 100.0)}


def _edge_path(d: dict, src: str, dst: str) -> QPainterPath:
    blocks = d["blocks"]
    a, b = blocks[src][0], blocks[dst][0]
    ins = [s for s, t in d["edges"] if t == dst]
    k = ins.index(src)
    p1 = QPointF(a.center().x(), a.bottom())
    p2 = QPointF(b.left() + W * (k + 1) / (len(ins) + 1), b.top())
    path = QPainterPath(p1)
    between = [r for r, *_ in blocks.values() if r is not a and r is not b and r.top() > p1.y()
               and r.bottom() < p2.y() and r.right() > min(p1.x(), p2.x()) - 4 and r.left() < max(p1.x(), p2.x()) + 4]
    if not between:
        bend = max(8.0, (p2.y() - p1.y()) * 0.5)
        path.cubicTo(QPointF(p1.x(), p1.y() + bend), QPointF(p2.x(), p2.y() - bend), p2)
        return path
    rights, lefts = max(r.right() for r in between) + 12, min(r.left() for r in between) - 12
    mid = (p1.x() + p2.x()) / 2
    lane = rights if abs(rights - mid) <= abs(mid - lefts) else lefts
    bend = GAP_Y * 0.5
    path.cubicTo(QPointF(p1.x(), p1.y() + bend), QPointF(lane, p1.y()), QPointF(lane, p1.y() + 2 * bend))
    path.lineTo(QPointF(lane, p2.y() - 2 * bend))
    path.cubicTo(QPointF(lane, p2.y()), QPointF(p2.x(), p2.y() - bend), p2)
    return path


def paint(d: dict, p: QPainter) -> None:
    w, h = d["size"]
    p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    p.fillRect(QRectF(0, 0, w, h), QColor("white"))
    text, dim, edge = QColor("#1d1f22"), QColor("#5f6368"), QColor("#7d8085")
    p.setPen(text)
    p.setFont(_font(14, True))
    p.drawText(QRectF(MARGIN, MARGIN - 4, w - 2 * MARGIN, TITLE_H), Qt.AlignmentFlag.AlignLeft, d["title"])
    for src, dst in d["edges"]:
        if src not in d["blocks"] or dst not in d["blocks"]:
            continue
        path = _edge_path(d, src, dst)
        p.setPen(QPen(edge, 1.3))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        end = path.pointAtPercent(1.0)
        arrow = QPainterPath(end)
        arrow.lineTo(end + QPointF(-4, -7))
        arrow.lineTo(end + QPointF(4, -7))
        arrow.closeSubpath()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(edge)
        p.drawPath(arrow)
    title_f, id_f, small_f = _font(13, True), _font(11), _font(11.5)
    tfm, ifm, sfm = QFontMetricsF(title_f), QFontMetricsF(id_f), QFontMetricsF(small_f)
    left_al = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
    right_al = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
    for r, typ, nid, settings, shape, count, group in d["blocks"].values():
        accent = QColor.fromHsl(GROUP_HUES.get(group, 215), 170, 95)
        p.setPen(QPen(mix(QColor("#9aa0a6"), accent, 0.5), 1.0))
        p.setBrush(mix(QColor("white"), accent, 0.08))
        p.drawRoundedRect(r, 5, 5)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(accent)
        p.drawRect(QRectF(r.left() + 0.5, r.top() + 3, 4, r.height() - 6))
        row = QRectF(r.left() + 11, r.top() + PAD, W - 18, ROW_H)
        p.setPen(text)
        p.setFont(small_f)
        p.drawText(row, right_al, shape)
        p.setFont(title_f)
        p.drawText(row, left_al, typ)
        room = row.width() - sfm.horizontalAdvance(shape) - tfm.horizontalAdvance(typ) - 14
        if room > 14:
            p.setFont(id_f)
            p.setPen(dim)
            p.drawText(QRectF(row.left() + tfm.horizontalAdvance(typ) + 6, row.top(), room, ROW_H), left_al,
                       ifm.elidedText(nid, Qt.TextElideMode.ElideMiddle, room))
        if settings or count:
            row2 = row.translated(0, ROW_H)
            p.setFont(small_f)
            p.setPen(dim)
            p.drawText(row2, right_al, count)
            p.drawText(row2, left_al, sfm.elidedText(settings, Qt.TextElideMode.ElideRight,
                                                     row2.width() - sfm.horizontalAdvance(count) - 8))


def save_diagram(net: Network, path: str | Path, scale: float = 2.0) -> Path:
    """Write the diagram; the format follows the extension (.png at `scale`×, .svg, .pdf)."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in FORMATS:
        raise DiagramError(tr("unknown diagram format {ext}: use .png, .svg or .pdf").format(
            ext=repr(path.suffix or '(none)')))
    d = layout(net)
    w, h = d["size"]
    if ext == ".png":
        img = QImage(int(w * scale), int(h * scale), QImage.Format.Format_ARGB32)
        img.fill(QColor("white"))
        p = QPainter(img)
        p.scale(scale, scale)
        paint(d, p)
        p.end()
        ok = img.save(str(path), "PNG")
    elif ext == ".svg":
        from PySide6.QtSvg import QSvgGenerator
        gen = QSvgGenerator()
        gen.setFileName(str(path))
        gen.setSize(QSize(int(w), int(h)))
        gen.setViewBox(QRectF(0, 0, w, h))
        gen.setTitle(net.name)
        p = QPainter(gen)
        paint(d, p)
        ok = p.end()
    else:
        pdf = QPdfWriter(str(path))
        pdf.setResolution(72)
        pdf.setPageSize(QPageSize(QSizeF(w, h), QPageSize.Unit.Point))
        pdf.setPageMargins(pdf.pageLayout().margins() * 0)
        pdf.setTitle(net.name)
        p = QPainter(pdf)
        paint(d, p)
        ok = p.end()
    if not ok or not path.is_file():
        raise DiagramError(tr("cannot write {path}").format(path=path))
    return path
