"""The Activations page's numbers against the engine, computed independently here."""
import numpy as np
import pytest

from dlstudio.engine.lab import activations as A
from dlstudio.engine.layers import ENGINE_LAYERS
from dlstudio.engine.model import Model
from dlstudio.spec import Network

CASES = [("Sigmoid", None), ("Tanh", None), ("ReLU", None), ("LeakyReLU", 0.01), ("LeakyReLU", 0.3),
         ("ELU", 1.0), ("ELU", 0.4), ("ELU", 2.5)]


def _points(seed=0):
    x = np.random.default_rng(seed).uniform(-5, 5, 200)
    return x[np.abs(x) > 1e-3]          # away from the kink at 0


@pytest.mark.parametrize("name,alpha", CASES)
def test_derivative_matches_central_differences(name, alpha):
    x, h = _points(), 1e-6
    _, dy = A.evaluate(name, x, alpha, dtype=np.float64)
    plus, _ = A.evaluate(name, x + h, alpha, dtype=np.float64)
    minus, _ = A.evaluate(name, x - h, alpha, dtype=np.float64)
    np.testing.assert_allclose(dy, (plus - minus) / (2 * h), atol=1e-7, rtol=1e-6)


@pytest.mark.parametrize("name,alpha", CASES)
def test_curve_is_the_float32_engine_forward(name, alpha):
    c = A.curve(name, alpha)
    assert c.y.dtype == np.float32 and c.dy.dtype == np.float32
    params = {"alpha": alpha} if alpha is not None else {}
    layer = ENGINE_LAYERS[name]("t", params, [(c.x.size,)], (c.x.size,), np.float32)
    np.testing.assert_array_equal(c.y, layer.forward([c.x.reshape(1, -1)], False)[0])
    # f′ agrees with finite differences of the float64 forward (away from 0)
    keep = np.abs(c.x) > 0.05
    x = c.x[keep].astype(np.float64)
    f = lambda v: A.evaluate(name, v, alpha, dtype=np.float64)[0]  # noqa: E731
    np.testing.assert_allclose(c.dy[keep], (f(x + 1e-6) - f(x - 1e-6)) / 2e-6, atol=1e-5)


def test_alpha_changes_the_negative_side():
    x = np.array([-2.0, 1.0])
    _, d1 = A.evaluate("LeakyReLU", x, 0.01, np.float64)
    _, d2 = A.evaluate("LeakyReLU", x, 0.2, np.float64)
    assert d1[0] == pytest.approx(0.01) and d2[0] == pytest.approx(0.2) and d1[1] == d2[1] == 1
    y1, _ = A.evaluate("ELU", x, 1.0, np.float64)
    y2, _ = A.evaluate("ELU", x, 3.0, np.float64)
    assert y2[0] == pytest.approx(3 * y1[0])


@pytest.mark.parametrize("name,alpha", CASES)
def test_saturated_intervals_are_where_the_slope_is_small(name, alpha):
    c = A.curve(name, alpha)
    inside = np.zeros(c.x.size, bool)
    for a, b in c.saturated:
        assert a <= b
        inside |= (c.x >= a) & (c.x <= b)
    np.testing.assert_array_equal(inside, np.abs(c.dy) < c.threshold)


def test_saturated_intervals_of_a_known_slope():
    x = np.arange(8.0)
    dy = np.array([0.0, 0.01, 0.5, 0.9, 0.02, 0.3, 0.01, 0.0])
    assert A.saturated_intervals(x, dy, 0.05) == [(0.0, 1.0), (4.0, 4.0), (6.0, 7.0)]
    assert A.saturated_intervals(x, np.ones(8), 0.05) == []


def test_sigmoid_saturates_on_both_sides_and_relu_only_left():
    sig = A.curve("Sigmoid").saturated
    assert len(sig) == 2 and sig[0][1] < -2 and sig[1][0] > 2
    relu = A.curve("ReLU").saturated
    assert len(relu) == 1 and relu[0][1] <= 0


@pytest.mark.parametrize("t", [0.2, 1.0, 4.0])
def test_softmax_with_temperature(t):
    z = np.array([1.5, -0.5, 0.25])
    r = A.softmax(z, t)
    assert r.p.dtype == np.float32
    assert r.p.sum() == pytest.approx(1.0, abs=1e-6)
    layer = ENGINE_LAYERS["Softmax"]("s", {}, [(3,)], (3,), np.float32)
    np.testing.assert_array_equal(r.p, layer.forward([(z / t).astype(np.float32).reshape(1, 3)], False)[0])
    # the Jacobian against finite differences of the float64 forward
    r64 = A.softmax(z, t, dtype=np.float64)
    fd = np.empty((3, 3))
    for j in range(3):
        e = np.zeros(3)
        e[j] = 1e-6
        fd[:, j] = (A.softmax(z + e, t, np.float64).p - A.softmax(z - e, t, np.float64).p) / 2e-6
    np.testing.assert_allclose(r64.jacobian, fd, atol=1e-8)


