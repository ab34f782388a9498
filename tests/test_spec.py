"""The network document, shape inference and cost counting — with the literature's numbers."""
import json

import pytest

from dlstudio.spec import DocumentError, Network, analyze, all_types
from dlstudio.spec.layers.conv import resolve_padding, window_output_size


def net1(input_shape, type_, params=None):
    return Network().add("in", "Input", {"shape": list(input_shape)}).add("x", type_, params or {}, after="in")


def cost_of(input_shape, type_, params=None):
    a = analyze(net1(input_shape, type_, params))
    assert a.ok, a.problems
    return a.shapes["x"], a.costs["x"]


# ---- known numbers -------------------------------------------------------------------------
def test_conv_100_filters_3x3_same_on_32x32x3():
    shape, c = cost_of((3, 32, 32), "Conv2D", {"filters": 100, "kernel_size": 3, "strides": 1, "padding": "same"})
    assert shape == (100, 32, 32)
    assert c.params == 2_800
    assert c.macs == 2_764_800
    # 9 multiplies + 8 adds per channel window, 2 adds across the 3 channels, bias not counted
    assert c.flops == 32 * 32 * 100 * (3 * (9 + 8) + 2) == 5_427_200


def test_dense_5_to_10_has_60_parameters():
    shape, c = cost_of((5,), "Dense", {"units": 10})
    assert shape == (10,)
    assert c.params == 60 and c.macs == 50


def test_conv_3x3_from_3_to_64_channels_has_1792_parameters():
    _, c = cost_of((3, 224, 224), "Conv2D", {"filters": 64, "kernel_size": 3, "padding": "same"})
    assert c.params == 1_792


def test_lstm_and_rnn_parameter_counts():
    _, c = cost_of((10, 8), "LSTM", {"units": 16})
    assert c.params == 4 * (8 * 16 + 16 * 16 + 16)
    _, c = cost_of((10, 8), "SimpleRNN", {"units": 16, "return_sequences": True})
    assert c.params == 8 * 16 + 16 * 16 + 16


def test_batchnorm_counts_moving_statistics_as_non_trainable():
    _, c = cost_of((6, 4, 4), "BatchNorm")
    assert (c.trainable, c.non_trainable) == (12, 12)


# ---- output shapes (TensorFlow's rules) ----------------------------------------------------
@pytest.mark.parametrize("n,k,s,padding,expected", [
    (28, 5, 1, "valid", 24), (28, 5, 1, "same", 28), (7, 3, 2, "valid", 3), (7, 3, 2, "same", 4),
    (8, 3, 3, "same", 3), (5, 1, 1, "valid", 5), (10, 4, 3, "valid", 3),
    (6, 3, 1, ((1, 2), (0, 0)), 7), (5, 2, 2, ((0, 1), (0, 0)), 3),
])
def test_window_output_size(n, k, s, padding, expected):
    out = window_output_size((n, n), (k, k), (s, s), padding)
    assert out[0] == expected


def test_same_padding_puts_the_odd_pixel_at_the_bottom_right():
    # n=6, k=4, s=1: total padding 3 → 1 top, 2 bottom
    assert resolve_padding("same", (6, 6), (4, 4), (1, 1)) == ((1, 2), (1, 2))
    # n=7, k=3, s=2: out 4, total (4-1)*2+3-7 = 2 → 1, 1
    assert resolve_padding("same", (7, 7), (3, 3), (2, 2)) == ((1, 1), (1, 1))


def test_pool_strides_default_to_pool_size():
    shape, c = cost_of((3, 9, 9), "MaxPool2D", {"pool_size": 3})
    assert shape == (3, 3, 3)
    shape, _ = cost_of((3, 9, 9), "AvgPool2D", {"pool_size": 3, "strides": 2})
    assert shape == (3, 4, 4)


def test_rectangular_kernel_and_strides():
    shape, c = cost_of((2, 10, 12), "Conv2D", {"filters": 4, "kernel_size": [3, 5], "strides": [2, 3]})
    assert shape == (4, 4, 3)
    assert c.params == 4 * 2 * 3 * 5 + 4


def test_dense_applies_per_time_step_on_sequences():
    shape, c = cost_of((7, 3), "Dense", {"units": 5})
    assert shape == (7, 5) and c.params == 20 and c.macs == 7 * 15


def test_merge_shapes():
    net = (Network().add("in", "Input", {"shape": [4, 8, 8]})
           .add("a", "Conv2D", {"filters": 3, "padding": "same"}, after="in")
           .add("b", "Conv2D", {"filters": 5, "kernel_size": 1}, after="in")
           .add("cat", "Concatenate", after=["a", "b"])
           .add("c2", "Conv2D", {"filters": 4, "kernel_size": 1}, after="cat")
           .add("sum", "Add", after=["c2", "in"]))
    a = analyze(net)
    assert a.ok, a.problems
    assert a.shapes["cat"] == (8, 8, 8) and a.shapes["sum"] == (4, 8, 8)


