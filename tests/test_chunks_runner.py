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


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="os.fork is POSIX only")
def test_a_forked_child_gets_its_own_threads():
    """A child forked after the pool started would wait forever on the parent's (absent) threads."""
    import os
    run_chunks(lambda k, chunks: None, 2)   # the pool exists in this process
    pid = os.fork()
    if pid == 0:   # the child: exit 0 only if both chunks ran
        try:
            done = []
            run_chunks(lambda k, chunks: done.append(k), 2)
            os._exit(0 if sorted(done) == [0, 1] else 1)
        except BaseException:
            os._exit(2)
    deadline = __import__("time").monotonic() + 30
    while True:
        wpid, status = os.waitpid(pid, os.WNOHANG)
        if wpid:
            break
        if __import__("time").monotonic() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            pytest.fail("the forked child hung in run_chunks")
        __import__("time").sleep(0.05)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
