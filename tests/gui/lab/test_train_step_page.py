"""The "One training step" page: its stages show the engine's numbers, edits recompute."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from dlstudio.engine.model import Model
from dlstudio.engine.optimizers import make_optimizer
from dlstudio.spec import Network


@pytest.fixture
def page(lab_page):
    return lab_page("step", size=None, show=False)


def column(table, c):
    return [table.item(r, c).text() for r in range(table.rowCount())]


def row_of(table, text):
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == text)


def independent_forward(page, x):
    """The page's weights through the engine's Model built here from its own document."""
    net = Network(name="t")
    net.add("input", "Input", {"shape": [2]})
    net.add("dense1", "Dense", {"units": 3}, after="input")
    net.add("act1", "Sigmoid", {}, after="dense1")
    net.add("dense2", "Dense", {"units": 2}, after="act1")
    net.add("out", "Softmax", {}, after="dense2")
    m = Model(net, seed=123)
    m.set_weights(page.session.weights())
    m.forward(np.asarray([x], np.float32))
    return m.values


def test_stepping_through_stages_updates_the_view(page, qtbot):
    t = page.table
    assert page.stage == 0 and page.stage_buttons[0].isChecked()
    assert column(t, 0)[0] == "dense1.kernel[0, 0]"
    values = independent_forward(page, page.session.x)
    page.next_button.click()
    assert page.stage == 1 and page.stage_buttons[1].isChecked()
    shown = {(a, b): float(v) for a, b, v in zip(column(t, 0), column(t, 1), column(t, 2))}
    assert shown[("act1 (Sigmoid)", "a[2]")] == pytest.approx(values["act1"][0, 1], rel=1e-5)
    assert shown[("out (Softmax)", "ŷ[1]")] == pytest.approx(values["out"][0, 0], rel=1e-5)
    page.next_button.click()
    p = values["out"][0]
    loss_row = row_of(t, "loss L (cross_entropy)")
    assert float(t.item(loss_row, 1).text()) == pytest.approx(-np.log(p[0]), rel=1e-5)
    page.next_button.click()
    r = row_of(t, "∂L/∂z₂[1]")        # the gradient that reaches the logits: p − t
    assert float(t.item(r, 1).text()) == pytest.approx(p[0] - 1.0, rel=1e-4)
    page.next_button.click()
    assert page.stage == 4 and not page.next_button.isEnabled()
    assert [t.horizontalHeaderItem(c).text() for c in range(4)] == ["Weight", "Old", "Gradient", "New"]
    rec = page.record
    # the new weights are the engine's SGD applied by hand to the shown old weights and gradients
    params = np.array([r.old for r in rec.weights], np.float32)
    opt = make_optimizer("sgd")
    opt.step(params, np.array([r.grad for r in rec.weights], np.float32))
    assert [float(v) for v in column(t, 3)] == pytest.approx(params.tolist(), rel=1e-5, abs=1e-9)
    assert "w ← w − η·g" in page.formula.text()
    page.back_button.click()
    assert page.stage == 3


def test_editing_an_input_recomputes(page):
    page.set_stage(1)
    before = page.record.values["dense1"].copy()
    page.sample_table.item(0, 1).setText("2.5")
    assert page.session.x.tolist() == [0.5, 2.5]
    values = independent_forward(page, [0.5, 2.5])
    np.testing.assert_allclose(page.record.values["dense1"], values["dense1"][0], rtol=1e-6)
    assert not np.allclose(before, page.record.values["dense1"])
    shown = dict(zip(zip(column(page.table, 0), column(page.table, 1)), column(page.table, 2)))
    assert float(shown[("input (Input)", "x[2]")]) == 2.5


def test_bad_input_is_kept_red_with_a_message(page):
    page.sample_table.item(0, 0).setText("abc")
    item = page.sample_table.item(0, 0)
    assert item.text() == "abc" and "not one" in item.toolTip()
    assert "abc" in page.status.text() and page.session.x.tolist() == [0.5, -1.0]
    page.sample_table.item(1, 0).setText("0.3")       # not a distribution for cross-entropy
    assert page.session.target.tolist() == [1.0, 0.0]
    assert "sum" in page.status.text()


def test_editing_a_weight_in_the_table_recomputes(page):
    t = page.table
    r = row_of(t, "dense1.kernel[1, 2]")
    t.item(r, 1).setText("0.625")
    assert page.session.weights()["dense1.kernel"][1, 2] == np.float32(0.625)
    values = independent_forward(page, page.session.x)
    np.testing.assert_allclose(page.record.values["act1"], values["act1"][0], rtol=1e-6)
    t.item(row_of(t, "dense1.kernel[0, 0]"), 1).setText("x1")
    assert "not a number" in page.status.text()
    assert t.item(row_of(t, "dense1.kernel[0, 0]"), 1).text() == "x1"
    before = page.session.weights()["dense2.kernel"].copy()
    page.set_stage(4)                          # in the update table the Old column is editable
    t.item(row_of(t, "dense2.kernel[0, 1]"), 1).setText("0.125")
    assert page.session.weights()["dense2.kernel"][0, 1] == np.float32(0.125)
    assert page.record.row("dense2.kernel[0, 1]").old == 0.125
    assert page.session.weights()["dense2.kernel"][0, 0] == before[0, 0]


def test_next_sample_step_starts_from_the_updated_weights(page):
    page.optimizer_box.setCurrentText("adam")
    first = page.record
    page.step_button.click()
    assert page.stage == 0 and page.record.step == 2 and page.record.t == 2
    for name, arr in first.new_weights().items():
        np.testing.assert_allclose(page.record.old_weights()[name], arr)
    assert float(page.table.item(0, 1).text()) == pytest.approx(first.weights[0].new, rel=1e-5)


def test_run_all_walks_to_the_update_and_clicking_a_line_selects_a_weight(page, qtbot):
    page.timer.setInterval(10)
    page.run_all()
    qtbot.waitUntil(lambda: page.stage == 4, timeout=3000)
    assert not page.timer.isActive()
    name, a, b = page.diagram.lines()[7]
    qtbot.mouseClick(page.diagram, Qt.MouseButton.LeftButton, pos=((a + b) / 2).toPoint())
    assert page.selected == name
    assert name in page.formula.text()
    assert page.table.item(page.table.currentRow(), 0).text() == name


def test_explain_dense_shows_the_start_and_hyper_errors_are_clear(page, qtbot):
    page.set_stage(3)
    page.window().explain("Dense")
    assert page.stage == 0
    page.optimizer_box.setCurrentText("momentum")
    edit = page.hyper_edits["lr"]
    edit.setText("-1")
    edit.editingFinished.emit()
    assert "lr must be zero or positive" in page.status.text()
    edit.setText("0.5")
    edit.editingFinished.emit()
    assert page.session.optimizer.hyper["lr"] == 0.5
    assert page.record.hyper["lr"] == 0.5
