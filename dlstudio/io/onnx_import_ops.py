"""One function per ONNX operator: how it becomes catalogue layers (see onnx_import.py).

Semantics follow the ONNX operator specification (docs/Operators.md); the pooling output size
with ceil_mode is the one onnxruntime and PyTorch use (the last window must start inside the
input or its leading padding).
"""
from __future__ import annotations

import numpy as np

from ..i18n import message, tr
from .onnx_import import CANON, ShapeVal, View, Zeros

CONVERTERS = {}


def op(*names):
    def deco(fn):
        for n in names:
            CONVERTERS[n] = fn
        return fn
    return deco


def convert(im, n) -> None:
    ins = [im.values.get(x) for x in n.input if x]
    if n.op_type not in NEVER_FOLD and ins and all(isinstance(v, np.ndarray) for v in ins):
        return fold(im, n)
    fn = CONVERTERS.get(n.op_type)
    if fn is None:
        raise im.fail("this operator is not supported (supported: " + ", ".join(sorted(SUPPORTED)) + ")")
    fn(im, n)


NEVER_FOLD = {"Shape", "Constant"}


def fold(im, n) -> None:
    """An operator whose inputs are all constants: computed now with ONNX's reference evaluator."""
    from onnx import helper
    from onnx.reference import ReferenceEvaluator
    inputs = [x for x in n.input if x]
    vals = {x: im.values[x] for x in inputs}
    g = helper.make_graph(
        [n], "fold",
        [helper.make_tensor_value_info(x, helper.np_dtype_to_tensor_dtype(v.dtype), v.shape) for x, v in vals.items()],
        [helper.make_tensor_value_info(o, 0, None) for o in n.output if o])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", im.opset)])
    try:
        res = ReferenceEvaluator(m).run(None, vals)
    except Exception as e:  # the reference evaluator raises many kinds
        raise im.fail(tr("cannot compute it on its constant inputs ({type}: {error})").format(
                          type=type(e).__name__, error=message(e))) from None
    for o, r in zip([o for o in n.output if o], res):
        im.values[o] = np.asarray(r)


def _str(v, default=""):
    if v is None:
        return default
    return v.decode() if isinstance(v, bytes) else str(v)


# ---- shape plumbing ---------------------------------------------------------------------------
@op("Constant")
def _constant(im, n):
    from onnx import numpy_helper
    a = n.attribute[0]
    if a.name == "value":
        im.set(0, numpy_helper.to_array(a.t))
    elif a.name in ("value_int", "value_float"):
        im.set(0, np.array(a.i if a.name == "value_int" else a.f))
    elif a.name in ("value_ints", "value_floats"):
        im.set(0, np.array(list(a.ints) if a.name == "value_ints" else list(a.floats)))
    else:
        raise im.fail(tr("attribute '{name}' is not supported").format(name=a.name))


@op("Shape")
def _shape(im, n):
    v = im.get(0)
    dims = list(v.shape) if isinstance(v, np.ndarray) else im.onnx_shape(im.view(0))
    at = im.attrs()
    start, end = at.get("start", 0), at.get("end", None)
    dims = dims[start:end]
    im.set(0, np.array(dims, np.int64) if None not in dims else ShapeVal(dims))


@op("Gather")
def _gather(im, n):
    v, idx = im.get(0), im.const(1, "indices")
    axis = im.attrs().get("axis", 0)
    if isinstance(v, ShapeVal):
        picked = [v.dims[int(i)] for i in np.ravel(idx)]
        if None not in picked:
            im.set(0, np.array(picked[0] if idx.ndim == 0 else picked, np.int64))
        else:
            im.set(0, ShapeVal(picked, scalar=idx.ndim == 0))
        return
    w = im.view(0)
    axis = axis % len(w.labels)
    size = im.size(w.node, w.labels[axis])
    if idx.ndim == 0 and size == 1 and int(idx) in (0, -1):
        im.set(0, View(w.node, w.labels[:axis] + w.labels[axis + 1:]))
        return
    raise im.fail(tr("only picking the single element of a unit axis is supported on the data (axis "
                     "{axis} has size {size}) — select time steps with return_sequences instead").format(
                      axis=axis, size=size))


