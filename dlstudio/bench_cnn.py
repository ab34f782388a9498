"""Benchmark cases for convolutional networks (registered in `bench.CASES`).

Each trains (or runs) the same network document in dlstudio and — through `bench_torch.TorchNet`,
the same graph with the same weights' shapes — in PyTorch CPU in the same process.
"""
from __future__ import annotations

import numpy as np

from .bench import _best_rate, _torch, _with_ratio, train_case

LENET_BATCHES = (1, 16, 64, 256)


def _lenet5():
    from .zoo import build_preset
    return build_preset("lenet5", (1, 28, 28), 10)[0]


def _cnn32():
    from .spec import Network
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


def _train_case(name, net, shape, batch, n, repeat):
    x, y = _data(shape, n)
    return train_case({"case": name, "batch": batch, "shape": list(shape), "unit": "images/s"},
                      net, x, y, batch, "cross_entropy", repeat)


def lenet5_train(repeat: int) -> list[dict]:
    """LeNet-5 training on 1×28×28 at batch 1, 16, 64 and 256 (Adam, cross-entropy)."""
    net = _lenet5()
    return [_train_case("lenet5_train", net, (1, 28, 28), b, 256 if b == 1 else 2048, repeat)
            for b in LENET_BATCHES]


def cnn32_train(repeat: int) -> dict:
    """Two 3×3 conv stages (32 and 64 channels) on 3×32×32 at batch 64."""
    return _train_case("cnn32_train", _cnn32(), (3, 32, 32), 64, 1024, repeat)


def lenet5_infer(repeat: int) -> dict:
    """LeNet-5 inference (forward only) on 1×28×28 at batch 64."""
    from .engine.model import Model
    torch = _torch()
    net, batch = _lenet5(), 64
    x, _ = _data((1, 28, 28), 2048)
    model = Model(net)

    def ours():
        for i in range(0, len(x), batch):
            model.forward(x[i:i + batch])
        return len(x)

    r = {"case": "lenet5_infer", "batch": batch, "shape": [1, 28, 28], "unit": "images/s",
         "dlstudio": _best_rate(ours, repeat)}
    if torch is not None:
        from .bench_torch import TorchNet
        tnet = TorchNet(net).eval()
        tx = torch.from_numpy(x)

        def theirs():
            with torch.no_grad():
                for i in range(0, len(tx), batch):
                    tnet(tx[i:i + batch])
            return len(tx)
        r["torch"] = _best_rate(theirs, repeat)
    return _with_ratio(r)
