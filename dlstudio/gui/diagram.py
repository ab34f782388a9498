"""A network as a compact diagram for slides and papers: PNG (2×), SVG, PDF.

Blocks carry the layer type, node id, key settings, output shape and parameter count, never cut
short: the blocks are as wide as their longest line needs (up to `MAX_W`), and a line that does
not fit breaks in two. The layout is `dlstudio.spec.layout` (layered, top to bottom) with tighter
spacing; a long network is wrapped into side-by-side bands (`bands`), cut only where one block
feeds everything below, so the picture is not a strip ten times taller than wide. The colours
are fixed (white background) so the picture does not depend on the app's theme.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QImage, QPageSize, QPainter, QPainterPath,
                           QPdfWriter, QPen)

from dlstudio.spec import Network, all_types, analyze
from dlstudio.spec.layout import layered_positions

from . import format as fmt
from .i18n import tr
from .theme import GROUP_HUES, mix

MIN_W, MAX_W, ROW_H, PAD, GAP_X, GAP_Y, MARGIN, TITLE_H = 200.0, 360.0, 16.0, 5.0, 24.0, 22.0, 16.0, 26.0
INSET_L, INSET_R, SPACE = 11.0, 7.0, 8.0   # text inside a block: left / right inset, space between items
BAND_GAP, LANE = 40.0, 14.0                # between bands; the lane above the bands for the wrap edges
ASPECT = 0.8                               # wanted height / width of a wrapped diagram (about a slide)
MAX_BANDS = 6
MIN_WRAP_H = 640.0                         # a network shorter than this stays one column
FORMATS = (".png", ".svg", ".pdf")
FONTS = {"title": (13, True), "id": (11, False), "small": (11.5, False)}


class DiagramError(ValueError):
    pass


def _font(px: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(int(px))
    f.setBold(bold)
    return f


@dataclass
class Block:
    rect: QRectF
    rows: list            # [(left items [(text, font kind, dim?)], right text)], one per text line
    group: str
    band: int = 0


@dataclass
class Diagram:
    blocks: dict          # id -> Block
    edges: list
    title: str
    size: tuple
    top: float = 0.0      # where the bands' first row starts


def _width(items, metrics) -> float:
    return sum(metrics[kind].horizontalAdvance(text) for text, kind, _ in items) + SPACE * max(0, len(items) - 1)


def _rows(typ: str, nid: str, settings: str, shape: str, count: str, metrics, inner: float) -> list:
    """The block's text lines for an inner width: two lines when they fit, else broken in more."""
    head, detail = [(typ, "title", False), (nid, "id", True)], [(settings, "small", True)] if settings else []
    rows = []
    if _width(head, metrics) + SPACE + metrics["small"].horizontalAdvance(shape) <= inner:
        rows.append((head, shape))
    else:
        rows += [([head[0]], shape), ([head[1]], "")]
    if settings or count:
        if _width(detail, metrics) + SPACE + metrics["small"].horizontalAdvance(count) <= inner:
            rows.append((detail, count))
        else:
            rows += [(detail, "")] if detail else []
            rows += [([], count)] if count else []
    return rows


def _needed(typ, nid, settings, shape, count, metrics) -> float:
    """The inner width that keeps the block at two lines."""
    head = _width([(typ, "title", 0), (nid, "id", 0)], metrics) + SPACE + metrics["small"].horizontalAdvance(shape)
    detail = (_width([(settings, "small", 0)], metrics) if settings else 0) + SPACE + \
        metrics["small"].horizontalAdvance(count)
    return max(head, detail)


