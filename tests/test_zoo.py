"""The preset networks: valid on the data they adapt to, the literature's parameter counts,
and canvas positions that lay out cleanly."""
import ast
import re
from pathlib import Path

import pytest

from dlstudio.spec import Network, analyze
from dlstudio.zoo import PRESETS, build_preset, preset_names
from dlstudio.spec.layout import COLUMN, ROW, apply_layout, layered_positions, network_positions

SMALL = ["mlp", "lenet5", "alexnet", "inception", "resnet"]
CNN = ["lenet5", "alexnet", "inception", "resnet"]
FULL = ["alexnet-full", "googlenet-full", "resnet18-full", "resnet50-full"]
SHAPES = [(1, 28, 28), (3, 32, 32), (1, 8, 8)]

# Published figures: trainable parameters (exact) and multiply-accumulates for one 224×224 image.
# torchvision's model tables (pytorch.org/vision/stable/models.html) list these as num_params and
# "GFLOPS" (which count multiply-adds).
PUBLISHED = {
    "alexnet-full": (61_100_840, 0.71e9),     # torchvision alexnet (Krizhevsky 2014 single tower)
    "googlenet-full": (6_624_904, 1.50e9),    # torchvision googlenet, no auxiliary classifiers
    "resnet18-full": (11_689_512, 1.82e9),    # He et al. 2016, Table 1: 1.8 × 10^9 FLOPs (multiply-adds)
    "resnet50-full": (25_557_032, 4.1e9),     # torchvision resnet50 (v1.5), 4.09 G
}

BOX_W, BOX_H = 160, 60


def analysed(name, shape=None, outputs=10):
    p = PRESETS[name]
    net = p.build(p.default_shape, p.default_outputs) if shape is None else build_preset(name, shape, outputs)[0]
    a = analyze(net)
    assert a.ok, f"{name} on {shape}: {[str(x) for x in a.problems]}"
    return net, a


def all_cases():
    for name in SMALL:
        for shape in SHAPES:
            yield name, shape
    for name in FULL:
        yield name, None


# ---- the registry ------------------------------------------------------------------------------
def test_every_preset_is_registered_with_help_and_defaults():
    assert set(SMALL + FULL) <= set(preset_names())
    assert preset_names() == sorted(PRESETS)
    for name, p in PRESETS.items():
        assert p.name == name and p.help and len(p.help.splitlines()) == 1
        d = p.defaults
        assert d["epochs"] >= 1 and isinstance(d["batch_size"], int) and d["optimizer"] in ("sgd", "adam")
        assert d["hyper"]["lr"] > 0
        if p.default_data is None:
            assert len(p.default_shape) == 3 and p.default_outputs > 0
    assert PRESETS["lenet5"].default_data == "digits:28"


def test_build_preset_returns_a_copy_of_the_defaults():
    net, d = build_preset("lenet5", (1, 28, 28), 10)
    d["epochs"] = -1
    d["hyper"]["lr"] = -1
    assert PRESETS["lenet5"].defaults["epochs"] != -1
    assert PRESETS["lenet5"].defaults["hyper"]["lr"] != -1


def test_unknown_preset_lists_the_known_ones():
    with pytest.raises(KeyError) as e:
        build_preset("vgg16", (3, 32, 32), 10)
    msg = str(e.value)
    assert "vgg16" in msg
    for name in SMALL + FULL:
        assert name in msg


# ---- every preset is a valid network on the shapes it adapts to --------------------------------
@pytest.mark.parametrize("name,shape", list(all_cases()))
def test_preset_analyzes_without_problems(name, shape):
    net, a = analysed(name, shape)
    assert len(a.inputs) == 1 and len(a.outputs) == 1
    if shape is not None:
        assert a.shapes[a.inputs[0]] == shape
    # no image shrinks to nothing: pools are left out rather than squeezing below 2×2
    if name in CNN:
        for nid, s in a.shapes.items():
            if len(s) == 3:
                assert min(s[1:]) >= 2, f"{name} on {shape}: {nid} is {s}"


@pytest.mark.parametrize("name", SMALL + FULL)
@pytest.mark.parametrize("outputs", [3, 10])
def test_presets_adapt_their_last_layer_to_the_outputs(name, outputs):
    net, a = analysed(name, (1, 28, 28) if name in SMALL else PRESETS[name].default_shape, outputs)
    last = a.outputs[0]
    assert net.node(last).type == "Dense"
    assert a.shapes[last] == (outputs,)


