"""Running a compiled chunk kernel on several threads from Python, instead of a `prange` wrapper.

A chunk kernel `kernel(k, chunks, *args)` does part k of `chunks` of the work and releases the GIL
(`nogil=True`). `run_chunks` runs chunk 0 on the calling thread and the others on a small pool of
threads, and returns when all are done. Compared with a `parallel=True` wrapper around the same
kernel, nothing more is compiled than the serial call already needs (Numba compiled each wrapper
with the whole kernel inlined again: about half of a cold start's compile time, docs/speed.md),
and a call starts faster. The pool has `numba.get_num_threads() − 1` threads, so a run uses as many
threads as Numba's own parallel kernels do.
"""
from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

from . import config  # before numba: sets the cache dir

import numba  # noqa: E402

_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None
_size = 0


def _workers(n: int) -> ThreadPoolExecutor:
    global _pool, _size
    with _lock:
        if _pool is None or _size < n:
            if _pool is not None:
                _pool.shutdown(wait=False)
            _size = max(n, numba.get_num_threads() - 1, 1)
            _pool = ThreadPoolExecutor(max_workers=_size, thread_name_prefix="dlstudio-chunk")
        return _pool


def _forget_pool() -> None:
    """In a forked child the pool's threads do not exist: start a new pool there when needed."""
    global _pool, _size, _lock
    _pool, _size, _lock = None, 0, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool)


def threads_for(work: int, parts: int, least: int | None = None) -> int:
    """How many chunks to split a call into: 1 (the serial call) below `least` multiply-adds
    (config.PARALLEL_MIN_WORK) or with fewer than 2 independent parts, else one per thread, at
    most one per part."""
    if parts < 2 or work < (config.PARALLEL_MIN_WORK if least is None else least):
        return 1
    return min(parts, numba.get_num_threads())


def run_chunks(kernel, chunks: int, *args) -> None:
    """kernel(k, chunks, *args) for every k < chunks, chunk 0 here and the rest in parallel;
    an exception in any chunk is raised here once all have finished."""
    if chunks <= 1:
        kernel(0, 1, *args)
        return
    pool = _workers(chunks - 1)
    futures = [pool.submit(kernel, k, chunks, *args) for k in range(1, chunks)]
    try:
        kernel(0, chunks, *args)
    finally:
        errors = [f.exception() for f in futures]   # waits for each
    for e in errors:
        if e is not None:
            raise e
