"""Conv2D forward with register-tiled micro-kernels (conv_micro.py) on the phase-plane layout of
kernels/conv.py.

The wide output (`length` positions per filter, see conv.py) is cut into tiles of FB filters ×
QB positions; each tile is computed by one micro-kernel call that keeps its FB·QB sums in vector
registers over all C·kh·kw taps and writes them once. Filters are padded to a multiple of FB
with zero weights, positions to a multiple of QB (their sums are junk and cropped away), so the
phase planes carry a zero tail of `tail(length)` values that the last tiles read.

The input gradient uses the same micro-kernel, for every stride: with dy's wide rows placed in
zero margins (`margin`), each of dx's padded phase planes (a, b) is the correlation of dy with
the kernel taps (f, i, j) that read it (i mod sh = a, j mod sw = b), turned around — a forward
pass whose "filters" are the input channels and whose taps sit at offsets
f·R + margin − ((i div sh)·wq + j div sw) — then scattered into dx (backward_dx_chunk).

Every layer's weight gradient runs in GEMM form: dWᵀ[t, f] = Σ_q xph[offs[t] + q] · dyᵀ[q, f] in
tiles of kernel rows × kw taps by V filters, the sums vectors over filters for all positions
(weight_grad: rows of 3 or 5 taps for stride-1 layers that wide, whose taps in a kernel row are
consecutive; one tap per "row" for the rest, any stride and width).

The micro-kernels are LLVM vector code (engine/vector_ir.py) wrapped in kernels/conv_micro.py.
"""
from __future__ import annotations

from .. import config  # noqa: F401  (before numba: sets the cache dir)

import numpy as np
from numba import njit

from ..config import JIT
from ..vector_width import WIDE_TILE, conv_tile
from .conv import _chunk, _copy_run, _scatter_strided, _to_phases, _valid_range, _zero_run, wide_row
from .conv_micro import (dwt_2x5_8, dwt_4x3_8, dwt_5x5_16, dwt_8x1_8, dwt_8x3_16, dwt_12x1_16, micro_6x16,
                         micro_8x48)

# The micro-kernel's tile, filters × positions (engine/conv_tiling.py packs for it): 8 × 48 in
# 512-bit vectors where the CPU has AVX-512, else 6 × 16. The drivers below compile with it.
FB, QB = conv_tile()
WIDE = (FB, QB) == WIDE_TILE
micro = micro_8x48 if WIDE else micro_6x16
# The weight gradient's GEMM-form micro-kernels for 1-, 3- and 5-wide kernels: filters per vector
# (V), kernel rows per block (RB1, RB3, RB5) and the block kernels.
V = 16 if WIDE else 8
RB1, DW1 = (12, dwt_12x1_16) if WIDE else (8, dwt_8x1_8)
RB3, DW3 = (8, dwt_8x3_16) if WIDE else (4, dwt_4x3_8)
RB5, DW5 = (5, dwt_5x5_16) if WIDE else (2, dwt_2x5_8)


