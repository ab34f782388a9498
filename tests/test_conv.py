"""Conv2D on the engine: the slow reference, finite differences, both kernel paths, the known number."""
import numba
import numpy as np
import pytest

from dlstudio.engine.model import Model
from dlstudio.spec import Network
from gradcheck import check_layer
from naive import conv2d_backward_reference, conv2d_reference


def conv_model(in_shape, params, dtype=np.float32, seed=0, after=None):
    net = Network().add("in", "Input", {"shape": list(in_shape)}).add("conv", "Conv2D", params, after="in")
    if after:
        net.add("act", after, after="conv")
    return Model(net, dtype=dtype, seed=seed)


def run_layer(model, x, dy_seed=1):
    """Forward in training mode, backward of a random dy; returns (y, dy, dx, dkernel, dbias)."""
    layer = model.layers["conv"]
    layer.need_dx = True
    y = model.forward(x, training=True)
    dy = np.random.default_rng(dy_seed).standard_normal(y.shape).astype(y.dtype)
    (dx,) = layer.backward(dy)
    db = layer.g["bias"].copy() if "bias" in layer.g else None
    return y, dy, dx, layer.g["kernel"].copy(), db


def assert_close(actual, expected, dtype, what):
    tol = 2e-5 if dtype == np.float32 else 1e-11
    scale = max(float(np.abs(expected).max()), 1.0)
    np.testing.assert_allclose(actual, expected, rtol=tol, atol=tol * scale, err_msg=what)


# (input [C, H, W], Conv2D params, batch)
CASES = [
    pytest.param((3, 5, 6), {"filters": 4, "kernel_size": 1}, 2, id="1x1"),
    pytest.param((2, 7, 7), {"filters": 3, "kernel_size": 2}, 2, id="2x2-valid"),
    pytest.param((2, 9, 8), {"filters": 3, "kernel_size": 4, "padding": "same"}, 2, id="4x4-same-even"),
    pytest.param((3, 8, 9), {"filters": 5, "kernel_size": 3}, 3, id="3x3-valid"),
    pytest.param((1, 11, 10), {"filters": 2, "kernel_size": 5, "padding": "same"}, 2, id="5x5-same-1ch"),
    pytest.param((2, 9, 8), {"filters": 5, "kernel_size": [2, 4], "strides": [2, 3],
                             "padding": [[1, 2], [0, 3]]}, 3, id="rect-strided-asym"),
    pytest.param((2, 10, 7), {"filters": 3, "kernel_size": [3, 1], "strides": 3}, 2, id="3x1-stride3"),
    pytest.param((2, 7, 9), {"filters": 4, "kernel_size": 3, "strides": 2, "padding": "same"}, 2,
                 id="same-stride2-odd"),
    pytest.param((2, 10, 11), {"filters": 3, "kernel_size": 2, "strides": 3, "padding": "same"}, 2,
                 id="kernel<stride"),
    pytest.param((2, 5, 6), {"filters": 2, "kernel_size": 2, "padding": [[3, 0], [0, 2]]}, 2,
                 id="pad>kernel"),
    pytest.param((4, 6, 6), {"filters": 3, "kernel_size": 3, "padding": "same", "use_bias": False}, 1,
                 id="batch1-nobias"),
    pytest.param((3, 6, 13), {"filters": 1, "kernel_size": [5, 3], "strides": [1, 2]}, 2,
                 id="1-filter-wide"),
    # more filters than one micro-kernel tile (6) with a remainder, and many taps
    pytest.param((7, 9, 10), {"filters": 13, "kernel_size": 3, "padding": "same"}, 3, id="13-filters-tiles"),
    pytest.param((5, 12, 11), {"filters": 8, "kernel_size": 5, "strides": 2}, 2, id="8-filters-strided-5x5"),
    # ResNet's shortcut (1×1, stride 2: phases no tap reads) and a strided layer whose input
    # channels fill more than one block of the tiled input gradient
    pytest.param((3, 9, 8), {"filters": 4, "kernel_size": 1, "strides": 2}, 2, id="1x1-stride2"),
    pytest.param((17, 9, 10), {"filters": 6, "kernel_size": 3, "strides": 2, "padding": "same"}, 2,
                 id="17-channels-stride2"),
    # the input gradient by columns (stride 1, not "same"): LeNet-5's C3, rows of dx wider than a
    # vector (x0 = 0, 16), channels in groups of four with a rest, uneven padding
    pytest.param((6, 14, 14), {"filters": 16, "kernel_size": 5}, 3, id="lenet-c3"),
    pytest.param((5, 7, 21), {"filters": 3, "kernel_size": [2, 5]}, 2, id="cols-wide-rows"),
    pytest.param((9, 8, 9), {"filters": 4, "kernel_size": 3, "padding": [[2, 0], [1, 0]]}, 2, id="cols-uneven-pad"),
]


