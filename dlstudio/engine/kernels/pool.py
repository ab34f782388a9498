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
- Every kernel comes in two variants: `*_forward` / `*_backward` run a `prange` over the N·C
  planes (each iteration writes only its own plane), `*_serial` run the same plane function in
  a plain loop for work too small to be worth a parallel launch (config.PARALLEL_MIN_WORK).
- Arithmetic stays in the array's dtype (float32 in training, float64 in gradient checks).
"""
from __future__ import annotations

from .. import config  # noqa: F401  (before numba: sets the cache dir)

from numba import njit, prange

from ..config import JIT, PJIT


# ---- max pool ----------------------------------------------------------------------------------
@njit(**JIT)
def _max_plane(x, y, arg, n, c, kh, kw, sh, sw, pt, pl):
    xp = x[n, c]
    yp = y[n, c]
    ap = arg[n, c]
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
                ap[i, j] = -1
                continue
            best = xp[ha, wa]
            bi = ha * w_in + wa
            for h in range(ha, hb):
                for w in range(wa, wb):
                    v = xp[h, w]
                    if v > best:
                        best = v
                        bi = h * w_in + w
            yp[i, j] = best
            ap[i, j] = bi


@njit(**PJIT)
def maxpool2d_forward(x, kh, kw, sh, sw, pt, pl, y, arg):
    """y ← max over each window of x; arg ← the winner's flat index in its plane."""
    n_, c_ = x.shape[0], x.shape[1]
    for p in prange(n_ * c_):
        _max_plane(x, y, arg, p // c_, p % c_, kh, kw, sh, sw, pt, pl)


@njit(**JIT)
def maxpool2d_forward_serial(x, kh, kw, sh, sw, pt, pl, y, arg):
    n_, c_ = x.shape[0], x.shape[1]
    for p in range(n_ * c_):
        _max_plane(x, y, arg, p // c_, p % c_, kh, kw, sh, sw, pt, pl)


@njit(**JIT)
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


@njit(**PJIT)
def maxpool2d_backward(dy, arg, dx):
    """dx (N, C, H·W) ← each output gradient routed to its window's argmax (summed on overlap)."""
    n_, c_ = dy.shape[0], dy.shape[1]
    for p in prange(n_ * c_):
        _max_back_plane(dy, arg, dx, p // c_, p % c_)


@njit(**JIT)
def maxpool2d_backward_serial(dy, arg, dx):
    n_, c_ = dy.shape[0], dy.shape[1]
    for p in range(n_ * c_):
        _max_back_plane(dy, arg, dx, p // c_, p % c_)


# ---- average pool ------------------------------------------------------------------------------
@njit(**JIT)
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


@njit(**PJIT)
def avgpool2d_forward(x, kh, kw, sh, sw, pt, pl, y):
    """y ← mean of the real (non-padding) elements of each window of x."""
    n_, c_ = x.shape[0], x.shape[1]
    for p in prange(n_ * c_):
        _avg_plane(x, y, p // c_, p % c_, kh, kw, sh, sw, pt, pl)


@njit(**JIT)
def avgpool2d_forward_serial(x, kh, kw, sh, sw, pt, pl, y):
    n_, c_ = x.shape[0], x.shape[1]
    for p in range(n_ * c_):
        _avg_plane(x, y, p // c_, p % c_, kh, kw, sh, sw, pt, pl)


@njit(**JIT)
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


@njit(**PJIT)
def avgpool2d_backward(dy, w_in, kh, kw, sh, sw, pt, pl, dx):
    """dx (N, C, H·W) ← each output gradient shared equally by its window's real elements.

    w_in is the input width W (dx's last axis is H·W)."""
    n_, c_ = dy.shape[0], dy.shape[1]
    for p in prange(n_ * c_):
        _avg_back_plane(dy, dx, p // c_, p % c_, w_in, kh, kw, sh, sw, pt, pl)


@njit(**JIT)
def avgpool2d_backward_serial(dy, w_in, kh, kw, sh, sw, pt, pl, dx):
    n_, c_ = dy.shape[0], dy.shape[1]
    for p in range(n_ * c_):
        _avg_back_plane(dy, dx, p // c_, p % c_, w_in, kh, kw, sh, sw, pt, pl)