@pytest.mark.parametrize("name", CNN)
def test_cnn_presets_keep_small_parameter_counts(name):
    for shape in SHAPES:
        _, a = analysed(name, shape)
        assert 1_000 < a.total.trainable < 400_000


@pytest.mark.parametrize("name", CNN)
def test_cnn_preset_on_vector_data_builds_and_the_analysis_says_why_not(name):
    net = build_preset(name, (2,), 3)[0]
    a = analyze(net)
    assert not a.ok
    assert "image input" in str(a.problems[0])


# ---- LeNet-5 -----------------------------------------------------------------------------------
def test_lenet5_on_28x28_digits_has_61706_parameters():
    net, a = analysed("lenet5", (1, 28, 28), 10)
    assert a.total.trainable == 61_706 and a.total.non_trainable == 0
    # the classic sizes: C1 6@28×28, S2 6@14×14, C3 16@10×10, S4 16@5×5, 400 → 120 → 84 → 10
    assert a.shapes["c1"] == (6, 28, 28)
    assert a.shapes["s2"] == (6, 14, 14)
    assert a.shapes["c3"] == (16, 10, 10)
    assert a.shapes["s4"] == (16, 5, 5)
    assert a.shapes["flatten"] == (400,)
    assert [a.shapes[n] for n in ("c5", "f6", "output")] == [(120,), (84,), (10,)]
    per_layer = {n: a.costs[n].trainable for n in ("c1", "c3", "c5", "f6", "output")}
    assert per_layer == {"c1": 156, "c3": 2_416, "c5": 48_120, "f6": 10_164, "output": 850}


def test_lenet5_on_32x32_uses_the_original_valid_c1():
    net, a = analysed("lenet5", (1, 32, 32), 10)
    assert a.shapes["c1"] == (6, 28, 28)
    assert a.total.trainable == 61_706


def test_lenet5_on_8x8_digits_keeps_both_pools():
    net, a = analysed("lenet5", (1, 8, 8), 10)
    assert a.shapes["s2"] == (6, 4, 4) and a.shapes["c3"] == (16, 4, 4) and a.shapes["s4"] == (16, 2, 2)


# ---- the small CNNs' structure -----------------------------------------------------------------
def types_of(net):
    return [n.type for n in net.nodes]


def test_small_alexnet_has_five_convs_pools_and_two_dropout_dense_layers():
    net, a = analysed("alexnet", (3, 32, 32))
    t = types_of(net)
    assert t.count("Conv2D") == 5 and t.count("MaxPool2D") == 3 and t.count("Dropout") == 2
    assert t.count("Dense") == 3
    for d in ("drop6", "drop7"):
        assert net.node(net.outputs_of(d)[0]).type == "Dense"
    # on 8×8 one pool is left out instead of squeezing the image to 1×1
    net8, a8 = analysed("alexnet", (1, 8, 8))
    assert types_of(net8).count("MaxPool2D") == 2


def test_small_inception_has_two_four_branch_modules():
    net, a = analysed("inception", (3, 32, 32))
    concats = [n.id for n in net.nodes if n.type == "Concatenate"]
    assert concats == ["inc1_concat", "inc2_concat"]
    for c in concats:
        assert len(net.inputs_of(c)) == 4
        m = c.removesuffix("_concat")
        pool = a.params[f"{m}_pool"]
        assert pool["pool_size"] == (3, 3) and pool["strides"] == (1, 1) and pool["padding"] == "same"
        assert a.params[f"{m}_5x5"]["kernel_size"] == (5, 5)
        assert a.params[f"{m}_3x3_reduce"]["kernel_size"] == (1, 1)
    assert a.shapes["inc1_concat"][0] == 16 + 32 + 16 + 16
    assert a.shapes["inc2_concat"][0] == 32 + 48 + 24 + 24
    assert [net.node(n).type for n in a.order[-2:]] == ["GlobalAvgPool2D", "Dense"]


