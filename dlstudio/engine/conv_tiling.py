"""The Python side of the register-tiled convolution (kernels/conv_tiled.py): padded sizes, weights
packed for the micro-kernel, the input-gradient taps, and `ready()`, which compiles the micro-kernel
with LLVM's SLP vectorizer on before any driver that calls it is compiled."""
from __future__ import annotations

import threading

import numpy as np
from numba import types
from numba.core import config as numba_config
from numba.core.compiler_lock import global_compiler_lock

from .kernels.conv_tiled import FB, QB, backward_tiled_chunk, forward_tiled_chunk, micro  # noqa: F401

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


def ready(dtype) -> None:
    """Compile the micro-kernel for `dtype` with the SLP vectorizer (once per process; a cached
    compile is only loaded). Numba keeps SLP off by default after miscompilations in integer
    code (numba#8705); the micro-kernel is straight-line float arithmetic, and its results are
    checked against NumPy references (tests/test_conv_micro_generated.py, tests/test_conv.py)."""
    key = np.dtype(dtype).name
    if key in _ready:
        return
    with _lock:
        if key in _ready:
            return
        f = types.float32 if key == "float32" else types.float64
        sig = (types.Array(f, 1, "C"), types.Array(types.int64, 1, "C"), types.Array(f, 2, "C"),
               types.int64, types.Array(f, 2, "C"))
        with global_compiler_lock:   # no other thread compiles while SLP is on
            old = numba_config.SLP_VECTORIZE
            numba_config.SLP_VECTORIZE = 1
            try:
                micro.compile(sig)
            finally:
                numba_config.SLP_VECTORIZE = old
        _ready.add(key)


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
