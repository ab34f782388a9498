"""Numba settings in one place, and the compile cache location.

Compiled kernels are cached on disk (`cache=True`). When the package folder is not writable
(a system install) Numba would fail to cache, so unless the user chose NUMBA_CACHE_DIR we point
it at a per-user cache folder. This module must be imported before numba is.
"""
from __future__ import annotations

import os
from pathlib import Path


def _user_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "dlstudio" / "numba"


if "NUMBA_CACHE_DIR" not in os.environ:
    pkg = Path(__file__).resolve().parent
    if not os.access(pkg, os.W_OK):
        os.environ["NUMBA_CACHE_DIR"] = str(_user_cache_dir())

# Serial kernels: called from the training worker with the GIL released.
JIT = dict(nogil=True, cache=True, fastmath=False, error_model="numpy")
# Parallel kernels: prange over an independent axis (batch or channels).
PJIT = dict(JIT, parallel=True)
# Below this many multiply-adds a parallel launch costs more than it saves.
PARALLEL_MIN_WORK = 1 << 16
