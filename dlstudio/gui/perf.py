"""How long a parameter edit takes to reach every view of a large network.

`param_edit_latency(200)` builds a 200-layer residual network in a full main window (offscreen
if there is no display), selects the Input and changes its image size (28×28 ↔ 32×32) again
and again through the path the inspector uses (an undo command) — the worst case: every
layer's shape and cost changes. It reports the time of the pure shape / cost analysis, of
the whole synchronous update (command, analysis, canvas blocks, summary table, problems,
inspector, status bar) and of that update plus a full repaint of the canvas with all 200 blocks
in view.
The target is < 50 ms for the edit. No assertion here: `dlstudio bench` prints the numbers.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

from dlstudio.spec import Network, analyze


def residual_network(n_nodes: int) -> Network:
    """Input → stem → residual blocks (conv-bn-relu-conv-bn-add-relu) → pool → dense: n_nodes layers."""
    if n_nodes < 6:
        raise ValueError(f"n_nodes must be at least 6, got {n_nodes}")
    net = Network(name=f"residual-{n_nodes}")
    net.add("input", "Input", {"shape": [3, 32, 32]})
    net.add("stem", "Conv2D", {"filters": 16, "kernel_size": 3, "padding": "same"}, after="input")
    last, k = "stem", 0
    budget = n_nodes - 4  # input, stem, gap, output
    while budget >= 7:
        k += 1
        b = f"b{k}"
        net.add(f"{b}_c1", "Conv2D", {"filters": 16, "kernel_size": 3, "padding": "same"}, after=last)
        net.add(f"{b}_bn1", "BatchNorm", after=f"{b}_c1")
        net.add(f"{b}_r1", "ReLU", after=f"{b}_bn1")
        net.add(f"{b}_c2", "Conv2D", {"filters": 16, "kernel_size": 3, "padding": "same"}, after=f"{b}_r1")
        net.add(f"{b}_bn2", "BatchNorm", after=f"{b}_c2")
        net.add(f"{b}_add", "Add", after=[f"{b}_bn2", last])
        net.add(f"{b}_out", "ReLU", after=f"{b}_add")
        last, budget = f"{b}_out", budget - 7
    for j in range(budget):
        net.add(f"extra{j}", "ReLU", after=last)
        last = f"extra{j}"
    net.add("gap", "GlobalAvgPool2D", after=last)
    net.add("output", "Dense", {"units": 10}, after="gap")
    return net


def _ms(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {"median": round(statistics.median(ordered) * 1e3, 2),
            "p90": round(ordered[int(0.9 * (len(ordered) - 1))] * 1e3, 2),
            "max": round(ordered[-1] * 1e3, 2)}


def param_edit_latency(n_nodes: int = 200, repeats: int = 20) -> dict:
    """Latency of one parameter edit on an n_nodes network, in milliseconds."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "dlstudio"])
    net = residual_network(n_nodes)
    analysis = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        analyze(net)
        analysis.append(time.perf_counter() - t0)

    with tempfile.TemporaryDirectory(prefix="dlstudio-perf-") as tmp:
        settings = QSettings(os.path.join(tmp, "perf.ini"), QSettings.Format.IniFormat)
        win = MainWindow(network=net, settings=settings, recovery_dir=tmp)
        win.files.load_network(net.copy(), layout=True)
        win.resize(1400, 900)
        win.show()
        app.processEvents()
        win.scene.select_ids(["input"])
        app.processEvents()
        win.view.fit_to_view()  # the worst case: every block visible, so every block repaints
        app.processEvents()
        edit, edit_paint = [], []
        for k in range(repeats):
            size = 28 if k % 2 == 0 else 32
            t0 = time.perf_counter()
            win.editor.set_param("input", "shape", [3, size, size])
            t1 = time.perf_counter()
            win.view.viewport().repaint()
            app.processEvents()
            t2 = time.perf_counter()
            edit.append(t1 - t0)
            edit_paint.append(t2 - t0)
        shapes_ok = win.doc.analysis.shapes["gap"] == (16,) and not win.doc.analysis.problems
        win.stack.setClean()
        win.close()
        win.deleteLater()
        app.processEvents()
    return {"case": "gui_param_edit", "nodes": n_nodes, "edges": len(net.edges), "repeats": repeats,
            "unit": "ms", "analyze_ms": _ms(analysis), "edit_ms": _ms(edit), "edit_and_paint_ms": _ms(edit_paint),
            "target_ms": 50.0, "shapes_ok": shapes_ok}


if __name__ == "__main__":  # pragma: no cover
    import json
    print(json.dumps(param_edit_latency(int(sys.argv[1]) if len(sys.argv) > 1 else 200)))
