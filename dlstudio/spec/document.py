"""The network document: nodes, ordered edges and params, as plain JSON-safe data.

    {"format": "dlstudio-network", "version": 1, "name": "...",
     "nodes": [{"id": "in", "type": "Input", "params": {"shape": [1, 28, 28]}, "pos": [0, 0]}, ...],
     "edges": [["in", "conv1"], ...]}

Edges into a multi-input node are ordered: their order in `edges` is the input order.
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from typing import Any

FORMAT = "dlstudio-network"
VERSION = 1


class DocumentError(ValueError):
    """The document is not a well-formed network (bad JSON structure, unknown ids, a cycle)."""


@dataclass
class Node:
    id: str
    type: str
    params: dict[str, Any] = field(default_factory=dict)
    pos: tuple[float, float] | None = None

    def to_dict(self) -> dict:
        d: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.params:
            d["params"] = copy.deepcopy(self.params)
        if self.pos is not None:
            d["pos"] = [float(self.pos[0]), float(self.pos[1])]
        return d


@dataclass
class Network:
    nodes: list[Node] = field(default_factory=list)
    edges: list[tuple[str, str]] = field(default_factory=list)
    name: str = "untitled"

    # ---- building -------------------------------------------------------------------------
    def add(self, id: str, type: str, params: dict | None = None, after: str | list[str] | None = None,
            pos=None) -> "Network":
        """Append a node (and edges from `after`); returns self so presets can chain."""
        if self.has(id):
            raise DocumentError(f"node id {id!r} is used twice")
        self.nodes.append(Node(id, type, dict(params or {}), pos))
        for src in [after] if isinstance(after, str) else (after or []):
            self.connect(src, id)
        return self

    def connect(self, src: str, dst: str) -> None:
        for n in (src, dst):
            if not self.has(n):
                raise DocumentError(f"edge {src!r} → {dst!r} names an unknown node {n!r}")
        self.edges.append((src, dst))

    # ---- queries ---------------------------------------------------------------------------
    def has(self, id: str) -> bool:
        return any(n.id == id for n in self.nodes)

    def node(self, id: str) -> Node:
        for n in self.nodes:
            if n.id == id:
                return n
        raise KeyError(f"no node {id!r}")

    def inputs_of(self, id: str) -> list[str]:
        return [s for s, d in self.edges if d == id]

    def outputs_of(self, id: str) -> list[str]:
        return [d for s, d in self.edges if s == id]

    def topological_order(self) -> list[str]:
        """Node ids so every node comes after its inputs (stable: document order breaks ties)."""
        order = kahn_order([n.id for n in self.nodes], self.edges)
        if len(order) != len(self.nodes):
            stuck = [n.id for n in self.nodes if n.id not in set(order)]
            raise DocumentError(f"the graph has a cycle through {', '.join(stuck)} — "
                                "a network must flow one way from inputs to outputs")
        return order

    def would_cycle(self, src: str, dst: str) -> bool:
        """True if adding src → dst closes a loop (dst already reaches src)."""
        seen, todo = set(), [dst]
        while todo:
            cur = todo.pop()
            if cur == src:
                return True
            if cur not in seen:
                seen.add(cur)
                todo.extend(self.outputs_of(cur))
        return False

    # ---- JSON ------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {"format": FORMAT, "version": VERSION, "name": self.name,
                "nodes": [n.to_dict() for n in self.nodes],
                "edges": [[s, d] for s, d in self.edges]}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def copy(self) -> "Network":
        return Network.from_dict(self.to_dict())

    @classmethod
    def from_json(cls, text: str) -> "Network":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise DocumentError(f"not valid JSON: {e}") from None
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: Any) -> "Network":
        if not isinstance(data, dict):
            raise DocumentError("a network document must be a JSON object")
        fmt = data.get("format", FORMAT)
        if fmt != FORMAT:
            raise DocumentError(f"not a network document (format {fmt!r}, expected {FORMAT!r})")
        version = data.get("version", VERSION)
        if not isinstance(version, int) or version > VERSION:
            raise DocumentError(f"network document version {version!r} is newer than this dlstudio "
                                f"understands ({VERSION}) — update dlstudio to open it")
        nodes_in, edges_in = data.get("nodes"), data.get("edges", [])
        if not isinstance(nodes_in, list) or not isinstance(edges_in, list):
            raise DocumentError("'nodes' and 'edges' must be lists")
        net = cls(name=str(data.get("name", "untitled")))
        for i, nd in enumerate(nodes_in):
            if not isinstance(nd, dict) or not isinstance(nd.get("id"), str) or not isinstance(nd.get("type"), str):
                raise DocumentError(f"node #{i + 1} needs a string 'id' and 'type'")
            params = nd.get("params", {}) or {}
            if not isinstance(params, dict):
                raise DocumentError(f"node {nd['id']!r}: 'params' must be an object")
            pos = nd.get("pos")
            if pos is not None:
                if (not isinstance(pos, (list, tuple)) or len(pos) != 2
                        or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in pos)):
                    raise DocumentError(f"node {nd['id']!r}: 'pos' must be [x, y]")
                pos = (float(pos[0]), float(pos[1]))
            net.add(nd["id"], nd["type"], copy.deepcopy(params), pos=pos)
        for e in edges_in:
            if not isinstance(e, (list, tuple)) or len(e) != 2 or not all(isinstance(v, str) for v in e):
                raise DocumentError(f"an edge must be [source id, target id], got {e!r}")
            net.connect(e[0], e[1])
        return net


def kahn_order(ids: list[str], edges) -> list[str]:
    """Ids so every one comes after its inputs, document order breaking ties (Kahn's method);
    ids on a cycle, and those after them, are left out."""
    indeg = {i: 0 for i in ids}
    succ: dict[str, list[str]] = {i: [] for i in ids}
    for s, d in edges:
        indeg[d] += 1
        succ[s].append(d)
    position = {i: k for k, i in enumerate(ids)}
    ready = [i for i in ids if indeg[i] == 0]
    order = []
    while ready:
        ready.sort(key=position.__getitem__)
        cur = ready.pop(0)
        order.append(cur)
        for d in succ[cur]:
            indeg[d] -= 1
            if indeg[d] == 0:
                ready.append(d)
    return order