@njit(**JIT)
def forward_tiled_chunk(k, chunks, x, wpk, bias, offs, geo, keep, xph, yw, y):
    """Chunk k of `chunks` (0 of 1: the serial kernel) of the tiled forward pass.

    wpk (blocks, T, FB) from `pack`; xph rows hold a sample's phase planes and `tail` zeros;
    yw (chunks, blocks, FB, padded length) is scratch."""
    sh, sw, pt, pl, hq, wq, oh, ow = geo[0], geo[1], geo[2], geo[3], geo[4], geo[5], geo[6], geo[7]
    ah, aw = geo[10], geo[11]
    f_ = y.shape[1]
    out = yw[k]
    lp = out.shape[2]
    n0, n1 = _chunk(k, chunks, x.shape[0])
    for n in range(n0, n1):
        xs = xph[n] if keep else xph[k]
        _to_phases(x, n, sh, sw, pt, pl, hq, wq, ah, aw, xs)
        for b in range(wpk.shape[0]):
            ob = out[b]
            wb = wpk[b]
            for q0 in range(0, lp, QB):
                micro(xs, offs, wb, q0, ob)
        for f in range(f_):
            src = out[f // FB, f % FB]
            b0 = bias[f]
            for oy in range(oh):
                dst = y[n, f, oy]
                row = src[oy * wq:]
                for ox in range(ow):
                    dst[ox] = row[ox] + b0


@njit(**JIT)
def _fill_dyt(dy, n, wq, dyt, db):
    """dyt[f // V, oy·wq + ox, f % V] = dy[n, f, oy, ox]: dy's wide rows, position-major in blocks of V
    filters (the junk columns and the padding filters are never written: they stay zero); db[f] +=
    the sum of dy[n, f] in float64 (the bias gradient)."""
    v = dyt.shape[2]
    length = dyt.shape[1]
    dtf = dyt.reshape(-1)
    vu = np.uint64(v)
    for f in range(dy.shape[1]):
        acc = 0.0
        for oy in range(dy.shape[2]):
            src = dy[n, f, oy]
            base = np.uint64(((f // v) * length + oy * wq) * v + f % v)
            for ox in range(dy.shape[3]):
                val = src[ox]
                dtf[base + np.uint64(ox) * vu] = val
                acc += val
        db[f] += acc


@njit(**JIT)
def weight_grad(k, chunks, width, dy, xph, rowoffs, wq, dyt, dwt_parts, db_parts):
    """Chunk k of a convolution's weight gradient, transposed, by the tile for `width` taps per row
    (3 or 5: kernel rows r = c·kh + i of a stride-1 layer; 1: single taps, any layer):
    dwt_parts[k][f // V, r·width + j, f % V] = Σ over the chunk's samples and positions q of
    xph[n][rowoffs[r] + j + q] · dy's wide row of filter f at q, and the bias gradient's partial
    sums db_parts[k].

    rowoffs holds whole blocks of rows for the tile (padding rows read offset 0; their sums are
    dropped); dyt (chunks, F_padded / V, length, V) is scratch whose unwritten entries are zero."""
    out = dwt_parts[k]
    out[...] = 0
    dbk = db_parts[k]
    dbk[...] = 0
    dyk = dyt[k]
    rows = rowoffs.shape[0]
    n0, n1 = _chunk(k, chunks, dy.shape[0])
    for n in range(n0, n1):
        _fill_dyt(dy, n, wq, dyk, dbk)
        xs = xph[n]
        for fb in range(dyk.shape[0]):
            dv, o = dyk[fb], out[fb]
            if width == 3:
                for r in range(0, rows, RB3):
                    DW3(dv, xs, rowoffs, r, o)
            elif width == 5:
                for r in range(0, rows, RB5):
                    DW5(dv, xs, rowoffs, r, o)
            else:
                for r in range(0, rows, RB1):
                    DW1(dv, xs, rowoffs, r, o)


@njit(**JIT)
def backward_dx_chunk(k, chunks, dy, wpx, dx_offs, bounds, phases, geo, dyp, dxw, dx):
    """Chunk k of a layer's input gradient (any stride): its samples' dx, phase plane by phase plane,
    each a correlation of dy's wide rows with the kernel taps that read that plane, turned around,
    by the forward micro-kernel.

    Phase p = (a, b) = phases[p] has the taps bounds[p] … bounds[p + 1] − 1 (rows of every block
    of wpx, from conv_tiling.DxPlan.pack; offsets dx_offs). dyp (chunks, F·R) holds dy's wide rows at `margin`
    in rows of R (margins stay zero); dxw (chunks, blocks, FB, R − margin) is scratch for one
    plane of every input channel. Phases no tap reads (a stride larger than the kernel) get 0."""
    sh, sw, pt, pl, hq, wq, kh, kw = geo[0], geo[1], geo[2], geo[3], geo[4], geo[5], geo[8], geo[9]
    ah, aw = geo[10], geo[11]
    f_, c_ = dy.shape[1], dx.shape[1]
    h, w = dx.shape[2], dx.shape[3]
    rows = dyp[k]
    row = rows.shape[0] // f_
    m = ((kh - 1) // sh) * wq + (kw - 1) // sw
    out = dxw[k]
    lp = out.shape[2]
    of = out.reshape(-1)
    dxf = dx.reshape(-1)
    n0, n1 = _chunk(k, chunks, dy.shape[0])
    for n in range(n0, n1):
        for f in range(f_):          # dy's wide rows, between zero margins
            wide_row(dy, n, f, wq, rows[f * row + m:])
        if ah < sh or aw < sw:
            _zero_run(dxf, n * c_ * h * w, c_ * h * w)
        for p in range(phases.shape[0]):
            a, b = phases[p, 0], phases[p, 1]
            t0, t1 = bounds[p], bounds[p + 1]
            offs = dx_offs[t0:t1]
            for blk in range(wpx.shape[0]):
                ob = out[blk]
                wb = wpx[blk, t0:t1]
                for q0 in range(0, lp, QB):
                    micro(rows, offs, wb, q0, ob)
            ulo, uhi = _valid_range(h, a, sh, pt, hq)
            vlo, vhi = _valid_range(w, b, sw, pl, wq)
            for c in range(c_):
                for u in range(ulo, uhi):
                    d = ((n * c_ + c) * h + u * sh + a - pt) * w + vlo * sw + b - pl
                    src = c * lp + u * wq + vlo
                    if sw == 1:
                        _copy_run(dxf, d, of, src, vhi - vlo)
                    else:
                        _scatter_strided(dxf, d, of, src, vhi - vlo, sw)
