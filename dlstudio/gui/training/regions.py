"""Decision regions of a network on 2-D data: the plane coloured by what the network answers,
the data points on top, and (for small networks) each hidden unit's own picture of the plane.

Used by the Lab's "Decision regions" page and by the training views' Regions tab. It draws a
`dlstudio.engine.lab.regions.Regions` snapshot (computed by the engine in the training thread);
plot items are made once and updated with `setImage` / `setData`.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from dlstudio.engine.lab.regions import is_2d, make_grid

from .. import theme
from ..i18n import QT_TR_NOOP, tr, tr_text
from . import images

# two classes in orange and blue (as TensorFlow Playground), more classes in further hues
CLASS_COLORS = ["#e8833a", "#3d8fd6", "#2e9e5b", "#9a5bd0", "#c9a227", "#d14f8a", "#3fb5b5", "#8c6d46",
                "#7f7f7f", "#5b6fd1"]
UNIT_GAP = 6  # pixels between the hidden units' small pictures (in grid cells)
GRID = 80     # cells per side of the grid the training views evaluate


def class_colors(k: int) -> np.ndarray:
    """(k, 3) float RGB in 0..1 for k classes."""
    cols = [QColor(CLASS_COLORS[i % len(CLASS_COLORS)]) for i in range(k)]
    return np.array([[c.redF(), c.greenF(), c.blueF()] for c in cols], np.float64)


def blend(probs: np.ndarray, background: QColor) -> np.ndarray:
    """(H, W, K) class probabilities as (H, W, 4) uint8: each cell the probability-weighted mix
    of the class colours, laid over the background more strongly where the network is sure."""
    h, w, k = probs.shape
    p = np.clip(np.nan_to_num(np.asarray(probs, np.float64)), 0.0, 1.0)
    rgb = p @ class_colors(k)
    sure = (p.max(axis=2) - 1.0 / k) / (1.0 - 1.0 / k) if k > 1 else np.ones((h, w))
    alpha = (0.22 + 0.5 * np.clip(sure, 0.0, 1.0))[..., None]
    bg = np.array([background.redF(), background.greenF(), background.blueF()])
    out = np.empty((h, w, 4), np.uint8)
    out[..., :3] = np.round(255 * (bg * (1 - alpha) + rgb * alpha))
    out[..., 3] = 255
    return out


class RegionsView(QWidget):
    """The regions plot and the hidden units' small multiples, side by side (or stacked)."""

    def __init__(self, parent=None, orientation=Qt.Orientation.Horizontal):
        super().__init__(parent)
        self.refresh_count = 0           # regions drawn so far (for the benchmark and tests)
        self.regions = None              # the snapshot on screen
        self._image_rgba: np.ndarray | None = None
        self._classes: list[str] = []
        self._points = None
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setMinimumSize(160, 100)
        self.plot = self.graphics.addPlot()
        self.plot.setMenuEnabled(False)
        self.plot.getViewBox().setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self.scatter = pg.ScatterPlotItem(size=6, pxMode=True)
        self.plot.addItem(self.scatter)
        self.message = pg.TextItem("", anchor=(0.5, 0.5))
        self.plot.addItem(self.message)
        self.units = pg.GraphicsLayoutWidget()
        self.units.setMinimumSize(120, 80)
        self.units_plot = self.units.addPlot()
        self.units_plot.setMenuEnabled(False)
        for ax in ("left", "bottom"):
            self.units_plot.hideAxis(ax)
        self.units_plot.getViewBox().setAspectLocked(True)
        self.units_plot.getViewBox().invertY(True)
        self.units_image = pg.ImageItem(axisOrder="row-major")
        self.units_plot.addItem(self.units_image)
        self.units_note = pg.TextItem("", anchor=(0.5, 0.5))
        self.units_plot.addItem(self.units_note)
        self.legend = QLabel(" ", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.units_caption = QLabel(" ", wordWrap=True)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(2)
        ll.addWidget(self.graphics, 1)
        ll.addWidget(self.legend)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.setSpacing(2)
        rl.addWidget(self.units, 1)
        rl.addWidget(self.units_caption)
        self.split = QSplitter(orientation)
        self.split.addWidget(left)
        self.split.addWidget(right)
        wide = orientation == Qt.Orientation.Horizontal
        self.split.setStretchFactor(0, 3 if wide else 5)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([600, 400] if wide else [700, 260])
        self.units_panel = right
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.split)
        self._units_shape = None
        self._range_key = None
        self._grid: tuple | None = None   # (dataset, Grid) for the training views
        self.apply_theme()
        self.clear()

    # ---- data --------------------------------------------------------------------------------
    def clear(self, text: str = QT_TR_NOOP("Train a network on 2-D points to see its decision regions")) -> None:
        self.regions, self._image_rgba = None, None
        self.image.clear()
        self.units_image.clear()
        self.message.setText(tr(text))
        self.message.setPos(0, 0)
        self.units_note.setText("")
        self.units_caption.setText(" ")

    def show_data(self, ds) -> bool:
        """The training views' data set: its points drawn if they are 2-D (returns whether)."""
        if ds is None or not is_2d(ds.sample_shape):
            self.clear(QT_TR_NOOP("Decision regions are drawn for data of 2-D points (spirals, circles, xor …)"))
            return False
        self.set_points(ds.x, ds.y, list(ds.classes))
        return True

    def grid_for(self, ds):
        """The grid over the data's plane (made once per data set), or None if it is not 2-D."""
        if ds is None or not len(ds) or not is_2d(ds.sample_shape):
            return None
        if self._grid is None or self._grid[0] is not ds:
            self._grid = (ds, make_grid(ds.x, GRID))
        return self._grid[1]

    def set_points(self, x: np.ndarray | None, y: np.ndarray | None, classes: list[str]) -> None:
        """The data points drawn over the regions, coloured by their class (integer labels)."""
        self._classes = list(classes)
        self._points = None if x is None else (np.asarray(x, np.float64), y)
        self._draw_points()
        k = len(self._classes)
        if k:
            self.legend.setText(" &nbsp; ".join(
                f"<span style='color:{CLASS_COLORS[i % len(CLASS_COLORS)]}'>●</span> {tr_text(name)}"
                for i, name in enumerate(self._classes[:10])) + (" …" if k > 10 else ""))
        else:
            self.legend.setText(tr("Colour: the network's output"))

    def _draw_points(self) -> None:
        if self._points is None:
            self.scatter.clear()
            return
        x, y = self._points
        _, text, _ = images.plot_colors(self.palette())
        pen = pg.mkPen(theme.mix(text, QColor(128, 128, 128), 0.3), width=0.8)
        if y is not None and np.asarray(y).ndim == 1 and np.issubdtype(np.asarray(y).dtype, np.integer):
            brushes = [pg.mkBrush(c) for c in CLASS_COLORS]
            lab = np.asarray(y) % len(CLASS_COLORS)
            self.scatter.setData(x[:, 0], x[:, 1], pen=pen, brush=[brushes[i] for i in lab])
        else:
            self.scatter.setData(x[:, 0], x[:, 1], pen=pen, brush=pg.mkBrush(text))

    def show_regions(self, regions) -> None:
        """Draw one snapshot (class probabilities, or values for regression) and its hidden units."""
        self.regions = regions
        bg, _, _ = images.plot_colors(self.palette())
        if regions.probs is not None:
            rgba = blend(regions.probs, bg)
        else:
            v = regions.values[..., 0]
            m = max(float(np.nanmax(np.abs(v))) if v.size else 1.0, 1e-12)
            rgba = images.colorize(v, -m, m, images.DIVERGING)
        self._image_rgba = rgba
        self.message.setText("")
        self.image.setImage(rgba, autoLevels=False)
        x0, x1, y0, y1 = regions.grid.extent
        key = (x0, x1, y0, y1)
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        if key != self._range_key:   # a new grid: fit it; otherwise keep the user's zoom
            self._range_key = key
            self.plot.getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self._show_units(regions.hidden)
        self.refresh_count += 1

    def _show_units(self, hidden: dict) -> None:
        self.units_panel.setVisible(bool(hidden))
        if not hidden:
            return
        maps, names = [], []
        for nid, grid in hidden.items():
            for u in range(grid.shape[2]):
                a = grid[::-1, :, u].astype(np.float64)  # top row = largest y (the view's y points down)
                m = float(np.max(np.abs(a))) if a.size else 0.0
                maps.append(a / m if m > 1e-12 else a)   # each unit on its own symmetric scale
                names.append(f"{nid}[{u}]")
        cols = min(8, max(g.shape[2] for g in hidden.values()))
        rgba, _ = images.mosaic(np.stack(maps), cols=cols, scale="symmetric", cmap=images.DIVERGING,
                                gap=UNIT_GAP, background=(0, 0, 0, 0))
        self.units_image.setImage(rgba, autoLevels=False)
        if self._units_shape != rgba.shape:
            self._units_shape = rgba.shape
            self.units_plot.getViewBox().setRange(xRange=(0, rgba.shape[1]), yRange=(0, rgba.shape[0]),
                                                  padding=0.02)
        parts = [f"{nid}: {g.shape[2]}" for nid, g in hidden.items()]
        self.units_caption.setText(tr("Hidden units ({layers}), each over the same plane: "
                                      "blue below 0, red above, each on its own scale.").format(layers=", ".join(parts)))

    def show_probe(self, snap: dict) -> None:
        """A training probe result: draws its "regions" (if it has them)."""
        if snap.get("regions") is not None:
            self.show_regions(snap["regions"])

    # ---- theme and tests ---------------------------------------------------------------------
    def apply_theme(self) -> None:
        for w in (self.graphics, self.units):
            images.style_widget(w, self.palette())
        images.style_plot(self.plot, self.palette())
        _, text, _ = images.plot_colors(self.palette())
        self.message.setColor(text)
        self._draw_points()
        if self.regions is not None:
            self.show_regions(self.regions)

    def shown_image(self) -> np.ndarray | None:
        """The RGBA background on screen (H, W, 4), for tests."""
        return self._image_rgba
