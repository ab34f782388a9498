"""Pooling kernels on NCHW batches: max pool (with argmax) and average pool, forward and backward.

Conventions shared by every kernel here:

- x is (N, C, H, W); the output y is (N, C, OH, OW), preallocated by the caller, and its
  shape fixes how many windows there are. Window (i, j) covers input rows
  i·sh − pt … i·sh − pt + kh − 1 and columns j·sw − pl … j·sw − pl + kw − 1; rows and columns
  outside 0 … H − 1 / 0 … W − 1 are padding. Only the top / left padding is needed: the bottom /
  right padding is implied by the output size.
- Padding never takes part: a max pool ignores it (as if it were −inf) and an average pool
  divides by the number of real elements in the window (count_include_pad=False). A window that
  lies entirely in padding (possible only with explicit padding larger than the pool) gives 0
  and passes no gradient back.
- argmax is (N, C, OH, OW) int64: the flat index h·W + w of the winning input element within
  its plane (−1 for an all-padding window). Ties go to the first element in row-major order.
- The backward kernels take dx as (N, C, H·W), a reshaped view of the (N, C, H, W) gradient,
  and overwrite it completely.
- Every kernel is a chunk kernel: `kernel(k, chunks, …)` does the k-th of `chunks` equal runs of
  the N·C planes (each plane written by one chunk only). `engine.chunks.run_chunks` runs the
  chunks on parallel threads; chunk 0 of 1 is the serial call for work too small to be worth
  threads (config.PARALLEL_MIN_WORK). Either way the same plane function computes each plane.
- Arithmetic stays in the array's dtype (float32 in training, float64 in gradient checks).
"""
from __future__ import annotations

from .. import config  # noqa: F401  (before numba: sets the cache dir)

import numpy as np
from numba import njit

from ..config import JIT


@njit(inline="always", **JIT)
def _planes(k, chunks, n_planes):
    """The planes [p0, p1) of chunk k."""
    return k * n_planes // chunks, (k + 1) * n_planes // chunks


# ---- max pool ----------------------------------------------------------------------------------
@njit(inline="always", **JIT)
def _max_plane(x, y, arg, n, c, kh, kw, sh, sw, pt, pl):
    """Plane (n, c): every window's maximum and its flat index (the first on ties), by selects —
    on real data the running maximum changes unpredictably, and a mispredicted branch costs more
    than the comparison — over unsigned indices and without slices (no wrap-around checks or
    reference counting in the loops)."""
    h_in, w_in = x.shape[2], x.shape[3]
    oh, ow = y.shape[2], y.shape[3]
    nu, cu = np.uint64(n), np.uint64(c)
    for i in range(oh):
        iu = np.uint64(i)
        h0 = i * sh - pt
        ha = max(h0, 0)
        hb = min(h0 + kh, h_in)
        for j in range(ow):
            ju = np.uint64(j)
            w0 = j * sw - pl
            wa = max(w0, 0)
            wb = min(w0 + kw, w_in)
            if ha >= hb or wa >= wb:
                y[nu, cu, iu, ju] = 0
                arg[nu, cu, iu, ju] = -1
                continue
            best = x[nu, cu, np.uint64(ha), np.uint64(wa)]
            bi = ha * w_in + wa
            for h in range(ha, hb):
                hu = np.uint64(h)
                for w in range(wa, wb):
                    v = x[nu, cu, hu, np.uint64(w)]
                    better = v > best
                    best = v if better else best
                    bi = h * w_in + w if better else bi
            y[nu, cu, iu, ju] = best
            arg[nu, cu, iu, ju] = bi


@njit(inline="always", **JIT)
def _max_plane_2x2(x, y, arg, n, c):
    """_max_plane for 2×2 windows at stride 2 wholly inside the input, the common case: the same
    results, several times faster (selects over unsigned indices, which vectorise across a row,
    where the general loops' two-trip inner loops cost more than the work)."""
    w_in = x.shape[3]
    oh, ow = y.shape[2], y.shape[3]
    xp = x[n, c]
    yp = y[n, c]
    ap = arg[n, c]
    for i in range(oh):
        r0 = xp[2 * i]
        r1 = xp[2 * i + 1]
        yr = yp[i]
        ar = ap[i]
        top = 2 * i * w_in
        for j in range(ow):
            ju = np.uint64(j)
            e = ju + ju
            o = e + np.uint64(1)
            best = r0[e]
            bi = top + 2 * j
            v = r0[o]
            better = v > best
            best = v if better else best
            bi = top + 2 * j + 1 if better else bi
            v = r1[e]
            better = v > best
            best = v if better else best
            bi = top + w_in + 2 * j if better else bi
            v = r1[o]
            better = v > best
            best = v if better else best
            bi = top + w_in + 2 * j + 1 if better else bi
            yr[ju] = best
            ar[ju] = bi


