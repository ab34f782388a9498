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


def _write_dense(path):
    """A 2 → 2 Gemm (a Dense layer) that fits the xor data: its weights must survive Save and Train."""
    rng = np.random.default_rng(1)
    w, b = rng.standard_normal((2, 2)).astype(np.float32), rng.standard_normal(2).astype(np.float32)
    g = helper.make_graph([helper.make_node("Gemm", ["x", "W", "B"], ["y"], transB=1, name="fc")], "xorfc",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 2])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 2])],
                          [numpy_helper.from_array(w, "W"), numpy_helper.from_array(b, "B")])
    onnx.save(helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)]), str(path))
    return w


def test_save_as_of_an_imported_onnx_offers_a_model_file_beside_it_and_keeps_the_weights(
        make_window, dialogs, tmp_path):
    path = tmp_path / "tiny.onnx"
    w = _write(path)
    win = make_window(Network(name="x"))
    assert win.files.open_path(str(path), ask=False)
    assert "tiny.onnx" in win.files.display_name() and "imported" in win.files.display_name()
    dialogs.answers["save"].append(str(tmp_path / "tiny.dls"))
    assert win.files.save()
    assert dialogs.save_suggestions == [str(tmp_path / "tiny.dls")]  # not "<network>.json" in the home folder
    assert not win.files.is_dirty() and win.files.path == str(tmp_path / "tiny.dls")
    assert win.files.open_path(str(tmp_path / "tiny.dls"), ask=False)
    np.testing.assert_array_equal(win.files.bundle.weights["conv.kernel"], w)
    assert win.files.has_pretrained() and not win.files.has_training()  # the .dls remembers where they came from


def test_training_an_imported_onnx_fine_tunes_its_weights_and_restart_starts_fresh(
        make_window, dialogs, qtbot, tmp_path):
    from training_helpers import Yes, ready, run
    path = tmp_path / "fc.onnx"
    w = _write_dense(path)
    win = make_window(Network(name="x"))
    assert win.files.open_path(str(path), ask=False)
    c = ready(win, qtbot, epochs=1)
    assert c.start_kind() == "fine-tune"
    assert c.hub.panel.start_button.text() == "Fine-tune" and win.acts.train_restart.isEnabled()
    jobs = []
    c._sigRunJob.connect(jobs.append)
    run(c, qtbot)
    start = jobs[-1].bundle
    assert start is not None
    np.testing.assert_array_equal(start.weights["fc.kernel"], w.T)  # started from the imported weights
    assert win.files.has_training() and c.start_kind() == "continue"
    dialogs.answers["question"].append(Yes)  # "the weights trained so far are not saved": start again anyway
    run(c, qtbot, fresh=True)
    assert jobs[-1].bundle is None  # Restart: fresh weights
