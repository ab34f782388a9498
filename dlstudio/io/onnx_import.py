"""Import an ONNX model as an editable network document with its weights.

`import_onnx(path)` returns `(Network, weights)`; `import_onnx_bundle(path)` a `ModelBundle`
(network and weights, no training state) that `dlstudio.run` uses wherever a SPEC may be a model.

How it works: the ONNX graph is walked once, in its (topological) order. Every ONNX tensor
becomes one of
- a constant (an initializer, a `Constant`, or anything computed only from constants),
- a shape value (a list of ints with `None` for the batch axis: `Shape` of a tensor and the
  little subgraphs exporters build from it for Flatten / Reshape),
- a zero tensor whose shape depends on the batch (`ConstantOfShape(Shape(x))`, initial states),
- a *view* of a document node: the node's values (batch first, per-sample shape as the
  catalogue has it) seen through a permutation and unit axes. `Transpose`, `Squeeze`,
  `Unsqueeze` and unit-axis `Gather` change only the view, so the time-major detours exporters
  take around RNN / LSTM (and `[N, C, 1, 1]` after a global pool) cost no nodes.
Layers need their input in the catalogue's own layout; anything the catalogue cannot represent
is refused with one `OnnxImportError` line naming the node, the operator and the attribute.
`onnx` is imported lazily; without it the error names `pip install 'dlstudio[onnx]'`.
"""
from __future__ import annotations

import os

import re
from dataclasses import dataclass

import numpy as np

from ..i18n import message, tr
from ..spec import Network, analyze

ONNX_EXTRA = "pip install 'dlstudio[onnx]'"
CANON = {1: ("N", "F"), 2: ("N", "T", "F"), 3: ("N", "C", "H", "W")}


class OnnxImportError(ValueError):
    """The file is not an ONNX model dlstudio can represent; the message says which node and why."""


@dataclass
class View:
    """The ONNX tensor is document node `node` with its axes labelled `labels` ("1" is a unit axis)."""
    node: str
    labels: tuple


@dataclass
class ShapeVal:
    dims: list  # ints, None for the batch axis
    scalar: bool = False  # a 0-d value (one picked dimension)


@dataclass
class Zeros:
    """A tensor of zeros whose shape depends on the batch size (only ever an initial state)."""


def require_onnx():
    try:
        import onnx  # noqa: F401
        from onnx import numpy_helper  # noqa: F401
    except ImportError:
        raise OnnxImportError(tr("importing ONNX models needs the onnx package: {install}").format(
                                  install=ONNX_EXTRA)) from None
    return onnx


