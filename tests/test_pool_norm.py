"""Pooling and BatchNorm on the engine.

Kernels against the slow references in naive_pool.py (odd shapes, every padding kind, both
dtypes, serial and parallel variants), layers against finite differences, and BatchNorm's
statistics and moving averages against arithmetic done by hand.
"""
import itertools

import numpy as np
import pytest

import naive_pool as R
from dlstudio.engine.kernels import norm as KN
from dlstudio.engine.chunks import run_chunks
from dlstudio.engine.kernels import pool as KP
from dlstudio.engine.model import Model
from dlstudio.spec import Network
from dlstudio.spec.layers.conv import resolve_padding
from gradcheck import check_layer, numeric_grad

DTYPES = [np.float32, np.float64]
TOL = {np.float32: dict(rtol=1e-5, atol=1e-6), np.float64: dict(rtol=1e-12, atol=1e-13)}

# (input N, C, H, W), pool (h, w), strides (h, w) or None = pool size, padding
POOL_CASES = [
    ((1, 1, 5, 7), (1, 1), (1, 1), "valid"),                 # 1×1 window, batch 1, one channel
    ((2, 3, 7, 9), (3, 3), (1, 1), "same"),                  # stride 1, same, odd sizes
    ((3, 2, 9, 6), (3, 3), (2, 2), "valid"),                 # overlapping windows, stride 2
    ((2, 3, 10, 7), (2, 3), (3, 2), "same"),                 # rectangular, stride ≠ pool, non-square
    ((1, 4, 8, 11), (3, 2), (3, 3), [[1, 2], [0, 1]]),       # asymmetric explicit padding, stride 3
    ((1, 2, 11, 13), (2, 2), (3, 3), "valid"),               # stride > pool: gaps between windows
    ((2, 2, 5, 5), (5, 5), (1, 1), "same"),                  # window as large as the image
    ((2, 1, 6, 6), (2, 2), None, [[3, 0], [0, 3]]),          # padding > pool: all-padding windows
    ((1, 1, 1, 1), (1, 1), (1, 1), "valid"),                 # the smallest image
    ((4, 6, 28, 28), (2, 2), None, "valid"),                 # LeNet-5 sizes: big enough to go parallel
    ((2, 3, 7, 9), (2, 2), None, "valid"),                   # the 2×2 fast path, odd sizes (last row / column unused)
    ((2, 3, 7, 9), (2, 2), None, "same"),                    # 2×2 with bottom / right padding: the general path
]


def _geometry(shape, pool, strides, padding):
    strides = strides or pool
    pads = resolve_padding(padding, shape[2:], pool, strides)
    oh, ow = R.out_size(shape[2], shape[3], *pool, *strides, pads)
    return strides, pads, (shape[0], shape[1], oh, ow)


def _ids(cases):
    return [f"{s}-p{p}-s{st}-{pad}".replace(" ", "") for s, p, st, pad in cases]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape,pool,strides,padding", POOL_CASES, ids=_ids(POOL_CASES))
def test_maxpool_kernels_match_reference(shape, pool, strides, padding, dtype):
    strides, pads, out = _geometry(shape, pool, strides, padding)
    rng = np.random.default_rng(0)
    x = (rng.standard_normal(shape) - 3).astype(dtype)   # mostly negative: zero padding would win
    y_ref, arg_ref = R.maxpool(x, pool, strides, pads)
    dy = rng.standard_normal(out).astype(dtype)
    dx_ref = R.maxpool_backward(dy, shape, pool, strides, pads, arg_ref)
    args = (*pool, *strides, pads[0][0], pads[1][0])
    paths = [(KP.maxpool2d_forward, args)]
    if args == (2, 2, 2, 2, 0, 0) and 2 * out[2] <= shape[2] and 2 * out[3] <= shape[3]:
        paths.append((KP.maxpool2d_forward_2x2, ()))   # every window inside: the 2×2 kernel too
    for (forward, fargs), chunks in itertools.product(paths, (3, 1)):   # 3 threads, and serial
        y = np.full(out, np.nan, dtype)
        arg = np.full(out, -7, np.int64)
        run_chunks(forward, chunks, x, *fargs, y, arg)
        assert y.dtype == dtype
        np.testing.assert_array_equal(y, y_ref)
        np.testing.assert_array_equal(arg, arg_ref)
        dx = np.full((shape[0], shape[1], shape[2] * shape[3]), np.nan, dtype)
        run_chunks(KP.maxpool2d_backward, chunks, dy, arg, dx)
        assert dx.dtype == dtype
        np.testing.assert_allclose(dx.reshape(shape), dx_ref, **TOL[dtype])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape,pool,strides,padding", POOL_CASES, ids=_ids(POOL_CASES))
