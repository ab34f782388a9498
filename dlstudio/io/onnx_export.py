"""ONNX export of a network document with its weights (no Qt; onnx / onnxruntime imported lazily).

    model = network_to_onnx(network, weights)     # an onnx.ModelProto, checked with full_check
    export_onnx(network, weights, "net.onnx")      # the same, written atomically

The model: opset 17, IR version 8, one float32 input named after the Input node with shape
["batch", *sample shape] (a dynamic batch axis), one output named after the network's last node,
ONNX nodes named after the document's node ids (helpers `<id>/<what>`), initializers named
`<id>.<weight>`. It computes exactly what the engine's forward computes at inference (what
`dlstudio predict` writes): probabilities if the network ends in Softmax, else its raw outputs
(logits for a classifier trained with a fused cross-entropy). How each layer type maps: onnx_ops.
"""
from __future__ import annotations

import importlib
import json

import numpy as np

from ..i18n import message, tr
from .. import __version__
from ..spec import Network, analyze
from ..spec import catalogue
from .atomic import atomic_write
from .onnx_ops import CONVERTERS

OPSET = 17
IR_VERSION = 8
BATCH = "batch"
ONNX_EXTRA = "pip install 'dlstudio[onnx]'"


class ExportError(ValueError):
    """The network cannot be exported; the message names the node and says why."""


class MissingExtra(ExportError):
    """An optional package is not installed; the message says which `pip install` brings it."""


