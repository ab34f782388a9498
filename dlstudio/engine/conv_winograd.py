"""Winograd F(2×2, 3×3) convolution (stride 1, 3×3 kernels) on NCHW batches: the Python side of
kernels/winograd.py (where the method is explained) — the kernel transform, packing, scratch."""
from __future__ import annotations

import numpy as np

from . import conv_tiling as KT
from .chunks import run_chunks, sample_counter
from .kernels import winograd as K

# G of F(2×2, 3×3): U = G g Gᵀ
_G = np.array([[1.0, 0.0, 0.0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0.0, 0.0, 1.0]])


def transform_kernel(kernel: np.ndarray) -> np.ndarray:
    """(F, C, 3, 3) kernel → U = G g Gᵀ packed for the micro-kernel: (16, blocks, C, FB), the
    filters padded to whole blocks with zeros."""
    f, c = kernel.shape[:2]
    g = _G.astype(kernel.dtype)
    t = kernel.reshape(-1, 3) @ g.T                                  # g Gᵀ: (F·C·3, 4)
    t = t.reshape(f * c, 3, 4).transpose(1, 0, 2).reshape(3, -1)     # rows i of every g Gᵀ
    u = (g @ t).reshape(4, f, c, 4).transpose(0, 3, 1, 2).reshape(16, f, c)   # G g Gᵀ, (16, F, C)
    blocks = -(-f // KT.FB)
    up = np.zeros((16, blocks * KT.FB, c), kernel.dtype)
    up[:, :f] = u
    return np.ascontiguousarray(up.reshape(16, blocks, KT.FB, c).transpose(0, 1, 3, 2))


class Winograd:
    """F(2×2, 3×3) for one layer shape: (C, H, W) in, F filters, (OH, OW) out, pads (top, left);
    its scratch rows are kept between calls."""

    def __init__(self, c: int, h: int, w: int, f: int, oh: int, ow: int, pt: int, pl: int, dtype):
        th, tw = -(-oh // 2), -(-ow // 2)
        self.c, self.f, self.oh, self.ow, self.dtype = c, f, oh, ow, np.dtype(dtype)
        self.pads = np.array([pt, pl], np.int64)
        self.tiles = th * tw                            # tiles per sample
        self.pp = KT.padded(self.tiles)
        self.offs = (np.arange(c) * self.pp).astype(np.int64)
        self.plane_values = c * 4 * (th + 1) * (tw + 1) + 32   # (+ what the last vectors read)
        self.blocks = -(-f // KT.FB)
        self._scratch: tuple | None = None
        self._dw_scratch: tuple | None = None

    def _rows(self, chunks: int) -> tuple:
        s = self._scratch
        if s is None or s[0].shape[0] != chunks:
            line = 64 // self.dtype.itemsize      # rows a cache line longer (kernels/winograd.py)
            s = self._scratch = (np.empty((chunks, self.plane_values), self.dtype),
                                 np.zeros((chunks, 16 * (self.c * self.pp + line)), self.dtype),
                                 np.empty((chunks, 16, self.blocks * KT.FB * self.pp + line), self.dtype),
                                 np.empty((chunks, 4, self.pp), self.dtype))
        return s

    def __call__(self, x: np.ndarray, kernel: np.ndarray, bias: np.ndarray, chunks: int,
                 out: np.ndarray | None = None, relu: bool = False) -> np.ndarray:
        """y = conv(x, kernel) + bias (through a ReLU if `relu`); x (N, C, H, W) C-contiguous in
        this dtype, bias (F,)."""
        y = np.empty((x.shape[0], self.f, self.oh, self.ow), self.dtype) if out is None else out
        up = transform_kernel(kernel)
        run_chunks(K.winograd_chunk, chunks, sample_counter(), x, up, bias, int(relu), self.offs, self.pads,
                   *self._rows(chunks), y)
        return y


    def weight_grad(self, dy: np.ndarray, x: np.ndarray, chunks: int, gw: np.ndarray, gb: np.ndarray) -> None:
        """gw (F, C, 3, 3), gb (F,) ← the weight and bias gradients for dy (N, F, OH, OW) and the
        forward pass's x, by F(2×2, 3×3) (kernels/winograd.py winograd_dw_chunk; OH and OW even):
        M[e] (F × C) = Σ Z[e] V[e]ᵀ over samples and tiles, then dW = Gᵀ M G per (f, c)."""
        v_, c, f = KT.V, self.c, self.f
        blocks = -(-f // v_)
        rows = -(-c // KT.RB1) * KT.RB1
        s = self._dw_scratch
        if s is None or s[0].shape[0] != chunks:
            s = self._dw_scratch = (np.zeros((chunks, blocks, self.oh * self.ow, v_), self.dtype),
                                    np.zeros((chunks, 16, blocks * self.pp * v_ + 64 // self.dtype.itemsize),
                                             self.dtype),
                                    np.empty((chunks, 16, blocks, rows, v_), self.dtype),
                                    np.empty((chunks, f), np.float64))
            self._dw_rowoffs = np.zeros(rows, np.int64)
            self._dw_rowoffs[:c] = np.arange(c) * self.pp
        dyt, zt, parts, db_parts = s
        xs_rows, v_rows = self._rows(chunks)[:2]
        run_chunks(K.winograd_dw_chunk, chunks, dy, x, self.pads, xs_rows, v_rows, dyt, zt, self._dw_rowoffs,
                   parts, db_parts)
        m = parts[0] if chunks == 1 else parts.sum(axis=0)                  # (16, blocks, rows, V)
        m = m[:, :, :c].transpose(0, 1, 3, 2).reshape(16, blocks * v_, c)[:, :f]
        # Gᵀ M G for every (f, c): two matrix products over the transform positions
        t = _G.T @ m.reshape(4, 4 * f * c).astype(np.float64)                   # (3, 4·F·C): rows a
        t = t.reshape(3, 4, f * c).transpose(0, 2, 1) @ _G                     # (3, F·C, 3): a, fc, b
        gw[...] = t.transpose(1, 0, 2).reshape(f, c, 3, 3)
        gb[...] = db_parts.sum(axis=0)


def winograd_conv3x3_forward(x: np.ndarray, kernel: np.ndarray, bias: np.ndarray | None,
                             pads: tuple) -> np.ndarray:
    """y = conv(x, kernel) + bias, stride 1, by F(2×2, 3×3), serially.

    x (N, C, H, W), kernel (F, C, 3, 3) of the same float dtype, bias (F,) or None,
    pads ((top, bottom), (left, right)) of non-negative ints. Returns y (N, F, OH, OW).
    """
    if x.ndim != 4 or kernel.ndim != 4 or kernel.shape[2:] != (3, 3):
        raise ValueError(f"need x (N, C, H, W) and a (F, C, 3, 3) kernel, got {x.shape} and {kernel.shape}")
    if kernel.shape[1] != x.shape[1]:
        raise ValueError(f"kernel has {kernel.shape[1]} input channels, x has {x.shape[1]}")
    (pt, pb), (pl, pr) = (int(pads[0][0]), int(pads[0][1])), (int(pads[1][0]), int(pads[1][1]))
    if min(pt, pb, pl, pr) < 0:
        raise ValueError(f"padding must be non-negative, got {pads}")
    n, c, h, w = x.shape
    f = kernel.shape[0]
    oh, ow = h + pt + pb - 2, w + pl + pr - 2
    if oh < 1 or ow < 1:
        raise ValueError(f"3×3 kernel does not fit the padded {h}×{w} input")
    x = np.ascontiguousarray(x)
    kernel = np.ascontiguousarray(kernel, x.dtype)
    b = np.zeros(f, x.dtype) if bias is None else np.ascontiguousarray(bias, x.dtype)
    return Winograd(c, h, w, f, oh, ow, pt, pl, x.dtype)(x, kernel, b, 1)
