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
    if os.environ.get("DLSTUDIO_CONV_TILE") == "narrow":
        # the convolution drivers compiled for the other tile must not be loaded (vector_width.py)
        os.environ["NUMBA_CACHE_DIR"] = str(_user_cache_dir() / "narrow-tile")
    elif not os.access(pkg, os.W_OK):
        os.environ["NUMBA_CACHE_DIR"] = str(_user_cache_dir())


def limit_blas_threads(n: int = 1) -> bool:
    """Set OpenBLAS's thread count at run time (for when NumPy was imported before dlstudio and
    OPENBLAS_NUM_THREADS came too late). True if an OpenBLAS was found and set. Linux only;
    elsewhere the environment variable set in dlstudio/__init__.py is what counts."""
    import ctypes
    try:
        with open("/proc/self/maps", encoding="utf-8") as f:
            libs = {line.split()[-1] for line in f if "openblas" in line.lower() and ".so" in line}
    except OSError:
        return False
    done = False
    for path in libs:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for symbol in ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_",
                       "openblas_set_num_threads"):
            fn = getattr(lib, symbol, None)
            if fn is not None:
                fn(ctypes.c_int(n))
                done = True
                break
    return done


if os.environ.get("OPENBLAS_NUM_THREADS") == "1":
    limit_blas_threads(1)

# Serial kernels: called from the training worker with the GIL released.
JIT = dict(nogil=True, cache=True, fastmath=False, error_model="numpy")
# Parallel kernels: prange over an independent axis (batch or channels).
PJIT = dict(JIT, parallel=True)
# Reductions whose summation order may change (weight-gradient sums): lets LLVM vectorise them.
RJIT = dict(JIT, fastmath={"reassoc", "contract"})
# Below this many multiply-adds a parallel launch costs more than it saves.
PARALLEL_MIN_WORK = 1 << 16
