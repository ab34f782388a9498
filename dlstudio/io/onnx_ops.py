"""One ONNX converter per catalogue layer type (used by `onnx_export`; no Qt, no onnx import here).

A converter gets the graph builder `b`, the node's id, its normalised params, the names of its
input tensors and the per-sample input shapes (batch left out), and adds ONNX nodes whose last
output tensor is named after the node's id. Helper nodes and tensors are named `<id>/<what>`;
weights become initializers named `<id>.<weight>` (recurrent weights in ONNX's layout, see below).

Layout notes (engine → ONNX):
- Conv2D kernel (filters, in, kh, kw) is ONNX's (M, C, kH, kW) as it is; "same" and explicit
  paddings become explicit `pads` [top, left, bottom, right] (TensorFlow's split, odd pixel at the
  bottom / right).
- Dense kernel (in, out) is Gemm's B without transposing (vectors) or MatMul's right operand plus
  an Add of the bias (sequences, applied per time step).
- Reshape: ONNX Reshape to the constant [0, *shape]; 0 copies the batch size, so the batch axis
  stays dynamic (and a -1 in the shape is inferred by the runtime).
- Pools: padding never wins a max and is not counted in an average (count_include_pad = 0,
  unless the layer's count_include_pad is set); ceil_mode maps to ONNX's ceil_mode. ONNX runtimes
  refuse pads as large as the window, so such a padding becomes an explicit Pad node: −∞ for a
  max, zeros for an average that is then rescaled to divide by the real elements; windows lying
  wholly in padding give 0, as in the engine.
- BatchNorm: inference form with the moving statistics (ONNX BatchNormalization, same formula and
  epsilon); on sequences [T, F] the features are moved to axis 1 and back.
- SimpleRNN / LSTM: ONNX RNN / LSTM, time-major (onnxruntime does not run layout = 1), so the
  batch-first input is transposed. W = kernelᵀ, R = recurrent_kernelᵀ, B = [bias, 0]; LSTM gates
  reordered from the engine's i, f, g, o to ONNX's i, o, f, c.
"""
from __future__ import annotations

import numpy as np

from ..spec.layers.conv import resolve_padding
from ..spec.layers.merge import concat_axis
from ..spec.layers.pool import pool_output, pool_strides

CONVERTERS: dict = {}


def converter(*types):
    def register(fn):
        for t in types:
            CONVERTERS[t] = fn
        return fn
    return register


def _pads(padding, size, kernel, strides) -> list[int]:
    (top, bottom), (left, right) = resolve_padding(padding, tuple(size), tuple(kernel), tuple(strides))
    return [int(top), int(left), int(bottom), int(right)]


# ---- core ------------------------------------------------------------------------------------
@converter("Dense")
def dense(b, nid, p, x, shapes):
    kernel = b.weight(nid, "kernel")
    has_bias = bool(p["use_bias"])
    if len(shapes[0]) == 1:
        ins = [x[0], kernel] + ([b.weight(nid, "bias")] if has_bias else [])
        return b.op("Gemm", ins, nid, alpha=1.0, beta=1.0, transA=0, transB=0)
    if not has_bias:
        return b.op("MatMul", [x[0], kernel], nid)
    y = b.op("MatMul", [x[0], kernel], f"{nid}/matmul")
    return b.op("Add", [y, b.weight(nid, "bias")], nid, name=f"{nid}/bias")


@converter("Flatten")
def flatten(b, nid, p, x, shapes):
    return b.op("Flatten", x, nid, axis=1)


@converter("Reshape")
def reshape(b, nid, p, x, shapes):
    # 0 copies the batch size (allowzero = 0), so the batch axis stays dynamic; a -1 stays inferred
    target = b.const(f"{nid}/shape", np.array([0, *p["shape"]], np.int64))
    return b.op("Reshape", [x[0], target], nid)


@converter("Dropout", "Identity")
def identity(b, nid, p, x, shapes):  # dropout does nothing at inference
    return b.op("Identity", x, nid)


# ---- convolution and pooling ------------------------------------------------------------------
@converter("Conv2D")
def conv2d(b, nid, p, x, shapes):
    c, h, w = shapes[0]
    k, s = list(p["kernel_size"]), list(p["strides"])
    ins = [x[0], b.weight(nid, "kernel")] + ([b.weight(nid, "bias")] if p["use_bias"] else [])
    return b.op("Conv", ins, nid, kernel_shape=k, strides=s, pads=_pads(p["padding"], (h, w), k, s),
                dilations=[1, 1], group=1)


