"""The runner on a tiny experiment: events, stopping, repeatability, figures checked against the
engine run by hand, and the verdict re-derived from the figures."""
import json
import math

import numpy as np
import pytest

from dlstudio.data import load_dataset, split
from dlstudio.engine.model import Model
from dlstudio.engine.trainer import TrainConfig, Trainer
from dlstudio.experiments import experiment_from_dict, load_experiment, run_experiment


def _run(doc, **kw):
    events = []
    result = run_experiment(experiment_from_dict(doc), on_event=events.append, **kw)
    return result, events


def test_events_come_in_order(tiny_doc):
    result, events = _run(tiny_doc)
    assert events[-1] == {"event": "done", "result": result}
    progress = [e for e in events if e["event"] == "progress"]
    units = [(r["id"], s) for r in tiny_doc["runs"] for s in tiny_doc["seeds"]]
    assert [(e["run"], e["seed"]) for e in progress] == [u for u in units for _ in (0, 1)]
    assert [e["done"] for e in progress] == [k + d for k in range(len(units)) for d in (0, 1)]
    assert all(e["total"] == len(units) and e["text"] for e in progress)
    # every series event falls between its unit's start and end
    current = None
    for e in events:
        if e["event"] == "progress":
            current = (e["run"], e["seed"]) if e["phase"] == "start" else None
        elif e["event"] == "series":
            assert (e["run"], e["seed"]) == current
            assert len(e["x"]) == len(e["y"])
    names = {e["name"] for e in events if e["event"] == "series"}
    assert {"train_loss", "val_loss", "val_accuracy", "train_loss_batch", "epoch_seconds"} <= names
    json.dumps(result, allow_nan=False)   # JSON-safe


def test_result_has_the_contract_keys(tiny_doc):
    result, _ = _run(tiny_doc)
    for k in ("name", "title", "claim", "claim_id", "article", "verdict", "because", "figures", "series",
              "table", "seconds", "seeds", "stopped", "machine"):
        assert k in result
    assert result["stopped"] is False and result["seeds"] == [0, 1]
    assert result["machine"]["threads"] >= 1
    assert result["table"]["columns"] == ["run", *tiny_doc["figures"]]
    assert [r[0] for r in result["table"]["rows"]] == ["linear", "hidden ReLU"]
    fig = result["figures"]["deep.acc"]
    assert fig["mean"] == pytest.approx(np.mean(fig["values"]))
    assert fig["min"] == min(fig["values"]) and fig["max"] == max(fig["values"]) and fig["n"] == 2


def test_figures_match_the_engine_run_by_hand(tiny_doc):
    """Train the 'deep' run with seed 1 directly with the engine and compare."""
    result, _ = _run(tiny_doc)
    ds = load_dataset("blobs?n=120", seed=0)
    train, val = split(ds, 0.25, 0)
    exp = experiment_from_dict(tiny_doc)
    net = exp.run("deep").network_document(ds.sample_shape, ds.num_classes)
    model = Model(net, seed=1)
    cfg = TrainConfig(loss="cross_entropy", optimizer="adam", hyper={"lr": 0.05}, batch_size=16, epochs=3, seed=1)
    epochs, batches = [], []
    tr = Trainer(model, train.x, train.y, cfg, val=(val.x, val.y), task=ds.task)
    tr.callbacks.append(lambda e: (epochs if e["event"] == "epoch" else batches).append(e)
                        if e["event"] in ("epoch", "batch") else None)
    tr.run()
    s = result["series"]["deep"]
    assert s["val_accuracy"]["y"][1] == pytest.approx([e["val_accuracy"] for e in epochs])
    assert s["train_loss"]["y"][1] == pytest.approx([e["train_loss"] for e in epochs])
    assert s["train_loss_batch"]["y"][1] == pytest.approx([b["loss"] for b in batches])
    assert result["figures"]["deep.acc"]["values"][1] == pytest.approx(epochs[-1]["val_accuracy"])
    assert result["figures"]["deep.loss"]["values"][1] == pytest.approx(epochs[-1]["train_loss"])
    assert result["figures"]["deep.params"]["values"][1] == model.num_params
    # epochs_to: the first epoch reaching 0.5, or epochs + 1
    for run in ("lin", "deep"):
        for k, ys in enumerate(result["series"][run]["val_accuracy"]["y"]):
            hit = [i + 1 for i, y in enumerate(ys) if y >= 0.5]
            assert result["figures"][f"{run}.to"]["values"][k] == (hit[0] if hit else len(ys) + 1)
            b = np.array(result["series"][run]["train_loss_batch"]["y"][k])
            rough = np.mean(np.abs(np.log(b[1:]) - np.log(b[:-1])))
            assert result["figures"][f"{run}.rough"]["values"][k] == pytest.approx(rough)


