"""Numba settings in one place, and the compile cache location.

Compiled kernels are cached on disk (`cache=True`), in a folder per version of the compiled
sources (`compiled_sources_key`): under NUMBA_CACHE_DIR when the user set it, else under the
package's __pycache__, or a per-user cache folder when the package folder is not writable (a
system install, where Numba would fail to cache). This module must be imported before numba is.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path


def _user_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "dlstudio" / "numba"


def compiled_sources_key(pkg: Path) -> str:
    """A short hash of every engine module that holds compiled code.

    Numba's cache checks only the timestamp of the file that defines the function it loads, not
    of the modules whose functions were inlined into it: after a change to a helper in
    kernels/conv.py, the cached chunk kernels of kernels/conv_tiled.py would keep running the old
    helper. Keying the cache folder by all compiled sources makes any change start a fresh one.
    """
    h = hashlib.sha1()
    for path in sorted(pkg.rglob("*.py")):
        text = path.read_bytes()
        if b"@njit" in text or b"@intrinsic" in text:
            h.update(path.relative_to(pkg).as_posix().encode())
            h.update(text)
    return h.hexdigest()[:12]


def _cache_dir() -> str:
    """Where Numba caches: NUMBA_CACHE_DIR if the user set it, else the package's __pycache__
    folders when writable, else a per-user folder — in each case a subfolder per version of the
    compiled sources (and per convolution tile, vector_width.py)."""
    pkg = Path(__file__).resolve().parent
    key = compiled_sources_key(pkg)
    if os.environ.get("DLSTUDIO_CONV_TILE") == "narrow":
        # the convolution drivers compiled for the other tile must not be loaded
        key = "narrow-" + key
    user = os.environ.get("NUMBA_CACHE_DIR")
    if user:
        if Path(user).name == f"dlstudio-{key}":     # set so by this module in a parent process
            return user
        return str(Path(user) / f"dlstudio-{key}")
    root = pkg.parent / "__pycache__" / "numba" if os.access(pkg, os.W_OK) else _user_cache_dir()
    _prune(root, keep=key)
    return str(root / key)


def _prune(root: Path, keep: str, older_than_days: float = 30) -> None:
    """Remove cache folders of other source versions not used for a while (never the current one)."""
    import shutil
    import time
    try:
        entries = list(root.iterdir())
    except OSError:
        return
    limit = time.time() - older_than_days * 86400
    for d in entries:
        try:
            if d.is_dir() and d.name != keep and d.stat().st_mtime < limit:
                shutil.rmtree(d, ignore_errors=True)
        except OSError:
            pass


os.environ["NUMBA_CACHE_DIR"] = _cache_dir()


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
