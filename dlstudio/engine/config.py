"""Numba settings in one place, and the compile cache location.

Compiled kernels are cached on disk (`cache=True`), in a folder per version of the compiled
sources (`compiled_sources_key`): under NUMBA_CACHE_DIR when the user set it, else under the
package's __pycache__, or a per-user cache folder when the package folder is not writable (a
system install, where Numba would fail to cache). This module must be imported before numba is.
"""
from __future__ import annotations

import hashlib
import os
import sys
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
    folder = compiled_sources_key(pkg)
    if os.environ.get("DLSTUDIO_CONV_TILE") == "narrow":
        # the convolution drivers compiled for the other tile must not be loaded
        folder = "narrow-" + folder
    user = os.environ.get("NUMBA_CACHE_DIR")
    if user:
        if Path(user).name in (folder, f"dlstudio-{folder}"):   # chosen so by a parent process
            return user
        return str(Path(user) / f"dlstudio-{folder}")
    root = pkg.parent / "__pycache__" / "numba" if os.access(pkg, os.W_OK) else _user_cache_dir()
    _prune(root, keep=folder)
    return str(root / folder)


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
# Numba reads NUMBA_CACHE_DIR once, when it is first imported. A program (or a test module) that
# imports numba before dlstudio would otherwise cache every kernel beside its source, in a folder
# that knows neither the sources' version nor the convolution tile: a kernel compiled for the
# other tile, loaded from there, reads past its buffers.
if "numba.core.config" in sys.modules:
    sys.modules["numba.core.config"].CACHE_DIR = os.environ["NUMBA_CACHE_DIR"]


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


# glibc's malloc hands out arrays above 128 KiB (raised on the fly, up to 32 MiB, as large blocks
# are freed) as fresh mmap'ed pages and returns freed memory at the heap's top to the system: each
# training step then page-faults in every new activation and gradient array it allocates (a
# 16×32×32 batch of 64 is 4 MiB, ~1,000 faults). Keeping those blocks in the heap and the heap's
# free top resident made the small ResNet's training step 1.4-1.6x faster (docs/speed.md). Peak memory
# did not move (`dlstudio bench --memory`, warm compile cache: LeNet-5 291-293 MB, ResNet 485-486 MB).
MMAP_THRESHOLD = 32 << 20        # glibc's largest allowed value on 64-bit systems
TRIM_THRESHOLD = 64 << 20


def tune_allocator() -> bool:
    """Set glibc malloc's mmap and trim thresholds (above). True if done; False elsewhere (not
    Linux / not glibc) or when DLSTUDIO_MALLOC=default asks to leave the allocator alone."""
    if os.environ.get("DLSTUDIO_MALLOC") == "default" or not sys.platform.startswith("linux"):
        return False
    import ctypes
    try:
        libc = ctypes.CDLL("libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    m_trim_threshold, m_mmap_threshold = -1, -3
    ok = mallopt(ctypes.c_int(m_mmap_threshold), ctypes.c_int(MMAP_THRESHOLD))
    ok &= mallopt(ctypes.c_int(m_trim_threshold), ctypes.c_int(TRIM_THRESHOLD))
    return bool(ok)


ALLOCATOR_TUNED = tune_allocator()


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
