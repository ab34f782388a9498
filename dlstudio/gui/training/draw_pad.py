"""A drawing pad for image models: draw a digit with the mouse, get an (H, W) array in 0..1."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .images import to_qimage


class DrawPad(QWidget):
    sigChanged = Signal()   # the drawing changed (throttled while drawing, and when the stroke ends)

    def __init__(self, height: int = 28, width: int = 28, parent=None):
        super().__init__(parent)
        self.setMinimumSize(84, 84)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip("Draw with the left mouse button, erase with the right one")
        self._last: QPointF | None = None
        self._erase = False
        self._throttle = QTimer(self, singleShot=True, interval=120, timeout=self.sigChanged)
        self.set_size(height, width)

    def set_size(self, height: int, width: int) -> None:
        self.pixels = np.zeros((height, width), np.float32)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(196, 196)

    def clear(self) -> None:
        self.pixels[...] = 0
        self.update()
        self.sigChanged.emit()

    def _cell_rect(self) -> QRectF:
        h, w = self.pixels.shape
        side = min(self.width() / w, self.height() / h)
        return QRectF((self.width() - side * w) / 2, (self.height() - side * h) / 2, side * w, side * h)

    def _to_pixels(self, pos: QPointF) -> tuple[float, float]:
        r = self._cell_rect()
        h, w = self.pixels.shape
        return (pos.y() - r.top()) / r.height() * h, (pos.x() - r.left()) / r.width() * w

    def stroke(self, a: QPointF, b: QPointF, erase: bool = False) -> None:
        """Paint (or erase) a soft line from a to b (widget coordinates)."""
        h, w = self.pixels.shape
        radius = max(1.0, max(h, w) / 12.0)  # in pixels of the image
        (y0, x0), (y1, x1) = self._to_pixels(a), self._to_pixels(b)
        steps = max(1, int(np.hypot(y1 - y0, x1 - x0) * 2))
        yy, xx = np.mgrid[0:h, 0:w] + 0.5
        ink = np.zeros_like(self.pixels)
        for t in np.linspace(0, 1, steps + 1):
            cy, cx = y0 + (y1 - y0) * t, x0 + (x1 - x0) * t
            d = np.hypot(yy - cy, xx - cx)
            ink = np.maximum(ink, np.clip(1.5 - d / radius, 0, 1))
        new = np.clip(self.pixels - ink, 0, 1) if erase else np.maximum(self.pixels, ink)
        self.pixels = new.astype(np.float32)
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

    def paintEvent(self, event):
        p = QPainter(self)
        pal = self.palette()
        r = self._cell_rect()
        ink, paper = pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base)
        v = self.pixels[..., None]
        rgb = (np.array([paper.red(), paper.green(), paper.blue()]) * (1 - v)
               + np.array([ink.red(), ink.green(), ink.blue()]) * v).astype(np.uint8)
        rgba = np.dstack([rgb, np.full(self.pixels.shape, 255, np.uint8)])
        img: QImage = to_qimage(rgba)
        p.drawImage(r, img)
        p.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        p.drawRect(r.adjusted(0, 0, -1, -1))
        if not self.pixels.any():
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, "draw here")