def test_small_resnet_has_three_stages_of_residual_blocks():
    net, a = analysed("resnet", (3, 32, 32))
    adds = [n.id for n in net.nodes if n.type == "Add"]
    assert len(adds) == 3
    # stage 1 keeps the shape: identity shortcut; stages 2 and 3 halve it: 1×1 strided conv + BN
    assert net.inputs_of("stage1_0_add") == ["stage1_0_bn2", "stem_relu"]
    for s in (2, 3):
        assert net.inputs_of(f"stage{s}_0_add") == [f"stage{s}_0_bn2", f"stage{s}_0_down_bn"]
        assert a.params[f"stage{s}_0_down_conv"]["strides"] == (2, 2)
        assert net.node(net.outputs_of(f"stage{s}_0_add")[0]).type == "ReLU"
    assert [a.shapes[f"stage{s}_0_relu"] for s in (1, 2, 3)] == [(16, 32, 32), (32, 16, 16), (64, 8, 8)]


# ---- the full-size reference networks ---------------------------------------------------------
@pytest.mark.parametrize("name", FULL)
def test_full_preset_matches_the_published_parameter_count_and_macs(name):
    params, macs = PUBLISHED[name]
    net, a = analysed(name)
    assert a.total.trainable == params
    assert abs(a.total.macs - macs) / macs < 0.03, f"{name}: {a.total.macs:,} MACs"
    assert a.shapes[a.inputs[0]] == PRESETS[name].default_shape
    assert a.shapes[a.outputs[0]] == (1000,)


def test_full_presets_count_batchnorm_moving_statistics_as_non_trainable():
    # 2 per BatchNorm channel: ResNet-18 has 4,800 of them, ResNet-50 26,560, GoogLeNet 7,280
    assert analysed("resnet18-full")[1].total.non_trainable == 9_600
    assert analysed("resnet50-full")[1].total.non_trainable == 53_120
    assert analysed("googlenet-full")[1].total.non_trainable == 14_560
    assert analysed("alexnet-full")[1].total.non_trainable == 0


def test_full_reference_shapes_along_the_way():
    _, a = analysed("alexnet-full")
    assert a.shapes["conv1"] == (64, 55, 55) and a.shapes["pool5"] == (256, 6, 6)
    assert a.shapes["flatten"] == (9_216,)
    _, a = analysed("googlenet-full")
    assert a.shapes["maxpool1"] == (64, 56, 56) and a.shapes["maxpool2"] == (192, 28, 28)
    assert a.shapes["inception3a_concat"] == (256, 28, 28) and a.shapes["inception4e_concat"] == (832, 14, 14)
    assert a.shapes["inception5b_concat"] == (1024, 7, 7)
    _, a = analysed("resnet18-full")
    assert a.shapes["maxpool"] == (64, 56, 56) and a.shapes["layer4_1_relu"] == (512, 7, 7)
    _, a = analysed("resnet50-full")
    assert a.shapes["layer1_0_relu"] == (256, 56, 56) and a.shapes["layer4_2_relu"] == (2048, 7, 7)
    assert a.params["layer2_0_conv2"]["strides"] == (2, 2)   # v1.5: stride on the 3×3
    assert a.params["layer2_0_conv1"]["strides"] == (1, 1)


def test_full_preset_on_other_data_keeps_the_reference_input():
    net, a = analysed("resnet18-full", (1, 28, 28), 10)
    assert a.shapes["input"] == (3, 224, 224) and a.shapes["fc"] == (10,)


def test_summary_of_a_full_preset_needs_no_data():
    from dlstudio.summary import network_for_summary, summary_rows
    rows, total, problems = summary_rows(network_for_summary("resnet18-full", None))
    assert not problems and total["trainable"] == 11_689_512


# ---- canvas positions --------------------------------------------------------------------------
def overlap(p, q):
    return abs(p[0] - q[0]) < BOX_W and abs(p[1] - q[1]) < BOX_H


@pytest.mark.parametrize("name,shape", [(n, s) for n, s in all_cases() if s in (None, (3, 32, 32))])
def test_positions_lay_out_cleanly(name, shape):
    net, a = analysed(name, shape)
    pos = {n.id: n.pos for n in net.nodes}
    assert all(p is not None for p in pos.values())
    assert pos["input"] == (0.0, 0.0)
    ids = list(pos)
    for i, u in enumerate(ids):
        for v in ids[i + 1:]:
            assert not overlap(pos[u], pos[v]), f"{name}: {u} {pos[u]} overlaps {v} {pos[v]}"
    for s, d in net.edges:
        assert pos[d][1] > pos[s][1], f"{name}: edge {s} → {d} does not go down"
    # rows are ROW apart, columns a multiple of half a COLUMN
    for x, y in pos.values():
        assert y % ROW == 0 and (2 * x) % COLUMN == 0
    # drawn as straight lines from block to block, no edge cuts through a third block
    for s, d in net.edges:
        for nid, p in pos.items():
            if nid not in (s, d):
                assert not segment_hits_box(pos[s], pos[d], p), f"{name}: edge {s} → {d} crosses {nid}"