def test_avgpool_kernels_match_reference(shape, pool, strides, padding, dtype):
    strides, pads, out = _geometry(shape, pool, strides, padding)
    rng = np.random.default_rng(1)
    x = (rng.standard_normal(shape) + 3).astype(dtype)   # mostly positive: counting padding would show
    dy = rng.standard_normal(out).astype(dtype)
    y_ref = R.avgpool(x, pool, strides, pads)
    dx_ref = R.avgpool_backward(dy, shape, pool, strides, pads)
    args = (*pool, *strides, pads[0][0], pads[1][0])
    results = []
    for chunks in (3, 1):
        y = np.full(out, np.nan, dtype)
        run_chunks(KP.avgpool2d_forward, chunks, x, *args, y)
        dx = np.full((shape[0], shape[1], shape[2] * shape[3]), np.nan, dtype)
        run_chunks(KP.avgpool2d_backward, chunks, dy, shape[3], *args, dx)
        assert y.dtype == dtype and dx.dtype == dtype
        np.testing.assert_allclose(y, y_ref, **TOL[dtype])
        np.testing.assert_allclose(dx.reshape(shape), dx_ref, **TOL[dtype])
        results.append((y, dx))
    # the parallel and the serial call run the same per-plane code: identical bits
    np.testing.assert_array_equal(results[0][0], results[1][0])
    np.testing.assert_array_equal(results[0][1], results[1][1])


def test_maxpool_2x2_fast_path_matches_the_general_plane_code():
    """2×2 / stride 2 windows inside the image take their own loop; with many ties (values 0–2)
    it picks the same maximum and the same winner as the general per-plane code."""
    x = np.random.default_rng(3).integers(0, 3, (3, 4, 9, 11)).astype(np.float32)
    out = (3, 4, 4, 5)
    y, arg = np.empty(out, np.float32), np.empty(out, np.int64)
    KP.maxpool2d_forward_2x2(0, 1, x, y, arg)
    y_ref, arg_ref = np.empty_like(y), np.empty_like(arg)
    for n in range(3):
        for c in range(4):
            KP._max_plane(x, y_ref, arg_ref, n, c, 2, 2, 2, 2, 0, 0)
    np.testing.assert_array_equal(y, y_ref)
    np.testing.assert_array_equal(arg, arg_ref)


def test_maxpool_ties_go_to_the_first_element_and_padding_never_wins():
    x = np.zeros((1, 1, 4, 4), np.float32)
    x[0, 0, 1, 1] = x[0, 0, 1, 0] = 5          # a tie in the top-left window
    out = (1, 1, 2, 2)
    y, arg = np.empty(out, np.float32), np.empty(out, np.int64)
    KP.maxpool2d_forward(0, 1, x, 2, 2, 2, 2, 0, 0, y, arg)
    assert arg[0, 0, 0, 0] == 1 * 4 + 0     # (1, 0) comes before (1, 1) in row-major order
    assert arg[0, 0, 0, 1] == 2             # all zeros: the first one, (0, 2)
    # a window that is mostly padding over negative values still returns the real maximum
    x = -np.arange(1, 10, dtype=np.float64).reshape(1, 1, 3, 3)
    y, arg = np.empty((1, 1, 2, 2)), np.empty((1, 1, 2, 2), np.int64)
    KP.maxpool2d_forward(0, 1, x, 2, 2, 2, 2, 1, 1, y, arg)   # pad 1 on top / left
    np.testing.assert_array_equal(y[0, 0], [[-1, -2], [-4, -5]])
    # its gradient goes to the real element only; overlapping windows add up
    dx = np.empty((1, 1, 9))
    KP.maxpool2d_backward(0, 1, np.ones((1, 1, 2, 2)), arg, dx)
    np.testing.assert_array_equal(dx.reshape(3, 3), [[1, 1, 0], [1, 1, 0], [0, 0, 0]])


