"""The inspector: a form per params schema, checked as typed, edits undoable and live downstream."""
from __future__ import annotations

from PySide6.QtCore import Qt

from dlstudio.gui.inspector.editors import (BoolEditor, ChoiceEditor, FloatEditor, IntEditor, PaddingEditor,
                                            PairEditor, ShapeEditor, make_editor)
from dlstudio.spec import Network, Param, all_types


def conv_net() -> Network:
    net = Network(name="conv")
    net.add("in", "Input", {"shape": [3, 16, 16]}, pos=(0, 0))
    net.add("conv", "Conv2D", {"filters": 8, "kernel_size": 3}, after="in", pos=(0, 60))
    net.add("pool", "MaxPool2D", {}, after="conv", pos=(0, 120))
    net.add("drop", "Dropout", {}, after="pool", pos=(0, 180))
    net.add("lstm_in", "Input", {"shape": [5, 4]}, pos=(300, 0))
    net.add("lstm", "LSTM", {"units": 6}, after="lstm_in", pos=(300, 60))
    return net


def type_text(editor, text: str) -> None:
    """Replace a line editor's text as typing would (textEdited fires)."""
    editor.selectAll()
    editor.insert(text)


def test_every_layer_type_gets_an_editor_per_param(qapp):
    for lt in all_types().values():
        for p in lt.schema.params:
            ed = make_editor(p)
            ed.set_value(p.default)
            assert ed.value() == (list(p.default) if isinstance(p.default, tuple) else p.default), (lt.name, p.name)


def test_editor_kinds_and_ranges(qapp):
    ed = make_editor(Param("n", "int", 3, "h", minimum=1, maximum=99))
    assert isinstance(ed, IntEditor) and ed.bounds == (1, 99)  # the arrows' range; any number can be typed
    ed = make_editor(Param("r", "float", 0.5, "h", minimum=0.0, maximum=0.95))
    assert isinstance(ed, FloatEditor) and ed.bounds == (0.0, 0.95)
    assert isinstance(make_editor(Param("b", "bool", True, "h")), BoolEditor)
    ch = make_editor(Param("c", "choice", "a", "h", choices=("a", "b")))
    assert isinstance(ch, ChoiceEditor) and ch.count() == 2
    assert isinstance(make_editor(Param("k", "pair", 3, "h")), PairEditor)
    assert isinstance(make_editor(Param("p", "padding", "valid", "h")), PaddingEditor)
    assert isinstance(make_editor(Param("s", "shape", [2], "h")), ShapeEditor)


def test_pair_editor_reads_one_number_or_h_by_w(qapp):
    ed = PairEditor(Param("k", "pair", 3, "h", minimum=1))
    for text, value in (("5", 5), ("3×5", [3, 5]), ("3x5", [3, 5]), ("3, 5", [3, 5])):
        ed.setText(text)
        assert ed.value() == value
    ed.setText("3×a")
    try:
        ed.value()
        raise AssertionError("accepted 3×a")
    except ValueError as e:
        assert "not a whole number" in str(e)
    opt = PairEditor(Param("s", "pair", None, "h", optional=True))
    opt.setText("")
    assert opt.value() is None


def test_padding_editor_modes(qapp):
    ed = PaddingEditor(Param("padding", "padding", "valid", "h"))
    ed.set_value("same")
    assert ed.value() == "same" and all(box.isHidden() for box in ed.sides)
    ed.set_value([[1, 2], [3, 4]])
    assert ed.value() == [[1, 2], [3, 4]] and not any(box.isHidden() for box in ed.sides)


def test_selecting_a_layer_builds_its_form(make_window):
    win = make_window(conv_net())
    win.scene.select_ids(["conv"])
    ins = win.inspector
    assert ins.node_id == "conv"
    assert set(ins.editors) == {"filters", "kernel_size", "strides", "padding", "use_bias"}
    assert ins.in_shape.text() == "3×16×16" and ins.out_shape.text() == "8×14×14"
    assert ins.params_label.text() == "224"
    assert ins.macs_label.text().startswith("42,336")
    win.scene.select_ids(["conv", "pool"])
    assert ins.node_id is None
    win.scene.select_ids([])
    assert ins.node_id is None


def test_a_valid_edit_updates_shapes_downstream_and_is_undoable(make_window):
    win = make_window(conv_net())
    win.scene.select_ids(["conv"])
    ins = win.inspector
    ins.editors["filters"].setValue(16)
    assert win.doc.node("conv").params["filters"] == 16
    assert win.scene.nodes["pool"].shape_text == "16×7×7"
    assert win.scene.nodes["drop"].shape_text == "16×7×7"
    assert ins.params_label.text() == "448"
    assert win.summary.model.cells(win.summary.model.row_of("drop"))[2] == "16×7×7"
    win.stack.undo()
    assert ins.editors["filters"].value() == 8  # the form follows undo
    assert win.scene.nodes["pool"].shape_text == "8×7×7"