# ---- problems name the node and say how to fix it ------------------------------------------
def test_kernel_larger_than_input_is_explained():
    a = analyze(net1((1, 3, 3), "Conv2D", {"kernel_size": 5}))
    assert len(a.problems) == 1
    p = a.problems[0]
    assert p.node == "x" and "5×5" in p.message and "3×3" in p.message and "padding='same'" in p.message


def test_dense_on_an_image_suggests_flatten():
    a = analyze(net1((1, 8, 8), "Dense", {"units": 3}))
    assert a.problems[0].node == "x" and "Flatten" in a.problems[0].message


def test_bad_params_are_reported_per_node():
    a = analyze(net1((4,), "Dense", {"units": 0}))
    assert a.problems[0].node == "x" and "units" in a.problems[0].message and "≥ 1" in a.problems[0].message
    a = analyze(net1((4,), "Dense", {"unitz": 3}))
    assert "unknown setting 'unitz'" in a.problems[0].message
    a = analyze(net1((1, 8, 8), "Conv2D", {"padding": "full"}))
    assert "'valid', 'same'" in a.problems[0].message


def test_downstream_of_a_problem_is_not_reported_twice():
    net = net1((1, 3, 3), "Conv2D", {"kernel_size": 5}).add("f", "Flatten", after="x")
    a = analyze(net)
    assert [p.node for p in a.problems] == ["x"]
    assert "f" not in a.shapes


def test_dangling_input_and_merge_mismatch():
    net = Network().add("in", "Input", {"shape": [3]}).add("d", "Dense", {"units": 2})
    a = analyze(net)
    assert a.problems[0].node == "d" and "no input" in a.problems[0].message
    net = (Network().add("in", "Input", {"shape": [3]}).add("a", "Dense", {"units": 2}, after="in")
           .add("s", "Add", after=["a", "in"]))
    a = analyze(net)
    assert a.problems[0].node == "s" and "[2]" in a.problems[0].message and "[3]" in a.problems[0].message


def test_two_inputs_into_a_single_input_layer():
    net = (Network().add("in", "Input", {"shape": [3]}).add("a", "Dense", {"units": 3}, after="in")
           .add("d", "Dense", {"units": 2}, after=["in", "a"]))
    a = analyze(net)
    assert a.problems[0].node == "d" and "Add or Concatenate" in a.problems[0].message


def test_cycle_is_detected():
    net = Network().add("in", "Input", {"shape": [3]}).add("a", "Dense", after="in").add("b", "ReLU", after="a")
    assert net.would_cycle("b", "a") and not net.would_cycle("a", "b")
    net.connect("b", "a")
    with pytest.raises(DocumentError, match="cycle"):
        net.topological_order()
    assert not analyze(net).ok


# ---- the document ---------------------------------------------------------------------------
def test_json_round_trip_keeps_everything():
    net = (Network(name="demo").add("in", "Input", {"shape": [1, 28, 28]}, pos=(0, 0))
           .add("c", "Conv2D", {"filters": 6, "kernel_size": 5, "padding": [[1, 2], [0, 1]]}, after="in", pos=(0, 90))
           .add("f", "Flatten", after="c").add("d", "Dense", {"units": 10}, after="f"))
    text = net.to_json()
    back = Network.from_json(text)
    assert back.to_dict() == net.to_dict()
    assert json.loads(text)["format"] == "dlstudio-network"


def test_design_doc_example_parses():
    doc = {"format": "dlstudio-network", "version": 1, "name": "LeNet-5",
           "nodes": [{"id": "in", "type": "Input", "params": {"shape": [1, 28, 28]}, "pos": [0, 0]},
                     {"id": "conv1", "type": "Conv2D", "params": {"filters": 6, "kernel_size": 5, "strides": 1, "padding": "same"}},
                     {"id": "act1", "type": "ReLU"}, {"id": "out", "type": "Dense", "params": {"units": 10}}],
           "edges": [["in", "conv1"], ["conv1", "act1"], ["act1", "out"]]}
    a = analyze(Network.from_dict(doc))
    assert a.shapes["conv1"] == (6, 28, 28)
    assert a.problems[0].node == "out"  # Dense on an image: the fix is a Flatten


@pytest.mark.parametrize("bad,match", [
    ([], "JSON object"), ({"format": "other"}, "not a network"), ({"version": 99, "nodes": []}, "newer"),
    ({"nodes": [{"id": 1}]}, "string 'id'"), ({"nodes": [], "edges": [["a", "b"]]}, "unknown node"),
    ({"nodes": [{"id": "a", "type": "ReLU"}, {"id": "a", "type": "ReLU"}]}, "used twice"),
    ({"nodes": [{"id": "a", "type": "ReLU", "pos": "x"}]}, "pos"),
])
def test_malformed_documents(bad, match):
    with pytest.raises(DocumentError, match=match):
        Network.from_dict(bad)


def test_every_type_has_help_and_a_valid_default():
    for name, lt in all_types().items():
        assert lt.help and lt.group
        for p in lt.schema.params:
            assert p.help
        lt.schema.normalize({}, name)  # defaults pass their own checks
