"""Winograd F(2×2, 3×3) convolution for stride-1 3×3 kernels on NCHW batches, on the register tile.

Each 2×2 output tile is computed from a 4×4 input tile d as  Y = Aᵀ [ (G g Gᵀ) ⊙ (Bᵀ d B) ] A,
4 × 4 = 16 multiplications per (tile, filter, channel) instead of 2·2·9 = 36. Summed over the
channels, the element-wise product becomes 16 independent matrix products
    M[e] (F × P) = U[e] (F × C) · V[e] (C × P),    e = 0 … 15 (the 4×4 transform positions),
over a sample's P tiles — each run by the convolution's micro-kernel (kernels/conv_tiled.py
_sweep: the channels are its taps, 2.25× fewer products than the direct kernels).

Per sample (`winograd_chunk`): the padded input is split into its four stride-2 phase planes
(kernels/conv.py to_columns with a 2 × 2 "kernel" at stride 2, rows of tw + 1), so that the 16
values of a row of tiles are unit-stride runs; the input transform (a vector tile of
engine/vector_ir/) writes them at compact positions p = ty·tw + tx; the 16 products; then the
output transform (a vector tile), its two columns of each tile interleaved into y by shuffles. U (the kernel transform, G g Gᵀ) is
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
from ..spin import take
from ..vector_ir import interleave_tile, winograd_dy_tile, winograd_input_tile, winograd_output_tile
from .conv import _chunk, to_columns
from .conv_tiled import DW1, RB1, V, W, _fill_dyt, _sweep

# the transforms on W tiles at a time, and two rows of 8 outputs interleaved (engine/vector_ir/)
_in_tile16 = winograd_input_tile(16)
_in_tile8 = winograd_input_tile(8)
_out_tile = winograd_output_tile(W)
_interleave8 = interleave_tile(8)
_dy_tile = winograd_dy_tile(V)


@njit(inline="always", **JIT)
def _input_tiles(xs, c_, th, tw, pp, cps, v):
    """v[e·cps + c·pp + p] = (Bᵀ d B)[e // 4, e % 4] for the tile at p = ty·tw + tx, d its 4×4
    input: d[i, j] = phase plane (c, i mod 2, j mod 2) of xs at (ty + i div 2)·(tw + 1) + tx + j div 2
    (planes of (th + 1)·(tw + 1) values). A row of tiles 16 or 8 at a time (a row's last vector may
    run into the next row's first tiles, which are written after it; the last row's into the padding
    between channels and after the last: cps ≥ C·pp + 16)."""
    tw1 = tw + 1
    s = (th + 1) * tw1
    wide = tw % 16 == 0
    for c in range(c_):
        b = 4 * c * s
        o = c * pp
        for ty in range(th):
            if wide:
                for tx in range(0, tw, 16):
                    _in_tile16(xs, b, s, tw1, v, o, cps, ty * tw1 + tx, ty * tw + tx)
            else:
                for tx in range(0, tw, 8):
                    _in_tile8(xs, b, s, tw1, v, o, cps, ty * tw1 + tx, ty * tw + tx)


@njit(inline="always", **JIT)
def _output_tiles(m, pp, bias, relu, n, tw, ot, y):
    """y[n, f, 2·ty + r, 2·tx + s] = bias[f] + (Aᵀ M A)[r, s], M[e] = m[e, f·pp + p] at
    p = ty·tw + tx, cropped to y (through a ReLU when `relu` is not 0); ot (4, pp) is scratch for
    one filter's four outputs, computed W tiles at a time and written out two rows of 8 at a time,
    interleaved."""
    f_, oh, ow = y.shape[1], y.shape[2], y.shape[3]
    es = m.shape[1]                        # one transform position e to the next
    half = ow // 2
    whole = half - half % 8
    mf = m.reshape(-1)
    of = ot.reshape(-1)
    yf = y.reshape(-1)
    for f in range(f_):
        for p in range(0, pp, W):
            _out_tile(mf, f * pp + p, es, bias[f], of, p, pp)
        if relu:
            for i in range(4 * pp):
                v = of[i]
                of[i] = v if v > 0 else 0
        for oy in range(oh):
            ev = 2 * (oy % 2) * pp + (oy // 2) * tw
            od = ev + pp
            d = ((n * f_ + f) * oh + oy) * ow
            for t in range(0, whole, 8):
                _interleave8(of, ev + t, od + t, yf, d + 2 * t)
            du, evu, odu = np.uint64(d), np.uint64(ev), np.uint64(od)
            for tx in range(whole, half):
                t = np.uint64(tx)
                yf[du + t + t] = of[evu + t]
                yf[du + t + t + np.uint64(1)] = of[odu + t]
            if ow % 2:
                yf[du + np.uint64(ow - 1)] = of[evu + np.uint64(half)]


@njit(**JIT)
def winograd_chunk(k, chunks, taken, x, up, bias, relu, offs, pads, xs_rows, v_rows, m_rows, ot_rows, y):
    """Chunk k of `chunks` of y = conv(x, kernel) + bias by F(2×2, 3×3), sample by sample (through
    a ReLU when `relu` is not 0).

    up (16, blocks, C, FB): U[e] packed for the micro-kernel; offs[c] = c·pp; pads (top, left);
    scratch rows per chunk: xs_rows (the phase planes, + 32 values the last vectors read), v_rows
    (16 rows of C·pp), m_rows (16 rows of blocks·FB·pp), ot_rows (4, pp). The 16 rows of v and of
    m are each a cache line longer than their data: 16 streams a multiple of 4 KiB apart would share
    the L1 cache's sets (64 → 32 channels at 16×16 ran 11× slower in the input transform)."""
    c_ = x.shape[1]
    oh, ow = y.shape[2], y.shape[3]
    th, tw = (oh + 1) // 2, (ow + 1) // 2
    xs, v, m, ot = xs_rows[k], v_rows[k], m_rows[k], ot_rows[k]
    pp = ot.shape[1]
    cp = c_ * pp
    cps = v.shape[0] // 16
    blocks, fb = up.shape[1], up.shape[3]
    two = np.int64(2)          # (int64, not literals: the one signature the other callers use)
    n_total = x.shape[0]
    n = take(taken)           # the next sample, whichever thread asks first
    while n < n_total:
        to_columns(x, n, two, two, pads[0], pads[1], th + 1, two, two, tw + 1, xs)
        _input_tiles(xs, c_, th, tw, pp, cps, v)
        for e in range(16):
            me = m[e, :blocks * fb * pp].reshape((blocks, fb, pp))
            _sweep(v[e * cps:e * cps + cp], offs, up[e], np.int64(0), c_, pp, me)
        _output_tiles(m, pp, bias, relu, n, tw, ot, y)
        n = take(taken)


@njit(inline="always", **JIT)
def _z_tiles(dt, th, tw, ow, pp, z):
    """z[e, (fb·pp + p)·V + l] = (A dY Aᵀ)[e // 4, e % 4] for filter fb·V + l and the tile at
    p = ty·tw + tx, dY its 2×2 of dy (position-major in dt[fb, q, l], q = oy·ow + ox): the output
    gradient transformed as the forward pass's M was, V filters at a time (a vector tile). The 16
    rows of z are a cache line longer than their data (16 KiB apart, they shared the L1 cache's
    sets: 10× slower)."""
    blocks, v_ = dt.shape[0], dt.shape[2]
    dtf = dt.reshape(-1)
    zf = z.reshape(-1)
    es = z.shape[1]                            # one transform position e to the next in z
    for fb in range(blocks):
        for ty in range(th):
            for tx in range(tw):
                _dy_tile(dtf, ((fb * th * 2 + 2 * ty) * ow + 2 * tx) * v_, ow * v_, zf,
                         ((fb * pp) + ty * tw + tx) * v_, es)


@njit(**JIT)
def winograd_dw_chunk(k, chunks, dy, x, pads, xs_rows, v_rows, dyt, zt, rowoffs, parts, db_parts):
    """Chunk k of `chunks` of a 3×3 stride-1 layer's weight gradient by F(2×2, 3×3), oh and ow even:
    parts[k][e, fb, c, l] = Σ over the chunk's samples and tiles p of V_c[e](p) · Z_f[e](p) for
    f = fb·V + l — V = Bᵀ d B the input tiles transformed as in the forward pass, Z = A dY Aᵀ the
    output gradient's tiles — 16 products over the positions by the weight gradient's GEMM tile
    (rows c of one tap each, rowoffs[c] = c·pp, padded with 0 to whole blocks); db_parts[k][f] the
    bias sums. The caller turns Σ into dW = Gᵀ M G (engine/conv_winograd.py).

    Scratch per chunk: xs_rows, v_rows as winograd_chunk's; dyt (blocks, oh·ow, V) and zt (16 rows
    of blocks·pp·V values and a cache line), zero-filled once (their padding is never written)."""
    c_ = x.shape[1]
    oh, ow = dy.shape[2], dy.shape[3]
    th, tw = oh // 2, ow // 2
    xs, v, dt, z = xs_rows[k], v_rows[k], dyt[k], zt[k]
    blocks, v_ = dt.shape[0], dt.shape[2]
    tiles = th * tw
    pp = (tiles + W - 1) // W * W                # tile positions, whole vectors (as the forward's)
    bpv = blocks * pp * v_
    cps = v.shape[0] // 16
    cp = c_ * pp
    two = np.int64(2)
    zero = np.int64(0)
    out = parts[k]
    out[...] = 0
    db_parts[k][...] = 0
    n0, n1 = _chunk(k, chunks, x.shape[0])
    for n in range(n0, n1):
        _fill_dyt(dy, n, dt, db_parts[k])
        _z_tiles(dt, th, tw, ow, pp, z)
        to_columns(x, n, two, two, pads[0], pads[1], th + 1, two, two, tw + 1, xs)
        _input_tiles(xs, c_, th, tw, pp, cps, v)
        for e in range(16):
            ve = v[e * cps:e * cps + cp]
            ze = z[e, :bpv].reshape((blocks, pp, v_))
            for fb in range(blocks):
                zt_ = ze[fb, :tiles]           # the real tiles only: v's padding may hold anything
                for r in range(0, rowoffs.shape[0], RB1):
                    DW1(zt_, ve, rowoffs, zero, r, out[e, fb])
