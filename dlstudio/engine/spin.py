"""Waiting without the GIL: compiled spin loops on a shared int64 array, for `engine.chunks`.

A thread that sleeps on a lock or a condition takes 20–60 µs to wake on a virtual machine (the
idle vCPU halts), longer than a LeNet-5 layer at batch 16. So the chunk runner's threads wait by
reading a word of shared memory in a loop, with the GIL released, for a bounded number of
iterations, and only then sleep. The loads and stores are sequentially consistent atomics: a
plain load in a loop would be hoisted out of it by LLVM, and the sleep hand-shake needs a store
followed by a load that the CPU may not reorder (Dekker's pattern).
"""
from __future__ import annotations

from . import config  # before numba: sets the cache dir

from numba import njit, types  # noqa: E402
from numba.core import cgutils  # noqa: E402
from numba.extending import intrinsic  # noqa: E402

# The layout of the shared array: one 64-byte cache line (8 int64) per word, so a thread that
# spins on one word does not slow down the thread writing another.
LINE = 8
GO = 0                  # the number of the last job the caller posted
MAIN_ASLEEP = LINE      # 1 while the caller sleeps on its semaphore waiting for the helpers


def done_word(i: int) -> int:
    """Helper i's word: the number of the last job it finished."""
    return LINE * (2 * i)


def asleep_word(i: int) -> int:
    """Helper i's word: 1 while it sleeps on its semaphore."""
    return LINE * (2 * i + 1)


def words(helpers: int) -> int:
    return LINE * (2 * helpers + 2)


def _pointer(context, builder, aryty, ary, idx):
    a = context.make_array(aryty)(context, builder, ary)
    return cgutils.get_item_pointer(context, builder, aryty, a, [idx])


@intrinsic
def _load(typingctx, arr, idx):
    sig = types.int64(arr, types.intp)

    def codegen(context, builder, sig, args):
        return builder.load_atomic(_pointer(context, builder, sig.args[0], *args), "seq_cst", 8)
    return sig, codegen


@intrinsic
def _store(typingctx, arr, idx, val):
    sig = types.void(arr, types.intp, types.int64)

    def codegen(context, builder, sig, args):
        builder.store_atomic(args[2], _pointer(context, builder, sig.args[0], args[0], args[1]),
                             "seq_cst", 8)
        return context.get_dummy_value()
    return sig, codegen


@intrinsic
def take(typingctx, arr):
    """arr[0] += 1 as one atomic step; returns the value before: the next piece of work for
    whichever thread asks first (the chunk kernels' samples, engine/chunks.py)."""
    sig = types.int64(arr)

    def codegen(context, builder, sig, args):
        ptr = _pointer(context, builder, sig.args[0], args[0], context.get_constant(types.intp, 0))
        return builder.atomic_rmw("add", ptr, context.get_constant(types.int64, 1), "seq_cst")
    return sig, codegen


@njit(nogil=True, cache=True)
def store_then_load(state, store_at, value, load_at):
    """state[store_at] = value, then return state[load_at], in this order for every thread."""
    _store(state, store_at, value)
    return _load(state, load_at)


@njit(nogil=True, cache=True)
def store_then_wait(state, store_at, value, wait_at, old, spins, settle, stop_at):
    """Store `value` at `store_at` (none if store_at < 0), then read `wait_at` until it differs
    from `old`, at most `spins` times. Returns the new value, after `settle` more reads (giving
    the thread that wrote it time to release the GIL), or `old` if it never changed. Returns -1
    at once after the store if state[stop_at] is set (stop_at ≥ 0): whoever waits there sleeps
    and needs a wake-up first."""
    if store_at >= 0:
        _store(state, store_at, value)
        if stop_at >= 0 and _load(state, stop_at) != 0:
            return -1
    for _ in range(spins):
        v = _load(state, wait_at)
        if v != old:
            for _ in range(settle):
                _load(state, wait_at)
            return v
    return old
