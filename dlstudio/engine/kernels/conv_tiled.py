"""Conv2D with register-tiled micro-kernels (conv_micro.py) on the column-plane layout of
kernels/conv.py.

The output (oh·ow positions per filter, see conv.py) is cut into tiles of FB filters × QB
positions; each tile is computed by one micro-kernel call that keeps its FB·QB sums in vector
registers over all C·kh·kw taps and writes them once. Filters are padded to a multiple of FB with
zero weights, positions to whole vectors: a run ends in one or two one-vector tiles (`_sweep`),
so the planes carry a tail of `tail(length)` values that it reads (its sums there are dropped).

The input gradient of a stride-1 layer is a forward pass over dy's column planes with the kernel
turned around (conv_tiling.DxAsForward) where the layer is padded to keep its size; without
padding (LeNet-5's C3) half of that pass would multiply the zeros around dy, so there it is
cols = Wᵀ dy by the micro-kernel — C·kh·kw rows, dy's own positions — and each row of dx the sum
of the windows of cols that reach it (conv_tiling.DxScatter, backward_dx_scatter_chunk). For other
strides it uses the same micro-kernel another
way: with dy's wide rows placed in
zero margins (`margin`), each of dx's padded phase planes (a, b) is the correlation of dy with
the kernel taps (f, i, j) that read it (i mod sh = a, j mod sw = b), turned around — a forward
pass whose "filters" are the input channels and whose taps sit at offsets
f·R + margin − ((i div sh)·wq + j div sw) — then scattered into dx (backward_dx_chunk).

Every layer's weight gradient runs in GEMM form: dWᵀ[t, f] = Σ_q xc[offs[t] + q] · dyᵀ[q, f] in
tiles of kernel rows × kw taps by V filters, the sums vectors over filters for all positions
(weight_grad_3, _5: rows of 3 or 5 taps, a plane apart, for layers that wide; one tap per "row" for the
rest).

The micro-kernels are LLVM vector code (engine/vector_ir/) wrapped in kernels/conv_micro.py.
"""
from __future__ import annotations

from .. import config  # noqa: F401  (before numba: sets the cache dir)

import numpy as np
from numba import njit

from ..config import JIT, RJIT
from ..spin import take
from ..vector_ir import bias_run, window_sum
from ..vector_width import WIDE_TILE, conv_tile
from .conv import _chunk, _copy_run, _scatter_strided, _valid_range, _zero_run, to_columns, wide_row
from .conv_micro import (bcast_10x8, bcast_10x16, dwt_2x5_8, dwt_4x3_8, dwt_5x5_16, dwt_8x1_8, dwt_8x3_16,
                         dwt_12x1_16, micro_6x8, micro_6x16, micro_8x16, micro_8x48, transpose_8, transpose_16)

# The micro-kernel's tile, filters × positions (engine/conv_tiling.py packs for it): 8 × 48 in
# 512-bit vectors where the CPU has AVX-512, else 6 × 16. The drivers below compile with it.
FB, QB = conv_tile()
WIDE = (FB, QB) == WIDE_TILE
micro = micro_8x48 if WIDE else micro_6x16
# values per vector; a run of positions is a whole number of vectors, its last tile one or two
W = QB // 3 if WIDE else QB // 2
tail = micro_8x16 if WIDE else micro_6x8
# y's rows from the tiles' output: + bias (and ReLU), in vectors with a masked last one
bias_row = bias_run(W)
# The weight gradient's GEMM-form micro-kernels for 1-, 3- and 5-wide kernels: filters per vector
# (V), kernel rows per block (RB1, RB3, RB5) and the block kernels.
V = 16 if WIDE else 8
transpose = transpose_16 if WIDE else transpose_8     # V × V blocks
# The forward tile turned around (filters in a vector, PB positions broadcast) and its width
PB, BCAST = 10, (bcast_10x16 if WIDE else bcast_10x8)
RB1, DW1 = (12, dwt_12x1_16) if WIDE else (8, dwt_8x1_8)
RB3, DW3 = (8, dwt_8x3_16) if WIDE else (4, dwt_4x3_8)
RB5, DW5 = (5, dwt_5x5_16) if WIDE else (2, dwt_2x5_8)
# the input gradient's col2im (backward_dx_scatter_chunk): rows of dx summed four channels at a time
RW = 4
wsum = window_sum(V, RW)


