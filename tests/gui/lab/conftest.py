"""Lab fixtures: `lab_page(key)` opens one Lab page in its own LabWindow.

The fixtures of tests/gui/conftest.py (make_window, dialogs, settings_dir) stay available here.
"""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

import shiboken6


@pytest.fixture
def lab_page(qtbot):
    """lab_page(key, size=(1024, 700), show=True) -> the page `key` in a new LabWindow.

    The window is shown (when `show`) before the page is opened, as a user would open it;
    `size=None` keeps the window's own default size. The window (which owns the page, reachable
    as `page.window()`) stays alive until the test ends; then every page of every window built
    here is shut down (stopping its timers and workers; `shutdown()` may run twice, pages allow
    that) and the window is closed."""
    from dlstudio.gui.lab.window import LabWindow
    windows = []

    def make(key: str, size: tuple[int, int] | None = (1024, 700), show: bool = True):
        w = LabWindow()
        qtbot.addWidget(w)
        windows.append(w)
        if size is not None:
            w.resize(*size)
        if show:
            w.show()
        return w.show_page(key)

    yield make
    for w in windows:
        if shiboken6.isValid(w):
            for page in list(w.pages.values()):
                if shiboken6.isValid(page):
                    page.shutdown()
            w.close()
