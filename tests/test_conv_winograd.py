"""Winograd F(2×2, 3×3) forward (kernels/winograd.py) against the slow float64 NumPy reference."""
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


def test_conv2d_layer_uses_winograd_for_inference_only(monkeypatch):
    from dlstudio.engine.layers import conv as conv_layer
    from dlstudio.engine.model import Model
    from dlstudio.spec import Network
    monkeypatch.setattr(conv_layer, "WINOGRAD_MIN_CHANNELS", 128)   # off by default (slower today)
    net = Network().add("in", "Input", {"shape": [128, 7, 9]}).add(
        "conv", "Conv2D", {"filters": 129, "kernel_size": 3, "padding": "same"}, after="in")
    model = Model(net, dtype=np.float32, seed=0)
    layer = model.layers["conv"]
    assert layer.winograd
    rng = np.random.default_rng(3)
    layer.w["bias"][...] = rng.standard_normal(129)
    x = rng.standard_normal((3, 128, 7, 9)).astype(np.float32)
    ref = conv2d_reference(x.astype(np.float64), layer.w["kernel"].astype(np.float64),
                           layer.w["bias"].astype(np.float64), (1, 1), "same")
    for training in (False, True):
        y = model.forward(x, training=training)
        assert np.abs(y - ref).max() / np.abs(ref).max() <= 1e-4


def test_small_or_strided_layers_keep_the_direct_kernels():
    from dlstudio.engine.model import Model
    from dlstudio.spec import Network
    for shape, params in [([8, 6, 6], {"filters": 64, "kernel_size": 3}),
                          ([64, 6, 6], {"filters": 64, "kernel_size": 3}),   # the tiled direct kernels win there
                          ([128, 6, 6], {"filters": 128, "kernel_size": 3}),  # and there: Winograd is off
                          ([32, 6, 6], {"filters": 32, "kernel_size": 3, "strides": 2}),
                          ([32, 6, 6], {"filters": 32, "kernel_size": 5})]:
        net = Network().add("in", "Input", {"shape": shape}).add("conv", "Conv2D", params, after="in")
        assert not Model(net, dtype=np.float32, seed=0).layers["conv"].winograd