@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=["f32", "f64"])
@pytest.mark.parametrize("in_shape,params,batch", CASES)
def test_matches_naive_reference(in_shape, params, batch, dtype):
    model = conv_model(in_shape, params, dtype)
    rng = np.random.default_rng(0)
    model.params[:] = rng.standard_normal(model.params.size) * 0.5
    layer = model.layers["conv"]
    p = model.analysis.params["conv"]
    x = rng.standard_normal((batch, *in_shape)).astype(dtype)
    y, dy, dx, dk, db = run_layer(model, x)
    bias = layer.w.get("bias")
    y_ref = conv2d_reference(x, layer.w["kernel"], bias, p["strides"], p["padding"])
    dx_ref, dk_ref, db_ref = conv2d_backward_reference(x, layer.w["kernel"], dy, p["strides"], p["padding"])
    assert y.shape == y_ref.shape == (batch, *model.output_shape)
    assert y.dtype == dx.dtype == dtype
    assert_close(y, y_ref, dtype, "forward")
    assert_close(dx, dx_ref, dtype, "d/dx")
    assert_close(dk, dk_ref, dtype, "d/dkernel")
    if bias is not None:
        assert_close(db, db_ref, dtype, "d/dbias")


def test_reference_by_hand():
    """The reference itself, on numbers small enough to check on paper."""
    x = np.arange(16, dtype=np.float64).reshape(1, 1, 4, 4)
    k = np.ones((1, 1, 2, 2))
    y = conv2d_reference(x, k, np.array([0.5]), (2, 2), "valid")
    np.testing.assert_array_equal(y[0, 0], [[0 + 1 + 4 + 5 + 0.5, 2 + 3 + 6 + 7 + 0.5],
                                            [8 + 9 + 12 + 13 + 0.5, 10 + 11 + 14 + 15 + 0.5]])
    # "same" on 4×4 with a 2×2 kernel, stride 1: one pad row / column at the bottom / right
    y = conv2d_reference(x, k, None, (1, 1), "same")
    assert y.shape == (1, 1, 4, 4) and y[0, 0, 3, 3] == 15 and y[0, 0, 0, 3] == 3 + 7
    dx, dk, db = conv2d_backward_reference(x, k, np.ones((1, 1, 3, 3)), (1, 1), "valid")
    np.testing.assert_array_equal(dx[0, 0], [[1, 2, 2, 1], [2, 4, 4, 2], [2, 4, 4, 2], [1, 2, 2, 1]])
    assert db[0] == 9 and dk[0, 0, 0, 0] == x[0, 0, :3, :3].sum()


@pytest.mark.parametrize("in_shape,params", [
    ((2, 5, 5), {"filters": 3, "kernel_size": 3}),
    ((1, 6, 5), {"filters": 2, "kernel_size": [2, 3], "strides": [2, 1], "padding": "same"}),
    ((2, 5, 6), {"filters": 2, "kernel_size": 2, "strides": 2, "padding": [[0, 1], [2, 1]]}),
    ((3, 4, 4), {"filters": 2, "kernel_size": 1, "use_bias": False}),
])
def test_gradients_match_finite_differences(in_shape, params):
    check_layer("Conv2D", params, in_shape, batch=2)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_keeps_dtype(dtype):
    model = conv_model((2, 6, 6), {"filters": 3, "kernel_size": 3, "padding": "same"}, dtype)
    y, _, dx, dk, db = run_layer(model, np.ones((2, 2, 6, 6), dtype))
    assert y.dtype == dx.dtype == dk.dtype == db.dtype == dtype
    # a float64 batch into a float32 model is computed in float32
    model32 = conv_model((2, 6, 6), {"filters": 3, "kernel_size": 3}, np.float32)
    assert model32.layers["conv"].forward([np.ones((1, 2, 6, 6))], False).dtype == np.float32


