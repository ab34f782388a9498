"""Work around PySide6 reference-count bugs with True, False and None on CPython < 3.12.

PySide6 6.12 drops references it never took to three singletons:
  * `True` / `False` each time it hands a bool to Python (a bool signal emitted from Python,
    a bool argument or result of an overridden virtual such as `itemChange` or `mergeWith`);
  * `None` each time a C++ signal (`toggled`, `valueChanged`, `triggered` …) calls a Python slot.
From CPython 3.12 on these objects are immortal and the bug is harmless; on 3.11 their counts
reach zero after a few hundred (bools) or a few thousand (None) calls and the interpreter
aborts with "Fatal Python error: bool_dealloc" / "none_dealloc".

`install()` checks whether the running PySide has the bugs (a few emissions of one Python and
one C++ signal) and if so gives these singletons a reserve of references no session can use
up — what CPython 3.12 does by making them immortal. It changes nothing else.
"""
from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40
_installed = False


def _leaks() -> bool:
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        sig = Signal(bool)

    probe = _Probe()
    probe.sig.connect(lambda value: None)
    probe.objectNameChanged.connect(lambda name: None)  # a C++ signal
    before = sys.getrefcount(True), sys.getrefcount(None)
    for k in range(8):
        probe.sig.emit(True)
        probe.setObjectName(f"probe{k}")
    lost_true, lost_none = before[0] - sys.getrefcount(True), before[1] - sys.getrefcount(None)
    _reserve(max(lost_true, 0), True)  # give back what the probe itself took
    _reserve(max(lost_none, 0), None)
    return lost_true > 0 or lost_none > 0


def _reserve(n: int, *objects) -> None:
    for obj in objects:
        ctypes.c_ssize_t.from_address(id(obj)).value += n


def install() -> bool:
    """Apply the workaround if this Python and PySide need it; True if applied."""
    global _installed
    if _installed or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return _installed
    if _leaks():
        _reserve(RESERVE, True, False, None)
        _installed = True
    return _installed
