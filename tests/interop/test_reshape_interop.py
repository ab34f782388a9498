"""Reshape in the exporters and the importer: ONNX Reshape with a dynamic batch (onnxruntime within
1e-4 at batch 1 and 5), ONNX Reshape → the Reshape layer (or Flatten / nothing) and refusals,
export → import → export, and the PyTorch module's forward against the engine."""
from __future__ import annotations

import importlib.util
import json

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
from onnx import TensorProto, helper, numpy_helper

from dlstudio.engine.model import Model
from dlstudio.io.onnx_export import network_to_onnx, onnxruntime_outputs
from dlstudio.io.onnx_import import OnnxImportError, import_model
from dlstudio.spec import Network

TOL = 1e-4


def dense_to_conv(target=(2, -1, 4)) -> Network:
    """Vector in, Dense, Reshape to an image, Conv2D, a Reshape to a sequence, Dense per step."""
    net = Network(name="unflatten").add("in", "Input", {"shape": [10]})
    net.add("fc", "Dense", {"units": 32}, after="in")
    net.add("unflat", "Reshape", {"shape": list(target)}, after="fc")
    net.add("conv", "Conv2D", {"filters": 3, "kernel_size": 3, "padding": "same"}, after="unflat")
    net.add("act", "Tanh", after="conv")
    net.add("seq", "Reshape", {"shape": [6, -1]}, after="act")
    net.add("out", "Dense", {"units": 5}, after="seq")
    return net


def weights_of(net: Network, seed: int = 0) -> dict:
    rng = np.random.default_rng(seed)
    return {k: (rng.standard_normal(v.shape) * 0.3).astype(np.float32) for k, v in Model(net).weights().items()}


def engine_outputs(net: Network, weights: dict, x: np.ndarray) -> np.ndarray:
    m = Model(net)
    m.set_weights(weights)
    return m.predict(x)


# ---- export -----------------------------------------------------------------------------------
def test_export_is_a_reshape_with_a_dynamic_batch_and_matches_the_engine():
    net = dense_to_conv()
    w = weights_of(net)
    proto = network_to_onnx(net, w)
    nodes = {n.name: n for n in proto.graph.node}
    assert nodes["unflat"].op_type == "Reshape" and nodes["seq"].op_type == "Reshape"
    inits = {t.name: numpy_helper.to_array(t) for t in proto.graph.initializer}
    assert inits["unflat/shape"].tolist() == [0, 2, -1, 4] and inits["seq/shape"].tolist() == [0, 6, -1]
    assert proto.graph.output[0].type.tensor_type.shape.dim[0].dim_param == "batch"
    for batch in (1, 5):
        x = np.random.default_rng(batch).standard_normal((batch, 10)).astype(np.float32)
        got, want = onnxruntime_outputs(proto, x), engine_outputs(net, w, x)
        assert got.shape == want.shape == (batch, 6, 5)
        assert float(np.abs(got - want).max()) < TOL


def test_export_import_export_gives_the_same_outputs():
    net = dense_to_conv()
    w = weights_of(net, 1)
    first = network_to_onnx(net, w)
    net2, w2 = import_model(first)
    assert [n.type for n in net2.nodes] == [n.type for n in net.nodes]
    params = {n.id: n.params for n in net2.nodes if n.type == "Reshape"}
    assert sorted(map(list, (p["shape"] for p in params.values()))) == [[2, 4, 4], [6, 8]]  # -1 worked out
    second = network_to_onnx(net2, w2)
    x = np.random.default_rng(2).standard_normal((4, 10)).astype(np.float32)
    a, b = onnxruntime_outputs(first, x), onnxruntime_outputs(second, x)
    assert float(np.abs(a - b).max()) < TOL
    assert float(np.abs(engine_outputs(net2, w2, x) - a).max()) < TOL