def test_avgpool_over_padding_averages_real_elements_only():
    x = np.arange(1, 10, dtype=np.float32).reshape(1, 1, 3, 3)
    net = Network().add("in", "Input", {"shape": [1, 3, 3]}).add(
        "p", "AvgPool2D", {"pool_size": 2, "strides": 2, "padding": "same"}, after="in")
    y = Model(net).forward(x)
    # same: 2 outputs per side, the odd pixel of padding at the bottom / right
    np.testing.assert_allclose(y[0, 0], [[(1 + 2 + 4 + 5) / 4, (3 + 6) / 2], [(7 + 8) / 2, 9]])
    assert y.dtype == np.float32


LAYER_CASES = [
    ("MaxPool2D", {"pool_size": 2}, (3, 6, 8)),
    ("MaxPool2D", {"pool_size": [3, 2], "strides": [2, 1], "padding": "same"}, (2, 5, 7)),
    ("MaxPool2D", {"pool_size": 3, "strides": 1, "padding": [[0, 2], [1, 0]]}, (1, 4, 5)),
    ("AvgPool2D", {"pool_size": 2}, (3, 6, 8)),
    ("AvgPool2D", {"pool_size": [2, 3], "strides": 3, "padding": "same"}, (2, 7, 5)),
    ("AvgPool2D", {"pool_size": 3, "strides": [1, 2], "padding": [[2, 1], [0, 1]]}, (1, 5, 6)),
    ("GlobalAvgPool2D", {}, (3, 4, 5)),
    ("GlobalAvgPool2D", {}, (1, 1, 1)),
    ("BatchNorm", {}, (4,)),
    ("BatchNorm", {"momentum": 0.9, "epsilon": 1e-5}, (3, 2)),   # a sequence: statistics over N and T
    ("BatchNorm", {"epsilon": 0.01}, (2, 3, 4)),                  # an image: per channel over N, H, W
]


@pytest.mark.parametrize("type_,params,shape", LAYER_CASES)
def test_layer_gradients_match_finite_differences(type_, params, shape):
    # standard normal inputs: max pool windows have no ties (the minimum gap here is ≫ 1e-6)
    check_layer(type_, params, shape, batch=3, seed=2)


def test_batchnorm_gradient_at_batch_size_two():
    check_layer("BatchNorm", {"epsilon": 1e-3}, (3,), batch=2, seed=4)


@pytest.mark.parametrize("type_,params,shape", LAYER_CASES)
@pytest.mark.parametrize("dtype", DTYPES)
def test_layers_keep_the_dtype(type_, params, shape, dtype):
    net = Network().add("in", "Input", {"shape": list(shape)}).add("l", type_, params, after="in")
    m = Model(net, dtype=dtype)
    layer = m.layers["l"]
    layer.need_dx = True
    x = np.random.default_rng(0).standard_normal((2, *shape)).astype(dtype)
    for training in (True, False):
        y = m.forward(x, training=training)
        assert y.dtype == dtype and y.shape == (2, *layer.out_shape)
        (dx,) = layer.backward(np.ones_like(y))
        assert dx.dtype == dtype and dx.shape == x.shape
    assert m.params.dtype == dtype and m.state.dtype == dtype and m.grads.dtype == dtype


@pytest.mark.parametrize("dtype", DTYPES)
def test_pool_layers_match_reference_on_both_paths(dtype, monkeypatch):
    """Through the layer: the big batch takes the parallel kernels, the small one the serial ones."""
    shape, pool, strides, padding = (6, 28, 28), (2, 2), (2, 2), "valid"
    for n in (1, 64):
        x = np.random.default_rng(n).standard_normal((n, *shape)).astype(dtype)
        for type_, ref in (("MaxPool2D", lambda x, p: R.maxpool(x, pool, strides, p)[0]),
                           ("AvgPool2D", lambda x, p: R.avgpool(x, pool, strides, p))):
            net = Network().add("in", "Input", {"shape": list(shape)}).add(
                "p", type_, {"pool_size": 2, "padding": padding}, after="in")
            m = Model(net, dtype=dtype)
            monkeypatch.setattr("dlstudio.engine.chunks.numba.get_num_threads", lambda: 3)
            assert m.layers["p"]._chunks(n) == (3 if n == 64 else 1)
            y = m.forward(x, training=True)
            np.testing.assert_allclose(y, ref(x, ((0, 0), (0, 0))), **TOL[dtype])


