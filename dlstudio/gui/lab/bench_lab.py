"""`dlstudio bench --gui`'s `gui_lab` case: the Lab's two live pages, measured in the app.

1. The optimizer playground animates all seven optimizers for `SECONDS`: frames drawn per
   second (target ≥ 30) and the window's longest stall.
2. The decision-regions page trains its 2-D MLP for `SECONDS`: new regions drawn per second
   (target ≥ 10) and the longest stall (target < 50 ms for both).

A 5 ms QTimer in the GUI thread records the gaps between its timeouts, as in `gui_train`: the
longest gap minus 5 ms is the longest time the window could not answer.
"""
from __future__ import annotations

import os
import sys
import time

PROBE_MS = 5
SECONDS = 5.0
WARMUP_S = 1.5   # compiled kernels, first frames; not measured
TARGET_FPS = 30.0
TARGET_HZ = 10.0
TARGET_STALL_MS = 50.0


def _measure(app, seconds: float, counter) -> tuple[float, list[float]]:
    """Run the event loop for `seconds`; (count per second, gaps between 5 ms probe ticks in ms)."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    gaps: list[float] = []
    last = [0.0]

    def probe():
        now = time.perf_counter()
        if last[0]:
            gaps.append(1000 * (now - last[0]))
        last[0] = now

    timer = QTimer(interval=PROBE_MS, timeout=probe)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    start, t0 = counter(), time.perf_counter()
    timer.start()
    loop.exec()
    timer.stop()
    return (counter() - start) / (time.perf_counter() - t0), gaps


def _wait(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.002)


def _stall(gaps: list[float]) -> float | None:
    return round(max(max(gaps) - PROBE_MS, 0.0), 1) if gaps else None


def gui_lab(seconds: float = SECONDS) -> dict:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from .window import LabWindow
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "dlstudio"])
    win = LabWindow()
    try:
        win.resize(1280, 820)
        win.show()
        play = win.show_page("optimizers")
        play.play()
        _wait(app, WARMUP_S)
        fps, play_gaps = _measure(app, seconds, lambda: play.frame_count)
        play.pause()

        regions = win.show_page("regions")
        regions.start()
        _wait(app, WARMUP_S)
        hz, region_gaps = _measure(app, seconds, lambda: regions.refresh_count)
        regions.stop()
    finally:
        win.close()
        win.deleteLater()
        app.processEvents()
    r = {"case": "gui_lab", "seconds": seconds,
         "playground_fps": round(fps, 1), "playground_max_stall_ms": _stall(play_gaps),
         "regions_hz": round(hz, 1), "regions_max_stall_ms": _stall(region_gaps),
         "target_fps": TARGET_FPS, "target_hz": TARGET_HZ, "target_stall_ms": TARGET_STALL_MS}
    r["ok"] = bool(r["playground_fps"] >= TARGET_FPS and r["regions_hz"] >= TARGET_HZ
                   and (r["playground_max_stall_ms"] or 0) < TARGET_STALL_MS
                   and (r["regions_max_stall_ms"] or 0) < TARGET_STALL_MS)
    return r


def describe(r: dict) -> str:
    return (f"gui_lab  optimizer playground: {r['playground_fps']:.0f} frames/s (target ≥ {r['target_fps']:.0f}), "
            f"longest stall {r['playground_max_stall_ms']} ms; decision regions while training: "
            f"{r['regions_hz']:.1f} refreshes/s (target ≥ {r['target_hz']:.0f}), longest stall "
            f"{r['regions_max_stall_ms']} ms (target < {r['target_stall_ms']:.0f} ms)")
