"""`dlstudio bench --gui`: how smooth the window stays and how fast it trains, with every live
view open, against the same run without a window.

LeNet-5 (or the MLP) trains on digits:28 in the app, offscreen; the curves, feature maps,
gates, weights, evaluation and predict views are all shown at once (in a second window), so
each tick really repaints them. A 5 ms QTimer in the GUI thread records the gaps between its
timeouts: the longest gap minus 5 ms is the longest time the event loop could not answer.
The same run without a window, in a fresh process, gives the headless rate. Runs alternate,
headless and in the app (H G H G H G H), and each app run is compared with the better of its
two neighbours; the median of these ratios is reported, with every run's figure beside it.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

PROBE_MS = 5
TARGET_S = 4.0   # seconds of training per run
ROUNDS = 3
LOAD_TIMEOUT_S = 600.0


_HEADLESS = """
import json, sys, time
from dlstudio.run import prepare
preset, data, epochs = sys.argv[1], sys.argv[2], int(sys.argv[3])
r = prepare(preset, data, epochs=epochs)
r.trainer.run(1)  # compiled kernels, warm caches
t0 = time.perf_counter()
r.trainer.run(epochs)
print(json.dumps({"rate": len(r.train) * epochs / (time.perf_counter() - t0), "train": len(r.train)}))
"""


def _headless(preset: str, data: str, epochs: int) -> dict:
    """samples/s of `epochs` epochs without a window, in a fresh process: the engine alone, with
    no thread of this process having run its kernels (OpenMP keeps one thread team per thread
    that starts parallel work, and two teams in one process slow each other down)."""
    out = subprocess.run([sys.executable, "-c", _HEADLESS, preset, data, str(epochs)], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _dashboard(win):
    """Every live view visible at once: the curves stay in the Training dock, feature maps in the
    bottom tabs, the other views in a second window."""
    from PySide6.QtWidgets import QGridLayout, QWidget

    from ..i18n import tr
    hub = win.training.hub
    board = QWidget()
    board.setWindowTitle(tr("dlstudio — live views"))
    grid = QGridLayout(board)
    for k, view in enumerate((hub.gates, hub.weights, hub.evaluation, hub.predict)):
        grid.addWidget(view, k // 2, k % 2)
        view.show()  # a page of the tabs was hidden by them
    board.resize(1400, 900)
    board.show()
    win.bottom_tabs.setCurrentWidget(hub.maps)
    hub.panel.tabs.setCurrentWidget(hub.curves)
    return board


def gui_train(preset: str = "lenet5", data: str = "digits:28", epochs: int | None = None,
              rounds: int = ROUNDS) -> dict:
    """Train `rounds` times in the app, each run between two headless runs of the same length
    (H G H G … H). Each GUI run is compared with the better of its two neighbours, and the
    median of those ratios is the result: a burst of load from elsewhere on a shared machine
    then spoils one ratio, not the figure."""
    if rounds < 1:
        raise ValueError(f"the GUI benchmark needs at least one round, not {rounds}")
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from dlstudio.run import load_data, outputs_for
    from dlstudio.zoo import PRESETS, build_preset
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}: one of {', '.join(sorted(PRESETS))}")
    ds = load_data(data)
    network = build_preset(preset, ds.sample_shape, outputs_for(ds))[0]  # as `prepare` builds it headless
    app = QApplication.instance() or QApplication(["dlstudio-bench"])
    app.setApplicationName("dlstudio")
    from ..main_window import MainWindow

    first_look = _headless(preset, data, 1)
    if epochs is None:  # about TARGET_S seconds of training per run
        epochs = int(min(max(round(TARGET_S * first_look["rate"] / first_look["train"]), 3), 40))
        headless = [_headless(preset, data, epochs)["rate"]]
    else:
        headless = [_headless(preset, data, epochs)["rate"]]
    gaps: list[float] = []      # while a run trains
    startup: list[float] = []   # from Start to the first batch of the first run (preparing, compiling)
    gui: list[float] = []
    with tempfile.TemporaryDirectory(prefix="dlstudio-bench-") as scratch:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch)
        win = MainWindow(network=network)
        board = None
        try:
            win.resize(1600, 1000)
            win.show()
            c = win.training
            win.acts.train_panel.trigger()
            c.hub.setup.set_data_spec(data)
            board = _dashboard(win)
            loop = QEventLoop()
            deadline = time.monotonic() + LOAD_TIMEOUT_S
            wait = QTimer(interval=20, timeout=lambda: (c.hub.setup.dataset is not None
                                                        or time.monotonic() > deadline) and loop.quit())
            wait.start()
            loop.exec()
            wait.stop()
            if c.hub.setup.dataset is None:
                raise RuntimeError(f"the GUI benchmark could not load {data!r} in the app")
            c.hub.setup.epochs.setValue(epochs)
            last = [0.0]
            first = [True]

            def probe():
                now = time.perf_counter()
                if last[0] and c.state == "training":
                    gaps.append(now - last[0])
                    first[0] = False
                elif last[0] and first[0] and c.state in ("preparing", "compiling"):
                    startup.append(now - last[0])
                last[0] = now

            timer = QTimer(interval=PROBE_MS, timeout=probe)
            timer.setTimerType(Qt.TimerType.PreciseTimer)
            outcome: list[tuple[str, str]] = []
            c.sigRunFinished.connect(lambda kind, message: kind != "prepared" and (
                outcome.append((kind, message)) or loop.quit()))
            for _ in range(rounds):
                win.files.results_dirty = False  # no "start again?" prompt: the earlier run is not kept
                last[0] = 0.0
                timer.start()
                if not c.start(True):
                    raise RuntimeError(f"the GUI benchmark could not start: {'; '.join(c.problems())}")
                loop.exec()
                timer.stop()
                if not outcome or outcome[-1][0] != "done":
                    raise RuntimeError(f"the GUI benchmark's run did not finish: {outcome[-1:]}")
                gui.append(float(c.last_result.get("samples_per_s") or 0.0))
                headless.append(_headless(preset, data, epochs)["rate"])
        finally:
            win.training.shutdown()
            win.files.results_dirty = False
            win.stack.setClean()
            if board is not None:
                board.close()
            win.close()
    ratios = [g / max(headless[k], headless[k + 1]) for k, g in enumerate(gui)]
    gaps_ms = sorted(1000 * g for g in gaps)
    stall = max(gaps_ms[-1] - PROBE_MS, 0.0) if gaps_ms else None
    p99 = max(gaps_ms[int(0.99 * (len(gaps_ms) - 1))] - PROBE_MS, 0.0) if gaps_ms else None
    return {"case": "gui_train", "ui_max_stall_ms": None if stall is None else round(stall, 1),
            "gui_samples_per_s": round(statistics.median(gui), 1),
            "headless_samples_per_s": round(statistics.median(headless), 1),
            "throughput_ratio": round(statistics.median(ratios), 3),
            "ui_p99_stall_ms": None if p99 is None else round(p99, 1),
            "ui_max_stall_startup_ms": round(max(1000 * max(startup) - PROBE_MS, 0.0), 1) if startup else None,
            "preset": preset, "data": data, "epochs": epochs, "rounds": rounds, "ui_samples": len(gaps_ms),
            "gui_runs": [round(g, 1) for g in gui], "headless_runs": [round(h, 1) for h in headless],
            "ratios": [round(r, 3) for r in ratios]}


GUI_CASES = ("gui_param_edit", "gui_train", "gui_lab")


def run(as_json: bool = False, cases: list[str] | None = None) -> int:
    """The GUI cases (all of them, or those named): one JSON line each with --json."""
    from ..lab.bench_lab import describe, gui_lab
    from ..perf import param_edit_latency
    unknown = [c for c in cases or [] if c not in GUI_CASES]
    if unknown:
        print(f"dlstudio: error: unknown GUI benchmark case {unknown[0]!r} (known: {', '.join(GUI_CASES)})",
              file=sys.stderr)
        return 2
    chosen = [c for c in GUI_CASES if not cases or c in cases]
    for name in chosen:
        if name == "gui_param_edit":
            r = param_edit_latency(200)
            text = (f"gui_param_edit  one parameter edit on a {r['nodes']}-node network: analysis "
                    f"{r['analyze_ms']['median']:.1f} ms, edit with every view updated {r['edit_ms']['median']:.1f} ms, "
                    f"with the canvas repainted {r['edit_and_paint_ms']['median']:.1f} ms (medians)")
        elif name == "gui_train":
            r = gui_train()
            text = (f"gui_train  {r['preset']} on {r['data']}, {r['epochs']} epochs, every live view open\n"
                    f"  longest UI stall while training {r['ui_max_stall_ms']} ms (99th percentile "
                    f"{r['ui_p99_stall_ms']} ms); while preparing and compiling {r['ui_max_stall_startup_ms']} ms\n"
                    f"  {r['gui_samples_per_s']:,.0f} samples/s in the app, {r['headless_samples_per_s']:,.0f} headless "
                    f"→ {100 * (r['throughput_ratio'] or 0):.0f} % (median of {r['rounds']} app runs, each against "
                    f"its headless neighbours: {', '.join(f'{100 * v:.0f} %' for v in r['ratios'])})")
        else:
            r = gui_lab()
            text = describe(r)
        print(json.dumps(r) if as_json else text, flush=True)
    return 0
