"""The canvas: drops, port-to-port connections, refusals, selection, moves, clipboard, zoom, pan."""
from __future__ import annotations

from gui_input import MIDDLE, centre, click, drag, drop, key, wheel
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QGuiApplication

from dlstudio.gui.canvas.node_item import NodeItem
from dlstudio.gui.palette import layer_mime
from dlstudio.spec import Network


def small_net() -> Network:
    net = Network(name="small")
    net.add("in", "Input", {"shape": [1, 12, 12]}, pos=(0, 0))
    net.add("conv", "Conv2D", {"filters": 4, "kernel_size": 3}, after="in", pos=(0, 80))
    net.add("relu", "ReLU", after="conv", pos=(0, 160))
    net.add("flat", "Flatten", after="relu", pos=(0, 230))
    net.add("out", "Dense", {"units": 3}, after="flat", pos=(0, 300))
    return net


def test_scene_mirrors_the_document(make_window):
    win = make_window(small_net())
    assert set(win.scene.nodes) == {"in", "conv", "relu", "flat", "out"}
    assert set(win.scene.edges) == set(win.doc.network.edges)
    conv = win.scene.nodes["conv"]
    assert conv.shape_text == "4×10×10"
    assert "4 filters" in conv.settings_text and "3×3" in conv.settings_text
    assert conv.params_text == "40 params"
    assert win.scene.nodes["relu"].shape_text == "4×10×10"


def test_drop_through_the_scene_api_adds_an_undoable_layer(empty_window):
    win = empty_window
    node_id = win.scene.drop_layer("Dense", QPointF(300, 200))
    assert node_id == "dense1" and "dense1" in win.scene.nodes
    x, y = win.doc.node("dense1").pos
    assert x % 10 == 0 and y % 10 == 0  # on the grid
    assert win.scene.selected_ids() == ["dense1"]
    win.stack.undo()
    assert "dense1" not in win.scene.nodes and not win.doc.network.nodes


