"""ONNX import: models written with onnx.helper, compared with onnxruntime within 1e-4."""
import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from dlstudio.engine.model import Model  # noqa: E402
from dlstudio.io.onnx_import import OnnxImportError, import_model  # noqa: E402

RNG = np.random.default_rng(0)


def _model(nodes, x_shape, y_name, inits, opset=17):
    g = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", *x_shape])],
                          [helper.make_tensor_value_info(y_name, TensorProto.FLOAT, None)],
                          [numpy_helper.from_array(v.astype(np.float32), k) for k, v in inits.items()])
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)])


def _parity(m, x_shape, n=3, reference=False):
    x = RNG.standard_normal((n, *x_shape)).astype(np.float32)
    if reference:  # onnxruntime does not run layout=1 recurrent nodes: ONNX's reference evaluator
        from onnx.reference import ReferenceEvaluator
        ref = ReferenceEvaluator(m).run(None, {"x": x})[0]
    else:
        sess = ort.InferenceSession(m.SerializeToString(), providers=["CPUExecutionProvider"])
        ref = sess.run(None, {"x": x})[0]
    net, w = import_model(m)
    model = Model(net)
    model.set_weights(w)
    got = model.predict(x)
    assert got.shape == ref.reshape(len(x), -1).shape or got.shape == ref.shape
    diff = float(np.abs(got.reshape(ref.shape) - ref).max())
    assert diff < 1e-4, diff
    return net


def _w(*s):
    return RNG.standard_normal(s).astype(np.float32) * 0.3


@pytest.mark.parametrize("attrs", [
    dict(auto_pad="SAME_UPPER", strides=[2, 2]), dict(auto_pad="SAME_LOWER", strides=[2, 2]),
    dict(auto_pad="VALID"), dict(pads=[1, 0, 2, 1], strides=[2, 1])])
def test_conv_padding(attrs):
    m = _model([helper.make_node("Conv", ["x", "W", "B"], ["y"], kernel_shape=[3, 3], **attrs)],
               [2, 7, 8], "y", {"W": _w(4, 2, 3, 3), "B": _w(4)})
    _parity(m, [2, 7, 8])


@pytest.mark.parametrize("op,attrs", [
    ("MaxPool", dict(kernel_shape=[3, 3], strides=[2, 2], ceil_mode=1)),
    ("MaxPool", dict(kernel_shape=[2, 2], pads=[1, 1, 0, 0], strides=[2, 2])),
    ("AveragePool", dict(kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1])),
    ("AveragePool", dict(kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1], count_include_pad=1)),
    ("AveragePool", dict(kernel_shape=[3, 3], strides=[2, 2], pads=[1, 0, 1, 0], count_include_pad=1,
                         ceil_mode=1)),
    ("AveragePool", dict(kernel_shape=[2, 2], strides=[2, 2], ceil_mode=1)),
    ("MaxPool", dict(kernel_shape=[3, 3], strides=[2, 2], auto_pad="SAME_UPPER"))])
def test_pools(op, attrs):
    _parity(_model([helper.make_node(op, ["x"], ["y"], **attrs)], [2, 8, 7], "y", {}), [2, 8, 7])


def test_gemm_softmax_bn_activations():
    nodes = [helper.make_node("BatchNormalization", ["x", "s", "b", "m", "v"], ["bn"], epsilon=1e-5),
             helper.make_node("Gemm", ["bn", "B", "C"], ["g"], transB=1, alpha=0.5, beta=2.0),
             helper.make_node("LeakyRelu", ["g"], ["l"], alpha=0.2),
             helper.make_node("MatMul", ["l", "M"], ["mm"]), helper.make_node("Add", ["mm", "c2"], ["a"]),
             helper.make_node("Elu", ["a"], ["e"]), helper.make_node("Softmax", ["e"], ["y"], axis=1)]
    inits = {"s": _w(5) + 1, "b": _w(5), "m": _w(5), "v": np.abs(_w(5)) + 0.5, "B": _w(6, 5), "C": _w(6),
             "M": _w(6, 4), "c2": _w(4)}
    net = _parity(_model(nodes, [5], "y", inits, opset=11), [5])
    assert [n.type for n in net.nodes] == ["Input", "BatchNorm", "Dense", "LeakyReLU", "Dense", "ELU", "Softmax"]


