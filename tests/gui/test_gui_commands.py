"""The document model and its undo commands: every edit is undoable, redoable, and analysed once."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from dlstudio.gui.document import Document
from dlstudio.gui.editor import Editor
from dlstudio.spec import Network


def chain() -> Network:
    net = Network(name="chain")
    net.add("in", "Input", {"shape": [1, 8, 8]}, pos=(0, 0))
    net.add("conv", "Conv2D", {"filters": 4, "kernel_size": 3}, after="in", pos=(0, 70))
    net.add("relu", "ReLU", after="conv", pos=(0, 140))
    net.add("flat", "Flatten", after="relu", pos=(0, 210))
    net.add("out", "Dense", {"units": 3}, after="flat", pos=(0, 280))
    return net


@pytest.fixture
def ed(qapp):
    doc = Document(chain())
    stack = QUndoStack()
    editor = Editor(doc, stack)
    yield editor
    stack.clear()


def snapshot(editor: Editor) -> dict:
    return editor.doc.network.to_dict()


def check_undo_redo(editor: Editor, before: dict, after: dict) -> None:
    assert snapshot(editor) == after
    editor.stack.undo()
    assert snapshot(editor) == before
    editor.stack.redo()
    assert snapshot(editor) == after


def test_add_layer_is_one_step_and_names_itself(ed):
    before = snapshot(ed)
    node_id = ed.add_layer("Conv2D", (100, 100))
    assert node_id == "conv1"
    assert ed.stack.undoText() == "Add Conv2D"
    assert ed.doc.node(node_id).pos == (100.0, 100.0)
    check_undo_redo(ed, before, snapshot(ed))


def test_add_after_connects_and_is_one_step(ed):
    before = snapshot(ed)
    node_id = ed.add_layer("Dropout", after="out")
    assert ed.doc.network.inputs_of(node_id) == ["out"]
    assert ed.stack.count() == 1 and ed.stack.undoText() == "Add Dropout"
    check_undo_redo(ed, before, snapshot(ed))


def test_delete_removes_edges_and_restores_their_order(ed):
    ed.add_layer("Add", (300, 300))
    ed.connect("relu", "add1")
    ed.connect("conv", "add1")
    before = snapshot(ed)
    ed.delete(["relu"])
    assert ed.stack.undoText() == "Delete relu"
    assert not ed.doc.network.has("relu")
    assert ed.doc.network.inputs_of("add1") == ["conv"]
    after = snapshot(ed)
    check_undo_redo(ed, before, after)
    ed.stack.undo()
    assert ed.doc.network.inputs_of("add1") == ["relu", "conv"]  # input order survives undo


def test_connect_and_disconnect(ed):
    ed.add_layer("Dense", (300, 0))
    before = snapshot(ed)
    assert ed.connect("flat", "dense1")
    assert ed.stack.undoText() == "Connect flat → dense1"
    check_undo_redo(ed, before, snapshot(ed))
    before = snapshot(ed)
    ed.disconnect("flat", "dense1")
    assert ed.stack.undoText() == "Disconnect flat → dense1"
    check_undo_redo(ed, before, snapshot(ed))


def test_delete_a_connection_only(ed):
    before = snapshot(ed)
    ed.delete([], [("relu", "flat")])
    assert ed.stack.undoText() == "Delete connection"
    assert ("relu", "flat") not in ed.doc.network.edges
    check_undo_redo(ed, before, snapshot(ed))


def test_move_is_one_step_per_gesture(ed):
    before = snapshot(ed)
    ed.move({"conv": ((0, 70), (50, 90)), "relu": ((0, 140), (50, 160))})
    assert ed.stack.count() == 1 and ed.stack.undoText() == "Move 2 layers"
    check_undo_redo(ed, before, snapshot(ed))


def test_param_edits_merge_while_typing_and_update_shapes(ed):
    before = snapshot(ed)
    ed.set_param("conv", "filters", 1)
    ed.set_param("conv", "filters", 12)
    assert ed.stack.count() == 1
    assert ed.stack.undoText() == "Change filters of conv"
    assert ed.doc.analysis.shapes["relu"] == (12, 6, 6)
    assert ed.doc.analysis.shapes["flat"] == (432,)
    check_undo_redo(ed, before, snapshot(ed))
    ed.stack.undo()
    assert ed.doc.analysis.shapes["flat"] == (144,)


def test_param_edit_back_to_the_old_value_leaves_no_step(ed):
    ed.set_param("conv", "filters", 5)
    ed.set_param("conv", "filters", 4)
    assert ed.stack.count() == 0


def test_edits_of_different_settings_do_not_merge(ed):
    ed.set_param("conv", "filters", 5)
    ed.set_param("conv", "kernel_size", 5)
    assert ed.stack.count() == 2


def test_rename_updates_edges_and_refuses_duplicates(ed):
    refused = []
    ed.sigRefused.connect(lambda text, where: refused.append(text))
    before = snapshot(ed)
    assert ed.rename("conv", "features")
    assert ed.doc.network.inputs_of("relu") == ["features"]
    assert ed.stack.undoText() == "Rename conv to features"
    check_undo_redo(ed, before, snapshot(ed))
    assert not ed.rename("features", "relu")
    assert "already used" in refused[-1]
    assert not ed.rename("features", "bad id!")
    assert ed.rename_problem("features", "") is not None


def test_paste_gives_fresh_ids_and_keeps_inner_edges(ed):
    text = ed.copy_text(["conv", "relu"])
    before = snapshot(ed)
    new = ed.paste_text(text)
    assert new == ["conv1", "relu1"]
    assert ("conv1", "relu1") in ed.doc.network.edges
    assert ed.doc.network.inputs_of("conv1") == []  # edges from outside the selection are not copied
    assert ed.doc.node("conv1").pos == (30.0, 100.0)
    assert ed.stack.undoText() == "Paste 2 layers"
    check_undo_redo(ed, before, snapshot(ed))
    assert ed.paste_text("not json") == []
    assert ed.paste_text('{"format": "something else"}') == []


def test_duplicate_is_a_paste_next_to_the_original(ed):
    new = ed.duplicate(["out"])
    assert new == ["dense1"]
    assert ed.doc.node("dense1").params == {"units": 3}


def test_auto_layout_is_one_step(ed):
    ed.move({"conv": ((0, 70), (400, 400))})
    before = snapshot(ed)
    ed.auto_layout()
    assert ed.stack.undoText() == "Auto layout"
    ys = [ed.doc.node(i).pos[1] for i in ("in", "conv", "relu", "flat", "out")]
    assert ys == sorted(ys) and len(set(ys)) == 5
    xs = {ed.doc.node(i).pos[0] for i in ("in", "conv", "relu", "flat", "out")}
    assert len(xs) == 1  # a chain is laid out straight
    check_undo_redo(ed, before, snapshot(ed))


def test_compound_edits_are_analysed_once(ed, qtbot):
    calls = []
    ed.doc.sigAnalysisChanged.connect(lambda: calls.append(1))
    ed.paste_text(ed.copy_text(["conv", "relu", "flat"]))
    assert len(calls) == 1
    ed.stack.undo()
    assert len(calls) == 2
    ed.delete(["conv", "relu"])
    assert len(calls) == 3


def test_document_signals_name_what_changed(ed):
    seen = []
    doc = ed.doc
    for name in ("sigNodeAdded", "sigNodeRemoved", "sigNodeChanged", "sigNodeMoved", "sigNodeRenamed",
                 "sigEdgeAdded", "sigEdgeRemoved"):
        getattr(doc, name).connect(lambda *args, n=name: seen.append((n, *args)))
    ed.add_layer("ReLU", (0, 0))
    ed.connect("out", "relu1")
    ed.set_param("out", "units", 4)
    ed.move({"out": ((0, 280), (10, 280))})
    ed.rename("relu1", "act")
    ed.delete(["act"])
    assert seen == [("sigNodeAdded", "relu1"), ("sigEdgeAdded", "out", "relu1"), ("sigNodeChanged", "out"),
                    ("sigNodeMoved", "out"), ("sigNodeRenamed", "relu1", "act"),
                    ("sigEdgeRemoved", "out", "act"), ("sigNodeRemoved", "act")]