def test_synthesized_drop_event_on_the_canvas(empty_window):
    win = empty_window
    target = QPoint(win.view.viewport().width() // 2, win.view.viewport().height() // 2)
    assert drop(win.view.viewport(), target, layer_mime("Conv2D"))
    assert [n.type for n in win.doc.network.nodes] == ["Conv2D"]
    item = win.scene.nodes["conv1"]
    assert item.sceneBoundingRect().contains(win.view.mapToScene(target))
    foreign = QMimeData()
    foreign.setText("hello")
    assert not drop(win.view.viewport(), target, foreign)
    assert len(win.doc.network.nodes) == 1


def test_connect_by_dragging_from_output_to_input_port(empty_window):
    win = empty_window
    win.editor.add_layer("Input", (0, 0))
    win.editor.add_layer("Dense", (0, 120))
    assert win.scene.link_ports("input1", "dense1")
    assert win.doc.network.edges == [("input1", "dense1")]
    assert ("input1", "dense1") in win.scene.edges
    assert win.stack.undoText() == "Connect input1 → dense1"
    win.stack.undo()
    assert not win.scene.edges and not win.doc.network.edges


def test_connect_by_dragging_from_input_port_back_to_an_output(empty_window):
    win = empty_window
    win.editor.add_layer("Input", (0, 0))
    win.editor.add_layer("ReLU", (0, 120))
    sc = win.scene
    port = sc.nodes["relu1"].in_ports[0]
    sc.begin_link(port, port.scenePos())
    sc.drag_link(sc.nodes["input1"].out_port.scenePos() + QPointF(5, 3))  # near enough snaps
    assert sc.end_link(sc.nodes["input1"].out_port.scenePos() + QPointF(5, 3))
    assert win.doc.network.edges == [("input1", "relu1")]


def test_connect_with_real_mouse_gestures_and_release_on_the_block(empty_window):
    win = empty_window
    win.editor.add_layer("Input", (0, 0))
    win.editor.add_layer("Flatten", (0, 150))
    win.view.fit_to_view()
    start = win.scene.nodes["input1"].out_port.scenePos()
    drag(win.view, start, centre(win.scene.nodes["flatten1"]))
    assert win.doc.network.edges == [("input1", "flatten1")]
    assert win.scene._link is None  # the rubber line is gone


def test_a_drag_that_ends_nowhere_connects_nothing(empty_window):
    win = empty_window
    win.editor.add_layer("Input", (0, 0))
    sc = win.scene
    port = sc.nodes["input1"].out_port
    sc.begin_link(port, port.scenePos())
    assert sc._link is not None  # the rubber line follows the mouse
    sc.drag_link(QPointF(500, 500))
    assert not sc.end_link(QPointF(500, 500))
    assert sc._link is None and win.stack.count() == 1


def test_refused_connections_say_why(make_window):
    win = make_window(small_net())
    sc = win.scene
    # a loop
    assert not sc.link_ports("flat", "conv", 0)
    assert "loop" in win.view.toast_text()
    assert "loop" in win.statusBar().currentMessage()
    # a second input into a single-input layer
    assert not sc.link_ports("in", "relu")
    assert "already has its input" in win.view.toast_text()
    # into an Input
    assert not win.editor.connect("out", "in")
    assert "takes no inputs" in win.view.toast_text()
    # itself
    assert not win.editor.connect("relu", "relu")
    assert win.doc.network.edges == small_net().edges and win.stack.count() == 0


def test_multi_input_ports_are_ordered(make_window):
    win = make_window(small_net())
    win.editor.add_layer("Concatenate", (300, 300))
    sc = win.scene
    item = sc.nodes["concat1"]
    assert len(item.in_ports) == 1 and item.in_ports[0].free
    assert sc.link_ports("conv", "concat1")
    assert sc.link_ports("relu", "concat1")
    assert len(item.in_ports) == 3  # two connected, one free
    assert win.doc.network.inputs_of("concat1") == ["conv", "relu"]
    assert not sc.link_ports("conv", "concat1")  # the same source twice is refused
    assert "already connected" in win.view.toast_text()
    assert [p.index for p in item.in_ports] == [0, 1, 2]
    xs = [p.scenePos().x() for p in item.in_ports]
    assert xs == sorted(xs)  # ports read left to right in input order


def test_inserting_into_an_occupied_port_of_a_merge_puts_the_edge_first(make_window):
    win = make_window(small_net())
    win.editor.add_layer("Add", (300, 300))
    sc = win.scene
    sc.link_ports("conv", "add1")
    sc.link_ports("relu", "add1")
    win.editor.add_layer("ReLU", (300, 100))
    sc.link_ports("conv", "relu1")
    assert sc.link_ports("relu1", "add1", 0)
    assert win.doc.network.inputs_of("add1") == ["relu1", "conv", "relu"]
    edge = sc.edges[("relu1", "add1")]
    assert edge.path().pointAtPercent(1).x() < sc.edges[("relu", "add1")].path().pointAtPercent(1).x()
    win.stack.undo()
    assert win.doc.network.inputs_of("add1") == ["conv", "relu"]


def test_problem_nodes_are_marked_and_explained(make_window):
    win = make_window(small_net())
    win.editor.set_param("conv", "kernel_size", 20)
    conv = win.scene.nodes["conv"]
    assert conv.problem and "larger than" in conv.problem
    assert "larger than" in conv.toolTip()
    assert win.scene.nodes["relu"].shape_text == "?"
    win.stack.undo()
    assert conv.problem is None and win.scene.nodes["relu"].shape_text == "4×10×10"


def test_rubber_band_selects_several_blocks(make_window):
    win = make_window(small_net())
    win.view.fit_to_view()
    sc = win.scene
    top = sc.nodes["in"].sceneBoundingRect()
    bottom = sc.nodes["relu"].sceneBoundingRect()
    drag(win.view, top.topLeft() + QPointF(-40, -20), QPointF(bottom.right() + 40, bottom.center().y()))
    assert sc.selected_ids() == ["in", "conv", "relu"]
    assert win.stack.count() == 0  # selecting is not an edit


def test_moving_a_block_snaps_to_the_grid_and_is_one_step(make_window):
    win = make_window(small_net())
    win.view.fit_to_view()
    win.view.reset_zoom()
    sc = win.scene
    item = sc.nodes["out"]
    start = item.sceneBoundingRect().center()
    drag(win.view, start, start + QPointF(137, 44), steps=8)
    x, y = win.doc.node("out").pos
    assert (x % 10, y % 10) == (0, 0)
    assert abs(x - 137) <= 10 and abs(y - 344) <= 10
    assert win.stack.count() == 1 and win.stack.undoText() == "Move out"
    edge = sc.edges[("flat", "out")]
    assert abs(edge.path().pointAtPercent(1).x() - item.input_anchor(0).x()) < 1
    win.stack.undo()
    assert win.doc.node("out").pos == (0.0, 300.0) and item.pos() == QPointF(0, 300)


def test_moving_a_selection_moves_all_in_one_step(make_window):
    win = make_window(small_net())
    sc = win.scene
    sc.select_ids(["conv", "relu"])
    for node_id in ("conv", "relu"):
        sc.nodes[node_id].moveBy(50, 0)
    sc.commit_moves()
    assert win.stack.count() == 1 and win.stack.undoText() == "Move 2 layers"
    assert win.doc.node("relu").pos == (50.0, 160.0)


def test_delete_key_removes_selected_blocks_and_edges(make_window, qtbot):
    win = make_window(small_net())
    sc = win.scene
    sc.select_ids(["relu"])
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_Delete)
    assert not win.doc.network.has("relu")
    assert ("conv", "relu") not in sc.edges and "relu" not in sc.nodes
    sc.edges[("in", "conv")].setSelected(True)
    win.acts.delete.trigger()
    assert ("in", "conv") not in win.doc.network.edges
    win.stack.undo()
    win.stack.undo()
    assert win.doc.network.to_dict() == small_net().to_dict()


