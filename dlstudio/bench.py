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


def train_case(case: dict, net, x: np.ndarray, y: np.ndarray, batch: int, loss: str, repeat: int) -> dict:
    """Train `net` (a network document) one epoch at a time in dlstudio and, when installed, the
    same graph in PyTorch (Adam lr 1e-3, shuffled batches); `case` gets both rates and the ratio."""
    from .engine.model import Model
    from .engine.trainer import TrainConfig, Trainer
    torch = _torch()
    cfg = TrainConfig(loss=loss, optimizer="adam", hyper={"lr": 1e-3}, batch_size=batch, epochs=1,
                      val_split=0.0)
    trainer = Trainer(Model(net, seed=0), x, y, cfg)

    def ours():
        trainer.run(1)
        return len(x)

    result = {**case, "dlstudio": _best_rate(ours, repeat)}
    if torch is not None:
        from .bench_torch import TorchNet
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

        result["torch"] = _best_rate(theirs, repeat)
    return _with_ratio(result)


def mlp_train(repeat: int) -> dict:
    """2 → 64 → 64 → 3 with tanh on spirals, batch 32, Adam, cross-entropy."""
    from .data import load_dataset
    from .zoo.presets import mlp
    ds = load_dataset("spirals")
    return train_case({"case": "mlp_train", "batch": 32, "shape": [2], "unit": "samples/s"},
                      mlp((2,), 3), ds.x, ds.y, 32, "cross_entropy", repeat)


def _with_ratio(r: dict) -> dict:
    r.setdefault("torch", None)
    r["ratio"] = round(r["dlstudio"] / r["torch"], 3) if r["torch"] else None
    r["dlstudio"] = round(r["dlstudio"], 1)
    if r["torch"]:
        r["torch"] = round(r["torch"], 1)
    r["threads"] = _threads()
    return r


# ---- Conv2D kernels (the layer alone, float32, batch 64) ------------------------------------

CONV_SHAPES = (  # (input [C, H, W], filters, kernel, padding, the same padding for torch)
    ((6, 14, 14), 16, 5, "valid", 0),     # LeNet-5 C3
    ((32, 16, 16), 64, 3, "same", 1),     # a 32 → 64 3×3 'same' conv
)


def _conv_kernel_case(case: str, backward: bool, repeat: int) -> list[dict]:
    """GFLOP/s of one Conv2D layer's forward, or backward (dx, dkernel, dbias), per CONV_SHAPES.

    FLOPs are 2 per multiply-add: forward N·F·OH·OW·C·kh·kw·2, backward twice that (dx and dkernel).
    PyTorch: F.conv2d, and autograd.grad of its output with respect to input, weight and bias.
    """
    from .engine.model import Model
    from .spec import Network
    batch = 64
    torch = _torch()
    results = []
    for shape, filters, k, padding, torch_padding in CONV_SHAPES:
        net = Network().add("in", "Input", {"shape": list(shape)}).add(
            "conv", "Conv2D", {"filters": filters, "kernel_size": k, "padding": padding}, after="in")
        layer = Model(net, seed=0).layers["conv"]
        layer.need_dx = True                      # measure the input gradient too
        rng = np.random.default_rng(0)
        x = rng.standard_normal((batch, *shape), dtype=np.float32)
        dy = rng.standard_normal((batch, *layer.out_shape), dtype=np.float32)
        flops = 2 * layer.macs * batch * (2 if backward else 1)
        layer.forward([x], True)

        def ours():
            if backward:
                layer.backward(dy)
            else:
                layer.forward([x], True)
            return flops

        r = {"case": case, "batch": batch, "shape": list(shape), "filters": filters, "kernel": [k, k],
             "padding": padding, "unit": "GFLOP/s", "dlstudio": _best_rate(ours, repeat) / 1e9}
        if torch is not None:
            conv2d = torch.nn.functional.conv2d
            tx = torch.from_numpy(x).requires_grad_(backward)
            tw = torch.from_numpy(layer.w["kernel"].copy()).requires_grad_(backward)
            tb = torch.from_numpy(layer.w["bias"].copy()).requires_grad_(backward)
            out = conv2d(tx, tw, tb, padding=torch_padding)
            g = torch.from_numpy(dy)

            def theirs():
                if backward:
                    torch.autograd.grad(out, (tx, tw, tb), g, retain_graph=True)
                else:
                    with torch.no_grad():
                        conv2d(tx, tw, tb, padding=torch_padding)
                return flops

            r["torch"] = _best_rate(theirs, repeat) / 1e9
        results.append(_with_ratio(r))
    return results


def conv_fwd(repeat: int) -> list[dict]:
    """Conv2D forward: LeNet-5 C3 (6 → 16, 5×5 on 14×14) and 32 → 64 3×3 'same' on 16×16."""
    return _conv_kernel_case("conv_fwd", False, repeat)


def conv_bwd(repeat: int) -> list[dict]:
    """Conv2D backward (dx, dkernel, dbias) on the conv_fwd shapes."""
    return _conv_kernel_case("conv_bwd", True, repeat)


def _cases() -> list[Case]:
    from . import bench_cnn, bench_recurrent
    return [
        Case("lenet5_train", "LeNet-5 on 1×28×28 at batch 1, 16, 64, 256, Adam", bench_cnn.lenet5_train),
        Case("lenet5_infer", "LeNet-5 forward on 1×28×28 at batch 64", bench_cnn.lenet5_infer),
        Case("cnn32_train", "conv 32 + conv 64 (3×3) on 3×32×32 at batch 64, Adam", bench_cnn.cnn32_train),
        Case("lstm_train", "LSTM → Dense at (T, F, hidden, batch) = (32, 16, 64, 32) and (100, 32, 128, 64)",
             bench_recurrent.lstm_train),
        Case("rnn_train", "SimpleRNN → Dense at (32, 16, 64, 32)", bench_recurrent.rnn_train),
    ]


CASES: dict[str, Case] = {c.name: c for c in [
    Case("mlp_train", "MLP 2-64-64-3 tanh, spirals, batch 32, Adam", mlp_train),
    *_cases(),
    Case("conv_fwd", "Conv2D forward, batch 64: LeNet-5 C3 6→16 5×5 on 14×14; 32→64 3×3 same on 16×16",
         conv_fwd),
    Case("conv_bwd", "Conv2D backward (dx, dkernel, dbias) on the conv_fwd shapes", conv_bwd),
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
        results = CASES[name].run(repeat)
        for r in results if isinstance(results, list) else [results]:
            if as_json:
                print(json.dumps(r), flush=True)
            else:
                torch_part = (f"  torch {r['torch']:>12,.1f}  ratio {r['ratio']:.2f}×" if r["torch"] else "")
                print(f"{name:<16} batch {r['batch']:<5} dlstudio {r['dlstudio']:>12,.1f} {r['unit']}{torch_part}",
                      flush=True)
    return 0
