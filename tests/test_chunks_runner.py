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


def test_spin_wait_sees_a_store_times_out_and_stops_for_a_sleeper():
    import numpy as np
    from dlstudio.engine import spin
    st = np.zeros(spin.words(1), np.int64)
    st[spin.GO] = 7
    assert spin.store_then_wait(st, -1, 0, spin.GO, 6, 10, 0, -1) == 7     # changed: the new value
    assert spin.store_then_wait(st, -1, 0, spin.GO, 7, 1000, 0, -1) == 7   # unchanged: old, after the spins
    at = spin.done_word(1)
    assert spin.store_then_wait(st, at, 5, spin.GO, 7, 10, 0, spin.MAIN_ASLEEP) == 7
    assert st[at] == 5                                                    # the store happened first
    st[spin.MAIN_ASLEEP] = 1                                              # the other side sleeps:
    assert spin.store_then_wait(st, at, 6, spin.GO, 0, 10, 0, spin.MAIN_ASLEEP) == -1   # wake it
    assert st[at] == 6
    assert spin.store_then_load(st, spin.GO, 9, at) == 6 and st[spin.GO] == 9


def test_jobs_finish_whether_the_helpers_spin_or_sleep():
    """Gaps shorter and longer than the spin time, so the helpers are found spinning, asleep and
    falling asleep: every job still runs all its chunks (a lost wake-up would hang: the timeout)."""
    import random
    import time
    from dlstudio.engine import chunks
    rng = random.Random(1)
    failures = []

    def job():
        for i in range(300):
            done = []
            run_chunks(lambda k, n: done.append(k), 2)
            if sorted(done) != [0, 1]:
                failures.append(i)
            gap = rng.choice([0, 0, 1e-5, chunks.SPIN_US * 0.8e-6, chunks.SPIN_US * 1.5e-6, 2e-3])
            if gap:
                time.sleep(gap)

    worker = threading.Thread(target=job, daemon=True)
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive(), "run_chunks hung: a helper or the caller slept through its wake-up"
    assert failures == []


def test_two_callers_at_once_both_get_every_chunk():
    """Only one job runs on the helpers at a time; a second caller meanwhile runs its chunks itself."""
    results, barrier = {}, threading.Barrier(2, timeout=30)

    def caller(name):
        barrier.wait()
        out = []
        for _ in range(200):
            done = []
            run_chunks(lambda k, n: done.append(k), 3)
            out.append(sorted(done))
        results[name] = out

    threads = [threading.Thread(target=caller, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert all(results[i] == [[0, 1, 2]] * 200 for i in range(2))


def test_an_interrupt_while_waiting_is_raised_only_after_the_helpers_finish(monkeypatch):
    """Ctrl+C while the caller sleeps waiting for a helper: the helper's chunk still ends before
    run_chunks raises, so it cannot overlap the next job on the same buffers."""
    import time
    from dlstudio.engine import chunks
    run_chunks(lambda k, n: None, 2)                  # the team exists
    team = chunks._team_of(1)

    class InterruptOnce:
        def __init__(self, sem):
            self.sem, self.fired = sem, False

        def acquire(self):
            if not self.fired:
                self.fired = True
                raise KeyboardInterrupt
            return self.sem.acquire()

        def release(self):
            self.sem.release()

    fake = InterruptOnce(team.main_sem)
    monkeypatch.setattr(team, "main_sem", fake)
    finished = []

    def kernel(k, n):
        if k == 1:
            time.sleep(0.2)                             # far longer than the caller's spin
            finished.append(time.monotonic())

    with pytest.raises(KeyboardInterrupt):
        run_chunks(kernel, 2)
    raised = time.monotonic()
    assert fake.fired and finished and finished[0] <= raised
    done = []
    run_chunks(lambda k, n: done.append(k), 2)          # and the team still works
    assert sorted(done) == [0, 1]
