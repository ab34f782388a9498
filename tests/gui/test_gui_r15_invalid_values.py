"""Issue 15 item 5: an invalid value typed in the inspector is not committed, nor silently
changed: the field turns red, says why (the param's own check, translated) and keeps what was
typed until it is corrected, or Escape puts back the last valid value; undo gets no entry."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from dlstudio.gui.i18n import tr_text  # noqa: E402
from dlstudio.spec import Network, all_types  # noqa: E402


def dense_net() -> Network:
    net = Network(name="dense")
    net.add("in", "Input", {"shape": [4]}, pos=(0, 0))
    net.add("d1", "Dense", {"units": 10}, after="in", pos=(0, 90))
    net.add("out", "Dense", {"units": 3}, after="d1", pos=(0, 180))
    return net


def expected_message(layer: str, name: str, value) -> str:
    """What the param's own check says about this value (the reason the form must show)."""
    param = next(p for p in all_types()[layer].schema.params if p.name == name)
    with pytest.raises(ValueError) as info:
        param.check(value, "x")
    return tr_text(info.value.detail)


def type_keys(qtbot, ed, text: str) -> None:
    """Select the field's text and type over it, key by key, as a user does."""
    ed.setFocus()
    ed.selectAll()
    QTest.keyClicks(ed, text)


def assert_refused(win, ed, typed: str, reason: str) -> None:
    ins = win.inspector
    assert ed.text() == typed                      # kept as typed, not "fixed"
    assert ins.error_of("units") == reason         # the reason under the field...
    assert ed.toolTip() == reason                  # ...and in its tooltip
    assert "d32f2f" in ed.styleSheet()            # red
    assert win.doc.node("d1").params["units"] == 10 and win.stack.count() == 0


def test_a_negative_value_is_refused_with_the_reason_not_stripped_of_its_minus(make_window, qtbot):
    win = make_window(dense_net())
    win.scene.select_ids(["d1"])
    ed = win.inspector.editors["units"]
    type_keys(qtbot, ed, "-5")
    assert_refused(win, ed, "-5", expected_message("Dense", "units", -5))
    QTest.keyClick(ed, Qt.Key.Key_Tab)             # leaving the field does not change it either
    assert_refused(win, ed, "-5", expected_message("Dense", "units", -5))


def test_zero_and_tab_keeps_the_zero_in_red_and_escape_restores(make_window, qtbot):
    win = make_window(dense_net())
    win.scene.select_ids(["d1"])
    ed = win.inspector.editors["units"]
    type_keys(qtbot, ed, "0")
    QTest.keyClick(ed, Qt.Key.Key_Tab)
    assert_refused(win, ed, "0", expected_message("Dense", "units", 0))
    ed.setFocus()
    QTest.keyClick(ed, Qt.Key.Key_Escape)          # back to the last valid value
    assert ed.text() == "10" and win.inspector.error_of("units") is None and ed.styleSheet() == ""
    assert win.stack.count() == 0
    type_keys(qtbot, ed, "0")
    type_keys(qtbot, ed, "32")                     # corrected: one undo step, no red
    assert win.doc.node("d1").params["units"] == 32 and win.inspector.error_of("units") is None
    assert win.stack.count() == 1


def test_the_typed_value_survives_a_change_of_another_setting(make_window, qtbot):
    win = make_window(dense_net())
    win.scene.select_ids(["d1"])
    ins = win.inspector
    ed = ins.editors["units"]
    type_keys(qtbot, ed, "-7")
    bias = ins.editors["use_bias"]
    bias.click()                                   # another setting of the same layer, valid
    assert win.stack.count() == 1 and win.doc.node("d1").params["use_bias"] == bias.isChecked()
    assert (ed.text(), ins.error_of("units")) == ("-7", expected_message("Dense", "units", -7))
    assert win.doc.node("d1").params["units"] == 10


def test_escape_restores_a_text_field_too(make_window, qtbot):
    win = make_window(dense_net())
    win.scene.select_ids(["in"])
    ins = win.inspector
    ed = ins.editors["shape"]
    type_keys(qtbot, ed, "0")
    QTest.keyClick(ed, Qt.Key.Key_Tab)
    assert ed.text() == "0" and ins.error_of("shape") == expected_message("Input", "shape", [0])
    ed.setFocus()
    QTest.keyClick(ed, Qt.Key.Key_Escape)
    assert ed.text() == "4" and ins.error_of("shape") is None and win.stack.count() == 0


def test_the_arrows_step_within_the_param_range(make_window, qtbot):
    win = make_window(dense_net())
    win.scene.select_ids(["d1"])
    ed = win.inspector.editors["units"]
    ed.set_value(1)
    ed.setFocus()
    QTest.keyClick(ed, Qt.Key.Key_Down)            # below the minimum: stays at 1
    assert ed.value() == 1 and win.inspector.error_of("units") is None
    QTest.keyClick(ed, Qt.Key.Key_Up)
    assert ed.value() == 2 and win.doc.node("d1").params["units"] == 2
