"""SimpleRNN and LSTM: forward against a step-by-step reference, BPTT against finite
differences, initialisation, probes, and the parallel kernels against their serial twins."""
import numba
import numpy as np
import pytest

from dlstudio.engine.chunks import run_chunks
from dlstudio.engine.kernels import recurrent as K
from dlstudio.engine.model import Model
from dlstudio.spec import Network
from gradcheck import check_layer, numeric_grad
import naive_recurrent as naive

KINDS = ["SimpleRNN", "LSTM"]


def single(kind, in_shape, units, return_sequences, dtype=np.float32, seed=0, scale=0.5):
    net = (Network().add("in", "Input", {"shape": list(in_shape)})
           .add("r", kind, {"units": units, "return_sequences": return_sequences}, after="in"))
    m = Model(net, dtype=dtype, seed=seed)
    m.params[:] = np.random.default_rng(seed + 7).standard_normal(m.params.size) * scale
    return m


def weights(layer):
    return layer.w["kernel"], layer.w["recurrent_kernel"], layer.w["bias"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("return_sequences", [True, False])
@pytest.mark.parametrize("t,f,u,n", [(1, 1, 1, 1), (7, 5, 3, 5), (7, 1, 6, 5), (1, 5, 6, 1), (7, 5, 1, 1),
                                     # register tiles (kernels.recurrent: K.RM rows by 2·K.V or K.V
                                     # columns, the rest one row / column at a time)
                                     (6, 7, 12, 11), (3, 4, 9, 17), (4, 3, 16, 8)])
def test_forward_matches_step_by_step_reference(kind, dtype, return_sequences, t, f, u, n):
    m = single(kind, (t, f), u, return_sequences, dtype, seed=t * 100 + f * 10 + u)
    x = np.random.default_rng(n).standard_normal((n, t, f)).astype(dtype)
    y = m.forward(x)
    assert y.dtype == dtype
    assert y.shape == ((n, t, u) if return_sequences else (n, u))
    ref = naive.run(kind, x, *weights(m.layers["r"]), return_sequences)
    tol = dict(rtol=2e-5, atol=2e-6) if dtype == np.float32 else dict(rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(y, ref, **tol)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("return_sequences", [True, False])
def test_bptt_matches_finite_differences(kind, return_sequences):
    # 5 time steps, so the gradient really travels back through the recurrence
    check_layer(kind, {"units": 3, "return_sequences": return_sequences}, (5, 4), batch=3, seed=2)


@pytest.mark.parametrize("kind", KINDS)
def test_bptt_through_the_register_tiles(kind):
    # 9 samples (a full tile of K.RM ≤ 8 rows and single rows), 12 units (LSTM: 48 gate columns,
    # tiles of 32 and 16 on AVX-512; SimpleRNN: 12 columns, the scalar rest), 5 features (dW's
    # rows: a partial tile), in float64
    check_layer(kind, {"units": 12, "return_sequences": True}, (4, 5), batch=9, seed=3)


@pytest.mark.parametrize("kind", KINDS)
def test_bptt_with_single_unit_and_single_feature(kind):
    check_layer(kind, {"units": 1, "return_sequences": True}, (6, 1), batch=2, seed=5)


def test_stacked_lstm_to_dense_gradients_end_to_end():
    net = (Network().add("in", "Input", {"shape": [6, 3]})
           .add("l1", "LSTM", {"units": 4, "return_sequences": True}, after="in")
           .add("l2", "LSTM", {"units": 3, "return_sequences": False}, after="l1")
           .add("d", "Dense", {"units": 2}, after="l2"))
    m = Model(net, dtype=np.float64, seed=1)
    rng = np.random.default_rng(1)
    m.params[:] = rng.standard_normal(m.params.size) * 0.5
    x = rng.standard_normal((3, 6, 3))
    out = m.forward(x, training=True)
    assert out.shape == (3, 2) and m.values["l1"].shape == (3, 6, 4)
    r = rng.standard_normal(out.shape)

    def f():
        return float(np.sum(m.forward(x, training=True) * r))

    m.forward(x, training=True)
    m.grads[:] = np.nan  # every gradient must be written by backward
    m.backward(r)
    analytic = m.grads.copy()
    np.testing.assert_allclose(analytic, numeric_grad(f, m.params), rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("kind", KINDS)
def test_float32_stays_float32_through_backward(kind):
    m = single(kind, (4, 3), 5, True, np.float32)
    layer = m.layers["r"]
    layer.need_dx = True
    y = m.forward(np.ones((2, 4, 3), np.float32), training=True)
    (dx,) = layer.backward(np.ones_like(y))
    assert y.dtype == dx.dtype == np.float32 and dx.shape == (2, 4, 3)
    assert np.isfinite(m.grads).all() and m.grads.any()


def test_initialisation_forget_bias_glorot_kernel_small_recurrent():
    net = (Network().add("in", "Input", {"shape": [10, 20]})
           .add("l", "LSTM", {"units": 30}, after="in").add("d", "Dense", {"units": 1}, after="l"))
    layer = Model(net, seed=3).layers["l"]
    b = layer.w["bias"]
    np.testing.assert_array_equal(b[30:60], 1)
    assert not b[:30].any() and not b[60:].any()
    k, rk = layer.w["kernel"], layer.w["recurrent_kernel"]
    assert k.dtype == rk.dtype == np.float32
    limit = np.sqrt(6 / (20 + 120))
    assert np.abs(k).max() <= limit and np.abs(k).max() > 0.9 * limit
    assert np.abs(rk).max() <= 1 / np.sqrt(30) and np.abs(rk).max() > 0.9 / np.sqrt(30)
    net = Network().add("in", "Input", {"shape": [10, 20]}).add("r", "SimpleRNN", {"units": 30}, after="in")
    assert not Model(net, seed=3).layers["r"].w["bias"].any()   # no forget gate, all zero


@pytest.mark.parametrize("return_sequences", [True, False])
def test_lstm_probes_are_the_gates_the_forward_pass_used(return_sequences):
    m = single("LSTM", (7, 5), 6, return_sequences, np.float32, seed=4)
    x = np.random.default_rng(4).standard_normal((3, 7, 5)).astype(np.float32)
    y = m.forward(x)
    layer = m.layers["r"]
    for s in (0, 2, -1):
        p = layer.probe(s)
        assert set(p) == set("ifgoch")
        ref = naive.lstm_sample(x[s], *weights(layer))
        for k in "ifgoch":
            assert p[k].shape == (7, 6) and p[k].dtype == np.float32
            np.testing.assert_allclose(p[k], ref[k], rtol=2e-5, atol=2e-6, err_msg=k)
        # exactly what the layer output was made of
        np.testing.assert_array_equal(p["h"] if return_sequences else p["h"][-1], y[s])
        np.testing.assert_allclose(p["h"], p["o"] * np.tanh(p["c"]), rtol=1e-6, atol=1e-7)
        np.testing.assert_allclose(p["c"][1:], p["f"][1:] * p["c"][:-1] + p["i"][1:] * p["g"][1:], rtol=1e-6, atol=1e-7)
    p = layer.probe(1)
    p["i"][:] = 7  # a copy
    assert not (layer.probe(1)["i"] == 7).any()
    with pytest.raises(IndexError):
        layer.probe(3)


def test_simple_rnn_probe_is_h_and_pre_activation():
    m = single("SimpleRNN", (7, 5), 3, False, np.float32, seed=8)
    x = np.random.default_rng(8).standard_normal((5, 7, 5)).astype(np.float32)
    y = m.forward(x)
    p = m.layers["r"].probe(4)
    ref = naive.rnn_sample(x[4], *weights(m.layers["r"]))
    assert p["h"].shape == p["z"].shape == (7, 3) and p["h"].dtype == np.float32
    np.testing.assert_allclose(p["h"], ref["h"], rtol=2e-5, atol=2e-6)
    np.testing.assert_allclose(p["z"], ref["z"], rtol=2e-5, atol=2e-6)
    np.testing.assert_array_equal(p["h"][-1], y[4])


def test_probe_before_forward_is_an_error():
    m = single("LSTM", (3, 2), 2, False)
    with pytest.raises(RuntimeError, match="forward"):
        m.layers["r"].probe(0)


def test_parallel_kernels_equal_serial_ones(dtype=np.float32):
    # three chunks (threads) against the serial call (chunk 0 of 1): the same bits
    rng = np.random.default_rng(0)
    n, t, u = 9, 6, 5
    for kind in KINDS:
        g = 4 * u if kind == "LSTM" else u
        z0 = rng.standard_normal((n, t, g)).astype(dtype)
        uk = (rng.standard_normal((u, g)) * 0.4).astype(dtype)
        ut = np.ascontiguousarray(uk.T)
        outs = []
        kernels = (K.lstm_forward, K.lstm_backward) if kind == "LSTM" else (K.rnn_forward, K.rnn_backward)
        for chunks in (3, 1):
            def fwd(*args):
                run_chunks(kernels[0], chunks, *args)

            def bwd(*args):
                run_chunks(kernels[1], chunks, *args)
            z = z0.copy()
            h = np.empty((n, t, u), dtype)
            dh = rng.standard_normal((n, t, u)).astype(dtype) if not outs else outs[0][-1]
            dz = np.empty_like(z)
            work = [np.empty((n, u), dtype) for _ in range(2 if kind == "LSTM" else 1)]
            if kind == "LSTM":
                c, tc = np.empty_like(h), np.empty_like(h)
                fwd(z, uk, c, tc, h)
                bwd(z, c, tc, ut, dh, dz, *work)
            else:
                fwd(z, uk, h)
                bwd(h, ut, dh, dz, *work)
            outs.append((z, h, dz, dh))
        for a, b in zip(outs[0][:3], outs[1][:3]):
            assert a.dtype == dtype
            np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("n", [22, 23, 24])   # samples go in tiles of four: 2, 3 or 4 in the last
def test_a_batch_large_enough_for_the_parallel_path_matches_the_reference(kind, n):
    m = single(kind, (12, 4), 16, False, np.float32, seed=9, scale=0.3)
    layer = m.layers["r"]
    layer.need_dx = True
    x = np.random.default_rng(9).standard_normal((n, 12, 4)).astype(np.float32)
    assert layer._chunks(n, 12) > 1 or numba.get_num_threads() == 1
    y = m.forward(x, training=True)
    ref = naive.run(kind, x, *weights(layer), False)
    np.testing.assert_allclose(y, ref, rtol=1e-4, atol=1e-5)
    # backward through the parallel kernels (and the large-product kernel for [dW; dU]):
    # dx per sample and the weight gradients summed over samples equal the one-sample passes
    dy = np.random.default_rng(10).standard_normal(y.shape).astype(np.float32)
    (dx,) = layer.backward(dy)
    batch_grads = m.grads.copy()
    summed = np.zeros(m.grads.shape, np.float64)
    for s in range(n):
        m.forward(x[s:s + 1], training=True)
        (dx1,) = layer.backward(dy[s:s + 1])
        np.testing.assert_allclose(dx[s], dx1[0], rtol=1e-4, atol=1e-6)
        summed += m.grads
    np.testing.assert_allclose(batch_grads, summed, rtol=1e-4, atol=1e-4)


def test_lstm_learns_to_sum_a_sequence():
    from dlstudio.engine.trainer import TrainConfig, Trainer
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, (256, 8, 1)).astype(np.float32)
    y = x.sum(axis=(1, 2))[:, None] / 4
    net = (Network().add("in", "Input", {"shape": [8, 1]})
           .add("l", "LSTM", {"units": 8}, after="in").add("d", "Dense", {"units": 1}, after="l"))
    tr = Trainer(Model(net, seed=0), x, y, TrainConfig(loss="mse", optimizer="adam", hyper={"lr": 0.02},
                                                       batch_size=32, epochs=30, val_split=0.0))
    first = float(np.mean((tr.model.predict(x) - y) ** 2))
    tr.run()
    last = float(np.mean((tr.model.predict(x) - y) ** 2))
    assert last < 0.1 * first


@pytest.mark.parametrize("m,k,j,groups", [(7, 5, 3, 2), (1, 1, 1, 1), (13, 300, 256, 3), (64, 40, 9, 2),
                                          (17, 33, 48, 2), (9, 7, 37, 3), (8, 600, 16, 1)])
def test_matmul_kernel_matches_numpy(m, k, j, groups):
    # the large products of the layers (projection, [dW; dU], dx): row tiles of four, chunked K
    rng = np.random.default_rng(m + k + j)
    a = rng.standard_normal((m, k)).astype(np.float32)
    b = rng.standard_normal((k, j)).astype(np.float32)
    bias = rng.standard_normal(j).astype(np.float32)
    out = np.full((m, j), np.nan, np.float32)
    run_chunks(K.matmul, groups, a, b, out, bias)
    ref = a.astype(np.float64) @ b + bias
    np.testing.assert_allclose(out, ref, rtol=1e-4, atol=1e-4 * np.sqrt(k))
    run_chunks(K.matmul, groups, a, b, out, np.zeros(0, np.float32))
    np.testing.assert_allclose(out, ref - bias, rtol=1e-4, atol=1e-4 * np.sqrt(k))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("n,t,f,u,g", [(3, 5, 1, 3, 12), (9, 7, 17, 10, 40), (2, 1, 4, 4, 16), (11, 4, 9, 33, 132)])
def test_weight_gradient_kernel_matches_numpy(dtype, n, t, f, u, g):
    # [dW; dU; db] = [Xᵀ; H_prevᵀ; 1ᵀ] dZ without transposes, split over 1, 2 and 3 chunks: the same bits
    rng = np.random.default_rng(n * t + f + u)
    x = rng.standard_normal((n, t, f)).astype(dtype)
    h = rng.standard_normal((n, t, u)).astype(dtype)
    dz = rng.standard_normal((n, t, g)).astype(dtype)
    hp = np.concatenate([np.zeros((n, 1, u)), h[:, :-1]], axis=1)
    ref = np.concatenate([np.einsum("ntf,ntg->fg", x, dz), np.einsum("ntu,ntg->ug", hp, dz),
                          dz.sum(axis=(0, 1))[None]])
    outs = []
    for chunks in (1, 2, 3):
        out = np.full((f + u + 1, g), np.nan, dtype)
        run_chunks(K.weight_grads, chunks, x, h, dz, out)
        outs.append(out)
    tol = 1e-4 if dtype == np.float32 else 1e-12
    np.testing.assert_allclose(outs[0], ref, rtol=tol, atol=tol * np.sqrt(n * t))
    np.testing.assert_array_equal(outs[0], outs[1])
    np.testing.assert_array_equal(outs[0], outs[2])


def test_float32_activations_are_accurate_everywhere():
    # the float32 kernels use a rational tanh (sigmoid from it); read the activations back
    # through an LSTM with one unit, W = 1, U = 0, b = 0: i = f = o = sigmoid(x), g = tanh(x)
    x = np.concatenate([np.linspace(-30, 30, 6001), [0.0, 1e-30, -1e-6, 9.0, -9.0, 1e4, -1e4]])
    m = single("LSTM", (x.size, 1), 1, True, np.float32)
    layer = m.layers["r"]
    layer.w["kernel"][:] = 1
    layer.w["recurrent_kernel"][:] = 0
    layer.w["bias"][:] = 0
    m.forward(x.astype(np.float32)[None, :, None])
    p = layer.probe(0)
    with np.errstate(over="ignore"):
        sig = 1 / (1 + np.exp(-x))
    for k in "ifo":
        np.testing.assert_allclose(p[k][:, 0], sig, rtol=0, atol=3e-7, err_msg=k)
    np.testing.assert_allclose(p["g"][:, 0], np.tanh(x), rtol=0, atol=5e-7)
    small = np.abs(x) < 1e-3
    np.testing.assert_allclose(p["g"][small, 0], np.tanh(x[small]), rtol=1e-6)  # relative near 0
    assert np.all(np.abs(p["g"]) <= 1) and np.all((p["i"] >= 0) & (p["i"] <= 1))
    np.testing.assert_array_equal(p["g"][:3000, 0], -p["g"][6000:3000:-1, 0])           # odd