# ---- import -----------------------------------------------------------------------------------
def one_reshape(target, x_shape, allowzero=None, via_shape=False):
    """x → Reshape(target) → y; with via_shape the batch comes from Shape(x)[0] and a Concat."""
    attrs = {} if allowzero is None else {"allowzero": allowzero}
    inits = {}
    nodes = []
    if via_shape:
        nodes += [helper.make_node("Shape", ["x"], ["sh"]),
                  helper.make_node("Gather", ["sh", "zero"], ["n"], axis=0),
                  helper.make_node("Unsqueeze", ["n", "zero1"], ["n1"]),
                  helper.make_node("Concat", ["n1", "rest"], ["s"], axis=0)]
        inits.update(zero=np.array(0, np.int64), zero1=np.array([0], np.int64),
                     rest=np.array(target, np.int64))
    else:
        inits["s"] = np.array(target, np.int64)
    nodes.append(helper.make_node("Reshape", ["x", "s"], ["y"], name="rs", **attrs))
    g = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", *x_shape])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
                          [numpy_helper.from_array(v, k) for k, v in inits.items()])
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])


def ort_outputs(m, x):
    sess = ort.InferenceSession(m.SerializeToString(), providers=["CPUExecutionProvider"])
    return sess.run(None, {"x": x})[0]


@pytest.mark.parametrize("target,x_shape,types,shape", [
    ([0, 4, 4, 4], [64], ["Reshape"], [4, 4, 4]),
    ([0, -1, 8], [4, 4, 4], ["Reshape"], [8, 8]),
    ([-1, 2, 32], [64], ["Reshape"], [2, 32]),     # the -1 can only be the batch
    ([0, 4, 16], [2, 32], ["Reshape"], [4, 16]),
    ([0, 64], [4, 4, 4], ["Flatten"], None),        # a flatten stays a Flatten
    ([0, 2, 32], [2, 32], [], None),                # its own shape: nothing
])
def test_reshapes_that_keep_the_batch_become_layers(target, x_shape, types, shape):
    m = one_reshape(target, x_shape)
    net, w = import_model(m)
    assert [n.type for n in net.nodes[1:]] == types
    if shape is not None:
        assert net.nodes[1].params["shape"] == shape
    x = np.random.default_rng(0).standard_normal((3, *x_shape)).astype(np.float32)
    np.testing.assert_array_equal(engine_outputs(net, w, x), ort_outputs(m, x))


def test_a_batch_taken_from_shape_keeps_the_batch():
    m = one_reshape([4, -1], [2, 4, 4], via_shape=True)
    net, w = import_model(m)
    assert [n.type for n in net.nodes] == ["Input", "Reshape"] and net.nodes[1].params["shape"] == [4, 8]
    x = np.random.default_rng(1).standard_normal((5, 2, 4, 4)).astype(np.float32)
    np.testing.assert_array_equal(engine_outputs(net, w, x), ort_outputs(m, x))


@pytest.mark.parametrize("target,x_shape,allowzero,words", [
    ([-1, 4], [64], None, "keep the batch first"),            # folds the batch into the first axis
    ([0, 2, 2, 2, 8], [64], None, "1 to 3 fixed sizes"),
    ([0, 0, 64], [64], 1, "keep the batch first"),             # allowzero: a real 0-sized axis
    ([0, -1, -1], [64], None, "keep the batch first"),
])
def test_other_reshapes_are_refused_in_one_line(target, x_shape, allowzero, words):
    with pytest.raises(OnnxImportError) as e:
        import_model(one_reshape(target, x_shape, allowzero))
    msg = str(e.value)
    assert "'rs'" in msg and "Reshape" in msg and "input 'shape'" in msg and words in msg and "\n" not in msg


# ---- PyTorch ----------------------------------------------------------------------------------
def test_pytorch_module_forward_equals_the_engine(tmp_path):
    torch = pytest.importorskip("torch")
    from dlstudio.io import torch_runtime as R
    from dlstudio.io.torch_export import module_code
    net = dense_to_conv((2, 4, -1))
    w = weights_of(net, 3)
    code = module_code(net.to_dict())
    assert ".reshape(" in code and "shape[0], 2, 4, -1)" in code
    src = tmp_path / "net_module.py"
    src.write_text("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n" + code)
    spec = importlib.util.spec_from_file_location("reshape_net_module", src)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    module = mod.Net()
    R.load_weights(module, json.loads(json.dumps(net.to_dict())), w)
    module.eval()
    for batch in (1, 5):
        x = np.random.default_rng(batch).standard_normal((batch, 10)).astype(np.float32)
        with torch.no_grad():
            got = module(torch.from_numpy(x)).numpy()
        want = engine_outputs(net, w, x)
        assert got.shape == want.shape and float(np.abs(got - want).max()) < TOL
