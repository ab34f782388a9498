"""The Reshape layer: its setting's checks, shape inference, costs, the Conv2D-after-Dense hint,
forward against NumPy, backward against finite differences, and a .dls round trip."""
import json

import numpy as np
import pytest
from gradcheck import check_layer

from dlstudio.engine.model import Model
from dlstudio.spec import Network, all_types, analyze


def reshape_net(in_shape, target):
    return Network().add("in", "Input", {"shape": list(in_shape)}).add("r", "Reshape", {"shape": target},
                                                                        after="in")


def problem_of(net, node="r") -> str:
    a = analyze(net)
    found = [p.message for p in a.problems if p.node == node]
    assert found, a.problems
    return str(found[0])


# ---- spec -------------------------------------------------------------------------------------
@pytest.mark.parametrize("in_shape,target,out", [
    ((64,), [4, 4, 4], (4, 4, 4)),
    ((784,), [1, 28, 28], (1, 28, 28)),
    ((16, 5, 5), [-1], (400,)),
    ((16, 5, 5), [20, -1], (20, 20)),
    ((2, 3, 4), [3, -1, 2], (3, 4, 2)),
    ((6,), [6], (6,)),
])
def test_shapes_are_inferred_with_no_params_or_flops(in_shape, target, out):
    a = analyze(reshape_net(in_shape, target))
    assert a.ok, a.problems
    assert a.shapes["r"] == out
    c = a.costs["r"]
    assert (c.params, c.macs, c.flops) == (0, 0, 0)


def test_the_element_count_must_match():
    assert problem_of(reshape_net((64,), [4, 5, 5])) == \
        "Reshape to [4, 5, 5] needs 100 values per sample, the input has 64"
    assert problem_of(reshape_net((64,), [-1, 3])) == \
        "Reshape to [-1, 3] needs a multiple of 3 values per sample, the input has 64"


@pytest.mark.parametrize("target,words", [
    ([-1, -1, 4], "only one size (one -1)"),
    ([0, 64], "positive sizes (one may be -1"),
    ([-2, 32], "positive sizes (one may be -1"),
    ([4.0, 16], "positive sizes"),
    ([float("nan")], "positive sizes"),
    ([float("inf")], "positive sizes"),
    ([True, 64], "positive sizes"),
    ([], "positive sizes"),
    ("4x16", "positive sizes"),
    ([10 ** 20], "at most 1e+15"),
    ([1, 1, 4, 16], "a vector [F], a sequence [T, F] or an image [C, H, W]"),
])
def test_bad_targets_are_one_line_problems(target, words):
    msg = problem_of(reshape_net((64,), target))
    assert words in msg and "\n" not in msg


def test_input_shapes_still_refuse_minus_one():
    net = Network().add("in", "Input", {"shape": [-1, 4]}).add("d", "Dense", {"units": 2}, after="in")
    assert "positive sizes, got" in problem_of(net, "in")


def test_it_is_in_the_core_group_with_a_shape_setting():
    lt = all_types()["Reshape"]
    assert lt.group == "Core" and lt.help and lt.summary_keys == ("shape",)
    (p,) = lt.schema.params
    assert p.name == "shape" and p.kind == "shape"   # Input's param kind: the same editor
    assert lt.schema.normalize({}, "r") == {"shape": (-1,)}


@pytest.mark.parametrize("layer", ["Conv2D", "MaxPool2D"])
def test_an_image_layer_after_a_vector_suggests_a_reshape(layer):
    net = Network().add("in", "Input", {"shape": [8]}).add("d", "Dense", {"units": 784}, after="in")
    net.add("c", layer, {}, after="d")
    assert "insert a Reshape to [1, 28, 28] before it, or use an Input of shape [C, H, W]" in problem_of(net, "c")
    net.node("d").params["units"] = 3 * 32 * 32
    assert "insert a Reshape to [3, 32, 32] before it" in problem_of(net, "c")
    net.node("d").params["units"] = 10                    # no square image: the generic advice
    assert "insert a Reshape to [C, H, W] before it" in problem_of(net, "c")


def test_following_the_suggestion_fixes_the_network():
    net = Network().add("in", "Input", {"shape": [8]}).add("d", "Dense", {"units": 784}, after="in")
    net.add("r", "Reshape", {"shape": [1, 28, 28]}, after="d").add("c", "Conv2D", {"filters": 2}, after="r")
    a = analyze(net)
    assert a.ok and a.shapes["c"] == (2, 26, 26)


# ---- engine -----------------------------------------------------------------------------------
@pytest.mark.parametrize("in_shape,target", [((12,), [3, 4]), ((2, 3, 4), [4, -1]), ((24,), [2, 3, 4]),
                                             ((4, 6), [-1])])
def test_gradients_match_finite_differences(in_shape, target):
    check_layer("Reshape", {"shape": target}, in_shape)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_forward_is_numpy_reshape_and_backward_reshapes_back(dtype):
    model = Model(reshape_net((2, 3, 4), [4, -1, 2]), dtype=dtype)
    x = np.random.default_rng(0).standard_normal((5, 2, 3, 4)).astype(dtype)
    y = model.forward(x, training=True)
    assert y.dtype == dtype and y.shape == (5, 4, 3, 2)
    for i in range(5):                       # per sample, row-major, as NumPy does it
        np.testing.assert_array_equal(y[i], np.reshape(x[i], (4, 3, 2)))
    d = np.arange(y.size, dtype=dtype).reshape(y.shape)
    (dx,) = model.layers["r"].backward(d)
    assert dx.shape == x.shape
    np.testing.assert_array_equal(dx.reshape(-1), d.reshape(-1))


def test_a_dense_to_conv_network_trains_and_round_trips_through_a_dls(tmp_path):
    from dlstudio.io import load_model
    from dlstudio.run import prepare
    doc = {"format": "dlstudio-network", "version": 1, "name": "unflatten", "nodes": [
        {"id": "in", "type": "Input", "params": {"shape": [1, 8, 8]}},
        {"id": "flat", "type": "Flatten"},
        {"id": "fc", "type": "Dense", "params": {"units": 32}},
        {"id": "unflat", "type": "Reshape", "params": {"shape": [2, -1, 4]}},
        {"id": "conv", "type": "Conv2D", "params": {"filters": 4, "kernel_size": 3, "padding": "same"}},
        {"id": "act", "type": "ReLU"}, {"id": "flat2", "type": "Flatten"},
        {"id": "out", "type": "Dense", "params": {"units": 10}}],
        "edges": [["in", "flat"], ["flat", "fc"], ["fc", "unflat"], ["unflat", "conv"], ["conv", "act"],
                  ["act", "flat2"], ["flat2", "out"]]}
    spec = tmp_path / "net.json"
    spec.write_text(json.dumps(doc))
    run = prepare(str(spec), "digits:8", epochs=1, batch_size=32)
    before = run.model.weights()["fc.kernel"].copy()
    last = run.trainer.run(1)
    assert last["epoch"] == 1 and np.isfinite(last["train_loss"])
    assert not np.array_equal(run.model.weights()["fc.kernel"], before)   # gradients flow through it
    path = tmp_path / "unflat.dls"
    run.save(path)
    loaded = load_model(path)
    assert loaded.network == run.network.to_dict()
    assert next(n for n in loaded.network["nodes"] if n["id"] == "unflat")["params"] == {"shape": [2, -1, 4]}
    model = Model(Network.from_dict(loaded.network))
    model.set_weights(loaded.weights)
    x = run.dataset.x[:7]
    np.testing.assert_array_equal(model.predict(x), run.model.predict(x))
