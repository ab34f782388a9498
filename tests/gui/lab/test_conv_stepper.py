"""The conv / pool stepper page: edits reach the engine's output, bad text is flagged and kept,
stepping, jumping and playing move the highlighted window."""
import math

import numpy as np
import pytest
from PySide6.QtCore import Qt

from dlstudio.engine.layers.base import ENGINE_LAYERS
from dlstudio.spec import catalogue

KEY = "conv"


@pytest.fixture
def page(lab_page):
    return lab_page(KEY)


def engine_conv(x, kernel, bias, padding="valid", strides=(1, 1)):
    """A direct Conv2D engine layer forward (no page, no Model)."""
    lt = catalogue.get("Conv2D")
    params = lt.schema.normalize({"filters": kernel.shape[0], "kernel_size": list(kernel.shape[2:]),
                                  "strides": list(strides), "padding": padding}, "t")
    out = lt.output_shape(params, [x.shape])
    layer = ENGINE_LAYERS["Conv2D"]("t", params, [x.shape], out, np.float32)
    layer.bind({"kernel": kernel.astype(np.float32), "bias": bias.astype(np.float32)}, {})
    return layer.forward([x[None].astype(np.float32)], training=False)[0]


def grid_values(grid):
    return np.array([[float(grid.item(r, c).text().replace("−", "-")) for c in range(grid.columnCount())]
                     for r in range(grid.rowCount())])


def test_default_page_shows_the_engine_output(page):
    x, k, b = page.x.copy(), page.kernel.copy(), page.bias.copy()
    expected = engine_conv(x, k, b)
    np.testing.assert_allclose(grid_values(page.output_grids[0]), expected[0])
    assert "bias 1 = 1" in page.sum_label.text()
    assert "2,800" not in page.cost_label.text()


def test_editing_a_cell_changes_the_output(page):
    before = page.result.output.copy()
    page.input_grids[0].item(1, 1).setText("9")       # valid padding: grid cell = input cell
    assert page.x[0, 1, 1] == 9
    expected = engine_conv(page.x, page.kernel, page.bias)
    np.testing.assert_allclose(page.result.output, expected)
    np.testing.assert_allclose(grid_values(page.output_grids[0]), expected[0])
    assert not np.array_equal(before, page.result.output)
    page.kernel_grids[0][0].item(0, 0).setText("2.5")
    np.testing.assert_allclose(page.result.output, engine_conv(page.x, page.kernel, page.bias))
    assert page.kernel[0, 0, 0, 0] == 2.5


def test_a_bad_cell_is_flagged_kept_and_the_output_keeps_the_last_valid_value(page):
    page.input_grids[0].item(0, 0).setText("7")
    good = page.result.output.copy()
    page.input_grids[0].item(0, 0).setText("abc")
    item = page.input_grids[0].item(0, 0)
    assert item.text() == "abc"
    assert item.background().color() == page._colors()["bad"]
    assert "not a number" in item.toolTip()
    assert page.x[0, 0, 0] == 7
    np.testing.assert_array_equal(page.result.output, good)
    assert page.error_label.isVisibleTo(page) and "not numbers" in page.error_label.text()
    page.step()                                         # re-rendering keeps the typed text
    assert page.input_grids[0].item(0, 0).text() == "abc"
    page.input_grids[0].item(0, 0).setText("3")
    assert page.x[0, 0, 0] == 3 and not page.bad
    np.testing.assert_allclose(page.result.output, engine_conv(page.x, page.kernel, page.bias))
    page.bias_edits[0].textEdited.emit("x1")
    assert ("b", 0) in page.bad
    np.testing.assert_allclose(page.result.output, engine_conv(page.x, page.kernel, page.bias))
    for text in ("nan", "inf", "1e40", ""):               # not usable numbers either
        page.kernel_grids[0][0].item(1, 1).setText(text)
        assert ("k", 0, 0, 1, 1) in page.bad and page.kernel_grids[0][0].item(1, 1).text() == text
    assert np.isfinite(page.kernel).all()
    page.kernel_grids[0][0].item(1, 1).setText("−2")    # the minus sign the grid itself writes
    assert page.kernel[0, 0, 1, 1] == -2


