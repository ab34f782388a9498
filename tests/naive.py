"""Slow, obvious NumPy references for the engine's layers (one output pixel at a time).

Each reference computes in float64 from the definition and casts back to the input dtype.
Padding is done by embedding the input in a zero canvas; "same" is computed here from
TensorFlow's rule (⌈n / s⌉ outputs, odd padding pixel at the bottom / right), independently of
the code under test.
"""
from __future__ import annotations

import numpy as np


def _pads(padding, size, kernel, strides):
    """((top, bottom), (left, right)) for "valid", "same" or explicit [[t, b], [l, r]]."""
    if padding == "valid":
        return (0, 0), (0, 0)
    if padding == "same":
        out = []
        for n, k, s in zip(size, kernel, strides):
            o = -(-n // s)
            total = max((o - 1) * s + k - n, 0)
            out.append((total // 2, total - total // 2))
        return tuple(out)
    (pt, pb), (pl, pr) = padding
    return (pt, pb), (pl, pr)


def _canvas(x, pads):
    (pt, pb), (pl, pr) = pads
    n, c, h, w = x.shape
    canvas = np.zeros((n, c, h + pt + pb, w + pl + pr))
    canvas[:, :, pt:pt + h, pl:pl + w] = x
    return canvas


def conv2d_reference(x, kernel, bias=None, strides=(1, 1), padding="valid"):
    """y[n, f, oy, ox] = bias[f] + Σ_{c,i,j} kernel[f, c, i, j] · xpad[n, c, oy·sh + i, ox·sw + j].

    x (N, C, H, W), kernel (F, C, kh, kw), bias (F,) or None.
    """
    n, c, h, w = x.shape
    f, _, kh, kw = kernel.shape
    sh, sw = strides
    pads = _pads(padding, (h, w), (kh, kw), strides)
    xp = _canvas(x.astype(np.float64), pads)
    k = kernel.astype(np.float64)
    oh = (xp.shape[2] - kh) // sh + 1
    ow = (xp.shape[3] - kw) // sw + 1
    y = np.zeros((n, f, oh, ow))
    for b in range(n):
        for o in range(f):
            for oy in range(oh):
                for ox in range(ow):
                    window = xp[b, :, oy * sh:oy * sh + kh, ox * sw:ox * sw + kw]
                    y[b, o, oy, ox] = np.sum(window * k[o]) + (0.0 if bias is None else float(bias[o]))
    return y.astype(x.dtype)


def conv2d_backward_reference(x, kernel, dy, strides=(1, 1), padding="valid"):
    """(dx, dkernel, dbias) of conv2d_reference for the output gradient dy (N, F, OH, OW).

    Each output pixel sends dy · kernel back to the input window it read, and dy · window to
    the kernel; padding positions are cut away from dx at the end.
    """
    n, c, h, w = x.shape
    f, _, kh, kw = kernel.shape
    sh, sw = strides
    pads = _pads(padding, (h, w), (kh, kw), strides)
    (pt, _), (pl, _) = pads
    xp = _canvas(x.astype(np.float64), pads)
    k = kernel.astype(np.float64)
    g = dy.astype(np.float64)
    dxp = np.zeros_like(xp)
    dk = np.zeros_like(k)
    for b in range(n):
        for o in range(f):
            for oy in range(dy.shape[2]):
                for ox in range(dy.shape[3]):
                    ys, xs = slice(oy * sh, oy * sh + kh), slice(ox * sw, ox * sw + kw)
                    dxp[b, :, ys, xs] += g[b, o, oy, ox] * k[o]
                    dk[o] += g[b, o, oy, ox] * xp[b, :, ys, xs]
    dx = dxp[:, :, pt:pt + h, pl:pl + w]
    db = g.sum(axis=(0, 2, 3))
    return dx.astype(x.dtype), dk.astype(x.dtype), db.astype(x.dtype)
