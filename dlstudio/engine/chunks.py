"""Running a compiled chunk kernel on several threads from Python, instead of a `prange` wrapper.

A chunk kernel `kernel(k, chunks, *args)` does part k of `chunks` of the work and releases the GIL
(`nogil=True`). `run_chunks` runs chunk 0 on the calling thread and the others on a team of helper
threads, and returns when all are done. Compared with a `parallel=True` wrapper around the same
kernel, nothing more is compiled than the serial call already needs (Numba compiled each wrapper
with the whole kernel inlined again: about half of a cold start's compile time, docs/speed.md).
The team has `numba.get_num_threads() − 1` helpers, so a run uses as many threads as Numba's own
parallel kernels do.

The helpers wait for work by spinning (engine/spin.py) for SPIN_US before they sleep: a thread
woken from a lock took 20–60 µs here, and a thread-pool hand-over cost ~50 µs a call, which made
LeNet-5 at batch 16 slower than on one thread. Spinning, a call costs ~5–10 µs more than its
longest chunk.
"""
from __future__ import annotations

import os
import threading
import time

import numpy as np

from . import config  # before numba: sets the cache dir
from . import spin

import numba  # noqa: E402

# How long a thread spins before it sleeps: longer than the gaps between the kernels of a
# training step (the NumPy work between layers), short enough not to matter to anything else.
SPIN_US = 250.0
# After a helper sees a new job it waits this long before taking the GIL, so that it does not find
# the caller still holding it on the way into chunk 0 (a wait on the GIL is a sleep, 20–60 µs).
SETTLE_US = 1.5


class _Team:
    """`helpers` threads that run chunks 1, 2, … of each job while the caller runs chunk 0.

    The caller posts a job number in `state[GO]`; each helper spins on it (spin.store_then_wait),
    runs its chunk, and posts the number back in its own word. A thread that spun for SPIN_US
    without news sleeps on its semaphore; before sleeping it sets its asleep word and reads the
    other side's word once more, and the other side, after posting, reads the asleep word, so one of
    the two always sees the other (no lost wake-up)."""

    def __init__(self, helpers: int):
        self.helpers = helpers
        self.state = np.zeros(spin.words(helpers), np.int64)
        self.lock = threading.Lock()
        self.seq = 0
        self.job = None
        self.errors: list[BaseException] = []
        self.closed = False
        self.main_sem = threading.Semaphore(0)
        self.sems = [threading.Semaphore(0) for _ in range(helpers + 1)]
        self.native_ids: list[int] = []      # the helpers' OS thread ids (for their scheduling priority)
        per_us = _reads_per_us()
        self.spins = max(1000, int(SPIN_US * per_us))
        self.settle = int(SETTLE_US * per_us)
        for i in range(1, helpers + 1):
            threading.Thread(target=self._serve, args=(i,), name=f"dlstudio-chunk-{i}",
                             daemon=True).start()

    def _serve(self, i: int) -> None:
        self.native_ids.append(threading.get_native_id())
        st, sem = self.state, self.sems[i]
        seen, store_at, done_at, asleep_at = 0, -1, spin.done_word(i), spin.asleep_word(i)
        while True:
            v = spin.store_then_wait(st, store_at, seen, spin.GO, seen, self.spins, self.settle,
                                     spin.MAIN_ASLEEP)
            store_at = -1
            if v == -1:                       # the caller sleeps waiting for the helpers
                self.main_sem.release()
                continue
            if v == seen:                     # nothing new for SPIN_US: sleep
                if spin.store_then_load(st, asleep_at, 1, spin.GO) == seen:
                    sem.acquire()
                spin.store_then_load(st, asleep_at, 0, spin.GO)
                continue
            seen = v
            if self.closed:
                return
            kernel, chunks, args = self.job
            if i < chunks:
                try:
                    kernel(i, chunks, *args)
                except BaseException as e:    # raised by the caller once every chunk is done
                    self.errors.append(e)
            store_at = done_at

    def _post(self, seq: int) -> None:
        for i in range(1, self.helpers + 1):
            if spin.store_then_load(self.state, spin.GO, seq, spin.asleep_word(i)):
                self.sems[i].release()

    def run(self, kernel, chunks: int, args: tuple) -> None:
        self.seq += 1
        seq = self.seq
        self.job, self.errors = (kernel, chunks, args), []
        self._post(seq)
        try:
            kernel(0, chunks, *args)
        finally:
            self._wait_all(seq)
        if self.errors:
            raise self.errors[0]

    def _wait_all(self, seq: int) -> None:
        """Wait until every helper has finished job `seq` — even through a KeyboardInterrupt (raised
        once they have), since a helper still writing this job's buffers must not overlap the next."""
        st, interrupted = self.state, None
        for i in range(1, self.helpers + 1):
            at = spin.done_word(i)
            while True:
                try:
                    if spin.store_then_wait(st, -1, 0, at, seq - 1, self.spins, 0, -1) == seq:
                        break
                    if spin.store_then_load(st, spin.MAIN_ASLEEP, 1, at) != seq:
                        self.main_sem.acquire()
                    spin.store_then_load(st, spin.MAIN_ASLEEP, 0, at)
                except KeyboardInterrupt as e:
                    interrupted = e
        if interrupted is not None:
            raise interrupted

    def close(self) -> None:
        """Let the helpers end (they are daemons; this is for a team replaced by a larger one)."""
        with self.lock:
            self.closed = True
            self.seq += 1
            self._post(self.seq)


