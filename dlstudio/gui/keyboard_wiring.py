"""The canvas by keyboard: move between blocks, connect and disconnect them.

- Arrow keys select the nearest block in that direction (the one nearest the centre of the view
  when none is selected).
- C ("Connect Output To…") starts a connection from the selected block's output: the canvas
  shows the pending wire to a target block, arrow keys move the target to any block, Tab /
  Shift+Tab step through the blocks that can take the connection, Enter connects — through
  `Editor.connect`, so it is one undoable command with the same checks and the same
  "Cannot connect: …" message as a wire dragged with the mouse — and Esc cancels.
- Shift+C ("Disconnect…") lists the selected block's connections in a menu; choosing one
  removes it (undoable).

Tab still leaves the canvas when no connection is pending, so the keyboard is never trapped.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QMenu

from . import theme
from .canvas.node_item import RADIUS
from .i18n import tr, tr_text

K = Qt.Key
DIRECTIONS = {K.Key_Left: (-1.0, 0.0), K.Key_Right: (1.0, 0.0), K.Key_Up: (0.0, -1.0), K.Key_Down: (0.0, 1.0)}
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
SIDEWAYS_WEIGHT = 2.0  # how much a step off the direction counts against a block, per unit


def nearest_in_direction(origin: QPointF, points: dict[str, QPointF], direction: tuple[float, float]) -> str | None:
    """The key of the point ahead of `origin` in `direction` (a unit vector) that is nearest,
    counting distance sideways SIDEWAYS_WEIGHT times; None if no point lies ahead."""
    best, best_score = None, math.inf
    dx, dy = direction
    for key, p in points.items():
        vx, vy = p.x() - origin.x(), p.y() - origin.y()
        ahead = vx * dx + vy * dy
        if ahead <= 1e-6:
            continue
        score = ahead + SIDEWAYS_WEIGHT * abs(vx * dy - vy * dx)
        if score < best_score:
            best, best_score = key, score
    return best


class KeyboardWiring(QObject):
    """Keyboard navigation and wiring for one canvas view (watches the view's keys)."""

    def __init__(self, view, scene, editor, parent: QObject | None = None):
        super().__init__(parent)
        self.view, self.scene, self.editor = view, scene, editor
        self.source: str | None = None   # while a connection is pending: its source and target
        self.target: str | None = None
        self.menu: QMenu | None = None   # the last "Disconnect…" menu
        self._outline: QGraphicsPathItem | None = None
        self._banner: str | None = None
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        doc = scene.doc
        for sig in (doc.sigReset, doc.sigNodeRemoved, doc.sigNodeRenamed):
            sig.connect(self.cancel)

    # ---- where the blocks are -----------------------------------------------------------------
    def _centres(self, exclude: str | None = None) -> dict[str, QPointF]:
        return {node_id: item.sceneBoundingRect().center() for node_id, item in self.scene.nodes.items()
                if node_id != exclude}

    def _selected_one(self) -> str | None:
        ids = self.scene.selected_ids()
        return ids[0] if len(ids) == 1 else None

    def _show(self, node_id: str) -> None:
        self.view.ensureVisible(self.scene.nodes[node_id], 60, 60)

    # ---- moving between blocks ----------------------------------------------------------------
    def step(self, direction: tuple[float, float]) -> str | None:
        """Select the nearest block in `direction` from the selected one; returns its id."""
        if not self.scene.nodes:
            return None
        current = self._selected_one() or (self.scene.selected_ids() or [None])[-1]
        if current is None:  # nothing selected yet: start in the middle of what is shown
            centre = self.view.mapToScene(self.view.viewport().rect().center())
            centres = self._centres()
            chosen = min(centres, key=lambda k: (centres[k] - centre).manhattanLength())
        else:
            chosen = nearest_in_direction(self.scene.nodes[current].sceneBoundingRect().center(),
                                          self._centres(exclude=current), direction)
            if chosen is None:
                return None
        self.scene.select_ids([chosen])
        self._show(chosen)
        return chosen

    # ---- connecting ---------------------------------------------------------------------------
    @property
    def connecting(self) -> bool:
        return self.source is not None

    def candidates(self) -> list[str]:
        """Blocks that can take the pending connection, nearest first (Tab's order)."""
        if self.source is None:
            return []
        origin, nodes = self.scene.nodes[self.source].output_anchor(), self.scene.nodes
        ok = [k for k in nodes if k != self.source and self.editor.connection_problem(self.source, k) is None]
        return sorted(ok, key=lambda k: (nodes[k].input_anchor(0) - origin).manhattanLength())

    def start_connect(self) -> bool:
        """Start a connection from the selected block (C); False (with a message) if it cannot start."""
        self.cancel()
        source = self._selected_one()
        if source is None:
            self.view.show_toast(tr("Select one layer first: arrow keys move between layers"))
            return False
        if self.editor.locked:
            self.editor.sigRefused.emit(tr("Cannot connect: {problem}.").format(problem=tr_text(self.editor.locked)),
                                        None)
            return False
        if len(self.scene.nodes) < 2:
            self.view.show_toast(tr("There is no other layer to connect {id} to").format(id=source))
            return False
        self.source = source
        self.view.setFocus()  # the keys that follow are the canvas's (also when started from the menu)
        fits = self.candidates()
        if fits:
            first = fits[0]
        else:
            centres = self._centres(exclude=source)
            origin = self.scene.nodes[source].sceneBoundingRect().center()
            first = min(centres, key=lambda k: (centres[k] - origin).manhattanLength())
        self.scene.begin_link(self.scene.nodes[source].out_port, self.scene.nodes[source].output_anchor())
        self.set_target(first)
        return True

    def set_target(self, node_id: str) -> None:
        """Point the pending connection at `node_id` (wire, outline and the hint above the canvas)."""
        if self.source is None or node_id not in self.scene.nodes:
            return
        self.target = node_id
        item = self.scene.nodes[node_id]
        self.scene.drag_link(item.input_anchor(len(item.in_ports) - 1) if item.in_ports
                             else item.mapToScene(QPointF(item.boundingRect().center().x(), 0)))
        problem = self.editor.connection_problem(self.source, node_id)
        self._draw_outline(item, problem is None)
        if problem is None:
            hint = tr("Connect {src} → {dst}: Enter connects · Tab: next layer that fits · "
                      "arrow keys: any layer · Esc: cancel").format(src=self.source, dst=node_id)
        else:
            hint = tr("{src} → {dst} cannot be connected: {problem} · Tab: next layer that fits · "
                      "Esc: cancel").format(src=self.source, dst=node_id, problem=problem)
        self._banner = hint
        self.view.set_banner(hint)
        self._show(node_id)

    def _draw_outline(self, item, fits: bool) -> None:
        if self._outline is None:
            self._outline = QGraphicsPathItem()
            self._outline.setZValue(9)
            self.scene.addItem(self._outline)
        c = theme.colors(self.scene.palette())
        rect = item.mapRectToScene(item.shape().boundingRect()).adjusted(-4, -4, 4, 4)
        path = QPainterPath()
        path.addRoundedRect(rect, RADIUS + 3, RADIUS + 3)
        self._outline.setPath(path)
        self._outline.setPen(QPen(c.selection if fits else c.error, 2.5,
                                  Qt.PenStyle.SolidLine if fits else Qt.PenStyle.DashLine))

    def move_target(self, direction: tuple[float, float]) -> str | None:
        """Arrow keys: the nearest block in `direction` from the current target (any block)."""
        if self.target is None:
            return None
        origin = self.scene.nodes[self.target].sceneBoundingRect().center()
        centres = self._centres(exclude=self.source)
        centres.pop(self.target, None)
        chosen = nearest_in_direction(origin, centres, direction)
        if chosen is not None:
            self.set_target(chosen)
        return chosen

    def cycle_target(self, forward: bool = True) -> str | None:
        """Tab / Shift+Tab: the next (previous) block that can take the connection."""
        fits = self.candidates()
        if not fits:
            self.view.show_toast(tr("No layer can take {id}'s output now").format(id=self.source))
            return None
        if self.target in fits:
            chosen = fits[(fits.index(self.target) + (1 if forward else -1)) % len(fits)]
        else:
            chosen = fits[0 if forward else -1]
        self.set_target(chosen)
        return chosen

    def commit(self) -> bool:
        """Enter: connect source → target as a mouse-drawn wire would; on refusal stay, to pick another."""
        if self.source is None or self.target is None:
            return False
        src, dst = self.source, self.target
        where = self.scene.nodes[dst].sceneBoundingRect().center()
        if not self.editor.connect(src, dst, None, where=where):
            return False
        self.cancel()
        self.scene.select_ids([dst])  # C again goes on from here
        return True

    def cancel(self, *_signal_args) -> None:
        """Esc: drop the pending connection (nothing changes); also when the network changes under it."""
        if self.source is None:
            return
        self.source = self.target = None
        self.scene.cancel_link()
        if self._outline is not None:
            self.scene.removeItem(self._outline)
            self._outline = None
        if self.view.banner_text() == self._banner:  # not a note someone else put up since
            self.view.set_banner(None)
        self._banner = None

    # ---- disconnecting ------------------------------------------------------------------------
    def disconnect_menu(self) -> QMenu | None:
        """Shift+C: a menu of the selected block's connections (inputs first); None if there are none."""
        node_id = self._selected_one()
        if node_id is None:
            self.view.show_toast(tr("Select one layer first: arrow keys move between layers"))
            return None
        net = self.scene.doc.network
        edges = [(s, node_id) for s in net.inputs_of(node_id)] + [(s, d) for s, d in net.edges if s == node_id]
        if not edges:
            self.view.show_toast(tr("{id} has no connections to remove").format(id=node_id))
            return None
        menu = QMenu(self.view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for src, dst in edges:
            action = menu.addAction(tr("Disconnect {src} → {dst}").format(src=src, dst=dst))
            action.triggered.connect(lambda checked=False, e=(src, dst): self.editor.disconnect(*e))
        item = self.scene.nodes[node_id]
        at = self.view.mapFromScene(item.sceneBoundingRect().bottomLeft())
        menu.popup(self.view.viewport().mapToGlobal(QPoint(at.x(), at.y())))
        menu.setActiveAction(menu.actions()[0])
        self.menu = menu
        return menu

    # ---- keys ---------------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress or (kind == QEvent.Type.FocusOut and obj is self.view):
            self.cancel()  # the mouse took over, or the keyboard went elsewhere
            return False
        if kind != QEvent.Type.KeyPress or obj is not self.view:
            return False
        key, mods = event.key(), event.modifiers()
        if self.connecting:
            if key in DIRECTIONS and mods in _PLAIN:
                self.move_target(DIRECTIONS[key])
            elif key in (K.Key_Tab, K.Key_Backtab):
                self.cycle_target(forward=key == K.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier)
            elif key in (K.Key_Return, K.Key_Enter):
                self.commit()
            elif key == K.Key_Escape:
                self.cancel()
            else:
                return False
            return True
        if key in DIRECTIONS and mods in _PLAIN and self.scene.nodes:
            self.step(DIRECTIONS[key])
            return True
        return False
