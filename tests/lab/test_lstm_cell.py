"""The LSTM cell page's numbers against the engine computed independently: the layer's own
probe, the written-out formulas, and finite differences of the loss (float64)."""
import numpy as np
import pytest

from dlstudio.data.sequences import adding
from dlstudio.engine.lab import lstm_cell as L
from dlstudio.engine.model import Model
from dlstudio.spec import Network


def _probe(cell: L.Cell, xs: np.ndarray) -> dict:
    """The engine LSTM layer run directly on xs (T, F), read with layer.probe(0)."""
    net = Network()
    net.add("x", "Input", {"shape": list(xs.shape)})
    net.add("cell", "LSTM", {"units": cell.units, "return_sequences": True}, after="x")
    model = Model(net, dtype=cell.dtype)
    layer = model.layers["cell"]
    layer.w["kernel"][...] = cell.kernel
    layer.w["recurrent_kernel"][...] = cell.recurrent_kernel
    layer.w["bias"][...] = cell.bias
    model.forward(xs[None].astype(cell.dtype))
    return layer.probe(0)


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


@pytest.mark.parametrize("dtype,tol", [(np.float32, 2e-6), (np.float64, 1e-12)])
def test_steps_fed_forward_equal_the_engine_probe(dtype, tol):
    cell = L.make_cell(2, 3, seed=4, dtype=dtype)
    xs = adding(T=7, n=1, seed=2).x[0].astype(dtype)
    ref = _probe(cell, xs)
    h = c = np.zeros(3)
    for t in range(len(xs)):
        s = L.step(cell, xs[t], h, c)
        for k in L.STATES:
            np.testing.assert_allclose(getattr(s, k), ref[k][t], atol=tol, err_msg=f"{k} at t={t}")
        h, c = s.h, s.c


@pytest.mark.parametrize("dtype,tol", [(np.float32, 2e-6), (np.float64, 1e-12)])
def test_step_written_out_equals_the_formulas(dtype, tol):
    cell = L.make_cell(2, 3, seed=1, dtype=dtype)
    x, h_prev, c_prev = [0.7, -1.2], [0.3, -0.5, 0.9], [2.5, -1.5, 0.1]  # |c| > 1 is a real state
    s = L.step(cell, x, h_prev, c_prev)
    w = {k: v.astype(np.float64) for k, v in
         (("W", cell.kernel), ("U", cell.recurrent_kernel), ("b", cell.bias))}
    z = np.array(x) @ w["W"] + np.array(h_prev) @ w["U"] + w["b"]
    np.testing.assert_allclose(s.z, z, atol=tol * 10)
    zi, zf, zg, zo = np.split(z, 4)
    for gate, zz, f in (("i", zi, _sigmoid), ("f", zf, _sigmoid), ("g", zg, np.tanh), ("o", zo, _sigmoid)):
        np.testing.assert_allclose(getattr(s, gate), f(zz), atol=tol * 10, err_msg=gate)
        np.testing.assert_allclose(s.pre(gate), zz, atol=tol * 10)
    # c_t = f ⊙ c_{t-1} + i ⊙ g and h_t = o ⊙ tanh(c_t), from the step's own gates
    np.testing.assert_allclose(s.c, s.f * np.array(c_prev, dtype) + s.i * s.g, atol=tol)
    np.testing.assert_allclose(s.h, s.o * np.tanh(s.c.astype(np.float64)), atol=tol * 10)
    np.testing.assert_allclose(s.tanh_c, np.tanh(s.c.astype(np.float64)), atol=tol * 10)
    assert all(getattr(s, k).dtype == dtype for k in ("z", "i", "c", "h"))


def test_step_rejects_bad_input():
    cell = L.make_cell(2, 3)
    with pytest.raises(ValueError, match="x needs 2 numbers"):
        L.step(cell, [1.0], np.zeros(3), np.zeros(3))
    with pytest.raises(ValueError, match="c_prev must be finite"):
        L.step(cell, [1.0, 0.0], np.zeros(3), [0, np.nan, 0])


@pytest.mark.parametrize("preset", L.PRESETS)
def test_unroll_equals_the_engine_probe(preset):
    cell = L.make_cell(2, 3, seed=3)
    xs = L.preset_sequence(preset, 12, seed=5)
    got = L.unroll(cell, xs)
    ref = _probe(cell, xs)
    np.testing.assert_array_equal(got["x"], xs)
    for k in L.STATES:
        assert got[k].shape == (12, 3)
        np.testing.assert_allclose(got[k], ref[k], atol=1e-7, err_msg=k)


def test_presets():
    data = adding(T=9, n=1, seed=3)
    np.testing.assert_array_equal(L.preset_sequence("adding", 9, seed=3), data.x[0])
    pulse = L.preset_sequence("pulse", 5)
    assert pulse.sum() == 1 and pulse[1, 0] == 1
    with pytest.raises(ValueError, match="unknown sequence preset"):
        L.preset_sequence("nope", 5)
    with pytest.raises(ValueError, match="between"):
        L.preset_sequence("sine", 1)


def _mse(model, x, y):
    out = model.forward(x).astype(np.float64)
    return float(np.mean((out - y) ** 2))


@pytest.mark.parametrize("kind", L.RECURRENT_KINDS)
def test_gradient_per_step_equals_finite_differences(kind):
    data = adding(T=5, n=1, seed=1)
    x, y = data.x[0].astype(np.float64), data.y[0].astype(np.float64)
    res = L.gradient_through_time(kind, x, y, units=3, seed=2, dtype=np.float64)
    model = L.time_network(kind, 5, 2, 3, seed=2, dtype=np.float64)
    eps = 1e-6
    fd = np.zeros_like(x)
    for t in range(5):
        for f in range(2):
            xp, xm = x.copy(), x.copy()
            xp[t, f] += eps
            xm[t, f] -= eps
            fd[t, f] = (_mse(model, xp[None], y[None]) - _mse(model, xm[None], y[None])) / (2 * eps)
    np.testing.assert_allclose(res.dx, fd, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(res.norms, np.linalg.norm(fd, axis=1), rtol=1e-6, atol=1e-9)
    assert res.loss == pytest.approx(_mse(model, x[None], y[None]), rel=1e-12)


def test_rnn_early_gradient_vanishes_and_lstm_keeps_more():
    res = L.compare_through_time(40, units=8, seed=0)
    rnn, lstm = res["SimpleRNN"].norms, res["LSTM"].norms
    assert rnn.shape == lstm.shape == (40,)
    assert rnn[0] < 1e-4 * rnn[-1]
    assert L.ratio_first_last(lstm) > 100 * L.ratio_first_last(rnn)
    assert "SimpleRNN" in L.reading(res) and "LSTM" in L.reading(res)


def test_forget_bias_carries_the_gradient_further():
    low = L.compare_through_time(30, units=8, forget_bias=0.0)["LSTM"].norms
    high = L.compare_through_time(30, units=8, forget_bias=4.0)["LSTM"].norms
    assert L.ratio_first_last(high) > 10 * L.ratio_first_last(low)
