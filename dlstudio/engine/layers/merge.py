"""Add and Concatenate: layers with two or more inputs (given in edge order)."""
from __future__ import annotations

import numpy as np

from ...spec.layers.merge import concat_axis
from .base import Layer, engine_layer


@engine_layer("Add")
class Add(Layer):
    """Element-wise sum of k ≥ 2 equal-shaped inputs; each input receives the whole gradient."""

    def forward(self, inputs, training):
        self._k = len(inputs)
        out = inputs[0] + inputs[1]
        for x in inputs[2:]:
            out += x
        return out

    def backward(self, dout):
        if not self.need_dx:
            return [None] * self._k
        return [dout] * self._k


@engine_layer("Concatenate")
class Concatenate(Layer):
    """Joins its inputs along channels (images) or the last axis (vectors, sequences).

    The batch axis comes first, so the array axis is concat_axis(per-sample shape) + 1.
    Backward hands each input its own contiguous slice of the gradient."""

    def __init__(self, node_id, params, in_shapes, out_shape, dtype):
        super().__init__(node_id, params, in_shapes, out_shape, dtype)
        a = concat_axis(in_shapes[0])
        self.axis = a + 1
        self.bounds = np.cumsum([0] + [s[a] for s in in_shapes]).tolist()

    def forward(self, inputs, training):
        return np.concatenate(inputs, axis=self.axis)

    def backward(self, dout):
        k = len(self.in_shapes)
        if not self.need_dx:
            return [None] * k
        index = [slice(None)] * dout.ndim
        grads = []
        for lo, hi in zip(self.bounds[:-1], self.bounds[1:]):
            index[self.axis] = slice(lo, hi)
            grads.append(np.ascontiguousarray(dout[tuple(index)]))
        return grads