def test_global_avg_pool_forward_and_backward():
    x = np.random.default_rng(0).standard_normal((2, 3, 4, 5)).astype(np.float32)
    net = Network().add("in", "Input", {"shape": [3, 4, 5]}).add("g", "GlobalAvgPool2D", after="in")
    m = Model(net)
    y = m.forward(x)
    assert y.shape == (2, 3) and y.dtype == np.float32
    np.testing.assert_allclose(y, x.astype(np.float64).mean(axis=(2, 3)), rtol=1e-5, atol=1e-6)
    m.layers["g"].need_dx = True
    dy = np.arange(6, dtype=np.float32).reshape(2, 3)
    (dx,) = m.layers["g"].backward(dy)
    np.testing.assert_allclose(dx, np.broadcast_to(dy[:, :, None, None] / 20, x.shape), rtol=1e-6)


# ---- BatchNorm ---------------------------------------------------------------------------------
BN_SHAPES = [(5, 3, 4, 6), (7, 5), (4, 3, 6), (1, 2, 3, 3), (64, 16, 10, 10)]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", BN_SHAPES)
def test_batchnorm_kernels_match_reference(shape, dtype):
    rng = np.random.default_rng(3)
    x = (rng.standard_normal(shape) * 2 + 1).astype(dtype)
    dy = rng.standard_normal(shape).astype(dtype)
    c = shape[1] if len(shape) == 4 else shape[-1]
    gamma = rng.uniform(0.5, 1.5, c).astype(dtype)
    beta = rng.standard_normal(c).astype(dtype)
    eps = 1e-3
    x3 = x.reshape(shape[0], c, -1) if len(shape) == 4 else x.reshape(-1, c, 1)
    dy3 = dy.reshape(x3.shape)
    y_ref, mean_ref, var_ref = R.batchnorm_train(x, gamma, beta, eps)
    dx_ref, dg_ref, db_ref = R.batchnorm_train_backward(dy, x, gamma, eps)
    mv = rng.uniform(0.5, 2, c)
    mm = rng.standard_normal(c)
    tol = dict(rtol=1e-4, atol=1e-4) if dtype == np.float32 else dict(rtol=1e-10, atol=1e-11)
    outs = []
    for chunks in (2, 1):   # two threads over the channels, and the serial call
        def fwd(*args):
            run_chunks(KN.bn_forward, chunks, *args)

        def back(*args):
            run_chunks(KN.bn_backward, chunks, *args)
        mean, var, istd = (np.full(c, np.nan, dtype) for _ in range(3))
        y = np.full_like(x, np.nan)
        fwd(x3, eps, True, mean, var, istd, gamma, beta, y.reshape(x3.shape))
        np.testing.assert_allclose(mean, mean_ref, **tol)
        np.testing.assert_allclose(var, var_ref, **tol)
        np.testing.assert_allclose(istd, 1 / np.sqrt(var_ref + eps), **tol)
        np.testing.assert_allclose(y, y_ref, **tol)
        dx, dg, db = np.full_like(x, np.nan), np.full(c, np.nan, dtype), np.full(c, np.nan, dtype)
        back(dy3, x3, mean, istd, gamma, True, True, dx.reshape(x3.shape), dg, db)
        np.testing.assert_allclose(dx, dx_ref, **tol)
        np.testing.assert_allclose(dg, dg_ref, **tol)
        np.testing.assert_allclose(db, db_ref, **tol)
        # inference: fixed statistics in, var untouched; the gradient is the affine map's
        imm, istd_m, unused = mm.astype(dtype), (1 / np.sqrt(mv + eps)).astype(dtype), np.full(c, 7, dtype)
        fwd(x3, eps, False, imm, unused, istd_m, gamma, beta, y.reshape(x3.shape))
        np.testing.assert_allclose(y, R.batchnorm_infer(x, gamma, beta, mm, mv, eps), **tol)
        np.testing.assert_array_equal(unused, 7)
        back(dy3, x3, imm, istd_m, gamma, False, True, dx.reshape(x3.shape), dg, db)
        np.testing.assert_allclose(dx, R._restore(R._channels_last(dy.astype(np.float64)) * gamma
                                                  / np.sqrt(mv + eps), dy), **tol)
        # the parameter gradients only (the layer right after the Input): dx is not written
        dg2, db2 = np.full(c, np.nan, dtype), np.full(c, np.nan, dtype)
        back(dy3, x3, imm, istd_m, gamma, False, False, np.empty((0, 0, 0), dtype), dg2, db2)
        np.testing.assert_array_equal(dg2, dg)
        np.testing.assert_array_equal(db2, db)
        for a in (mean, var, istd, y, dx, dg, db):
            assert a.dtype == dtype
        outs.append((mean.copy(), var.copy(), y.copy(), dx.copy(), dg.copy()))
    for a, b in zip(*outs):
        np.testing.assert_array_equal(a, b)


