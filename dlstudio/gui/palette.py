"""The layer palette: every catalogue type, grouped, searchable, draggable onto the canvas.

Dragging a block carries its type name under `LAYER_MIME`; double-clicking asks for the
layer to be added after the selected node (`sigAddRequested`). Below the list, a help pane
explains the highlighted type.
"""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QLineEdit, QMenu, QSplitter, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from dlstudio.spec import all_types
from dlstudio.spec.catalogue import GROUPS

from . import format as fmt
from . import theme
from .canvas.scene import LAYER_MIME
from .i18n import tr, tr_text
from .lab import page_for
from .lab.links import explain_link, topic_of

TYPE_ROLE = Qt.ItemDataRole.UserRole + 1


def _swatch(color: QColor) -> QIcon:
    pm = QPixmap(12, 12)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawRoundedRect(1, 1, 10, 10, 3, 3)
    p.end()
    return QIcon(pm)


class LayerTree(QTreeWidget):
    """The grouped list; a drag out of it carries the layer type name."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIndentation(12)
        self.setIconSize(QSize(12, 12))
        self.setUniformRowHeights(True)
        self.setAnimated(False)

    def mimeTypes(self):
        return [LAYER_MIME]

    def mimeData(self, items):
        names = [i.data(0, TYPE_ROLE) for i in items if i.data(0, TYPE_ROLE)]
        if not names:
            return None
        return layer_mime(names[0])

    def supportedDragActions(self):
        return Qt.DropAction.CopyAction


def layer_mime(type_name: str) -> QMimeData:
    data = QMimeData()
    data.setData(LAYER_MIME, type_name.encode("utf-8"))
    data.setText(type_name)
    return data


class Palette(QWidget):
    sigAddRequested = Signal(str)   # layer type name (double-click / Enter)
    sigExplainRequested = Signal(str)  # a Lab topic (the layer type name)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.search = QLineEdit(placeholderText=tr("Search layers…"), clearButtonEnabled=True)
        self.tree = LayerTree()
        self.help = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.help.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.help.setContentsMargins(6, 6, 6, 6)
        self.help.linkActivated.connect(self._link)
        self.help.setMinimumHeight(64)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.help)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addWidget(self.search)
        lay.addWidget(self.splitter)
        self._fill()
        self.search.textChanged.connect(self.filter)
        self.tree.itemActivated.connect(self._activated)  # double-click or Enter
        self.tree.currentItemChanged.connect(self._show_help)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self._show_help(None)

    def _fill(self) -> None:
        types = all_types()
        pal = self.palette()
        self.groups: dict[str, QTreeWidgetItem] = {}
        for group in GROUPS:
            members = sorted((lt for lt in types.values() if lt.group == group), key=lambda lt: lt.name)
            if not members:
                continue
            head = QTreeWidgetItem([fmt.group_label(group)])
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.tree.addTopLevelItem(head)
            self.groups[group] = head
            for lt in members:
                item = QTreeWidgetItem([lt.name])
                item.setData(0, TYPE_ROLE, lt.name)
                item.setToolTip(0, tr_text(lt.help))
                item.setIcon(0, _swatch(theme.accent(group, pal)))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsDragEnabled)
                head.addChild(item)
        self.tree.expandAll()

    def type_items(self) -> list[QTreeWidgetItem]:
        return [head.child(k) for head in self.groups.values() for k in range(head.childCount())]

    def item_for(self, type_name: str) -> QTreeWidgetItem:
        return next(i for i in self.type_items() if i.data(0, TYPE_ROLE) == type_name)

    def visible_types(self) -> list[str]:
        return [i.data(0, TYPE_ROLE) for i in self.type_items() if not i.isHidden()]

    def filter(self, text: str) -> None:
        """Show the types whose name, group or help contains every word typed."""
        words = text.lower().split()
        types = all_types()
        for head in self.groups.values():
            shown = 0
            for k in range(head.childCount()):
                item = head.child(k)
                lt = types[item.data(0, TYPE_ROLE)]
                hay = f"{lt.name} {lt.group} {lt.help} {fmt.group_label(lt.group)} {tr_text(lt.help)}".lower()
                hit = all(w in hay for w in words)
                item.setHidden(not hit)
                shown += hit
            head.setHidden(shown == 0)
        first = next((i for i in self.type_items() if not i.isHidden()), None)
        if words and first is not None:
            self.tree.setCurrentItem(first)

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        type_name = item.data(0, TYPE_ROLE)
        if type_name:
            self.sigAddRequested.emit(type_name)

    def _show_help(self, item, previous=None) -> None:
        type_name = item.data(0, TYPE_ROLE) if item is not None else None
        if not type_name:
            self.help.setText("<i>" + tr("Drag a layer onto the canvas, or double-click it to add it after "
                                         "the selected layer.") + "</i>")
            return
        lt = all_types()[type_name]
        settings = ", ".join(fmt.setting_name(p.name) for p in lt.schema.params) or tr("none")
        link = explain_link(lt.name)
        self.help.setText(f"<b>{lt.name}</b> <span style='color:gray'>({fmt.group_label(lt.group)})</span>"
                          f"<br>{tr_text(lt.help)}<br><span style='color:gray'>"
                          + tr("Settings: {names}").format(names=settings) + "</span>"
                          + (f"<br>{link}" if link else ""))

    def _link(self, href: str) -> None:
        topic = topic_of(href)
        if topic:
            self.sigExplainRequested.emit(topic)

    def _context_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        type_name = item.data(0, TYPE_ROLE) if item is not None else None
        if not type_name:
            return
        menu = QMenu(self)
        menu.addAction(tr("Add {type} after the selection").format(type=type_name),
                       lambda: self.sigAddRequested.emit(type_name))
        explain = menu.addAction(tr("Explain in the Lab"), lambda: self.sigExplainRequested.emit(type_name))
        explain.setEnabled(page_for(type_name) is not None)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
