"""Winograd F(2×2, 3×3) (kernels/winograd.py) against the slow float64 NumPy reference."""
import numpy as np
import pytest

from dlstudio.engine.conv_winograd import winograd_conv3x3_forward
from naive import conv2d_reference

# (N, C, H, W, F, padding): odd sizes, 1 channel / 1 filter, H or W below the 4×4 tile,
# "valid", "same" and explicit asymmetric padding
CASES = [
    pytest.param(3, 5, 9, 7, 3, "valid", id="odd-valid"),
    pytest.param(2, 1, 8, 8, 1, "same", id="1ch-1filter-same"),
    pytest.param(1, 3, 3, 3, 2, "valid", id="H,W=3-one-output"),
    pytest.param(2, 2, 2, 5, 4, "same", id="H<tile-same"),
    pytest.param(3, 4, 7, 1, 3, "same", id="W=1"),
    pytest.param(2, 3, 6, 9, 5, ((2, 0), (0, 3)), id="explicit-asym"),
    pytest.param(5, 16, 13, 11, 8, "same", id="wider"),
]


def _pads(padding, h, w):
    if padding == "valid":
        return (0, 0), (0, 0)
    if padding == "same":
        return (1, 1), (1, 1)
    return padding


@pytest.mark.parametrize("bias_on", [True, False], ids=["bias", "nobias"])
@pytest.mark.parametrize("n,c,h,w,f,padding", CASES)
def test_float32_matches_float64_reference(n, c, h, w, f, padding, bias_on):
    rng = np.random.default_rng(n * 100 + c * 10 + h)
    x = rng.standard_normal((n, c, h, w))
    k = rng.standard_normal((f, c, 3, 3))
    b = rng.standard_normal(f) if bias_on else None
    ref = conv2d_reference(x, k, b, (1, 1), padding if isinstance(padding, str) else
                           [list(padding[0]), list(padding[1])])
    y = winograd_conv3x3_forward(x.astype(np.float32), k.astype(np.float32),
                                 None if b is None else b.astype(np.float32), _pads(padding, h, w))
    assert y.dtype == np.float32 and y.shape == ref.shape
    err = np.abs(y.astype(np.float64) - ref).max() / np.abs(ref).max()
    assert err <= 1e-4, f"relative error {err:.2e}"


def test_float64_is_exact_to_rounding():
    rng = np.random.default_rng(7)
    x, k, b = rng.standard_normal((2, 3, 7, 6)), rng.standard_normal((4, 3, 3, 3)), rng.standard_normal(4)
    y = winograd_conv3x3_forward(x, k, b, ((1, 1), (1, 1)))
    np.testing.assert_allclose(y, conv2d_reference(x, k, b, (1, 1), "same"), rtol=1e-11, atol=1e-11)


@pytest.mark.parametrize("args,match", [
    (((1, 2, 5, 5), (3, 2, 5, 5), ((0, 0), (0, 0))), "3, 3"),
    (((1, 2, 5, 5), (3, 4, 3, 3), ((0, 0), (0, 0))), "channels"),
    (((1, 2, 5, 5), (3, 2, 3, 3), ((-1, 0), (0, 0))), "non-negative"),
    (((1, 2, 1, 5), (3, 2, 3, 3), ((0, 0), (0, 0))), "does not fit"),
])
def test_bad_input_is_refused(args, match):
    xs, ks, pads = args
    with pytest.raises(ValueError, match=match):
        winograd_conv3x3_forward(np.zeros(xs, np.float32), np.zeros(ks, np.float32), None, pads)


