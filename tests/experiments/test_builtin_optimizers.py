"""The built-in optimizer experiments (claims 7, 8, 10, 11): each runs fully and its verdict
follows from its figures — the rules are restated here in Python, not read from the file."""
import math

import pytest

from dlstudio.engine.optimizers import make_optimizer
from dlstudio.experiments import load_experiment, run_experiment
from dlstudio.experiments.verdict import decide, lookup_in

NAMES = ("adagrad-stalls", "adadelta-jitters", "momentum-speeds-up", "adam-parts")


def _run(name):
    exp = load_experiment(name)
    r = run_experiment(exp)
    assert r["verdict"] in ("supported", "not_supported", "depends")
    assert (r["verdict"], r["because"]) == decide(exp.verdict, lookup_in(r["figures"]))
    assert len(r["seeds"]) >= 3 and not r["stopped"]
    f = {k: v["mean"] for k, v in r["figures"].items()}
    assert all(v is not None and math.isfinite(v) for v in f.values())
    return r, f


@pytest.mark.parametrize("name", NAMES)
def test_loads_with_claim_and_article(name):
    exp = load_experiment(name)
    assert exp.claim_id in (7, 8, 10, 11) and exp.article["quote"] and exp.article["lines"]
    assert len(exp.seeds) >= 3 and exp.plots


def test_adam_parts_uses_the_engine_defaults():
    exp = load_experiment("adam-parts")
    s = exp.run("adam").settings
    opt = make_optimizer(s["optimizer"], **s["hyper"])
    assert (opt.hyper["beta1"], opt.hyper["beta2"], opt.hyper["eps"]) == (0.9, 0.999, 1e-8)


@pytest.mark.slow
def test_adagrad_stalls():
    r, f = _run("adagrad-stalls")
    best = min(f["rmsprop.loss"], f["adam.loss"])
    if f["adagrad.to80"] <= min(f["rmsprop.to80"], f["adam.to80"]) and f["adagrad.loss"] >= 2 * best:
        assert r["verdict"] == "supported"
    elif f["adagrad.loss"] <= 1.2 * best:
        assert r["verdict"] == "not_supported"
    else:
        assert r["verdict"] == "depends"


@pytest.mark.slow
def test_adadelta_jitters():
    r, f = _run("adadelta-jitters")
    if f["adadelta.to90"] <= 1.5 * f["adam.to90"] and f["adadelta.vrough"] >= 1.5 * f["adam.vrough"]:
        assert r["verdict"] == "supported"
    elif f["adadelta.vrough"] <= 1.1 * f["adam.vrough"]:
        assert r["verdict"] == "not_supported"
    else:
        assert r["verdict"] == "depends"


@pytest.mark.slow
def test_momentum_speeds_up():
    r, f = _run("momentum-speeds-up")
    if f["momentum.to90"] <= 0.5 * f["sgd.to90"] and f["momentum.loss"] < f["sgd.loss"]:
        assert r["verdict"] == "supported"
    elif f["momentum.to90"] >= f["sgd.to90"]:
        assert r["verdict"] == "not_supported"
    else:
        assert r["verdict"] == "depends"


@pytest.mark.slow
def test_adam_parts():
    r, f = _run("adam-parts")
    if (f["adam.to90"] <= min(f["rmsprop.to90"], f["momentum.to90"]) + 1
            and f["adam.acc"] >= max(f["adam_b1_0.acc"], f["adam_b2_09.acc"]) - 0.02):
        assert r["verdict"] == "supported"
    elif f["adam.to90"] > max(f["rmsprop.to90"], f["momentum.to90"]) + 1:
        assert r["verdict"] == "not_supported"
    else:
        assert r["verdict"] == "depends"
