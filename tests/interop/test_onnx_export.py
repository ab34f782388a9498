"""ONNX export: every layer type and preset, run by onnxruntime and compared with the engine."""
from __future__ import annotations

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")

from dlstudio.cli import main  # noqa: E402
from dlstudio.engine.model import Model  # noqa: E402
from dlstudio.io.onnx_export import (ExportError, export_onnx, network_to_onnx,  # noqa: E402
                                     onnxruntime_outputs)
from dlstudio.spec import Network  # noqa: E402
from dlstudio.zoo import PRESETS  # noqa: E402

TOL = 1e-4
FULL = ("alexnet-full", "googlenet-full", "resnet18-full", "resnet50-full")


def random_weights(model: Model, seed: int = 0) -> dict[str, np.ndarray]:
    """Seeded random weights, BatchNorm moving statistics included (variances positive)."""
    rng = np.random.default_rng(seed)
    out = {}
    for name, w in model.weights().items():
        if name.endswith("moving_var"):
            out[name] = rng.uniform(0.5, 2.0, w.shape).astype(np.float32)
        elif name.endswith(("gamma", "moving_mean", "beta")):
            out[name] = (rng.standard_normal(w.shape) * 0.3 + (1.0 if name.endswith("gamma") else 0.0)).astype(np.float32)
        else:  # keep the scale of the initialiser, but not its values (biases become non-zero too)
            scale = float(np.std(w)) or 0.1
            out[name] = (rng.standard_normal(w.shape) * scale).astype(np.float32)
    return out


def difference(net: Network, batch: int = 3, seed: int = 0) -> tuple[float, float]:
    """(max |onnxruntime − engine|, max |engine|) on a seeded random batch."""
    model = Model(net, seed=seed)
    w = random_weights(model, seed)
    model.set_weights(w)
    proto = network_to_onnx(net, w)
    x = np.random.default_rng(seed + 1).standard_normal((batch, *model.input_shape)).astype(np.float32)
    ref = model.predict(x)
    got = onnxruntime_outputs(proto, x)
    assert got.shape == ref.shape and got.dtype == np.float32
    return float(np.max(np.abs(got - ref))), float(np.max(np.abs(ref)))


def assert_close(net: Network, batch: int = 3) -> float:
    diff, scale = difference(net, batch)
    assert diff <= TOL * max(1.0, scale), f"{net.name}: max |diff| {diff:.3g} (outputs up to {scale:.3g})"
    return diff


def chain(shape, *layers, name="t") -> Network:
    net = Network(name=name)
    net.add("in", "Input", {"shape": list(shape)})
    prev = "in"
    for i, (type_, params) in enumerate(layers):
        nid = f"{type_.lower()}{i}"
        net.add(nid, type_, params, after=prev)
        prev = nid
    return net


def preset_network(name: str) -> Network:
    from dlstudio.summary import network_for_summary
    p = PRESETS[name]
    return p.build(p.default_shape, p.default_outputs) if p.default_data is None else network_for_summary(name, None)


# ---- presets ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name", [n for n in sorted(PRESETS) if n not in FULL])
def test_small_presets_match_the_engine(name):
    assert_close(preset_network(name), batch=3)


@pytest.mark.slow
@pytest.mark.parametrize("name", FULL)
def test_full_size_presets_match_the_engine_at_batch_1(name):
    diff, scale = difference(preset_network(name), batch=1)
    assert diff <= TOL * max(1.0, scale), f"{name}: max |diff| {diff:.3g} (outputs up to {scale:.3g})"


# ---- every layer type on odd shapes --------------------------------------------------------------
CONV_CASES = [
    dict(filters=4, kernel_size=3, strides=1, padding="same"),
    dict(filters=3, kernel_size=[4, 2], strides=2, padding="same"),      # odd totals, odd pixel bottom/right
    dict(filters=5, kernel_size=3, strides=3, padding="same"),
    dict(filters=2, kernel_size=[3, 5], strides=[2, 3], padding="valid"),
    dict(filters=3, kernel_size=3, strides=2, padding=[[0, 2], [3, 1]]),  # asymmetric explicit
    dict(filters=3, kernel_size=2, strides=1, padding=[[3, 0], [0, 4]], use_bias=False),  # pads > kernel
]