def layout(net: Network) -> Diagram:
    a = analyze(net)
    types = all_types()
    metrics = {k: QFontMetricsF(_font(*v)) for k, v in FONTS.items()}
    texts = {}
    for n in net.nodes:
        lt = types.get(n.type)
        params = a.params.get(n.id) or {**(lt.schema.defaults() if lt else {}), **n.params}
        cost = a.costs.get(n.id)
        settings = fmt.settings(lt.summary_keys if lt else (), params) if lt and lt.max_inputs != 0 else ""
        count = tr("{n} params").format(n=f"{cost.params:,}") if cost and cost.params else ""
        texts[n.id] = (n.type, n.id, settings, fmt.shape(a.shapes.get(n.id)), count,
                       lt.group if lt else "Core")
    w = min(MAX_W, max([MIN_W] + [math.ceil(_needed(*t[:5], metrics)) + INSET_L + INSET_R for t in texts.values()]))
    rows = {i: _rows(*t[:5], metrics, w - INSET_L - INSET_R) for i, t in texts.items()}
    heights = {i: 2 * PAD + ROW_H * len(r) for i, r in rows.items()}

    ids = [n.id for n in net.nodes]
    edges = list(net.edges)
    pos = layered_positions(ids, edges, row=1.0, column=w + GAP_X)
    levels = sorted({round(y) for _, y in pos.values()})
    index = {lv: k for k, lv in enumerate(levels)}
    level_of = {i: index[round(pos[i][1])] for i in ids}
    level_h = [0.0] * len(levels)
    for i in ids:
        level_h[level_of[i]] = max(level_h[level_of[i]], heights[i])
    left = min((x for x, _ in pos.values()), default=0.0)
    strip_w = max((x for x, _ in pos.values()), default=0.0) - left + w
    band_of_level = bands(level_h, _cuts(ids, edges, level_of, len(levels)), strip_w)
    n_bands = max(band_of_level, default=0) + 1
    top = MARGIN + TITLE_H + (LANE if n_bands > 1 else 0.0)
    y_of, bottom = [], {}
    for k, h in enumerate(level_h):
        b = band_of_level[k]
        y = bottom.get(b, top)
        y_of.append(y)
        bottom[b] = y + h + GAP_Y
    # each band as narrow as its own blocks: it starts BAND_GAP right of the band before it
    band_left, offset, x0 = {}, {}, MARGIN
    for i in ids:
        b = band_of_level[level_of[i]]
        band_left[b] = min(band_left.get(b, pos[i][0]), pos[i][0])
    for b in range(n_bands):
        offset[b] = x0 - band_left.get(b, 0.0)
        x0 += max((pos[i][0] for i in ids if band_of_level[level_of[i]] == b), default=0.0) \
            - band_left.get(b, 0.0) + w + BAND_GAP
    blocks = {}
    for i in ids:
        k = level_of[i]
        b = band_of_level[k]
        blocks[i] = Block(QRectF(offset[b] + pos[i][0], y_of[k], w, heights[i]), rows[i], texts[i][5], b)
    right = max((blk.rect.right() for blk in blocks.values()), default=w + MARGIN)
    title = tr("{name} · {n} parameters").format(name=net.name, n=f"{a.total.params:,}")
    height = max(bottom.values()) - GAP_Y + MARGIN if ids else 100.0
    return Diagram(blocks, edges, title, (max(right + MARGIN, 320.0), height), top)


def _cuts(ids, edges, level_of, n_levels) -> set[int]:
    """Levels k after which the drawing may wrap: level k is one block, and every edge from above
    k to below it starts there (one connector crosses to the next band)."""
    on_level = [0] * n_levels
    for i in ids:
        on_level[level_of[i]] += 1
    crossing = [set() for _ in range(n_levels)]   # sources of edges that pass below level k
    for s, t in edges:
        if s in level_of and t in level_of:
            for k in range(level_of[s], level_of[t]):
                crossing[k].add(s)
    return {k for k in range(n_levels - 1)
            if on_level[k] == 1 and crossing[k] and all(level_of[s] == k for s in crossing[k])}


def bands(level_h: list[float], cuts: set[int], strip_w: float) -> list[int]:
    """The band of each level: the number of bands that brings height / width closest to ASPECT,
    each band cut at the allowed level closest to an equal share of the height (one band for a
    network shorter than MIN_WRAP_H)."""
    if not level_h:
        return []
    rise = [h + GAP_Y for h in level_h]
    total = sum(rise)
    if total < MIN_WRAP_H:
        return [0] * len(level_h)

    def split(k):
        ends, start = [], 0
        for b in range(1, k):
            goal = total * b / k
            options = [c for c in cuts if c >= start and c < len(rise) - 1]
            if not options:
                break
            c = min(options, key=lambda c: abs(sum(rise[:c + 1]) - goal))
            ends.append(c)
            start = c + 1
        out, b = [], 0
        for k_level in range(len(rise)):
            out.append(b)
            if b < len(ends) and k_level == ends[b]:
                b += 1
        return out

    def score(assign):
        n = max(assign) + 1
        height = max(sum(r for r, b in zip(rise, assign) if b == j) for j in range(n))
        width = n * strip_w + (n - 1) * BAND_GAP
        return abs(math.log(height / width / ASPECT))

    candidates = [split(k) for k in range(1, MAX_BANDS + 1)]
    return min(candidates, key=score)