def require(module: str, what: str = "ONNX export"):
    """Import an optional package, or raise MissingExtra naming the pip install that brings it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(tr("{what} needs the {module} package: {install}").format(
                               what=what, module=module, install=ONNX_EXTRA)) from None


class _Builder:
    """Collects ONNX nodes and initializers while the converters walk the network."""

    def __init__(self, onnx, weights: dict[str, np.ndarray]):
        self.onnx, self.weights = onnx, weights
        self.nodes, self.inits, self._names = [], [], set()

    def array(self, nid: str, weight: str) -> np.ndarray:
        return np.asarray(self.weights[f"{nid}.{weight}"], np.float32)

    def init(self, name: str, array: np.ndarray) -> str:
        if name in self._names:
            raise ExportError(tr("two tensors named {name!r}: rename one of the layers").format(name=name))
        self._names.add(name)
        self.inits.append(self.onnx.numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def weight(self, nid: str, weight: str) -> str:
        return self.init(f"{nid}.{weight}", self.array(nid, weight))

    def const(self, name: str, array: np.ndarray) -> str:
        return self.init(name, np.asarray(array))

    def op(self, op_type: str, inputs, outputs, name: str | None = None, **attrs) -> str:
        outs = [outputs] if isinstance(outputs, str) else list(outputs)
        node_name = name or outs[-1]
        self.nodes.append(self.onnx.helper.make_node(op_type, list(inputs), outs, name=node_name, **attrs))
        return outs[-1]


def output_kind(network: Network, output_id: str) -> str:
    t = network.node(output_id).type
    return {"Softmax": "probabilities (softmax over the last axis)",
            "Sigmoid": "sigmoid outputs"}.get(t, "raw outputs of the last layer (logits for a classifier)")


def _check_weights(network: Network, a, weights: dict) -> dict[str, np.ndarray]:
    need = {}
    for nid in a.order:
        lt = catalogue.get(network.node(nid).type)
        for wname, (shape, _) in lt.weights(a.params[nid], a.in_shapes[nid]).items():
            name = f"{nid}.{wname}"
            if name not in weights:
                raise ExportError(tr("{type} '{nid}': weight {name} is missing").format(
                                      type=network.node(nid).type, nid=nid, name=name))
            arr = np.asarray(weights[name])
            if tuple(arr.shape) != tuple(shape):
                raise ExportError(tr("{type} '{nid}': weight {name} has shape {got}, the network "
                                     "needs {expected}").format(
                                      type=network.node(nid).type, nid=nid, name=name,
                                      got=list(arr.shape), expected=list(shape)))
            need[name] = arr
    return need


def network_to_onnx(network: Network, weights: dict[str, np.ndarray] | None = None, *, seed: int = 0,
                    check: bool = True):
    """The network and its weights (None: freshly initialised with `seed`) as a checked onnx.ModelProto."""
    onnx = require("onnx")
    importlib.import_module("onnx.numpy_helper")
    a = analyze(network)
    if a.problems:
        raise ExportError(tr("the network cannot be exported: {problem}").format(
                              problem=a.problems[0]))
    if len(a.inputs) != 1:
        raise ExportError(tr("ONNX export needs exactly one Input node, the network has {n}").format(
                              n=len(a.inputs)))
    if len(a.outputs) != 1:
        raise ExportError(tr("ONNX export needs exactly one output, the network has {n} "
                             "({outputs}) — connect or delete the extra ones").format(
                              n=len(a.outputs), outputs=', '.join(a.outputs)))
    input_id, output_id = a.inputs[0], a.outputs[0]
    if input_id == output_id:
        raise ExportError(tr("the network is only an Input: add a layer after it"))
    for nid in a.order:
        t = network.node(nid).type
        if t != "Input" and t not in CONVERTERS:
            raise ExportError(tr("{type} '{nid}': this layer type cannot be exported to ONNX yet").format(
                                  type=t, nid=nid))
    if weights is None:
        from ..engine.model import Model
        weights = Model(network, seed=seed).weights()
    b = _Builder(onnx, _check_weights(network, a, weights))
    for nid in a.order:
        node = network.node(nid)
        if node.type == "Input":
            continue
        try:
            CONVERTERS[node.type](b, nid, a.params[nid], network.inputs_of(nid), a.in_shapes[nid])
        except ExportError:
            raise
        except (ValueError, KeyError, TypeError) as e:
            raise ExportError(tr("{type} '{nid}': cannot export it: {error}").format(
                                  type=node.type, nid=nid, error=message(e))) from None
    h, T = onnx.helper, onnx.TensorProto
    graph = h.make_graph(
        b.nodes, network.name or "network",
        [h.make_tensor_value_info(input_id, T.FLOAT, [BATCH, *map(int, a.shapes[input_id])])],
        [h.make_tensor_value_info(output_id, T.FLOAT, [BATCH, *map(int, a.shapes[output_id])])],
        b.inits)
    model = h.make_model(graph, opset_imports=[h.make_opsetid("", OPSET)], producer_name="dlstudio",
                         producer_version=__version__,
                         doc_string=f"{network.name}: exported by dlstudio {__version__}; "
                                    f"output: {output_kind(network, output_id)}")
    model.ir_version = IR_VERSION
    h.set_model_props(model, {"dlstudio.output": output_kind(network, output_id),
                              "dlstudio.network": json.dumps(network.to_dict(), separators=(",", ":"))})
    if check:
        try:
            onnx.checker.check_model(model, full_check=True)
        except Exception as e:  # onnx raises ValidationError / InferenceError
            raise ExportError(tr("the exported model does not pass onnx.checker: {error}").format(
                                  error=str(e).splitlines()[0])) from None
    return model


def export_onnx(network: Network, weights: dict[str, np.ndarray] | None, path, *, seed: int = 0):
    """Write the network with its weights to `path` (atomically); returns the onnx.ModelProto."""
    model = network_to_onnx(network, weights, seed=seed)
    data = model.SerializeToString()
    with atomic_write(path) as f:
        f.write(data)
    return model


def onnxruntime_outputs(model_or_path, x: np.ndarray) -> np.ndarray:
    """Run an ONNX model (a ModelProto, bytes or a path) with onnxruntime on the CPU."""
    ort = require("onnxruntime", "running an ONNX model")
    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    src = model_or_path.SerializeToString() if hasattr(model_or_path, "SerializeToString") else str(model_or_path)
    sess = ort.InferenceSession(src, opts, providers=["CPUExecutionProvider"])
    name = sess.get_inputs()[0].name
    return sess.run(None, {name: np.ascontiguousarray(x, np.float32)})[0]


def compare_with_engine(model_proto, network: Network, weights: dict[str, np.ndarray], x: np.ndarray) -> float:
    """Max |onnxruntime − engine| on the batch x, relative to max(1, max |engine output|)."""
    from ..engine.model import Model
    m = Model(network)
    m.set_weights(weights)
    ref = m.predict(np.asarray(x, np.float32))
    got = onnxruntime_outputs(model_proto, x)
    if got.shape != ref.shape:
        raise ExportError(tr("onnxruntime returned shape {got}, dlstudio {expected}").format(
                              got=list(got.shape), expected=list(ref.shape)))
    return float(np.max(np.abs(got - ref)) / max(1.0, float(np.max(np.abs(ref)))))
