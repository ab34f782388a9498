"""The canvas scene: mirrors the document and turns mouse gestures into editor calls.

It subscribes to the document's signals (one item per node and per edge), refreshes the
blocks' text when the analysis changes, and reports what the user did — a drop from the
palette, a port-to-port drag, a finished move — to the `Editor`, which makes the commands.
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from dlstudio.spec import all_types

from .. import format as fmt
from .. import theme
from ..document import Document
from ..editor import Editor
from ..i18n import tr, tr_text
from .edge_item import EdgeItem, curve
from .node_item import ROW, WIDTH, NodeItem, block_height
from .port_item import PortItem

LAYER_MIME = "application/x-dlstudio-layer-type"
SCENE_MARGIN = 1200.0
SNAP_DISTANCE = 16.0
LANE_GAP = 22.0  # between a routed connection and the blocks it passes


def node_size(type_name: str) -> tuple[float, float]:
    """(width, height) of the block for a layer type, without making one."""
    return WIDTH, block_height(detailed(all_types().get(type_name)))


def detailed(lt) -> bool:
    """Blocks with settings worth showing get a second row (an Input's shape is its output)."""
    return bool(lt is not None and lt.summary_keys and lt.max_inputs != 0)


class NetworkScene(QGraphicsScene):
    sigSelectedIdsChanged = Signal(list)   # ids of the selected nodes, in document order

    def __init__(self, doc: Document, editor: Editor, parent=None):
        super().__init__(parent)
        self.doc, self.editor = doc, editor
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[tuple[str, str], EdgeItem] = {}
        self._inputs: dict[str, list[str]] = {}
        self._link: tuple[PortItem, QGraphicsPathItem] | None = None
        self._link_target: PortItem | None = None
        self._reroute_pending = False
        editor.node_size = lambda node_id: node_size(self.doc.node(node_id).type)
        doc.sigNodeAdded.connect(self._on_node_added)
        doc.sigNodeRemoved.connect(self._on_node_removed)
        doc.sigNodeMoved.connect(self._on_node_moved)
        doc.sigNodeRenamed.connect(self._on_node_renamed)
        doc.sigEdgeAdded.connect(self._on_edges_of_changed)
        doc.sigEdgeRemoved.connect(self._on_edges_of_changed)
        doc.sigReset.connect(self.rebuild)
        doc.sigAnalysisChanged.connect(self.refresh_info)
        editor.sigSelectRequest.connect(self.select_ids)
        self.selectionChanged.connect(self._selection_changed)
        self.rebuild()

    # ---- mirroring the document ---------------------------------------------------------------
    def rebuild(self) -> None:
        self.cancel_link()
        for item in list(self.nodes.values()) + list(self.edges.values()):
            self.removeItem(item)
        self.nodes.clear()
        self.edges.clear()
        self._inputs.clear()
        for node in self.doc.network.nodes:
            self._on_node_added(node.id, refresh=False)
        for dst in {d for _, d in self.doc.network.edges}:
            self._sync_edges_into(dst)
        self.reroute()  # now that every block is in place
        self.refresh_info()
        self.update_scene_rect()

    def _on_node_added(self, node_id: str, refresh: bool = True) -> None:
        node = self.doc.node(node_id)
        lt = all_types().get(node.type)
        item = NodeItem(node_id, node.type, lt.group if lt else "Core",
                        multi_input=bool(lt and lt.max_inputs is None),
                        takes_input=lt is None or lt.max_inputs != 0,
                        detailed=detailed(lt))
        self.nodes[node_id] = item
        self.addItem(item)
        item.set_pos_silently(QPointF(*(node.pos or (0.0, 0.0))))
        if refresh:
            self.update_scene_rect()

    def _on_node_removed(self, node_id: str) -> None:
        item = self.nodes.pop(node_id)
        self.removeItem(item)
        self._inputs.pop(node_id, None)

    def _on_node_moved(self, node_id: str) -> None:
        item = self.nodes[node_id]
        pos = self.doc.node(node_id).pos or (0.0, 0.0)
        if item.pos() != QPointF(*pos):
            item.set_pos_silently(QPointF(*pos))
        self._update_edges_of(node_id)
        if not self._reroute_pending:  # once after a batch of moves (a layout, an undo)
            self._reroute_pending = True
            QTimer.singleShot(0, self._reroute_later)

    def _reroute_later(self) -> None:
        if shiboken6.isValid(self):
            self._reroute_pending = False
            self.reroute()

    def _on_node_renamed(self, old: str, new: str) -> None:
        item = self.nodes.pop(old)
        item.rename(new)
        self.nodes[new] = item
        for key in [k for k in self.edges if old in k]:
            self.removeItem(self.edges.pop(key))
        self._inputs = {k: v for k, v in self._inputs.items() if k != old}
        for dst in {d for s, d in self.doc.network.edges if new in (s, d)}:
            self._sync_edges_into(dst)

    def _on_edges_of_changed(self, src: str, dst: str) -> None:
        self._sync_edges_into(dst)

    def _sync_edges_into(self, dst: str) -> None:
        """Make the edges (and input ports) into dst match the document."""
        srcs = self.doc.network.inputs_of(dst)
        self._inputs[dst] = srcs
        for key in [k for k in self.edges if k[1] == dst and k[0] not in srcs]:
            self.removeItem(self.edges.pop(key))
        for src in srcs:
            if (src, dst) not in self.edges:
                edge = EdgeItem(src, dst)
                self.edges[(src, dst)] = edge
                self.addItem(edge)
        if dst in self.nodes:
            self.nodes[dst].set_input_count(len(srcs))
        for src in srcs:
            self._place_edge(src, dst)
        self._mark_outputs()

    def _mark_outputs(self) -> None:
        used = {s for s, _ in self.edges}
        for node_id, item in self.nodes.items():
            if item.out_port.connected != (node_id in used):
                item.out_port.connected = node_id in used
                item.out_port.update()

    def _place_edge(self, src: str, dst: str) -> None:
        edge = self.edges.get((src, dst))
        if edge is None or src not in self.nodes or dst not in self.nodes:
            return
        port = self._inputs.get(dst, []).index(src)
        p1, p2 = self.nodes[src].output_anchor(), self.nodes[dst].input_anchor(port)
        edge.set_ends(p1, p2, self._lane_for(p1, p2, src, dst))

    def _lane_for(self, p1: QPointF, p2: QPointF, src: str, dst: str) -> float | None:
        """x of a free vertical lane if blocks stand between p1 and p2 (skip connections), else None."""
        if p2.y() - p1.y() < 90:
            return None
        left, right = min(p1.x(), p2.x()), max(p1.x(), p2.x())
        area = QRectF(left - 8, p1.y() + 12, right - left + 16, p2.y() - p1.y() - 24)
        blocks = [i for i in self.items(area) if isinstance(i, NodeItem) and i.node_id not in (src, dst)]
        if not blocks:
            return None
        rects = [b.sceneBoundingRect() for b in blocks]
        rights, lefts = max(r.right() for r in rects) + LANE_GAP, min(r.left() for r in rects) - LANE_GAP
        middle = (p1.x() + p2.x()) / 2
        return rights if abs(rights - middle) <= abs(middle - lefts) else lefts

    def reroute(self) -> None:
        """Re-place long connections (after blocks moved, a lane may have opened or closed)."""
        for (src, dst), edge in self.edges.items():
            self._place_edge(src, dst)

    def _update_edges_of(self, node_id: str) -> None:
        for src, dst in self.edges:
            if node_id in (src, dst):
                self._place_edge(src, dst)

    def node_item_moved(self, item: NodeItem) -> None:
        if self.nodes.get(item.node_id) is item:
            self._update_edges_of(item.node_id)

    def refresh_info(self) -> None:
        """Put the latest shapes, costs and problems on every block."""
        a = self.doc.analysis
        problems: dict[str, str] = {}
        for p in a.problems:
            if p.node is not None:
                problems.setdefault(p.node, tr_text(p.message))
        types = all_types()
        for node in self.doc.network.nodes:
            item = self.nodes.get(node.id)
            if item is None:
                continue
            lt = types.get(node.type)
            params = a.params.get(node.id) or {**(lt.schema.defaults() if lt else {}), **node.params}
            cost = a.costs.get(node.id)
            item.set_info(settings=fmt.settings(lt.summary_keys if lt else (), params),
                          shape=fmt.shape(a.shapes.get(node.id)),
                          params=tr("{n} params").format(n=fmt.compact(cost.params)) if cost and cost.params else "",
                          problem=problems.get(node.id), help=tr_text(lt.help) if lt else tr("unknown layer type"))

    def update_scene_rect(self) -> None:
        rect = self.itemsBoundingRect() if self.nodes else QRectF(-200, -200, 400, 400)
        self.setSceneRect(rect.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN))

    # ---- selection ----------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        if shiboken6.isValid(self):  # ~QGraphicsScene deselects its items as it goes
            self.sigSelectedIdsChanged.emit(self.selected_ids())

    def selected_ids(self) -> list[str]:
        chosen = {i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)}
        return [n.id for n in self.doc.network.nodes if n.id in chosen]

    def selected_edges(self) -> list[tuple[str, str]]:
        return [(i.src, i.dst) for i in self.selectedItems() if isinstance(i, EdgeItem)]

    def select_ids(self, ids) -> None:
        wanted = set(ids)
        self.blockSignals(True)
        try:
            self.clearSelection()
            for node_id in wanted:
                if node_id in self.nodes:
                    self.nodes[node_id].setSelected(True)
        finally:
            self.blockSignals(False)
        self.sigSelectedIdsChanged.emit(self.selected_ids())

    # ---- drops from the palette ---------------------------------------------------------------
    def dragEnterEvent(self, event):
        event.setAccepted(event.mimeData().hasFormat(LAYER_MIME))

    def dragMoveEvent(self, event):
        if event.mimeData().hasFormat(LAYER_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event):
        if not event.mimeData().hasFormat(LAYER_MIME):
            event.ignore()
            return
        type_name = bytes(event.mimeData().data(LAYER_MIME)).decode("utf-8")
        event.acceptProposedAction()
        self.drop_layer(type_name, event.scenePos())

    def drop_layer(self, type_name: str, scene_pos: QPointF) -> str:
        """Add a layer where a palette block was dropped (the drop point is its title)."""
        return self.editor.add_layer(type_name, (scene_pos.x() - WIDTH / 2, scene_pos.y() - ROW / 2))

    def set_locked(self, locked: bool) -> None:
        """While a run trains the network, blocks can be selected but not moved or wired."""
        for item in self.nodes.values():
            item.setFlag(item.GraphicsItemFlag.ItemIsMovable, not locked)

    # ---- moving: one undo step per drag -------------------------------------------------------
    def mouseReleaseEvent(self, event):
        super().mouseReleaseEvent(event)
        self.commit_moves()

    def commit_moves(self) -> None:
        """Record where dragged blocks ended up (one command for the whole drag)."""
        moves = {}
        for node_id, item in self.nodes.items():
            old = self.doc.node(node_id).pos
            new = (item.pos().x(), item.pos().y())
            if old is None or (abs(old[0] - new[0]) > 1e-6 or abs(old[1] - new[1]) > 1e-6):
                moves[node_id] = (old, new)
        if moves:
            self.editor.move(moves)
            self.update_scene_rect()
            self.reroute()

    # ---- connecting by dragging between ports -------------------------------------------------
    def begin_link(self, port: PortItem, scene_pos: QPointF) -> None:
        self.cancel_link()
        if self.editor.locked:
            self.editor.sigRefused.emit(tr("Cannot connect: {problem}.").format(problem=tr_text(self.editor.locked)),
                                        scene_pos)
            return
        line = QGraphicsPathItem()
        c = theme.colors(self.palette())
        line.setPen(QPen(c.selection, 2.0, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
        line.setZValue(10)
        self.addItem(line)
        self._link = (port, line)
        self.drag_link(scene_pos)

    def drag_link(self, scene_pos: QPointF) -> None:
        if self._link is None:
            return
        port, line = self._link
        target = self.port_near(scene_pos, "in" if port.kind == "out" else "out", exclude=port.node_id)
        end = target.scenePos() if target is not None else scene_pos
        start = port.scenePos()
        line.setPath(curve(start, end) if port.kind == "out" else curve(end, start))
        if target is not self._link_target:
            for p in (self._link_target, target):
                if p is not None:
                    p._hover = p is target
                    p.update()
            self._link_target = target

    def end_link(self, scene_pos: QPointF) -> bool:
        """Finish a port drag at scene_pos; True if a connection was made."""
        if self._link is None:
            return False
        port = self._link[0]
        self.cancel_link()
        want = "in" if port.kind == "out" else "out"
        target = self.port_near(scene_pos, want, exclude=port.node_id)
        if target is not None:
            other_id, index = target.node_id, (None if target.free or target.kind == "out" else target.index)
        else:
            node = next((i for i in self.items(scene_pos) if isinstance(i, NodeItem)), None)
            if node is None or node.node_id == port.node_id:
                return False
            other_id, index = node.node_id, None
        if port.kind == "out":
            return self.editor.connect(port.node_id, other_id, index, where=scene_pos)
        in_index = None if port.free else port.index
        return self.editor.connect(other_id, port.node_id, in_index, where=scene_pos)

    def cancel_link(self) -> None:
        if self._link is not None:
            self.removeItem(self._link[1])
            self._link = None
        if self._link_target is not None:
            self._link_target._hover = False
            self._link_target.update()
            self._link_target = None

    def port_near(self, scene_pos: QPointF, kind: str, exclude: str | None = None) -> PortItem | None:
        area = QRectF(scene_pos.x() - SNAP_DISTANCE, scene_pos.y() - SNAP_DISTANCE,
                      2 * SNAP_DISTANCE, 2 * SNAP_DISTANCE)
        ports = [i for i in self.items(area) if isinstance(i, PortItem) and i.kind == kind
                 and i.node_id != exclude]
        if not ports:
            return None
        return min(ports, key=lambda p: QLineF(p.scenePos(), scene_pos).length())

    def link_ports(self, src: str, dst: str, port: int | None = None) -> bool:
        """Drag from src's output to dst's input `port` (None: its free port) — the gesture, in code."""
        out = self.nodes[src].out_port
        ins = self.nodes[dst].in_ports
        target = ins[-1] if port is None and ins else ins[port] if ins else None
        self.begin_link(out, out.scenePos())
        end = target.scenePos() if target is not None else self.nodes[dst].sceneBoundingRect().center()
        self.drag_link(end)
        return self.end_link(end)

    # ---- background ---------------------------------------------------------------------------
    def drawBackground(self, painter, rect):
        c = theme.colors(self.palette())
        painter.fillRect(rect, c.background)
        scale = painter.worldTransform().m11()
        for step, color, min_scale in ((20.0, c.grid_minor, 0.6), (100.0, c.grid_major, 0.15)):
            if scale < min_scale:
                continue
            painter.setPen(QPen(color, 0))
            left = int(rect.left() // step) * step
            top = int(rect.top() // step) * step
            x = left
            while x < rect.right():
                painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
                x += step
            y = top
            while y < rect.bottom():
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
                y += step
