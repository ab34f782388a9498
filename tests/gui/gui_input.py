"""Synthesized input for the canvas: mouse gestures, wheel, key presses and drops."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

LEFT, MIDDLE, NONE = Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton, Qt.MouseButton.NoButton
EV = QMouseEvent.Type


def _send_mouse(view, kind, pos: QPoint, button, buttons, modifiers=Qt.KeyboardModifier.NoModifier):
    vp = view.viewport()
    ev = QMouseEvent(kind, QPointF(pos), QPointF(vp.mapToGlobal(pos)), button, buttons, modifiers)
    QApplication.sendEvent(vp, ev)


def drag(view, start: QPointF, end: QPointF, button=LEFT, steps: int = 4, scene: bool = True,
         modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Press at start, move in steps, release at end (scene points, or view points if scene=False)."""
    a = view.mapFromScene(start) if scene else QPoint(int(start.x()), int(start.y()))
    b = view.mapFromScene(end) if scene else QPoint(int(end.x()), int(end.y()))
    _send_mouse(view, EV.MouseButtonPress, a, button, button, modifiers)
    for k in range(1, steps + 1):
        p = a + (b - a) * (k / steps)
        _send_mouse(view, EV.MouseMove, p, NONE, button, modifiers)
    _send_mouse(view, EV.MouseButtonRelease, b, button, NONE, modifiers)


def click(view, at: QPointF, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    p = view.mapFromScene(at)
    _send_mouse(view, EV.MouseButtonPress, p, LEFT, LEFT, modifiers)
    _send_mouse(view, EV.MouseButtonRelease, p, LEFT, NONE, modifiers)


def wheel(view, at: QPoint, clicks: float) -> None:
    vp = view.viewport()
    ev = QWheelEvent(QPointF(at), QPointF(vp.mapToGlobal(at)), QPoint(0, 0), QPoint(0, int(120 * clicks)),
                     NONE, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, ev)


def key(widget, k, press: bool = True, release: bool = True) -> None:
    if press:
        QApplication.sendEvent(widget, QKeyEvent(QKeyEvent.Type.KeyPress, k, Qt.KeyboardModifier.NoModifier))
    if release:
        QApplication.sendEvent(widget, QKeyEvent(QKeyEvent.Type.KeyRelease, k, Qt.KeyboardModifier.NoModifier))


def drop(widget, pos: QPoint, mime: QMimeData) -> bool:
    """Drag enter + move + drop at pos on widget; True if the drop was accepted."""
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, mods = LEFT, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(pos), actions, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(QPoint(pos), actions, mime, buttons, mods)
    QApplication.sendEvent(widget, move)
    if not move.isAccepted():
        return False
    ev = QDropEvent(QPointF(pos), actions, mime, buttons, mods)
    QApplication.sendEvent(widget, ev)
    return ev.isAccepted()


def centre(item) -> QPointF:
    return item.sceneBoundingRect().center()
