"""Pooling's ceil_mode and AvgPool2D's count_include_pad (added for ONNX import).

Shapes against the ONNX / PyTorch rule, forward against a slow NumPy reference written from
the definition, gradients against finite differences; defaults leave existing documents as they were.
"""
import numpy as np
import pytest

from gradcheck import check_layer
from dlstudio.engine.model import Model
from dlstudio.spec import Network, analyze


def _reference(x, kind, k, s, pads, ceil, include):
    """Every output cell from its definition: windows clipped to the input; the divisor of an
    average counts explicit padding when `include`, never ceil_mode's overhang."""
    (pt, pb), (pl, pr) = pads
    n, c, h, w = x.shape

    def size(length, kk, ss, a, b):
        span = length + a + b - kk
        if not ceil:
            return span // ss + 1
        o = -(-span // ss) + 1
        return o - 1 if (o - 1) * ss >= length + a else o

    oh, ow = size(h, k[0], s[0], pt, pb), size(w, k[1], s[1], pl, pr)
    y = np.zeros((n, c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            h0, w0 = i * s[0] - pt, j * s[1] - pl
            win = x[:, :, max(h0, 0):min(h0 + k[0], h), max(w0, 0):min(w0 + k[1], w)]
            if kind == "max":
                y[:, :, i, j] = win.max(axis=(2, 3))
            else:
                div = ((min(h0 + k[0], h + pb) - h0) * (min(w0 + k[1], w + pr) - w0) if include
                       else win.shape[2] * win.shape[3])
                y[:, :, i, j] = win.sum(axis=(2, 3)) / div
    return y


CASES = [
    ("max", (3, 3), (2, 2), ((0, 0), (0, 0)), True, False, (2, 7, 8)),
    ("max", (2, 2), (2, 2), ((1, 0), (0, 1)), True, False, (1, 5, 5)),
    ("avg", (3, 3), (2, 2), ((1, 1), (1, 1)), False, True, (2, 6, 7)),
    ("avg", (3, 3), (2, 2), ((1, 0), (1, 0)), True, True, (2, 6, 7)),
    ("avg", (2, 3), (2, 2), ((0, 0), (0, 0)), True, False, (1, 5, 7)),
    ("avg", (3, 2), (1, 2), ((0, 2), (1, 1)), True, True, (2, 4, 5)),
]


def _params(kind, k, s, pads, ceil, include):
    p = {"pool_size": list(k), "strides": list(s), "padding": [list(pads[0]), list(pads[1])], "ceil_mode": ceil}
    if kind == "avg":
        p["count_include_pad"] = include
    return ("MaxPool2D" if kind == "max" else "AvgPool2D"), p


@pytest.mark.parametrize("kind,k,s,pads,ceil,include,shape", CASES)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_forward_matches_reference(kind, k, s, pads, ceil, include, shape, dtype):
    type_, p = _params(kind, k, s, pads, ceil, include)
    net = Network().add("in", "Input", {"shape": list(shape)}).add("p", type_, p, after="in")
    x = np.random.default_rng(0).standard_normal((3, *shape)).astype(dtype)
    y = Model(net, dtype=dtype).forward(x)
    ref = _reference(x.astype(np.float64), kind, k, s, pads, ceil, include)
    assert y.dtype == dtype and y.shape == ref.shape
    assert tuple(analyze(net).shapes["p"]) == ref.shape[1:]
    np.testing.assert_allclose(y, ref, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("kind,k,s,pads,ceil,include,shape", CASES)
def test_gradients_match_finite_differences(kind, k, s, pads, ceil, include, shape):
    type_, p = _params(kind, k, s, pads, ceil, include)
    check_layer(type_, p, shape, batch=2, seed=3)


def test_defaults_keep_existing_documents():
    net = Network().add("in", "Input", {"shape": [1, 5, 5]}).add("p", "AvgPool2D", {"pool_size": 2}, after="in")
    assert analyze(net).shapes["p"] == (1, 2, 2)
    net2 = Network().add("in", "Input", {"shape": [1, 5, 5]}).add("p", "AvgPool2D",
                                                                  {"pool_size": 2, "ceil_mode": True}, after="in")
    assert analyze(net2).shapes["p"] == (1, 3, 3)
