"""Issue 15 item 14: a save killed midway leaves `.NAME.XXXXXXXX.tmp`; the next save of the same
target removes stale ones (older than STALE_SECONDS), and leaves others' and fresh ones alone."""
from __future__ import annotations

import os
import time

from dlstudio.io import atomic
from dlstudio.io.atomic import write_text_atomic


def _old(path, seconds):
    t = time.time() - seconds
    os.utime(path, (t, t))


def test_next_save_removes_stale_temporaries_of_the_same_target(tmp_path):
    target = tmp_path / "m.dls"
    stale = [tmp_path / f".m.dls.abcd{i:04d}.tmp" for i in range(3)]
    for p in stale:
        p.write_bytes(b"x" * 1000)
        _old(p, atomic.STALE_SECONDS + 60)
    fresh = tmp_path / ".m.dls.freshtmp.tmp"            # a save running now in another process
    fresh.write_bytes(b"y")
    other = tmp_path / ".n.dls.abcd0000.tmp"            # another target's
    other.write_bytes(b"z")
    _old(other, atomic.STALE_SECONDS + 60)
    mine = tmp_path / ".m.dls.notes.txt"                # not ours at all
    mine.write_text("keep")
    _old(mine, atomic.STALE_SECONDS + 60)

    write_text_atomic(target, "hello")

    assert target.read_text() == "hello"
    assert not any(p.exists() for p in stale)
    assert fresh.exists() and other.exists() and mine.exists()
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp"))
    assert leftovers == sorted([fresh.name, other.name])