def test_stepping_moves_the_highlight(page, qtbot):
    grid = page.input_grids[0]
    assert page.current == (0, 0, 0)
    assert grid.highlighted == {(i, j) for i in range(3) for j in range(3)}
    hi = page._colors()["hi"]
    assert grid.item(0, 0).background().color() == hi
    page.step()
    assert page.current == (0, 0, 1)
    assert grid.highlighted == {(i, 1 + j) for i in range(3) for j in range(3)}
    assert grid.item(0, 0).background().color() != hi
    page.back()
    assert page.current == (0, 0, 0)
    # clicking an output cell jumps there; the written sum is that cell's value
    out = page.output_grids[0]
    rect = out.visualItemRect(out.item(2, 1))
    qtbot.mouseClick(out.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.current == (0, 2, 1)
    assert grid.highlighted == {(2 + i, 1 + j) for i in range(3) for j in range(3)}
    value = page.result.output[0, 2, 1]
    assert page.sum_label.text().endswith(f"= {int(value)}".replace("-", "−"))


def test_play_walks_the_cells(page, qtbot):
    page.timer.setInterval(5)
    page.play_btn.click()
    qtbot.waitUntil(lambda: page.current == page.result.cells[-1], timeout=3000)
    qtbot.waitUntil(lambda: not page.play_btn.isChecked(), timeout=3000)
    page.deactivate()
    assert not page.timer.isActive()


def test_same_padding_and_stride_change_the_sizes_live(page):
    page.pad_mode.setCurrentText("same")
    page.sh.setValue(2)
    n, s = page.x.shape[1], 2
    oh = math.ceil(n / s)
    assert page.output_grids[0].rowCount() == oh and page.output_grids[0].columnCount() == page.x.shape[2]
    total = (oh - 1) * s + 3 - n
    assert page.input_grids[0].rowCount() == n + total
    assert f"⌈{n} / {s}⌉ = {oh}" in page.formula_label.text()
    np.testing.assert_allclose(page.result.output, engine_conv(page.x, page.kernel, page.bias, "same", (2, 1)))
    # a padded cell is drawn apart and is not editable
    top = total // 2
    if top:
        item = page.input_grids[0].item(0, 2)
        assert item.text() == "0" and not item.flags() & Qt.ItemFlag.ItemIsEditable
    page.pad_mode.setCurrentText("explicit")
    for sp, v in zip(page.pads, (2, 0, 1, 3)):
        sp.setValue(v)
    expected = engine_conv(page.x, page.kernel, page.bias, [[2, 0], [1, 3]], (2, 1))
    np.testing.assert_allclose(page.result.output, expected)
    assert page.input_grids[0].rowCount() == n + 2 and page.input_grids[0].columnCount() == page.x.shape[2] + 4


def test_multichannel_preset_and_pooling_kinds(page):
    page.preset.setCurrentIndex(2)
    page._load_preset(2)
    assert len(page.input_grids) == 3 and len(page.output_grids) == 2
    np.testing.assert_allclose(page.result.output, engine_conv(page.x, page.kernel, page.bias))
    page.explain("MaxPool2D")
    assert page.kind.currentText() == "MaxPool2D" and not page.k_box.isVisibleTo(page)
    assert page.sum_label.text().startswith("<b>max")
    page.explain("AvgPool2D")
    assert page.kind.currentText() == "AvgPool2D"
    page.explain("Conv2D")
    assert page.kind.currentText() == "Conv2D" and page.k_box.isVisibleTo(page)


def test_too_large_a_window_is_a_message_not_a_crash(page):
    good = page.result.output.copy()
    page.kh.setValue(7)
    assert "larger than" in page.error_label.text()
    np.testing.assert_array_equal(page.result.output, good)
    page.step()                                         # nothing to step while the settings are bad
    assert page.index == 0 and page.input_grids[0].highlighted == set()
    page.input_grids[0].item(4, 4).setText("8")         # the input stays editable meanwhile
    assert page.x[0, 4, 4] == 8
    page.kh.setValue(3)
    assert page.error_label.text() == ""
    np.testing.assert_allclose(page.result.output, engine_conv(page.x, page.kernel, page.bias))
    assert page.result.output[0, 2, 2] != good[0, 2, 2]


def test_worked_example_button(page):
    assert not page.example_label.isVisibleTo(page)
    page.example_btn.click()
    assert page.example_label.isVisibleTo(page)
    text = page.example_label.text()
    assert "2,800" in text and "5,427,200" in text and "60" in text