def _bn_model(shape, dtype=np.float32, **params):
    net = Network().add("in", "Input", {"shape": list(shape)}).add("bn", "BatchNorm", params, after="in")
    return Model(net, dtype=dtype)


def test_batchnorm_training_output_is_standardised_per_channel():
    x = (np.random.default_rng(5).standard_normal((8, 3, 5, 4)) * [[[[3]], [[0.1]], [[10]]]]
         + [[[[5]], [[-2]], [[0]]]]).astype(np.float32)
    m = _bn_model((3, 5, 4), epsilon=1e-5)
    y = m.forward(x, training=True)
    assert y.dtype == np.float32
    np.testing.assert_allclose(y.mean(axis=(0, 2, 3)), 0, atol=1e-5)
    # var 1 up to epsilon's shrink: var / (var + eps)
    var = x.astype(np.float64).var(axis=(0, 2, 3))
    np.testing.assert_allclose(y.astype(np.float64).var(axis=(0, 2, 3)), var / (var + 1e-5), rtol=1e-4)
    # vectors and sequences: per feature over N (and T)
    s = np.random.default_rng(6).standard_normal((4, 6, 2)).astype(np.float32) * 4 + 1
    y = _bn_model((6, 2), epsilon=1e-6).forward(s, training=True)
    np.testing.assert_allclose(y.mean(axis=(0, 1)), 0, atol=1e-5)
    np.testing.assert_allclose(y.var(axis=(0, 1)), 1, rtol=1e-4)


def test_batchnorm_moving_statistics_after_one_step():
    m = _bn_model((2,), momentum=0.9)
    x = np.array([[1, 10], [2, 20], [6, 30]], np.float32)
    m.forward(x, training=True)
    bn = m.layers["bn"]
    # mean (3, 20); unbiased variance: ((−2)² + (−1)² + 3²) / 2 = 7 and (100 + 0 + 100) / 2 = 100
    np.testing.assert_allclose(bn.w["moving_mean"], [0.9 * 0 + 0.1 * 3, 0.1 * 20], rtol=1e-6)
    np.testing.assert_allclose(bn.w["moving_var"], [0.9 * 1 + 0.1 * 7, 0.9 + 0.1 * 100], rtol=1e-6)
    m.forward(x, training=True)                  # a second step averages again
    np.testing.assert_allclose(bn.w["moving_mean"], [0.9 * 0.3 + 0.1 * 3, 0.9 * 2 + 0.1 * 20], rtol=1e-6)
    before = m.state.copy()
    m.forward(x, training=False)                 # inference leaves them alone
    np.testing.assert_array_equal(m.state, before)


def test_batchnorm_inference_uses_the_moving_statistics():
    m = _bn_model((3, 2, 2), epsilon=1e-3)
    bn = m.layers["bn"]
    bn.w["moving_mean"][:] = [1, -2, 0.5]
    bn.w["moving_var"][:] = [4, 0.25, 1]
    bn.w["gamma"][:] = [2, 1, -1]
    bn.w["beta"][:] = [0, 1, 3]
    x = np.random.default_rng(7).standard_normal((3, 3, 2, 2)).astype(np.float32)
    y = m.forward(x, training=False)
    mean = np.array([1, -2, 0.5])[:, None, None]
    var = np.array([4, 0.25, 1])[:, None, None]
    gamma = np.array([2, 1, -1])[:, None, None]
    beta = np.array([0, 1, 3])[:, None, None]
    np.testing.assert_allclose(y, (x - mean) / np.sqrt(var + 1e-3) * gamma + beta, rtol=1e-5, atol=1e-6)
    # one sample alone gives the same output as inside the batch
    np.testing.assert_array_equal(m.forward(x[1:2], training=False)[0], y[1])


