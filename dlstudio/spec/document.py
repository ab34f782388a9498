"""The network document: nodes, ordered edges and params, as plain JSON-safe data.

    {"format": "dlstudio-network", "version": 1, "name": "...",
     "nodes": [{"id": "in", "type": "Input", "params": {"shape": [1, 28, 28]}, "pos": [0, 0]}, ...],
     "edges": [["in", "conv1"], ...]}

Edges into a multi-input node are ordered: their order in `edges` is the input order.
"""
from __future__ import annotations

import copy
import heapq
import json
import re
from dataclasses import dataclass, field
from typing import Any
from ..i18n import message, tr

# the reasons Python's JSON parser gives, marked so that the app can show them translated
_JSON_REASONS = {
    "Expecting value": tr("Expecting value"),
    "Expecting property name enclosed in double quotes": tr("Expecting property name enclosed in double quotes"),
    "Expecting ',' delimiter": tr("Expecting ',' delimiter"),
    "Expecting ':' delimiter": tr("Expecting ':' delimiter"),
    "Extra data": tr("Extra data"),
    "Invalid control character at": tr("Invalid control character at"),
    "Unterminated string starting at": tr("Unterminated string starting at"),
    "Invalid \\escape": tr("Invalid \\escape"),
    "Invalid \\uXXXX escape": tr("Invalid \\uXXXX escape"),
    "Illegal trailing comma before end of object": tr("Illegal trailing comma before end of object"),
    "Illegal trailing comma before end of array": tr("Illegal trailing comma before end of array"),
}

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
            raise DocumentError(tr("node id {id!r} is used twice").format(id=id))
        self.nodes.append(Node(id, type, dict(params or {}), pos))
        for src in [after] if isinstance(after, str) else (after or []):
            self.connect(src, id)
        return self

    def connect(self, src: str, dst: str) -> None:
        for n in (src, dst):
            if not self.has(n):
                raise DocumentError(tr("edge {src!r} → {dst!r} names an unknown node {n!r}").format(
                                        src=src, dst=dst, n=n))
        self.edges.append((src, dst))

    # ---- queries ---------------------------------------------------------------------------
    def has(self, id: str) -> bool:
        return any(n.id == id for n in self.nodes)

    def node(self, id: str) -> Node:
        for n in self.nodes:
            if n.id == id:
                return n
        raise KeyError(tr("no node {id!r}").format(id=id))

    def inputs_of(self, id: str) -> list[str]:
        return [s for s, d in self.edges if d == id]

    def outputs_of(self, id: str) -> list[str]:
        return [d for s, d in self.edges if s == id]

    def topological_order(self) -> list[str]:
        """Node ids so every node comes after its inputs (stable: document order breaks ties)."""
        order = kahn_order([n.id for n in self.nodes], self.edges)
        if len(order) != len(self.nodes):
            placed = set(order)
            stuck = [n.id for n in self.nodes if n.id not in placed]
            raise DocumentError(tr("the graph has a cycle through {nodes} — a network must flow "
                                   "one way from inputs to outputs").format(nodes=', '.join(stuck)))
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
        return cls.from_dict(safe_json_loads(text, DocumentError))

    @classmethod
    def from_dict(cls, data: Any) -> "Network":
        if not isinstance(data, dict):
            raise DocumentError(tr("a network document must be a JSON object"))
        fmt = data.get("format", FORMAT)
        if fmt != FORMAT:
            raise DocumentError(tr("not a network document (format {fmt!r}, expected {expected!r})").format(
                                    fmt=fmt, expected=FORMAT))
        version = data.get("version", VERSION)
        if not isinstance(version, int) or version > VERSION:
            raise DocumentError(tr("network document version {version!r} is newer than this dlstudio "
                                   "understands ({understood}) — update dlstudio to open it").format(
                                    version=version, understood=VERSION))
        nodes_in, edges_in = data.get("nodes"), data.get("edges", [])
        if not isinstance(nodes_in, list) or not isinstance(edges_in, list):
            raise DocumentError(tr("'nodes' and 'edges' must be lists"))
        net = cls(name=str(data.get("name", "untitled")))
        seen: set[str] = set()
        for i, nd in enumerate(nodes_in):
            if not isinstance(nd, dict) or not isinstance(nd.get("id"), str) or not isinstance(nd.get("type"), str):
                raise DocumentError(tr("node #{n} needs a string 'id' and 'type'").format(n=i + 1))
            params = nd.get("params", {}) or {}
            if not isinstance(params, dict):
                raise DocumentError(tr("node {id!r}: 'params' must be an object").format(
                                        id=nd['id']))
            pos = nd.get("pos")
            if pos is not None:
                if (not isinstance(pos, (list, tuple)) or len(pos) != 2
                        or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in pos)):
                    raise DocumentError(tr("node {id!r}: 'pos' must be [x, y]").format(
                                            id=nd['id']))
                pos = (float(pos[0]), float(pos[1]))
            if nd["id"] in seen:       # a set, not Network.has: loading stays linear in the node count
                raise DocumentError(tr("node id {id!r} is used twice").format(id=nd['id']))
            seen.add(nd["id"])
            net.nodes.append(Node(nd["id"], nd["type"], copy.deepcopy(params) if params else {}, pos))
        for e in edges_in:
            if not isinstance(e, (list, tuple)) or len(e) != 2 or not all(isinstance(v, str) for v in e):
                raise DocumentError(tr("an edge must be [source id, target id], got {e!r}").format(e=e))
            for n in e:
                if n not in seen:
                    raise DocumentError(tr("edge {src!r} → {dst!r} names an unknown node {n!r}").format(
                                            src=e[0], dst=e[1], n=n))
            net.edges.append((e[0], e[1]))
        return net


