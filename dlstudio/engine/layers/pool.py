"""MaxPool2D, AvgPool2D, GlobalAvgPool2D on NCHW batches (kernels in kernels/pool.py).

Pool size and strides are (h, w) pairs, strides defaulting to the pool size; padding is
"valid", "same" (TensorFlow's split, odd pixel at the bottom / right) or explicit
[[top, bottom], [left, right]]. Padding never wins a max and is not counted in an average.
A window lying wholly in padding (explicit padding larger than the pool) outputs 0.
ceil_mode (spec/layers/pool.py) only adds output rows / columns: the kernels clip every window to
the input. AvgPool2D's count_include_pad rescales the real-element average per output cell.
"""
from __future__ import annotations

import numpy as np

from ..chunks import run_chunks, threads_for
from ..kernels import pool as K
from ...spec.layers.conv import resolve_padding
from ...spec.layers.pool import pool_strides
from .base import Layer, engine_layer


class _Pool2D(Layer):
    def __init__(self, node_id, params, in_shapes, out_shape, dtype):
        super().__init__(node_id, params, in_shapes, out_shape, dtype)
        c, h, w = in_shapes[0]
        self.kh, self.kw = (int(v) for v in params["pool_size"])
        self.sh, self.sw = (int(v) for v in pool_strides(params))
        (pt, pb), (pl, pr) = resolve_padding(params["padding"], (h, w), (self.kh, self.kw), (self.sh, self.sw))
        self.pt, self.pl = int(pt), int(pl)
        self.in_hw = (h, w)
        self.scale = None
        if params.get("count_include_pad") and (pt or pb or pl or pr):
            self.scale = self._include_pad_scale(h, w, pb, pr).astype(dtype)

    def _include_pad_scale(self, h, w, pb, pr):
        """(OH, OW) real-element count / window count including explicit padding: turns the
        kernels' average over real elements into count_include_pad's. ceil_mode's overhang past
        the bottom / right padding is counted in neither."""
        _c, oh, ow = self.out_shape

        def counts(n, k, s, before, after, size):
            start = np.arange(size) * s - before
            real = np.minimum(start + k, n) - np.maximum(start, 0)
            whole = np.minimum(start + k, n + after) - start
            return np.maximum(real, 0), whole

        rh, wh = counts(h, self.kh, self.sh, self.pt, pb, oh)
        rw, ww = counts(w, self.kw, self.sw, self.pl, pr, ow)
        return np.outer(rh, rw) / np.outer(wh, ww)

    def _chunks(self, n: int) -> int:
        """Threads for a batch of n: 1 (serial) when the work is too small to be worth them."""
        c, oh, ow = self.out_shape
        return threads_for(n * c * oh * ow * self.kh * self.kw, n * c)

    def _window(self):
        return self.kh, self.kw, self.sh, self.sw, self.pt, self.pl

    def _grad_buffers(self, dout):
        """dout made contiguous, and an (N, C, H·W) input-gradient buffer for the kernels."""
        dy = np.ascontiguousarray(dout)
        h, w = self.in_hw
        return dy, np.empty((dy.shape[0], dy.shape[1], h * w), dy.dtype)


@engine_layer("MaxPool2D")
class MaxPool2D(_Pool2D):
    def forward(self, inputs, training):
        x = np.ascontiguousarray(inputs[0])
        n = x.shape[0]
        y = np.empty((n, *self.out_shape), x.dtype)
        arg = np.empty((n, *self.out_shape), np.int64)
        if self._window() == (2, 2, 2, 2, 0, 0) and 2 * y.shape[2] <= x.shape[2] and 2 * y.shape[3] <= x.shape[3]:
            run_chunks(K.maxpool2d_forward_2x2, self._chunks(n), x, y, arg)   # every window inside x
        else:
            run_chunks(K.maxpool2d_forward, self._chunks(n), x, *self._window(), y, arg)
        self._arg = arg
        return y

    def backward(self, dout):
        if not self.need_dx:
            return [None]
        dy, dx = self._grad_buffers(dout)
        run_chunks(K.maxpool2d_backward, self._chunks(len(dy)), dy, self._arg, dx)
        return [dx.reshape(len(dy), dy.shape[1], *self.in_hw)]


@engine_layer("AvgPool2D")
class AvgPool2D(_Pool2D):
    def forward(self, inputs, training):
        x = np.ascontiguousarray(inputs[0])
        n = x.shape[0]
        y = np.empty((n, *self.out_shape), x.dtype)
        run_chunks(K.avgpool2d_forward, self._chunks(n), x, *self._window(), y)
        if self.scale is not None:
            y *= self.scale
        return y

    def backward(self, dout):
        if not self.need_dx:
            return [None]
        dy, dx = self._grad_buffers(dout if self.scale is None else dout * self.scale)
        run_chunks(K.avgpool2d_backward, self._chunks(len(dy)), dy, self.in_hw[1], *self._window(), dx)
        return [dx.reshape(len(dy), dy.shape[1], *self.in_hw)]


@engine_layer("GlobalAvgPool2D")
class GlobalAvgPool2D(Layer):
    """(N, C, H, W) → (N, C): the mean of each plane. Plain NumPy: one streaming pass."""

    def forward(self, inputs, training):
        x = inputs[0]
        n, c = x.shape[0], x.shape[1]
        return x.reshape(n, c, -1).mean(axis=2, dtype=x.dtype)

    def backward(self, dout):
        if not self.need_dx:
            return [None]
        c, h, w = self.in_shapes[0]
        dx = np.empty((dout.shape[0], c, h, w), dout.dtype)
        dx[...] = (dout * dout.dtype.type(1.0 / (h * w)))[:, :, None, None]
        return [dx]
