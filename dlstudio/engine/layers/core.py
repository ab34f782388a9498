"""Input, Identity, Flatten, Reshape, Dense, Dropout."""
from __future__ import annotations

import numpy as np

from ..init import bias_init, kernel_init
from .base import Layer, engine_layer


@engine_layer("Input")
class Input(Layer):
    def forward(self, inputs, training):
        return inputs[0]

    def backward(self, dout):
        return []


@engine_layer("Identity")
class Identity(Layer):
    def forward(self, inputs, training):
        return inputs[0]

    def backward(self, dout):
        return [dout]


@engine_layer("Flatten")
class Flatten(Layer):
    def forward(self, inputs, training):
        x = inputs[0]
        return x.reshape(x.shape[0], -1)

    def backward(self, dout):
        return [dout.reshape(dout.shape[0], *self.in_shapes[0])]


@engine_layer("Reshape")
class Reshape(Layer):
    """(N, *in) → (N, *shape): a view of the batch; the gradient is reshaped back."""

    def forward(self, inputs, training):
        x = inputs[0]
        return x.reshape(x.shape[0], *self.out_shape)

    def backward(self, dout):
        return [dout.reshape(dout.shape[0], *self.in_shapes[0])]


@engine_layer("Dense")
class Dense(Layer):
    """y = x W + b on vectors (N, F), or per time step on sequences (N, T, F)."""

    def init(self, rng, next_types):
        fan_in, units = self.w["kernel"].shape
        self.w["kernel"][...] = kernel_init(rng, (fan_in, units), fan_in, units, next_types, self.dtype)
        if "bias" in self.w:
            self.w["bias"][...] = bias_init(rng, units, fan_in, next_types, self.dtype)

    def forward(self, inputs, training):
        x = inputs[0]
        self._x = x2 = x.reshape(-1, x.shape[-1])
        y = x2 @ self.w["kernel"]
        if "bias" in self.w:
            y += self.w["bias"]
        return y.reshape(*x.shape[:-1], y.shape[-1])

    def forward_fused(self, x: np.ndarray, scale: np.ndarray, shift: np.ndarray) -> np.ndarray:
        """Inference only: scale · (x W + b) + shift per unit — a BatchNorm in inference mode
        folded into the kernel's columns and the bias (engine/inference.py)."""
        kernel = (self.w["kernel"] * scale).astype(self.dtype)
        bias = self.w["bias"] * scale + shift if "bias" in self.w else shift
        x2 = x.reshape(-1, x.shape[-1])
        y = x2 @ kernel
        y += bias.astype(self.dtype)
        return y.reshape(*x.shape[:-1], y.shape[-1])

    def backward(self, dout):
        d2 = dout.reshape(-1, dout.shape[-1])
        np.matmul(self._x.T, d2, out=self.g["kernel"])
        if "bias" in self.g:
            np.sum(d2, axis=0, out=self.g["bias"])
        if not self.need_dx:
            return [None]
        dx = d2 @ self.w["kernel"].T
        return [dx.reshape(*dout.shape[:-1], dx.shape[-1])]


@engine_layer("Dropout")
class Dropout(Layer):
    """Inverted dropout: kept values are scaled by 1 / (1 − rate) while training."""

    def set_rng(self, rng):
        self._rng = rng

    def forward(self, inputs, training):
        x = inputs[0]
        rate = self.params["rate"]
        if not training or rate == 0:
            self._mask = None
            return x
        keep = 1.0 - rate
        self._mask = (self._rng.random(x.shape, dtype=np.float32) < keep).astype(x.dtype) / x.dtype.type(keep)
        return x * self._mask

    def backward(self, dout):
        return [dout if self._mask is None else dout * self._mask]
