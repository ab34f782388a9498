"""The convolution's micro-kernels: compiled wrappers around the vector tiles of engine/vector_ir/.

micro_FBxQB(xs, offs, wp, q0, out):
    out[f, q0 + j] = Σ_t wp[t, f] · xs[offs[t] + q0 + j]     for f < FB, j < QB

wp is one block of FB filters, packed tap-major ((taps, FB): a tap's weights are adjacent); xs one
sample's phase planes (flat); offs the taps' offsets into it (at least one tap). 8 × 48 runs in
16-float vectors (AVX-512), 6 × 16 in 8-float ones (AVX2); kernels/conv_tiled.py uses one per machine,
with the same filters over one vector (8 × 16; 6 × 8) for a run's last positions.

dwt_RBxKW_V(dv, xs, rowoffs, step, r0, o):
    o[(r0 + r)·KW + j, l] += Σ_(q < len(dv)) xs[rowoffs[r0 + r] + j·step + q] · dv[q, l]   for r < RB, j < KW, l < V

the transposed weight gradient of a convolution: taps (r, j) of kernel rows r0 … r0 + RB − 1 by V
filters, a row's taps `step` values apart (one column plane each); dv is dy of V filters,
position-major.

bcast_PBxV(xs, offs, wp, q, out):
    out[q + p, l] = Σ_t wp[t, l] · xs[offs[t] + q + p]   for p < PB, l < V

the forward tile turned around: V filters in one vector, PB positions broadcast (no whole
vectors of positions: layers with short rows and few filters, LeNet-5's C3).

transpose_W(src, s, stride, dst, d):
    dst[d + j·W + i] = src[s + i·stride + j]   for i, j < W

a W × W block turned around in registers (dy made position-major for the weight gradient).

Each wrapper compiles only when a network calls it (the tiles are inlined into it).
"""
from __future__ import annotations

from .. import config  # noqa: F401  (before numba: sets the cache dir)

from numba import njit

from ..config import JIT
from ..vector_ir import broadcast_tile, forward_tile, transpose_tile, weight_grad_tile

_fwd_6x16 = forward_tile(6, 16, 8)
_fwd_6x8 = forward_tile(6, 8, 8)
_fwd_8x48 = forward_tile(8, 48, 16)
_fwd_8x16 = forward_tile(8, 16, 16)
_dw_8x3_16 = weight_grad_tile(8, 3, 16)
_dw_5x5_16 = weight_grad_tile(5, 5, 16)
_dw_4x3_8 = weight_grad_tile(4, 3, 8)
_dw_2x5_8 = weight_grad_tile(2, 5, 8)
_dw_12x1_16 = weight_grad_tile(12, 1, 16)
_dw_8x1_8 = weight_grad_tile(8, 1, 8)
_bc_10x16 = broadcast_tile(10, 16)
_bc_10x8 = broadcast_tile(10, 8)
_tr16 = transpose_tile(16)
_tr8 = transpose_tile(8)


@njit(**JIT)
def micro_6x16(xs, offs, wp, q0, out):
    _fwd_6x16(xs, offs, wp, q0, out)


@njit(**JIT)
def micro_6x8(xs, offs, wp, q0, out):
    _fwd_6x8(xs, offs, wp, q0, out)


@njit(**JIT)
def micro_8x48(xs, offs, wp, q0, out):
    _fwd_8x48(xs, offs, wp, q0, out)


@njit(**JIT)
def micro_8x16(xs, offs, wp, q0, out):
    _fwd_8x16(xs, offs, wp, q0, out)


@njit(**JIT)
def bcast_10x16(xs, offs, wp, q, out):
    _bc_10x16(xs, offs, wp, q, out)


@njit(**JIT)
def bcast_10x8(xs, offs, wp, q, out):
    _bc_10x8(xs, offs, wp, q, out)


@njit(**JIT)
def dwt_8x3_16(dv, xs, rowoffs, step, r0, o):
    _dw_8x3_16(dv, xs, rowoffs, step, r0, o)


@njit(**JIT)
def dwt_5x5_16(dv, xs, rowoffs, step, r0, o):
    _dw_5x5_16(dv, xs, rowoffs, step, r0, o)


@njit(**JIT)
def dwt_4x3_8(dv, xs, rowoffs, step, r0, o):
    _dw_4x3_8(dv, xs, rowoffs, step, r0, o)


@njit(**JIT)
def dwt_2x5_8(dv, xs, rowoffs, step, r0, o):
    _dw_2x5_8(dv, xs, rowoffs, step, r0, o)


@njit(**JIT)
def dwt_12x1_16(dv, xs, rowoffs, step, r0, o):
    _dw_12x1_16(dv, xs, rowoffs, step, r0, o)


@njit(**JIT)
def dwt_8x1_8(dv, xs, rowoffs, step, r0, o):
    _dw_8x1_8(dv, xs, rowoffs, step, r0, o)


@njit(**JIT)
def transpose_16(src, s, stride, dst, d):
    _tr16(src, s, stride, dst, d)


@njit(**JIT)
def transpose_8(src, s, stride, dst, d):
    _tr8(src, s, stride, dst, d)
