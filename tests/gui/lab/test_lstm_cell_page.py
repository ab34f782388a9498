"""The LSTM cell page against the engine computed independently in the test: a direct forward of
the engine LSTM layer (its probe) and finite differences of the loss."""
import re

import numpy as np
import pytest
from PySide6.QtCore import Qt

from dlstudio.data.sequences import adding
from dlstudio.engine.losses import get_loss
from dlstudio.engine.model import Model
from dlstudio.spec import Network


@pytest.fixture
def page(lab_page):
    p = lab_page("lstm", size=None, show=False)
    p.window_ = p.window()
    return p


def _shown(label) -> float:
    text = re.sub(r"<[^>]+>", "", label.text()).replace("−", "-").replace("→", "").strip()
    return float(text)


def _probe(page, xs: np.ndarray) -> dict:
    """The page's cell weights in an engine LSTM layer of our own, run on xs (T, F)."""
    net = Network()
    net.add("x", "Input", {"shape": list(xs.shape)})
    net.add("cell", "LSTM", {"units": page.cell.units, "return_sequences": True}, after="x")
    model = Model(net)
    layer = model.layers["cell"]
    for name in ("kernel", "recurrent_kernel", "bias"):
        layer.w[name][...] = getattr(page.cell, name)
    model.forward(xs[None].astype(np.float32))
    return layer.probe(0)


def _type(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_editing_x_changes_the_numbers_to_the_engine_forward(page, qtbot):
    before = [_shown(lab) for lab in page.gate_cells["i"]]
    _type(qtbot, page.edits["x"][0], "-0.8")
    _type(qtbot, page.edits["x"][1], "0.25")
    ref = _probe(page, np.array([[-0.8, 0.25]]))
    after = [_shown(lab) for lab in page.gate_cells["i"]]
    assert after != before
    for gate in ("i", "f", "g", "o"):
        np.testing.assert_allclose([_shown(lab) for lab in page.gate_cells[gate]], ref[gate][0], atol=6e-4)
        np.testing.assert_allclose(getattr(page.step_result, gate), ref[gate][0], atol=1e-6)
    for key in ("c", "h"):
        np.testing.assert_allclose([_shown(lab) for lab in page.state_cells[key]], ref[key][0], atol=6e-4)
    # the written-out parts add up to the engine's c_t
    kept = [_shown(lab) for lab in page.state_cells["fc"]]
    added = [_shown(lab) for lab in page.state_cells["ig"]]
    np.testing.assert_allclose(np.add(kept, added), ref["c"][0], atol=2e-3)
    assert "c<sub>t</sub>" in page.written.text()


def test_next_time_step_feeds_h_and_c_forward(page, qtbot):
    x = np.array([float(e.text()) for e in page.edits["x"]])
    qtbot.mouseClick(page.next_btn, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.next_btn, Qt.MouseButton.LeftButton)
    assert page.t_label.text() == "t = 3"
    ref = _probe(page, np.stack([x, x, x]))
    for k in ("i", "f", "g", "o", "c", "h"):
        np.testing.assert_allclose(getattr(page.step_result, k), ref[k][2], atol=1e-6, err_msg=k)
    np.testing.assert_allclose([float(e.text()) for e in page.edits["c_prev"]], ref["c"][1], atol=1e-7)
    assert len(page.history) == 3
    qtbot.mouseClick(page.reset_btn, Qt.MouseButton.LeftButton)
    assert page.t_label.text() == "t = 1" and all(e.text() == "0" for e in page.edits["h_prev"])
    np.testing.assert_allclose(page.step_result.h, ref["h"][0], atol=1e-6)


def test_text_that_is_not_a_number_is_red_and_kept(page, qtbot):
    good = page.step_result
    edit = page.edits["h_prev"][1]
    _type(qtbot, edit, "abc")
    assert edit.text() == "abc"
    assert "border" in edit.styleSheet()
    assert not page.error.isHidden() and "not a number" in page.error.text()
    assert page.step_result is good
    qtbot.mouseClick(page.next_btn, Qt.MouseButton.LeftButton)  # refused while a field is wrong
    assert page.t_label.text() == "t = 1"
    _type(qtbot, edit, "0.5")
    assert edit.styleSheet() == "" and page.error.isHidden()
    assert page.step_result.h_prev[1] == pytest.approx(0.5)


def test_heatmaps_are_the_engine_probe_of_the_sequence(page):
    page.tabs.setCurrentIndex(1)
    page.steps.setValue(9)
    page.preset.setCurrentText("sine")
    xs = page.unrolled["x"]
    assert xs.shape == (9, 2)
    ref = _probe(page, xs)
    for k in ("i", "f", "g", "o", "c", "h"):
        np.testing.assert_allclose(page.unrolled[k], ref[k], atol=1e-7, err_msg=k)
        assert page.heatmaps[k][1].image.shape[:2] == (3, 9)
    old = page.unrolled["c"].copy()
    page.seed.setValue(7)  # new weights reach the heatmaps too
    assert not np.allclose(page.unrolled["c"], old)
    np.testing.assert_allclose(page.unrolled["c"], _probe(page, xs)["c"], atol=1e-7)


def _fd_norms(kind: str, steps: int, units: int, seed: int) -> np.ndarray:
    """‖d(loss)/d(x_t)‖ by central differences, float64, a model of our own with the same seed."""
    net = Network()
    net.add("in", "Input", {"shape": [steps, 2]})
    net.add("rnn", kind, {"units": units}, after="in")
    net.add("out", "Dense", {"units": 1}, after="rnn")
    model = Model(net, dtype=np.float64, seed=seed)
    data = adding(T=steps, n=1, seed=seed)
    x, y = data.x.astype(np.float64), data.y.astype(np.float64)
    loss = get_loss("mse")
    eps = 1e-6
    grad = np.zeros_like(x[0])
    for t in range(steps):
        for f in range(2):
            xp, xm = x.copy(), x.copy()
            xp[0, t, f] += eps
            xm[0, t, f] -= eps
            grad[t, f] = (loss(model.forward(xp), y)[0] - loss(model.forward(xm), y)[0]) / (2 * eps)
    return np.linalg.norm(grad, axis=1)


def test_t_slider_updates_the_gradient_plot(page):
    page.tabs.setCurrentIndex(2)
    page.units.setValue(4)
    page.t_slider.setValue(10)
    for kind in ("SimpleRNN", "LSTM"):
        xs, ys = page.curves[kind].getData()
        assert len(xs) == 10 and xs[0] == 1 and xs[-1] == 10
        fd = _fd_norms(kind, 10, 4, 0)
        np.testing.assert_allclose(page.through_time[kind].norms, fd, rtol=2e-3, atol=1e-9)
    page.t_slider.setValue(60)
    xs, ys = page.curves["SimpleRNN"].getData()
    assert len(xs) == 60 and page.t_value.text() == "60"
    rnn = page.through_time["SimpleRNN"].norms
    assert rnn[0] < 1e-4 * rnn[-1]
    assert f"{rnn[0] / rnn[-1]:.1e}" in page.reading.text()


def test_explain_focuses_the_tab(page):
    page.explain("SimpleRNN")
    assert page.tabs.currentIndex() == 2
    assert page.window_.explain("LSTM") is page
    assert page.tabs.currentIndex() == 0
