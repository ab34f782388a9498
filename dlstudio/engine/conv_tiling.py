"""The Python side of the register-tiled convolution (kernels/conv_tiled.py): padded sizes, weights
packed for the micro-kernel, the input-gradient taps, and `ready()`, which compiles the micro-kernel
with LLVM's SLP vectorizer on before any driver that calls it is compiled."""
from __future__ import annotations

import threading

import numpy as np
from numba import types
from numba.core import config as numba_config
from numba.core.compiler_lock import global_compiler_lock

from .kernels.conv_tiled import (DW3, DW5, FB, QB, RB3, RB5, V, backward_tiled_chunk,  # noqa: F401
                                 forward_tiled_chunk, micro, weight_grad_3, weight_grad_5)

#: the GEMM-form weight-gradient micro-kernel and its rows per block, by kernel width
DW_KERNELS = {3: (DW3, RB3), 5: (DW5, RB5)}

_lock = threading.Lock()
_ready: set = set()


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


def ready(dtype, kw: int | None = None) -> None:
    """Compile the micro-kernel for `dtype` — and the weight gradient's for kernels `kw` wide, if
    given — with the SLP vectorizer (once per process; a cached compile is only loaded). Numba
    keeps SLP off by default after miscompilations in integer code (numba#8705); the
    micro-kernels are straight-line float arithmetic, and their results are checked against NumPy
    references (tests/test_conv_micro_generated.py, tests/test_conv.py)."""
    f = types.float32 if np.dtype(dtype) == np.float32 else types.float64
    arr = (lambda nd: types.Array(f, nd, "C"))
    ints = types.Array(types.int64, 1, "C")
    todo = [(micro, (arr(1), ints, arr(2), types.int64, arr(2)))]
    if kw in DW_KERNELS:
        todo.append((DW_KERNELS[kw][0], (arr(2), arr(1), ints, types.int64, arr(2))))
    for fn, sig in todo:
        key = (fn.__name__, str(f))
        if key in _ready:
            continue
        with _lock:
            if key in _ready:
                continue
            with global_compiler_lock:   # no other thread compiles while SLP is on
                old = numba_config.SLP_VECTORIZE
                numba_config.SLP_VECTORIZE = 1
                try:
                    fn.compile(sig)
                finally:
                    numba_config.SLP_VECTORIZE = old
            _ready.add(key)


def weight_grad_rows(offs: np.ndarray, kw: int) -> np.ndarray | None:
    """The offset of each kernel row (c, i) when the taps (c, i, j) read offs = row offset + j — a
    stride-1 layer — and there is a GEMM-form weight-gradient kernel for `kw`; else None. Padded
    with offset-0 rows to whole blocks (they read real inputs; their sums are dropped)."""
    if kw not in DW_KERNELS:
        return None
    rows = offs.reshape(-1, kw)
    if not np.array_equal(rows, rows[:, :1] + np.arange(kw)):
        return None
    rb = DW_KERNELS[kw][1]
    padded = np.zeros(-(-len(rows) // rb) * rb, np.int64)
    padded[:len(rows)] = rows[:, 0]
    return padded


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