class Importer:
    """State of one import: the document being built, its weights and the ONNX values."""

    def __init__(self, model):
        self.model = model
        self.graph = model.graph
        self.opset = next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), 1)
        self.net = Network(name=(self.graph.name or "imported")[:80])
        self.weights: dict[str, np.ndarray] = {}
        self.values: dict[str, object] = {}
        self.shapes: dict[str, tuple] = {}
        self.consumers: dict[str, int] = {}
        self.outputs = {o.name for o in self.graph.output}
        self.bias_free: dict[str, str] = {}   # output of a MatMul-made Dense → its node id
        self.node = None  # the ONNX node being converted (for messages)

    # ---- messages ----------------------------------------------------------------------------
    def fail(self, why: str) -> OnnxImportError:
        n = self.node
        if n is None:
            return OnnxImportError(why)
        name = n.name or (n.output[0] if n.output else "?")
        return OnnxImportError(tr("node '{name}' ({op_type}): {why}").format(
                                   name=name, op_type=n.op_type, why=why))

    # ---- values -----------------------------------------------------------------------------
    def used(self, name: str) -> bool:
        return bool(name) and (self.consumers.get(name, 0) > 0 or name in self.outputs)

    def get(self, i: int):
        n = self.node
        if i >= len(n.input) or not n.input[i]:
            return None
        name = n.input[i]
        if name not in self.values:
            raise self.fail(tr("input '{name}' is not produced by any node, initializer or graph input").format(
                                name=name))
        return self.values[name]

    def const(self, i: int, what: str, required=True):
        v = self.get(i)
        if v is None and not required:
            return None
        if not isinstance(v, np.ndarray):
            raise self.fail(tr("{what} (input {n}) must be a constant (an initializer), not computed "
                               "from the data").format(what=what, n=i + 1))
        return v

    def view(self, i: int, what: str = "input") -> View:
        v = self.get(i)
        if not isinstance(v, View):
            raise self.fail(tr("the {what} (input {n}) must be the data, not a constant — an "
                               "operation on constants alone cannot become a layer").format(
                                what=what, n=i + 1))
        return v

    def canonical(self, i: int, what: str = "input") -> View:
        v = self.view(i, what)
        if v.labels != self.canon(v.node):
            raise self.fail(tr("the {what} has layout {layout}; this operator needs "
                               "{needed} (batch first)").format(
                                what=what, layout=self.describe(v),
                                needed=self.describe(View(v.node, self.canon(v.node)))))
        return v

    def canon(self, node: str) -> tuple:
        return CANON[len(self.shapes[node])]

    def size(self, node: str, label: str):
        if label == "1":
            return 1
        if label == "N":
            return None
        shape = self.shapes[node]
        return shape[self.canon(node).index(label) - 1]

    def onnx_shape(self, v: View) -> list:
        return [self.size(v.node, lab) for lab in v.labels]

    def describe(self, v: View) -> str:
        return "[" + ", ".join("batch" if d is None else str(d) for d in self.onnx_shape(v)) + "]"

    def set(self, i: int, value) -> None:
        n = self.node
        if i < len(n.output) and n.output[i]:
            self.values[n.output[i]] = value

    def attrs(self) -> dict:
        from onnx import helper
        return {a.name: helper.get_attribute_value(a) for a in self.node.attribute}

    # ---- building -----------------------------------------------------------------------------
    def node_id(self, hint: str) -> str:
        parts = [p for p in hint.strip("/").split("/") if p]
        if len(parts) > 1:
            parts = parts[:-1]  # torch names nodes /module/path/OpType
        kept = [p for k, p in enumerate(parts) if not (k + 1 < len(parts) and parts[k + 1].startswith(p + "."))]
        base = re.sub(r"[^A-Za-z0-9_]+", "_", "_".join(kept)).strip("_") or "layer"
        if base[0].isdigit():
            base = "n" + base
        nid, k = base[:60], 2
        while self.net.has(nid):
            nid, k = f"{base[:56]}_{k}", k + 1
        return nid

    def add(self, type_: str, params: dict, inputs: list[View], weights: dict | None = None,
            hint: str | None = None) -> str:
        n = self.node
        nid = self.node_id(hint or n.name or n.op_type.lower() or type_)
        self.net.add(nid, type_, params, after=[v.node for v in inputs])
        a = analyze(self.net)
        if nid not in a.shapes:
            problem = next((p for p in a.problems if getattr(p, "node", None) == nid), None)
            problem = problem or (a.problems[0] if a.problems else "its output shape cannot be computed")
            raise self.fail(tr("becomes {type} {params} but {problem}").format(
                                type=type_, params=params, problem=problem))
        self.shapes[nid] = tuple(a.shapes[nid])
        for name, arr in (weights or {}).items():
            self.weights[f"{nid}.{name}"] = np.ascontiguousarray(arr, dtype=np.float32)
        return nid

    # ---- the walk ---------------------------------------------------------------------------
    def run(self) -> tuple[Network, dict]:
        from onnx import numpy_helper
        from . import onnx_import_ops as ops
        g = self.graph
        for init in g.initializer:
            self.values[init.name] = numpy_helper.to_array(init)
        for n in g.node:
            for name in n.input:
                self.consumers[name] = self.consumers.get(name, 0) + 1
        data_inputs = [i for i in g.input if i.name not in self.values]
        if len(data_inputs) != 1:
            raise OnnxImportError(tr("the model has {n} data inputs; dlstudio networks take "
                                     "exactly one").format(n=len(data_inputs)))
        self.add_input(data_inputs[0])
        for n in g.node:
            self.node = n
            if n.domain not in ("", "ai.onnx"):
                raise self.fail(tr("operator domain '{domain}' is not supported (only the standard ONNX "
                                   "operators)").format(domain=n.domain))
            ops.convert(self, n)
        self.node = None
        if len(g.output) != 1:
            raise OnnxImportError(tr("the model has {n} outputs; dlstudio networks have exactly "
                                     "one").format(n=len(g.output)))
        out = self.values.get(g.output[0].name)
        if not isinstance(out, View):
            raise OnnxImportError(tr("the output '{name}' does not depend on the input").format(
                                      name=g.output[0].name))
        if tuple(lab for lab in out.labels if lab != "1") != self.canon(out.node):
            raise OnnxImportError(tr("the output '{name}' has layout {layout}, which is not "
                                     "batch first; dlstudio's networks output batch-first values").format(
                                      name=g.output[0].name, layout=self.describe(out)))
        self.prune(out.node)
        return self.net, self.weights

    def add_input(self, vi) -> None:
        t = vi.type.tensor_type
        dims = [d.dim_value if d.HasField("dim_value") else None for d in t.shape.dim]
        if len(dims) not in (2, 3, 4):
            raise OnnxImportError(tr("input '{name}' has rank {rank}; dlstudio takes [batch, "
                                     "features], [batch, time, features] or [batch, channels, height, "
                                     "width]").format(name=vi.name, rank=len(dims)))
        if any(d is None or d < 1 for d in dims[1:]):
            raise OnnxImportError(tr("input '{name}' has shape {dims}: every axis but the first (the "
                                     "batch) needs a fixed size").format(name=vi.name, dims=dims))
        nid = self.node_id(vi.name if "/" not in vi.name else "input")
        self.net.add(nid, "Input", {"shape": [int(d) for d in dims[1:]]})
        self.shapes[nid] = tuple(int(d) for d in dims[1:])
        self.values[vi.name] = View(nid, CANON[len(dims) - 1])

    def prune(self, out_node: str) -> None:
        """Drop nodes the output does not depend on (e.g. a pool whose result nobody reads)."""
        keep, todo = set(), [out_node]
        while todo:
            cur = todo.pop()
            if cur not in keep:
                keep.add(cur)
                todo.extend(self.net.inputs_of(cur))
        self.net.nodes = [n for n in self.net.nodes if n.id in keep]
        self.net.edges = [(s, d) for s, d in self.net.edges if s in keep and d in keep]
        self.weights = {k: v for k, v in self.weights.items() if k.rsplit(".", 1)[0] in keep}


