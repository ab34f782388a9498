"""The "init" measure's numbers against the engine, and the claim-19 built-in: it runs fully and
its verdict follows from its figures (rules restated in Python)."""
import numpy as np
import pytest

from dlstudio.engine.model import Model
from dlstudio.experiments import load_experiment, run_experiment
from dlstudio.experiments.measures.init import distinct_share, rescale, saturated_share
from dlstudio.experiments.verdict import decide, lookup_in
from dlstudio.spec import Network


def _model(seed=0):
    net = Network(name="tiny")
    net.add("in", "Input", {"shape": [3]})
    net.add("d1", "Dense", {"units": 5}, after="in")
    net.add("s1", "Sigmoid", {}, after="d1")
    net.add("d2", "Dense", {"units": 2}, after="s1")
    return Model(net, dtype=np.float64, seed=seed)


def test_rescale_and_equal():
    m = _model()
    k0 = m.layers["d1"].w["kernel"].copy()
    rescale(m, 10.0, equal=False)
    assert np.allclose(m.layers["d1"].w["kernel"], 10 * k0)
    m = _model()
    rescale(m, 1.0, equal=True)
    k = m.layers["d1"].w["kernel"]
    assert np.all(k == k.flat[0]) and k.flat[0] == pytest.approx(np.mean(np.abs(k0)))
    assert distinct_share(m) == 0.0 and distinct_share(_model()) == 1.0


@pytest.mark.parametrize("scale", [0.1, 1.0, 30.0])
def test_saturated_share_matches_the_sigmoid_derivative(scale):
    m = _model(2)
    rescale(m, scale, equal=False)
    x = np.random.default_rng(0).standard_normal((40, 3))
    share = saturated_share(m, x)
    z = x @ m.layers["d1"].w["kernel"] + m.layers["d1"].w["bias"]
    s = 1 / (1 + np.exp(-z))
    assert share == pytest.approx(np.mean(s * (1 - s) < 0.05))


@pytest.mark.slow
def test_init_small_and_different():
    exp = load_experiment("init-small-and-different")
    r = run_experiment(exp)
    assert (r["verdict"], r["because"]) == decide(exp.verdict, lookup_in(r["figures"]))
    f = {k: v["mean"] for k, v in r["figures"].items()}
    if (f["large.sat"] >= 0.5 and f["large.acc"] <= f["default.acc"] - 0.1
            and r["figures"]["equal.distinct"]["max"] <= 0.1 and f["equal.acc"] <= f["default.acc"] - 0.2):
        assert r["verdict"] == "supported"
    elif f["large.acc"] >= f["default.acc"] - 0.02 and f["equal.acc"] >= f["default.acc"] - 0.02:
        assert r["verdict"] == "not_supported"
    else:
        assert r["verdict"] == "depends"
    assert f["large.sat"] > f["default.sat"]