def _pool_geometry(p, shapes):
    c, h, w = shapes[0]
    k, s = [int(v) for v in p["pool_size"]], [int(v) for v in pool_strides(p)]
    pads = _pads(p["padding"], (h, w), k, s)
    out, _overhang = pool_output(p, (h, w))
    fits = all(pads[i] < k[i % 2] for i in range(4))  # what onnxruntime accepts as pool pads
    return (h, w), k, s, pads, out, fits, int(bool(p.get("ceil_mode")))


def _explicit_pad(b, nid, x, hw, k, s, pads, out, value):
    """A Pad node giving the windows of the engine's output exactly (no pool pads, floor sizes):
    the leading padding as it is, the trailing one up to the end of the last window (ceil_mode's
    overhang included, padding no window reaches left out)."""
    after = [max((o - 1) * ss + kk - (n + before), 0)
             for n, kk, ss, before, o in zip(hw, k, s, (pads[0], pads[1]), out)]
    onnx_pads = np.array([0, 0, pads[0], pads[1], 0, 0, after[0], after[1]], np.int64)
    return b.op("Pad", [x, b.const(f"{nid}/pads", onnx_pads), b.const(f"{nid}/pad_value", np.array(value, np.float32))],
                f"{nid}/padded", mode="constant")


def _window_counts(hw, k, s, pads, out) -> tuple[np.ndarray, np.ndarray]:
    """(OH, OW) counts under each window: real input elements, and elements of the input with its
    padding (ceil_mode's overhang past the bottom / right padding is in neither)."""
    real, padded = [], []
    for n, kk, ss, before, after, o in ((hw[0], k[0], s[0], pads[0], pads[2], out[0]),
                                        (hw[1], k[1], s[1], pads[1], pads[3], out[1])):
        starts = np.arange(o) * ss - before
        real.append(np.clip(starts + kk, 0, n) - np.clip(starts, 0, n))
        padded.append(np.minimum(starts + kk, n + after) - starts)
    return np.outer(*real), np.outer(*padded)


@converter("MaxPool2D")
def maxpool2d(b, nid, p, x, shapes):
    hw, k, s, pads, out, fits, ceil = _pool_geometry(p, shapes)
    if fits:
        return b.op("MaxPool", x, nid, kernel_shape=k, strides=s, pads=pads, ceil_mode=ceil)
    padded = _explicit_pad(b, nid, x[0], hw, k, s, pads, out, -np.inf)
    real, _ = _window_counts(hw, k, s, pads, out)
    if real.min() > 0:
        return b.op("MaxPool", [padded], nid, kernel_shape=k, strides=s)
    y = b.op("MaxPool", [padded], f"{nid}/max", kernel_shape=k, strides=s)
    keep = b.const(f"{nid}/real_window", (real > 0)[None, None])
    return b.op("Where", [keep, y, b.const(f"{nid}/zero", np.array(0, np.float32))], nid, name=f"{nid}/empty_windows")


@converter("AvgPool2D")
def avgpool2d(b, nid, p, x, shapes):
    hw, k, s, pads, out, fits, ceil = _pool_geometry(p, shapes)
    include = bool(p.get("count_include_pad"))
    if fits:
        return b.op("AveragePool", x, nid, kernel_shape=k, strides=s, pads=pads, ceil_mode=ceil,
                    count_include_pad=int(include))
    # the mean of each whole window over the zero-padded input, rescaled to divide by the real
    # elements (or, with count_include_pad, by the elements of the input with its padding)
    padded = _explicit_pad(b, nid, x[0], hw, k, s, pads, out, 0.0)
    y = b.op("AveragePool", [padded], f"{nid}/avg", kernel_shape=k, strides=s)
    real, whole = (c.astype(np.float64) for c in _window_counts(hw, k, s, pads, out))
    divisor = whole if include else real
    scale = np.where(divisor > 0, (k[0] * k[1]) / np.maximum(divisor, 1), 0.0).astype(np.float32)
    return b.op("Mul", [y, b.const(f"{nid}/divisor", scale[None, None])], nid, name=f"{nid}/rescale")


@converter("GlobalAvgPool2D")
def global_avgpool2d(b, nid, p, x, shapes):
    y = b.op("GlobalAveragePool", x, f"{nid}/pooled", name=nid)
    return b.op("Flatten", [y], nid, name=f"{nid}/flatten", axis=1)


