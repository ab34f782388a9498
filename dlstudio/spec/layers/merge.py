"""Add (residual connections) and Concatenate (channel axis)."""
from __future__ import annotations

from ..catalogue import Cost, LayerType, ShapeError, prod, register


def _add_shape(params, in_shapes):
    first = in_shapes[0]
    for i, s in enumerate(in_shapes[1:], start=2):
        if s != first:
            raise ShapeError(f"Add needs equal input shapes; input 1 is {list(first)}, input {i} is {list(s)}")
    return first


def concat_axis(shape) -> int:
    """Images join on channels (axis 0); vectors and sequences on features (last axis)."""
    return 0 if len(shape) == 3 else len(shape) - 1


def _concat_shape(params, in_shapes):
    first = in_shapes[0]
    axis = concat_axis(first)
    what = "channels" if axis == 0 else "features"
    for i, s in enumerate(in_shapes[1:], start=2):
        if len(s) != len(first) or any(a != b for j, (a, b) in enumerate(zip(s, first)) if j != axis):
            raise ShapeError(f"Concatenate joins along {what}; the other sizes must match: "
                             f"input 1 is {list(first)}, input {i} is {list(s)}")
    out = list(first)
    out[axis] = sum(s[axis] for s in in_shapes)
    return tuple(out)


register(LayerType(
    name="Add", group="Merge",
    help="Adds its inputs element by element — the skip connection of a residual block.",
    shape_rule=_add_shape, min_inputs=2, max_inputs=None,
    cost_rule=lambda params, in_shapes, out: Cost(flops=(len(in_shapes) - 1) * prod(out)),
))
register(LayerType(
    name="Concatenate", group="Merge",
    help="Stacks its inputs along channels (images) or features — how Inception joins its branches.",
    shape_rule=_concat_shape, min_inputs=2, max_inputs=None,
))
