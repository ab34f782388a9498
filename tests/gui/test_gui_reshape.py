"""Reshape in the builder: in the palette's Core group, its shape edited in the inspector (a -1
accepted, bad sizes refused with the reason, edits undoable), and the Conv2D-after-Dense problem
pointing at it."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from dlstudio.gui.inspector.editors import ShapeEditor
from dlstudio.spec import Network


def dense_conv_net() -> Network:
    net = Network(name="dense-conv")
    net.add("in", "Input", {"shape": [8]}, pos=(0, 0))
    net.add("fc", "Dense", {"units": 64}, after="in", pos=(0, 80))
    net.add("conv", "Conv2D", {"filters": 2, "kernel_size": 3}, after="fc", pos=(0, 160))
    return net


def type_text(editor, text: str) -> None:
    editor.selectAll()
    editor.insert(text)


def test_reshape_is_in_the_core_group_of_the_palette(window):
    pal = window.palette_panel
    assert "Reshape" in pal.visible_types()
    assert pal.item_for("Reshape").parent() is pal.groups["Core"]


def test_the_problem_suggests_a_reshape_and_inserting_one_fixes_it(make_window):
    win = make_window(dense_conv_net())
    problems = [str(p) for p in win.doc.analysis.problems]
    assert len(problems) == 1 and "insert a Reshape to [1, 8, 8] before it" in problems[0]
    assert win.scene.nodes["conv"].problem
    # do what it says: a Reshape between the Dense and the Conv2D, then set its shape in the inspector
    rid = win.editor.add_layer("Reshape", after="fc")
    win.editor.disconnect("fc", "conv")
    assert win.editor.connect(rid, "conv")
    assert ("fc", rid) in win.doc.network.edges and (rid, "conv") in win.doc.network.edges
    assert "needs an image input" in str(win.doc.analysis.problems[0])   # the default [-1] is a vector
    win.scene.select_ids([rid])
    ins = win.inspector
    ed = ins.editors["shape"]
    assert isinstance(ed, ShapeEditor) and ed.text() == "-1"
    type_text(ed, "1×-1×8")
    assert ins.error_of("shape") is None
    assert win.doc.node(rid).params["shape"] == [1, -1, 8]
    assert win.doc.analysis.ok and win.doc.analysis.shapes["conv"] == (2, 6, 6)
    assert win.scene.nodes[rid].shape_text == "1×8×8"
    win.stack.undo()
    assert "shape" not in win.doc.node(rid).params and not win.doc.analysis.ok   # back to the default


def test_bad_shapes_turn_the_field_red_with_the_reason(make_window):
    net = dense_conv_net()
    net.add("r", "Reshape", {"shape": [1, 8, 8]}, after="fc", pos=(100, 120))
    win = make_window(net)
    win.scene.select_ids(["r"])
    ins = win.inspector
    ed = ins.editors["shape"]
    count = win.stack.count()
    type_text(ed, "-1×-1×8")
    assert "only one size (one -1)" in ins.error_of("shape") and "d32f2f" in ed.styleSheet()
    type_text(ed, "0×8×8")
    assert "positive sizes" in ins.error_of("shape")
    assert win.doc.node("r").params["shape"] == [1, 8, 8] and win.stack.count() == count
    type_text(ed, "4×5×5")                       # a valid setting that does not fit: the problem shows
    assert ins.error_of("shape") is None
    assert "needs 100 values per sample, the input has 64" in ins.problem.text()
