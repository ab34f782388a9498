"""A small editable grid of numbers for the Lab's stepper pages: padding drawn apart, a window
highlighted, cells that hold text that is not a number shown red and kept."""
from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ..i18n import tr
from ..theme import mix

MAX_ABS = 1e6          # larger values would not be readable in a cell anyway


def bad_tip() -> str:
    """The tooltip of a cell whose text is not a usable number (in the app's language)."""
    return tr("not a number between −{max} and {max} — the output keeps the last valid value").format(
        max=f"{MAX_ABS:g}")


def parse_number(text: str) -> float | None:
    """The number a cell's text means, or None (empty, not a number, not finite, too large)."""
    try:
        v = float(text.strip().replace("−", "-"))
    except ValueError:
        return None
    return v if abs(v) <= MAX_ABS else None     # False for nan and inf too


def html_text(text: str) -> str:
    """Plain text for a rich-text label, its runs of spaces kept."""
    return html.escape(text).replace("  ", "&nbsp;&nbsp;")


def filled(shape: tuple[int, ...], seed: int) -> np.ndarray:
    """Small whole numbers for cells a size change adds (repeatable, not random)."""
    idx = np.indices(shape).reshape(len(shape), -1)
    weights = np.array([5, 7, 3, 2][-len(shape):])[:, None]
    return (((weights * idx).sum(0) + seed) % 5 - 1).reshape(shape).astype(np.float32)


def resized(a: np.ndarray, shape: tuple[int, ...], seed: int) -> np.ndarray:
    """a cut or grown to shape; the overlap keeps its values."""
    out = filled(shape, seed)
    sl = tuple(slice(0, min(m, n)) for m, n in zip(a.shape, shape))
    out[sl] = a[sl]
    return out


class Grid(QTableWidget):
    """A small grid of numbers: editable cells, padding drawn apart, a highlighted window."""
    sigEdited = Signal(int, int, str)      # row, column, the text typed

    def __init__(self, editable: bool, parent=None):
        super().__init__(parent)
        self.editable = editable
        self.cell = 30
        self.highlighted: set[tuple[int, int]] = set()
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if editable else Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.EditKeyPressed if editable
                             else QAbstractItemView.EditTrigger.NoEditTriggers)
        self.itemChanged.connect(self._changed)

    def _changed(self, item: QTableWidgetItem) -> None:
        self.sigEdited.emit(item.row(), item.column(), item.text())

    def show_cells(self, texts: list[list[str]], fills: list[list[QColor]], editable: np.ndarray | None,
                   tips: dict[tuple[int, int], str], dim: np.ndarray | None = None) -> None:
        """Write every cell's text and background; editable marks the cells a user may change."""
        rows, cols = len(texts), len(texts[0]) if texts else 0
        self.blockSignals(True)
        if (self.rowCount(), self.columnCount()) != (rows, cols):
            self.setRowCount(rows)
            self.setColumnCount(cols)
        pal = self.palette()
        text_c, dim_c = pal.color(QPalette.ColorRole.Text), mix(pal.color(QPalette.ColorRole.Base),
                                                                pal.color(QPalette.ColorRole.Text), 0.45)
        for r in range(rows):
            for c in range(cols):
                item = self.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    self.setItem(r, c, item)
                item.setText(texts[r][c])
                item.setBackground(fills[r][c])
                item.setForeground(dim_c if dim is not None and dim[r, c] else text_c)
                item.setToolTip(tips.get((r, c), ""))
                flags = Qt.ItemFlag.ItemIsEnabled
                if self.editable and (editable is None or editable[r, c]):
                    flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsSelectable
                item.setFlags(flags)
        self.blockSignals(False)
        self.set_cell_size(self.cell)

    def set_cell_size(self, cell: int) -> None:
        self.cell = cell
        font = QFont(self.font())
        longest = max((self.item(r, c).text() for r in range(self.rowCount()) for c in range(self.columnCount())
                       if self.item(r, c) is not None), key=len, default="0")
        size = min(13.0, cell / 3.4)
        font.setPointSizeF(size)
        while size > 6.5 and QFontMetrics(font).horizontalAdvance(longest) > cell - 10:
            size -= 0.5
            font.setPointSizeF(size)
        self.setFont(font)
        for c in range(self.columnCount()):
            self.setColumnWidth(c, cell)
        for r in range(self.rowCount()):
            self.setRowHeight(r, cell)
        f = 2 * self.frameWidth()
        self.setFixedSize(self.columnCount() * cell + f, self.rowCount() * cell + f)


def titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(1)
    lay.addWidget(QLabel(title))
    lay.addWidget(widget)
    return box


def clear_layout(layout) -> None:
    while layout.count():
        w = layout.takeAt(0).widget()
        if w is not None:
            w.setParent(None)
            w.deleteLater()
