"""The open network as a model that announces its changes (no widgets).

`Document` owns one `spec.Network` and offers the few primitive edits the undo commands are
made of. Every primitive emits a signal naming what changed, then the document re-analyses
the network (shapes, costs, problems) once and emits `sigAnalysisChanged`. Inside
`with doc.batch():` the analysis waits until the outermost batch ends, so a compound edit
(paste, delete of many layers, layout) is analysed once.
"""
from __future__ import annotations

import copy
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal

from dlstudio.spec import Analysis, Network, Node, analyze


class Document(QObject):
    sigNodeAdded = Signal(str)           # node id
    sigNodeRemoved = Signal(str)         # node id
    sigNodeChanged = Signal(str)         # node id: its params changed
    sigNodeMoved = Signal(str)           # node id: its canvas position changed
    sigNodeRenamed = Signal(str, str)    # old id, new id
    sigEdgeAdded = Signal(str, str)      # source id, target id
    sigEdgeRemoved = Signal(str, str)    # source id, target id
    sigReset = Signal()                  # the whole network was replaced
    sigAnalysisChanged = Signal()        # shapes / costs / problems were recomputed

    def __init__(self, network: Network | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._net = network if network is not None else Network()
        self._analysis: Analysis = analyze(self._net)
        self._batch_depth = 0
        self._pending = False

    # ---- reading ------------------------------------------------------------------------------
    @property
    def network(self) -> Network:
        """The live network: read it, but edit only through the methods below (via commands)."""
        return self._net

    @property
    def analysis(self) -> Analysis:
        return self._analysis

    def node(self, node_id: str) -> Node:
        return self._net.node(node_id)

    def node_data(self, node_id: str) -> dict:
        """A JSON-safe copy of one node ({"id", "type", "params", "pos"})."""
        return self._net.node(node_id).to_dict()

    def ids(self) -> list[str]:
        return [n.id for n in self._net.nodes]

    def edge_index(self, src: str, dst: str) -> int:
        return self._net.edges.index((src, dst))

    # ---- primitive edits (used by commands only) ----------------------------------------------
    def insert_node(self, data: dict, index: int | None = None) -> None:
        pos = data.get("pos")
        node = Node(data["id"], data["type"], copy.deepcopy(data.get("params") or {}),
                    (float(pos[0]), float(pos[1])) if pos is not None else None)
        if self._net.has(node.id):
            raise ValueError(f"node id {node.id!r} is used twice")
        self._net.nodes.insert(len(self._net.nodes) if index is None else index, node)
        self.sigNodeAdded.emit(node.id)
        self._changed()

    def remove_node(self, node_id: str) -> tuple[dict, int]:
        """Remove a node that has no edges left; returns (its data, its index) for undo."""
        if any(node_id in e for e in self._net.edges):
            raise ValueError(f"node {node_id!r} still has connections")
        index = next(i for i, n in enumerate(self._net.nodes) if n.id == node_id)
        data = self._net.nodes.pop(index).to_dict()
        self.sigNodeRemoved.emit(node_id)
        self._changed()
        return data, index

    def insert_edge(self, src: str, dst: str, index: int | None = None) -> None:
        """Add src → dst at `index` of the edge list (its place among dst's ordered inputs)."""
        if not (self._net.has(src) and self._net.has(dst)):
            raise ValueError(f"edge {src!r} → {dst!r} names an unknown node")
        self._net.edges.insert(len(self._net.edges) if index is None else index, (src, dst))
        self.sigEdgeAdded.emit(src, dst)
        self._changed()

    def remove_edge(self, src: str, dst: str) -> int:
        index = self._net.edges.index((src, dst))
        del self._net.edges[index]
        self.sigEdgeRemoved.emit(src, dst)
        self._changed()
        return index

    def set_params(self, node_id: str, params: dict) -> None:
        self._net.node(node_id).params = copy.deepcopy(params)
        self.sigNodeChanged.emit(node_id)
        self._changed()

    def set_pos(self, node_id: str, pos) -> None:
        # positions do not change shapes: no re-analysis
        self._net.node(node_id).pos = (float(pos[0]), float(pos[1])) if pos is not None else None
        self.sigNodeMoved.emit(node_id)

    def rename(self, old: str, new: str) -> None:
        if self._net.has(new):
            raise ValueError(f"node id {new!r} is already used")
        self._net.node(old).id = new
        self._net.edges = [(new if s == old else s, new if d == old else d) for s, d in self._net.edges]
        self.sigNodeRenamed.emit(old, new)
        self._changed()

    def set_name(self, name: str) -> None:
        self._net.name = name

    def replace(self, network: Network) -> None:
        """Swap in another network (open, new); listeners rebuild from scratch."""
        self._net = network
        self._analysis = analyze(network)
        self._pending = False
        self.sigReset.emit()
        self.sigAnalysisChanged.emit()

    # ---- analysis -----------------------------------------------------------------------------
    @contextmanager
    def batch(self):
        """Group edits: the network is analysed once, when the outermost batch ends."""
        self._batch_depth += 1
        try:
            yield self
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._pending:
                self._reanalyze()

    def _changed(self) -> None:
        if self._batch_depth:
            self._pending = True
        else:
            self._reanalyze()

    def _reanalyze(self) -> None:
        self._pending = False
        self._analysis = analyze(self._net)
        self.sigAnalysisChanged.emit()