def test_typing_digit_by_digit_is_one_undo_step(make_window):
    win = make_window(conv_net())
    win.scene.select_ids(["conv"])
    box = win.inspector.editors["filters"]
    box.setFocus()
    box.selectAll()
    for ch in "64":
        box.lineEdit().insert(ch)
    assert win.doc.node("conv").params["filters"] == 64
    assert win.stack.count() == 1 and win.stack.undoText() == "Change filters of conv"


def test_invalid_text_turns_red_with_the_message_and_changes_nothing(make_window):
    win = make_window(conv_net())
    win.scene.select_ids(["conv"])
    ins = win.inspector
    ed = ins.editors["kernel_size"]
    type_text(ed, "3×")
    type_text(ed, "3×a")
    assert "not a whole number" in ins.error_of("kernel_size")
    assert "d32f2f" in ed.styleSheet()
    assert win.doc.node("conv").params["kernel_size"] == 3 and win.stack.count() == 0
    type_text(ed, "0")
    assert "≥ 1" in ins.error_of("kernel_size")
    type_text(ed, "5×3")
    assert ins.error_of("kernel_size") is None and ed.styleSheet() == ""
    assert win.doc.node("conv").params["kernel_size"] == [5, 3]
    assert win.scene.nodes["conv"].shape_text == "8×12×14"


def test_a_valid_value_that_breaks_the_network_shows_the_problem(make_window):
    win = make_window(conv_net())
    win.scene.select_ids(["conv"])
    ins = win.inspector
    type_text(ins.editors["kernel_size"], "17")
    assert "larger than" in ins.problem.text() and not ins.problem.isHidden()
    assert win.scene.nodes["conv"].problem
    type_text(ins.editors["kernel_size"], "3")
    assert ins.problem.isHidden()


def test_padding_choice_and_explicit_sides(make_window):
    win = make_window(conv_net())
    win.scene.select_ids(["conv"])
    ed = win.inspector.editors["padding"]
    ed.mode.setCurrentText("same")
    assert win.doc.node("conv").params["padding"] == "same"
    assert win.scene.nodes["conv"].shape_text == "8×16×16"
    ed.mode.setCurrentText("explicit")
    ed.sides[0].setValue(2)
    assert win.doc.node("conv").params["padding"] == [[2, 0], [0, 0]]
    assert win.scene.nodes["conv"].shape_text == "8×16×14"


def test_optional_pool_strides_and_bool_and_float(make_window):
    win = make_window(conv_net())
    win.scene.select_ids(["pool"])
    ed = win.inspector.editors["strides"]
    assert ed.text() == "" and ed.placeholderText()
    type_text(ed, "1")
    assert win.scene.nodes["pool"].shape_text == "8×13×13"
    type_text(ed, "")
    assert win.doc.node("pool").params["strides"] is None
    win.scene.select_ids(["drop"])
    win.inspector.editors["rate"].setValue(0.25)
    assert win.doc.node("drop").params["rate"] == 0.25
    win.scene.select_ids(["lstm"])
    win.inspector.editors["return_sequences"].setChecked(True)
    assert win.scene.nodes["lstm"].shape_text == "5×6"


def test_input_shape_editor(make_window):
    win = make_window(conv_net())
    win.scene.select_ids(["in"])
    ed = win.inspector.editors["shape"]
    assert ed.text() == "3×16×16"
    type_text(ed, "1×28×28")
    assert win.doc.node("in").params["shape"] == [1, 28, 28]
    assert win.scene.nodes["conv"].shape_text == "8×26×26"
    type_text(ed, "1×0")
    assert "positive" in win.inspector.error_of("shape")


def test_renaming_in_the_inspector(make_window):
    win = make_window(conv_net())
    win.scene.select_ids(["conv"])
    ins = win.inspector
    type_text(ins.id_edit, "pool")
    assert "already used" in ins.id_error.text() and not ins.id_error.isHidden()
    type_text(ins.id_edit, "features")
    assert ins.id_error.isHidden()
    ins.id_edit.editingFinished.emit()
    assert win.doc.network.has("features") and ("features", "pool") in win.doc.network.edges
    assert win.scene.nodes["features"].node_id == "features"
    assert win.stack.undoText() == "Rename conv to features"
    assert win.scene.selected_ids() == ["features"] and ins.node_id == "features"
    win.stack.undo()
    assert ins.node_id == "conv" and ins.id_edit.text() == "conv"


def test_the_form_follows_deletion(make_window):
    win = make_window(conv_net())
    win.scene.select_ids(["drop"])
    win.editor.delete(["drop"])
    assert win.inspector.node_id is None


def test_editing_focus_is_kept_while_typing(make_window, qtbot):
    win = make_window(conv_net())
    win.scene.select_ids(["conv"])
    box = win.inspector.editors["filters"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert win.doc.node("conv").params["filters"] == 9
    assert win.inspector.editors["filters"] is box  # the form is not rebuilt under the cursor
