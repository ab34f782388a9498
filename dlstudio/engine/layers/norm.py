"""BatchNorm (kernels in kernels/norm.py).

Axes: per channel for images (N, C, H, W) — statistics over N, H, W; per feature for vectors
(N, F) and sequences (N, T, F) — statistics over N (and T).

Training mode normalises with the batch statistics, using the biased variance (divided by M,
the number of values per channel):

    y = gamma · (x − mean_B) / sqrt(var_B + epsilon) + beta

and updates the non-trainable moving statistics with Keras's convention (`momentum` is the
fraction of the old value that is kept, default 0.99):

    moving_mean ← momentum · moving_mean + (1 − momentum) · mean_B
    moving_var  ← momentum · moving_var  + (1 − momentum) · var_B · M / (M − 1)

i.e. the moving variance tracks the UNBIASED batch variance (as PyTorch does; Keras uses the
biased one). It estimates the population variance, which is what inference should divide by.
With M = 1 (one vector in the batch) the unbiased variance is undefined: the moving variance
is then left as it is (the moving mean is still updated). Such a batch normalises every value
to beta in training; epsilon keeps it finite.

Inference mode uses the moving statistics: y = gamma · (x − moving_mean) / sqrt(moving_var +
epsilon) + beta. The backward pass follows the mode of the last forward: the full batch-norm
gradient through the batch statistics in training mode, the fixed affine map in inference mode.

Weights: gamma (init 1), beta (init 0) trainable; moving_mean (init 0), moving_var (init 1)
non-trainable, in the model's `state` buffer.
"""
from __future__ import annotations

import numpy as np

from ..chunks import run_chunks, threads_for
from ..kernels import norm as K
from .base import Layer, engine_layer


@engine_layer("BatchNorm")
class BatchNorm(Layer):
    def init(self, rng, next_types):
        self.w["gamma"][...] = 1
        self.w["beta"][...] = 0
        self.w["moving_mean"][...] = 0
        self.w["moving_var"][...] = 1

    @staticmethod
    def _chunks(size: int, channels: int) -> int:
        """Threads for `size` values over `channels`: 1 (serial) below config.PARALLEL_MIN_WORK."""
        return threads_for(size, channels)

    def _as3d(self, a: np.ndarray) -> np.ndarray:
        if len(self.in_shapes[0]) == 3:
            return a.reshape(a.shape[0], a.shape[1], -1)
        return a.reshape(-1, a.shape[-1], 1)

    def inference_affine(self) -> tuple[np.ndarray, np.ndarray]:
        """(scale, shift) per channel, float64: inference mode is y = scale · x + shift, what a
        layer before it can fold into its own weights (engine/inference.py)."""
        t = np.asarray(self.w["moving_var"], np.float64) + float(self.params["epsilon"])
        inv_std = np.where(t > 0, 1.0 / np.sqrt(np.maximum(t, 1e-300)), 0.0)
        scale = np.asarray(self.w["gamma"], np.float64) * inv_std
        return scale, np.asarray(self.w["beta"], np.float64) - np.asarray(self.w["moving_mean"], np.float64) * scale

    def forward(self, inputs, training):
        x = np.ascontiguousarray(inputs[0])
        x3 = self._as3d(x)
        dt = x.dtype
        c = x3.shape[1]
        eps = float(self.params["epsilon"])
        chunks = self._chunks(x.size, c)
        y = np.empty_like(x)
        if training:
            mean, var, inv_std = np.empty(c, dt), np.empty(c, dt), np.empty(c, dt)
        else:
            mean, var = np.array(self.w["moving_mean"], dt), np.array(self.w["moving_var"], dt)
            t = var.astype(np.float64) + eps
            inv_std = np.where(t > 0, 1.0 / np.sqrt(np.maximum(t, 1e-300)), 0.0).astype(dt)
        run_chunks(K.bn_forward, chunks, x3, eps, training, mean, var, inv_std, self.w["gamma"], self.w["beta"],
                   self._as3d(y))
        if training:
            m = x3.shape[0] * x3.shape[2]
            mom = dt.type(self.params["momentum"])
            mm, mv = self.w["moving_mean"], self.w["moving_var"]
            mm[...] = mom * mm + (1 - mom) * mean
            if m > 1:
                mv[...] = mom * mv + (1 - mom) * (var * dt.type(m / (m - 1)))
        self._x3, self._mean, self._inv_std, self._training = x3, mean, inv_std, training
        return y

    def backward(self, dout):
        dy = np.ascontiguousarray(dout)
        dy3 = self._as3d(dy)
        x3 = self._x3
        want_dx = self.need_dx
        dx = np.empty_like(dy) if want_dx else np.empty((0, 0, 0), dy.dtype)
        dx3 = self._as3d(dx) if want_dx else dx
        run_chunks(K.bn_backward, self._chunks(dy.size, x3.shape[1]), dy3, x3, self._mean, self._inv_std,
                   self.w["gamma"], self._training, want_dx, dx3, self.g["gamma"], self.g["beta"])
        return [dx if want_dx else None]