def test_batchnorm_inference_gradient_matches_finite_differences():
    m = _bn_model((2, 3), dtype=np.float64)
    bn = m.layers["bn"]
    rng = np.random.default_rng(8)
    m.params[:] = rng.standard_normal(m.params.size)
    bn.w["moving_mean"][:] = rng.standard_normal(3)
    bn.w["moving_var"][:] = rng.uniform(0.5, 2, 3)
    x = rng.standard_normal((4, 2, 3))
    r = rng.standard_normal(x.shape)
    bn.need_dx = True

    def f():
        return float(np.sum(m.forward(x, training=False) * r))

    m.forward(x, training=False)
    (dx,) = bn.backward(r)
    np.testing.assert_allclose(dx, numeric_grad(f, x), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(m.grads, numeric_grad(f, m.params), rtol=1e-6, atol=1e-8)


def test_batchnorm_state_lives_in_model_state_and_weights():
    net = (Network().add("in", "Input", {"shape": [4]}).add("d", "Dense", {"units": 3}, after="in")
           .add("bn", "BatchNorm", after="d"))
    m = Model(net)
    w = m.weights()
    assert {"bn.gamma", "bn.beta", "bn.moving_mean", "bn.moving_var"} <= set(w)
    np.testing.assert_array_equal(w["bn.gamma"], 1)
    np.testing.assert_array_equal(w["bn.beta"], 0)
    np.testing.assert_array_equal(w["bn.moving_mean"], 0)
    np.testing.assert_array_equal(w["bn.moving_var"], 1)
    assert m.params.size == 4 * 3 + 3 + 2 * 3 and m.state.size == 2 * 3
    state = {s.name: s for s in m.slots if not s.trainable}
    assert set(state) == {"bn.moving_mean", "bn.moving_var"}
    m.forward(np.random.default_rng(0).standard_normal((5, 4)).astype(np.float32), training=True)
    bn = m.layers["bn"]
    assert np.shares_memory(bn.w["moving_mean"], m.state) and np.shares_memory(bn.w["moving_var"], m.state)
    w2 = m.weights()
    assert not np.array_equal(w2["bn.moving_mean"], w["bn.moving_mean"])
    np.testing.assert_array_equal(np.concatenate([w2["bn.moving_mean"], w2["bn.moving_var"]]), m.state)
    # set_weights round trip carries the moving statistics
    m2 = Model(net)
    m2.set_weights(w2)
    np.testing.assert_array_equal(m2.state, m.state)


def test_batchnorm_batch_of_one_vector_does_not_make_nan():
    m = _bn_model((3,), momentum=0.5)
    bn = m.layers["bn"]
    bn.w["beta"][:] = [0.5, -1, 2]
    bn.need_dx = True
    x = np.array([[1.0, -2.0, 3.0]], np.float32)
    y = m.forward(x, training=True)
    assert np.isfinite(y).all()
    np.testing.assert_allclose(y, [[0.5, -1, 2]], atol=1e-6)     # x − mean = 0 → beta
    (dx,) = bn.backward(np.ones_like(y))
    assert np.isfinite(dx).all() and np.isfinite(m.grads).all()
    np.testing.assert_allclose(bn.w["moving_mean"], [0.5, -1, 1.5])  # mean still tracked
    np.testing.assert_array_equal(bn.w["moving_var"], 1)              # unbiased var undefined: kept
    # epsilon 0 and a constant channel: still finite
    m = _bn_model((2,), epsilon=0.0)
    y = m.forward(np.array([[1.0, 2.0], [1.0, 3.0]], np.float32), training=True)
    assert np.isfinite(y).all()
    np.testing.assert_allclose(y, [[0, -1], [0, 1]], atol=1e-6)
