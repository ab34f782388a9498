"""Conv2D kernels on NCHW batches: direct convolution over flat "column" planes, no BLAS.

Layout. Each sample's input is copied once into `ah·kw` column planes per channel, zero padded
(ah = min(sh, kh): the row phases some tap reads), rq = oh + (kh − 1) div sh rows of ow values each:
    xc[(c·ah + a)·kw + j, u·ow + ox] = x[c, u·sh + a − pt, ox·sw + j − pl]
so tap (c, i, j) of the kernel reads plane (c, i mod sh, j) from row i div sh on, and output
position q = oy·ow + ox (q < oh·ow) is xc[off_t + q] for every tap: each tap is one contiguous
run over exactly the output positions — no junk columns between rows to compute and crop, for any
stride (the column stride is taken by the copy, the row stride by the row phases).

- forward    y[f, q]  = bias[f] + Σ_t w[f, t] · xc[off_t + q]
- weight grad dw[f, t] = Σ_q dy[f, q] · xc[off_t + q]
- input grad: at stride 1 the forward pass over dy's column planes with the kernel turned around
  (conv_tiling.DxAsForward); else dy's rows in zero margins, correlated with the kernel turned
  around, plane by plane of dx's row and column phases (kernels/conv_tiled.py backward_dx_chunk)

This module holds the layout moves; the passes are register-tiled in kernels/conv_tiled.py.
The batch is shared by `chunks` threads (`engine.chunks.run_chunks`): the forward and
input-gradient kernels take samples one at a time from a shared counter (`spin.take`: a thread
slowed by other work on its core does fewer), the weight gradients split the batch into
contiguous runs (their per-thread sums must not depend on timing). A chunk writes only its
samples' outputs and its own scratch rows. Chunk 0 of 1 is the serial kernel for small work,
where starting threads costs more than it saves.
"""
from __future__ import annotations

from .. import config  # noqa: F401  (before numba: sets the cache dir)

import numpy as np
from numba import njit

from ..config import JIT


# ---- layout moves ---------------------------------------------------------------------------

@njit(inline="always", **JIT)
def _valid_range(size, k_off, stride, pad, out):
    """Positions o in [lo, hi) ⊂ [0, out) whose input index o·stride + k_off − pad is in [0, size)."""
    lo = (pad - k_off + stride - 1) // stride
    if lo < 0:
        lo = 0
    hi = (size - 1 + pad - k_off) // stride + 1
    if hi > out:
        hi = out
    if hi < lo:
        hi = lo
    return lo, hi


# The layout moves index flat arrays at base + v through unsigned integers: an index Numba
# cannot prove non-negative is wrapped around element by element (a negative one counts from the
# end), which keeps the loop scalar; slices instead cost reference counting in nested loops.
# Measured on 8-34 value rows: 4-10x faster than either.

@njit(inline="always", **JIT)
def _copy_run(dst, d, src, s, n):
    """dst[d + v] = src[s + v] for v < n (all indices ≥ 0)."""
    du, su = np.uint64(d), np.uint64(s)
    for v in range(n):
        dst[du + np.uint64(v)] = src[su + np.uint64(v)]


@njit(**JIT)
def _scatter_strided(dst, d, src, s, n, step):
    """dst[d + v·step] = src[s + v] for v < n (all indices ≥ 0)."""
    du, su, st = np.uint64(d), np.uint64(s), np.uint64(step)
    for v in range(n):
        dst[du + np.uint64(v) * st] = src[su + np.uint64(v)]


@njit(inline="always", **JIT)
def _zero_run(dst, d, n):
    """dst[d:d + n] = 0."""
    du = np.uint64(d)
    for v in range(n):
        dst[du + np.uint64(v)] = 0


@njit(inline="always", **JIT)
def _copy_rows(dst, d, dstep, src, s, sstep, rows, n, step):
    """dst[d + u·dstep + v] = src[s + u·sstep + v·step] for u < rows, v < n (all indices ≥ 0)."""
    st = np.uint64(step)
    for u in range(rows):
        du = np.uint64(d + u * dstep)
        su = np.uint64(s + u * sstep)
        if step == 1:
            for v in range(n):
                dst[du + np.uint64(v)] = src[su + np.uint64(v)]
        else:
            for v in range(n):
                dst[du + np.uint64(v)] = src[su + np.uint64(v) * st]


@njit(inline="always", **JIT)
def _zero_edges(dst, d, step, rows, vlo, vhi):
    """dst[d + u·step + v] = 0 for u < rows and v < vlo or vhi ≤ v < step: a few edge columns,
    column by column."""
    for v in range(step):
        if vlo <= v < vhi:
            continue
        du = np.uint64(d + v)
        for u in range(rows):
            dst[du + np.uint64(u * step)] = 0


@njit(**JIT)
def to_columns(x, n, sh, sw, pt, pl, rq, ah, kw, ow, dst):
    """dst[((c·ah + a)·kw + j)·S + u·ow + ox] = x[n, c, u·sh + a − pt, ox·sw + j − pl], 0 outside x
    (S = rq·ow: rq rows of ow values per plane). dst is 1-D.

    A stride-1 layer whose output is as wide as its input ("same") copies each plane as one run of
    x and then zeroes the padded edge columns; the others copy row by row."""
    c_, h, w = x.shape[1], x.shape[2], x.shape[3]
    ps = rq * ow
    xf = x.reshape(-1)
    sample = n * c_ * h * w
    for a in range(ah):
        ulo, uhi = _valid_range(h, a, sh, pt, rq)
        for j in range(kw):
            vlo, vhi = _valid_range(w, j, sw, pl, ow)
            u1 = uhi if vhi > vlo else ulo     # a column that never reads x: planes of zeros
            rows = u1 - ulo
            for c in range(c_):
                base = ((c * ah + a) * kw + j) * ps
                _zero_run(dst, base, ulo * ow)
                _zero_run(dst, base + u1 * ow, (rq - u1) * ow)
                if rows == 0:
                    continue
                d0 = base + ulo * ow
                s0 = sample + (c * h + ulo * sh + a - pt) * w + vlo * sw + j - pl
                if sh == 1 and sw == 1 and ow == w:
                    # dst and x rows have the same length: one run from the first to the last
                    # value read; it carries x's neighbours into the edge columns
                    _copy_run(dst, d0 + vlo, xf, s0, (rows - 1) * ow + vhi - vlo)
                else:
                    _copy_rows(dst, d0 + vlo, ow, xf, s0, sh * w, rows, vhi - vlo, sw)
                _zero_edges(dst, d0, ow, rows, vlo, vhi)


@njit(inline="always", **JIT)
def wide_row(dy, n, f, wq, row):
    """row[oy·wq + ox] = dy[n, f, oy, ox], the junk columns between output rows 0; returns the
    float64 sum of the values (the bias gradient sums N·P of them)."""
    oh, ow = dy.shape[2], dy.shape[3]
    acc = 0.0
    for oy in range(oh):
        src = dy[n, f, oy]
        base = np.uint64(oy * wq)
        for ox in range(ow):
            v = src[ox]
            row[base + np.uint64(ox)] = v
            acc += v
        if oy + 1 < oh:
            _zero_run(row, oy * wq + ow, wq - ow)
    return acc


@njit(inline="always", **JIT)
def _chunk(k, chunks, n_):
    return k * n_ // chunks, (k + 1) * n_ // chunks


