"""Model.infer (engine/inference.py): BatchNorm folded into the convolution before it, ReLU fused
into the convolution's output, activations in place, outputs dropped once read — every result
equal to forward(x, training=False), nothing the caller holds overwritten."""
import numpy as np
import pytest

from dlstudio.engine.losses import get_loss
from dlstudio.engine.model import Model
from dlstudio.engine.trainer import evaluate_metrics
from dlstudio.spec import Network
from dlstudio.zoo import build_preset


def _trained_statistics(m: Model, seed: int = 1) -> None:
    """BatchNorm weights as after training (the initial ones fold to the identity)."""
    rng = np.random.default_rng(seed)
    for s in m.slots:
        if s.weight in ("moving_mean", "gamma", "beta"):
            m.view(s)[...] = rng.normal(0, 0.5, s.shape)
        elif s.weight == "moving_var":
            m.view(s)[...] = rng.uniform(0.2, 3.0, s.shape)
        elif s.weight == "bias":
            m.view(s)[...] = rng.normal(0, 0.1, s.shape)


def _kinds(m: Model, keep=()) -> list:
    m.infer(np.zeros((1, *m.input_shape), m.dtype), keep)
    return [(st.kind, st.base, st.bn, st.relu) for st in m._plans[tuple(sorted(keep))].steps]


@pytest.mark.parametrize("name,shape", [("lenet5", (1, 28, 28)), ("alexnet", (3, 32, 32)),
                                        ("inception", (3, 32, 32)), ("resnet", (3, 32, 32)),
                                        ("mlp", (1, 8, 8))])
def test_every_cnn_preset_infers_what_forward_computes(name, shape):
    m = Model(build_preset(name, shape, 10)[0], seed=0)
    _trained_statistics(m)
    x = np.random.default_rng(2).standard_normal((5, *shape)).astype(np.float32)
    x0 = x.copy()
    want = m.forward(x, training=False).copy()
    got = m.infer(x)
    assert set(got) == {m.output_id}
    np.testing.assert_allclose(got[m.output_id], want, rtol=2e-5, atol=2e-6)
    np.testing.assert_array_equal(x, x0)                                 # the caller's data untouched
    np.testing.assert_allclose(m.predict(x, batch_size=2), want, rtol=2e-5, atol=2e-6)


def test_the_small_resnet_folds_every_batchnorm_and_fuses_its_relus():
    m = Model(build_preset("resnet", (3, 32, 32), 10)[0], seed=0)
    steps = _kinds(m)
    bns = [nid for nid in m.order if m.network.node(nid).type == "BatchNorm"]
    assert sorted(bn for _, _, bn, _ in steps if bn) == sorted(bns)
    assert not [st for st in m._plans[()].steps if st.kind == "layer" and st.node in bns]
    assert sum(relu for *_, relu in steps) >= 4
    assert any(k == "inplace" for k, *_ in steps)                        # the ReLU after each Add


def _conv_bn_relu(extra_reader: bool) -> Network:
    net = (Network().add("in", "Input", {"shape": [5, 9, 7]})
           .add("conv", "Conv2D", {"filters": 6, "kernel_size": [3, 3], "padding": "same"}, after="in")
           .add("bn", "BatchNorm", after="conv").add("relu", "ReLU", after="bn")
           .add("flat", "Flatten", after="relu"))
    if extra_reader:   # conv's output read twice: nothing may be folded into it
        net.add("flat2", "Flatten", after="conv").add("cat", "Concatenate", after=["flat", "flat2"])
    return net


@pytest.mark.parametrize("extra_reader", [False, True])
def test_a_node_read_twice_or_kept_is_not_folded_away(extra_reader):
    m = Model(_conv_bn_relu(extra_reader), seed=3)
    _trained_statistics(m, 4)
    x = np.random.default_rng(5).standard_normal((4, 5, 9, 7)).astype(np.float32)
    m.forward(x, training=False)
    ref = {k: v.copy() for k, v in m.values.items()}
    conv_step = [s for s in _kinds(m) if s[0] == "conv"][0]
    assert conv_step == (("conv", "conv", None, False) if extra_reader else ("conv", "conv", "bn", True))
    out = m.infer(x)[m.output_id]
    np.testing.assert_allclose(out, ref[m.output_id], rtol=2e-5, atol=2e-6)
    # kept nodes come back as forward computes them, unfused
    got = m.infer(x, keep=("conv", "bn"))
    assert set(got) == {"conv", "bn", m.output_id}
    for k in got:
        np.testing.assert_allclose(got[k], ref[k], rtol=2e-5, atol=2e-6)
    folds_bn = None if extra_reader else "bn"
    assert _kinds(m, ("bn",))[1] == ("conv", "conv", folds_bn, False)  # bn kept: no ReLU fused
    assert _kinds(m, ("conv",))[1] == ("conv", "conv", None, False)    # conv kept: no BN folded


