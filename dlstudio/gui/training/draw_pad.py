"""A drawing pad for image models: draw with the mouse, get a (C, H, W) array in 0..1.

One-channel images are drawn in white ink on black paper, like the digits. Three-channel
(colour) images have an ink and a paper colour of their own: strokes blend the ink into what is
there, erasing blends the paper back in, and a new paper colour starts a new drawing.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..i18n import tr
from .images import to_qimage

CHANNELS = (1, 3)    # what the pad can draw: grey or RGB images
INK, PAPER = (1.0, 1.0, 1.0), (0.0, 0.0, 0.0)
THROTTLE_MS = 120   # while drawing, the drawing is announced at most this often


class DrawPad(QWidget):
    sigChanged = Signal()   # the drawing changed (throttled while drawing, and when the stroke ends)

    def __init__(self, height: int = 28, width: int = 28, channels: int = 1, parent=None):
        super().__init__(parent)
        self.setMinimumSize(84, 84)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(tr("Draw with the left mouse button, erase with the right one"))
        self._last: QPointF | None = None
        self._erase = False
        self._throttle = QTimer(self, singleShot=True, interval=THROTTLE_MS)
        self._throttle.timeout.connect(self.sigChanged.emit)   # a signal is not a callable slot
        self.ink, self.paper = INK, PAPER
        self.set_size(height, width, channels)

    def set_size(self, height: int, width: int, channels: int = 1) -> None:
        if channels not in CHANNELS:
            raise ValueError(f"the pad draws images with 1 or 3 channels, not {channels}")
        if getattr(self, "pixels", None) is not None and self.pixels.shape[0] != channels:
            self.ink, self.paper = INK, PAPER   # another kind of image: white on black again
        self.pixels = np.empty((channels, height, width), np.float32)
        self.pixels[...] = self._colour(self.paper)
        self.update()

    @property
    def channels(self) -> int:
        return self.pixels.shape[0]

    def _colour(self, rgb) -> np.ndarray:
        """An ink or paper colour as this pad's channels, shape (C, 1, 1); grey is the mean."""
        v = np.asarray(rgb, np.float32)
        return (v if self.channels == 3 else v.mean(keepdims=True)).reshape(-1, 1, 1)

    def set_ink(self, rgb) -> None:
        self.ink = tuple(float(v) for v in rgb)

    def set_paper(self, rgb) -> None:
        """A new paper colour: the drawing starts again on it."""
        self.paper = tuple(float(v) for v in rgb)
        self.clear()

    def is_blank(self) -> bool:
        return bool(np.all(self.pixels == self._colour(self.paper)))

    def sizeHint(self) -> QSize:
        return QSize(196, 196)

    def clear(self) -> None:
        self.pixels[...] = self._colour(self.paper)
        self.update()
        self.sigChanged.emit()

    def _cell_rect(self) -> QRectF:
        _, h, w = self.pixels.shape
        side = min(self.width() / w, self.height() / h)
        return QRectF((self.width() - side * w) / 2, (self.height() - side * h) / 2, side * w, side * h)

    def _to_pixels(self, pos: QPointF) -> tuple[float, float]:
        r = self._cell_rect()
        _, h, w = self.pixels.shape
        return (pos.y() - r.top()) / r.height() * h, (pos.x() - r.left()) / r.width() * w

    def stroke(self, a: QPointF, b: QPointF, erase: bool = False) -> None:
        """Paint (or erase) a soft line from a to b (widget coordinates)."""
        _, h, w = self.pixels.shape
        radius = max(1.0, max(h, w) / 12.0)  # in pixels of the image
        (y0, x0), (y1, x1) = self._to_pixels(a), self._to_pixels(b)
        steps = max(1, int(np.hypot(y1 - y0, x1 - x0) * 2))
        yy, xx = np.mgrid[0:h, 0:w] + 0.5
        cover = np.zeros((h, w), np.float32)
        for t in np.linspace(0, 1, steps + 1):
            cy, cx = y0 + (y1 - y0) * t, x0 + (x1 - x0) * t
            d = np.hypot(yy - cy, xx - cx)
            cover = np.maximum(cover, np.clip(1.5 - d / radius, 0, 1))
        target = self._colour(self.paper if erase else self.ink)
        self.pixels = (self.pixels * (1 - cover) + target * cover).astype(np.float32)
        self.update()

    def mousePressEvent(self, event):
        self._erase = event.button() == Qt.MouseButton.RightButton
        self._last = event.position()
        self.stroke(self._last, self._last, self._erase)
        self._throttle.start()

    def mouseMoveEvent(self, event):
        if self._last is None:
            return
        p = event.position()
        self.stroke(self._last, p, self._erase)
        self._last = p
        if not self._throttle.isActive():
            self._throttle.start()

    def mouseReleaseEvent(self, event):
        self._last = None
        self._throttle.stop()
        self.sigChanged.emit()

    def rgb(self) -> np.ndarray:
        """The drawing as shown, (H, W, 3) uint8: the pixels as they are, whatever the theme —
        grey drawings in white ink on black paper, like the digits the network learnt from."""
        rgb = np.clip(self.pixels.transpose(1, 2, 0), 0, 1)
        if self.channels == 1:
            rgb = np.repeat(rgb, 3, axis=2)
        return (rgb * 255 + 0.5).astype(np.uint8)

    def paintEvent(self, event):
        p = QPainter(self)
        pal = self.palette()
        r = self._cell_rect()
        rgb = self.rgb()
        rgba = np.dstack([rgb, np.full(rgb.shape[:2], 255, np.uint8)])
        img: QImage = to_qimage(rgba)
        p.drawImage(r, img)
        p.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        p.drawRect(r.adjusted(0, 0, -1, -1))
        if self.is_blank():
            paper = QColor.fromRgbF(*self.paper)
            p.setPen(QColor(170, 170, 170) if paper.lightnessF() < 0.5 else QColor(85, 85, 85))
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, tr("draw here"))
