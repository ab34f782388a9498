"""Add (residual connections) and Concatenate (channel axis)."""
from __future__ import annotations

from ...i18n import tr
from ..catalogue import Cost, LayerType, ShapeError, prod, register


def _add_shape(params, in_shapes):
    first = in_shapes[0]
    for i, s in enumerate(in_shapes[1:], start=2):
        if s != first:
            raise ShapeError(tr("Add needs equal input shapes; input 1 is {first}, input {i} is "
                                "{shape}").format(
                                 first=list(first), i=i, shape=list(s)))
    return first


def concat_axis(shape) -> int:
    """Images join on channels (axis 0); vectors and sequences on features (last axis)."""
    return 0 if len(shape) == 3 else len(shape) - 1


def _concat_shape(params, in_shapes):
    first = in_shapes[0]
    axis = concat_axis(first)
    what = tr("channels") if axis == 0 else tr("features")
    for i, s in enumerate(in_shapes[1:], start=2):
        if len(s) != len(first) or any(a != b for j, (a, b) in enumerate(zip(s, first)) if j != axis):
            raise ShapeError(tr("Concatenate joins along {what}; the other sizes must match: input 1 is "
                                "{first}, input {i} is {shape}").format(
                                 what=what, first=list(first), i=i, shape=list(s)))
    out = list(first)
    out[axis] = sum(s[axis] for s in in_shapes)
    return tuple(out)


register(LayerType(
    name="Add", group=tr("Merge"),
    help=tr("Adds its inputs element by element — the skip connection of a residual block."),
    shape_rule=_add_shape, min_inputs=2, max_inputs=None,
    cost_rule=lambda params, in_shapes, out: Cost(flops=(len(in_shapes) - 1) * prod(out)),
))
register(LayerType(
    name="Concatenate", group=tr("Merge"),
    help=tr("Stacks its inputs along channels (images) or features — how Inception joins its branches."),
    shape_rule=_concat_shape, min_inputs=2, max_inputs=None,
))