@pytest.mark.parametrize("params", CONV_CASES)
def test_conv2d(params):
    assert_close(chain((3, 11, 9), ("Conv2D", params)))


POOL_CASES = [
    dict(pool_size=2),
    dict(pool_size=3, strides=2, padding="same"),
    dict(pool_size=[2, 3], strides=[3, 2], padding="same"),
    dict(pool_size=3, strides=2, padding=[[1, 2], [0, 1]]),
    dict(pool_size=2, strides=1, padding=[[2, 0], [1, 3]]),              # pads ≥ window: Pad node
    dict(pool_size=2, strides=2, padding=[[3, 0], [0, 3]]),              # windows wholly in padding
    dict(pool_size=3, strides=2, padding="valid", ceil_mode=True),
    dict(pool_size=3, strides=2, padding=[[1, 1], [0, 1]], ceil_mode=True),
    dict(pool_size=2, strides=2, padding=[[2, 0], [0, 2]], ceil_mode=True),
]


@pytest.mark.parametrize("params", POOL_CASES)
@pytest.mark.parametrize("kind", ["MaxPool2D", "AvgPool2D"])
def test_pools_at_the_borders(kind, params):
    assert_close(chain((2, 9, 8), (kind, params)))


@pytest.mark.parametrize("params", [dict(pool_size=3, strides=2, padding=[[1, 1], [1, 0]]),
                                    dict(pool_size=2, strides=1, padding=[[2, 0], [0, 3]]),
                                    dict(pool_size=3, strides=2, padding=[[1, 1], [0, 1]], ceil_mode=True)])
def test_avgpool_count_include_pad(params):
    assert_close(chain((2, 9, 8), ("AvgPool2D", {**params, "count_include_pad": True})))


def test_avg_pool_averages_real_elements_only():
    """A hand-checked border: a 2×2 average over a corner with one real pixel is that pixel."""
    net = chain((1, 3, 3), ("AvgPool2D", dict(pool_size=2, strides=2, padding=[[1, 0], [1, 0]])))
    x = np.arange(9, dtype=np.float32).reshape(1, 1, 3, 3)
    got = onnxruntime_outputs(network_to_onnx(net, {}), x)
    np.testing.assert_allclose(got[0, 0], [[0.0, 1.5], [4.5, 6.0]], atol=1e-6)


@pytest.mark.parametrize("shape, layers", [
    ((7,), [("Dense", {"units": 5}), ("BatchNorm", {"epsilon": 0.01}), ("ReLU", {})]),
    ((7,), [("Dense", {"units": 4, "use_bias": False}), ("LeakyReLU", {"alpha": 0.2}), ("Dropout", {"rate": 0.3}),
            ("Dense", {"units": 3}), ("Softmax", {})]),
    ((5, 6), [("Dense", {"units": 4}), ("BatchNorm", {}), ("ELU", {"alpha": 0.7}), ("Flatten", {})]),
    ((5, 6), [("Dense", {"units": 4, "use_bias": False}), ("Sigmoid", {}), ("Softmax", {})]),
    ((3, 7, 5), [("BatchNorm", {"epsilon": 1e-5}), ("Tanh", {}), ("Identity", {}), ("GlobalAvgPool2D", {})]),
    ((3, 7, 5), [("Conv2D", {"filters": 4, "padding": "same"}), ("BatchNorm", {}), ("ELU", {}), ("Flatten", {}),
                 ("Dense", {"units": 3})]),
])
def test_core_activation_and_norm_layers(shape, layers):
    assert_close(chain(shape, *layers))


@pytest.mark.parametrize("type_", ["SimpleRNN", "LSTM"])
@pytest.mark.parametrize("return_sequences", [True, False])
def test_recurrent_layers(type_, return_sequences):
    assert_close(chain((7, 3), (type_, {"units": 5, "return_sequences": return_sequences})), batch=4)


def test_stacked_recurrent_layers():
    assert_close(chain((6, 4), ("LSTM", {"units": 3, "return_sequences": True}),
                       ("SimpleRNN", {"units": 4, "return_sequences": True}), ("Dense", {"units": 2})))


