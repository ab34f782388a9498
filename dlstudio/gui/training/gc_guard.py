"""Python's cyclic garbage collector, run only in the GUI thread while the app has worker threads.

The collector runs in whichever thread happens to allocate when a threshold is crossed. If that
is the training thread and the garbage holds Qt objects (widgets or plot items of a closed
window, kept in reference cycles), their C++ destructors run in the training thread: they take
Qt's connection locks there and then wait for the GIL, while the GUI thread holds the GIL and
waits for those locks — a deadlock. So while any window has a worker, automatic collection is
off and the GUI thread collects on a timer, generation by generation with the same thresholds
the interpreter would use.
"""
from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 100
FULL_EVERY_BUSY_S = 60.0  # while a run trains, a full collection at most this often

_users = 0
busy = False            # a run is training: keep collections short
_last_full = 0.0
_was_enabled = True
_timer: QTimer | None = None


def _collect() -> None:
    """What automatic collection would do now, done here (in the GUI thread). While a run trains,
    the oldest generation waits (a full collection of a window's objects takes tens of
    milliseconds, a visible stall); it is collected when the run ends, or once a minute."""
    global _last_full
    t0, t1, t2 = gc.get_threshold()
    c0, c1, c2 = gc.get_count()
    now = time.monotonic()
    if t2 and c2 > t2 and (not busy or now - _last_full > FULL_EVERY_BUSY_S):
        gc.collect(2)
        _last_full = now
    elif t1 and c1 > t1:
        gc.collect(1)
    elif t0 and c0 > t0:
        gc.collect(0)


def acquire(owner: QObject) -> None:
    """A window with worker threads exists (call from the GUI thread)."""
    global _users, _was_enabled, _timer
    if _users == 0:
        _was_enabled = gc.isenabled()
        gc.disable()
        _timer = QTimer(interval=INTERVAL_MS, timeout=_collect)
        _timer.start()
    _users += 1


def set_busy(on: bool) -> None:
    global busy, _last_full
    if on and not busy:
        _last_full = time.monotonic()
    busy = on
    if not on and _users:
        gc.collect()


def release() -> None:
    """That window's worker threads have ended."""
    global _users, _timer
    if _users == 0:
        return
    _users -= 1
    if _users == 0:
        if _timer is not None:
            _timer.stop()
            _timer = None
        if _was_enabled:
            gc.enable()
        gc.collect()
