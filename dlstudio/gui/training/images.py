"""Arrays as pictures: colour maps, channel mosaics, sample thumbnails, plot styling.

Images are coloured here with NumPy (a 256-entry lookup table) and shown through one
`pg.ImageItem.setImage` per update, however many channels a layer has.
"""
from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QImage, QPalette, QPixmap

from .. import theme

SEQUENTIAL = "viridis"
DIVERGING = "CET-D1"
GREY = "CET-L1"


@lru_cache(maxsize=8)
def lut(name: str) -> np.ndarray:
    return pg.colormap.get(name).getLookupTable(0.0, 1.0, 256, alpha=True)


def blend_lut(c0: QColor, c1: QColor) -> np.ndarray:
    """A 256-entry colour map from c0 to c1."""
    t = np.linspace(0.0, 1.0, 256)[:, None]
    a = np.array([c0.red(), c0.green(), c0.blue(), 255], np.float64)
    b = np.array([c1.red(), c1.green(), c1.blue(), 255], np.float64)
    return (a + (b - a) * t).round().astype(np.uint8)


def colorize(a: np.ndarray, lo: float, hi: float, cmap: str | np.ndarray = SEQUENTIAL) -> np.ndarray:
    """An (H, W) array as (H, W, 4) uint8 RGBA, `lo`..`hi` spread over the colour map (a name,
    or a (256, 4) lookup table)."""
    a = np.asarray(a, np.float64)
    span = hi - lo if hi - lo > 1e-12 else 1.0
    idx = np.clip((np.nan_to_num(a, nan=lo, posinf=hi, neginf=lo) - lo) * (255.0 / span), 0, 255)
    table = lut(cmap) if isinstance(cmap, str) else cmap
    return table[idx.astype(np.uint8)]


def grid_shape(n: int, aspect: float = 1.0, max_cols: int = 16) -> tuple[int, int]:
    """(rows, cols) for n cells, roughly square on screen."""
    cols = max(1, min(max_cols, n, math.ceil(math.sqrt(n * aspect))))
    return math.ceil(n / cols), cols


def mosaic(maps: np.ndarray, cols: int | None = None, scale: str = "channel", cmap: str = SEQUENTIAL,
           gap: int = 1, background=(0, 0, 0, 0)) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """Channels (C, H, W) side by side as one RGBA image and each cell's (x, y, w, h).

    scale: "channel" stretches each channel to the full colour range (shows the pattern of
    weak channels too), "global" uses one range for all, "symmetric" one range centred on 0
    (for weights and gradients, with a diverging map)."""
    maps = np.asarray(maps, np.float64)
    if maps.ndim == 2:
        maps = maps[None]
    c, h, w = maps.shape
    rows, cols = grid_shape(c, h / max(w, 1)) if cols is None else (math.ceil(c / cols), cols)
    g = max(gap, 1 if max(h, w) > 3 else 0)
    out = np.zeros((rows * (h + g) - g, cols * (w + g) - g, 4), np.uint8)
    out[...] = background
    finite = maps[np.isfinite(maps)]
    glo, ghi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    if scale == "symmetric":
        m = max(abs(glo), abs(ghi), 1e-12)
        glo, ghi = -m, m
    cells = []
    for k in range(c):
        r, q = divmod(k, cols)
        y, x = r * (h + g), q * (w + g)
        ch = maps[k]
        if scale == "channel":
            f = ch[np.isfinite(ch)]
            lo, hi = (float(f.min()), float(f.max())) if f.size else (0.0, 1.0)
        else:
            lo, hi = glo, ghi
        out[y:y + h, x:x + w] = colorize(ch, lo, hi, cmap)
        cells.append((x, y, w, h))
    return out, cells


def sample_picture(x: np.ndarray) -> np.ndarray | None:
    """A sample as an (H, W) grey or (H, W, 3) colour array in 0..1, or None if it is no image."""
    x = np.asarray(x, np.float64)
    if x.ndim == 3 and x.shape[0] in (1, 3):
        img = x[0] if x.shape[0] == 1 else np.moveaxis(x, 0, -1)
    elif x.ndim == 2 and min(x.shape) > 1:
        img = x  # a sequence (T, F) as a picture: rows are time steps
    else:
        return None
    lo, hi = float(np.nanmin(img)), float(np.nanmax(img))
    return (img - lo) / (hi - lo) if hi - lo > 1e-12 else np.zeros_like(img)