def test_conv2d_layer_uses_winograd_for_the_forward_pass_and_the_input_gradient(monkeypatch):
    """Switched on (by default only from 32 channels and larger outputs), a 3×3 "same" layer runs its
    forward pass — inference and training — and its input gradient by F(2×2, 3×3); the results
    match the float64 reference, and the gradients match the direct kernels'."""
    from dlstudio.engine.layers import conv as conv_layer
    from dlstudio.engine.model import Model
    from dlstudio.spec import Network
    net = Network().add("in", "Input", {"shape": [12, 7, 9]}).add(
        "conv", "Conv2D", {"filters": 13, "kernel_size": 3, "padding": "same"}, after="in")
    direct = Model(net, dtype=np.float32, seed=0).layers["conv"]
    monkeypatch.setattr(conv_layer, "WINOGRAD_MIN_CHANNELS", 8)
    monkeypatch.setattr(conv_layer, "WINOGRAD_MIN_WORK", 7)
    model = Model(net, dtype=np.float32, seed=0)
    layer = model.layers["conv"]
    assert layer.winograd and layer.wino is not None and layer.dx_wino is not None
    assert not direct.winograd
    rng = np.random.default_rng(3)
    layer.w["kernel"][...] = rng.standard_normal((13, 12, 3, 3))
    layer.w["bias"][...] = np.arange(13) / 7
    direct.w["kernel"][...] = layer.w["kernel"]
    direct.w["bias"][...] = layer.w["bias"]
    layer.need_dx = direct.need_dx = True
    x = rng.standard_normal((3, 12, 7, 9)).astype(np.float32)
    ref = conv2d_reference(x.astype(np.float64), layer.w["kernel"].astype(np.float64),
                           layer.w["bias"].astype(np.float64), (1, 1), "same")
    for training in (False, True):
        y = layer.forward([x], training)
        assert np.abs(y - ref).max() / np.abs(ref).max() <= 1e-4
    direct.forward([x], True)
    dy = rng.standard_normal(ref.shape).astype(np.float32)
    dx = layer.backward(dy)[0]
    dx_direct = direct.backward(dy)[0]
    assert np.abs(dx - dx_direct).max() / np.abs(dx_direct).max() <= 1e-5
    np.testing.assert_allclose(layer.g["kernel"], direct.g["kernel"], rtol=1e-5, atol=1e-5)


def test_winograd_is_chosen_for_large_3x3_stride_1_layers_only():
    from dlstudio.engine.model import Model
    from dlstudio.spec import Network
    for shape, params, chosen in [([32, 16, 16], {"filters": 64, "kernel_size": 3, "padding": "same"}, True),
                                  ([64, 18, 18], {"filters": 32, "kernel_size": 3}, True),         # 16×16 out
                                  ([64, 8, 8], {"filters": 64, "kernel_size": 3, "padding": "same"}, True),
                                  ([32, 8, 8], {"filters": 32, "kernel_size": 3, "padding": "same"}, False),  # small
                                  ([16, 32, 32], {"filters": 64, "kernel_size": 3}, False),        # few channels in
                                  ([32, 16, 16], {"filters": 32, "kernel_size": 3, "strides": 2}, False),
                                  ([32, 16, 16], {"filters": 32, "kernel_size": 5}, False),
                                  ([64, 56, 56], {"filters": 64, "kernel_size": 3, "padding": "same"}, True),
                                  ([64, 112, 112], {"filters": 64, "kernel_size": 3, "padding": "same"}, False)]:  # beyond the caches
        net = Network().add("in", "Input", {"shape": shape}).add("conv", "Conv2D", params, after="in")
        assert Model(net, dtype=np.float32, seed=0).layers["conv"].winograd == chosen, (shape, params)