def _edge_path(d: Diagram, src: str, dst: str) -> QPainterPath:
    blocks = d.blocks
    a, b = blocks[src].rect, blocks[dst].rect
    ins = [s for s, t in d.edges if t == dst]
    k = ins.index(src)
    p1 = QPointF(a.center().x(), a.bottom())
    p2 = QPointF(b.left() + b.width() * (k + 1) / (len(ins) + 1), b.top())
    path = QPainterPath(p1)
    if blocks[src].band != blocks[dst].band:  # wrap: down, to the gutter, up to the lane, over, down
        gutter = max(blk.rect.right() for blk in blocks.values() if blk.band == blocks[src].band) + BAND_GAP / 2
        low, lane, r = p1.y() + GAP_Y / 2, d.top - LANE / 2 - GAP_Y / 4, 6.0
        for pt in ((p1.x(), low - r), (p1.x() + r, low), (gutter - r, low), (gutter, low - r), (gutter, lane + r),
                   (gutter + r, lane), (p2.x() - r, lane), (p2.x(), lane + r), (p2.x(), p2.y())):
            path.lineTo(QPointF(*pt))
        return path
    between = [blk.rect for blk in blocks.values() if blk.rect is not a and blk.rect is not b
               and blk.rect.top() > p1.y() and blk.rect.bottom() < p2.y()
               and blk.rect.right() > min(p1.x(), p2.x()) - 4 and blk.rect.left() < max(p1.x(), p2.x()) + 4]
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


def paint(d: Diagram, p: QPainter) -> None:
    w, h = d.size
    p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    p.fillRect(QRectF(0, 0, w, h), QColor("white"))
    text, dim, edge = QColor("#1d1f22"), QColor("#5f6368"), QColor("#7d8085")
    p.setPen(text)
    p.setFont(_font(14, True))
    p.drawText(QRectF(MARGIN, MARGIN - 4, w - 2 * MARGIN, TITLE_H), Qt.AlignmentFlag.AlignLeft, d.title)
    for src, dst in d.edges:
        if src not in d.blocks or dst not in d.blocks:
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
    fonts = {k: _font(*v) for k, v in FONTS.items()}
    metrics = {k: QFontMetricsF(f) for k, f in fonts.items()}
    left_al = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
    right_al = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
    for blk in d.blocks.values():
        r = blk.rect
        accent = QColor.fromHsl(GROUP_HUES.get(blk.group, 215), 170, 95)
        p.setPen(QPen(mix(QColor("#9aa0a6"), accent, 0.5), 1.0))
        p.setBrush(mix(QColor("white"), accent, 0.08))
        p.drawRoundedRect(r, 5, 5)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(accent)
        p.drawRect(QRectF(r.left() + 0.5, r.top() + 3, 4, r.height() - 6))
        for k, (items, right) in enumerate(blk.rows):
            row = QRectF(r.left() + INSET_L, r.top() + PAD + k * ROW_H, r.width() - INSET_L - INSET_R, ROW_H)
            p.setFont(fonts["small"])
            p.setPen(text if k == 0 else dim)
            p.drawText(row, right_al, right)
            room = row.width() - (metrics["small"].horizontalAdvance(right) + SPACE if right else 0)
            x = row.left()
            for t, kind, is_dim in items:
                p.setFont(fonts[kind])
                p.setPen(dim if is_dim else text)
                shown = metrics[kind].elidedText(t, Qt.TextElideMode.ElideMiddle, room - (x - row.left()))
                p.drawText(QRectF(x, row.top(), row.right() - x, ROW_H), left_al, shown)
                x += metrics[kind].horizontalAdvance(t) + SPACE


def save_diagram(net: Network, path: str | Path, scale: float = 2.0) -> Path:
    """Write the diagram; the format follows the extension (.png at `scale`×, .svg, .pdf)."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in FORMATS:
        raise DiagramError(tr("unknown diagram format {ext}: use .png, .svg or .pdf").format(
            ext=repr(path.suffix or '(none)')))
    d = layout(net)
    w, h = d.size
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