# ---- normalisation ----------------------------------------------------------------------------
@converter("BatchNorm")
def batchnorm(b, nid, p, x, shapes):
    ws = [b.weight(nid, w) for w in ("gamma", "beta", "moving_mean", "moving_var")]
    attrs = {"epsilon": float(p["epsilon"]), "momentum": float(p["momentum"])}
    if len(shapes[0]) != 2:  # images [C, H, W] and vectors [F]: channels / features are axis 1
        return b.op("BatchNormalization", [x[0], *ws], nid, **attrs)
    xt = b.op("Transpose", x, f"{nid}/features_first", perm=[0, 2, 1])   # (N, T, F) → (N, F, T)
    y = b.op("BatchNormalization", [xt, *ws], f"{nid}/normalized", name=nid, **attrs)
    return b.op("Transpose", [y], nid, name=f"{nid}/features_last", perm=[0, 2, 1])


# ---- activations ------------------------------------------------------------------------------
_ELEMENTWISE = {"Sigmoid": "Sigmoid", "Tanh": "Tanh", "ReLU": "Relu"}


def _elementwise(op_type):
    return lambda b, nid, p, x, shapes: b.op(op_type, x, nid)


for _type, _op in _ELEMENTWISE.items():
    CONVERTERS[_type] = _elementwise(_op)


@converter("LeakyReLU")
def leaky_relu(b, nid, p, x, shapes):
    return b.op("LeakyRelu", x, nid, alpha=float(p["alpha"]))


@converter("ELU")
def elu(b, nid, p, x, shapes):
    return b.op("Elu", x, nid, alpha=float(p["alpha"]))


@converter("Softmax")
def softmax(b, nid, p, x, shapes):
    return b.op("Softmax", x, nid, axis=-1)


# ---- recurrent --------------------------------------------------------------------------------
def lstm_gate_order(units: int) -> np.ndarray:
    """Column indices taking the engine's i, f, g, o blocks to ONNX's i, o, f, c."""
    i, f, g, o = (np.arange(k * units, (k + 1) * units) for k in range(4))
    return np.concatenate([i, o, f, g])


def _recurrent(b, nid, p, x, op_type, gates):
    u = int(p["units"])
    kernel, recurrent, bias = (b.array(nid, w) for w in ("kernel", "recurrent_kernel", "bias"))
    if gates == 4:
        idx = lstm_gate_order(u)
        kernel, recurrent, bias = kernel[:, idx], recurrent[:, idx], bias[idx]
    w = b.init(f"{nid}.kernel", kernel.T[None])                                   # [1, G·U, F]
    r = b.init(f"{nid}.recurrent_kernel", recurrent.T[None])                      # [1, G·U, U]
    bb = b.init(f"{nid}.bias", np.concatenate([bias, np.zeros_like(bias)])[None])  # [1, 2·G·U]: Wb, Rb
    xt = b.op("Transpose", x, f"{nid}/time_major", perm=[1, 0, 2])                 # (N, T, F) → (T, N, F)
    if p["return_sequences"]:
        y = f"{nid}/Y"
        b.op(op_type, [xt, w, r, bb], [y], name=nid, hidden_size=u, direction="forward", layout=0)
        ys = b.op("Squeeze", [y, b.const(f"{nid}/direction_axis", np.array([1], np.int64))], f"{nid}/steps")
        return b.op("Transpose", [ys], nid, name=f"{nid}/batch_first", perm=[1, 0, 2])  # (T, N, U) → (N, T, U)
    yh = f"{nid}/Y_h"
    b.op(op_type, [xt, w, r, bb], ["", yh], name=nid, hidden_size=u, direction="forward", layout=0)
    return b.op("Squeeze", [yh, b.const(f"{nid}/direction_axis", np.array([0], np.int64))], nid,
                name=f"{nid}/last_step")                                               # (1, N, U) → (N, U)


@converter("SimpleRNN")
def simple_rnn(b, nid, p, x, shapes):
    return _recurrent(b, nid, p, x, "RNN", 1)


@converter("LSTM")
def lstm(b, nid, p, x, shapes):
    return _recurrent(b, nid, p, x, "LSTM", 4)


# ---- merge ------------------------------------------------------------------------------------
@converter("Add")
def add(b, nid, p, x, shapes):
    acc = x[0]
    for i, other in enumerate(x[1:], start=1):
        last = i == len(x) - 1
        acc = b.op("Add", [acc, other], nid if last else f"{nid}/sum{i}")
    return acc


@converter("Concatenate")
def concatenate(b, nid, p, x, shapes):
    return b.op("Concat", x, nid, axis=concat_axis(shapes[0]) + 1)  # +1: the batch axis
