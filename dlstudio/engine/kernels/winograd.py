"""Winograd F(2×2, 3×3) forward convolution for stride-1 3×3 kernels on NCHW batches.

Each 2×2 output tile is computed from a 4×4 input tile d as  Y = Aᵀ [ (G g Gᵀ) ⊙ (Bᵀ d B) ] A,
4 × 4 = 16 multiplications per (tile, filter, channel) instead of 2·2·9 = 36. Summed over the
channels, the element-wise product becomes 16 independent matrix products
    M[e] (F × T) = U[e] (F × C) · V[e] (C × T),    e = 0 … 15 (the 4×4 transform positions),
over all T = N·tiles_h·tiles_w tiles of the batch. The transforms are Numba loops (parallel over
channels / filters); the 16 products and the checks are in engine/conv_winograd.py.

Accuracy: the transforms use only the constants 0, ±1, ±½ and add at most 4 terms per stage, so the
float32 result differs from the float64 reference by a few ulps of the largest partial sums
(tests/test_conv_winograd.py checks ≤ 1e-4 relative to the output's scale).
"""
from __future__ import annotations

from .. import config  # noqa: F401  (before numba: sets the cache dir)

import numpy as np
from numba import njit, prange

from ..config import PJIT


@njit(**PJIT)
def kernel_transform(kernel, u):
    """u[e, f, c] = (G g Gᵀ)[e // 4, e % 4] for g = kernel[f, c] (3×3)."""
    f_, c_ = kernel.shape[0], kernel.shape[1]
    for f in prange(f_):
        for c in range(c_):
            g = kernel[f, c]
            t = np.empty((4, 3), kernel.dtype)        # G g
            for j in range(3):
                g0, g1, g2 = g[0, j], g[1, j], g[2, j]
                t[0, j] = g0
                t[1, j] = 0.5 * (g0 + g1 + g2)
                t[2, j] = 0.5 * (g0 - g1 + g2)
                t[3, j] = g2
            for i in range(4):                         # (G g) Gᵀ
                a0, a1, a2 = t[i, 0], t[i, 1], t[i, 2]
                u[i * 4 + 0, f, c] = a0
                u[i * 4 + 1, f, c] = 0.5 * (a0 + a1 + a2)
                u[i * 4 + 2, f, c] = 0.5 * (a0 - a1 + a2)
                u[i * 4 + 3, f, c] = a2


@njit(**PJIT)
def input_transform(x, pt, pl, th, tw, v):
    """v[e, c, (n·th + ty)·tw + tx] = (Bᵀ d B)[e // 4, e % 4], d the 4×4 input tile at
    padded position (2·ty, 2·tx); reads outside x are zero.

    Parallel over (sample, channel) planes: each is copied once into a zero-padded canvas, the
    row stage Bᵀ d runs over whole canvas rows and the column stage writes unit-stride runs of tx."""
    n_, c_, h, w = x.shape
    hp, wp = 2 * th + 2, 2 * tw + 2
    for nc in prange(n_ * c_):
        n, c = nc // c_, nc % c_
        p = np.zeros((hp, wp), x.dtype)
        t = np.empty((4, wp), x.dtype)
        for yy in range(h):
            if yy + pt < hp:
                for xx in range(min(w, wp - pl)):
                    p[yy + pt, xx + pl] = x[n, c, yy, xx]
        for ty in range(th):
            r0, r1, r2, r3 = p[2 * ty], p[2 * ty + 1], p[2 * ty + 2], p[2 * ty + 3]
            for s in range(wp):                        # Bᵀ d on whole rows
                t[0, s] = r0[s] - r2[s]
                t[1, s] = r1[s] + r2[s]
                t[2, s] = r2[s] - r1[s]
                t[3, s] = r1[s] - r3[s]
            base = (n * th + ty) * tw
            for r in range(4):                         # (Bᵀ d) B, one tile column at a time
                tr = t[r]
                v0, v1 = v[r * 4, c, base:], v[r * 4 + 1, c, base:]
                v2, v3 = v[r * 4 + 2, c, base:], v[r * 4 + 3, c, base:]
                for tx in range(tw):
                    a0, a1, a2, a3 = tr[2 * tx], tr[2 * tx + 1], tr[2 * tx + 2], tr[2 * tx + 3]
                    v0[tx] = a0 - a2
                    v1[tx] = a1 + a2
                    v2[tx] = a2 - a1
                    v3[tx] = a1 - a3


@njit(**PJIT)
def output_transform(m, bias, th, tw, y):
    """y[n, f, 2·ty + i, 2·tx + j] = bias[f] + (Aᵀ M A)[i, j] for M[e] = m[e, f, tile], cropped."""
    n_, f_, oh, ow = y.shape
    for f in prange(f_):
        t = np.empty((2, 4), y.dtype)
        b = bias[f]
        for n in range(n_):
            for ty in range(th):
                for tx in range(tw):
                    col = (n * th + ty) * tw + tx
                    for s in range(4):                 # Aᵀ M
                        m0, m1 = m[s, f, col], m[4 + s, f, col]
                        m2, m3 = m[8 + s, f, col], m[12 + s, f, col]
                        t[0, s] = m0 + m1 + m2
                        t[1, s] = m1 - m2 - m3
                    for i in range(2):                 # (Aᵀ M) A
                        oy = 2 * ty + i
                        if oy >= oh:
                            continue
                        a0, a1, a2, a3 = t[i, 0], t[i, 1], t[i, 2], t[i, 3]
                        y[n, f, oy, 2 * tx] = b + a0 + a1 + a2
                        if 2 * tx + 1 < ow:
                            y[n, f, oy, 2 * tx + 1] = b + a1 - a2 - a3