def test_resnet_block_concat_gap_flatten():
    nodes = [helper.make_node("Conv", ["x", "W1"], ["c1"], kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
             helper.make_node("Relu", ["c1"], ["r1"]), helper.make_node("Add", ["r1", "x"], ["a"]),
             helper.make_node("Concat", ["a", "x"], ["cat"], axis=1),
             helper.make_node("GlobalAveragePool", ["cat"], ["gp"]), helper.make_node("Flatten", ["gp"], ["f"]),
             helper.make_node("Sigmoid", ["f"], ["y"])]
    _parity(_model(nodes, [3, 6, 6], "y", {"W1": _w(3, 3, 3, 3)}), [3, 6, 6])


@pytest.mark.parametrize("layout", [0, 1])
def test_lstm_and_rnn(layout):
    t, f, h = 5, 3, 4
    x_in = "x" if layout else "xt"
    pre = [] if layout else [helper.make_node("Transpose", ["x"], ["xt"], perm=[1, 0, 2])]
    nodes = pre + [helper.make_node("RNN", [x_in, "Wr", "Rr", "Br"], ["ry", ""], hidden_size=h, layout=layout),
                   helper.make_node("Squeeze", ["ry", "ax"], ["rs"]),
                   helper.make_node("LSTM", ["rs", "W", "R", "B"], ["", "yh", ""], hidden_size=h, layout=layout),
                   helper.make_node("Squeeze", ["yh", "ax0"], ["y"])]
    inits = {"Wr": _w(1, h, f), "Rr": _w(1, h, h), "Br": _w(1, 2 * h), "W": _w(1, 4 * h, h), "R": _w(1, 4 * h, h),
             "B": _w(1, 8 * h), "ax": np.array([2 if layout else 1]), "ax0": np.array([1 if layout else 0])}
    g = _model(nodes, [t, f], "y", {})
    g.graph.initializer.extend([numpy_helper.from_array(v.astype(np.int64 if k.startswith("ax") else np.float32), k)
                                for k, v in inits.items()])
    g.opset_import[0].version = 17
    net = _parity(g, [t, f], reference=bool(layout))
    assert [n.type for n in net.nodes] == ["Input", "SimpleRNN", "LSTM"]


@pytest.mark.parametrize("node,inits,words", [
    (helper.make_node("Conv", ["x", "W"], ["y"], dilations=[2, 2]), {"W": _w(2, 2, 3, 3)}, "dilations"),
    (helper.make_node("Conv", ["x", "W"], ["y"], group=2), {"W": _w(2, 1, 3, 3)}, "group"),
    (helper.make_node("Add", ["x", "c"], ["y"]), {"c": _w(2, 6, 6)}, "constant operand of Add"),
    (helper.make_node("Softmax", ["x"], ["y"], axis=1), {}, "axis"),
    (helper.make_node("Gelu", ["x"], ["y"]), {}, "not supported"),
])
def test_refusals_name_node_op_attribute(node, inits, words):
    node.name = "bad"
    with pytest.raises(OnnxImportError) as e:
        import_model(_model([node], [2, 6, 6], "y", inits, opset=20))
    msg = str(e.value)
    assert "'bad'" in msg and node.op_type in msg and words in msg and "\n" not in msg


def test_bidirectional_lstm_refused():
    n = helper.make_node("LSTM", ["x", "W", "R"], ["", "yh"], hidden_size=2, direction="bidirectional", name="l")
    with pytest.raises(OnnxImportError, match="direction"):
        import_model(_model([n], [3, 2], "yh", {"W": _w(2, 8, 2), "R": _w(2, 8, 2)}, opset=17))


def test_cli_spec_and_refusal_exit_code(tmp_path, capsys):
    from dlstudio.cli import main
    m = _model([helper.make_node("Flatten", ["x"], ["f"]), helper.make_node("Gemm", ["f", "B"], ["y"])],
               [1, 8, 8], "y", {"B": _w(64, 10)})
    p = tmp_path / "m.onnx"
    onnx.save(m, str(p))
    assert main(["summary", str(p)]) == 0
    assert "Dense" in capsys.readouterr().out
    bad = tmp_path / "bad.onnx"
    onnx.save(_model([helper.make_node("Conv", ["x", "W"], ["y"], group=2, name="c")], [2, 6, 6], "y",
                     {"W": _w(2, 1, 3, 3)}), str(bad))
    assert main(["summary", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "group" in err and "Traceback" not in err


def test_onnx_spec_predict_evaluate_train(tmp_path, capsys):
    from dlstudio.cli import main
    from dlstudio.run import load_data
    m = _model([helper.make_node("Flatten", ["x"], ["f"]), helper.make_node("Gemm", ["f", "B", "C"], ["g"]),
                helper.make_node("Softmax", ["g"], ["y"], axis=-1)], [1, 8, 8], "y", {"B": _w(64, 10), "C": _w(10)})
    p = tmp_path / "m.onnx"
    onnx.save(m, str(p))
    pred = tmp_path / "p.npy"
    assert main(["predict", str(p), "--data", "digits", "--out", str(pred)]) == 0
    x = load_data("digits").x
    ref = ort.InferenceSession(str(p), providers=["CPUExecutionProvider"]).run(None, {"x": x.astype(np.float32)})[0]
    assert float(np.abs(np.load(pred) - ref).max()) < 1e-4
    assert main(["evaluate", str(p), "--data", "digits", "--json"]) == 0
    assert '"accuracy"' in capsys.readouterr().out
    out = tmp_path / "tuned.dls"
    assert main(["train", str(p), "--data", "digits", "--epochs", "1", "--out", str(out)]) == 0
    assert out.is_file() and p.read_bytes() == m.SerializeToString()
    # fine-tuning starts from the imported weights: with a vanishing learning rate the tuned model
    # still predicts what onnxruntime does (a re-initialised one would not)
    still = tmp_path / "still.dls"
    assert main(["train", str(p), "--data", "digits", "--epochs", "1", "--lr", "1e-12",
                 "--out", str(still)]) == 0
    pred2 = tmp_path / "p2.npy"
    assert main(["predict", str(still), "--data", "digits", "--out", str(pred2)]) == 0
    assert float(np.abs(np.load(pred2) - ref).max()) < 1e-4


@pytest.mark.parametrize("preset", ["mlp", "lenet5", "inception", "resnet", "rnn", "lstm", "lstm-stacked"])
def test_export_import_export_round_trip(preset):
    from dlstudio.io.onnx_export import network_to_onnx, onnxruntime_outputs
    from dlstudio.zoo import PRESETS, build_preset
    from dlstudio.data import load_dataset
    p = PRESETS[preset]
    ds = load_dataset(p.default_data) if p.default_data else None
    net = (build_preset(preset, ds.sample_shape, 3 if ds.task == "classification" else int(np.prod(ds.target_shape or (1,))))[0]
           if ds is not None else p.build(p.default_shape, p.default_outputs))
    weights = Model(net, seed=1).weights()
    first = network_to_onnx(net, weights)
    net2, w2 = import_model(first)
    second = network_to_onnx(net2, w2)
    shape = [d.dim_value for d in first.graph.input[0].type.tensor_type.shape.dim[1:]]
    x = RNG.standard_normal((2, *shape)).astype(np.float32)
    a, b = onnxruntime_outputs(first, x), onnxruntime_outputs(second, x)
    model = Model(net2)
    model.set_weights(w2)
    assert float(np.abs(a - b).max()) < 1e-4 and float(np.abs(model.predict(x) - a).max()) < 1e-4
    assert [n.type for n in net2.nodes if n.type != "Dropout"] == [n.type for n in net.nodes if n.type != "Dropout"]
