"""The "gradients" measure against finite differences, and the built-ins that use it (claims 14,
15): each runs fully and its verdict follows from its figures (rules restated in Python)."""
import copy

import numpy as np
import pytest

from dlstudio.engine.losses import get_loss
from dlstudio.engine.model import Model
from dlstudio.experiments import experiment_from_dict, load_experiment, run_experiment
from dlstudio.experiments.measures.gradients import dense_grad_norms
from dlstudio.experiments.verdict import decide, lookup_in
from dlstudio.spec import Network


def _net():
    net = Network(name="tiny")
    net.add("in", "Input", {"shape": [3]})
    net.add("d1", "Dense", {"units": 4}, after="in")
    net.add("s1", "Sigmoid", {}, after="d1")
    net.add("d2", "Dense", {"units": 2}, after="s1")
    return net


def test_dense_grad_norms_match_finite_differences():
    rng = np.random.default_rng(1)
    x, y = rng.standard_normal((5, 3)), rng.standard_normal((5, 2))
    model = Model(_net(), dtype=np.float64, seed=3)
    norms = dense_grad_norms(model, x, y, "mse")
    loss = get_loss("mse")
    for i, nid in enumerate(("d1", "d2")):
        w = model.layers[nid].w["kernel"]
        fd = np.zeros_like(w)
        for idx in np.ndindex(w.shape):
            keep = w[idx]
            w[idx] = keep + 1e-6
            up = loss(model.forward(x), y)[0]
            w[idx] = keep - 1e-6
            down = loss(model.forward(x), y)[0]
            w[idx] = keep
            fd[idx] = (up - down) / 2e-6
        assert norms[i] == pytest.approx(np.linalg.norm(fd), rel=1e-5)


def test_the_measure_reports_the_first_and_last_layer(tiny_doc):
    doc = copy.deepcopy(tiny_doc)
    doc["measure"] = "gradients"
    doc["runs"] = [doc["runs"][1]]
    doc["figures"] = {"first": "grad_first", "last": "grad_last", "ratio": "grad_ratio"}
    doc["verdict"] = [{"then": "depends", "because": "{deep.ratio.mean:.3f}"}]
    exp = experiment_from_dict(doc)
    r = run_experiment(exp, seeds=[0])
    ys = r["series"]["deep"]["grad_norm"]["y"][0]
    f = {k: v["mean"] for k, v in r["figures"].items()}
    assert len(ys) == 2 and f["deep.first"] == ys[0] and f["deep.last"] == ys[1]
    assert f["deep.ratio"] == pytest.approx(ys[0] / ys[1])
    assert "val_accuracy" in r["series"]["deep"]


def _run(name):
    exp = load_experiment(name)
    r = run_experiment(exp)
    assert (r["verdict"], r["because"]) == decide(exp.verdict, lookup_in(r["figures"]))
    assert len(r["seeds"]) >= 3
    return r, {k: v["mean"] for k, v in r["figures"].items()}


@pytest.mark.slow
def test_leaky_relu_mse():
    r, f = _run("leaky-relu-mse")
    lr = (f["leaky.ratio"], f["leaky2.ratio"])
    to = (f["leaky.to80"], f["leaky2.to80"])
    if min(lr) >= 1.2 * f["relu.ratio"] and min(to) <= f["relu.to80"]:
        assert r["verdict"] == "supported"
    elif max(lr) <= 1.05 * f["relu.ratio"] and min(to) >= f["relu.to80"]:
        assert r["verdict"] == "not_supported"
    else:
        assert r["verdict"] == "depends"


@pytest.mark.slow
def test_sigmoid_vanishing():
    r, f = _run("sigmoid-vanishing")
    if f["sig.ratio"] <= 0.1 * f["relu.ratio"] and f["sig.last"] >= 2 * f["sig_mse.last"]:
        assert r["verdict"] == "supported"
    elif f["sig.ratio"] >= 0.5 * f["relu.ratio"]:
        assert r["verdict"] == "not_supported"
    else:
        assert r["verdict"] == "depends"
