"""Winograd F(2×2, 3×3) convolution for stride-1 3×3 kernels on NCHW batches, on the register tile.

Each 2×2 output tile is computed from a 4×4 input tile d as  Y = Aᵀ [ (G g Gᵀ) ⊙ (Bᵀ d B) ] A,
4 × 4 = 16 multiplications per (tile, filter, channel) instead of 2·2·9 = 36. Summed over the
channels, the element-wise product becomes 16 independent matrix products
    M[e] (F × P) = U[e] (F × C) · V[e] (C × P),    e = 0 … 15 (the 4×4 transform positions),
over a sample's P tiles — each run by the convolution's micro-kernel (kernels/conv_tiled.py
_sweep: the channels are its taps, 2.25× fewer products than the direct kernels).

Per sample (`winograd_chunk`): the padded input is split into its four stride-2 phase planes
(kernels/conv.py to_columns with a 2 × 2 "kernel" at stride 2), so that the 16 values of every
tile are unit-stride runs over the tiles ("wide": position p = ty·(tw + 1) + tx, the last column
of each row junk); the input transform runs over those runs, the 16 products, then the output
transform, which writes the 2×2 outputs of each tile into y. U (the kernel transform, G g Gᵀ) is
made in NumPy by engine/conv_winograd.py.

Accuracy: the transforms use only the constants 0, ±1, ±½ and add at most 4 terms per stage, so the
float32 result differs from the float64 reference by a few ulps of the largest partial sums
(tests/test_conv_winograd.py checks ≤ 1e-4 relative to the output's scale).
"""
from __future__ import annotations

from .. import config  # noqa: F401  (before numba: sets the cache dir)

import numpy as np
from numba import njit

from ..config import JIT
from .conv import _chunk, to_columns
from .conv_tiled import _sweep


@njit(**JIT)
def _bt(a0, a1, a2, a3):
    """Bᵀ · (a0, a1, a2, a3)."""
    return a0 - a2, a1 + a2, a2 - a1, a1 - a3


@njit(**JIT)
def _input_tiles(xs, c_, th, tw1, pp, cp, v):
    """v[e·cp + c·pp + p] = (Bᵀ d B)[e // 4, e % 4] for the tile at wide position p = ty·tw1 + tx
    (p < th·tw1), d its 4×4 input: d[i, j] = plane (c, i mod 2, j mod 2) of xs at
    p + (i div 2)·tw1 + j div 2 (planes of (th + 1)·tw1 values)."""
    s = (th + 1) * tw1
    n_ = th * tw1
    one = np.uint64(1)
    row = np.uint64(tw1)
    for c in range(c_):
        b0 = np.uint64(4 * c * s)
        b1 = b0 + np.uint64(s)
        b2 = b1 + np.uint64(s)
        b3 = b2 + np.uint64(s)
        o = np.uint64(c * pp)
        for p in range(n_):
            q = np.uint64(p)
            # rows i = 0, 1 read phase rows a = 0, 1 at u = ty; rows 2, 3 the same at ty + 1
            r0, r1, r2, r3 = q, q, q + row, q + row
            col0 = _bt(xs[b0 + r0], xs[b2 + r1], xs[b0 + r2], xs[b2 + r3])           # j = 0
            col1 = _bt(xs[b1 + r0], xs[b3 + r1], xs[b1 + r2], xs[b3 + r3])           # j = 1
            col2 = _bt(xs[b0 + r0 + one], xs[b2 + r1 + one], xs[b0 + r2 + one], xs[b2 + r3 + one])
            col3 = _bt(xs[b1 + r0 + one], xs[b3 + r1 + one], xs[b1 + r2 + one], xs[b3 + r3 + one])
            for r in range(4):
                v0, v1, v2, v3 = _bt(col0[r], col1[r], col2[r], col3[r])
                e = np.uint64(4 * r * cp) + o + q
                v[e] = v0
                v[e + np.uint64(cp)] = v1
                v[e + np.uint64(2 * cp)] = v2
                v[e + np.uint64(3 * cp)] = v3


