"""The Lab window: the list of pages on the left, the current page on the right.

Pages are built when first shown (importing a page loads only what it needs). The window is one
per main window (Help → Lab, the toolbar's Lab button, the "Explain" links) or stands alone
(`dlstudio lab [PAGE]`).
"""
from __future__ import annotations

import importlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMainWindow, QSplitter, QStackedWidget, QWidget

from ..i18n import tr
from . import PAGES, page_for
from .base import LabPage

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def page_class(key: str) -> type[LabPage]:
    for k, _, target in PAGES:
        if k == key:
            module, cls = target.split(":")
            return getattr(importlib.import_module(module), cls)
    raise KeyError(f"no Lab page {key!r}; the pages are {', '.join(k for k, _, _ in PAGES)}")


class LabWindow(QMainWindow):
    sigPageShown = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dlstudioLab")
        self.setWindowTitle(tr("dlstudio Lab"))
        self.pages: dict[str, LabPage] = {}
        self.list = QListWidget()
        self.list.setObjectName("labPages")
        for key, title, _ in PAGES:
            item = QListWidgetItem(tr(title))
            item.setData(KEY_ROLE, key)
            self.list.addItem(item)
        self.list.setMaximumWidth(220)
        self.stack = QStackedWidget()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        split.setSizes([190, 1000])
        self.setCentralWidget(split)
        self.current: str | None = None
        self.list.currentItemChanged.connect(self._item_changed)
        self.resize(1280, 820)

    def _item_changed(self, item, _previous=None) -> None:
        if item is not None:
            self.show_page(item.data(KEY_ROLE))

    def page(self, key: str) -> LabPage:
        """The page `key`, built on first use."""
        if key not in self.pages:
            page = page_class(key)(self.stack)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def show_page(self, key: str, topic: str | None = None) -> LabPage:
        page = self.page(key)
        if self.current != key:
            if self.current is not None:
                self.pages[self.current].deactivate()
            self.current = key
            self.stack.setCurrentWidget(page)
            row = next(i for i, (k, _, _) in enumerate(PAGES) if k == key)
            if self.list.currentRow() != row:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)
            page.activate()
            self.sigPageShown.emit(key)
        if topic:
            page.explain(topic)
        return page

    def explain(self, topic: str) -> LabPage | None:
        """Show the page that explains `topic` focused on it; None if no page does."""
        key = page_for(topic)
        if key is None:
            return None
        page = self.show_page(key, topic)
        self.show()
        self.raise_()
        self.activateWindow()
        return page

    def closeEvent(self, event) -> None:
        for page in self.pages.values():
            page.shutdown()
        super().closeEvent(event)

    def hideEvent(self, event) -> None:
        if self.current is not None and self.current in self.pages:
            self.pages[self.current].deactivate()
        super().hideEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.current is not None and self.current in self.pages:
            self.pages[self.current].activate()
