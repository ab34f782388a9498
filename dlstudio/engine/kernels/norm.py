"""Batch-normalisation kernels on a 3-D view (A, C, B) of the batch.

The layer reshapes its input so that the normalised axis is the middle one: images
(N, C, H, W) → (N, C, H·W); vectors (N, F) and sequences (N, T, F) → (N·T, F, 1). Statistics
of channel c are taken over axes 0 and 2, i.e. over M = A·B values.

Two kernels: `bn_forward` (training: batch statistics, then normalise; inference: normalise
with the statistics given) and `bn_backward` (dgamma, dbeta and optionally dx, for either mode).

- Sums for the statistics and the gradient reductions are accumulated in float64 (a float32
  sum over 50 000 values loses digits), in any order (RJIT: the sums vectorise, several times
  faster than one running total); everything written per element and every output array
  stays in the input's dtype.
- The variance is the biased one (divided by M) — the one batch norm normalises with.
- inv_std = 1 / sqrt(var + eps); a channel with var + eps == 0 (a constant channel and
  epsilon 0) gets inv_std 0, so it normalises to 0 instead of NaN.
- Every kernel is a chunk kernel over channels: `kernel(k, chunks, …)` does the k-th of `chunks`
  runs of channels (each channel read and written by one chunk only); `engine.chunks.run_chunks`
  runs the chunks on parallel threads, and chunk 0 of 1 is the serial call for small batches
  (config.PARALLEL_MIN_WORK).
"""
from __future__ import annotations

from .. import config  # noqa: F401  (before numba: sets the cache dir)

import math

from numba import njit

from ..config import JIT, RJIT


@njit(**RJIT)
def _stats_channel(x, c, eps, mean, var, inv_std):
    a_, b_ = x.shape[0], x.shape[2]
    m = a_ * b_
    s = 0.0
    for a in range(a_):
        for b in range(b_):
            s += x[a, c, b]
    mu = s / m
    q = 0.0
    for a in range(a_):
        for b in range(b_):
            d = x[a, c, b] - mu
            q += d * d
    v = q / m
    t = v + eps
    mean[c] = mu
    var[c] = v
    inv_std[c] = 1.0 / math.sqrt(t) if t > 0.0 else 0.0


@njit(**JIT)
def _forward_channel(x, c, eps, training, mean, var, inv_std, gamma, beta, y):
    if training:
        _stats_channel(x, c, eps, mean, var, inv_std)
    mu = mean[c]
    sc = gamma[c] * inv_std[c]
    sh = beta[c]
    for a in range(x.shape[0]):
        for b in range(x.shape[2]):
            y[a, c, b] = (x[a, c, b] - mu) * sc + sh


@njit(**JIT)
def bn_forward(k, chunks, x, eps, training, mean, var, inv_std, gamma, beta, y):
    """y ← (x − mean) · inv_std · gamma + beta per channel of x (A, C, B).

    training: first mean, var (biased) and inv_std ← the batch statistics of x (written out
    for the caller: the moving averages and the backward pass need them). Otherwise mean and
    inv_std are inputs (from the moving statistics) and var is not touched. Chunk k of `chunks`."""
    c_ = x.shape[1]
    for c in range(k * c_ // chunks, (k + 1) * c_ // chunks):
        _forward_channel(x, c, eps, training, mean, var, inv_std, gamma, beta, y)


@njit(**RJIT)
def _backward_channel(dy, x, c, mean, inv_std, gamma, training, want_dx, dx, dgamma, dbeta):
    a_, b_ = x.shape[0], x.shape[2]
    mu = mean[c]
    istd = inv_std[c]
    s_dy = 0.0
    s_dyx = 0.0
    for a in range(a_):
        for b in range(b_):
            g = dy[a, c, b]
            s_dy += g
            s_dyx += g * ((x[a, c, b] - mu) * istd)
    dbeta[c] = s_dy
    dgamma[c] = s_dyx
    if not want_dx:
        return
    k = gamma[c] * istd                    # in x's dtype
    if training:
        m = a_ * b_
        mb = x.dtype.type(s_dy / m)        # mean of dy
        mg = x.dtype.type(s_dyx / m)       # mean of dy · x̂
        for a in range(a_):
            for b in range(b_):
                xh = (x[a, c, b] - mu) * istd
                dx[a, c, b] = k * (dy[a, c, b] - mb - xh * mg)
    else:
        for a in range(a_):
            for b in range(b_):
                dx[a, c, b] = k * dy[a, c, b]


@njit(**JIT)
def bn_backward(k, chunks, dy, x, mean, inv_std, gamma, training, want_dx, dx, dgamma, dbeta):
    """dgamma ← Σ dy·x̂, dbeta ← Σ dy per channel; dx (if want_dx) ←

    training (batch statistics):  gamma·inv_std · (dy − mean(dy) − x̂·mean(dy·x̂))
    inference (fixed statistics): gamma·inv_std · dy
    where x̂ = (x − mean) · inv_std and the means run over the channel's M values. Chunk k."""
    c_ = x.shape[1]
    for c in range(k * c_ // chunks, (k + 1) * c_ // chunks):
        _backward_channel(dy, x, c, mean, inv_std, gamma, training, want_dx, dx, dgamma, dbeta)