@pytest.mark.parametrize("params", [
    {"filters": 5, "kernel_size": [3, 2], "strides": [2, 1], "padding": "same"},   # the strided backward kernel
    {"filters": 7, "kernel_size": 3, "padding": "same"},                          # the tiled stride-1 one
    {"filters": 6, "kernel_size": 3, "padding": "valid"},                         # dx by columns
], ids=["strided", "stride1", "stride1-valid"])
def test_serial_and_parallel_kernels_agree(monkeypatch, params):
    # three uneven chunks over five samples (on three threads), however many cores this machine has
    monkeypatch.setattr("dlstudio.engine.chunks.numba.get_num_threads", lambda: 3)
    shape = (3, 9, 10)
    x = np.random.default_rng(2).standard_normal((5, *shape)).astype(np.float32)
    results = {}
    for parallel in (False, True):
        model = conv_model(shape, params, seed=4)
        layer = model.layers["conv"]
        layer.parallel = parallel
        assert layer._chunks(5) == (3 if parallel else 1)
        # the weight gradient in GEMM form: single taps for the 2-wide layer; the 3-wide one's 9
        # kernel rows (any stride: each kernel column reads its own plane) in rows of 3 taps unless
        # padding them to whole blocks costs more than single taps (rows padded to blocks)
        from dlstudio.engine import conv_tiling as KT
        rows3 = 1.2 * KT._blocks(27, 1) >= KT._blocks(9, 3)
        assert layer.dw_width == (3 if params["kernel_size"] == 3 and rows3 else 1)
        assert len(layer.dw_rows) * layer.dw_width >= layer.w["kernel"][0].size   # C·kh·kw taps
        # the input gradient: a forward pass over dy's column planes at stride 1 ("same"), by
        # columns at stride 1 otherwise, phase planes else
        assert (layer.dx_fwd is not None) == ("strides" not in params and params["padding"] == "same")
        assert (layer.dx_cols is not None) == (params.get("padding") == "valid")
        results[parallel] = run_layer(model, x)
        y_eval = model.forward(x, training=False)
        np.testing.assert_array_equal(y_eval, results[parallel][0])
    for name, a, b in zip(["y", "dy", "dx", "dkernel", "dbias"], results[False], results[True]):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-5, err_msg=name)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dx_by_columns_reads_only_what_it_computed(dtype):
    # LeNet-5's C3 takes the column path; its scratch poisoned with NaN before every backward
    # (cols is np.empty: positions past dy's and rows past C·kh·kw must never reach dx)
    model = conv_model((6, 14, 14), {"filters": 16, "kernel_size": 5}, dtype, seed=3)
    layer = model.layers["conv"]
    assert layer.dx_cols is not None and layer.dx_fwd is None
    assert not conv_model((6, 14, 14), {"filters": 16, "kernel_size": 5, "strides": 2}).layers["conv"].dx_cols
    x = np.random.default_rng(5).standard_normal((4, 6, 14, 14)).astype(dtype)
    y, dy, dx, _, _ = run_layer(model, x)
    for name, a in layer._buf.items():
        if name.startswith("dx_scatter_cols"):
            a[...] = np.nan
    (dx2,) = layer.backward(dy)
    np.testing.assert_array_equal(dx2, dx)
    dx_ref = conv2d_backward_reference(x, layer.w["kernel"], dy, (1, 1), "valid")[0]
    assert_close(dx, dx_ref, dtype, "d/dx")


def test_auto_dispatch_runs_small_work_serially():
    lenet_c3 = conv_model((6, 14, 14), {"filters": 16, "kernel_size": 5}).layers["conv"]
    assert lenet_c3._chunks(1) == 1
    assert lenet_c3._chunks(64) == min(64, numba.get_num_threads())
    tiny = conv_model((1, 4, 4), {"filters": 1, "kernel_size": 3}).layers["conv"]
    assert tiny._chunks(64) == 1


def test_first_layer_skips_dx_but_keeps_weight_gradients():
    shape, params = (2, 7, 7), {"filters": 3, "kernel_size": 3, "strides": 2}
    x = np.random.default_rng(5).standard_normal((3, *shape)).astype(np.float32)
    model = conv_model(shape, params)
    layer = model.layers["conv"]
    assert layer.need_dx is False          # it reads the Input directly
    y = model.forward(x, training=True)
    dy = np.random.default_rng(6).standard_normal(y.shape).astype(np.float32)
    assert layer.backward(dy) == [None]
    dk, db = layer.g["kernel"].copy(), layer.g["bias"].copy()
    _, dk_ref, db_ref = conv2d_backward_reference(x, layer.w["kernel"], dy, (2, 2), "valid")
    assert_close(dk, dk_ref, np.float32, "d/dkernel")
    assert_close(db, db_ref, np.float32, "d/dbias")