def test_clicking_an_edge_selects_it(make_window):
    win = make_window(small_net())
    win.view.fit_to_view()
    edge = win.scene.edges[("conv", "relu")]
    click(win.view, edge.path().pointAtPercent(0.5))
    assert win.scene.selected_edges() == [("conv", "relu")]


def test_copy_paste_cut_and_duplicate_through_the_clipboard(make_window):
    win = make_window(small_net())
    sc = win.scene
    sc.select_ids(["conv", "relu"])
    win.acts.copy.trigger()
    text = QGuiApplication.clipboard().text()
    assert '"dlstudio-clipboard"' in text and '"conv"' in text
    win.acts.paste.trigger()
    assert sc.selected_ids() == ["conv1", "relu1"]
    assert ("conv1", "relu1") in win.doc.network.edges
    assert win.stack.undoText() == "Paste 2 layers"
    win.acts.duplicate.trigger()
    assert sc.selected_ids() == ["conv2", "relu2"]
    win.acts.cut.trigger()
    assert not win.doc.network.has("conv2")
    win.acts.paste.trigger()
    assert win.doc.network.has("conv2") and ("conv2", "relu2") in win.doc.network.edges
    QGuiApplication.clipboard().setText("plain text")
    win.acts.paste.trigger()
    assert "Nothing to paste" in win.statusBar().currentMessage()


