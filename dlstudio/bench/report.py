"""`run_cases`: run benchmark cases and print a table (or JSON lines) with the machine's peak.

The header names the thread count, PyTorch's version, the measured float32 GEMM peak and the
cores' FMA limit (bench/peak.py); each row with known FLOPs gets its share of the GEMM peak
("share" in JSON, "peak share" in the table) and, in JSON, of the FMA limit ("fma_share").
`memory=True` runs the memory cases instead (peak RSS of training runs in fresh interpreters).
"""
from __future__ import annotations

import json

from .cases import CASES
from .core import threads, torch_module
from .peak import add_shares, fma_peak, gemm_peak, share


def _pct(v: float | None) -> str:
    return f"{100 * v:5.1f} %" if v is not None else "      "


def row_text(name: str, r: dict) -> str:
    """One table line: rates, ratio and, when known, each side's share of the peak."""
    torch_part = f"  torch {r['torch']:>12,.1f}  ratio {r['ratio']:.2f}×" if r.get("torch") else ""
    share = ""
    if r.get("share") is not None:
        share = f"  peak share {_pct(r['share'])}"
        if r.get("torch_share") is not None:
            share += f" (torch {_pct(r['torch_share']).strip()})"
    return f"{name:<16} batch {r['batch']:<5} dlstudio {r['dlstudio']:>12,.1f} {r['unit']}{torch_part}{share}"


def memory_text(r: dict) -> str:
    s = r["stages_mb"]
    verdict = "within" if r["peak_mb"] <= r["goal_mb"] else "OVER"
    return (f"{r['case']:<16} {r['images']:,} × {'×'.join(map(str, r['shape']))}: peak RSS {r['peak_mb']:,.0f} MB "
            f"({verdict} the {r['goal_mb']:,} MB goal) · after imports {s['imports']:,.0f}, data "
            f"{s['data']:,.0f} (the set: {r['data_mb']:,.0f}), trainer {s['trainer']:,.0f}, "
            f"{r['batches']} batches {s['trained']:,.0f}, evaluated {s['evaluated']:,.0f}")


def run_cases(names: list[str] | None, as_json: bool = False, repeat: int = 3, memory: bool = False) -> int:
    from ..run import UserError
    if memory:
        from .memory import memory_cases
        for r in memory_cases():
            print(json.dumps(r) if as_json else memory_text(r), flush=True)
        return 0
    torch = torch_module()  # first: see core.torch_module
    names = names or list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown:
        raise UserError(f"unknown benchmark case {unknown[0]!r} (known: {', '.join(CASES)})")
    peak = gemm_peak(threads(), repeat=max(repeat, 1))   # first: a child process, the engine's threads idle
    fma = fma_peak(threads())
    if not as_json:
        version = f"PyTorch {torch.__version__}" if torch else "PyTorch not installed (pip install -e '.[bench]')"
        print(f"threads: {threads()} · {version} · peak: float32 GEMM (NumPy, {threads()} threads) "
              f"{peak:,.1f} GFLOP/s · FMA limit {fma:,.1f} GFLOP/s", flush=True)
    for name in names:
        results = CASES[name].run(repeat)
        for r in results if isinstance(results, list) else [results]:
            add_shares(r, peak)
            if r.get("gflops") is not None:
                r["fma_gflops"] = round(fma, 1)
                r["fma_share"] = share(r["gflops"], fma)
            print(json.dumps(r) if as_json else row_text(name, r), flush=True)
    return 0