def test_backward_uses_the_last_training_batch():
    """An inference pass (other batch size) between forward and backward must not disturb it."""
    shape, params = (2, 6, 5), {"filters": 2, "kernel_size": 3, "padding": "same"}
    rng = np.random.default_rng(7)
    x, other = rng.standard_normal((3, *shape)), rng.standard_normal((4, *shape))
    model = conv_model(shape, params, np.float64)
    layer = model.layers["conv"]
    y = model.forward(x, training=True)
    model.forward(other, training=False)
    layer.backward(np.ones_like(y))
    _, dk_ref, _ = conv2d_backward_reference(x, layer.w["kernel"], np.ones_like(y), (1, 1), "same")
    assert_close(layer.g["kernel"], dk_ref, np.float64, "d/dkernel")
    with pytest.raises(ValueError, match="batch"):
        layer.backward(np.ones((2, *y.shape[1:])))


def test_known_parameter_count():
    """Conv2D(100, 3, same) on a 32×32×3 image: 100·(3·3·3) weights + 100 biases = 2,800."""
    model = conv_model((3, 32, 32), {"filters": 100, "kernel_size": 3, "padding": "same"})
    assert model.num_params == 2800
    assert model.output_shape == (100, 32, 32)
    assert model.forward(np.zeros((1, 3, 32, 32), np.float32)).shape == (1, 100, 32, 32)


def test_weight_init_he_before_relu_else_glorot_and_random_bias():
    params = {"filters": 64, "kernel_size": 5}
    fan_in, fan_out = 8 * 25, 64 * 25
    he = conv_model((8, 9, 9), params, after="ReLU").layers["conv"]
    assert np.std(he.w["kernel"]) == pytest.approx(np.sqrt(2 / fan_in), rel=0.05)
    assert np.all(he.w["bias"] == 0)
    glorot = conv_model((8, 9, 9), params, after="Sigmoid").layers["conv"]
    limit = np.sqrt(6 / (fan_in + fan_out))
    assert np.abs(glorot.w["kernel"]).max() <= limit
    assert np.std(glorot.w["kernel"]) == pytest.approx(limit / np.sqrt(3), rel=0.05)
    bias_limit = 1 / np.sqrt(fan_in)             # PyTorch's default bias: U(±1/√fan_in)
    assert np.abs(glorot.w["bias"]).max() <= bias_limit and np.count_nonzero(glorot.w["bias"]) == 64
    assert np.std(glorot.w["bias"]) == pytest.approx(bias_limit / np.sqrt(3), rel=0.3)


def _column_planes_reference(x, sh, sw, pt, pl, oh, ow, kh, kw):
    """The column planes of one sample by NumPy slicing: zero-pad, then for each row phase a and
    kernel column j take rows a, a + sh, … and columns j, j + sw, … (ow of them)."""
    c, h, w = x.shape
    ah, rq = min(sh, kh), oh + (kh - 1) // sh
    xp = np.zeros((c, rq * sh + sh + h, ow * sw + kw + w), x.dtype)
    xp[:, pt:pt + h, pl:pl + w] = x
    planes = [xp[:, a::sh][:, :rq, j::sw][:, :, :ow] for a in range(ah) for j in range(kw)]
    return np.stack(planes, 1).reshape(-1)


