"""The Python side of the register-tiled convolution (kernels/conv_tiled.py): padded sizes, weights
packed for the micro-kernel, the input-gradient taps and the weight gradient's kernel rows."""
from __future__ import annotations

import numpy as np

from .kernels.conv_tiled import (DW3, FB, QB, RB1, RB3, RB5, V, backward_tiled_chunk,  # noqa: F401
                                 forward_tiled_chunk, micro, weight_grad)

#: the GEMM-form weight-gradient tiles' rows per block, by taps per row
DW_ROWS = {1: RB1, 3: RB3, 5: RB5}


def padded(length: int) -> int:
    """Wide positions computed per filter: `length` rounded up to whole tiles."""
    return -(-length // QB) * QB


def tail(length: int) -> int:
    """Zeros after a sample's phase planes that the last tiles may read."""
    return padded(length) - length


def pack(w2: np.ndarray) -> np.ndarray:
    """(F, T) weights → (ceil(F / FB), T, FB) blocks, tap-major, zero filters padding the last."""
    f, t = w2.shape
    blocks = -(-f // FB)
    wp = np.zeros((blocks * FB, t), w2.dtype)
    wp[:f] = w2
    return np.ascontiguousarray(wp.reshape(blocks, FB, t).transpose(0, 2, 1))


def weight_grad_plan(offs: np.ndarray, kw: int) -> tuple[np.ndarray, int]:
    """How the GEMM-form weight gradient walks the taps: (row offsets, taps per row). Rows of kw
    consecutive taps when the taps (c, i, j) read offs = row offset + j — a stride-1 layer — and
    there is a tile for kw (3 or 5); else every tap its own row (tile width 1: any stride and
    width). Padded with offset-0 rows to whole blocks (they read real inputs; their sums are dropped)."""
    rows, width = offs.reshape(-1, kw), kw
    if kw not in DW_ROWS or not np.array_equal(rows, rows[:, :1] + np.arange(kw)):
        rows, width = offs.reshape(-1, 1), 1
    rb = DW_ROWS[width]
    padded = np.zeros(-(-len(rows) // rb) * rb, np.int64)
    padded[:len(rows)] = rows[:, 0]
    return padded, width


def margin(kh: int, kw: int, wq: int) -> int:
    """Zeros before dy's wide rows: the largest tap shift (i·wq + j) of a stride-1 kernel."""
    return (kh - 1) * wq + kw - 1


def pack_dx(kernel: np.ndarray) -> np.ndarray:
    """(F, C, kh, kw) kernel → packed blocks of input channels over taps (f, i, j), for dx."""
    f, c, kh, kw = kernel.shape
    return pack(np.ascontiguousarray(kernel.transpose(1, 0, 2, 3)).reshape(c, f * kh * kw))


def dx_offsets(f: int, kh: int, kw: int, wq: int, row: int) -> np.ndarray:
    """Offsets of the dx taps (f, i, j) into dy's margin-padded rows of `row` values."""
    fi, i, j = np.meshgrid(np.arange(f), np.arange(kh), np.arange(kw), indexing="ij")
    return (fi * row + margin(kh, kw, wq) - (i * wq + j)).reshape(-1).astype(np.int64)