def test_temperature_sharpens_and_flattens():
    z = [2.0, 1.0, 0.0]
    cold, hot = A.softmax(z, 0.1).p, A.softmax(z, 50.0).p
    assert cold[0] > 0.99 and np.ptp(hot) < 0.05


@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan")])
def test_bad_temperature_is_a_clear_error(bad):
    with pytest.raises(ValueError, match="temperature"):
        A.softmax([1, 2, 3], bad)


def test_bad_alpha_is_a_clear_error():
    with pytest.raises(ValueError, match="α"):
        A.evaluate("ELU", np.zeros(3), -1.0)
    with pytest.raises(ValueError, match="unknown activation"):
        A.evaluate("Swish", np.zeros(3))


def _independent_norms(activation, depth, width, batch, seed):
    """The same chain built here, one Model.forward / backward with a hand-written MSE gradient."""
    net = Network()
    net.add("in", "Input", {"shape": [width]})
    prev = "in"
    for i in range(1, depth + 1):
        net.add(f"d{i}", "Dense", {"units": width}, after=prev)
        net.add(f"a{i}", activation, after=f"d{i}")
        prev = f"a{i}"
    model = Model(net, dtype=np.float32, seed=seed)
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((batch, width)).astype(np.float32)
    y = rng.uniform(0, 1, (batch, width)).astype(np.float32)
    out = model.forward(x, training=True)
    model.backward((2 * (out - y) / out.size).astype(np.float32))
    slots = {s.name: s for s in model.slots}
    return np.array([np.linalg.norm(model.grad_view(slots[f"d{i}.kernel"])) for i in range(1, depth + 1)])


@pytest.mark.parametrize("activation", A.STACK_ACTIVATIONS)
def test_stack_gradients_equal_an_independent_backward_pass(activation):
    s = A.stack_gradients(activation, 5, width=8, batch=16, seed=3)
    assert s.norms.shape == (5,)
    np.testing.assert_allclose(s.norms, _independent_norms(activation, 5, 8, 16, 3), rtol=1e-5)


def test_stack_first_layer_gradient_matches_finite_differences():
    model = Model(A.chain_network("Sigmoid", 3, 4), dtype=np.float64, seed=1)
    x, y = A.chain_data(4, 5, 1, np.float64)
    s = A.stack_gradients("Sigmoid", 3, width=4, batch=5, seed=1, dtype=np.float64)
    w = model.layers["d1"].w["kernel"]
    fd = np.empty_like(w)
    for idx in np.ndindex(w.shape):
        old = w[idx]
        w[idx] = old + 1e-6
        lp = np.mean((model.forward(x) - y) ** 2)
        w[idx] = old - 1e-6
        lm = np.mean((model.forward(x) - y) ** 2)
        w[idx] = old
        fd[idx] = (lp - lm) / 2e-6
    assert s.norms[0] == pytest.approx(np.linalg.norm(fd), rel=1e-6)


def test_sigmoid_gradient_vanishes_with_depth():
    ratios = [A.stack_gradients("Sigmoid", d, seed=0).ratio for d in (2, 4, 8)]
    assert ratios[0] > ratios[1] > ratios[2]
    assert ratios[2] < 1e-2          # the first layer gets far less than the last
    relu = A.stack_gradients("ReLU", 8, seed=0).ratio
    assert relu > 100 * ratios[2]    # He-initialised ReLU keeps it


def test_stacking_gives_all_three():
    st = A.stacking(3, width=4, batch=4)
    assert set(st) == set(A.STACK_ACTIVATIONS) and all(s.norms.shape == (3,) for s in st.values())
    with pytest.raises(ValueError, match="depth"):
        A.stack_gradients("Tanh", 0)


def test_softmax_overflow_is_a_clear_error():
    with pytest.raises(ValueError, match="too large"):
        A.softmax([3e38, 0.0, 1.0], 0.1)
    with pytest.raises(ValueError, match="finite"):
        A.softmax([float("inf"), 0.0, 1.0], 1.0)
