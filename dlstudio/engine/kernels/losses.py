"""Loss kernels for the hot path of classification: softmax + cross-entropy in one pass.

`z` is (N, K) logits of float32 or float64; `grad` is preallocated like `z`. The loss sum is
accumulated in float64 (it is only reported); everything written to `grad` stays in z's dtype.
"""
from __future__ import annotations

from .. import config  # noqa: F401  (must precede numba: sets the cache dir)

import numpy as np
from numba import njit

from ..config import JIT

# NumPy's error model: a float division by zero gives inf / nan instead of raising, which drops
# the per-element zero check and lets LLVM vectorize the loops (~14x on the divide-and-sqrt
# updates). Every denominator here is at least eps > 0, so no result changes.


@njit(inline="always", **JIT)
def _softmax_row(z, i, grad):
    """grad[i] ← softmax(z[i]); returns (row max, log Σ exp(z[i] − max)) for the log-softmax."""
    k = z.shape[1]
    m = z[i, 0]
    for j in range(1, k):
        if z[i, j] > m:
            m = z[i, j]
    s = z.dtype.type(0)
    for j in range(k):
        e = np.exp(z[i, j] - m)
        grad[i, j] = e
        s += e
    inv_s = z.dtype.type(1) / s
    for j in range(k):
        grad[i, j] *= inv_s
    return m, np.log(s)


@njit(**JIT)
def softmax_cross_entropy_labels(z, labels, grad):
    """Σ_i −log softmax(z_i)[labels_i]; grad ← (softmax(z) − onehot(labels)) / N.

    labels: (N,) int64, already checked to lie in 0..K−1."""
    n, k = z.shape
    inv_n = z.dtype.type(1) / z.dtype.type(n)
    total = 0.0
    for i in range(n):
        m, log_s = _softmax_row(z, i, grad)
        y = labels[i]
        total += log_s - (z[i, y] - m)
        for j in range(k):
            grad[i, j] *= inv_n
        grad[i, y] -= inv_n
    return total


@njit(**JIT)
def softmax_cross_entropy_dense(z, t, grad):
    """Σ_i −Σ_j t_ij log softmax(z_i)_j; grad ← (softmax(z)·Σ_j t_ij − t) / N.

    t: (N, K) target distributions of z's dtype (rows sum to 1, so grad = (softmax − t) / N)."""
    n, k = z.shape
    inv_n = z.dtype.type(1) / z.dtype.type(n)
    total = 0.0
    for i in range(n):
        m, log_s = _softmax_row(z, i, grad)
        t_sum = z.dtype.type(0)
        for j in range(k):
            t_sum += t[i, j]
            total += t[i, j] * (log_s - (z[i, j] - m))
        for j in range(k):
            grad[i, j] = (grad[i, j] * t_sum - t[i, j]) * inv_n
    return total
