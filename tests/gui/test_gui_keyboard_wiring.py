"""The canvas by keyboard: arrow keys between blocks, C to connect, Shift+C to disconnect,
and shortcuts that work again once a message box has closed (issue 15, item 7)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtWidgets import QApplication, QGraphicsPathItem, QMessageBox

from dlstudio.gui import focus_return
from dlstudio.gui.keyboard_wiring import nearest_in_direction
from dlstudio.gui.main_window import SHORTCUTS
from dlstudio.spec import Network

K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier


def loose_net() -> Network:
    """An Input, a Dense below it and a ReLU to the right of the Dense — nothing connected."""
    net = Network(name="loose")
    net.add("in", "Input", {"shape": [8]}, pos=(0, 0))
    net.add("d", "Dense", {"units": 3}, pos=(0, 150))
    net.add("r", "ReLU", pos=(400, 150))
    return net


def chain_net() -> Network:
    net = loose_net()
    net.connect("in", "d")
    net.connect("d", "r")
    return net


def ready(qtbot, make_window, net: Network, select: str | None = None):
    win = make_window(net)
    win.view.setFocus()
    qtbot.waitUntil(win.view.hasFocus)
    if select is not None:
        win.scene.select_ids([select])
    return win


def outlines(win) -> int:
    return sum(1 for i in win.scene.items() if isinstance(i, QGraphicsPathItem) and i.zValue() == 9)


def test_nearest_in_direction_prefers_what_lies_straight_ahead():
    pts = {"below": QPointF(0, 100), "right": QPointF(300, 0), "diagonal": QPointF(90, 90), "above": QPointF(0, -50)}
    o = QPointF(0, 0)
    assert nearest_in_direction(o, pts, (0.0, 1.0)) == "below"
    assert nearest_in_direction(o, pts, (1.0, 0.0)) == "diagonal"  # 90 ahead + 2 × 90 aside < 300
    assert nearest_in_direction(o, pts, (0.0, -1.0)) == "above"
    assert nearest_in_direction(o, {"below": QPointF(0, 100)}, (-1.0, 0.0)) is None


def test_arrow_keys_move_the_selection_between_blocks(make_window, qtbot):
    win = ready(qtbot, make_window, loose_net())
    qtbot.keyClick(win.view, K.Key_Down)  # nothing selected: the block nearest the centre
    assert len(win.scene.selected_ids()) == 1
    win.scene.select_ids(["in"])
    for key, expected in ((K.Key_Down, "d"), (K.Key_Right, "r"), (K.Key_Left, "d"), (K.Key_Up, "in")):
        qtbot.keyClick(win.view, key)
        assert win.scene.selected_ids() == [expected]
    qtbot.keyClick(win.view, K.Key_Up)  # nothing above: stays
    assert win.scene.selected_ids() == ["in"]
    assert win.inspector is not None and win.view.hasFocus()


def test_build_input_dense_relu_by_keyboard_and_undo(make_window, qtbot):
    win = ready(qtbot, make_window, loose_net(), select="in")
    qtbot.keyClick(win.view, K.Key_C)
    w = win.wiring
    assert (w.source, w.target) == ("in", "d")  # the nearest block that can take it
    assert "in → d" in win.view.banner_text() and outlines(win) == 1 and win.scene._link is not None
    qtbot.keyClick(win.view, K.Key_Return)
    assert win.doc.network.edges == [("in", "d")]
    assert win.stack.undoText() == "Connect in → d"  # the same command as a wire drawn with the mouse
    assert not w.connecting and win.view.banner_text() is None and outlines(win) == 0 and win.scene._link is None
    assert win.scene.selected_ids() == ["d"]  # C goes on from the block just connected
    qtbot.keyClick(win.view, K.Key_C)
    assert w.target == "r"  # the Input takes no inputs, so the ReLU is the only fit
    qtbot.keyClick(win.view, K.Key_Enter)
    assert win.doc.network.edges == [("in", "d"), ("d", "r")]
    assert win.stack.count() == 2
    win.stack.undo()
    assert win.doc.network.edges == [("in", "d")] and ("d", "r") not in win.scene.edges
    win.stack.undo()
    assert win.doc.network.edges == [] and not win.scene.edges


def test_tab_steps_only_through_blocks_that_fit_and_keeps_the_focus(make_window, qtbot):
    net = loose_net()
    net.add("d2", "Dense", {"units": 2}, pos=(0, 300))
    net.connect("in", "d2")  # d2 is taken: a Dense has one input
    win = ready(qtbot, make_window, net, select="in")
    qtbot.keyClick(win.view, K.Key_C)
    seen = {win.wiring.target}
    for _ in range(3):
        qtbot.keyClick(win.view, K.Key_Tab)
        seen.add(win.wiring.target)
    assert seen == {"d", "r"}
    assert win.view.hasFocus() and win.wiring.connecting  # Tab did not leave the canvas
    qtbot.keyClick(win.view, K.Key_Backtab, SHIFT)
    assert win.wiring.target in {"d", "r"}


def test_refused_targets_say_why_and_add_nothing(make_window, qtbot):
    win = ready(qtbot, make_window, chain_net(), select="r")
    before = win.stack.count()
    qtbot.keyClick(win.view, K.Key_C)
    assert win.wiring.target == "d"  # nothing fits; the nearest block shows why
    assert "cannot be connected" in win.view.banner_text()
    qtbot.keyClick(win.view, K.Key_Return)
    assert win.view.toast_text().startswith("Cannot connect: connecting r → d would make a loop")
    assert "loop" in win.statusBar().currentMessage()
    assert win.wiring.connecting  # still choosing
    qtbot.keyClick(win.view, K.Key_Up)
    assert win.wiring.target == "in"
    qtbot.keyClick(win.view, K.Key_Return)
    assert win.view.toast_text().startswith("Cannot connect: an Input takes no inputs")
    assert win.doc.network.edges == [("in", "d"), ("d", "r")] and win.stack.count() == before
    qtbot.keyClick(win.view, K.Key_Tab)  # Tab has nowhere to go
    assert "No layer can take r's output" in win.view.toast_text()


def test_escape_cancels_a_pending_connection(make_window, qtbot):
    win = ready(qtbot, make_window, loose_net(), select="in")
    qtbot.keyClick(win.view, K.Key_C)
    assert win.wiring.connecting
    qtbot.keyClick(win.view, K.Key_Escape)
    assert not win.wiring.connecting and win.scene._link is None and outlines(win) == 0
    assert win.view.banner_text() is None
    qtbot.keyClick(win.view, K.Key_Return)
    assert win.doc.network.edges == [] and win.stack.count() == 0
    assert win.scene.selected_ids() == ["in"]


def test_connecting_needs_one_selected_block_and_an_unlocked_network(make_window, qtbot):
    win = ready(qtbot, make_window, loose_net())
    qtbot.keyClick(win.view, K.Key_C)
    assert not win.wiring.connecting and "Select one layer first" in win.view.toast_text()
    win.scene.select_ids(["in"])
    win.editor.set_locked("the network is training")
    qtbot.keyClick(win.view, K.Key_C)
    assert not win.wiring.connecting
    assert win.statusBar().currentMessage() == "Cannot connect: the network is training."


def test_a_mouse_press_cancels_the_keyboard_connection(make_window, qtbot):
    win = ready(qtbot, make_window, loose_net(), select="in")
    qtbot.keyClick(win.view, K.Key_C)
    qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton)
    assert not win.wiring.connecting and win.scene._link is None


def test_disconnect_by_keyboard_and_undo(make_window, qtbot):
    win = ready(qtbot, make_window, chain_net(), select="d")
    qtbot.keyClick(win.view, K.Key_C, SHIFT)
    menu = win.wiring.menu
    assert menu is not None and menu.isVisible()
    assert [a.text() for a in menu.actions()] == ["Disconnect in → d", "Disconnect d → r"]
    qtbot.keyClick(menu, K.Key_Down)
    qtbot.keyClick(menu, K.Key_Return)
    assert win.doc.network.edges == [("in", "d")] and ("d", "r") not in win.scene.edges
    assert win.stack.undoText() == "Disconnect d → r"
    win.stack.undo()
    assert win.doc.network.edges == [("in", "d"), ("d", "r")]


def test_disconnect_on_a_block_without_connections_says_so(make_window, qtbot):
    win = ready(qtbot, make_window, loose_net(), select="r")
    qtbot.keyClick(win.view, K.Key_C, SHIFT)
    assert win.wiring.menu is None and win.view.toast_text() == "r has no connections to remove"


def test_edit_menu_and_shortcuts_dialog_list_the_keys(make_window, qtbot, monkeypatch):
    win = ready(qtbot, make_window, loose_net())
    edit = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Edit")
    shortcuts = {a.shortcut().toString() for a in edit.actions()}
    assert {"C", "Shift+C"} <= shortcuts
    assert win.acts.wire_connect in win.view.actions() and win.acts.wire_disconnect in win.view.actions()
    assert win.acts.wire_connect.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    shown = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text: shown.append(text)))
    win.show_shortcuts()
    assert "<b>C</b>" in shown[0] and "<b>Shift+C</b>" in shown[0] and "Arrow keys" in shown[0]
    assert {"C", "Shift+C"} <= {k for k, _ in SHORTCUTS}
    win.scene.select_ids(["in"])
    win.summary.table.setFocus()
    qtbot.waitUntil(win.summary.table.hasFocus)
    win.acts.wire_connect.trigger()  # from the menu: the keys that follow go to the canvas
    assert win.wiring.connecting and win.view.hasFocus()
    qtbot.keyClick(win.view, K.Key_Return)
    assert win.doc.network.edges == [("in", "d")]


# ---- the keyboard after a message box -------------------------------------------------------------
def close_with_enter(qtbot, box: QMessageBox, wait_active: bool) -> None:
    """exec() the box and press Enter on it: once it is active, or at once (before the window
    system has activated it, as a quick user may)."""
    def press():
        if wait_active:
            qtbot.waitUntil(lambda: QApplication.activeWindow() is box, timeout=2000)
        qtbot.keyClick(box, K.Key_Return)
    QTimer.singleShot(0, press)
    box.exec()


@pytest.mark.parametrize("wait_active", [True, False], ids=["box-active", "enter-at-once"])
def test_shortcuts_work_right_after_a_message_box_closes(make_window, qtbot, dialogs, wait_active):
    win = ready(qtbot, make_window, loose_net())
    assert win.acts.open.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open", "damaged file", parent=win)
    close_with_enter(qtbot, box, wait_active)
    assert not box.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    assert QApplication.focusWidget() is win.view  # the keyboard is back on the canvas
    dialogs.answers["open"].append("")  # the open dialog, cancelled
    qtbot.keyClick(win.view, K.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert [kind for kind, _ in dialogs.asked] == ["open"]
    win.scene.select_ids(["in"])
    qtbot.keyClick(win.view, K.Key_C)  # and the canvas's own keys
    assert win.wiring.connecting


def test_focus_return_leaves_a_following_dialog_alone(make_window, qtbot):
    win = ready(qtbot, make_window, loose_net())
    watcher = focus_return.install()
    assert focus_return.install() is watcher  # one per application
    box = QMessageBox(QMessageBox.Icon.Information, "next", "another dialog", parent=win)
    box.open()  # a modal dialog is up: nothing to give back
    qtbot.waitUntil(box.isVisible)
    assert not watcher.give_back(win)
    box.done(0)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
