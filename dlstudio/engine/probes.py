"""Probes: copies of what happens inside a network while it trains, at a bounded rate.

A `Probe` watches one chosen sample. Between batches (from the training thread, after the
optimizer step) `maybe_collect` runs that sample through the network in inference mode — at
most `rate_hz` times a second — and returns copies of:

- "values":  {node id: output for the sample} for the chosen nodes (e.g. conv feature maps);
- "gates":   {node id: {"i","f","g","o","c","h"} (T, U) arrays} for LSTM / SimpleRNN nodes;
- "weights": {weight name: array} and "grads": {weight name: gradient of the last batch};
- "stats":   {weight name: {"norm", "grad_norm"}} for every trainable weight (cheap, always);
- "regions": with a `grid` of 2-D points, the network over the whole grid (`lab.regions.Regions`:
             class probabilities, or values for regression, and small networks' hidden units).

The inference-mode forward pass does not touch training state (no dropout draws, no BatchNorm
statistics), so probing never changes the result of a run. Everything returned is a copy:
the training thread may go on at once.
"""
from __future__ import annotations

import time

import numpy as np

from .lab.regions import Grid
from .lab.regions import evaluate as evaluate_regions
from .model import Model


class Probe:
    def __init__(self, model: Model, sample: np.ndarray | None = None, nodes: list[str] = (),
                 weights: list[str] = (), rate_hz: float = 10.0, grid: Grid | None = None,
                 classify: bool = True):
        self.model = model
        self.sample = None if sample is None else np.asarray(sample, model.dtype)[None]
        self.nodes = list(nodes)
        self.weights = list(weights)
        self.grid = grid
        self.classify = classify
        self.interval = 1.0 / rate_hz if rate_hz > 0 else 0.0
        self._last = -np.inf

    def maybe_collect(self, now: float | None = None) -> dict | None:
        now = time.monotonic() if now is None else now
        if now - self._last < self.interval:
            return None
        self._last = now
        return self.collect()

    def collect(self) -> dict:
        m = self.model
        snap: dict = {"values": {}, "gates": {}, "weights": {}, "grads": {}, "stats": {}}
        if self.sample is not None and (self.nodes or self._recurrent()):
            m.forward(self.sample, training=False)
            for nid in self.nodes:
                snap["values"][nid] = m.values[nid][0].copy()
            for nid in self._recurrent():
                snap["gates"][nid] = m.layers[nid].probe(0)
        if self.grid is not None:
            snap["regions"] = evaluate_regions(m, self.grid, self.classify)
        by_name = {s.name: s for s in m.slots}
        for name in self.weights:
            s = by_name[name]
            snap["weights"][name] = m.view(s).copy()
            if s.trainable:
                snap["grads"][name] = m.grad_view(s).copy()
        for s in m.slots:
            if s.trainable:
                w, g = m.view(s), m.grad_view(s)
                snap["stats"][s.name] = {"norm": float(np.sqrt(np.vdot(w, w))),
                                         "grad_norm": float(np.sqrt(np.vdot(g, g)))}
        return snap

    def _recurrent(self) -> list[str]:
        return [nid for nid, layer in self.model.layers.items() if hasattr(layer, "probe")]
