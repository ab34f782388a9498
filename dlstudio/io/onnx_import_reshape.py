"""ONNX Flatten / Reshape → the catalogue's Flatten, Reshape, or nothing.

A Reshape becomes
- nothing, when the target is the input's own shape;
- a Flatten (or nothing, for a vector), when it keeps the batch and flattens the rest
  (`[batch, -1]`, `[0, -1]`, `[-1, rest]`, torch's `x.view(x.size(0), -1)`);
- a Reshape layer, when it keeps the batch axis (`0`, the batch taken from `Shape`, or a -1
  that can only be the batch) and the rest is a constant per-sample shape of 1 to 3 sizes.
Anything else (a batch axis folded into others, a target computed from the data) is refused.
"""
from __future__ import annotations

import numpy as np

from ..i18n import tr
from .onnx_import import CANON, ShapeVal, View


def flatten_view(im, x: View) -> View:
    """`x` flattened behind its batch axis: the node itself for a vector, else a new Flatten."""
    rest = tuple(lab for lab in x.labels[1:] if lab != "1")
    if x.labels[0] != "N" or ("N",) + rest != im.canon(x.node):
        raise im.fail(tr("flattening {layout} keeps the batch first only for batch-first values").format(
                          layout=im.describe(x)))
    if len(rest) == 1:
        return View(x.node, ("N", "F"))
    return View(im.add("Flatten", {}, [View(x.node, im.canon(x.node))]), ("N", "F"))


def flatten(im, n):
    x = im.view(0)
    axis = int(im.attrs().get("axis", 1)) % (len(x.labels) + 1)
    if axis != 1:
        raise im.fail(tr("attribute 'axis' = {axis}: only axis 1 (keep the batch, flatten the rest) is "
                         "supported").format(axis=axis))
    im.set(0, flatten_view(im, x))


def _target(im):
    t = im.get(1)
    if isinstance(t, ShapeVal):
        return list(t.dims)
    if isinstance(t, np.ndarray):
        return [int(v) for v in np.ravel(t)]
    raise im.fail(tr("the target shape must be a constant or computed from the input's shape"))


def _per_sample(im, x: View, dims: list, per_sample: int) -> list[int] | None:
    """The per-sample target of a Reshape that keeps the batch axis first, or None."""
    if x.labels[0] != "N" or not dims or any(d is None for d in dims[1:]):
        return None
    rest = [int(d) for d in dims[1:]]
    if dims[0] is None and rest.count(-1) <= 1:
        return rest
    if dims[0] == -1 and -1 not in rest and int(np.prod(rest)) == per_sample:
        return rest  # the -1 can only be the batch
    return None


def reshape(im, n):
    x = im.view(0)
    target = _target(im)
    allowzero = int(im.attrs().get("allowzero", 0))
    cur = im.onnx_shape(x)
    dims = [cur[i] if (d == 0 and not allowzero and i < len(cur)) else d for i, d in enumerate(target)]
    per_sample = int(np.prod([d for d in cur[1:] if d is not None])) if cur[0] is None else None
    if per_sample is not None and len(dims) == 2 and dims[1] in (-1, per_sample) and \
            (dims[0] is None or (dims[0] == -1 and dims[1] == per_sample)):
        im.set(0, flatten_view(im, x))
        return
    if len(dims) == len(cur) and all(d == c or (c is None and d in (None, -1)) for d, c in zip(dims, cur)):
        im.set(0, x)
        return
    shown = ["batch" if d is None else d for d in target]
    rest = _per_sample(im, x, dims, per_sample) if per_sample is not None else None
    if rest is None or not 1 <= len(rest) <= 3 or any(d < 1 and d != -1 for d in rest):
        raise im.fail(tr("input 'shape' = {shown}: a Reshape of {layout} must keep the batch first and "
                         "give 1 to 3 fixed sizes per sample").format(shown=shown, layout=im.describe(x)))
    labels = tuple(lab for lab in x.labels[1:] if lab != "1")
    if ("N",) + labels != im.canon(x.node):
        raise im.fail(tr("input 'shape' = {shown}: the data {layout} is not batch first in the "
                         "catalogue's layout").format(shown=shown, layout=im.describe(x)))
    nid = im.add("Reshape", {"shape": rest}, [View(x.node, im.canon(x.node))])
    im.net.node(nid).params["shape"] = list(im.shapes[nid])   # the document shows the sizes, no -1
    im.set(0, View(nid, CANON[len(im.shapes[nid])]))
