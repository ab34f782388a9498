"""Canvas positions for a network: a layered, top-to-bottom drawing (pure Python).

One layout for every place that needs one: the presets (`dlstudio.zoo`), networks opened
without positions, Auto Layout on the canvas and the gallery's thumbnails. The method is the
usual one for drawing data-flow graphs (Sugiyama's), kept small:

1. **Rows by longest path.** A node sits one row below the lowest of its inputs, so every edge
   points downward and a merge node (Add, Concatenate) sits below all of its branches. Then the
   nodes of a short branch, all but its first, sink as low as their outputs allow: a branch
   starts in the row under its split and ends in the row above its merge.
2. **Long edges keep a lane.** An edge that skips rows (a residual shortcut, the middle of a
   short Inception branch) gets an invisible placeholder in every row it crosses, so no block is
   drawn on top of it. Together with 1, an edge that skips rows runs straight down its lane and
   only one-row edges move sideways, so straight edges never cut through a block.
3. **Order by barycentre.** Row by row, each node (or placeholder) wants to sit at the mean x of
   what feeds it; ties keep the order in which the parent's edges were made, so branches appear
   left to right as they were wired.
4. **Spread without overlap.** Within a row, positions stay in that order at least `column`
   apart and as close as possible to where they want to be (least squares, solved exactly by
   pooling adjacent violators). A chain stays straight; branches fan out side by side; a merge
   node lands centred below its inputs.

Positions are the blocks' top-left corners, on a 10 px grid. The first node is at (0, 0); rows
are `row` apart.
Nodes on a cycle (a document being edited may have one; the analysis reports it) are placed in
document order below the rest.

The canvas draws every block `BLOCK_WIDTH` wide and one of `BLOCK_HEIGHTS` tall, so `COLUMN`
and `ROW` leave room for the wires between them.
"""
from __future__ import annotations

from .document import kahn_order

BLOCK_WIDTH = 260.0
BLOCK_HEIGHTS = (30.0, 40.0)   # a block with one text row, with two
COLUMN = BLOCK_WIDTH + 40.0    # between the left edges of side-by-side blocks
ROW = max(BLOCK_HEIGHTS) + 30.0
GRID = 10.0                    # the canvas snaps moves to it; laid-out positions are on it too


def layered_positions(ids: list[str], edges: list[tuple[str, str]], row: float = ROW,
                      column: float = COLUMN) -> dict[str, tuple[float, float]]:
    """{node id: (x, y)} for a layered top-to-bottom drawing of the graph (ids in document order)."""
    if not ids:
        return {}
    known = set(ids)
    edges = [(s, d) for s, d in edges if s in known and d in known and s != d]
    order = kahn_order(ids, edges)
    placed = set(order)
    dag = [(s, d) for s, d in edges if s in placed and d in placed]
    pos: dict[str, tuple[float, float]] = _dag_positions(order, dag, row, column) if order else {}
    bottom = max((y for _, y in pos.values()), default=-row) + row
    for k, nid in enumerate(n for n in ids if n not in placed):
        pos[nid] = (0.0, bottom + k * row)
    return pos


def network_positions(net, row: float = ROW, column: float = COLUMN) -> dict[str, tuple[float, float]]:
    return layered_positions([n.id for n in net.nodes], list(net.edges), row, column)


def apply_layout(net, row: float = ROW, column: float = COLUMN):
    """Set every node's `pos` from `network_positions`; returns `net` for chaining."""
    pos = network_positions(net, row, column)
    for n in net.nodes:
        n.pos = pos[n.id]
    return net


def _dag_positions(order: list[str], edges: list[tuple[str, str]], row: float,
                   column: float) -> dict[str, tuple[float, float]]:
    rank = {nid: i for i, nid in enumerate(order)}
    inputs: dict[str, list[str]] = {nid: [] for nid in order}
    outputs: dict[str, list[str]] = {nid: [] for nid in order}
    for s, d in edges:
        inputs[d].append(s)
        outputs[s].append(d)
    level: dict[str, int] = {}
    for nid in order:
        level[nid] = 1 + max((level[s] for s in inputs[nid]), default=-1)
    # A short branch starts right under its split and ends right above its merge: every node but
    # a branch's first sinks as low as its outputs allow. The gap is then a straight vertical
    # edge in the branch's own lane, and only one-row edges change lanes.
    for nid in reversed(order):
        if inputs[nid] and outputs[nid] and all(len(outputs[s]) == 1 for s in inputs[nid]):
            level[nid] = min(level[d] for d in outputs[nid]) - 1

    # Items are real nodes ("n", id) and placeholders ("d", edge index, level) for long edges.
    # parents[item]: the items one row up that feed it; children[item]: one row down, in edge order.
    parents: dict[tuple, list[tuple]] = {("n", nid): [] for nid in order}
    children: dict[tuple, list[tuple]] = {("n", nid): [] for nid in order}
    rows: list[list[tuple]] = [[] for _ in range(max(level.values()) + 1)]
    for nid in order:
        rows[level[nid]].append(("n", nid))
    for e, (src, dst) in enumerate(edges):
        prev = ("n", src)
        for lv in range(level[src] + 1, level[dst]):
            dummy = ("d", e, lv)
            rows[lv].append(dummy)
            parents[dummy], children[dummy] = [], []
            children[prev].append(dummy)
            parents[dummy].append(prev)
            prev = dummy
        children[prev].append(("n", dst))
        parents[("n", dst)].append(prev)

    x: dict[tuple, float] = {}
    slot: dict[tuple, int] = {}  # position of an item within its row, once placed
    for lv, items in enumerate(rows):
        if lv == 0:  # the sources (only nodes without inputs stay in the first row)
            wanted = {it: 0.0 for it in items}
            items.sort(key=lambda it: rank[it[1]])
        else:
            wanted = {it: sum(x[p] for p in parents[it]) / len(parents[it]) for it in items}

            def key(it):
                # barycentre first; ties: the leftmost parent, then that parent's edge order
                firsts = [(slot[p], children[p].index(it)) for p in parents[it]]
                return (round(wanted[it], 6), min(firsts))
            items.sort(key=key)
        for i, xi in enumerate(_spread([wanted[it] for it in items], column)):
            x[items[i]] = xi
            slot[items[i]] = i

    origin = x[("n", order[0])]
    return {nid: (_snap(x[("n", nid)] - origin), row * level[nid]) for nid in order}


def _snap(v: float) -> float:
    """On the canvas grid (blocks stay at least COLUMN − GRID apart: more than a block's width)."""
    return float(round(v / GRID) * GRID)


def _spread(wanted: list[float], gap: float) -> list[float]:
    """Positions in the given order, each at least `gap` right of the one before, closest in the
    least-squares sense to `wanted` (sorted ascending).

    With z_i = x_i − i·gap the constraint becomes z non-decreasing: an isotonic regression of
    wanted_i − i·gap, solved by pooling adjacent violators.
    """
    blocks: list[list[float]] = []  # [sum, count]
    for i, w in enumerate(wanted):
        blocks.append([w - i * gap, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
    out: list[float] = []
    for s, c in blocks:
        out.extend([s / c] * c)
    return [z + i * gap for i, z in enumerate(out)]