def to_qimage(rgba: np.ndarray) -> QImage:
    rgba = np.ascontiguousarray(rgba, np.uint8)
    h, w = rgba.shape[:2]
    return QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


def thumbnail(x: np.ndarray, size: int = 56, invert: bool = False) -> QPixmap | None:
    """A sample as a small picture (grey images in the theme's ink on its paper)."""
    img = sample_picture(x)
    if img is None:
        return None
    if img.ndim == 2:
        v = (1.0 - img) if invert else img
        g = (np.clip(v, 0, 1) * 255).astype(np.uint8)
        rgba = np.dstack([g, g, g, np.full_like(g, 255)])
    else:
        c = (np.clip(img, 0, 1) * 255).astype(np.uint8)
        rgba = np.dstack([c, np.full(c.shape[:2], 255, np.uint8)])
    pm = QPixmap.fromImage(to_qimage(rgba))
    from PySide6.QtCore import Qt
    return pm.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)


# ---- plots that follow the theme ------------------------------------------------------------
CURVE_COLORS = ["#3d8fd6", "#e0663a", "#2e9e5b", "#9a5bd0", "#c9a227", "#d14f8a", "#3fb5b5", "#7f7f7f"]


def plot_colors(palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """(background, text, grid) for plots in this palette."""
    c = theme.colors(palette)
    bg = palette.color(QPalette.ColorRole.Base)
    return bg, c.text, theme.mix(bg, c.text, 0.18)


def style_plot(plot: pg.PlotItem, palette: QPalette, title: str | None = None, grid: bool = False) -> None:
    """Axes and title in the theme's colours. Live plots have no grid: pyqtgraph draws grid lines
    as part of the axes, so a grid makes every data update repaint the axes' text too (slow,
    and it holds the GIL the training thread needs)."""
    _, text, _ = plot_colors(palette)
    for name in ("left", "bottom"):
        ax = plot.getAxis(name)
        ax.setPen(pg.mkPen(theme.mix(plot_colors(palette)[0], text, 0.45)))
        ax.setTextPen(pg.mkPen(text))
    plot.showGrid(x=grid, y=grid, alpha=0.18 if grid else 0)
    if title:
        plot.setTitle(title, color=text.name(), size="9pt")


def style_widget(widget: pg.GraphicsView, palette: QPalette) -> None:
    widget.setBackground(plot_colors(palette)[0])


class LogAxis(pg.AxisItem):
    """An axis whose log-scale labels stay readable: over less than a couple of decades it labels
    1, 2 and 5 times a power of ten (pyqtgraph's own axis labels every minor tick, and they
    overlap); the other minor ticks are drawn without labels."""

    LINEAR_TEXT_LEVELS = 2   # pyqtgraph's default

    def setLogMode(self, *args, **kwargs):
        super().setLogMode(*args, **kwargs)
        # in log mode, labels on the first level of logTickValues only
        self.setStyle(maxTextLevel=0 if self.logMode else self.LINEAR_TEXT_LEVELS)

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        decades = [(s, t) for s, t in stdTicks if s >= 1.0]
        lo, hi = math.floor(minVal), math.ceil(maxVal)
        if hi - lo > 8:
            return decades
        minor = [v + math.log10(m) for v in range(lo, hi) for m in range(2, 10)]
        minor = [t for t in minor if minVal < t < maxVal]
        if decades and len(decades[0][1]) >= 2:
            return decades + [(None, minor)]
        main = [v + math.log10(m) for v in range(lo, hi + 1) for m in (1, 2, 5)]
        main = [t for t in main if minVal <= t <= maxVal]
        if len(main) < 2:  # less than a factor 2.5 in view: label every minor tick there is
            main = sorted(set(main) | set(minor))
        return [(None, main), (None, [t for t in minor if t not in main])]
