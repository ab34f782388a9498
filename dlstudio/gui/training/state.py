"""The latest training snapshot: written by the worker thread, read by the GUI timer.

The worker appends what happened (batch losses, epoch metrics, progress, probe results) under
a lock; the GUI timer asks for what is new since its last read. Everything handed across is a
fresh list or a copy made on the worker side (probe arrays are copies by construction), so
neither thread ever sees the other change an object it holds.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass
class Update:
    """What is new since the last read."""
    batch_x: list = field(default_factory=list)      # position in epochs (1.5 = half-way through epoch 2)
    batch_loss: list = field(default_factory=list)
    epochs: list = field(default_factory=list)       # epoch event dicts
    progress: dict | None = None                     # the latest progress (or None if unchanged)
    probe: dict | None = None                        # the latest probe result (or None if unchanged)
    norms: list = field(default_factory=list)        # [(x, {weight: (norm, grad_norm)})] since last read


class LiveState:
    def __init__(self):
        self._lock = threading.Lock()
        self.clear()

    def clear(self) -> None:
        with self._lock:
            self._bx: list[float] = []
            self._bl: list[float] = []
            self._epochs: list[dict] = []
            self._norms: list = []
            self._progress: dict = {}
            self._progress_seq = 0
            self._probe: dict | None = None
            self._probe_seq = 0
            self._read = {"b": 0, "e": 0, "n": 0, "p": 0, "q": 0}

    # ---- the worker's side ------------------------------------------------------------------
    def add_batch(self, x: float, loss: float, progress: dict) -> None:
        with self._lock:
            self._bx.append(x)
            self._bl.append(loss)
            self._progress = progress
            self._progress_seq += 1

    def add_epoch(self, event: dict) -> None:
        with self._lock:
            self._epochs.append(dict(event))

    def set_progress(self, progress: dict) -> None:
        with self._lock:
            self._progress = progress
            self._progress_seq += 1

    def set_probe(self, result: dict) -> None:
        with self._lock:
            self._probe = result
            self._probe_seq += 1

    def add_norms(self, x: float, norms: dict) -> None:
        """{weight name: (norm, gradient norm)} at position x (in epochs)."""
        with self._lock:
            self._norms.append((x, norms))

    # ---- the GUI's side ---------------------------------------------------------------------
    def take(self) -> Update:
        """Everything new since the previous `take` (lists are fresh copies)."""
        with self._lock:
            r = self._read
            u = Update(self._bx[r["b"]:], self._bl[r["b"]:], self._epochs[r["e"]:],
                       dict(self._progress) if self._progress_seq != r["p"] else None,
                       self._probe if self._probe_seq != r["q"] else None, self._norms[r["n"]:])
            r.update(b=len(self._bx), e=len(self._epochs), n=len(self._norms), p=self._progress_seq,
                     q=self._probe_seq)
        return u

    def latest_probe(self) -> dict | None:
        with self._lock:
            return self._probe