@njit(**JIT)
def _output_tiles(m, pp, bias, n, th, tw1, ot, y):
    """y[n, f, 2·ty + r, 2·tx + s] = bias[f] + (Aᵀ M A)[r, s], M[e] = m[e, f·pp + p] at
    p = ty·tw1 + tx, cropped to y; ot (4, pp) is scratch for one filter's four outputs. Flat
    unsigned indices throughout (the loops vectorise)."""
    f_, oh, ow = y.shape[1], y.shape[2], y.shape[3]
    es = np.uint64(m.shape[1])                        # one transform position e to the next
    n_ = th * tw1
    half = ow // 2
    mf = m.reshape(-1)
    of = ot.reshape(-1)
    yf = y.reshape(-1)
    ppu = np.uint64(pp)
    e1 = es
    e2 = e1 + es
    e3 = e2 + es
    e4 = e3 + es
    p2 = ppu + ppu
    p3 = p2 + ppu
    for f in range(f_):
        b = bias[f]
        base = np.uint64(f * pp)
        for p in range(n_):
            q = base + np.uint64(p)
            m0, m1, m2, m3 = mf[q], mf[q + e1], mf[q + e2], mf[q + e3]
            q4 = q + e4
            m4, m5, m6, m7 = mf[q4], mf[q4 + e1], mf[q4 + e2], mf[q4 + e3]
            q8 = q4 + e4
            m8, m9, m10, m11 = mf[q8], mf[q8 + e1], mf[q8 + e2], mf[q8 + e3]
            q12 = q8 + e4
            m12, m13, m14, m15 = mf[q12], mf[q12 + e1], mf[q12 + e2], mf[q12 + e3]
            u00, u01, u02, u03 = m0 + m4 + m8, m1 + m5 + m9, m2 + m6 + m10, m3 + m7 + m11
            u10, u11, u12, u13 = m4 - m8 - m12, m5 - m9 - m13, m6 - m10 - m14, m7 - m11 - m15
            o = np.uint64(p)
            of[o] = b + u00 + u01 + u02
            of[o + ppu] = b + u01 - u02 - u03
            of[o + p2] = b + u10 + u11 + u12
            of[o + p3] = b + u11 - u12 - u13
        for oy in range(oh):
            r = oy % 2
            ev = np.uint64(2 * r * pp + (oy // 2) * tw1)     # (int64 arithmetic, then unsigned)
            od = ev + ppu
            d = np.uint64(((n * f_ + f) * oh + oy) * ow)
            for tx in range(half):                # both columns of each tile, interleaved
                t = np.uint64(tx)
                yf[d + t + t] = of[ev + t]
                yf[d + t + t + np.uint64(1)] = of[od + t]
            if ow % 2:
                yf[d + np.uint64(ow - 1)] = of[ev + np.uint64(half)]


@njit(**JIT)
def winograd_chunk(k, chunks, x, up, bias, offs, pads, xs_rows, v_rows, m_rows, ot_rows, y):
    """Chunk k of `chunks` of y = conv(x, kernel) + bias by F(2×2, 3×3), sample by sample.

    up (16, blocks, C, FB): U[e] packed for the micro-kernel; offs[c] = c·pp; pads (top, left);
    scratch rows per chunk: xs_rows (the phase planes, + 1 value), v_rows (16 rows of C·pp, zero
    beyond the tiles), m_rows (16 rows of blocks·FB·pp), ot_rows (4, pp). The 16 rows of v and of
    m are each a cache line longer than their data: 16 streams a multiple of 4 KiB apart would share
    the L1 cache's sets (64 → 32 channels at 16×16 ran 11× slower in the input transform)."""
    c_ = x.shape[1]
    oh, ow = y.shape[2], y.shape[3]
    th, tw = (oh + 1) // 2, (ow + 1) // 2
    tw1 = tw + 1
    xs, v, m, ot = xs_rows[k], v_rows[k], m_rows[k], ot_rows[k]
    pp = ot.shape[1]
    cp = c_ * pp
    cps = v.shape[0] // 16
    blocks, fb = up.shape[1], up.shape[3]
    two = np.int64(2)          # (int64, not literals: the one signature the other callers use)
    n0, n1 = _chunk(k, chunks, x.shape[0])
    for n in range(n0, n1):
        to_columns(x, n, two, two, pads[0], pads[1], th + 1, two, two, tw1, xs)
        _input_tiles(xs, c_, th, tw1, pp, cps, v)
        for e in range(16):
            me = m[e, :blocks * fb * pp].reshape((blocks, fb, pp))
            _sweep(v[e * cps:e * cps + cp], offs, up[e], np.int64(0), c_, pp, me)
        _output_tiles(m, pp, bias, n, th, tw1, ot, y)
