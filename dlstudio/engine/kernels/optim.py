"""Optimizer update kernels: one serial pass over the flat parameter vector, in place.

Every kernel takes `params`, `grads` and the slot arrays as 1-D arrays of one dtype (float32 or
float64) and its scalar coefficients already cast to that dtype by the caller, so float32
training never computes in float64. Coefficients such as `1 - rho` are precomputed by the caller
for the same reason: an integer or Python-float literal here would promote float32 to float64.
"""
from __future__ import annotations

from .. import config  # noqa: F401  (must precede numba: sets the cache dir)

import numpy as np
from numba import njit

from ..config import JIT

# NumPy's error model: a float division by zero gives inf / nan instead of raising, which drops
# the per-element zero check and lets LLVM vectorize the loops (~14x on the divide-and-sqrt
# updates). Every denominator here is at least eps > 0, so no result changes.


@njit(**JIT)
def sgd_step(params, grads, lr):
    """p ← p − lr·g."""
    for i in range(params.size):
        params[i] -= lr * grads[i]


@njit(**JIT)
def momentum_step(params, grads, velocity, lr, momentum, nesterov):
    """v ← μ·v + g;  p ← p − lr·v  (Nesterov: p ← p − lr·(g + μ·v))."""
    for i in range(params.size):
        g = grads[i]
        v = momentum * velocity[i] + g
        velocity[i] = v
        if nesterov:
            params[i] -= lr * (g + momentum * v)
        else:
            params[i] -= lr * v


@njit(**JIT)
def adagrad_step(params, grads, sum_sq, lr, eps):
    """s ← s + g²;  p ← p − lr·g / (√s + ε)."""
    for i in range(params.size):
        g = grads[i]
        s = sum_sq[i] + g * g
        sum_sq[i] = s
        params[i] -= lr * g / (np.sqrt(s) + eps)


@njit(**JIT)
def adadelta_step(params, grads, avg_sq_grad, avg_sq_delta, lr, rho, one_minus_rho, eps):
    """Zeiler's rule: E[g²] ← ρE[g²] + (1−ρ)g²;  Δ ← √(E[Δ²]+ε)/√(E[g²]+ε)·g;
    E[Δ²] ← ρE[Δ²] + (1−ρ)Δ²;  p ← p − lr·Δ."""
    for i in range(params.size):
        g = grads[i]
        eg = rho * avg_sq_grad[i] + one_minus_rho * g * g
        avg_sq_grad[i] = eg
        delta = np.sqrt(avg_sq_delta[i] + eps) / np.sqrt(eg + eps) * g
        avg_sq_delta[i] = rho * avg_sq_delta[i] + one_minus_rho * delta * delta
        params[i] -= lr * delta


@njit(**JIT)
def rmsprop_step(params, grads, avg_sq_grad, lr, rho, one_minus_rho, eps):
    """E[g²] ← ρE[g²] + (1−ρ)g²;  p ← p − lr·g / (√E[g²] + ε)."""
    for i in range(params.size):
        g = grads[i]
        s = rho * avg_sq_grad[i] + one_minus_rho * g * g
        avg_sq_grad[i] = s
        params[i] -= lr * g / (np.sqrt(s) + eps)


@njit(**JIT)
def adam_step(params, grads, m, v, step_size, beta1, one_minus_beta1, beta2, one_minus_beta2,
              sqrt_bias2, eps):
    """m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;
    p ← p − step_size·m / (√v / sqrt_bias2 + ε)  with step_size = lr / (1 − β1ᵗ),
    sqrt_bias2 = √(1 − β2ᵗ): the bias-corrected update lr·m̂ / (√v̂ + ε)."""
    for i in range(params.size):
        g = grads[i]
        mi = beta1 * m[i] + one_minus_beta1 * g
        vi = beta2 * v[i] + one_minus_beta2 * g * g
        m[i] = mi
        v[i] = vi
        params[i] -= step_size * mi / (np.sqrt(vi) / sqrt_bias2 + eps)
