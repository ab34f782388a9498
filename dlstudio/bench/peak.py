"""The machine's measured limits: the matrix-product peak every kernel's speed is compared with,
and the rate at which its cores can issue fused multiply-adds at all.

`gemm_peak`: a float32 GEMM (C = A·B, n×n) through NumPy's BLAS, at the engine's thread count, in
a fresh interpreter: dlstudio sets OPENBLAS_NUM_THREADS=1 for its own process (BLAS threads starve
Numba's), so the child gets the count in its environment before NumPy loads. FLOPs are 2·n³
per product; the figure is the best of `repeat` timed runs.

`fma_peak`: independent chains of vector FMAs held in registers (`vector_ir.fma_chain`: no loads,
no stores), one run per engine thread — the roof no kernel can pass. The GEMM peak is what a good
library reaches on real data; on CPUs whose BLAS build does not use every vector unit (NumPy's
OpenBLAS on the AMD Zen 5 this project is measured on reaches about a third of the FMA limit) the
engine's own kernels go past it, and the FMA share says how far from the hardware they still are.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

_CHILD = r"""
import json, sys, time
import numpy as np
n, repeat, min_seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
rng = np.random.default_rng(0)
a = rng.standard_normal((n, n), dtype=np.float32)
b = rng.standard_normal((n, n), dtype=np.float32)
c = np.empty((n, n), np.float32)
np.matmul(a, b, out=c)  # warm-up: BLAS threads, page faults
best = 0.0
for _ in range(repeat):
    k, t0 = 0, time.perf_counter()
    while True:
        np.matmul(a, b, out=c)
        k += 1
        dt = time.perf_counter() - t0
        if dt >= min_seconds:
            break
    best = max(best, 2.0 * n ** 3 * k / dt)
print(json.dumps({"gflops": best / 1e9}))
"""

_CACHE: dict = {}


def gemm_peak(threads: int, n: int = 2048, repeat: int = 5, min_seconds: float = 0.2,
              timeout: float = 300.0) -> float:
    """Best float32 n×n GEMM rate in GFLOP/s with `threads` BLAS threads (cached per arguments)."""
    if threads < 1 or n < 1 or repeat < 1:
        raise ValueError(f"threads, n and repeat must be positive, got {threads}, {n}, {repeat}")
    key = (threads, n, repeat, min_seconds)
    if key not in _CACHE:
        env = dict(os.environ)
        for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            env[var] = str(threads)
        out = subprocess.run([sys.executable, "-c", _CHILD, str(n), str(repeat), str(min_seconds)],
                             env=env, capture_output=True, text=True, timeout=timeout)
        if out.returncode != 0:
            raise RuntimeError(f"the GEMM peak measurement failed: {out.stderr.strip()[-500:]}")
        _CACHE[key] = float(json.loads(out.stdout.strip().splitlines()[-1])["gflops"])
    return _CACHE[key]


def share(gflops: float | None, peak: float | None) -> float | None:
    """The fraction of the peak that a rate reaches: (FLOPs / time) / peak; None if unknown."""
    if gflops is None or not peak:
        return None
    return round(gflops / peak, 3)


def add_shares(r: dict, peak: float | None) -> dict:
    """Give a result with achieved "gflops" (and "torch_gflops") its "share" (and "torch_share")
    of the peak, and record the peak itself."""
    if peak and r.get("gflops") is not None:
        r["peak_gflops"] = round(peak, 1)
        r["share"] = share(r["gflops"], peak)
        r["torch_share"] = share(r.get("torch_gflops"), peak)
    return r


def _fma_kernel():
    from ..engine.chunks import run_chunks
    from .fma import burn
    return run_chunks, burn


def fma_peak(threads: int, steps: int = 2_000_000, repeat: int = 5) -> float:
    """Best rate in GFLOP/s of `threads` threads each running FMA chains in registers
    (bench/fma.py: SUMS vectors of W float32 values, 2·W·SUMS FLOPs a step)."""
    if threads < 1 or steps < 1 or repeat < 1:
        raise ValueError(f"threads, steps and repeat must be positive, got {threads}, {steps}, {repeat}")
    key = ("fma", threads, steps, repeat)
    if key not in _CACHE:
        import time
        import numpy as np
        from .fma import FLOPS_PER_STEP
        run_chunks, burn = _fma_kernel()
        out = np.zeros(threads, np.float32)
        run_chunks(burn, threads, 1000, out)          # compile and wake the threads
        best = 0.0
        for _ in range(repeat):
            t0 = time.perf_counter()
            run_chunks(burn, threads, steps, out)
            best = max(best, threads * steps * FLOPS_PER_STEP / (time.perf_counter() - t0))
        if not np.all(np.isfinite(out)):
            raise RuntimeError("the FMA measurement produced non-finite sums")
        _CACHE[key] = best / 1e9
    return _CACHE[key]