def test_winograd_on_three_threads_matches_the_serial_run(monkeypatch):
    """Each chunk has its own scratch rows: five samples on three uneven chunks give the serial
    result exactly (forward and input gradient)."""
    from dlstudio.engine.model import Model
    from dlstudio.spec import Network
    monkeypatch.setattr("dlstudio.engine.chunks.numba.get_num_threads", lambda: 3)
    net = Network().add("in", "Input", {"shape": [32, 16, 16]}).add(
        "conv", "Conv2D", {"filters": 40, "kernel_size": 3, "padding": "same"}, after="in")
    rng = np.random.default_rng(5)
    x = rng.standard_normal((5, 32, 16, 16)).astype(np.float32)
    dy = rng.standard_normal((5, 40, 16, 16)).astype(np.float32)
    results = []
    for parallel in (False, True):
        layer = Model(net, dtype=np.float32, seed=0).layers["conv"]
        assert layer.wino is not None and layer.dx_wino is not None
        layer.parallel, layer.need_dx = parallel, True
        assert layer._chunks(5) == (3 if parallel else 1)
        results.append((layer.forward([x], True), layer.backward(dy)[0]))
    np.testing.assert_array_equal(results[0][0], results[1][0])
    np.testing.assert_array_equal(results[0][1], results[1][1])


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("shape,params", [
    ([32, 16, 16], {"filters": 40, "kernel_size": 3, "padding": "same"}),   # filters not whole vectors
    ([33, 18, 20], {"filters": 17, "kernel_size": 3}),                      # valid: 16×18 out, 72 tiles
], ids=["same-40", "valid-17"])
def test_the_weight_gradient_by_winograd_matches_the_reference_and_the_direct_kernel(monkeypatch, dtype, shape, params):
    """dW = Gᵀ [Σ (A dY Aᵀ) ⊙ (Bᵀ d B)] G over samples and tiles (kernels/winograd.py
    winograd_dw_chunk) for layers with even output sides and enough tiles: against the float64
    reference, the direct GEMM-form kernel, and serial = three uneven chunks."""
    from dlstudio.engine.layers import conv as conv_layer
    from dlstudio.engine.model import Model
    from dlstudio.spec import Network
    from naive import conv2d_backward_reference
    monkeypatch.setattr(conv_layer, "WINOGRAD_MIN_CHANNELS", 16)
    monkeypatch.setattr(conv_layer, "WINOGRAD_MIN_WORK", 1)
    monkeypatch.setattr("dlstudio.engine.chunks.numba.get_num_threads", lambda: 3)
    net = Network().add("in", "Input", {"shape": shape}).add("conv", "Conv2D", params, after="in")
    rng = np.random.default_rng(11)
    x = rng.standard_normal((5, *shape)).astype(dtype)
    grads = {}
    for label, wino, parallel in [("serial", True, False), ("chunks", True, True), ("direct", False, False)]:
        layer = Model(net, dtype=dtype, seed=0).layers["conv"]
        assert layer.dw_wino and layer.winograd
        layer.dw_wino, layer.parallel = wino, parallel
        y = layer.forward([x], True)
        dy = np.random.default_rng(12).standard_normal(y.shape).astype(dtype)
        layer.backward(dy)
        grads[label] = (layer.g["kernel"].copy(), layer.g["bias"].copy())
        kernel = layer.w["kernel"].astype(np.float64)
    _, dk_ref, db_ref = conv2d_backward_reference(x.astype(np.float64), kernel, dy.astype(np.float64), (1, 1),
                                                  params.get("padding", "valid"))
    tol = 1e-4 if dtype == np.float32 else 1e-10
    for label, (dk, db) in grads.items():
        assert np.abs(dk - dk_ref).max() / np.abs(dk_ref).max() <= tol, label
        np.testing.assert_allclose(db, db_ref, rtol=tol, atol=tol * np.abs(db_ref).max(), err_msg=label)
    a, b = grads["serial"][0], grads["chunks"][0]       # the same sums, another order
    assert np.abs(a - b).max() <= 1e-6 * np.abs(a).max() * (1 if dtype == np.float32 else 1e-8)


def test_the_weight_gradient_takes_winograd_only_with_even_sides_and_enough_tiles():
    from dlstudio.engine.model import Model
    from dlstudio.spec import Network
    for shape, params, chosen in [([32, 16, 16], {"filters": 64, "kernel_size": 3, "padding": "same"}, True),
                                  ([64, 8, 8], {"filters": 64, "kernel_size": 3, "padding": "same"}, False),   # 16 tiles
                                  ([64, 17, 17], {"filters": 64, "kernel_size": 3, "padding": "same"}, False),  # odd sides
                                  ([16, 32, 32], {"filters": 16, "kernel_size": 3, "padding": "same"}, False)]:  # no Winograd
        net = Network().add("in", "Input", {"shape": shape}).add("conv", "Conv2D", params, after="in")
        assert Model(net, dtype=np.float32, seed=0).layers["conv"].dw_wino == chosen, (shape, params)


def test_the_weight_gradient_never_reads_the_scratch_padding(monkeypatch):
    """Scratch rows full of NaN before the pass (what np.empty may hold): the gradients stay
    finite and equal a run on fresh scratch — only the real tiles' transforms are summed."""
    from dlstudio.engine.layers import conv as conv_layer
    from dlstudio.engine.model import Model
    from dlstudio.spec import Network
    monkeypatch.setattr(conv_layer, "WINOGRAD_MIN_CHANNELS", 16)
    monkeypatch.setattr(conv_layer, "WINOGRAD_MIN_WORK", 1)
    net = Network().add("in", "Input", {"shape": [33, 18, 20]}).add(
        "conv", "Conv2D", {"filters": 17, "kernel_size": 3}, after="in")     # 72 tiles: 8 padding positions
    x = np.random.default_rng(0).standard_normal((5, 33, 18, 20))
    grads = []
    for poison in (False, True):
        layer = Model(net, dtype=np.float64, seed=0).layers["conv"]
        assert layer.dw_wino
        layer.parallel = False                              # one chunk: the scratch poisoned is the one used
        y = layer.forward([x], True)
        dy = np.random.default_rng(1).standard_normal(y.shape)
        layer.backward(dy)                                   # makes the scratch
        if poison:
            for a in layer.wino._rows(1):
                a[...] = np.nan
            layer.wino._dw_scratch[2][...] = np.nan
        layer.backward(dy)
        grads.append(layer.g["kernel"].copy())
    assert np.isfinite(grads[1]).all()
    np.testing.assert_array_equal(grads[0], grads[1])
