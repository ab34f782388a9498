"""Give the keyboard back to the window a dialog came from, once the dialog closes.

When a message box or a file dialog closes, Qt deactivates it but does not activate its parent
window: that is left to the window manager. Where none does it (X11 without a window manager,
some compositors, Qt's offscreen platform), no window of the app is active afterwards, and then
no shortcut works — Qt matches every shortcut, whatever its context, against the active window —
and no key reaches the canvas until the user clicks the window.

`install(app)` watches every window that takes the focus; when one with a parent window (a
dialog, the Lab) is hidden and leaves no shown window of the app active (none at all, or the
hidden dialog itself) and no other modal dialog open, the parent window is activated again,
which also gives the keyboard back to the widget that had it (the canvas, say).
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QWidget

_NAME = "dlstudioFocusReturn"
_WATCHED = "_dlstudio_focus_return"   # a property on a dialog: its hide is already watched
_KINDS = (Qt.WindowType.Dialog, Qt.WindowType.Window, Qt.WindowType.Sheet)


def widget_of(window: QWindow) -> QWidget | None:
    """The top-level widget shown in `window`, if any."""
    return next((w for w in QApplication.topLevelWidgets() if w.windowHandle() is window), None)


class FocusReturn(QObject):
    """Activates a dialog's parent window again when the dialog's closing left none active."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.setObjectName(_NAME)
        self.returned = 0   # how many times the keyboard was given back (for tests and diagnostics)
        app.focusWindowChanged.connect(self._focus_window_changed)

    def _focus_window_changed(self, window: QWindow | None) -> None:
        widget = widget_of(window) if window is not None else None
        if widget is None or widget.parentWidget() is None or widget.windowType() not in _KINDS:
            return
        if not widget.isVisible():  # activated only after it closed (Enter pressed at once)
            self._give_back_later(widget)
        elif not widget.property(_WATCHED):
            widget.setProperty(_WATCHED, True)
            widget.installEventFilter(self)  # this dialog's events only: its Hide

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Hide and obj.isWindow():
            self._give_back_later(obj)
        return False

    def _give_back_later(self, dialog: QWidget) -> None:
        """After the dialog's hide has been handled (its own deactivation comes first)."""
        if dialog.parentWidget() is not None:
            parent = dialog.parentWidget().window()
            QTimer.singleShot(0, self, lambda: self.give_back(parent))

    def give_back(self, parent: QWidget) -> bool:
        """Activate `parent` if no shown window of the app is active and no modal dialog is open."""
        if not shiboken6.isValid(parent) or not parent.isVisible():
            return False
        active = QApplication.activeWindow()  # None, or the hidden dialog itself on some platforms
        if (active is not None and active.isVisible()) or QApplication.activeModalWidget() is not None:
            return False   # a window manager did it, or the next dialog is already up
        parent.activateWindow()
        self.returned += 1
        return True


def install(app: QApplication | None = None) -> FocusReturn:
    """Watch the app's dialogs (once per application; later calls return the same watcher)."""
    app = app or QApplication.instance()
    existing = app.findChild(FocusReturn, _NAME)
    return existing if existing is not None else FocusReturn(app)