MAX_JSON_DEPTH = 200          # nesting of [ and { in a document
MAX_INT_DIGITS = 100          # digits of one integer (a 128-bit random state has 39)
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]")


def safe_json_loads(text, error, allow_non_finite: bool = False):
    """json.loads refusing what later code cannot handle, each as `error`: NaN / Infinity, integers of
    more than MAX_INT_DIGITS digits, floats that overflow to infinity, nesting deeper than MAX_JSON_DEPTH.
    `error` is an exception class or a function making one from the message. `allow_non_finite`
    accepts NaN / Infinity (a training history records a loss that diverged)."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as e:
            raise error(tr("not UTF-8 text: {e}").format(e=message(e))) from None
    if text.count("[") + text.count("{") > MAX_JSON_DEPTH:    # else it cannot be too deep
        depth = 0
        for m in _BRACKETS.finditer(_STRINGS.sub("", text)):  # strings removed: their brackets are text
            depth += 1 if m.group() in "[{" else -1
            if depth > MAX_JSON_DEPTH:
                raise error(tr("not accepted: the JSON is nested more than {depth} levels deep").format(
                                depth=MAX_JSON_DEPTH))

    def bad_constant(name):
        raise error(tr("not accepted: {name} is not a number dlstudio accepts (NaN and Infinity are "
                       "refused)").format(name=name))

    def parse_int(s):
        if len(s.lstrip("-")) > MAX_INT_DIGITS:
            raise error(tr("not accepted: an integer of {n} digits (at most {most})").format(
                            n=len(s.lstrip('-')), most=MAX_INT_DIGITS))
        return int(s)

    def parse_float(s):
        v = float(s)
        if v != v or v in (float("inf"), float("-inf")):
            raise error(tr("not accepted: the number {number} is too large").format(number=s[:40]))
        return v

    try:
        if allow_non_finite:
            return json.loads(text, parse_int=parse_int)
        return json.loads(text, parse_constant=bad_constant, parse_int=parse_int, parse_float=parse_float)
    except json.JSONDecodeError as e:
        reason = _JSON_REASONS.get(e.msg, e.msg)
        raise error(tr("not valid JSON: {reason}: line {line} column {column} (char {pos})").format(
            reason=reason, line=e.lineno, column=e.colno, pos=e.pos)) from None
    except RecursionError:
        raise error(tr("not accepted: the JSON is nested too deeply")) from None


def kahn_order(ids: list[str], edges) -> list[str]:
    """Ids so every one comes after its inputs, document order breaking ties (Kahn's method);
    ids on a cycle, and those after them, are left out."""
    indeg = {i: 0 for i in ids}
    succ: dict[str, list[str]] = {i: [] for i in ids}
    for s, d in edges:
        indeg[d] += 1
        succ[s].append(d)
    position = {i: k for k, i in enumerate(ids)}
    ready = [position[i] for i in ids if indeg[i] == 0]     # a heap of document positions
    heapq.heapify(ready)
    order = []
    while ready:
        cur = ids[heapq.heappop(ready)]
        order.append(cur)
        for d in succ[cur]:
            indeg[d] -= 1
            if indeg[d] == 0:
                heapq.heappush(ready, position[d])
    return order