@pytest.mark.parametrize("sh, sw", [(1, 1), (2, 2), (1, 2), (2, 1), (3, 2), (2, 3)])
def test_column_planes_match_numpy_slicing(sh, sw):
    """The input copy the forward pass starts from (the one-run copy of "same" stride-1 layers
    included), on odd sizes and paddings, against the NumPy construction; nothing past the planes
    is written."""
    from dlstudio.engine.kernels.conv import to_columns
    rng = np.random.default_rng(sh * 10 + sw)
    checked = 0
    for c, h, w in [(1, 1, 1), (3, 5, 7), (2, 8, 19), (4, 9, 6)]:
        for kh, kw in [(1, 1), (3, 3), (2, 5)]:
            for pt, pb, pl, pr in [(0, 0, 0, 0), (1, 1, 1, 1), (0, 1, 0, 1), (2, 0, 1, 2), (3, 3, 4, 4)]:
                if h + pt + pb < kh or w + pl + pr < kw:
                    continue
                oh, ow = (h + pt + pb - kh) // sh + 1, (w + pl + pr - kw) // sw + 1
                x = rng.standard_normal((2, c, h, w)).astype(np.float32)
                ref = _column_planes_reference(x[1], sh, sw, pt, pl, oh, ow, kh, kw)
                dst = np.full(ref.size + 7, 9, np.float32)
                to_columns(x, 1, sh, sw, pt, pl, oh + (kh - 1) // sh, min(sh, kh), kw, ow, dst)
                np.testing.assert_array_equal(dst[:ref.size], ref)
                assert (dst[ref.size:] == 9).all()
                checked += 1
    assert checked > 30


def test_forward_reads_valid_stride_1_inputs_in_place_and_copies_the_others():
    """The "wide" forward (x read in place, rows of W) for stride-1 layers without padding; column
    planes for padded or strided ones. Both paths are checked against the reference above."""
    assert conv_model((6, 14, 14), {"filters": 16, "kernel_size": 5}).layers["conv"].fwd_wide
    assert not conv_model((6, 14, 14), {"filters": 16, "kernel_size": 5, "padding": "same"}).layers["conv"].fwd_wide
    assert not conv_model((6, 14, 14), {"filters": 16, "kernel_size": 5, "strides": 2}).layers["conv"].fwd_wide


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("c,hw,f,k", [(6, (14, 14), 16, 5), (3, (12, 22), 32, 3), (5, (13, 11), 16, 4)])
def test_turned_around_tile_for_short_rows_and_few_filters(monkeypatch, dtype, c, hw, f, k):
    """LeNet-5's C3 and layers like it (read in place, filters in whole vectors, rows of whole
    PB-position tiles): the forward pass with V filters in a vector — training and inference (the
    fused ReLU), serial and on three uneven chunks — equals the reference."""
    from dlstudio.engine import conv_tiling as KT
    monkeypatch.setattr("dlstudio.engine.chunks.numba.get_num_threads", lambda: 3)
    oh, ow = hw[0] - k + 1, hw[1] - k + 1
    model = conv_model((c, *hw), {"filters": f, "kernel_size": k}, dtype=dtype, seed=3, after="ReLU")
    layer = model.layers["conv"]
    assert layer.fwd_bcast == (f % KT.V == 0 and f <= 2 * KT.V and ow % KT.PB == 0)
    x = np.random.default_rng(5).standard_normal((5, c, *hw)).astype(dtype)
    want = conv2d_reference(x, layer.w["kernel"], layer.w["bias"])
    for parallel in (False, True):
        layer.parallel = parallel
        y = model.forward(x, training=True)
        np.testing.assert_allclose(model.values["conv"], want, rtol=1e-4 if dtype == np.float32 else 1e-10,
                                   atol=1e-4 if dtype == np.float32 else 1e-10)
        np.testing.assert_allclose(model.infer(x)["act"], np.maximum(want, 0), rtol=1e-4, atol=1e-4)
        np.testing.assert_array_equal(y >= 0, True)


def test_the_turned_around_tile_is_chosen_for_lenets_c3_only_where_it_fits():
    from dlstudio.engine import conv_tiling as KT
    c3 = conv_model((6, 14, 14), {"filters": 16, "kernel_size": 5}).layers["conv"]
    assert c3.fwd_bcast and KT.PB == 10            # 16 filters: one vector of 16 (AVX-512) or two of 8
    assert not conv_model((6, 14, 14), {"filters": 16, "kernel_size": 5, "padding": "same"}).layers["conv"].fwd_bcast
    assert not conv_model((6, 14, 14), {"filters": 6, "kernel_size": 5}).layers["conv"].fwd_bcast     # a third of a vector
    assert not conv_model((6, 15, 15), {"filters": 16, "kernel_size": 5}).layers["conv"].fwd_bcast     # rows of 11
    assert not conv_model((6, 14, 14), {"filters": 64, "kernel_size": 5}).layers["conv"].fwd_bcast     # the position tile has no waste there
