"""The engine benchmark suite behind `dlstudio bench`.

Each case trains (or runs) the same network on the same shapes in dlstudio and, when PyTorch
is installed, in PyTorch CPU in the same process, and reports throughput and the ratio
dlstudio / torch (> 1 means dlstudio is faster). Timings are best-of-`repeat`; this machine
is shared, so compare ratios rather than absolute numbers. One JSON object per case with
--json: {"case", "batch", "shape", "unit", "dlstudio", "torch", "ratio", ...}.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np


@dataclass(frozen=True)
class Case:
    name: str
    help: str
    run: Callable[[int], dict]   # repeat -> result dict


_TORCH: list = []


def _torch():
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
            torch.set_num_threads(_threads())
        _TORCH.append(torch)
    return _TORCH[0]


def _threads() -> int:
    # the configured count, without starting Numba's thread pool
    from .engine import config  # noqa: F401
    import numba
    return int(numba.config.NUMBA_NUM_THREADS)


def _best_rate(step_epoch: Callable[[], int], repeat: int, min_seconds: float = 0.5) -> float:
    """Best samples/s over `repeat` timed runs, each at least min_seconds of whole epochs."""
    step_epoch()  # warm-up (compile, caches)
    best = 0.0
    for _ in range(max(repeat, 1)):
        n, t0 = 0, time.perf_counter()
        while True:
            n += step_epoch()
            dt = time.perf_counter() - t0
            if dt >= min_seconds:
                break
        best = max(best, n / dt)
    return best


def _spirals(n: int, seed: int = 0):
    from .data import load_dataset
    ds = load_dataset("spirals", seed=seed)
    return ds.x[:n], ds.y[:n]


def mlp_train(repeat: int) -> dict:
    """2 → 64 → 64 → 3 with tanh on spirals, batch 32, Adam, cross-entropy."""
    from .engine.model import Model
    from .engine.trainer import TrainConfig, Trainer
    from .zoo.presets import mlp
    batch = 32
    x, y = _spirals(1500)
    cfg = TrainConfig(loss="cross_entropy", optimizer="adam", hyper={"lr": 1e-3}, batch_size=batch,
                      epochs=1, val_split=0.0)
    trainer = Trainer(Model(mlp((2,), 3)), x, y, cfg)

    def ours():
        trainer.run(1)
        return len(x)

    result = {"case": "mlp_train", "batch": batch, "shape": [2], "unit": "samples/s",
              "dlstudio": _best_rate(ours, repeat)}
    torch = _torch()
    if torch is not None:
        nn = torch.nn
        torch.manual_seed(0)
        net = nn.Sequential(nn.Linear(2, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, 3))
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        lossf = nn.CrossEntropyLoss()
        tx, ty = torch.from_numpy(x), torch.from_numpy(y.astype(np.int64))

        def theirs():
            perm = torch.randperm(len(tx))
            for i in range(0, len(tx), batch):
                idx = perm[i:i + batch]
                opt.zero_grad()
                lossf(net(tx[idx]), ty[idx]).backward()
                opt.step()
            return len(tx)

        result["torch"] = _best_rate(theirs, repeat)
    return _with_ratio(result)


def _with_ratio(r: dict) -> dict:
    r.setdefault("torch", None)
    r["ratio"] = round(r["dlstudio"] / r["torch"], 3) if r["torch"] else None
    r["dlstudio"] = round(r["dlstudio"], 1)
    if r["torch"]:
        r["torch"] = round(r["torch"], 1)
    r["threads"] = _threads()
    return r


CASES: dict[str, Case] = {c.name: c for c in [
    Case("mlp_train", "MLP 2-64-64-3 tanh, spirals, batch 32, Adam", mlp_train),
]}


def run_cases(names: list[str] | None, as_json: bool = False, repeat: int = 3) -> int:
    from .run import UserError
    torch = _torch()  # first: see _torch
    names = names or list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown:
        raise UserError(f"unknown benchmark case {unknown[0]!r} (known: {', '.join(CASES)})")
    if not as_json:
        version = f"PyTorch {torch.__version__}" if torch else "PyTorch not installed (pip install -e '.[bench]')"
        print(f"threads: {_threads()} · {version}")
    for name in names:
        r = CASES[name].run(repeat)
        if as_json:
            print(json.dumps(r), flush=True)
        else:
            torch_part = (f"  torch {r['torch']:>12,.0f}  ratio {r['ratio']:.2f}×" if r["torch"] else "")
            print(f"{name:<16} batch {r['batch']:<5} dlstudio {r['dlstudio']:>12,.0f} {r['unit']}{torch_part}", flush=True)
    return 0