def _reads_per_us() -> float:
    """How many spin-loop reads take a microsecond on this machine (a one-off 2 ms measurement)."""
    probe = np.zeros(spin.LINE, np.int64)
    spin.store_then_wait(probe, -1, 0, 0, 0, 10, 0, -1)        # compile / load from the cache
    n = 1 << 14
    while True:
        t = time.perf_counter()
        spin.store_then_wait(probe, -1, 0, 0, 0, n, 0, -1)
        t = time.perf_counter() - t
        if t > 0.002 or n > 1 << 30:
            return n / (t * 1e6)
        n *= 4


_lock = threading.Lock()
_team: _Team | None = None


def _team_of(helpers: int) -> _Team:
    global _team
    with _lock:
        if _team is None or _team.helpers < helpers:
            old = _team
            _team = _Team(max(helpers, numba.get_num_threads() - 1, 1))
            if old is not None:
                old.close()
        return _team


def helper_native_ids() -> list[int]:
    """The OS thread ids of the helper threads that run chunks 1, 2, … (none before the first
    parallel call). A helper inherits the scheduling priority of the thread that started it; the
    app lowers theirs with its training thread's (gui/training/worker.py)."""
    with _lock:
        return list(_team.native_ids) if _team is not None else []


def _forget_team() -> None:
    """In a forked child the helpers do not exist: start a new team there when needed."""
    global _team, _lock
    _team, _lock = None, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_team)


def threads_for(work: int, parts: int, least: int | None = None) -> int:
    """How many chunks to split a call into: 1 (the serial call) below `least` multiply-adds
    (config.PARALLEL_MIN_WORK) or with fewer than 2 independent parts, else one per thread, at
    most one per part."""
    if parts < 2 or work < (config.PARALLEL_MIN_WORK if least is None else least):
        return 1
    return min(parts, numba.get_num_threads())


def sample_counter() -> np.ndarray:
    """A fresh shared counter for one call of a kernel that hands out its samples one at a time
    (`spin.take`: whichever thread asks first takes the next), so a thread slowed by other work on
    its core does fewer instead of holding up the call. Kernels whose per-thread partial sums would
    change with the split (the weight gradients) keep fixed shares: the same seed, the same weights."""
    return np.zeros(1, np.int64)


def run_chunks(kernel, chunks: int, *args) -> None:
    """kernel(k, chunks, *args) for every k < chunks, chunk 0 here and the rest in parallel;
    an exception in any chunk is raised here once all have finished."""
    if chunks <= 1:
        kernel(0, 1, *args)
        return
    team = _team_of(chunks - 1)
    if not team.lock.acquire(blocking=False):   # another thread's job is running: do it all here
        for k in range(chunks):
            kernel(k, chunks, *args)
        return
    try:
        team.run(kernel, chunks, args)
    finally:
        team.lock.release()