def load_onnx_model(path):
    onnx = require_onnx()
    try:
        model = onnx.load(str(path))
    except FileNotFoundError:
        raise OnnxImportError(tr("no such file: {path}").format(path=path)) from None
    except Exception as e:  # a damaged or foreign file: protobuf raises several kinds
        raise OnnxImportError(tr("{path}: not a readable ONNX model ({type}: {error})").format(
                                  path=path, type=type(e).__name__, error=message(e))) from None
    if not model.graph.node and not model.graph.input:
        raise OnnxImportError(tr("{path}: not an ONNX model (no graph)").format(path=path))
    return model


def import_model(model) -> tuple[Network, dict]:
    """(network, weights) from an in-memory `onnx.ModelProto`."""
    require_onnx()
    return Importer(model).run()


def import_onnx(path) -> tuple[Network, dict]:
    """(network, weights) from an `.onnx` file; `OnnxImportError` if it cannot be represented."""
    from pathlib import Path
    net, weights = import_model(load_onnx_model(path))
    if net.name in ("imported", "main_graph", "torch_jit", "torch-jit-export"):
        net.name = Path(path).stem
    return net, weights


def import_onnx_bundle(path):
    """A `ModelBundle` (network + weights, no training state) from an `.onnx` file; its training
    record names only where the weights came from (`source`), so training starts from them."""
    from .modelfile import ModelBundle
    net, weights = import_onnx(path)
    source = {"format": "onnx", "file": os.path.basename(path)}
    return ModelBundle(network=net.to_dict(), weights=weights, training={"source": source},
                       optimizer_slots={}, history={})
