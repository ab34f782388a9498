"""Shape inference, cost counting and validation over a whole network.

`analyze` never raises for a bad network: it collects every problem (each naming its node and
saying how to fix it) so the canvas can mark them all at once. `Analysis.raise_first()` turns
problems into one exception for the command line and the engine.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import message, tr
from . import catalogue
from .catalogue import Cost, Shape, ShapeError
from .document import DocumentError, Network
from .params import ParamError


class NetworkError(ValueError):
    """The network cannot be built or run; the message names the node."""


@dataclass(frozen=True)
class Problem:
    node: str | None
    message: str

    def __str__(self) -> str:
        return f"{self.node}: {self.message}" if self.node else self.message

    @property
    def text(self) -> str:
        """`str(self)` as a translatable Text (dlstudio.i18n)."""
        return tr("{node}: {message}").format(
            node=self.node, message=self.message) if self.node else self.message


@dataclass
class Analysis:
    order: list[str] = field(default_factory=list)
    params: dict[str, dict] = field(default_factory=dict)        # normalised params per node
    in_shapes: dict[str, list[Shape]] = field(default_factory=dict)
    shapes: dict[str, Shape] = field(default_factory=dict)       # output shape per node
    costs: dict[str, Cost] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)              # Input nodes
    outputs: list[str] = field(default_factory=list)             # nodes nothing reads from

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def total(self) -> Cost:
        t = Cost()
        for c in self.costs.values():
            t = t + c
        return t

    def raise_first(self) -> None:
        if self.problems:
            p = self.problems[0]
            if len(self.problems) > 1:
                raise NetworkError(tr("{problem} (and {n} more problem(s))").format(
                    problem=p.text, n=len(self.problems) - 1))
            raise NetworkError(p.text)


def analyze(net: Network) -> Analysis:
    a = Analysis()
    try:
        a.order = net.topological_order()
    except DocumentError as e:
        a.problems.append(Problem(None, message(e)))
        return a
    types = catalogue.all_types()
    by_id = {n.id: n for n in net.nodes}                  # dicts, not list scans: linear in the size
    srcs_of: dict[str, list[str]] = {n.id: [] for n in net.nodes}
    has_output: set[str] = set()
    for s, d in net.edges:
        srcs_of[d].append(s)
        has_output.add(s)
    for nid in a.order:
        node = by_id[nid]
        srcs = srcs_of[nid]
        lt = types.get(node.type)
        if lt is None:
            a.problems.append(Problem(nid, tr("unknown layer type {type!r}").format(type=node.type)))
            continue
        if lt.name == "Input":
            a.inputs.append(nid)
        where = f"{lt.name} '{nid}'"
        try:
            params = lt.schema.normalize(node.params, where)
        except ParamError as e:
            detail = e.detail if e.detail is not None else str(e).removeprefix(where + ": ")
            a.problems.append(Problem(nid, detail))
            continue
        a.params[nid] = params
        n_in = len(srcs)
        if n_in < lt.min_inputs or (lt.max_inputs is not None and n_in > lt.max_inputs):
            a.problems.append(Problem(nid, _arity_message(lt, n_in)))
            continue
        if any(s not in a.shapes for s in srcs):
            continue  # an upstream node already has a problem; do not repeat it here
        in_shapes = [a.shapes[s] for s in srcs]
        try:
            out = lt.output_shape(params, in_shapes)
        except ShapeError as e:
            a.problems.append(Problem(nid, message(e)))
            continue
        if any(d < 1 for d in out):
            a.problems.append(Problem(nid, tr("output shape {out} is empty — the input {input} "
                                              "is too small for these settings").format(
                                               out=list(out), input=list(in_shapes[0]))))
            continue
        a.in_shapes[nid] = in_shapes
        a.shapes[nid] = out
        a.costs[nid] = lt.cost(params, in_shapes, out)
    a.outputs = [nid for nid in a.order if nid not in has_output]
    if not a.inputs and net.nodes:
        a.problems.append(Problem(None, tr("the network has no Input node — add one from the palette")))
    return a


def _arity_message(lt: catalogue.LayerType, n: int) -> str:
    if lt.max_inputs == 0:
        return tr("an {name} takes no incoming connections (it has {n}) — remove them").format(
                   name=lt.name, n=n)
    if n == 0:
        return tr("has no input — connect a layer's output to it")
    if lt.max_inputs is not None and n > lt.max_inputs:
        return (tr("takes {max_inputs} input but has {n} — merge the branches with Add or Concatenate "
                   "first").format(max_inputs=lt.max_inputs, n=n))
    return tr("needs at least {min_inputs} inputs, has {n}").format(min_inputs=lt.min_inputs, n=n)
