"""LeNet-5 training speed at several batch sizes, as the median of a few epochs, in one process.

    python benchmarks/lenet_epochs.py                 # batches 16, 64, 256; 5 epochs of 2,048 images
    python benchmarks/lenet_epochs.py --batch 16 --epochs 9

Prints one JSON line {batch: images/s}. No PyTorch: meant for A/B runs of two checkouts back to
back (`PYTHONPATH=<checkout> python benchmarks/lenet_epochs.py`), alternating several times,
since the machine's speed drifts from one second to the next; compare medians, not one run.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", type=int, action="append", help="batch size (repeatable)")
    ap.add_argument("--epochs", type=int, default=5, help="timed epochs per batch size (median)")
    ap.add_argument("--images", type=int, default=2048, help="random 1×28×28 images per epoch")
    args = ap.parse_args()
    from dlstudio.bench.cnn import _data, _preset
    from dlstudio.engine.model import Model
    from dlstudio.engine.trainer import TrainConfig, Trainer
    net = _preset("lenet5", (1, 28, 28))
    x, y = _data((1, 28, 28), args.images)
    out = {}
    for b in args.batch or [16, 64, 256]:
        cfg = TrainConfig(loss="cross_entropy", optimizer="adam", hyper={"lr": 1e-3}, batch_size=b,
                          epochs=1, val_split=0.0)
        trainer = Trainer(Model(net, seed=0), x, y, cfg)
        trainer.run(1)   # compile, warm caches
        rates = []
        for _ in range(args.epochs):
            t = time.perf_counter()
            trainer.run(1)
            rates.append(len(x) / (time.perf_counter() - t))
        out[b] = round(statistics.median(rates))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
