"""The registry of `dlstudio bench` cases, in the order the suite runs them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import cnn, kernels, recurrent
from .core import train_case


@dataclass(frozen=True)
class Case:
    name: str
    help: str
    run: Callable[[int], dict | list[dict]]   # repeat -> one result dict or a list of them


def mlp_train(repeat: int) -> dict:
    """2 → 64 → 64 → 3 with tanh on spirals, batch 32, Adam, cross-entropy."""
    from ..data import load_dataset
    from ..zoo.presets import mlp
    ds = load_dataset("spirals")
    return train_case({"case": "mlp_train", "batch": 32, "shape": [2], "unit": "samples/s"},
                      mlp((2,), 3), ds.x, ds.y, 32, "cross_entropy", repeat)


def _small(preset: str) -> list[Case]:
    return [Case(f"{preset}_train", f"the small {preset} preset on 3×32×32 at batch 64, Adam", cnn.small_train(preset)),
            Case(f"{preset}_infer", f"the small {preset} preset's inference on 3×32×32 at batch 64",
                 cnn.small_infer(preset))]


CASES: dict[str, Case] = {c.name: c for c in [
    Case("mlp_train", "MLP 2-64-64-3 tanh, spirals, batch 32, Adam", mlp_train),
    Case("lenet5_train", "LeNet-5 on 1×28×28 at batch 1, 16, 64, 256, Adam", cnn.lenet5_train),
    Case("lenet5_infer", "LeNet-5 forward on 1×28×28 at batch 64", cnn.lenet5_infer),
    Case("cnn32_train", "conv 32 + conv 64 (3×3) on 3×32×32 at batch 64, Adam", cnn.cnn32_train),
    *_small("alexnet"), *_small("inception"), *_small("resnet"),
    Case("lstm_train", "LSTM → Dense at (T, F, hidden, batch) = (32, 16, 64, 32) and (100, 32, 128, 64)",
         recurrent.lstm_train),
    Case("rnn_train", "SimpleRNN → Dense at (32, 16, 64, 32)", recurrent.rnn_train),
    Case("conv_fwd", "Conv2D training forward, batch 64: LeNet-5 C3 6→16 5×5 on 14×14; 32→64 3×3 same on 16×16",
         kernels.conv_fwd),
    Case("conv_infer", "Conv2D inference forward on the conv_fwd shapes",
         kernels.conv_infer),
    Case("conv_bwd", "Conv2D backward (dx, dkernel, dbias) on the conv_fwd shapes", kernels.conv_bwd),
]}