@pytest.mark.parametrize("shape", [[12], [5, 12]])        # vectors, and sequences (per time step)
@pytest.mark.parametrize("bias", [True, False])
def test_a_dense_layer_folds_the_batchnorm_after_it(shape, bias):
    net = (Network().add("in", "Input", {"shape": shape})
           .add("d1", "Dense", {"units": 9, "use_bias": bias}, after="in")
           .add("bn1", "BatchNorm", after="d1").add("act", "ReLU", after="bn1")
           .add("d2", "Dense", {"units": 4}, after="act").add("bn2", "BatchNorm", after="d2"))
    m = Model(net, seed=6)
    _trained_statistics(m, 7)
    x = np.random.default_rng(8).standard_normal((6, *shape)).astype(np.float32)
    want = m.forward(x, training=False).copy()
    steps = _kinds(m)
    assert [s for s in steps if s[0] == "dense"] == [("dense", "d1", "bn1", False), ("dense", "d2", "bn2", False)]
    assert ("inplace", None, None, False) in steps                       # the ReLU over d1's folded output
    got = m.infer(x)[m.output_id]
    assert got.dtype == np.float32 and got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=2e-5, atol=2e-6)
    m.forward(x, training=False)
    ref_d1 = m.values["d1"].copy()
    got = m.infer(x, keep=("d1",))                                       # kept: d1 as forward computes it
    np.testing.assert_allclose(got["d1"], ref_d1, rtol=2e-5, atol=2e-6)
    np.testing.assert_allclose(got[m.output_id], want, rtol=2e-5, atol=2e-6)
    assert ("dense", "d1", "bn1", False) not in _kinds(m, ("d1",))


@pytest.mark.parametrize("channels", [4, 32])     # the direct tiled kernel, and Winograd
def test_fused_relu_matches_the_relu_layer_nan_included(channels):
    net = (Network().add("in", "Input", {"shape": [channels, 16, 16]})
           .add("conv", "Conv2D", {"filters": 32, "kernel_size": [3, 3], "padding": "same"}, after="in")
           .add("relu", "ReLU", after="conv"))
    m = Model(net, seed=0)
    assert m.layers["conv"].winograd == (channels == 32)
    x = np.random.default_rng(6).standard_normal((3, channels, 16, 16)).astype(np.float32)
    x[1, :, 5, 5] = np.nan
    want = m.forward(x, training=False)
    assert np.isnan(m.values["conv"]).any() and not np.isnan(want).any()
    got = m.infer(x)["relu"]
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
    assert (got >= 0).all() and (got == 0).mean() > 0.3


def test_an_activation_over_a_view_of_the_callers_data_is_not_run_in_place():
    net = (Network().add("in", "Input", {"shape": [2, 3]}).add("flat", "Flatten", after="in")
           .add("act", "Tanh", after="flat"))
    m = Model(net, seed=0)
    assert _kinds(m)[-1][0] == "inplace"                # planned in place; the data is the caller's
    x = np.random.default_rng(7).standard_normal((4, 2, 3)).astype(np.float32)
    x0 = x.copy()
    np.testing.assert_allclose(m.infer(x)["act"], np.tanh(x0.reshape(4, 6)), rtol=1e-6)
    np.testing.assert_array_equal(x, x0)


def test_an_activation_over_an_owned_output_runs_in_place_and_is_right():
    net = (Network().add("in", "Input", {"shape": [6]}).add("d", "Dense", {"units": 5}, after="in")
           .add("act", "ELU", {"alpha": 0.7}, after="d").add("out", "Dense", {"units": 3}, after="act"))
    m = Model(net, seed=0)
    assert ("inplace", None, None, False) in _kinds(m)
    x = np.random.default_rng(8).standard_normal((7, 6)).astype(np.float32)
    np.testing.assert_allclose(m.infer(x)["out"], m.forward(x, training=False), rtol=1e-6, atol=1e-7)


def test_evaluation_reads_the_fused_losss_node_from_infer():
    net = build_preset("resnet", (3, 32, 32), 10)[0].add("soft", "Softmax", after="output")
    m = Model(net, seed=0)
    _trained_statistics(m, 9)
    rng = np.random.default_rng(10)
    x = rng.random((12, 3, 32, 32), dtype=np.float32)
    y = rng.integers(0, 10, 12)
    got = evaluate_metrics(m, x, y, "cross_entropy", batch_size=5)
    out = m.forward(x, training=False)
    start = m.fused_start(get_loss("cross_entropy"))
    assert start == "output"
    logits = m.values[start].astype(np.float64)
    logp = logits - logits.max(1, keepdims=True)
    logp -= np.log(np.exp(logp).sum(1, keepdims=True))
    assert got["loss"] == pytest.approx(-logp[np.arange(12), y].mean(), rel=1e-4)
    assert got["accuracy"] == pytest.approx((out.argmax(1) == y).mean())


def test_keeping_an_unknown_node_is_a_clear_error():
    from dlstudio.spec import NetworkError
    m = Model(build_preset("mlp", (1, 8, 8), 3)[0], seed=0)
    with pytest.raises(NetworkError, match="no node 'nope'"):
        m.infer(np.zeros((2, 1, 8, 8), np.float32), keep=("nope",))
