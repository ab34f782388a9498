"""Edits a user asks for, checked and turned into undo commands.

The canvas, palette, inspector and menus all edit through one `Editor`: it refuses what
cannot work (with a reason the window shows), picks fresh ids, and pushes commands onto the
undo stack. It holds no widgets and no selection; callers pass ids.
"""
from __future__ import annotations

import json
import re

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from dlstudio.spec import all_types

from . import commands as C
from .document import Document
from .i18n import tr, tr_text
from dlstudio.spec.layout import layered_positions

CLIPBOARD_FORMAT = "dlstudio-clipboard"
ID_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]{0,63}\Z")
GRID = 10.0
_PREFIX = {"Conv2D": "conv", "MaxPool2D": "pool", "AvgPool2D": "avgpool", "GlobalAvgPool2D": "gap",
           "BatchNorm": "bn", "Concatenate": "concat", "SimpleRNN": "rnn", "LeakyReLU": "lrelu"}


def snap(v: float) -> float:
    return float(round(v / GRID) * GRID)


def id_prefix(type_name: str) -> str:
    return _PREFIX.get(type_name, re.sub(r"[^a-z0-9]", "", type_name.lower()) or "layer")


class Editor(QObject):
    sigRefused = Signal(str, object)   # reason, scene position (or None) of a refused edit
    sigSelectRequest = Signal(list)    # node ids the editor wants selected (after add / paste)

    def __init__(self, doc: Document, stack: QUndoStack, parent: QObject | None = None):
        super().__init__(parent)
        self.doc, self.stack = doc, stack
        self.node_size = lambda node_id: (210.0, 60.0)  # the canvas replaces this with real sizes
        self._paste_count = 0
        self.locked: str | None = None  # while a run trains the network: why edits are refused

    # ---- locking (while training) -------------------------------------------------------------
    def set_locked(self, reason: str | None) -> None:
        """Refuse every edit (saying `reason`) until unlocked with None."""
        self.locked = reason

    def _refused(self) -> bool:
        if self.locked:
            self.sigRefused.emit(tr("Cannot edit: {reason}.").format(reason=tr_text(self.locked)), None)
            return True
        return False

    # ---- ids ----------------------------------------------------------------------------------
    def fresh_id(self, type_name: str, taken: set[str] | None = None) -> str:
        taken = set(self.doc.ids()) | (taken or set())
        prefix = id_prefix(type_name)
        k = 1
        while f"{prefix}{k}" in taken:
            k += 1
        return f"{prefix}{k}"

    def rename_problem(self, old: str, new: str) -> str | None:
        if new == old:
            return None
        if not ID_RE.match(new):
            return tr("an id starts with a letter or _ and holds letters, digits, _ or - (at most 64)")
        if self.doc.network.has(new):
            return tr("the id {id} is already used by another layer").format(id=repr(new))
        return None

    # ---- adding -------------------------------------------------------------------------------
    def add_layer(self, type_name: str, pos=None, after: str | None = None) -> str:
        """Add a layer of this type at `pos` (or below `after`, connected to it); returns its id."""
        if type_name not in all_types():
            raise KeyError(f"unknown layer type {type_name!r}")
        if self._refused():
            return ""
        node_id = self.fresh_id(type_name)
        if pos is None and after is not None:
            ax, ay = self.doc.node(after).pos or (0.0, 0.0)
            pos = self._free_spot(ax, ay + self.node_size(after)[1] + 40, type_name)
        elif pos is None:  # below everything
            bottoms = [(n.pos or (0.0, 0.0))[1] + self.node_size(n.id)[1] for n in self.doc.network.nodes]
            pos = (0.0, max(bottoms, default=-40.0) + 40)
        data = {"id": node_id, "type": type_name, "params": {}, "pos": [snap(pos[0]), snap(pos[1])]}
        if after is not None and self.connection_problem(after, node_id, new_type=type_name) is None:
            macro = C.Compound(self.doc, tr("Add {type}").format(type=type_name))
            macro.add(C.AddNode, data)
            macro.add(C.Connect, after, node_id, None)
            self.stack.push(macro)
        else:
            self.stack.push(C.AddNode(self.doc, data))
        self.sigSelectRequest.emit([node_id])
        return node_id

    def _free_spot(self, x: float, y: float, type_name: str) -> tuple[float, float]:
        """(x, y), or the first spot to its right where a new block overlaps nothing."""
        w, h = 200.0, 70.0  # the largest block
        boxes = []
        for n in self.doc.network.nodes:
            nx, ny = n.pos or (0.0, 0.0)
            nw, nh = self.node_size(n.id)
            boxes.append((nx, ny, nx + nw, ny + nh))
        while any(x < r + 20 and x + w + 20 > l and y < b + 10 and y + h + 10 > t for l, t, r, b in boxes):
            x += w + 30
        return x, y

    # ---- connecting ---------------------------------------------------------------------------
    def connection_problem(self, src: str, dst: str, port: int | None = None,
                           new_type: str | None = None) -> str | None:
        """Why src → dst (into input `port` of dst) cannot be made, or None if it can."""
        net = self.doc.network
        if src == dst:
            return tr("a layer cannot feed itself")
        lt = all_types().get(new_type or net.node(dst).type)
        if lt is None:
            return tr("{dst} is of an unknown layer type — replace it with a layer from the palette").format(dst=dst)
        if lt.max_inputs == 0:
            return tr("an {type} takes no inputs — data enters the network there").format(type=lt.name)
        inputs = net.inputs_of(dst) if new_type is None else []
        if src in inputs:
            return tr("{src} is already connected to {dst}").format(src=src, dst=dst)
        if new_type is None and net.would_cycle(src, dst):
            return tr("connecting {src} → {dst} would make a loop: {dst} already feeds {src}").format(
                src=src, dst=dst)
        if lt.max_inputs is not None and len(inputs) >= lt.max_inputs:
            return tr("{dst} already has its input ({src}) — delete that connection first, "
                      "or merge the branches with Add or Concatenate").format(dst=dst, src=inputs[0])
        return None

    def connect(self, src: str, dst: str, port: int | None = None, where=None) -> bool:
        """Connect src's output to dst's input `port` (None: after the last); False if refused."""
        if self._refused():
            return False
        problem = self.connection_problem(src, dst, port)
        if problem:
            self.sigRefused.emit(tr("Cannot connect: {problem}.").format(problem=problem), where)
            return False
        self.stack.push(C.Connect(self.doc, src, dst, self._edge_index_for_port(dst, port)))
        return True

    def _edge_index_for_port(self, dst: str, port: int | None) -> int | None:
        """Index in the edge list that makes the new edge dst's `port`-th input."""
        edges = self.doc.network.edges
        into = [i for i, (_, d) in enumerate(edges) if d == dst]
        if port is None or port >= len(into):
            return None
        return into[port]

    def disconnect(self, src: str, dst: str) -> None:
        if self._refused():
            return
        self.stack.push(C.Disconnect(self.doc, src, dst))

    # ---- deleting, moving, settings -------------------------------------------------------------
    def delete(self, node_ids=(), edges=()) -> None:
        if self._refused():
            return
        node_ids = [i for i in node_ids if self.doc.network.has(i)]
        doomed = {tuple(e) for e in edges}
        doomed |= {e for e in self.doc.network.edges if e[0] in node_ids or e[1] in node_ids}
        if not node_ids and not doomed:
            return
        what = (tr("Delete {id}").format(id=node_ids[0]) if len(node_ids) == 1 else
                tr("Delete {n} layers").format(n=len(node_ids)) if node_ids else
                tr("Delete connection") if len(doomed) == 1 else tr("Delete {n} connections").format(n=len(doomed)))
        order = sorted(doomed, key=lambda e: self.doc.edge_index(*e), reverse=True)
        macro = C.Compound(self.doc, what)
        for s, d in order:
            macro.add(C.Disconnect, s, d)
        for node_id in node_ids:
            macro.add(C.RemoveNode, node_id)
        self.stack.push(macro)

    def move(self, moves: dict, text: str | None = None) -> None:
        if self._refused():
            return
        moves = {k: (old, new) for k, (old, new) in moves.items() if old is None or tuple(old) != tuple(new)}
        if moves:
            self.stack.push(C.MoveNodes(self.doc, moves, text))

    def set_param(self, node_id: str, name: str, value) -> None:
        if self._refused():
            return
        old = dict(self.doc.node(node_id).params)
        new = dict(old)
        new[name] = value
        if new != old:
            self.stack.push(C.SetParam(self.doc, node_id, name, old, new))

    def rename(self, old: str, new: str) -> bool:
        if self._refused():
            return False
        problem = self.rename_problem(old, new)
        if problem:
            self.sigRefused.emit(tr("Cannot rename {id}: {problem}.").format(id=old, problem=problem), None)
            return False
        if new != old:
            self.stack.push(C.Rename(self.doc, old, new))
            self.sigSelectRequest.emit([new])
        return True

    def auto_layout(self) -> None:
        if self._refused():
            return
        net = self.doc.network
        pos = layered_positions([n.id for n in net.nodes], net.edges)
        self.move({n.id: (n.pos, pos[n.id]) for n in net.nodes}, tr("Auto layout"))

    # ---- clipboard ----------------------------------------------------------------------------
    def copy_text(self, node_ids) -> str:
        """The selection as clipboard JSON: nodes and the edges between them."""
        ids = set(node_ids)
        net = self.doc.network
        nodes = [n.to_dict() for n in net.nodes if n.id in ids]
        edges = [[s, d] for s, d in net.edges if s in ids and d in ids]
        self._paste_count = 0
        return json.dumps({"format": CLIPBOARD_FORMAT, "nodes": nodes, "edges": edges})

    def paste_text(self, text: str, offset: tuple[float, float] | None = None) -> list[str]:
        """Add the layers in clipboard JSON under fresh ids; returns the new ids ([] if not ours)."""
        try:
            data = json.loads(text)
        except (TypeError, ValueError):
            return []
        if not isinstance(data, dict) or data.get("format") != CLIPBOARD_FORMAT or not data.get("nodes"):
            return []
        if self._refused():
            return []
        types = all_types()
        self._paste_count += 1
        dx, dy = offset if offset is not None else (30.0 * self._paste_count, 30.0 * self._paste_count)
        renamed, taken = {}, set()
        nodes = [n for n in data["nodes"] if isinstance(n, dict) and n.get("type") in types]
        for n in nodes:
            renamed[n["id"]] = new_id = self.fresh_id(n["type"], taken)
            taken.add(new_id)
        if not nodes:
            return []
        macro = C.Compound(self.doc, tr("Paste 1 layer") if len(nodes) == 1 else
                           tr("Paste {n} layers").format(n=len(nodes)))
        for n in nodes:
            x, y = n.get("pos") or (0.0, 0.0)
            macro.add(C.AddNode, {"id": renamed[n["id"]], "type": n["type"], "params": n.get("params", {}),
                                  "pos": [snap(x + dx), snap(y + dy)]})
        for s, d in data.get("edges", []):
            if s in renamed and d in renamed:
                macro.add(C.Connect, renamed[s], renamed[d], None)
        self.stack.push(macro)
        self.sigSelectRequest.emit(list(renamed.values()))
        return list(renamed.values())

    def duplicate(self, node_ids) -> list[str]:
        if not node_ids:
            return []
        text = self.copy_text(node_ids)
        return self.paste_text(text, (30.0, 30.0))
