"""View → Language: choose the app's language; it applies at the next start (offered right away).

The widgets set their texts once, when they are built, so the language cannot change under a
running window; the choice is stored in the settings (`ui/language`) and the user may restart now.
"""
from __future__ import annotations

import os
import sys

from PySide6.QtCore import QProcess
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMessageBox

from . import i18n
from .i18n import tr

SYSTEM = ""   # the setting's value for "follow the system's language"


def add_language_menu(win, view_menu) -> None:
    """Add the Language submenu to `view_menu`; the actions are kept on win.language_actions."""
    menu = view_menu.addMenu(tr("&Language"))
    group = QActionGroup(win)
    win.language_actions = {}
    chosen = str(win.settings.value(i18n.SETTING, SYSTEM) or SYSTEM)
    # each language by its own name, so that anyone can find theirs whatever the current language
    for code, label in [(SYSTEM, tr("Follow System")), *i18n.LANGUAGES.items()]:
        act = QAction(label, win, checkable=True)
        act.setChecked(code == chosen)
        act.triggered.connect(lambda checked=False, c=code: choose_language(win, c))
        group.addAction(act)
        menu.addAction(act)
        win.language_actions[code] = act
    win.language_menu = menu


def choose_language(win, code: str) -> QMessageBox | None:
    """Store the choice; when it changes the language, offer to restart (a non-blocking box,
    returned so that tests can answer it)."""
    win.settings.setValue(i18n.SETTING, code)
    win.settings.sync()
    win.language_actions[code].setChecked(True)
    wanted = i18n.choose(None, win.settings, {})
    env = os.environ.get("DLSTUDIO_LANG")
    if env:
        text = tr("The language is set by the environment variable DLSTUDIO_LANG ({value}); "
                  "unset it for this choice to take effect.").format(value=env)
    elif wanted == i18n.current():
        win.statusBar().showMessage(tr("Language saved."), 4000)
        return None
    else:
        text = tr("The new language applies when dlstudio starts again. Restart now?")
    box = QMessageBox(QMessageBox.Icon.Information, tr("Language"), text, parent=win)
    if env:
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
    else:
        restart = box.addButton(tr("Restart Now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.finished.connect(lambda _r: box.clickedButton() is restart and restart_app(win))
    box.open()
    return box


def restart_app(win) -> bool:
    """Close the window (asking about unsaved changes as usual) and start dlstudio again on the
    same file; False when the user kept the window open."""
    path = getattr(win.files, "path", None)
    if not win.close():
        return False
    QProcess.startDetached(sys.executable, ["-m", "dlstudio.cli", *([path] if path else [])])
    return True