def test_wheel_zooms_around_the_cursor(make_window):
    win = make_window(small_net())
    view = win.view
    view.reset_zoom()
    at = QPoint(view.viewport().width() // 3, view.viewport().height() // 3)
    before = view.mapToScene(at)
    wheel(view, at, 2)
    assert view.zoom() > 1.3
    after = view.mapToScene(at)
    assert abs(after.x() - before.x()) < 2 and abs(after.y() - before.y()) < 2
    wheel(view, at, -4)
    assert view.zoom() < 1.0
    assert win.zoom_label.text() == f"{round(view.zoom() * 100)} %"


def test_middle_drag_and_space_drag_pan(make_window):
    win = make_window(small_net())
    view = win.view
    view.reset_zoom()
    c = QPoint(view.viewport().width() // 2, view.viewport().height() // 2)
    before = view.mapToScene(c)
    drag(view, QPointF(c), QPointF(c + QPoint(60, 40)), button=MIDDLE, scene=False)
    moved = view.mapToScene(c)
    assert abs((before.x() - moved.x()) - 60) < 2 and abs((before.y() - moved.y()) - 40) < 2
    assert win.stack.count() == 0

    tapped = []
    view.sigSpaceTapped.connect(lambda: tapped.append(1))
    key(view, Qt.Key.Key_Space, release=False)
    empty = QPoint(5, 5)
    drag(view, QPointF(empty), QPointF(empty + QPoint(-50, 0)), scene=False)
    key(view, Qt.Key.Key_Space, press=False)
    assert abs(view.mapToScene(c).x() - (moved.x() + 50)) < 2
    assert not tapped and win.stack.count() == 0
    key(view, Qt.Key.Key_Space)
    assert tapped == [1]  # a tap is kept for start / pause training


def test_fit_to_view_shows_every_block(make_window, qtbot):
    win = make_window(small_net())
    view = win.view
    view.set_zoom(3.0)
    win.palette_panel.tree.setFocus()
    qtbot.keyClick(win.palette_panel.tree, Qt.Key.Key_F)  # F works without the canvas having focus
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    for item in win.scene.nodes.values():
        assert visible.contains(item.sceneBoundingRect())
    assert view.zoom() <= 1.0


def test_auto_layout_places_branches_side_by_side(make_window):
    net = Network(name="branches")
    net.add("in", "Input", {"shape": [3, 8, 8]}, pos=(0, 0))
    net.add("a", "Conv2D", {"filters": 4, "padding": "same"}, after="in", pos=(0, 0))
    net.add("b", "Conv2D", {"filters": 4, "padding": "same"}, after="in", pos=(0, 0))
    net.add("c", "ReLU", after="b", pos=(0, 0))
    net.add("cat", "Concatenate", after=["a", "c"], pos=(0, 0))
    win = make_window(net)
    win.acts.layout.trigger()
    assert win.stack.undoText() == "Auto layout"
    rects = {i: win.scene.nodes[i].sceneBoundingRect() for i in ("in", "a", "b", "c", "cat")}
    for i in rects:
        for j in rects:
            if i < j:
                assert not rects[i].intersects(rects[j]), (i, j)
    assert rects["a"].top() == rects["b"].top()
    assert rects["cat"].top() > rects["c"].bottom()
    # the skip edge a → cat has a lane: it does not cross block c
    path = win.scene.edges[("a", "cat")].path()
    assert not any(rects["c"].contains(path.pointAtPercent(t / 20)) for t in range(21))


def test_double_click_in_the_palette_adds_after_the_selected_block(make_window, qtbot):
    win = make_window(small_net())
    win.scene.select_ids(["out"])
    tree = win.palette_panel.tree
    item = win.palette_panel.item_for("Softmax")
    tree.scrollToItem(item)
    at = tree.visualItemRect(item).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=at)  # a real double-click:
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=at)  # press, release, double
    assert [n.type for n in win.doc.network.nodes].count("Softmax") == 1  # one layer per double-click
    assert win.doc.network.inputs_of("softmax1") == ["out"]
    assert win.scene.selected_ids() == ["softmax1"]
    assert win.stack.undoText() == "Add Softmax"
    assert win.doc.node("softmax1").pos[1] > win.doc.node("out").pos[1]
    win.scene.select_ids([])
    win.palette_panel.sigAddRequested.emit("Dense")  # nothing selected: added alone
    assert win.doc.network.inputs_of("dense1") == []


def test_the_scene_leaves_room_around_the_blocks(make_window):
    win = make_window(small_net())
    assert all(isinstance(i, NodeItem) for i in win.scene.nodes.values())
    assert QRectF(win.scene.sceneRect()).contains(win.scene.itemsBoundingRect().adjusted(-500, -500, 500, 500))


def test_a_layer_of_unknown_type_is_shown_as_a_problem(make_window):
    net = small_net()
    net.add("odd", "Quantum", {"qubits": 3}, pos=(300, 0))
    win = make_window(net)
    item = win.scene.nodes["odd"]
    assert "unknown layer type" in item.problem
    assert not win.editor.connect("relu", "odd")
    assert "unknown layer type" in win.view.toast_text()
    win.scene.select_ids(["odd"])
    assert win.inspector.node_id == "odd" and not win.inspector.editors