@njit(**JIT)
def maxpool2d_forward(k, chunks, x, kh, kw, sh, sw, pt, pl, y, arg):
    """y ← max over each window of x; arg ← the winner's flat index in its plane (chunk k)."""
    n_, c_ = x.shape[0], x.shape[1]
    p0, p1 = _planes(k, chunks, n_ * c_)
    for p in range(p0, p1):
        _max_plane(x, y, arg, p // c_, p % c_, kh, kw, sh, sw, pt, pl)


@njit(**JIT)
def maxpool2d_forward_2x2(k, chunks, x, y, arg):
    """maxpool2d_forward for 2×2 windows at stride 2 that all lie inside x (no padding; y at most
    half of x's height and width), chunk k: its own kernel, so that a network that only has these
    does not compile the general one."""
    n_, c_ = x.shape[0], x.shape[1]
    p0, p1 = _planes(k, chunks, n_ * c_)
    for p in range(p0, p1):
        _max_plane_2x2(x, y, arg, p // c_, p % c_)


@njit(inline="always", **JIT)
def _max_back_plane(dy, arg, dx, n, c):
    dyp = dy[n, c]
    ap = arg[n, c]
    dxp = dx[n, c]
    for k in range(dxp.shape[0]):
        dxp[k] = 0
    oh, ow = dyp.shape
    for i in range(oh):
        for j in range(ow):
            k = ap[i, j]
            if k >= 0:
                dxp[k] += dyp[i, j]


@njit(**JIT)
def maxpool2d_backward(k, chunks, dy, arg, dx):
    """dx (N, C, H·W) ← each output gradient routed to its window's argmax (summed on overlap)."""
    n_, c_ = dy.shape[0], dy.shape[1]
    p0, p1 = _planes(k, chunks, n_ * c_)
    for p in range(p0, p1):
        _max_back_plane(dy, arg, dx, p // c_, p % c_)


# ---- average pool ------------------------------------------------------------------------------
@njit(inline="always", **JIT)
def _avg_plane(x, y, n, c, kh, kw, sh, sw, pt, pl):
    xp = x[n, c]
    yp = y[n, c]
    h_in, w_in = xp.shape
    oh, ow = yp.shape
    for i in range(oh):
        h0 = i * sh - pt
        ha = max(h0, 0)
        hb = min(h0 + kh, h_in)
        for j in range(ow):
            w0 = j * sw - pl
            wa = max(w0, 0)
            wb = min(w0 + kw, w_in)
            if ha >= hb or wa >= wb:
                yp[i, j] = 0
                continue
            s = x.dtype.type(0)
            for h in range(ha, hb):
                for w in range(wa, wb):
                    s += xp[h, w]
            yp[i, j] = s / x.dtype.type((hb - ha) * (wb - wa))


@njit(**JIT)
def avgpool2d_forward(k, chunks, x, kh, kw, sh, sw, pt, pl, y):
    """y ← mean of the real (non-padding) elements of each window of x (chunk k)."""
    n_, c_ = x.shape[0], x.shape[1]
    p0, p1 = _planes(k, chunks, n_ * c_)
    for p in range(p0, p1):
        _avg_plane(x, y, p // c_, p % c_, kh, kw, sh, sw, pt, pl)


@njit(inline="always", **JIT)
def _avg_back_plane(dy, dx, n, c, w_in, kh, kw, sh, sw, pt, pl):
    dyp = dy[n, c]
    dxp = dx[n, c]
    h_in = dxp.shape[0] // w_in
    for k in range(dxp.shape[0]):
        dxp[k] = 0
    oh, ow = dyp.shape
    for i in range(oh):
        h0 = i * sh - pt
        ha = max(h0, 0)
        hb = min(h0 + kh, h_in)
        for j in range(ow):
            w0 = j * sw - pl
            wa = max(w0, 0)
            wb = min(w0 + kw, w_in)
            if ha >= hb or wa >= wb:
                continue
            g = dyp[i, j] / dy.dtype.type((hb - ha) * (wb - wa))
            for h in range(ha, hb):
                for w in range(wa, wb):
                    dxp[h * w_in + w] += g


@njit(**JIT)
def avgpool2d_backward(k, chunks, dy, w_in, kh, kw, sh, sw, pt, pl, dx):
    """dx (N, C, H·W) ← each output gradient shared equally by its window's real elements.

    w_in is the input width W (dx's last axis is H·W); chunk k of `chunks`."""
    n_, c_ = dy.shape[0], dy.shape[1]
    p0, p1 = _planes(k, chunks, n_ * c_)
    for p in range(p0, p1):
        _avg_back_plane(dy, dx, p // c_, p % c_, w_in, kh, kw, sh, sw, pt, pl)