def segment_hits_box(a, b, centre, w=BOX_W, h=BOX_H):
    """Does the segment a → b pass through the w × h box around centre? (Liang–Barsky clipping)"""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - (centre[0] - w / 2)), (dx, (centre[0] + w / 2) - a[0]),
                 (-dy, a[1] - (centre[1] - h / 2)), (dy, (centre[1] + h / 2) - a[1])):
        if p == 0:
            if q <= 0:
                return False
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
    return t0 < t1


def test_segment_box_helper():
    assert segment_hits_box((0, 0), (0, 300), (0, 150))
    assert not segment_hits_box((0, 0), (0, 300), (100, 150))
    assert segment_hits_box((-300, 0), (0, 400), (-100, 270))
    assert not segment_hits_box((-300, 0), (-300, 400), (-100, 270))


def test_positions_survive_the_json_round_trip():
    net = build_preset("inception", (1, 28, 28), 10)[0]
    again = Network.from_json(net.to_json())
    assert {n.id: n.pos for n in again.nodes} == {n.id: n.pos for n in net.nodes}


def test_chains_go_straight_down():
    for name in ("mlp", "lenet5", "alexnet"):
        net, _ = analysed(name, (1, 28, 28))
        assert [n.pos for n in net.nodes] == [(0.0, ROW * i) for i in range(len(net.nodes))]


def test_inception_branches_sit_side_by_side_and_the_concat_centres_below():
    net, _ = analysed("inception", (1, 28, 28))
    pos = {n.id: n.pos for n in net.nodes}
    heads = ["inc1_1x1", "inc1_3x3_reduce", "inc1_5x5_reduce", "inc1_pool"]
    xs = [pos[h][0] for h in heads]
    assert xs == sorted(xs) and all(b - a == COLUMN for a, b in zip(xs, xs[1:]))
    assert len({pos[h][1] for h in heads}) == 1
    ends = net.inputs_of("inc1_concat")
    assert pos["inc1_concat"][0] == sum(pos[e][0] for e in ends) / 4
    assert pos["inc1_concat"][1] > max(pos[e][1] for e in ends)
    # each branch is one straight column, from the row under the split to the row above the concat
    assert pos["inc1_3x3"][0] == pos["inc1_3x3_reduce"][0]
    assert all(pos[h][1] == pos["pool1"][1] + ROW for h in heads)
    assert all(pos[e][1] == pos["inc1_concat"][1] - ROW for e in ends)
    assert pos["inc1_1x1"][0] == pos["inc1_1x1_relu"][0]


def test_resnet_shortcut_keeps_its_own_lane():
    net, _ = analysed("resnet", (1, 28, 28))
    pos = {n.id: n.pos for n in net.nodes}
    # the identity shortcut skips five rows: no block sits on the straight line it is drawn along
    src, add = pos["stem_relu"], pos["stage1_0_add"]
    assert src[0] == add[0]
    between = [p for nid, p in pos.items() if src[1] < p[1] < add[1]]
    assert between and all(abs(p[0] - src[0]) >= COLUMN / 2 for p in between)
    # the projection branch sits beside the main path, the Add centred below both
    assert pos["stage2_0_down_conv"][1] == pos["stage2_0_conv1"][1]
    assert abs(pos["stage2_0_down_conv"][0] - pos["stage2_0_conv1"][0]) == COLUMN
    assert pos["stage2_0_add"][0] == (pos["stage2_0_bn2"][0] + pos["stage2_0_down_bn"][0]) / 2


