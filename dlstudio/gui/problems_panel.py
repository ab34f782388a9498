"""The problems list: everything the analysis found wrong; clicking one selects its layer."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle

from . import format as fmt
from .document import Document
from .i18n import tr, tr_text

NODE_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsPanel(QListWidget):
    sigNodeActivated = Signal(str)   # id of the layer whose problem was clicked
    sigCountChanged = Signal(int)    # number of problems

    def __init__(self, doc: Document, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setUniformItemSizes(False)
        self._icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._ok_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        doc.sigAnalysisChanged.connect(self.refresh)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        self._count = -1
        self.refresh()

    def refresh(self) -> None:
        problems = self.doc.analysis.problems
        self.clear()
        for p in problems:
            item = QListWidgetItem(self._icon, fmt.problem(p))
            item.setData(NODE_ROLE, p.node)
            item.setToolTip(tr_text(p.message))
            self.addItem(item)
        if not problems:
            item = QListWidgetItem(self._ok_icon, tr("No problems: every layer has a shape and a cost.")
                                   if self.doc.network.nodes else tr("The network is empty — drag layers "
                                                                     "from the palette onto the canvas."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)
        if len(problems) != self._count:
            self._count = len(problems)
            self.sigCountChanged.emit(self._count)

    def problem_count(self) -> int:
        return max(self._count, 0)

    def _clicked(self, item: QListWidgetItem) -> None:
        node_id = item.data(NODE_ROLE)
        if node_id:
            self.sigNodeActivated.emit(node_id)
