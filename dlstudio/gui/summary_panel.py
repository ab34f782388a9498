"""The summary table: per layer output shape, parameters, MACs, FLOPs and share of FLOPs,
with a totals row; Ctrl+C copies (tab-separated), "Export CSV…" writes a file, and
selecting rows selects the layers on the canvas."""
from __future__ import annotations

import csv
import os

from PySide6.QtCore import QAbstractTableModel, QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from . import format as fmt
from . import theme
from .document import Document
from .i18n import QT_TR_NOOP, tr

HEADERS = (QT_TR_NOOP("Layer"), QT_TR_NOOP("Type"), QT_TR_NOOP("Output shape"), QT_TR_NOOP("Parameters"),
           "MACs", "FLOPs", "% FLOPs")   # translated where shown
CSV_HEADERS = ("layer", "type", "output_shape", "params", "trainable", "macs", "flops", "flops_share")


def rows_of(doc: Document) -> tuple[list[dict], dict]:
    """One dict per layer (in flow order) and the totals, from the document's analysis."""
    a, net = doc.analysis, doc.network
    total = a.total
    problem_nodes = {p.node for p in a.problems}
    order = a.order or [n.id for n in net.nodes]
    rows = []
    for nid in order:
        c = a.costs.get(nid)
        rows.append({"id": nid, "type": net.node(nid).type, "shape": a.shapes.get(nid),
                     "params": c.params if c else 0, "trainable": c.trainable if c else 0,
                     "macs": c.macs if c else 0, "flops": c.flops if c else 0,
                     "share": (c.flops / total.flops) if c and total.flops else 0.0,
                     "problem": nid in problem_nodes})
    totals = {"params": total.params, "trainable": total.trainable, "macs": total.macs, "flops": total.flops}
    return rows, totals


class SummaryModel(QAbstractTableModel):
    def __init__(self, doc: Document, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.rows, self.totals = rows_of(doc)
        self._bold = QFont()
        self._bold.setBold(True)
        doc.sigAnalysisChanged.connect(self.refresh)  # renames and deletions re-analyse too

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows, self.totals = rows_of(self.doc)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows) + 1

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None

    def cells(self, row: int) -> list[str]:
        if row == len(self.rows):
            t = self.totals
            n = len(self.rows)
            return [tr("Total"), tr("1 layer") if n == 1 else tr("{n} layers").format(n=n), "", fmt.count(t["params"]),
                    fmt.count(t["macs"]),
                    fmt.count(t["flops"]), "100.0 %" if t["flops"] else ""]
        r = self.rows[row]
        return [r["id"], r["type"], fmt.shape(r["shape"]) if r["shape"] else "?", fmt.count(r["params"]),
                fmt.count(r["macs"]), fmt.count(r["flops"]), f"{100 * r['share']:.1f} %"]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(row)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row == len(self.rows):
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and row < len(self.rows) and self.rows[row]["problem"]:
            return theme.colors(QGuiApplication.palette()).error
        if role == Qt.ItemDataRole.ToolTipRole and row < len(self.rows) and self.rows[row]["problem"]:
            return tr("This layer has a problem — see the Problems tab.")
        return None

    def node_id(self, row: int) -> str | None:
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    def row_of(self, node_id: str) -> int | None:
        return next((k for k, r in enumerate(self.rows) if r["id"] == node_id), None)


class SummaryPanel(QWidget):
    sigNodesSelected = Signal(list)   # node ids whose rows the user selected

    def __init__(self, doc: Document, parent=None):
        super().__init__(parent)
        self.model = SummaryModel(doc, self)
        self.files = None  # the window's FileController: the export starts in the last folder used
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.table.installEventFilter(self)
        self.totals = QLabel(wordWrap=True)  # wraps in a narrow window instead of widening it
        copy = QPushButton(tr("Copy"))
        copy.setToolTip(tr("Copy the selected rows (or the whole table) as tab-separated text"))
        copy.clicked.connect(self.copy)
        export = QPushButton(tr("Export CSV…"))
        export.clicked.connect(self.export_dialog)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.totals, 1)
        bar.addWidget(copy)
        bar.addWidget(export)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addLayout(bar)
        lay.addWidget(self.table)
        self.table.selectionModel().selectionChanged.connect(self._rows_selected)
        self.model.modelReset.connect(self._update_totals)
        self._syncing = False
        self._selected_ids: list[str] = []
        self._update_totals()

    def _update_totals(self) -> None:
        t = self.model.totals
        text = (tr("1 layer · {params} parameters ({trainable} trainable) · {macs} MACs · {flops} FLOPs")
                if len(self.model.rows) == 1 else
                tr("{layers} layers · {params} parameters ({trainable} trainable) · {macs} MACs · {flops} FLOPs"))
        self.totals.setText(text.format(layers=len(self.model.rows), params=fmt.count(t['params']),
                                        trainable=fmt.count(t['trainable']),
                                        macs=fmt.compact(t['macs']), flops=fmt.compact(t['flops'])))
        self.select_ids(self._selected_ids)

    # ---- selection both ways ------------------------------------------------------------------
    def _rows_selected(self, *_):
        if self._syncing:
            return
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.node_id(r) for r in rows if self.model.node_id(r)]
        self._selected_ids = ids
        self.sigNodesSelected.emit(ids)

    def select_ids(self, ids) -> None:
        """Mirror the canvas selection without echoing it back."""
        self._selected_ids = list(ids)
        sel = QItemSelection()
        for node_id in ids:
            row = self.model.row_of(node_id)
            if row is not None:
                sel.select(self.model.index(row, 0), self.model.index(row, len(HEADERS) - 1))
        self._syncing = True
        try:
            self.table.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if not sel.isEmpty():
                self.table.scrollTo(sel.indexes()[0])
        finally:
            self._syncing = False

    # ---- copy and export ----------------------------------------------------------------------
    def eventFilter(self, obj, event):
        if obj is self.table and event.type() == event.Type.KeyPress and event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return True
        return super().eventFilter(obj, event)

    def table_text(self, rows: list[int] | None = None) -> str:
        rows = list(range(self.model.rowCount())) if not rows else rows
        lines = ["\t".join(tr(h) for h in HEADERS)] + ["\t".join(self.model.cells(r)) for r in rows]
        return "\n".join(lines) + "\n"

    def copy(self) -> str:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        text = self.table_text(rows)
        QGuiApplication.clipboard().setText(text)
        return text

    def export_csv(self, path: str) -> None:
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(CSV_HEADERS)
            for r in self.model.rows:
                shape = "x".join(str(d) for d in r["shape"]) if r["shape"] else ""
                w.writerow([r["id"], r["type"], shape, r["params"], r["trainable"], r["macs"], r["flops"],
                            f"{r['share']:.6f}"])
            t = self.model.totals
            w.writerow(["total", "", "", t["params"], t["trainable"], t["macs"], t["flops"],
                        "1.000000" if t["flops"] else "0.000000"])

    def export_dialog(self) -> None:
        start = os.path.join(self.files.last_folder(), "summary.csv") if self.files is not None else "summary.csv"
        path, _ = QFileDialog.getSaveFileName(self, tr("Export summary"), start, tr("CSV files") + " (*.csv)")
        if not path:
            return
        try:
            self.export_csv(path)
        except OSError as e:
            QMessageBox.warning(self, tr("Export summary"),
                                tr("Cannot write {path}: {error}").format(path=path, error=e.strerror or e))
            return
        if self.files is not None:
            self.files.remember_folder(path)
