"""Element-wise activation kernels over flat (raveled, contiguous) arrays.

Constants are written as float32 values so float32 arrays are computed in float32 and
float64 arrays (gradient checks) in float64.
"""
from __future__ import annotations

import math

from .. import config  # noqa: F401  (before numba)
from numba import njit

from ..config import JIT



@njit(**JIT)
def sigmoid_forward(x, y):
    for i in range(x.size):
        v = x[i]
        if v >= 0:
            y[i] = 1 / (1 + math.exp(-v))
        else:
            e = math.exp(v)
            y[i] = e / (1 + e)


@njit(**JIT)
def sigmoid_backward(y, dy, dx):
    for i in range(y.size):
        dx[i] = dy[i] * y[i] * (1 - y[i])


@njit(**JIT)
def tanh_backward(y, dy, dx):
    for i in range(y.size):
        dx[i] = dy[i] * (1 - y[i] * y[i])


@njit(**JIT)
def relu_forward(x, y):
    for i in range(x.size):
        v = x[i]
        y[i] = v if v > 0 else 0


@njit(**JIT)
def relu_backward(x, dy, dx):
    for i in range(x.size):
        dx[i] = dy[i] if x[i] > 0 else 0


@njit(**JIT)
def leaky_relu_forward(x, alpha, y):
    for i in range(x.size):
        v = x[i]
        y[i] = v if v > 0 else alpha * v


@njit(**JIT)
def leaky_relu_backward(x, alpha, dy, dx):
    for i in range(x.size):
        dx[i] = dy[i] if x[i] > 0 else alpha * dy[i]


@njit(**JIT)
def elu_forward(x, alpha, y):
    for i in range(x.size):
        v = x[i]
        y[i] = v if v > 0 else alpha * (math.exp(v) - 1)


@njit(**JIT)
def elu_backward(x, y, alpha, dy, dx):
    # for x <= 0: d/dx α(e^x − 1) = α e^x = y + α
    for i in range(x.size):
        dx[i] = dy[i] if x[i] > 0 else dy[i] * (y[i] + alpha)


@njit(**JIT)
def softmax_forward(x, y):
    """Row-wise softmax over the last axis of a 2-D (rows, F) array, max-shifted for stability."""
    rows, f = x.shape
    for r in range(rows):
        m = x[r, 0]
        for j in range(1, f):
            if x[r, j] > m:
                m = x[r, j]
        s = x[r, 0] - x[r, 0]
        for j in range(f):
            e = math.exp(x[r, j] - m)
            y[r, j] = e
            s += e
        for j in range(f):
            y[r, j] /= s


@njit(**JIT)
def softmax_backward(y, dy, dx):
    rows, f = y.shape
    for r in range(rows):
        dot = y[r, 0] - y[r, 0]
        for j in range(f):
            dot += dy[r, j] * y[r, j]
        for j in range(f):
            dx[r, j] = y[r, j] * (dy[r, j] - dot)
