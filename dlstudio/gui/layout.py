"""Automatic layered layout (pure Python): rows by longest path, order by barycentre.

Flow is top to bottom. A node's row is the length of the longest path reaching it; an edge
that skips rows gets invisible placeholder nodes in the rows it crosses, so the branch it
stands for keeps a lane of its own and does not run through other blocks. Within a row the
order comes from a few down / up barycentre sweeps; x positions then follow the parents'
mean and are pushed apart just enough not to overlap.
"""
from __future__ import annotations

from collections.abc import Callable

H_GAP, V_GAP, LANE_WIDTH = 30.0, 30.0, 40.0


def _rows(ids: list[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    preds: dict[str, list[str]] = {i: [] for i in ids}
    succs: dict[str, list[str]] = {i: [] for i in ids}
    for s, d in edges:
        preds[d].append(s)
        succs[s].append(d)
    indeg = {i: len(preds[i]) for i in ids}
    ready = [i for i in ids if indeg[i] == 0]
    row = {i: 0 for i in ids}
    seen = 0
    while ready:
        cur = ready.pop(0)
        seen += 1
        for d in succs[cur]:
            row[d] = max(row[d], row[cur] + 1)
            indeg[d] -= 1
            if indeg[d] == 0:
                ready.append(d)
    if seen != len(ids):  # a cycle (the analysis reports it): keep document order for the rest
        for k, i in enumerate(ids):
            row.setdefault(i, k)
    return row


def layered_layout(ids: list[str], edges: list[tuple[str, str]],
                   size: Callable[[str], tuple[float, float]], sweeps: int = 4) -> dict[str, tuple[float, float]]:
    """Top-left positions {id: (x, y)} for nodes of the given sizes (rows centred on x = 0)."""
    if not ids:
        return {}
    known = set(ids)
    edges = [(s, d) for s, d in edges if s in known and d in known]
    row = _rows(ids, edges)
    # placeholders for edges that skip rows: chains of ("~", s, d, k) nodes
    width = {i: size(i)[0] for i in ids}
    height = {i: size(i)[1] for i in ids}
    preds: dict = {i: [] for i in ids}
    for s, d in edges:
        prev = s
        for k in range(row[s] + 1, row[d]):
            dummy = ("~", s, d, k)
            row[dummy], width[dummy], height[dummy], preds[dummy] = k, LANE_WIDTH, 0.0, [prev]
            prev = dummy
        if row[d] > row[s]:
            preds[d].append(prev)
    succs: dict = {n: [] for n in preds}
    for n, ps in preds.items():
        for p in ps:
            succs[p].append(n)
    n_rows = max(row.values()) + 1
    layers: list[list] = [[] for _ in range(n_rows)]
    for n in preds:  # document order first, placeholders after
        layers[row[n]].append(n)

    def order_by(neigh, layer_range):
        for r in layer_range:
            index = {n: k for k, n in enumerate(layers[r - 1 if neigh is preds else r + 1])}
            keyed = []
            for k, n in enumerate(layers[r]):
                ns = [index[m] for m in neigh[n] if m in index]
                keyed.append((sum(ns) / len(ns) if ns else k, k, n))
            layers[r] = [n for *_, n in sorted(keyed, key=lambda t: (t[0], t[1]))]

    for _ in range(sweeps):
        order_by(preds, range(1, n_rows))
        order_by(succs, range(n_rows - 2, -1, -1))

    x_centre: dict = {}
    y = 0.0
    pos: dict[str, tuple[float, float]] = {}
    for layer in layers:
        desired = []
        for k, n in enumerate(layer):
            ps = [x_centre[p] for p in preds[n] if p in x_centre]
            desired.append(sum(ps) / len(ps) if ps else None)
        if all(d is None for d in desired):  # a row of sources: side by side
            desired = [0.0] * len(layer)
        else:
            fallback = sum(d for d in desired if d is not None) / sum(d is not None for d in desired)
            desired = [fallback if d is None else d for d in desired]
        placed = []
        for k, n in enumerate(layer):
            x = desired[k]
            if placed:
                prev = layer[k - 1]
                x = max(x, placed[-1] + (width[prev] + width[n]) / 2 + H_GAP)
            placed.append(x)
        shift = sum(d - p for d, p in zip(desired, placed)) / len(layer)
        row_height = max((height[n] for n in layer), default=0.0)
        for n, x in zip(layer, placed):
            x_centre[n] = x + shift
            if isinstance(n, str):
                pos[n] = (x_centre[n] - width[n] / 2, y)
        y += row_height + V_GAP if row_height else 0.0
    return {n: (_snap(x), _snap(y)) for n, (x, y) in pos.items()}


def _snap(v: float, grid: float = 10.0) -> float:
    return float(round(v / grid) * grid)
