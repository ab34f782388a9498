"""Benchmark cases for the recurrent layers (registered in `bench.CASES` by bench.py).

Both train a recurrent layer (return_sequences off) → Dense(1) with mse and Adam (lr 1e-3) on
random sequences, in dlstudio through the Trainer and in PyTorch CPU (nn.LSTM / nn.RNN with
batch_first, then nn.Linear) in the same process, and report sequences per second.
"""
from __future__ import annotations

import numpy as np

from .bench import _best_rate, _torch, _with_ratio

# (T, input features, hidden units, batch, sequences per epoch)
LSTM_SHAPES = [(32, 16, 64, 32, 1024), (100, 32, 128, 64, 512)]
RNN_SHAPE = LSTM_SHAPES[0]


def _data(t: int, f: int, n: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, t, f)).astype(np.float32)
    y = rng.standard_normal((n, 1)).astype(np.float32)
    return x, y


def _ours(kind: str, x: np.ndarray, y: np.ndarray, hidden: int, batch: int):
    from .engine.model import Model
    from .engine.trainer import TrainConfig, Trainer
    from .spec import Network
    t, f = x.shape[1:]
    net = (Network().add("in", "Input", {"shape": [t, f]})
           .add("rnn", kind, {"units": hidden, "return_sequences": False}, after="in")
           .add("out", "Dense", {"units": 1}, after="rnn"))
    cfg = TrainConfig(loss="mse", optimizer="adam", hyper={"lr": 1e-3}, batch_size=batch,
                      epochs=1, val_split=0.0)
    trainer = Trainer(Model(net, seed=0), x, y, cfg)

    def epoch():
        trainer.run(1)
        return len(x)

    return epoch


def _theirs(torch, kind: str, x: np.ndarray, y: np.ndarray, hidden: int, batch: int):
    nn = torch.nn
    torch.manual_seed(0)
    rnn = (nn.LSTM if kind == "LSTM" else nn.RNN)(x.shape[2], hidden, batch_first=True)
    head = nn.Linear(hidden, 1)
    opt = torch.optim.Adam([*rnn.parameters(), *head.parameters()], lr=1e-3)
    lossf = nn.MSELoss()
    tx, ty = torch.from_numpy(x), torch.from_numpy(y)

    def epoch():
        perm = torch.randperm(len(tx))
        for i in range(0, len(tx), batch):
            idx = perm[i:i + batch]
            opt.zero_grad()
            seq, _ = rnn(tx[idx])
            lossf(head(seq[:, -1]), ty[idx]).backward()
            opt.step()
        return len(tx)

    return epoch


def _case(name: str, kind: str, shape: tuple, repeat: int) -> dict:
    torch = _torch()  # before Numba starts its thread pool (see bench._torch)
    t, f, hidden, batch, n = shape
    x, y = _data(t, f, n)
    result = {"case": name, "batch": batch, "shape": [t, f], "hidden": hidden, "unit": "sequences/s",
              "dlstudio": _best_rate(_ours(kind, x, y, hidden, batch), repeat)}
    if torch is not None:
        result["torch"] = _best_rate(_theirs(torch, kind, x, y, hidden, batch), repeat)
    return _with_ratio(result)


def lstm_train(repeat: int) -> list[dict]:
    """LSTM(hidden) → Dense(1), mse, Adam, at (T, F, hidden, batch) = (32, 16, 64, 32) and (100, 32, 128, 64)."""
    return [_case("lstm_train", "LSTM", s, repeat) for s in LSTM_SHAPES]


def rnn_train(repeat: int) -> dict:
    """SimpleRNN(64) → Dense(1), mse, Adam, T 32, F 16, batch 32."""
    return _case("rnn_train", "SimpleRNN", RNN_SHAPE, repeat)
