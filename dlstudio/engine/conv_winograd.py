"""Winograd F(2×2, 3×3) forward convolution (stride 1, 3×3 kernels) on NCHW batches.

The three transforms are compiled loops in kernels/winograd.py (where the method is explained);
the 16 matrix products between them go to NumPy's matmul (BLAS), summing over the channels.
"""
from __future__ import annotations

import numpy as np

from .kernels import winograd as K


def winograd_conv3x3_forward(x: np.ndarray, kernel: np.ndarray, bias: np.ndarray | None,
                             pads: tuple) -> np.ndarray:
    """y = conv(x, kernel) + bias, stride 1, by F(2×2, 3×3).

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
    dtype = x.dtype
    n, c, h, w = x.shape
    f = kernel.shape[0]
    oh, ow = h + pt + pb - 2, w + pl + pr - 2
    if oh < 1 or ow < 1:
        raise ValueError(f"3×3 kernel does not fit the padded {h}×{w} input")
    th, tw = -(-oh // 2), -(-ow // 2)
    x = np.ascontiguousarray(x)
    kernel = np.ascontiguousarray(kernel, dtype)
    b = np.zeros(f, dtype) if bias is None else np.ascontiguousarray(bias, dtype)
    u = np.empty((16, f, c), dtype)
    K.kernel_transform(kernel, u)
    v = np.empty((16, c, n * th * tw), dtype)
    K.input_transform(x, pt, pl, th, tw, v)
    m = np.matmul(u, v)                                # 16 products (F × C) · (C × T)
    y = np.empty((n, f, oh, ow), dtype)
    K.output_transform(m, b, th, tw, y)
    return y
