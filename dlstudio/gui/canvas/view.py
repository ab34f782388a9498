"""The canvas view: zoom with the wheel (around the cursor), pan with the middle button or
Space + drag, rubber-band selection, fit to view, and a transient message for refusals."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QGraphicsView, QLabel

from .node_item import NodeItem

MIN_ZOOM, MAX_ZOOM, MAX_FIT_ZOOM = 0.1, 4.0, 1.0
READABLE_ZOOM = 0.65  # below this the blocks' text is too small to read


class Toast(QLabel):
    """A refusal's bubble: opaque (the tool-tip colours of the current theme), with a red border,
    painted here — a style sheet's background left the blocks behind it showing through."""
    BORDER = QColor("#d32f2f")

    def __init__(self, parent):
        super().__init__(parent)
        self.setObjectName("canvasToast")
        self.setWordWrap(True)
        self.setContentsMargins(10, 6, 10, 6)

    def background(self) -> QColor:
        c = QColor(self.palette().color(QPalette.ColorRole.ToolTipBase))
        c.setAlpha(255)
        return c

    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(self.BORDER, 1))
        p.setBrush(self.background())
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        p.end()
        super().paintEvent(event)

    def follow_theme(self) -> None:
        """The text in the current theme's tool-tip colour (called before each showing)."""
        pal = QPalette(self.parentWidget().palette())
        pal.setColor(QPalette.ColorRole.WindowText, pal.color(QPalette.ColorRole.ToolTipText))
        self.setPalette(pal)


class CanvasView(QGraphicsView):
    sigZoomChanged = Signal(float)   # the new zoom factor (1.0 = 100 %)
    sigSpaceTapped = Signal()        # Space pressed and released without panning (start / pause training)
    sigFilesDropped = Signal(list)   # paths of .dls / .json files dropped on the canvas

    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPoint | None = None
        self._space_down = False
        self._space_panned = False
        self._toast = Toast(self.viewport())
        self._toast.hide()
        self._toast_timer = QTimer(self, singleShot=True, interval=3500, timeout=self._toast.hide)
        self._banner = QLabel(self.viewport())  # a lasting note, e.g. "locked while training"
        self._banner.setObjectName("canvasBanner")
        self._banner.setStyleSheet(
            "#canvasBanner { background: palette(highlight); color: palette(highlighted-text);"
            " border-radius: 5px; padding: 4px 10px; }")
        self._banner.hide()

    # ---- zoom ---------------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom to `factor`, keeping the scene point under `anchor` (a viewport point; default the
        centre) where it is."""
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        ratio = factor / self.zoom()
        if abs(ratio - 1.0) < 1e-9:
            return
        if anchor is None:
            anchor = QPointF(self.viewport().rect().center())
        fixed = self.mapToScene(anchor.toPoint())
        old = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.scale(ratio, ratio)
        self.setTransformationAnchor(old)
        drift = self.mapFromScene(fixed) - anchor.toPoint()
        self.pan_by(-drift.x(), -drift.y())
        self.sigZoomChanged.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * 1.25)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / 1.25)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def wheelEvent(self, event):
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.set_zoom(self.zoom() * (1.2 ** steps), anchor=event.position())
        event.accept()

    def fit_to_view(self) -> None:
        """Show every block, at most at 100 %."""
        items = [i for i in self.scene().items() if isinstance(i, NodeItem)]
        if not items:
            self.resetTransform()
            self.centerOn(0, 0)
            self.sigZoomChanged.emit(self.zoom())
            return
        rect = QRectF()
        for item in items:
            rect = rect.united(item.sceneBoundingRect())
        rect = rect.adjusted(-30, -30, 30, 30)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > MAX_FIT_ZOOM:
            self.resetTransform()
            self.scale(MAX_FIT_ZOOM, MAX_FIT_ZOOM)
        self.centerOn(rect.center())
        self.sigZoomChanged.emit(self.zoom())

    def show_start(self) -> None:
        """The view a freshly opened network gets: all of it if it can be read that way,
        otherwise its top (where the data enters) at a readable zoom."""
        self.fit_to_view()
        items = [i for i in self.scene().items() if isinstance(i, NodeItem)]
        if not items or self.zoom() >= READABLE_ZOOM:
            return
        rect = QRectF()
        for item in items:
            rect = rect.united(item.sceneBoundingRect())
        self.resetTransform()
        self.scale(READABLE_ZOOM, READABLE_ZOOM)
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        self.centerOn(rect.center().x(), rect.top() - 30 + visible.height() / 2)
        self.sigZoomChanged.emit(self.zoom())

    # ---- panning ------------------------------------------------------------------------------
    def mousePressEvent(self, event):
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if self._space_down:
            self._space_panned = True
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        if self._pan_from is not None:
            pos = event.position().toPoint()
            delta = pos - self._pan_from
            self._pan_from = pos
            self.pan_by(delta.x(), delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        if event.button() == Qt.MouseButton.MiddleButton and self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def pan_by(self, dx: int, dy: int) -> None:
        """Move the content by (dx, dy) screen pixels, as a hand drag would."""
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - dx)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() - dy)

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down, self._space_panned = True, False
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event):
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space_down:
            self._space_down = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            if not self._space_panned:
                self.sigSpaceTapped.emit()
            event.accept()
            return
        super().keyReleaseEvent(event)

    # ---- files dropped on the canvas (layer blocks go to the scene) -----------------------------
    @staticmethod
    def network_files(mime) -> list[str]:
        return [u.toLocalFile() for u in mime.urls() if u.toLocalFile().lower().endswith((".dls", ".json"))]

    def dragEnterEvent(self, event):
        if self.network_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event):
        if self.network_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event):
        files = self.network_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.sigFilesDropped.emit(files)
        else:
            super().dropEvent(event)

    # ---- messages -----------------------------------------------------------------------------
    def show_toast(self, text: str, scene_pos: QPointF | None = None) -> None:
        """A short message near scene_pos (or at the top of the view) that fades by itself."""
        self._toast.follow_theme()
        self._toast.setText(text)
        self._toast.setMaximumWidth(min(420, self.viewport().width() - 20))
        self._toast.adjustSize()
        if scene_pos is not None:
            p = self.mapFromScene(scene_pos)
            x, y = p.x() + 14, p.y() + 14
        else:
            x, y = (self.viewport().width() - self._toast.width()) // 2, 12
        x = max(8, min(x, self.viewport().width() - self._toast.width() - 8))
        y = max(8, min(y, self.viewport().height() - self._toast.height() - 8))
        self._toast.move(x, y)
        self._toast.show()
        self._toast.raise_()
        self._toast_timer.start()

    def set_banner(self, text: str | None) -> None:
        """A lasting note in the top-left corner of the canvas (None hides it)."""
        if not text:
            self._banner.hide()
            return
        self._banner.setText(text)
        self._banner.adjustSize()
        self._banner.move(10, 10)
        self._banner.show()
        self._banner.raise_()

    def banner_text(self) -> str | None:
        return None if self._banner.isHidden() else self._banner.text()

    def toast_text(self) -> str | None:
        return None if self._toast.isHidden() else self._toast.text()

    def changeEvent(self, event):
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            if self.scene() is not None:
                self.scene().update()
        super().changeEvent(event)
