"""A grid of small images in one pyqtgraph view: feature-map channels, conv filters, gates.

The whole grid is one RGBA image (one `setImage` per update); hovering a cell tells which
channel it is and the value under the mouse.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal

from ..i18n import tr
from . import images


class MosaicView(pg.GraphicsLayoutWidget):
    sigHover = Signal(str)   # "channel 3 · row 12, col 5 · 0.734" (or "" when leaving)

    def __init__(self, title: str = "", cell_name: str | None = None, parent=None):
        """`cell_name`: what a cell is, with an {index} field ("filter {index}"); a channel by default."""
        super().__init__(parent)
        self.cell_name = cell_name or tr("channel {index}")
        self.title = title
        self.plot = self.addPlot()
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=True, y=True)
        vb = self.plot.getViewBox()
        vb.setAspectLocked(True)
        vb.invertY(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.message = pg.TextItem("", anchor=(0.5, 0.5))
        self.plot.addItem(self.message)
        self._maps: np.ndarray | None = None
        self._cells: list = []
        self._shape = None
        self.scene().sigMouseMoved.connect(self._hover)
        self.apply_theme()

    def apply_theme(self) -> None:
        images.style_widget(self, self.palette())
        _, text, _ = images.plot_colors(self.palette())
        self.plot.setTitle(self.title, color=text.name(), size="9pt")
        self.message.setColor(text)

    def set_title(self, title: str) -> None:
        self.title = title
        _, text, _ = images.plot_colors(self.palette())
        self.plot.setTitle(title, color=text.name(), size="9pt")

    def show_message(self, text: str) -> None:
        self._maps = None
        self.image.clear()
        self.message.setText(text)
        self.message.setPos(0, 0)
        self.plot.getViewBox().setRange(xRange=(-1, 1), yRange=(-1, 1), padding=0)
        self._shape = None

    def show_maps(self, maps: np.ndarray, scale: str = "channel", cmap: str = images.SEQUENTIAL,
                  cols: int | None = None, labels: list[str] | None = None) -> None:
        """Show (C, H, W) as a grid (an (H, W) array as one image)."""
        maps = np.asarray(maps)
        if maps.ndim == 2:
            maps = maps[None]
        self.message.setText("")
        rgba, cells = images.mosaic(maps, cols=cols, scale=scale, cmap=cmap,
                                    background=self._cell_background())
        self._maps, self._cells, self._labels = maps, cells, labels
        self.image.setImage(rgba, autoLevels=False)
        if self._shape != rgba.shape:  # a new layout: fit it, otherwise keep the user's zoom
            self._shape = rgba.shape
            self.plot.getViewBox().setRange(xRange=(0, rgba.shape[1]), yRange=(0, rgba.shape[0]), padding=0.02)

    def _cell_background(self):
        bg, text, _ = images.plot_colors(self.palette())
        from .. import theme
        c = theme.mix(bg, text, 0.08)
        return (c.red(), c.green(), c.blue(), 255)

    def _hover(self, pos) -> None:
        if self._maps is None or not self.plot.sceneBoundingRect().contains(pos):
            return
        p = self.plot.getViewBox().mapSceneToView(pos)
        x, y = int(np.floor(p.x())), int(np.floor(p.y()))
        for k, (cx, cy, w, h) in enumerate(self._cells):
            if cx <= x < cx + w and cy <= y < cy + h:
                v = self._maps[k, y - cy, x - cx]
                name = self._labels[k] if self._labels else self.cell_name.format(index=k)
                self.sigHover.emit(tr("{cell} · row {row}, col {col} · {value}").format(
                    cell=name, row=y - cy, col=x - cx, value=f"{v:.4g}"))
                return
        self.sigHover.emit("")

    def current(self) -> np.ndarray | None:
        """The values shown (C, H, W), for tests and export."""
        return self._maps
