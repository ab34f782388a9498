"""The engine benchmark suite behind `dlstudio bench`.

Each case trains (or runs) the same network on the same shapes in dlstudio and, when PyTorch
is installed, in PyTorch CPU in the same process, and reports throughput, the ratio
dlstudio / torch (> 1 means dlstudio is faster) and, where its FLOPs are known, the share of
the machine's measured matrix-product peak. `--memory` measures peak memory instead.

Modules, each importing only those above it:
  core        PyTorch at the engine's thread count, best-of timing, train / inference cases
  torch_side  the same network document as a torch.nn.Module
  peak        the float32 GEMM peak and the share of it
  memory      peak RSS of a training run, in a fresh interpreter
  kernels     one Conv2D forward / backward in GFLOP/s
  cnn, recurrent, cases   the whole-network cases and the registry
  report      `run_cases`: the header, the table or JSON lines
Names are resolved lazily, so `python -m dlstudio.bench.memory` loads only what it needs.
"""
from __future__ import annotations


def __getattr__(name: str):
    if name == "run_cases":
        from .report import run_cases
        return run_cases
    if name in ("CASES", "Case"):
        from . import cases
        return getattr(cases, name)
    raise AttributeError(f"module 'dlstudio.bench' has no attribute {name!r}")
