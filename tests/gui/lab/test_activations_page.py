"""The Activations page draws what the engine's layers and Model compute."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from dlstudio.engine.layers import ENGINE_LAYERS
from dlstudio.engine.model import Model
from dlstudio.spec import Network


@pytest.fixture
def page(lab_page):
    p = lab_page("activations", size=None, show=False)
    p.window_ = p.window()
    return p


def _layer_forward_backward(name, x, alpha=None):
    params = {} if alpha is None else {"alpha": alpha}
    layer = ENGINE_LAYERS[name]("t", params, [(x.size,)], (x.size,), np.float32)
    y = layer.forward([x.astype(np.float32).reshape(1, -1)], False)[0].copy()
    return y, layer.backward(np.ones((1, x.size), np.float32))[0][0]


def test_changing_alpha_redraws_the_curves(page):
    x, dy = page.df_items["LeakyReLU"].getData()
    assert dy[x < -0.1] == pytest.approx(0.01)
    page.alpha["LeakyReLU"].setValue(0.25)
    x, dy = page.df_items["LeakyReLU"].getData()
    _, expected = _layer_forward_backward("LeakyReLU", x, 0.25)
    np.testing.assert_array_equal(dy, expected)
    assert dy[x < -0.1] == pytest.approx(0.25)

    page.alpha["ELU"].setValue(3.0)
    x, y = page.f_items["ELU"].getData()
    expected, _ = _layer_forward_backward("ELU", x, 3.0)
    np.testing.assert_array_equal(y, expected)
    assert y.min() < -2.9          # ELU approaches −α


def test_explain_selects_the_activation_and_shades_where_it_saturates(page):
    page.explain("ELU")
    assert page.selected() == "ELU" and page.list.currentItem().text().startswith("ELU")
    assert "ELU" in page.sat_label.text()
    x, _ = page.f_items["ELU"].getData()
    _, dy = _layer_forward_backward("ELU", x, page.alpha["ELU"].value())
    shown = [pair[0].getRegion() for pair in page.regions if pair[0].isVisible()]
    assert len(shown) == 1
    lo, hi = shown[0]
    np.testing.assert_array_equal((x >= lo) & (x <= hi), np.abs(dy) < 0.05)
    assert page.f_items["ELU"].opts["pen"].widthF() > page.f_items["Tanh"].opts["pen"].widthF()


def test_explain_from_the_window_and_softmax(page):
    assert page.window_.explain("Sigmoid") is page and page.selected() == "Sigmoid"
    page.explain("Softmax")
    assert page.selected() == "Softmax"
    assert not any(pair[0].isVisible() for pair in page.regions)


def test_unticked_activation_is_hidden(page):
    item = page.list.item(1)
    assert "Tanh" in item.text()
    item.setCheckState(Qt.CheckState.Unchecked)
    assert not page.f_items["Tanh"].isVisible() and "Tanh" not in page.shown()


def test_softmax_bars_follow_the_engine_and_reject_bad_input(page):
    page.temperature.setValue(25)               # T = 10^(-0.5)
    t = 10 ** -0.5
    z = np.array([float(e.text()) for e in page.z_edits])
    layer = ENGINE_LAYERS["Softmax"]("s", {}, [(3,)], (3,), np.float32)
    expected = layer.forward([(z / t).astype(np.float32).reshape(1, 3)], False)[0]
    np.testing.assert_allclose(page.bars.opts["height"], expected, rtol=1e-6)
    assert float(np.sum(page.bars.opts["height"])) == pytest.approx(1.0, abs=1e-6)
    assert "0.32" in page.t_label.text()

    before = np.array(page.bars.opts["height"], copy=True)
    page.z_edits[1].setText("abc")
    assert page.z_edits[1].text() == "abc"                       # kept
    assert "border" in page.z_edits[1].styleSheet()              # shown red
    assert not page.softmax_error.isHidden() and "abc" in page.softmax_error.text()
    np.testing.assert_array_equal(page.bars.opts["height"], before)
    page.z_edits[1].setText("5")
    assert page.z_edits[1].styleSheet() == "" and page.softmax_error.isHidden()
    assert int(np.argmax(page.bars.opts["height"])) == 1
    page.z_edits[0].setText("3e38")                              # a number, but z / T overflows
    assert not page.softmax_error.isHidden() and "too large" in page.softmax_error.text()
    page.z_edits[0].setText("1")
    assert page.softmax_error.isHidden()


def test_stacking_plot_is_a_real_backward_pass(page, qtbot):
    page.seed.setValue(2)
    page.depth.setValue(4)
    qtbot.waitUntil(lambda: len(page.stack_items["Sigmoid"].getData()[0]) == 4, timeout=3000)
    # the same chain built here: one Model forward / backward with a hand-written MSE gradient
    net = Network()
    net.add("in", "Input", {"shape": [16]})
    prev = "in"
    for i in range(1, 5):
        net.add(f"d{i}", "Dense", {"units": 16}, after=prev)
        net.add(f"a{i}", "Sigmoid", after=f"d{i}")
        prev = f"a{i}"
    model = Model(net, seed=2)
    rng = np.random.default_rng(2)
    x = rng.standard_normal((32, 16)).astype(np.float32)
    y = rng.uniform(0, 1, (32, 16)).astype(np.float32)
    out = model.forward(x, training=True)
    model.backward((2 * (out - y) / out.size).astype(np.float32))
    expected = [np.linalg.norm(model.layers[f"d{i}"].g["kernel"]) for i in range(1, 5)]
    layers, norms = page.stack_items["Sigmoid"].getOriginalDataset()
    np.testing.assert_array_equal(layers, [1, 2, 3, 4])
    np.testing.assert_allclose(norms, expected, rtol=1e-5)
    assert norms[0] < norms[-1] / 10                              # the first layer gets far less
    assert page.depth_label.text() == "4"