def test_layout_of_a_hand_made_diamond_and_two_inputs():
    net = Network()
    net.add("a", "Input", {"shape": [4]}).add("b", "Input", {"shape": [4]})
    net.add("l", "Dense", after="a").add("r", "Dense", after="a")
    net.add("m", "Concatenate", after=["l", "r", "b"])
    pos = network_positions(net)
    assert pos["a"][1] == pos["b"][1] == 0 and pos["l"][1] == pos["r"][1] == ROW
    assert pos["m"][1] == 2 * ROW
    assert pos["b"][0] - pos["a"][0] == COLUMN
    assert abs(pos["l"][0] - pos["r"][0]) == COLUMN
    assert apply_layout(net) is net and all(n.pos is not None for n in net.nodes)


def test_layout_survives_a_cycle_and_unknown_edges():
    """A document being edited may hold a cycle (the analysis reports it): its nodes go below the
    rest, in document order, and edges to ids that are not there are ignored."""
    pos = layered_positions(["in", "a", "b", "c"], [("in", "a"), ("a", "b"), ("b", "c"), ("c", "b"),
                                                    ("a", "ghost"), ("a", "a")])
    assert pos["in"] == (0.0, 0.0) and pos["a"] == (0.0, ROW)
    assert pos["b"] == (0.0, 2 * ROW) and pos["c"] == (0.0, 3 * ROW)
    assert layered_positions([], []) == {}


def test_layout_columns_leave_room_for_the_canvas_blocks():
    from dlstudio.spec.layout import BLOCK_HEIGHTS, BLOCK_WIDTH
    assert COLUMN >= BLOCK_WIDTH + 30 and ROW >= max(BLOCK_HEIGHTS) + 20
    for name in ("inception", "resnet", "alexnet"):
        net, _ = analysed(name, (1, 28, 28))
        by_row: dict = {}
        for n in net.nodes:
            by_row.setdefault(n.pos[1], []).append(n.pos[0])
        for xs in by_row.values():
            xs.sort()
            assert all(b - a >= COLUMN - 1e-9 for a, b in zip(xs, xs[1:])), name


# ---- house rules -------------------------------------------------------------------------------
@pytest.mark.parametrize("name,shape", [(n, s) for n, s in all_cases() if s in (None, (1, 28, 28))])
def test_node_ids_are_readable_and_safe_in_weight_names(name, shape):
    net, _ = analysed(name, shape)
    for n in net.nodes:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", n.id), n.id   # weights are '<id>.<name>': no dots


def test_zoo_imports_only_the_spec():
    zoo = Path(__file__).resolve().parents[1] / "dlstudio" / "zoo"
    for f in zoo.glob("*.py"):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            mods = []
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                mods = [("." * node.level) + (node.module or "")]
            for m in mods:
                assert m.split(".")[0] not in ("numpy", "numba", "torch", "PySide6", "pyqtgraph"), f"{f.name}: {m}"
                if m.startswith(".."):
                    assert m.startswith("..spec"), f"{f.name} imports {m}"


def test_recurrent_presets_fit_sequences():
    from dlstudio.spec import analyze
    from dlstudio.zoo import build_preset
    for name, cells in (("rnn", 1), ("lstm", 4), ("lstm-stacked", 4)):
        net, defaults = build_preset(name, (50, 2), 1)
        a = analyze(net)
        assert a.ok, (name, a.problems)
        assert a.shapes[a.outputs[0]] == (1,)
        assert defaults["clip_norm"] == 1.0
        first = cells * 64 * (2 + 64 + 1)
        second = cells * 64 * (64 + 64 + 1) if name == "lstm-stacked" else 0
        assert a.total.trainable == first + second + 64 + 1
    a = analyze(build_preset("lstm", (1, 8, 8), 10)[0])
    assert not a.ok and "sequence input" in a.problems[0].message


def test_layout_positions_are_on_the_canvas_grid():
    # a three-way barycentre and a merge of uneven branches would land between grid lines
    ids = ["a", "b", "c", "d", "e", "f"]
    edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("a", "e"), ("d", "e"), ("a", "f"), ("b", "f"),
             ("e", "f")]
    pos = layered_positions(ids, edges)
    assert all(x % 10 == 0 and y % 10 == 0 for x, y in pos.values())
    xs_by_row: dict = {}
    for x, y in pos.values():
        xs_by_row.setdefault(y, []).append(x)
    assert all(b - a >= COLUMN - 10 for xs in xs_by_row.values() for a, b in zip(sorted(xs), sorted(xs)[1:]))
