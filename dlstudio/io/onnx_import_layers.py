"""ONNX operators that become catalogue layers (the plumbing ones are in onnx_import_ops.py)."""
from __future__ import annotations

import numpy as np

from ..i18n import tr
from .onnx_import import View, Zeros
from .onnx_import_reshape import flatten, reshape


def _s(v, default=""):
    return default if v is None else (v.decode() if isinstance(v, bytes) else str(v))


# ---- padding (ONNX → catalogue [[top, bottom], [left, right]]) -------------------------------
def window_pads(im, hw, kernel, strides, at, ceil_mode=False):
    """(pads, extra): the explicit padding, and the extra bottom / right rows / columns that
    ceil_mode adds (windows that overhang the padded input; they see no padding values)."""
    auto = _s(at.get("auto_pad"), "NOTSET")
    if auto in ("SAME_UPPER", "SAME_LOWER", "VALID") and ceil_mode:
        raise im.fail(tr("attribute 'ceil_mode' = 1 with auto_pad {auto} is not supported").format(
                          auto=auto))
    if auto == "VALID":
        return ((0, 0), (0, 0)), (0, 0)
    if auto in ("SAME_UPPER", "SAME_LOWER"):
        pads = []
        for n, k, s in zip(hw, kernel, strides):
            total = max((-(-n // s) - 1) * s + k - n, 0)
            small, big = total // 2, total - total // 2
            pads.append((small, big) if auto == "SAME_UPPER" else (big, small))
        return tuple(pads), (0, 0)
    if auto != "NOTSET":
        raise im.fail(tr("attribute 'auto_pad' = {auto} is not an ONNX value").format(auto=auto))
    p = [int(x) for x in at.get("pads", [0, 0, 0, 0])]
    if len(p) != 4 or min(p) < 0:
        raise im.fail(tr("attribute 'pads' = {p}: need four non-negative values for a 2-D window").format(
                          p=p))
    pads = ((p[0], p[2]), (p[1], p[3]))
    extra = [0, 0]
    if ceil_mode:
        for d, (n, k, s, (a, b)) in enumerate(zip(hw, kernel, strides, pads)):
            span = n + a + b - k
            if span < 0:
                continue
            out = -(-span // s) + 1
            if (out - 1) * s >= n + a:  # the last window must start inside the input or its leading pad
                out -= 1
            extra[d] = max((out - 1) * s + k - (n + a + b), 0)
    return pads, tuple(extra)


def _window_attrs(im, at, w_kernel=None):
    kernel = at.get("kernel_shape") or w_kernel
    if kernel is None or len(kernel) != 2:
        raise im.fail(tr("attribute 'kernel_shape' = {kernel}: dlstudio supports 2-D windows only").format(
                          kernel=kernel))
    if w_kernel is not None and list(kernel) != list(w_kernel):
        raise im.fail(tr("attribute 'kernel_shape' = {kernel} does not match the weights' {w_kernel}").format(
                          kernel=list(kernel), w_kernel=list(w_kernel)))
    strides = [int(s) for s in at.get("strides", [1, 1])]
    dil = [int(d) for d in at.get("dilations", [1, 1])]
    if any(d != 1 for d in dil):
        raise im.fail(tr("attribute 'dilations' = {dil}: dilated windows are not in the catalogue").format(
                          dil=dil))
    return [int(k) for k in kernel], strides


def _padding_param(pads):
    return "valid" if pads == ((0, 0), (0, 0)) else [list(pads[0]), list(pads[1])]


def _image(im, what="input"):
    v = im.canonical(0, what)
    if len(v.labels) != 4:
        raise im.fail(tr("needs an image input [batch, C, H, W], got {layout}").format(
                          layout=im.describe(v)))
    return v


def conv(im, n):
    x = _image(im)
    at = im.attrs()
    w = im.const(1, "the weights W")
    b = im.const(2, "the bias B", required=False)
    if int(at.get("group", 1)) != 1:
        raise im.fail(tr("attribute 'group' = {group}: grouped / depthwise convolution is not in the "
                         "catalogue").format(group=at['group']))
    if w.ndim != 4:
        raise im.fail(tr("weights of rank {ndim}: dlstudio supports 2-D convolution only").format(
                          ndim=w.ndim))
    kernel, strides = _window_attrs(im, at, list(w.shape[2:]))
    c, h, wd = im.shapes[x.node]
    if w.shape[1] != c:
        raise im.fail(tr("the weights expect {n} input channels, the input has {c}").format(
                          n=w.shape[1], c=c))
    pads, _ = window_pads(im, (h, wd), kernel, strides, at)
    params = {"filters": int(w.shape[0]), "kernel_size": kernel, "strides": strides,
              "padding": _padding_param(pads), "use_bias": b is not None}
    weights = {"kernel": w}
    if b is not None:
        weights["bias"] = b
    im.set(0, View(im.add("Conv2D", params, [x], weights), x.labels))


def pool(im, n):
    x = _image(im)
    at = im.attrs()
    if n.op_type == "MaxPool" and len(n.output) > 1 and im.used(n.output[1]):
        raise im.fail(tr("output 'Indices' is used: argmax indices are not in the catalogue"))
    kernel, strides = _window_attrs(im, at)
    ceil = bool(at.get("ceil_mode", 0))
    c, h, w = im.shapes[x.node]
    pads, extra = window_pads(im, (h, w), kernel, strides, at, ceil)
    include = n.op_type == "AveragePool" and bool(at.get("count_include_pad", 0))
    params = {"pool_size": kernel, "strides": strides}
    if include and (pads != ((0, 0), (0, 0))):
        # the divisor counts the explicit padding but not ceil_mode's overhang: the catalogue's flags
        params.update(padding=_padding_param(pads), count_include_pad=True, ceil_mode=any(extra))
    else:
        # padding never wins a max and is not counted in this average: ceil_mode is more padding
        full = ((pads[0][0], pads[0][1] + extra[0]), (pads[1][0], pads[1][1] + extra[1]))
        params["padding"] = _padding_param(full)
    kind = "MaxPool2D" if n.op_type == "MaxPool" else "AvgPool2D"
    im.set(0, View(im.add(kind, params, [x]), x.labels))


def global_pool(im, n):
    x = _image(im)
    im.set(0, View(im.add("GlobalAvgPool2D", {}, [x]), ("N", "F", "1", "1")))


# ---- dense ------------------------------------------------------------------------------------
def gemm(im, n):
    at = im.attrs()
    if int(at.get("transA", 0)):
        raise im.fail(tr("attribute 'transA' = 1 on the data is not supported (the batch must stay "
                         "first)"))
    x = im.canonical(0)
    if len(x.labels) != 2:
        raise im.fail(tr("needs a [batch, features] input, got {layout}").format(
                          layout=im.describe(x)))
    b = im.const(1, "B")
    if b.ndim != 2:
        raise im.fail(tr("B has rank {ndim}, Gemm needs a matrix").format(ndim=b.ndim))
    kernel = (b.T if int(at.get("transB", 0)) else b) * np.float32(at.get("alpha", 1.0))
    f_in, units = kernel.shape
    if f_in != im.shapes[x.node][0]:
        raise im.fail(tr("B has {f_in} rows, the input has {shape} features").format(
                          f_in=f_in, shape=im.shapes[x.node][0]))
    c = im.const(2, "C", required=False)
    weights = {"kernel": kernel}
    if c is not None:
        try:
            bias = np.broadcast_to(np.asarray(c, np.float32) * np.float32(at.get("beta", 1.0)), (1, units))[0]
        except ValueError:
            raise im.fail(tr("C of shape {shape} is not a bias (one value per output)").format(
                              shape=list(c.shape))) from None
        weights["bias"] = bias
    params = {"units": int(units), "use_bias": c is not None}
    im.set(0, View(im.add("Dense", params, [x], weights), x.labels))


def matmul(im, n):
    x = im.canonical(0, "first input (the data)")
    b = im.const(1, "the second input (the weights)")
    if b.ndim != 2 or len(x.labels) not in (2, 3):
        raise im.fail(tr("only [batch, (time,) features] × matrix is supported, got {layout} × "
                         "{shape}").format(layout=im.describe(x), shape=list(b.shape)))
    if b.shape[0] != im.shapes[x.node][-1]:
        raise im.fail(tr("the matrix has {n} rows, the input has {shape} features").format(
                          n=b.shape[0], shape=im.shapes[x.node][-1]))
    nid = im.add("Dense", {"units": int(b.shape[1]), "use_bias": False}, [x], {"kernel": b})
    im.bias_free[n.output[0]] = nid
    im.set(0, View(nid, x.labels))


def add(im, n):
    a, b = im.get(0), im.get(1)
    if isinstance(a, np.ndarray) and isinstance(b, View):
        a, b = b, a
        src = n.input[1]
    else:
        src = n.input[0]
    if isinstance(a, View) and isinstance(b, np.ndarray):
        nid = im.bias_free.get(src)
        units = im.shapes[nid][-1] if nid else None
        if nid and im.consumers.get(src, 0) == 1 and src not in im.outputs and b.size in (1, units) \
                and (b.ndim <= 1 or all(d == 1 for d in b.shape[:-1])):
            im.net.node(nid).params["use_bias"] = True
            im.weights[f"{nid}.bias"] = np.broadcast_to(np.asarray(b, np.float32).reshape(-1), (units,)).copy()
            del im.bias_free[src]
            im.set(0, a)
            return
        raise im.fail(tr("a constant operand of Add is only supported as the bias right after a MatMul"))
    x, y = im.view(0), im.view(1)
    if x.labels != y.labels or im.onnx_shape(x) != im.onnx_shape(y):
        raise im.fail(tr("inputs of shapes {layout} and {layout2}: the catalogue's Add "
                         "needs equal shapes (no broadcasting)").format(
                          layout=im.describe(x), layout2=im.describe(y)))
    im.set(0, View(im.add("Add", {}, [x, y], hint=n.name or "add"), x.labels))


# ---- element-wise -----------------------------------------------------------------------------
def activation(im, n):
    x = im.view(0)
    at = im.attrs()
    params = {}
    if n.op_type == "LeakyRelu":
        params["alpha"] = float(at.get("alpha", 0.01))
        if not 0.0 <= params["alpha"] <= 1.0:
            raise im.fail(tr("attribute 'alpha' = {value}: the catalogue's LeakyReLU takes 0 … 1").format(
                              value=params['alpha']))
    if n.op_type == "Elu":
        params["alpha"] = float(at.get("alpha", 1.0))
        if not 0.0 <= params["alpha"] <= 10.0:
            raise im.fail(tr("attribute 'alpha' = {value}: the catalogue's ELU takes 0 … 10").format(
                              value=params['alpha']))
    kind = {"Relu": "ReLU", "Sigmoid": "Sigmoid", "Tanh": "Tanh", "LeakyRelu": "LeakyReLU", "Elu": "ELU"}[n.op_type]
    im.set(0, View(im.add(kind, params, [x]), x.labels))


def softmax(im, n):
    x = im.canonical(0)
    rank = len(x.labels)
    axis = int(im.attrs().get("axis", 1 if im.opset < 13 else -1)) % rank
    if axis != rank - 1:
        raise im.fail(tr("attribute 'axis' = {axis}: the catalogue's Softmax works over the last axis "
                         "(axis {last}) of {layout}").format(
                          axis=axis, last=rank - 1, layout=im.describe(x)))
    im.set(0, View(im.add("Softmax", {}, [x]), x.labels))


def batchnorm(im, n):
    x = im.canonical(0)
    at = im.attrs()
    if int(at.get("training_mode", 0)):
        raise im.fail(tr("attribute 'training_mode' = 1: only the inference form is supported"))
    if not int(at.get("spatial", 1)):
        raise im.fail(tr("attribute 'spatial' = 0 is not supported"))
    if any(im.used(o) for o in n.output[1:]):
        raise im.fail(tr("the running-statistics outputs are used: only the inference form is supported"))
    if len(x.labels) not in (2, 4):
        raise im.fail(tr("input {layout}: ONNX normalises axis 1, the catalogue's BatchNorm a "
                         "sequence's features — only images and vectors are supported").format(
                          layout=im.describe(x)))
    gamma, beta, mean, var = (im.const(i, nm) for i, nm in ((1, "scale"), (2, "B"), (3, "mean"), (4, "var")))
    params = {"momentum": float(at.get("momentum", 0.9)), "epsilon": float(at.get("epsilon", 1e-5))}
    weights = {"gamma": gamma, "beta": beta, "moving_mean": mean, "moving_var": var}
    im.set(0, View(im.add("BatchNorm", params, [x], weights), x.labels))


def dropout(im, n):
    x = im.view(0)
    if len(n.output) > 1 and im.used(n.output[1]):
        raise im.fail(tr("output 'mask' is used: not in the catalogue"))
    if im.opset < 12:
        rate = float(im.attrs().get("ratio", 0.5))
    else:
        r = im.const(1, "ratio", required=False)
        rate = 0.5 if r is None else float(r)
        t = im.const(2, "training_mode", required=False)
        if t is not None and bool(t):
            raise im.fail(tr("input 'training_mode' is true: only inference graphs are supported"))
    if rate <= 0.0:
        im.set(0, x)
        return
    if rate > 0.95:
        raise im.fail(tr("attribute 'ratio' = {rate}: the catalogue's Dropout takes 0 … 0.95").format(
                          rate=rate))
    im.set(0, View(im.add("Dropout", {"rate": rate}, [x]), x.labels))


# ---- recurrent ----------------------------------------------------------------------------------
def recurrent(im, n):
    lstm = n.op_type == "LSTM"
    at = im.attrs()
    direction = _s(at.get("direction"), "forward")
    if direction != "forward":
        raise im.fail(tr("attribute 'direction' = {direction}: only forward recurrent layers are in the "
                         "catalogue").format(direction=direction))
    acts = [_s(a).lower() for a in at.get("activations", [])]
    default = ["sigmoid", "tanh", "tanh"] if lstm else ["tanh"]
    if acts and acts != default:
        raise im.fail(tr("attribute 'activations' = {acts}: the catalogue's {op_type} uses {default}").format(
                          acts=acts, op_type=n.op_type, default=default))
    for name in ("clip", "activation_alpha", "activation_beta"):
        if name in at:
            raise im.fail(tr("attribute '{name}' is not supported (the catalogue's cells do not clip or "
                             "scale)").format(name=name))
    if lstm and int(at.get("input_forget", 0)):
        raise im.fail(tr("attribute 'input_forget' = 1 (coupled gates) is not in the catalogue"))
    layout = int(at.get("layout", 0))
    x = im.view(0)
    want = ("N", "T", "F") if layout else ("T", "N", "F")
    if len(im.shapes[x.node]) != 2 or x.labels != want:
        raise im.fail(tr("input X {layout} must be a sequence in layout "
                         "{expected}").format(
                          layout=im.describe(x),
                          expected="[batch, time, features]" if layout else "[time, batch, features]"))
    t_steps, feats = im.shapes[x.node]
    w, r = im.const(1, "W"), im.const(2, "R")
    b = im.const(3, "B", required=False)
    gates = 4 if lstm else 1
    hidden = int(at.get("hidden_size", r.shape[-1]))
    if w.shape != (1, gates * hidden, feats) or r.shape != (1, gates * hidden, hidden):
        raise im.fail(tr("W {shape} / R {shape2} do not fit hidden_size {hidden} and {feats} features").format(
                          shape=list(w.shape), shape2=list(r.shape), hidden=hidden, feats=feats))
    seq = im.get(4) if len(n.input) > 4 else None
    if seq is not None and not (isinstance(seq, np.ndarray) and np.all(seq == t_steps)):
        raise im.fail(tr("input 'sequence_lens' shorter than the sequence is not supported (every "
                         "sample has T steps)"))
    for i, nm in ((5, "initial_h"), (6, "initial_c")):
        v = im.get(i) if len(n.input) > i else None
        if v is not None and not isinstance(v, Zeros) and not (isinstance(v, np.ndarray) and not np.any(v)):
            raise im.fail(tr("input '{nm}' is not zero: the catalogue's layers start from a zero state").format(
                              nm=nm))
    if lstm and len(n.input) > 7 and n.input[7]:
        raise im.fail(tr("input 'P' (peephole connections) is not in the catalogue"))
    bias = np.zeros(2 * gates * hidden, np.float32) if b is None else b.reshape(-1)
    bias = bias[:gates * hidden] + bias[gates * hidden:]
    kernel, rec = w[0], r[0]
    if lstm:  # ONNX gate blocks i, o, f, c → the catalogue's i, f, g, o
        order = [0, 2, 3, 1]
        kernel = kernel.reshape(4, hidden, feats)[order].reshape(4 * hidden, feats)
        rec = rec.reshape(4, hidden, hidden)[order].reshape(4 * hidden, hidden)
        bias = bias.reshape(4, hidden)[order].reshape(-1)
    used = [im.used(o) if i < len(n.output) else False for i, o in enumerate(list(n.output) + ["", ""])][:3]
    if lstm and used[2]:
        raise im.fail(tr("output 'Y_c' (the cell state) is used: not an output of the catalogue's LSTM"))
    if used[0] and used[1]:
        raise im.fail(tr("outputs 'Y' and 'Y_h' are both used: the catalogue's layer outputs one of them"))
    seqs = bool(used[0])
    nid = im.add("LSTM" if lstm else "SimpleRNN", {"units": hidden, "return_sequences": seqs},
                 [View(x.node, ("N", "T", "F"))],
                 {"kernel": kernel.T, "recurrent_kernel": rec.T, "bias": bias})
    if seqs:
        im.set(0, View(nid, ("N", "T", "1", "F") if layout else ("T", "1", "N", "F")))
    else:
        im.set(1, View(nid, ("N", "1", "F") if layout else ("1", "N", "F")))


def register_layers(op):
    op("Conv")(conv)
    op("MaxPool", "AveragePool")(pool)
    op("GlobalAveragePool")(global_pool)
    op("Gemm")(gemm)
    op("MatMul")(matmul)
    op("Add")(add)
    op("Relu", "Sigmoid", "Tanh", "LeakyRelu", "Elu")(activation)
    op("Softmax")(softmax)
    op("BatchNormalization")(batchnorm)
    op("Dropout")(dropout)
    op("Flatten")(flatten)
    op("Reshape")(reshape)
    op("LSTM", "RNN")(recurrent)
