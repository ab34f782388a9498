"""Slow references for SimpleRNN and LSTM: one sample, one time step at a time, plain NumPy.

Written straight from the formulas (no shared code with the engine), computed in float64.
"""
from __future__ import annotations

import numpy as np


def _sigmoid(v):
    return 1.0 / (1.0 + np.exp(-v))


def rnn_sample(x, W, U, b):
    """x (T, F) → {"h", "z"} each (T, units)."""
    x, W, U, b = (np.asarray(a, np.float64) for a in (x, W, U, b))
    units = U.shape[0]
    h = np.zeros(units)
    hs, zs = [], []
    for t in range(x.shape[0]):
        z = x[t] @ W + h @ U + b
        h = np.tanh(z)
        zs.append(z)
        hs.append(h)
    return {"h": np.array(hs), "z": np.array(zs)}


def lstm_sample(x, W, U, b):
    """x (T, F) → {"i", "f", "g", "o", "c", "h"} each (T, units); gate order i, f, g, o."""
    x, W, U, b = (np.asarray(a, np.float64) for a in (x, W, U, b))
    units = U.shape[0]
    h = np.zeros(units)
    c = np.zeros(units)
    out = {k: [] for k in "ifgoch"}
    for t in range(x.shape[0]):
        z = x[t] @ W + h @ U + b
        i = _sigmoid(z[:units])
        f = _sigmoid(z[units:2 * units])
        g = np.tanh(z[2 * units:3 * units])
        o = _sigmoid(z[3 * units:])
        c = f * c + i * g
        h = o * np.tanh(c)
        for k, v in zip("ifgoch", (i, f, g, o, c, h)):
            out[k].append(v)
    return {k: np.array(v) for k, v in out.items()}


def run(kind: str, x, W, U, b, return_sequences: bool):
    """The layer output for a batch x (N, T, F), sample by sample."""
    step = lstm_sample if kind == "LSTM" else rnn_sample
    hs = [step(xs, W, U, b)["h"] for xs in x]
    return np.array([h if return_sequences else h[-1] for h in hs])