def test_lstm_gates_are_reordered_for_onnx():
    """ONNX LSTM W holds the gates i, o, f, c; the engine's kernel holds i, f, g, o."""
    net = chain((4, 2), ("LSTM", {"units": 3}))
    m = Model(net)
    w = random_weights(m)
    proto = network_to_onnx(net, w)
    inits = {t.name: onnx.numpy_helper.to_array(t) for t in proto.graph.initializer}
    k = w["lstm0.kernel"]
    W = inits["lstm0.kernel"][0]
    assert W.shape == (12, 2)
    np.testing.assert_array_equal(W[0:3], k[:, 0:3].T)     # i
    np.testing.assert_array_equal(W[3:6], k[:, 9:12].T)    # o
    np.testing.assert_array_equal(W[6:9], k[:, 3:6].T)     # f
    np.testing.assert_array_equal(W[9:12], k[:, 6:9].T)    # c (the engine's g)
    assert inits["lstm0.bias"].shape == (1, 24) and not inits["lstm0.bias"][0, 12:].any()


def _merge_net(kind: str, shape) -> Network:
    net = Network(name="merge")
    net.add("in", "Input", {"shape": list(shape)})
    if len(shape) == 3:
        for i, f in enumerate((2, 3, 2)):
            net.add(f"b{i}", "Conv2D", {"filters": 2 if kind == "Add" else f, "kernel_size": 1}, after="in")
    else:
        for i, f in enumerate((2, 3, 2)):
            net.add(f"b{i}", "Dense", {"units": 2 if kind == "Add" else f}, after="in")
    net.add("merge", kind, {})
    for i in range(3):
        net.connect(f"b{i}", "merge")
    return net


@pytest.mark.parametrize("kind", ["Add", "Concatenate"])
@pytest.mark.parametrize("shape", [(3, 5, 4), (6,), (4, 5)])
def test_merge_layers_with_three_inputs(kind, shape):
    assert_close(_merge_net(kind, shape))


def test_every_catalogue_type_has_a_converter():
    from dlstudio.io.onnx_ops import CONVERTERS
    from dlstudio.spec import all_types
    assert set(all_types()) - {"Input"} <= set(CONVERTERS)


# ---- the model itself --------------------------------------------------------------------------
def test_model_structure_names_and_dynamic_batch(tmp_path):
    net = preset_network("lenet5")
    model = Model(net, seed=3)
    proto = export_onnx(net, model.weights(), tmp_path / "lenet.onnx")
    loaded = onnx.load(str(tmp_path / "lenet.onnx"))
    onnx.checker.check_model(loaded, full_check=True)
    assert loaded.opset_import[0].version >= 17
    (inp,), (out,) = loaded.graph.input, loaded.graph.output
    assert inp.name == model.input_id and out.name == model.output_id
    assert inp.type.tensor_type.shape.dim[0].dim_param == "batch"
    assert {n.name for n in loaded.graph.node} >= {n.id for n in net.nodes if n.type != "Input"}
    assert {t.name for t in loaded.graph.initializer} >= set(model.weights())
    assert proto.graph.name == net.name
    for batch in (1, 5):
        x = np.random.default_rng(batch).standard_normal((batch, *model.input_shape)).astype(np.float32)
        np.testing.assert_allclose(onnxruntime_outputs(tmp_path / "lenet.onnx", x), model.predict(x), atol=TOL)


def test_refusals_name_the_node():
    net = chain((4,), ("Dense", {"units": 3}))
    net.add("other", "Dense", {"units": 2}, after="in")
    with pytest.raises(ExportError, match="exactly one output"):
        network_to_onnx(net)
    m = Model(chain((4,), ("Dense", {"units": 3})))
    with pytest.raises(ExportError, match="dense0.kernel"):
        network_to_onnx(m.network, {"dense0.bias": np.zeros(3, np.float32)})
    with pytest.raises(ExportError, match="shape"):
        network_to_onnx(m.network, {"dense0.kernel": np.zeros((3, 3), np.float32),
                                    "dense0.bias": np.zeros(3, np.float32)})


