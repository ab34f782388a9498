"""Slow, obvious NumPy references for pooling and batch norm (one window / one channel at a time).

Padding is written out explicitly: the input is embedded in a larger array, and a boolean mask
says which positions are real. Results are computed in float64 and cast back to the input dtype.
"""
from __future__ import annotations

import numpy as np


def _embed(x, kh, kw, sh, sw, pads, oh, ow):
    """x placed in a padded canvas big enough for every window, plus the mask of real pixels."""
    n, c, h, w = x.shape
    (pt, _), (pl, _) = pads
    ph = max(pt + h, (oh - 1) * sh + kh)
    pw = max(pl + w, (ow - 1) * sw + kw)
    canvas = np.zeros((n, c, ph, pw))
    real = np.zeros((ph, pw), bool)
    canvas[:, :, pt:pt + h, pl:pl + w] = x
    real[pt:pt + h, pl:pl + w] = True
    return canvas, real


def out_size(h, w, kh, kw, sh, sw, pads):
    (pt, pb), (pl, pr) = pads
    return (h + pt + pb - kh) // sh + 1, (w + pl + pr - kw) // sw + 1


def maxpool(x, pool, strides, pads):
    """(y, argmax) with argmax the flat index in the input plane; ties → first in row-major order."""
    kh, kw = pool
    sh, sw = strides
    n, c, h, w = x.shape
    oh, ow = out_size(h, w, kh, kw, sh, sw, pads)
    (pt, _), (pl, _) = pads
    canvas, real = _embed(x.astype(np.float64), kh, kw, sh, sw, pads, oh, ow)
    y = np.zeros((n, c, oh, ow))
    arg = np.full((n, c, oh, ow), -1, np.int64)
    for b in range(n):
        for ch in range(c):
            for i in range(oh):
                for j in range(ow):
                    best, where = None, -1
                    for u in range(kh):
                        for v in range(kw):
                            r, s = i * sh + u, j * sw + v
                            if not real[r, s]:
                                continue
                            val = canvas[b, ch, r, s]
                            if best is None or val > best:
                                best, where = val, (r - pt) * w + (s - pl)
                    if best is not None:
                        y[b, ch, i, j] = best
                        arg[b, ch, i, j] = where
    return y.astype(x.dtype), arg


def maxpool_backward(dy, x_shape, pool, strides, pads, arg):
    n, c, h, w = x_shape
    dx = np.zeros((n, c, h * w))
    for b in range(n):
        for ch in range(c):
            for i in range(dy.shape[2]):
                for j in range(dy.shape[3]):
                    if arg[b, ch, i, j] >= 0:
                        dx[b, ch, arg[b, ch, i, j]] += dy[b, ch, i, j]
    return dx.reshape(x_shape).astype(dy.dtype)


def avgpool(x, pool, strides, pads):
    kh, kw = pool
    sh, sw = strides
    n, c, h, w = x.shape
    oh, ow = out_size(h, w, kh, kw, sh, sw, pads)
    canvas, real = _embed(x.astype(np.float64), kh, kw, sh, sw, pads, oh, ow)
    y = np.zeros((n, c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            m = real[i * sh:i * sh + kh, j * sw:j * sw + kw]
            if m.any():
                win = canvas[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw]
                y[:, :, i, j] = win[:, :, m].sum(axis=2) / m.sum()
    return y.astype(x.dtype)


def avgpool_backward(dy, x_shape, pool, strides, pads):
    kh, kw = pool
    sh, sw = strides
    n, c, h, w = x_shape
    (pt, _), (pl, _) = pads
    oh, ow = dy.shape[2], dy.shape[3]
    canvas, real = _embed(np.zeros(x_shape), kh, kw, sh, sw, pads, oh, ow)
    for i in range(oh):
        for j in range(ow):
            m = real[i * sh:i * sh + kh, j * sw:j * sw + kw]
            if m.any():
                canvas[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw] += \
                    dy[:, :, i, j][:, :, None, None].astype(np.float64) * m / m.sum()
    return canvas[:, :, pt:pt + h, pl:pl + w].astype(dy.dtype)


def _channels_last(x):
    """x as (M, C): one column per normalised channel / feature."""
    if x.ndim == 4:
        return x.transpose(0, 2, 3, 1).reshape(-1, x.shape[1])
    return x.reshape(-1, x.shape[-1])


def batchnorm_train(x, gamma, beta, eps):
    """(y, batch mean, biased batch variance) — normalised with the batch statistics."""
    xc = _channels_last(x.astype(np.float64))
    mean = xc.mean(axis=0)
    var = ((xc - mean) ** 2).mean(axis=0)
    yc = (xc - mean) / np.sqrt(var + eps) * gamma + beta
    return _restore(yc, x).astype(x.dtype), mean, var


def batchnorm_infer(x, gamma, beta, mean, var, eps):
    xc = _channels_last(x.astype(np.float64))
    return _restore((xc - mean) / np.sqrt(var + eps) * gamma + beta, x).astype(x.dtype)


def batchnorm_train_backward(dy, x, gamma, eps):
    """(dx, dgamma, dbeta) through the batch statistics, from the chain rule written out term by term."""
    xc = _channels_last(x.astype(np.float64))
    g = _channels_last(dy.astype(np.float64))
    m = xc.shape[0]
    mean = xc.mean(axis=0)
    var = ((xc - mean) ** 2).mean(axis=0)
    istd = 1 / np.sqrt(var + eps)
    xhat = (xc - mean) * istd
    dbeta = g.sum(axis=0)
    dgamma = (g * xhat).sum(axis=0)
    dxhat = g * gamma
    dvar = (dxhat * (xc - mean)).sum(axis=0) * -0.5 * istd ** 3
    dmean = -(dxhat * istd).sum(axis=0) + dvar * (-2 * (xc - mean)).sum(axis=0) / m
    dxc = dxhat * istd + dvar * 2 * (xc - mean) / m + dmean / m
    return _restore(dxc, x).astype(x.dtype), dgamma, dbeta


def _restore(yc, like):
    if like.ndim == 4:
        n, c, h, w = like.shape
        return yc.reshape(n, h, w, c).transpose(0, 3, 1, 2)
    return yc.reshape(like.shape)
