"""engine.chunks.run_chunks: every chunk runs once, on more than one thread, and errors come back."""
import threading

import pytest

from dlstudio.engine.chunks import run_chunks


def test_every_chunk_runs_once_and_chunk_zero_here():
    seen, threads = [], {}

    def kernel(k, chunks, out):
        threads[k] = threading.get_ident()
        out.append((k, chunks))

    run_chunks(kernel, 4, seen)
    assert sorted(seen) == [(0, 4), (1, 4), (2, 4), (3, 4)]
    assert threads[0] == threading.get_ident()
    serial = []
    run_chunks(kernel, 1, serial)
    assert serial == [(0, 1)]


def test_chunks_run_at_the_same_time():
    barrier = threading.Barrier(3, timeout=10)   # would break (raise) if the chunks ran one after another

    def kernel(k, chunks):
        barrier.wait()

    run_chunks(kernel, 3)


def test_an_error_in_another_chunk_is_raised_after_all_finish():
    done = []

    def kernel(k, chunks):
        if k == 2:
            raise ValueError("chunk 2 failed")
        done.append(k)

    with pytest.raises(ValueError, match="chunk 2"):
        run_chunks(kernel, 3)
    assert sorted(done) == [0, 1]
