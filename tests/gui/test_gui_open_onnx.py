"""File → Open accepts an .onnx model: the network with its weights lands in the builder."""
import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from dlstudio.spec import Network  # noqa: E402


def _write(path, bad=False):
    w = np.random.default_rng(0).standard_normal((4, 1, 3, 3)).astype(np.float32)
    nodes = [helper.make_node("Conv", ["x", "W"], ["c"], kernel_shape=[3, 3], pads=[1, 1, 1, 1], name="conv",
                              **({"group": 2} if bad else {})),
             helper.make_node("Relu", ["c"], ["r"], name="relu"),
             helper.make_node("Flatten", ["r"], ["y"], name="flat")]
    g = helper.make_graph(nodes, "tiny", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 1, 5, 5])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
                          [numpy_helper.from_array(w, "W")])
    onnx.save(helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)]), str(path))
    return w


def test_open_onnx_loads_network_and_weights(make_window, dialogs, tmp_path):
    path = tmp_path / "tiny.onnx"
    w = _write(path)
    win = make_window(Network(name="x"))
    assert win.files.open_path(str(path), ask=False)
    types = [n.type for n in win.doc.network.nodes]
    assert types == ["Input", "Conv2D", "ReLU", "Flatten"]
    np.testing.assert_array_equal(win.files.bundle.weights["conv.kernel"], w)
    assert win.files.path is None and win.files.is_dirty()  # Save asks where: never back into the .onnx
    assert dialogs.warnings == []


def test_open_unsupported_onnx_warns_in_one_line(make_window, dialogs, tmp_path):
    path = tmp_path / "bad.onnx"
    _write(path, bad=True)
    win = make_window(Network(name="x"))
    assert not win.files.open_path(str(path), ask=False)
    assert len(dialogs.warnings) == 1 and "group" in dialogs.warnings[0]
