"""Whole-network cases for convolutional networks (registered in `cases.CASES`).

Each trains (or runs) the same network document in dlstudio and — through `torch_side.TorchNet`,
the same graph with the same weights' shapes — in PyTorch CPU in the same process. The small
`alexnet`, `inception` and `resnet` presets run on 3×32×32 at batch 64, training and inference.
"""
from __future__ import annotations

import numpy as np

from .core import infer_case, train_case

LENET_BATCHES = (1, 16, 64, 256)
SMALL_SHAPE, SMALL_BATCH = (3, 32, 32), 64
SMALL_IMAGES = 256   # per timed epoch: four batches


def _preset(name: str, shape: tuple):
    from ..zoo import build_preset
    return build_preset(name, shape, 10)[0]


def _cnn32():
    from ..spec import Network
    net = Network(name="cnn32")
    net.add("input", "Input", {"shape": [3, 32, 32]})
    net.add("conv1", "Conv2D", {"filters": 32, "kernel_size": 3, "padding": "same"}, after="input")
    net.add("relu1", "ReLU", after="conv1").add("pool1", "MaxPool2D", {"pool_size": 2}, after="relu1")
    net.add("conv2", "Conv2D", {"filters": 64, "kernel_size": 3, "padding": "same"}, after="pool1")
    net.add("relu2", "ReLU", after="conv2").add("pool2", "MaxPool2D", {"pool_size": 2}, after="relu2")
    net.add("flatten", "Flatten", after="pool2").add("output", "Dense", {"units": 10}, after="flatten")
    return net


def _data(shape, n, seed=0):
    rng = np.random.default_rng(seed)
    return rng.random((n, *shape), dtype=np.float32), rng.integers(0, 10, n)


def _train(name, net, shape, batch, n, repeat):
    x, y = _data(shape, n)
    return train_case({"case": name, "batch": batch, "shape": list(shape), "unit": "images/s"},
                      net, x, y, batch, "cross_entropy", repeat)


def _infer(name, net, shape, batch, n, repeat):
    x, _ = _data(shape, n)
    return infer_case({"case": name, "batch": batch, "shape": list(shape), "unit": "images/s"},
                      net, x, batch, repeat)


def lenet5_train(repeat: int) -> list[dict]:
    """LeNet-5 training on 1×28×28 at batch 1, 16, 64 and 256 (Adam, cross-entropy)."""
    net = _preset("lenet5", (1, 28, 28))
    return [_train("lenet5_train", net, (1, 28, 28), b, 256 if b == 1 else 2048, repeat)
            for b in LENET_BATCHES]


def lenet5_infer(repeat: int) -> dict:
    """LeNet-5 inference (forward only) on 1×28×28 at batch 64."""
    return _infer("lenet5_infer", _preset("lenet5", (1, 28, 28)), (1, 28, 28), 64, 2048, repeat)


def cnn32_train(repeat: int) -> dict:
    """Two 3×3 conv stages (32 and 64 channels) on 3×32×32 at batch 64."""
    return _train("cnn32_train", _cnn32(), (3, 32, 32), 64, 1024, repeat)


def small_train(preset: str):
    """A case function training the small `preset` on 3×32×32 at batch 64."""
    def run(repeat: int) -> dict:
        return _train(f"{preset}_train", _preset(preset, SMALL_SHAPE), SMALL_SHAPE, SMALL_BATCH, SMALL_IMAGES, repeat)
    run.__doc__ = f"The small {preset} preset trained on 3×32×32 at batch 64 (Adam)."
    return run


def small_infer(preset: str):
    """A case function running the small `preset` forward on 3×32×32 at batch 64."""
    def run(repeat: int) -> dict:
        return _infer(f"{preset}_infer", _preset(preset, SMALL_SHAPE), SMALL_SHAPE, SMALL_BATCH, SMALL_IMAGES, repeat)
    run.__doc__ = f"The small {preset} preset's inference on 3×32×32 at batch 64."
    return run
