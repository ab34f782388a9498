"""GUI fixtures: a main window with its settings, recovery folder and dialogs kept in tmp_path.

QSettings is pointed at a temporary folder before any window exists, so no test reads or
writes the user's real settings; every QMessageBox / QFileDialog a test may trigger is
replaced by `dialogs`, which answers from queues the test fills and fails loudly otherwise.
"""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

import shiboken6  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from dlstudio.gui import files as files_module  # noqa: E402


class Dialogs:
    """Scripted answers for the app's dialogs; `asked` records every question."""

    def __init__(self):
        self.answers: dict[str, list] = {"question": [], "open": [], "save": [], "weights": []}
        self.asked: list[tuple[str, str]] = []
        self.warnings: list[str] = []
        self.save_suggestions: list[str] = []  # the path each save dialog offered

    def _next(self, kind: str, text: str):
        self.asked.append((kind, text))
        if not self.answers[kind]:
            raise AssertionError(f"unexpected {kind} dialog: {text}")
        return self.answers[kind].pop(0)

    def question(self, parent, title, text, *args, **kwargs):
        return self._next("question", f"{title}: {text}")

    def warning(self, parent, title, text, *args, **kwargs):
        self.warnings.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    def open_name(self, parent, caption="", folder="", filters="", *args, **kwargs):
        return self._next("open", caption), ""

    def save_name(self, parent, caption="", folder="", filters="", *args, **kwargs):
        self.save_suggestions.append(folder)
        path = self._next("save", caption)
        return path, ("Model file (*.dls)" if str(path).endswith(".dls") else "Network file (*.json)")

    def weights(self, parent, problem):
        return self._next("weights", problem)


@pytest.fixture
def dialogs(monkeypatch):
    d = Dialogs()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(d.question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(d.warning))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a, **k: None))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(d.open_name))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(d.save_name))
    monkeypatch.setattr(files_module, "ask_weights_choice", d.weights)
    return d


@pytest.fixture
def settings_dir(tmp_path):
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def make_window(qtbot, settings_dir, dialogs):
    """make_window(network=None) -> a shown MainWindow (LeNet-5 when no network is given).

    Windows are closed by this fixture (not qtbot), after their unsaved changes are dropped,
    so closing never prompts unless a test closes a window itself."""
    from dlstudio.gui.main_window import MainWindow
    made = []

    def make(network=None, show=True):
        win = MainWindow(network=network)
        win.files.arm_recovery()
        if show:
            with qtbot.waitActive(win):
                win.show()
                win.activateWindow()
        made.append(win)
        return win

    yield make
    for win in made:
        if shiboken6.isValid(win):
            win.training.shutdown()  # stop a run without asking
            win.stack.setClean()
            win.files.results_dirty = False
            win.close()
            win.deleteLater()
    qtbot.wait(1)


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def empty_window(make_window):
    from dlstudio.spec import Network
    return make_window(Network(name="empty"))
