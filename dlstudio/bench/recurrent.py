"""Benchmark cases for the recurrent layers (registered in `cases.CASES`).

Both train a recurrent layer (return_sequences off) → Dense(1) with mse and Adam (lr 1e-3) on
random sequences, in dlstudio and in PyTorch CPU (the same graph through torch_side: nn.LSTM /
nn.RNN with batch_first, then nn.Linear) in the same process, and report sequences per second.
"""
from __future__ import annotations

import numpy as np

from .core import train_case

# (T, input features, hidden units, batch, sequences per epoch)
LSTM_SHAPES = [(32, 16, 64, 32, 1024), (100, 32, 128, 64, 512)]
RNN_SHAPE = LSTM_SHAPES[0]


def _data(t: int, f: int, n: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, t, f)).astype(np.float32)
    y = rng.standard_normal((n, 1)).astype(np.float32)
    return x, y


def _case(name: str, kind: str, shape: tuple, repeat: int) -> dict:
    from ..spec import Network
    t, f, hidden, batch, n = shape
    x, y = _data(t, f, n)
    net = (Network().add("in", "Input", {"shape": [t, f]})
           .add("rnn", kind, {"units": hidden, "return_sequences": False}, after="in")
           .add("out", "Dense", {"units": 1}, after="rnn"))
    return train_case({"case": name, "batch": batch, "shape": [t, f], "hidden": hidden, "unit": "sequences/s"},
                      net, x, y, batch, "mse", repeat)


def lstm_train(repeat: int) -> list[dict]:
    """LSTM(hidden) → Dense(1), mse, Adam, at (T, F, hidden, batch) = (32, 16, 64, 32) and (100, 32, 128, 64)."""
    return [_case("lstm_train", "LSTM", s, repeat) for s in LSTM_SHAPES]


def rnn_train(repeat: int) -> dict:
    """SimpleRNN(64) → Dense(1), mse, Adam, T 32, F 16, batch 32."""
    return _case("rnn_train", "SimpleRNN", RNN_SHAPE, repeat)
