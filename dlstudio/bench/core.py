"""What every benchmark case shares: PyTorch at the engine's thread count, best-of timing, the
ratio, and training / inference of one network document on both sides.

Nothing here imports another module of the bench package except `torch_side` (lazily, and only
when PyTorch is installed), so the package has no import cycle.
"""
from __future__ import annotations

import time
from typing import Callable

import numpy as np

_TORCH: list = []


def torch_module():
    """PyTorch, imported once with as many threads as the engine uses; None if not installed.

    Import it before Numba starts its thread pool: when Numba's OpenMP pool comes up first,
    PyTorch's own OpenMP runtime competes with it and runs ~10× slower on 2 cores, which
    would make every ratio meaningless.
    """
    if not _TORCH:
        try:
            import torch
        except ImportError:
            torch = None
        if torch is not None:
            torch.set_num_threads(threads())
        _TORCH.append(torch)
    return _TORCH[0]


def threads() -> int:
    """The engine's thread count, read without starting Numba's thread pool."""
    from ..engine import config  # noqa: F401  (sets the cache folder before numba loads)
    import numba
    return int(numba.config.NUMBA_NUM_THREADS)


def best_rate(step: Callable[[], float], repeat: int, min_seconds: float = 0.5) -> float:
    """Best units/s over `repeat` timed runs, each of at least min_seconds of whole `step`s
    (`step` does some work and returns how many units it did); one untimed warm-up first."""
    step()  # warm-up (compile, caches)
    best = 0.0
    for _ in range(max(repeat, 1)):
        n, t0 = 0.0, time.perf_counter()
        while True:
            n += step()
            dt = time.perf_counter() - t0
            if dt >= min_seconds:
                break
        best = max(best, n / dt)
    return best


def with_ratio(r: dict, flops_per_unit: float | None = None) -> dict:
    """Round the rates, add "ratio" (dlstudio / torch), "threads" and, when the FLOPs of one
    unit (one image, one sequence; 1e9 for a GFLOP/s case) are known, the achieved "gflops"
    and "torch_gflops" that the report divides by the machine's peak."""
    r.setdefault("torch", None)
    if flops_per_unit:
        r["gflops"] = round(r["dlstudio"] * flops_per_unit / 1e9, 2)
        r["torch_gflops"] = round(r["torch"] * flops_per_unit / 1e9, 2) if r["torch"] else None
    r["ratio"] = round(r["dlstudio"] / r["torch"], 3) if r["torch"] else None
    r["dlstudio"] = round(r["dlstudio"], 1)
    if r["torch"]:
        r["torch"] = round(r["torch"], 1)
    r["threads"] = threads()
    return r


def network_flops(net, training: bool) -> float:
    """FLOPs of one sample through `net`: the forward pass, ×3 for a training step (the usual
    estimate: the backward pass computes both the input and the weight gradients)."""
    from ..spec import analyze
    return float(analyze(net).total.flops) * (3 if training else 1)


def train_case(case: dict, net, x: np.ndarray, y: np.ndarray, batch: int, loss: str, repeat: int) -> dict:
    """Train `net` (a network document) one epoch at a time in dlstudio and, when installed, the
    same graph in PyTorch (Adam lr 1e-3, shuffled batches); `case` gets both rates and the ratio."""
    from ..engine.model import Model
    from ..engine.trainer import TrainConfig, Trainer
    torch = torch_module()
    cfg = TrainConfig(loss=loss, optimizer="adam", hyper={"lr": 1e-3}, batch_size=batch, epochs=1,
                      val_split=0.0)
    trainer = Trainer(Model(net, seed=0), x, y, cfg)

    def ours():
        trainer.run(1)
        return len(x)

    result = {**case, "dlstudio": best_rate(ours, repeat)}
    if torch is not None:
        from .torch_side import TorchNet
        torch.manual_seed(0)
        tnet = TorchNet(net)
        opt = torch.optim.Adam(tnet.parameters(), lr=1e-3)
        lossf = {"cross_entropy": torch.nn.CrossEntropyLoss(), "mse": torch.nn.MSELoss()}[loss]
        tx = torch.from_numpy(x)
        ty = torch.from_numpy(y.astype(np.int64) if loss == "cross_entropy" else y)

        def theirs():
            perm = torch.randperm(len(tx))
            for i in range(0, len(tx), batch):
                idx = perm[i:i + batch]
                opt.zero_grad()
                lossf(tnet(tx[idx]), ty[idx]).backward()
                opt.step()
            return len(tx)

        result["torch"] = best_rate(theirs, repeat)
    return with_ratio(result, network_flops(net, training=True))


def infer_case(case: dict, net, x: np.ndarray, batch: int, repeat: int) -> dict:
    """Forward passes only (inference mode: no dropout, BatchNorm's moving statistics) over `x`
    in batches, in dlstudio and, when installed, PyTorch with the same graph in eval mode."""
    from ..engine.model import Model
    torch = torch_module()
    model = Model(net, seed=0)

    def ours():
        for i in range(0, len(x), batch):
            model.infer(x[i:i + batch])
        return len(x)

    r = {**case, "dlstudio": best_rate(ours, repeat)}
    if torch is not None:
        from .torch_side import TorchNet
        tnet = TorchNet(net).eval()
        tx = torch.from_numpy(x)

        def theirs():
            with torch.no_grad():
                for i in range(0, len(tx), batch):
                    tnet(tx[i:i + batch])
            return len(tx)
        r["torch"] = best_rate(theirs, repeat)
    return with_ratio(r, network_flops(net, training=False))