@njit(inline="always", **JIT)
def _sweep(xs, offs, wp, t0, t1, lp, out):
    """out[b, f, q] = Σ_(t0 ≤ t < t1) wp[b, t, f] · xs[offs[t − t0] + q] for q < lp (a whole number
    of vectors), tile by tile, every block of filters in turn (while the tile's inputs are in the
    L1 cache), then the last one or two vectors one at a time."""
    full = lp - lp % QB
    for q0 in range(0, full, QB):
        for b in range(wp.shape[0]):
            micro(xs, offs, wp[b, t0:t1], q0, out[b])
    for b in range(wp.shape[0]):
        for q0 in range(full, lp, W):        # (one vector at a time: one tile less to compile)
            tail(xs, offs, wp[b, t0:t1], q0, out[b])


@njit(**JIT)
def forward_tiled_chunk(k, chunks, taken, x, wpk, bias, offs, geo, relu, xcs, yw, y):
    """Chunk k of `chunks` (0 of 1: the serial kernel) of the tiled forward pass; y = conv + bias,
    through a ReLU (v if v > 0 else 0, as the ReLU layer) when `relu` is not 0.

    wpk (blocks, T, FB) from `pack`; xcs (chunks, row) is scratch for one sample's column planes
    (kernels/conv.py to_columns) and their `tail` — or, for a "wide" layer (geo[14]: stride 1, no
    padding), the sample itself, read in place by taps at c·H·W + i·W + j, the outputs in rows of
    W (geo[13]) of which the first ow are kept; yw (chunks, blocks, FB, padded length) too."""
    sh, sw, pt, pl, oh, ow = geo[0], geo[1], geo[2], geo[3], geo[6], geo[7]
    kw, ah, rq, rs, wide = geo[9], geo[10], geo[12], geo[13], geo[14]
    f_ = y.shape[1]
    out = yw[k]
    lp = out.shape[2]
    yf = y.reshape(-1)
    xf = x.reshape(-1)
    size = x.shape[1] * x.shape[2] * x.shape[3]
    n_total = x.shape[0]
    n = take(taken)           # the next sample, whichever thread asks first
    while n < n_total:
        xs = xcs[k]
        if wide:
            _copy_run(xs, np.int64(0), xf, n * size, size)   # (int64: the one signature)
        else:
            to_columns(x, n, sh, sw, pt, pl, rq, ah, kw, ow, xs)
        _sweep(xs, offs, wpk, np.int64(0), wpk.shape[1], lp, out)   # (int64: one signature for both callers)
        for f in range(f_):
            src = out[f // FB, f % FB]
            d = (n * f_ + f) * oh * ow
            if rs == ow:           # rows back to back: one run
                bias_row(src, 0, yf, d, oh * ow, bias[f], relu)
            else:
                for oy in range(oh):
                    bias_row(src, oy * rs, yf, d + oy * ow, ow, bias[f], relu)
        n = take(taken)


@njit(**JIT)
def forward_bcast_chunk(k, chunks, taken, x, wpv, bias, offs, geo, relu, xcs, pm, blk, y):
    """Chunk k of `chunks` of the forward pass of a "wide" layer (geo[14]: stride 1, no padding,
    taps read x in place) by the turned-around tile: y = conv + bias (ReLU'd when `relu` ≠ 0).

    wpv (blocks, T, V) from conv_tiling.pack_vectors (V filters a row); each output row is computed
    PB positions at a time into pm[k] (position-major, wide positions oy·rs + ox, rows of V
    filters), turned filter-major V × V at a time through blk[k] and written to y. xcs[k] holds the
    sample and PB zeros after it (what a row's last tile reads past x)."""
    oh, ow, rs = geo[6], geo[7], geo[13]
    f_ = y.shape[1]
    out, bk, xs = pm[k], blk[k], xcs[k]
    of = out.reshape(-1)
    yf = y.reshape(-1)
    xf = x.reshape(-1)
    size = x.shape[1] * x.shape[2] * x.shape[3]
    n_total = x.shape[0]
    n = take(taken)           # the next sample, whichever thread asks first
    while n < n_total:
        _copy_run(xs, np.int64(0), xf, n * size, size)
        for b in range(wpv.shape[0]):
            for oy in range(oh):
                for ox0 in range(0, ow, PB):
                    BCAST(xs, offs, wpv[b], oy * rs + ox0, out)
            nf = min(V, f_ - b * V)
            for oy in range(oh):
                for ox0 in range(0, ow, V):
                    transpose(of, (oy * rs + ox0) * V, np.int64(V), bk, np.int64(0))
                    m = min(V, ow - ox0)
                    for j in range(nf):
                        f = b * V + j
                        bias_row(bk, j * V, yf, ((n * f_ + f) * oh + oy) * ow + ox0, m, bias[f], relu)
        n = take(taken)


@njit(**RJIT)
def _sum64(a, s, n):
    """The float64 sum of a[s:s + n], in any order (RJIT: it vectorises; one running sum would
    wait for each addition, 4 cycles a value)."""
    acc = 0.0
    su = np.uint64(s)
    for v in range(n):
        acc += np.float64(a[su + np.uint64(v)])
    return acc


@njit(inline="always", **JIT)
def _fill_dyt(dy, n, dyt, db):
    """dyt[f // V, q, f % V] = dy[n, f] at position q = oy·ow + ox: dy position-major in blocks of
    V filters, V × V blocks at a time in registers (the padding filters are never written: they
    stay zero); db[f] += the sum of dy[n, f] in float64 (the bias gradient)."""
    f_ = dy.shape[1]
    q_ = dy.shape[2] * dy.shape[3]
    vu = np.uint64(V)
    dyf = dy.reshape(-1)
    dtf = dyt.reshape(-1)
    for f in range(f_):
        db[f] += _sum64(dyf, (n * f_ + f) * q_, q_)
    qv = q_ - q_ % V
    for fb in range((f_ + V - 1) // V):
        f0 = fb * V
        s0 = (n * f_ + f0) * q_
        d0 = fb * q_ * V
        if f0 + V <= f_:
            for q in range(0, qv, V):
                transpose(dyf, s0 + q, q_, dtf, d0 + q * V)
            q1 = qv
        else:
            q1 = 0
        for f in range(f0, min(f0 + V, f_)):      # the rest value by value
            su = np.uint64(s0 + (f - f0) * q_)
            base = np.uint64(d0 + f - f0)
            for q in range(q1, q_):
                dtf[base + np.uint64(q) * vu] = dyf[su + np.uint64(q)]


@njit(inline="always", **JIT)
def _dw_sample(k, n, dy, x, geo, xcs, dyt, db_parts):
    """Sample n's share of the weight gradient's inputs, in chunk k's scratch: dy position-major in
    dyt[k], its column planes — made again from x (the forward pass keeps none: rebuilding them
    in the cache costs less than storing and reloading them) — in xcs[k], the bias sums added."""
    sh, sw, pt, pl, ow = geo[0], geo[1], geo[2], geo[3], geo[7]
    kw, ah, rq = geo[9], geo[10], geo[12]
    _fill_dyt(dy, n, dyt[k], db_parts[k])
    to_columns(x, n, sh, sw, pt, pl, rq, ah, kw, ow, xcs[k])


# The weight gradient, one kernel per tile width (a network compiles only the widths it has; a tile
# passed as an argument instead would make Numba compile per tile too, but not cache the result):
# chunk k of dwt_parts[k][f // V, r·width + j, f % V] = Σ over the chunk's samples and positions q
# of xc[rowoffs[r] + j·step + q] · dy[n, f] at q — kernel rows r = c·kh + i of `width` taps (3 or 5)
# `step` values apart (one column plane each), or single taps (width 1) — and the bias gradient's
# partial sums db_parts[k]. rowoffs holds whole blocks of rows for the tile (padding rows read
# offset 0; their sums are dropped); dyt (chunks, F_padded / V, oh·ow, V) is scratch whose padding
# filters stay zero.

@njit(**JIT)
def weight_grad_1(k, chunks, step, dy, x, geo, xcs, rowoffs, dyt, dwt_parts, db_parts):
    dwt_parts[k][...] = 0
    db_parts[k][...] = 0
    n0, n1 = _chunk(k, chunks, dy.shape[0])
    for n in range(n0, n1):
        _dw_sample(k, n, dy, x, geo, xcs, dyt, db_parts)
        for fb in range(dyt.shape[1]):
            for r in range(0, rowoffs.shape[0], RB1):
                DW1(dyt[k, fb], xcs[k], rowoffs, step, r, dwt_parts[k, fb])


@njit(**JIT)
def weight_grad_3(k, chunks, step, dy, x, geo, xcs, rowoffs, dyt, dwt_parts, db_parts):
    dwt_parts[k][...] = 0
    db_parts[k][...] = 0
    n0, n1 = _chunk(k, chunks, dy.shape[0])
    for n in range(n0, n1):
        _dw_sample(k, n, dy, x, geo, xcs, dyt, db_parts)
        for fb in range(dyt.shape[1]):
            for r in range(0, rowoffs.shape[0], RB3):
                DW3(dyt[k, fb], xcs[k], rowoffs, step, r, dwt_parts[k, fb])


@njit(**JIT)
def weight_grad_5(k, chunks, step, dy, x, geo, xcs, rowoffs, dyt, dwt_parts, db_parts):
    dwt_parts[k][...] = 0
    db_parts[k][...] = 0
    n0, n1 = _chunk(k, chunks, dy.shape[0])
    for n in range(n0, n1):
        _dw_sample(k, n, dy, x, geo, xcs, dyt, db_parts)
        for fb in range(dyt.shape[1]):
            for r in range(0, rowoffs.shape[0], RB5):
                DW5(dyt[k, fb], xcs[k], rowoffs, step, r, dwt_parts[k, fb])


@njit(**JIT)
def backward_dx_scatter_chunk(k, chunks, taken, dy, wpt, offs, toffs, tlo, thi, bounds, taps, xs, cols, dx):
    """Chunk k of a stride-1 layer's input gradient by columns (conv_tiling.DxScatter):

    cols[(c, i, j), q] = Σ_f W[f, c, i, j] · dy[f, q] for dy's positions q (wpt from DxScatter.pack:
    the C·kh·kw rows as the micro-kernel's "filters", dy's F planes as its taps at offs), then
    dx[c, y, x0 + v] = Σ_t cols[c·taps·lp + toffs[t] + x0 + v] over the taps t of dx's row y
    (bounds[y] … bounds[y + 1] − 1), lane v only where tlo[t] ≤ x0 + v < thi[t] (vector_ir.window_sum).
    xs (chunks, F·P + lp) holds one sample's dy and zeros after it for the last tile; cols
    (chunks, blocks, FB, lp). Samples are taken one at a time (spin.take)."""
    n_total, f_ = dy.shape[0], dy.shape[1]
    p = dy.shape[2] * dy.shape[3]
    c_, h, w = dx.shape[1], dx.shape[2], dx.shape[3]
    out = cols[k]
    lp = out.shape[2]
    cf = out.reshape(-1)
    xk = xs[k]
    dyf = dy.reshape(-1)
    dxf = dx.reshape(-1)
    per_c = taps * lp
    n = take(taken)
    while n < n_total:
        _copy_run(xk, 0, dyf, n * f_ * p, f_ * p)
        _sweep(xk, offs, wpt, 0, f_, lp, out)
        for c0 in range(0, c_, RW):
            rows = min(RW, c_ - c0)
            for y in range(h):
                d = ((n * c_ + c0) * h + y) * w
                for x0 in range(0, w, V):
                    wsum(cf, c0 * per_c, per_c, toffs, tlo, thi, bounds[y], bounds[y + 1], x0,
                         dxf, d + x0, h * w, min(V, w - x0), rows)
        n = take(taken)


@njit(**JIT)
def backward_dx_chunk(k, chunks, taken, dy, wpx, dx_offs, bounds, phases, geo, dyp, dxw, dx):
    """Chunk k of a layer's input gradient (any stride): its samples' dx, phase plane by phase plane,
    each a correlation of dy's wide rows with the kernel taps that read that plane, turned around,
    by the forward micro-kernel.

    Phase p = (a, b) = phases[p] has the taps bounds[p] … bounds[p + 1] − 1 (rows of every block
    of wpx, from conv_tiling.DxPlan.pack; offsets dx_offs). dyp (chunks, F·R) holds dy's wide rows at `margin`
    in rows of R (margins and the last vector's overrun stay zero); dxw (chunks, blocks, FB,
    padded plane) is scratch for one plane of every input channel, of which only the positions
    inside x are computed. Phases no tap reads (a stride larger than the kernel) get 0."""
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
    n_total = dy.shape[0]
    n = take(taken)           # the next sample, whichever thread asks first
    while n < n_total:
        for f in range(f_):          # dy's wide rows, between zero margins
            wide_row(dy, n, f, wq, rows[f * row + m:])
        if ah < sh or aw < sw:
            _zero_run(dxf, n * c_ * h * w, c_ * h * w)
        for p in range(phases.shape[0]):
            a, b = phases[p, 0], phases[p, 1]
            t0, t1 = bounds[p], bounds[p + 1]
            ulo, uhi = _valid_range(h, a, sh, pt, hq)
            vlo, vhi = _valid_range(w, b, sw, pl, wq)
            if uhi <= ulo or vhi <= vlo:
                continue
            # only the plane's positions inside x: from (ulo, vlo) to (uhi − 1, vhi − 1)
            qs = ulo * wq + vlo
            span = (uhi - 1 - ulo) * wq + vhi - vlo
            _sweep(rows[qs:], dx_offs[t0:t1], wpx, t0, t1, -(-span // W) * W, out)
            for c in range(c_):
                for u in range(ulo, uhi):
                    d = ((n * c_ + c) * h + u * sh + a - pt) * w + vlo * sw + b - pl
                    src = c * lp + (u - ulo) * wq
                    if sw == 1:
                        _copy_run(dxf, d, of, src, vhi - vlo)
                    else:
                        _scatter_strided(dxf, d, of, src, vhi - vlo, sw)
        n = take(taken)
