"""The Python side of the register-tiled convolution (kernels/conv_tiled.py): padded sizes, weights
packed for the micro-kernel, the input-gradient taps and the weight gradient's kernel rows."""
from __future__ import annotations

import numpy as np

from .kernels.conv_tiled import (DW3, FB, PB, QB, RB1, RB3, RB5, V, W, backward_dx_chunk,  # noqa: F401
                                 backward_dx_scatter_chunk, forward_bcast_chunk, forward_tiled_chunk, micro, weight_grad_1, weight_grad_3,
                                 weight_grad_5)

#: the GEMM-form weight-gradient tiles' rows per block, by taps per row
DW_ROWS = {1: RB1, 3: RB3, 5: RB5}
#: and their kernels
WEIGHT_GRAD = {1: weight_grad_1, 3: weight_grad_3, 5: weight_grad_5}


def padded(length: int) -> int:
    """Positions computed per filter: `length` rounded up to whole vectors."""
    return -(-length // W) * W


def tail(length: int) -> int:
    """Values after a sample's planes that the last tiles read (their sums are dropped)."""
    return padded(length) - length


def geometry(sh, sw, pt, pl, hq, wq, oh, ow, kh, kw, ah, aw, rq, rs, wide) -> np.ndarray:
    """The int64 vector the tiled kernels read a layer's shape from (kernels/conv_tiled.py): strides,
    top / left padding, dx's phase-plane size (hq × wq), the output (oh × ow), the kernel, the
    phases read (ah, aw), the column planes' rows (rq), and the forward pass's output row stride
    (rs) and whether it reads x in place ("wide", 1) or from column planes (0)."""
    return np.array([sh, sw, pt, pl, hq, wq, oh, ow, kh, kw, ah, aw, rq, rs, int(wide)], np.int64)


def turn(kernel: np.ndarray) -> np.ndarray:
    """(F, C, kh, kw) kernel → (C, F, kh, kw), each kh × kw turned around: the kernel whose forward
    pass over dy is a stride-1 layer's input gradient."""
    return np.ascontiguousarray(kernel.transpose(1, 0, 2, 3)[:, :, ::-1, ::-1])


def column_offsets(c: int, kh: int, kw: int, sh: int, rq: int, ow: int) -> np.ndarray:
    """Tap (c, i, j)'s offset into a sample's column planes (kernels/conv.py to_columns): plane
    (c, i mod sh, j), from row i div sh on; rq rows of ow values a plane."""
    ah = min(sh, kh)
    ci, i, j = np.meshgrid(np.arange(c), np.arange(kh), np.arange(kw), indexing="ij")
    return ((((ci * ah + i % sh) * kw + j) * rq + i // sh) * ow).reshape(-1).astype(np.int64)


class DxAsForward:
    """The input gradient of a stride-1 "same" layer, computed as a forward pass:
    dx[c, y, x] = Σ_(f, i, j) W[f, c, kh − 1 − i, kw − 1 − j] · dy[f, y + i − pt', x + j − pl']
    with pt' = kh − 1 − pt, pl' = kw − 1 − pl — dy's column planes and the kernel turned around,
    so that only dx's own positions are computed (kernels/conv_tiled.py forward_tiled_chunk)."""

    def __init__(self, c: int, h: int, w: int, f: int, kh: int, kw: int, pt: int, pl: int):
        rq = h + kh - 1
        self.geo = geometry(1, 1, kh - 1 - pt, kw - 1 - pl, 0, 0, h, w, kh, kw, 1, 1, rq, w, False)
        self.offs = column_offsets(f, kh, kw, 1, rq, w)
        self.length = h * w
        self.sample_size = f * kw * rq * w
        self.row_size = self.sample_size + tail(self.length)

    @staticmethod
    def applies(sh: int, sw: int, kh: int, kw: int, pads) -> bool:
        """For stride-1 layers padded to keep their size ("same"), where dy's column planes are one
        copy each: on "valid" layers (LeNet-5's C3: 0.41 against 0.36 ms) the phase planes are faster."""
        (pt, pb), (pl, pr) = pads
        return (sh == sw == 1 and pt + pb == kh - 1 and pl + pr == kw - 1
                and min(pt, pb, pl, pr) >= 0)

    @staticmethod
    def pack(kernel: np.ndarray) -> np.ndarray:
        """(F, C, kh, kw) kernel → turned around, (C, F·kh·kw) in blocks for the micro-kernel."""
        f, c, kh, kw = kernel.shape
        return pack(turn(kernel).reshape(c, f * kh * kw))


class DxScatter:
    """The input gradient of a stride-1 layer that DxAsForward does not take (no padding, as
    LeNet-5's C3, or uneven padding), by columns: cols = Wᵀ dy over dy's own positions, then each
    row of dx summed from the shifted windows of the cols rows that reach it
    (kernels/conv_tiled.py backward_dx_scatter_chunk). The full correlation over dy's zero margins
    (backward_dx_chunk) spends half its products on zeros in C3 and fills a tile of 8 channels
    with 6; here the rows are C·kh·kw. One thread, batch 64, dx: C3 0.39 → 0.24 ms; 16 → 32 3×3
    on 16×16 0.74 → 0.63; 32 → 64 3×3 on 8×8 0.77 → 0.52; 3 → 16 5×5 on 32×32 1.73 → 0.87. Not
    where a sample's cols outgrow the L2 cache (`MAX_COLS_BYTES`): 64 → 64 3×3 on 32×32, 2 MB of
    cols, 9.8 against 6.3 ms."""

    MAX_COLS_BYTES = 512 * 1024

    def __init__(self, c: int, h: int, w: int, f: int, oh: int, ow: int, kh: int, kw: int, pt: int, pl: int):
        p = oh * ow
        self.lp = lp = padded(p)
        self.taps = kh * kw
        self.offs = (np.arange(f) * p).astype(np.int64)          # dy's planes, one per "tap"
        self.xs_size = f * p + lp
        self.blocks = -(-c * kh * kw // FB)
        offs, lo, hi, bounds = [], [], [], [0]
        for y in range(h):
            for i in range(kh):
                yy = y + pt - i                                   # dy's row that tap row i brings here
                if 0 <= yy < oh:
                    for j in range(kw):
                        offs.append((i * kw + j) * lp + yy * ow + pl - j)
                        lo.append(j - pl)
                        hi.append(j - pl + ow)
            bounds.append(len(offs))
        self.toffs, self.tlo, self.thi, self.bounds = (np.array(a, np.int64) for a in (offs, lo, hi, bounds))

    @staticmethod
    def applies(sh: int, sw: int, kh: int, kw: int, pads, c: int, oh: int, ow: int, itemsize: int) -> bool:
        return (sh == sw == 1 and not DxAsForward.applies(sh, sw, kh, kw, pads)
                and min(min(pads[0]), min(pads[1])) >= 0
                and -(-c * kh * kw // FB) * FB * padded(oh * ow) * itemsize <= DxScatter.MAX_COLS_BYTES)

    @staticmethod
    def pack(kernel: np.ndarray) -> np.ndarray:
        """(F, C, kh, kw) kernel → the micro-kernel's blocks of C·kh·kw rows, F taps each."""
        f = kernel.shape[0]
        return pack(np.ascontiguousarray(kernel.reshape(f, -1).T))


def pack(w2: np.ndarray) -> np.ndarray:
    """(F, T) weights → (ceil(F / FB), T, FB) blocks, tap-major, zero filters padding the last."""
    f, t = w2.shape
    blocks = -(-f // FB)
    wp = np.zeros((blocks * FB, t), w2.dtype)
    wp[:f] = w2
    return np.ascontiguousarray(wp.reshape(blocks, FB, t).transpose(0, 2, 1))


def pack_vectors(w2: np.ndarray) -> np.ndarray:
    """(F, T) weights, F a multiple of V → (F / V, T, V): V filters' weights of a tap adjacent, for
    the turned-around forward tile (kernels/conv_tiled.py forward_bcast_chunk)."""
    f, t = w2.shape
    return np.ascontiguousarray(w2.reshape(f // V, V, t).transpose(0, 2, 1))


def bcast_applies(wide: bool, f: int, ow: int) -> bool:
    """Whether a layer's forward pass takes the turned-around tile: read in place ("wide"), its
    filters whole vectors (at most two), its rows whole tiles of PB positions. There it computes
    no junk positions (LeNet-5's C3, 10 of 14 columns kept: the position tile computes 144 for 100)
    — forward, one thread, batch 64: 0.205 → 0.17 ms."""
    return wide and f % V == 0 and f <= 2 * V and ow % PB == 0


def weight_grad_plan(offs: np.ndarray, kw: int, step: int) -> tuple[np.ndarray, int]:
    """How the GEMM-form weight gradient walks the taps: (row offsets, taps per row). Rows of kw
    taps when the taps (c, i, j) read offs = row offset + j·step — each kernel column its own plane
    of `step` values — and there is a tile for kw (3 or 5) and its padding to whole blocks costs
    less than single taps would (one tap a row runs ~1.2x slower: 183-188 against 223-228 GFLOP/s
    on one thread); else every tap its own row (tile width 1: any width). Padded with offset-0
    rows to whole blocks (they read real inputs; their sums are dropped)."""
    rows, width = offs.reshape(-1, kw), kw
    if (kw not in DW_ROWS or not np.array_equal(rows, rows[:, :1] + np.arange(kw) * step)
            or 1.2 * _blocks(len(offs), 1) < _blocks(len(rows), kw)):   # (single taps run ~1.2x slower)
        rows, width = offs.reshape(-1, 1), 1
    rb = DW_ROWS[width]
    padded = np.zeros(-(-len(rows) // rb) * rb, np.int64)
    padded[:len(rows)] = rows[:, 0]
    return padded, width


def _blocks(rows: int, width: int) -> int:
    """Taps computed for `rows` rows of `width` taps, padded to whole blocks of the tile."""
    return -(-rows // DW_ROWS[width]) * DW_ROWS[width] * width


def margin(kh: int, kw: int, wq: int, sh: int = 1, sw: int = 1) -> int:
    """Zeros before dy's wide rows: the largest tap shift ((i div sh)·wq + j div sw)."""
    return ((kh - 1) // sh) * wq + (kw - 1) // sw


class DxPlan:
    """The input gradient's taps (f, i, j), grouped by the phase plane (i mod sh, j mod sw) they
    read: `phases` (P, 2), `bounds` (P + 1) the taps of each, `taps` their index into the kernel's
    (f, i, j) order and `offs` their offsets into dy's margin-padded rows of `row` values."""

    def __init__(self, f: int, kh: int, kw: int, sh: int, sw: int, wq: int, row: int):
        fi, i, j = (a.reshape(-1) for a in np.meshgrid(np.arange(f), np.arange(kh), np.arange(kw), indexing="ij"))
        m = margin(kh, kw, wq, sh, sw)
        phases, taps, bounds = [], [], [0]
        for a in range(min(sh, kh)):
            for b in range(min(sw, kw)):
                sel = np.flatnonzero((i % sh == a) & (j % sw == b))
                phases.append((a, b))
                taps.append(sel)
                bounds.append(bounds[-1] + len(sel))
        self.taps = np.concatenate(taps)
        self.phases = np.array(phases, np.int64)
        self.bounds = np.array(bounds, np.int64)
        t = self.taps
        self.offs = (fi[t] * row + m - ((i[t] // sh) * wq + j[t] // sw)).astype(np.int64)

    def pack(self, kernel: np.ndarray) -> np.ndarray:
        """(F, C, kh, kw) kernel → blocks of input channels over this plan's taps, for dx."""
        f, c, kh, kw = kernel.shape
        w2 = np.ascontiguousarray(kernel.transpose(1, 0, 2, 3)).reshape(c, f * kh * kw)
        return pack(w2[:, self.taps])
