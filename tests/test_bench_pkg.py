"""The `dlstudio.bench` package: no import cycle, the GEMM peak, the share-of-peak column and
the memory case. No timing is asserted: only that figures exist and are computed as documented."""
import ast
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from dlstudio.bench import core, kernels, peak, report
from dlstudio.bench.memory import measure

BENCH = Path(__file__).resolve().parents[1] / "dlstudio" / "bench"
MODULES = sorted(p.stem for p in BENCH.glob("*.py") if p.stem != "__init__")


def _package_imports(path: Path) -> set[str]:
    """Sibling modules that `path` imports (anywhere in the file, lazy imports included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("dlstudio.bench"):
            found.add(node.module.split(".")[2] if node.module.count(".") >= 2 else "__init__")
    return found


def test_the_package_imports_form_no_cycle():
    graph = {m: _package_imports(BENCH / f"{m}.py") for m in MODULES + ["__init__"]}
    assert graph["cases"] >= {"cnn", "kernels", "recurrent"}        # the parser sees real edges
    state: dict[str, str] = {}

    def visit(m, path):
        if state.get(m) == "open":
            raise AssertionError(f"import cycle: {' → '.join(path + [m])}")
        if state.get(m) == "done":
            return
        state[m] = "open"
        for dep in graph.get(m, ()):
            visit(dep, path + [m])
        state[m] = "done"

    for m in graph:
        visit(m, [])


def test_the_old_modules_are_gone():
    pkg = BENCH.parent
    assert not [n for n in ("bench.py", "bench_cnn.py", "bench_recurrent.py", "bench_torch.py") if (pkg / n).exists()]


@pytest.mark.parametrize("module", [pytest.param(m, marks=pytest.mark.slow) if m == "torch_side" else m
                                    for m in MODULES])
def test_each_module_imports_first_in_a_fresh_interpreter(module):
    if module == "torch_side":  # imports torch: seconds
        pytest.importorskip("torch")
    r = subprocess.run([sys.executable, "-c", f"import dlstudio.bench.{module}"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_the_gemm_peak_is_a_positive_rate():
    assert peak.gemm_peak(1, n=64, repeat=1, min_seconds=0.01) > 0
    with pytest.raises(ValueError, match="positive"):
        peak.gemm_peak(0)


def test_the_fma_limit_runs_every_chain():
    from dlstudio.bench import fma
    assert peak.fma_peak(1, steps=20_000, repeat=1) > 0
    # the lanes' sum after n rounds of v ← a·v + b is the closed form over every chain's start
    # (1 + (k·W + i) / (W·SUMS) for chain k, lane i): a chain dropped or counted twice shows
    out = np.zeros(1, np.float32)
    n = 1000
    fma.burn(0, 1, n, out)
    a, b = float(np.float32(0.9999999)), float(np.float32(1e-7))
    starts = 1 + np.arange(fma.W * fma.SUMS) / (fma.W * fma.SUMS)
    expected = np.sum(a ** n * starts + b * (1 - a ** n) / (1 - a))
    assert out[0] == pytest.approx(expected, rel=1e-5)
    with pytest.raises(ValueError, match="positive"):
        peak.fma_peak(0)


def test_the_share_is_flops_over_time_over_peak(monkeypatch):
    clock = [0.0]

    def step():  # 3·10⁹ FLOPs of work in 0.25 s on a fake clock: 12 GFLOP/s
        clock[0] += 0.25
        return 3e9
    monkeypatch.setattr(core.time, "perf_counter", lambda: clock[0])
    rate = core.best_rate(step, repeat=2, min_seconds=0.5)
    assert rate == pytest.approx(12e9)
    r = core.with_ratio({"case": "t", "batch": 1, "unit": "GFLOP/s", "dlstudio": rate / 1e9,
                         "torch": 24.0}, 1e9)
    peak.add_shares(r, 48.0)
    assert r["gflops"] == pytest.approx(12.0) and r["share"] == pytest.approx(0.25)
    assert r["torch_share"] == pytest.approx(0.5) and r["ratio"] == pytest.approx(0.5)
    assert "peak share  25.0 % (torch 50.0 %)" in report.row_text("t", r)


def test_a_network_case_counts_its_flops_per_image():
    from dlstudio.zoo import build_preset
    net = build_preset("lenet5", (1, 28, 28), 10)[0]
    fwd = core.network_flops(net, training=False)
    # C1: 6 × 28×28 × 5·5 MACs, C3: 16 × 10×10 × 6·5·5, dense 400·120 + 120·84 + 84·10
    macs = 6 * 28 * 28 * 25 + 16 * 10 * 10 * 150 + 400 * 120 + 120 * 84 + 84 * 10
    assert 2 * macs <= fwd < 2.1 * macs
    assert core.network_flops(net, training=True) == 3 * fwd
    r = core.with_ratio({"dlstudio": 1000.0, "torch": None}, fwd)
    assert r["gflops"] == pytest.approx(1000 * fwd / 1e9, abs=0.01) and r["torch_gflops"] is None
    assert peak.add_shares(r, 10.0)["share"] == pytest.approx(r["gflops"] / 10.0, abs=1e-3)


def test_the_conv_kernel_case_reports_gflops_and_flops():
    assert kernels.conv_flops((2, 6, 6), 3, 3, (4, 4), batch=2, backward=False) == 2 * 2 * 3 * 16 * 2 * 9
    assert kernels.conv_flops((2, 6, 6), 3, 3, (4, 4), batch=2, backward=True) == 4 * 2 * 3 * 16 * 2 * 9
    (r,) = kernels.conv_layer_case("conv_fwd", False, 1, shapes=(((2, 7, 5), 3, 3, "valid", 0),), batch=2)
    assert r["shape"] == [2, 7, 5] and r["dlstudio"] > 0 and r["gflops"] == pytest.approx(r["dlstudio"], abs=0.06)


@pytest.mark.slow
def test_the_memory_case_reports_a_positive_peak_from_a_subprocess():
    r = measure("lenet5", (1, 28, 28), 64, 16, 2)
    assert r["batches"] == 2 and not r["torch_loaded"]
    assert r["data_dtype"] == "uint8"    # held as the image loaders hold 8-bit images
    assert r["data_mb"] == pytest.approx(64 * 28 * 28 / 2**20, abs=0.05)
    s = r["stages_mb"]
    assert 0 < s["start"] <= s["imports"] and r["peak_mb"] >= max(s.values())
    text = report.memory_text({**r, "case": "lenet5_memory", "images": 64, "shape": [1, 28, 28], "goal_mb": 300})
    assert "peak RSS" in text and "300 MB goal" in text
    with pytest.raises(ValueError, match="positive"):
        measure("lenet5", (1, 28, 28), 0, 16, 2)
