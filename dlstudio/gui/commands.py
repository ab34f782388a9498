"""Undo commands: each one small edit of the `Document`, and nothing else.

Compound edits (delete a selection, paste, insert after) are `Compound` macros whose children
(made with `Compound.add`) are redone in order and undone in reverse inside `doc.batch()`,
so the network is analysed once per step.
"""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from . import format as fmt
from .document import Document
from .i18n import tr

_PARAM_EDIT_ID = 1001  # commands with the same id() may merge (consecutive edits of one setting)


class Compound(QUndoCommand):
    """A macro: child commands redone in order and undone in reverse, analysed once.

    The children stay plain Python objects (never given a Qt parent): Qt deleting a
    Python-made child command through its parent crashes PySide.
    """

    def __init__(self, doc: Document, text: str):
        super().__init__(text)
        self.doc = doc
        self.children: list[QUndoCommand] = []

    def add(self, cls, *args) -> QUndoCommand:
        """Append a child command cls(doc, *args)."""
        cmd = cls(self.doc, *args)
        self.children.append(cmd)
        return cmd

    def redo(self):
        with self.doc.batch():
            for cmd in self.children:
                cmd.redo()

    def undo(self):
        with self.doc.batch():
            for cmd in reversed(self.children):
                cmd.undo()


class AddNode(QUndoCommand):
    def __init__(self, doc: Document, data: dict, parent: QUndoCommand | None = None):
        super().__init__(tr("Add {type}").format(type=data['type']), parent)
        self.doc, self.data = doc, dict(data)

    def redo(self):
        self.doc.insert_node(self.data)

    def undo(self):
        self.doc.remove_node(self.data["id"])


class RemoveNode(QUndoCommand):
    """Remove a node whose edges are already gone (a `Compound` disconnects them first)."""

    def __init__(self, doc: Document, node_id: str, parent: QUndoCommand | None = None):
        super().__init__(tr("Delete {id}").format(id=node_id), parent)
        self.doc, self.node_id = doc, node_id
        self.data, self.index = None, None

    def redo(self):
        self.data, self.index = self.doc.remove_node(self.node_id)

    def undo(self):
        self.doc.insert_node(self.data, self.index)


class Connect(QUndoCommand):
    def __init__(self, doc: Document, src: str, dst: str, index: int | None = None,
                 parent: QUndoCommand | None = None):
        super().__init__(tr("Connect {src} → {dst}").format(src=src, dst=dst), parent)
        self.doc, self.src, self.dst, self.index = doc, src, dst, index

    def redo(self):
        self.doc.insert_edge(self.src, self.dst, self.index)

    def undo(self):
        self.doc.remove_edge(self.src, self.dst)


class Disconnect(QUndoCommand):
    def __init__(self, doc: Document, src: str, dst: str, parent: QUndoCommand | None = None):
        super().__init__(tr("Disconnect {src} → {dst}").format(src=src, dst=dst), parent)
        self.doc, self.src, self.dst, self.index = doc, src, dst, None

    def redo(self):
        self.index = self.doc.remove_edge(self.src, self.dst)

    def undo(self):
        self.doc.insert_edge(self.src, self.dst, self.index)


class MoveNodes(QUndoCommand):
    """Positions {id: (old, new)}; a whole drag (or a layout) is one of these."""

    def __init__(self, doc: Document, moves: dict, text: str | None = None,
                 parent: QUndoCommand | None = None):
        ids = list(moves)
        super().__init__(text or (tr("Move {id}").format(id=ids[0]) if len(ids) == 1 else
                                  tr("Move {n} layers").format(n=len(ids))), parent)
        self.doc, self.moves = doc, dict(moves)

    def redo(self):
        for node_id, (_, new) in self.moves.items():
            self.doc.set_pos(node_id, new)

    def undo(self):
        for node_id, (old, _) in self.moves.items():
            self.doc.set_pos(node_id, old)


class SetParam(QUndoCommand):
    """One setting of one node; typing into a field merges into a single step."""

    def __init__(self, doc: Document, node_id: str, name: str, old: dict, new: dict,
                 parent: QUndoCommand | None = None):
        super().__init__(tr("Change {name} of {id}").format(name=fmt.setting_name(name), id=node_id), parent)
        self.doc, self.node_id, self.name, self.old, self.new = doc, node_id, name, old, new

    def id(self) -> int:
        return _PARAM_EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetParam) or (other.node_id, other.name) != (self.node_id, self.name):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True

    def redo(self):
        self.doc.set_params(self.node_id, self.new)

    def undo(self):
        self.doc.set_params(self.node_id, self.old)


class Rename(QUndoCommand):
    def __init__(self, doc: Document, old: str, new: str, parent: QUndoCommand | None = None):
        super().__init__(tr("Rename {old} to {new}").format(old=old, new=new), parent)
        self.doc, self.old, self.new = doc, old, new

    def redo(self):
        self.doc.rename(self.old, self.new)

    def undo(self):
        self.doc.rename(self.new, self.old)