def test_unknown_layer_type_names_the_node(monkeypatch):
    from dlstudio.io import onnx_ops
    monkeypatch.delitem(onnx_ops.CONVERTERS, "Tanh")
    with pytest.raises(ExportError, match="Tanh 'tanh0'"):
        network_to_onnx(chain((4,), ("Tanh", {})))


# ---- trained model and the command line --------------------------------------------------------
@pytest.fixture(scope="module")
def trained_dls(tmp_path_factory):
    """An MLP trained one epoch by the engine and saved as a .dls."""
    from dlstudio.run import prepare
    path = tmp_path_factory.mktemp("trained") / "lenet.dls"
    run = prepare("mlp", "digits", epochs=1, batch_size=64)
    run.trainer.run(1)
    run.save(path)
    return path, run


def test_trained_model_exports_its_trained_weights(trained_dls, tmp_path):
    from dlstudio.run import model_for_inference
    path, run = trained_dls
    out = tmp_path / "m.onnx"
    assert main(["export", str(path), str(out)]) == 0
    model, bundle = model_for_inference(str(path))
    fresh = Model(model.network, seed=0).weights()
    trained = model.weights()
    assert any(not np.array_equal(trained[k], fresh[k]) for k in trained)
    inits = {t.name: onnx.numpy_helper.to_array(t) for t in onnx.load(str(out)).graph.initializer}
    for k, v in trained.items():
        np.testing.assert_array_equal(inits[k], v)
    x = run.val.x[:20]
    np.testing.assert_allclose(onnxruntime_outputs(out, x), model.predict(x), atol=TOL)


def test_cli_exports_a_preset(tmp_path, capsys):
    out = tmp_path / "lenet.onnx"
    assert main(["export", "lenet5", str(out)]) == 0
    err = capsys.readouterr()
    assert "fresh" in (err.out + err.err)
    loaded = onnx.load(str(out))
    assert [d.dim_value for d in loaded.graph.input[0].type.tensor_type.shape.dim[1:]] == [1, 28, 28]


def test_cli_preset_adapts_to_data(tmp_path):
    out = tmp_path / "mlp.onnx"
    assert main(["export", "mlp", str(out), "--data", "spirals"]) == 0
    g = onnx.load(str(out)).graph
    assert [d.dim_value for d in g.input[0].type.tensor_type.shape.dim[1:]] == [2]


def test_cli_json_network(tmp_path):
    net = chain((6,), ("Dense", {"units": 3}), ("Softmax", {}))
    spec = tmp_path / "net.json"
    spec.write_text(net.to_json(), encoding="utf-8")
    out = tmp_path / "net.onnx"
    assert main(["export", str(spec), str(out)]) == 0
    y = onnxruntime_outputs(out, np.ones((2, 6), np.float32))
    np.testing.assert_allclose(y.sum(axis=1), 1.0, atol=1e-6)  # probabilities


@pytest.mark.parametrize("argv, message", [
    (["export", "no-such-preset", "x.onnx"], "unknown network"),
    (["export", "lenet5", "x.txt"], "--to"),
    (["export", "lenet5", "x.onnx", "--to", "keras"], "invalid choice"),
    (["export", "missing.dls", "x.onnx"], "missing.dls"),
])
def test_cli_errors_exit_2(tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    try:
        code = main(argv)
    except SystemExit as e:  # argparse's own errors (usage, then one error line)
        code = e.code
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert len([line for line in err.splitlines() if line.startswith("dlstudio: error:")]) == 1
    assert not list(tmp_path.iterdir())


def test_cli_unwritable_output_exit_2(tmp_path, capsys):
    assert main(["export", "mlp", str(tmp_path / "no" / "such" / "dir.onnx")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_missing_onnx_package_says_how_to_install(tmp_path, monkeypatch, capsys):
    import sys
    monkeypatch.setitem(sys.modules, "onnx", None)  # import onnx now raises ImportError
    assert main(["export", "mlp", str(tmp_path / "m.onnx")]) == 2
    err = capsys.readouterr().err
    assert "pip install 'dlstudio[onnx]'" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "m.onnx").exists()
