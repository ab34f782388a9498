"""The architecture built-ins (claims 16, 18, 22): each runs fully, its verdict follows from its
figures, and its parameter counts match the engine's Model built independently."""
import pytest

from dlstudio.data import load_dataset
from dlstudio.engine.model import Model
from dlstudio.experiments import load_experiment, run_experiment
from dlstudio.experiments.verdict import decide, lookup_in
from dlstudio.run import outputs_for


def _check(name):
    exp = load_experiment(name)
    result = run_experiment(exp)
    assert result["verdict"] in ("supported", "not_supported", "depends")
    assert (result["verdict"], result["because"]) == decide(exp.verdict, lookup_in(result["figures"]))
    assert len(result["seeds"]) >= 3 and not result["stopped"]
    return exp, result


def test_conv_and_dense_parameter_counts_follow_the_engine():
    """The seed's example: one dense neuron on a 100×100 image vs one 10×10 kernel."""
    from dlstudio.spec import Network
    counts = {}
    for kind, layer, params in (("dense", "Dense", {"units": 1}), ("conv", "Conv2D", {"filters": 1, "kernel_size": 10})):
        net = Network(name=kind)
        net.add("input", "Input", {"shape": [1, 100, 100]}, pos=(0, 0))
        prev = "input"
        if kind == "dense":
            net.add("flatten", "Flatten", {}, after=prev, pos=(0, 60))
            prev = "flatten"
        net.add("layer", layer, params, after=prev, pos=(0, 120))
        counts[kind] = Model(net).num_params
    assert counts == {"dense": 100 * 100 + 1, "conv": 10 * 10 + 1}


@pytest.mark.slow
def test_builtin_conv_weight_sharing():
    exp, r = _check("conv-weight-sharing")
    ds = load_dataset("digits")
    for run in exp.runs:
        model = Model(run.network_document(ds.sample_shape, outputs_for(ds)))
        assert r["figures"][f"{run.id}.params"]["values"] == [model.num_params] * 3
    f = {k: v["mean"] for k, v in r["figures"].items()}
    supported = f["conv.params"] * 2 <= f["dense.params"] and f["conv.acc"] >= f["dense.acc"] - 0.02
    assert (r["verdict"] == "supported") == supported


@pytest.mark.slow
def test_builtin_batchnorm_learning_rates():
    _, r = _check("batchnorm-learning-rates")
    f = {k: v["mean"] for k, v in r["figures"].items()}
    lrs = ("0_01", "0_1", "1_0")
    bn, plain = min(f[f"bn_{t}.acc"] for t in lrs), min(f[f"plain_{t}.acc"] for t in lrs)
    faster = sum(f[f"bn_{t}.to90"] for t in lrs) < sum(f[f"plain_{t}.to90"] for t in lrs)
    assert (r["verdict"] == "supported") == (bn >= plain + 0.05 and faster)
    # the accuracy figure is the last point of the recorded curve, per seed
    for k, ys in enumerate(r["series"]["bn_0_1"]["val_accuracy"]["y"]):
        assert r["figures"]["bn_0_1.acc"]["values"][k] == pytest.approx(ys[-1])


@pytest.mark.slow
def test_builtin_residual_depth():
    exp, r = _check("residual-depth")
    f = {k: v["mean"] for k, v in r["figures"].items()}
    supported = f["res_10.loss"] * 2 <= f["plain_10.loss"] and f["res_10.acc"] >= f["plain_10.acc"]
    assert (r["verdict"] == "supported") == supported
    ds = load_dataset("digits")
    plain = Model(exp.run("plain_10").network_document(ds.sample_shape, 10))
    res = Model(exp.run("res_10").network_document(ds.sample_shape, 10))
    assert plain.num_params == res.num_params   # the skip adds no parameters: a fair comparison


@pytest.mark.slow
def test_builtin_rnn_vs_lstm_adding():
    exp, r = _check("rnn-vs-lstm-adding")
    f = {k: v["mean"] for k, v in r["figures"].items()}
    for run in ("rnn", "lstm"):   # the figure is the best point of each seed's validation MAE curve
        for k, ys in enumerate(r["series"][run]["val_mae"]["y"]):
            assert r["figures"][f"{run}.mae"]["values"][k] == pytest.approx(min(ys))
    if f["lstm.mae"] >= 0.3 and f["rnn.mae"] >= 0.3:
        assert r["verdict"] == "depends"
    else:
        assert (r["verdict"] == "supported") == (f["lstm.mae"] <= 0.5 * f["rnn.mae"])