def test_the_verdict_follows_from_the_figures(tiny_doc):
    for deep_lr in (0.05, 1e-6):   # a trained hidden layer vs one that barely moves
        tiny_doc["runs"][1]["settings"] = {"lr": deep_lr}
        result, _ = _run(tiny_doc)
        f = result["figures"]
        deep, lin = f["deep.acc"]["mean"], f["lin.acc"]["mean"]
        expected = "supported" if deep > lin else "depends"
        assert result["verdict"] == expected
        want = f"deep {deep:.3f} vs linear {lin:.3f}" if expected == "supported" else f"linear {lin:.3f}"
        assert result["because"] == want


def test_same_seed_same_figures(tiny_doc):
    a, _ = _run(tiny_doc)
    b, _ = _run(tiny_doc, seeds=[1, 0])
    for name in ("deep.acc", "deep.loss", "lin.loss"):
        assert a["figures"][name]["values"] == b["figures"][name]["values"][::-1]
    assert a["series"]["deep"]["train_loss_batch"]["y"][0] == b["series"]["deep"]["train_loss_batch"]["y"][1]
    assert a["figures"]["deep.loss"]["values"][0] != a["figures"]["deep.loss"]["values"][1]


def test_stop_midway(tiny_doc):
    tiny_doc["defaults"]["epochs"] = 50
    seen = {"batches": 0}
    events = []

    def on_event(ev):
        events.append(ev)

    def should_stop():
        seen["batches"] += 1
        return seen["batches"] > 40   # in the first unit's third epoch or so

    result = run_experiment(experiment_from_dict(tiny_doc), on_event=on_event, should_stop=should_stop)
    assert result["stopped"] is True and result["verdict"] is None
    assert events[-1]["event"] == "done"
    assert not any(e["event"] == "progress" and e.get("phase") == "end" for e in events)
    assert seen["batches"] < 60   # it stopped promptly, not after 50 epochs


def test_a_diverging_run_is_measured_not_raised(tiny_doc):
    tiny_doc["runs"][1]["settings"] = {"lr": 1e30, "optimizer": "sgd"}
    tiny_doc["figures"]["div"] = "diverged"
    result, _ = _run(tiny_doc)
    assert result["figures"]["deep.div"]["values"] == [1.0, 1.0]
    assert result["figures"]["lin.div"]["values"] == [0.0, 0.0]
    json.dumps(result, allow_nan=False)


def _check_builtin(name):
    result = run_experiment(load_experiment(name))
    exp = load_experiment(name)
    from dlstudio.experiments.verdict import decide, lookup_in
    assert result["verdict"] in ("supported", "not_supported", "depends")
    assert (result["verdict"], result["because"]) == decide(exp.verdict, lookup_in(result["figures"]))
    assert len(result["seeds"]) >= 3
    return result


@pytest.mark.slow
def test_builtin_linear_stack():
    r = _check_builtin("linear-stack")
    f = r["figures"]
    supported = (f["linear.acc"]["max"] <= 0.6 and f["relu.acc"]["min"] >= 0.95
                 and abs(f["linear.acc"]["mean"] - f["single.acc"]["mean"]) <= 0.05)
    assert (r["verdict"] == "supported") == supported
    assert f["linear.params"]["mean"] == f["relu.params"]["mean"]


@pytest.mark.slow
def test_builtin_cross_entropy_vs_mse():
    r = _check_builtin("cross-entropy-vs-mse")
    f = {k: v["mean"] for k, v in r["figures"].items()}
    sgd = min(f["mse_sgd.to90"], f["mse_sgd_lr1.to90"]) >= 2 * f["ce_sgd.to90"]
    adam = f["mse_adam.to90"] >= 1.5 * f["ce_adam.to90"]
    if sgd and adam:
        assert r["verdict"] == "supported"
    elif sgd:
        assert r["verdict"] == "depends"
    assert not math.isnan(f["ce_sgd.to90"])
