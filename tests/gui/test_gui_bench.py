"""`dlstudio bench --gui`: the training benchmark runs the app and reports every figure the
issue names, from runs it really made (the figures themselves are not asserted: timings never
are)."""
from __future__ import annotations

import statistics

import pytest


def test_gui_train_benchmark_reports_paired_runs(qtbot, settings_dir, dialogs):
    from PySide6.QtWidgets import QApplication

    from dlstudio.gui.training.bench_gui import gui_train
    r = gui_train(preset="lenet5", data="digits:28", epochs=3, rounds=2)
    assert r["case"] == "gui_train" and r["preset"] == "lenet5" and r["epochs"] == 3 and r["rounds"] == 2
    assert len(r["gui_runs"]) == 2 and len(r["headless_runs"]) == 3 and all(v > 0 for v in r["gui_runs"] + r["headless_runs"])
    # each app run against the faster of its two headless neighbours; the figure is their median
    pairs = [g / max(r["headless_runs"][k], r["headless_runs"][k + 1]) for k, g in enumerate(r["gui_runs"])]
    assert r["ratios"] == pytest.approx(pairs, abs=0.002)  # (reported rounded)
    assert r["throughput_ratio"] == pytest.approx(statistics.median(pairs), abs=0.002)
    assert abs(r["gui_samples_per_s"] - statistics.median(r["gui_runs"])) <= 0.1  # (the runs are rounded)
    assert r["ui_samples"] > 0 and 0 <= r["ui_p99_stall_ms"] <= r["ui_max_stall_ms"]
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]  # its windows are closed


def test_gui_lab_benchmark_reports_both_pages(qtbot, settings_dir, dialogs, capsys):
    from PySide6.QtWidgets import QApplication

    from dlstudio.gui.lab import bench_lab
    r = bench_lab.gui_lab(seconds=0.6)
    assert r["case"] == "gui_lab" and r["seconds"] == 0.6
    assert r["playground_fps"] > 0 and r["regions_hz"] > 0  # both pages really drew something
    assert r["playground_max_stall_ms"] is not None and r["regions_max_stall_ms"] is not None
    assert r["ok"] == (r["playground_fps"] >= 30 and r["regions_hz"] >= 10
                       and r["playground_max_stall_ms"] < 50 and r["regions_max_stall_ms"] < 50)
    assert "frames/s" in bench_lab.describe(r)
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]  # its window is closed


def test_gui_bench_refuses_an_unknown_case(capsys):
    from dlstudio.gui.training.bench_gui import run
    assert run(as_json=True, cases=["nope"]) == 2
    assert "unknown GUI benchmark case 'nope'" in capsys.readouterr().err