@op("Unsqueeze")
def _unsqueeze(im, n):
    v = im.get(0)
    axes = im.attrs().get("axes") if im.opset < 13 else im.const(1, "axes")
    axes = [int(a) for a in np.ravel(axes)]
    if isinstance(v, ShapeVal):
        if v.scalar and axes in ([0], [-1]):
            im.set(0, ShapeVal(list(v.dims)))
            return
        raise im.fail(tr("unsqueezing a shape vector is not supported"))
    w = im.view(0)
    labels = list(w.labels)
    rank = len(labels) + len(axes)
    for a in sorted(x % rank for x in axes):
        labels.insert(a, "1")
    im.set(0, View(w.node, tuple(labels)))


@op("Squeeze")
def _squeeze(im, n):
    w = im.view(0)
    axes = im.attrs().get("axes") if im.opset < 13 else im.const(1, "axes", required=False)
    rank = len(w.labels)
    if axes is None:
        drop = {i for i, lab in enumerate(w.labels) if im.size(w.node, lab) == 1}
    else:
        drop = {int(a) % rank for a in np.ravel(axes)}
    for i in drop:
        if w.labels[i] != "1":
            raise im.fail(tr("attribute 'axes': axis {i} is not a unit axis added by an earlier "
                             "operator").format(
                              i=i))
    im.set(0, View(w.node, tuple(lab for i, lab in enumerate(w.labels) if i not in drop)))


@op("Transpose")
def _transpose(im, n):
    w = im.view(0)
    perm = im.attrs().get("perm") or list(range(len(w.labels)))[::-1]
    im.set(0, View(w.node, tuple(w.labels[p] for p in perm)))


@op("Concat")
def _concat(im, n):
    vals = [im.get(i) for i in range(len(n.input))]
    axis = im.attrs().get("axis")
    if all(isinstance(v, (ShapeVal, np.ndarray)) for v in vals):
        dims = []
        for v in vals:
            dims += v.dims if isinstance(v, ShapeVal) else [int(x) for x in np.ravel(v)]
        im.set(0, ShapeVal(dims) if None in dims else np.array(dims, np.int64))
        return
    views = [im.canonical(i, f"input {i + 1}") for i in range(len(n.input))]
    rank = len(views[0].labels)
    if any(len(v.labels) != rank for v in views):
        raise im.fail(tr("the inputs have different ranks"))
    canon = im.canon(views[0].node)
    want = 1 if rank == 4 else rank - 1
    if axis % rank != want:
        raise im.fail(tr("attribute 'axis' = {axis}: the catalogue's Concatenate joins "
                         "{axis_name} of {canon}").format(
                          axis=axis,
                          axis_name=(tr("channels (axis 1)") if rank == 4
                                     else tr("the last axis ({n})").format(n=rank - 1)),
                          canon=list(canon)))
    im.set(0, View(im.add("Concatenate", {}, views), canon))


@op("ConstantOfShape")
def _constant_of_shape(im, n):
    from onnx import numpy_helper
    shape = im.get(0)
    at = n.attribute
    value = numpy_helper.to_array(at[0].t) if at else np.zeros(1, np.float32)
    if isinstance(shape, ShapeVal):
        if np.any(value != 0):
            raise im.fail(tr("a non-zero tensor whose shape depends on the batch is not supported"))
        im.set(0, Zeros())
        return
    fold(im, n)


@op("Expand")
def _expand(im, n):
    v = im.get(0)
    if isinstance(v, (np.ndarray, Zeros)) and not np.any(np.asarray(v if isinstance(v, np.ndarray) else 0)):
        im.set(0, Zeros())
        return
    raise im.fail(tr("only expanding zeros (an initial state) is supported"))


@op("Cast")
def _cast(im, n):
    v = im.get(0)
    if isinstance(v, (ShapeVal, Zeros)):
        im.set(0, v)
        return
    w = im.view(0)
    from onnx import TensorProto
    if im.attrs().get("to") not in (TensorProto.FLOAT, TensorProto.DOUBLE, TensorProto.FLOAT16):
        raise im.fail(tr("attribute 'to': only casts between floating-point types can apply to the data"))
    im.set(0, w)


@op("Identity")
def _identity(im, n):
    im.set(0, im.get(0))


# ---- layers -----------------------------------------------------------------------------------
from .onnx_import_layers import register_layers  # noqa: E402

register_layers(op)
SUPPORTED = set(CONVERTERS) - {"Cast", "Constant", "ConstantOfShape", "Expand", "Shape", "Gather",
                               "Unsqueeze", "Squeeze", "Transpose"}
__all__ = ["CANON", "convert"]
