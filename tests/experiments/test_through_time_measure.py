"""The "through_time" measure (claim 21): the gradient per time step against finite differences
and against the lab's LSTM page, the curve it records, a run's own data set, bad settings."""
import numpy as np
import pytest

from dlstudio.engine.lab.lstm_cell import gradient_through_time
from dlstudio.engine.losses import get_loss
from dlstudio.engine.model import Model
from dlstudio.experiments import ExperimentError, experiment_from_dict, run_experiment
from dlstudio.experiments.measures.through_time import step_gradients
from dlstudio.spec import Network


def _net(kind, steps=5, features=2, units=3):
    net = Network(name="t")
    net.add("in", "Input", {"shape": [steps, features]})
    net.add("r", kind, {"units": units}, after="in")
    net.add("d", "Dense", {"units": 1}, after="r")
    return net


@pytest.mark.parametrize("kind", ["SimpleRNN", "LSTM"])
def test_step_gradients_match_finite_differences(kind):
    rng = np.random.default_rng(4)
    x, y = rng.standard_normal((3, 5, 2)), rng.standard_normal((3, 1))
    model = Model(_net(kind), dtype=np.float64, seed=2)
    norms = step_gradients(model, x, y, "mse")
    loss = get_loss("mse")
    fd = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        keep = x[idx]
        x[idx] = keep + 1e-6
        up = loss(model.forward(x), y)[0]
        x[idx] = keep - 1e-6
        down = loss(model.forward(x), y)[0]
        x[idx] = keep
        fd[idx] = (up - down) / 2e-6
    np.testing.assert_allclose(norms, np.sqrt(np.sum(fd ** 2, axis=(0, 2))), rtol=1e-5, atol=1e-10)
    assert model.layers["r"].need_dx is False and "backward" not in vars(model.layers["r"])   # left as found


@pytest.mark.parametrize("kind", ["SimpleRNN", "LSTM"])
def test_step_gradients_agree_with_the_lab_page(kind):
    x = np.random.default_rng(5).random((12, 2)).astype(np.float32)
    lab = gradient_through_time(kind, x, [0.7], units=4, seed=3)
    net = Network(name="lab")          # the lab's network, with this module's node names
    net.add("input", "Input", {"shape": [12, 2]})
    net.add("rec", kind, {"units": 4}, after="input")
    net.add("out", "Dense", {"units": 1}, after="rec")
    ours = step_gradients(Model(net, seed=3), x[None], np.array([[0.7]], np.float32), "mse")
    np.testing.assert_allclose(ours, lab.norms, rtol=1e-4)


def test_step_gradients_refuse_non_sequences():
    net = Network(name="d")
    net.add("in", "Input", {"shape": [3]})
    net.add("d", "Dense", {"units": 1}, after="in")
    with pytest.raises(ValueError, match="sequences"):
        step_gradients(Model(net), np.zeros((2, 3), np.float32), np.zeros((2, 1), np.float32), "mse")


def _doc(**over):
    doc = {"format": "dlstudio-experiment", "version": 1, "name": "tt", "title": "T", "claim": "c",
           "seeds": [0], "defaults": {"epochs": 1, "lr": 0.01, "loss": "mse", "grad_batch": 16},
           "runs": [{"id": f"r{t}", "label": "rnn", "settings": {"data": f"adding:{t}?n=64"},
                     "network": {"chain": [["SimpleRNN", {"units": 4}], ["Dense", {"units": "outputs"}]]}}
                    for t in (6, 12)],
           "measure": "through_time",
           "figures": {"g": "grad_first_over_last", "steps": "steps", "mae": "final.val_mae"},
           "verdict": [{"then": "depends", "because": "{r6.g.mean}"}]}
    doc.update(over)
    return doc


def test_each_run_gets_its_own_sequence_length_and_a_relative_curve():
    r = run_experiment(experiment_from_dict(_doc()))
    from dlstudio.data import load_dataset, split
    for rid, t in (("r6", 6), ("r12", 12)):
        assert r["figures"][f"{rid}.steps"]["values"] == [t]
        curve = r["series"][rid]["grad_through_time"]
        ys = curve["y"][0]
        assert curve["x"] == list(range(t)) and ys[0] == 1.0
        assert r["figures"][f"{rid}.g"]["values"][0] == pytest.approx(ys[-1])
        # the same numbers by hand: the run's data split like the experiment's, its seeded model
        ds = load_dataset(f"adding:{t}?n=64", seed=0)
        train, _ = split(ds, 0.25, 0)
        net = experiment_from_dict(_doc()).run(rid).network_document(ds.sample_shape, 1)
        norms = step_gradients(Model(net, seed=0), train.x[:16], train.y[:16], "mse")
        np.testing.assert_allclose(ys, (norms / norms[-1])[::-1], rtol=1e-6)
        assert r["series"][rid]["val_mae"]["x"] == [1.0]        # and it trained like "train"


def test_bad_settings_are_refused():
    doc = _doc()
    doc["runs"][0]["settings"] = {"data": ""}
    with pytest.raises(ExperimentError, match="data setting"):
        run_experiment(experiment_from_dict(doc))
    doc["runs"][0]["settings"] = {"data": "adding:6?n=64", "grad_batch": 0}
    with pytest.raises(ExperimentError, match="grad_batch"):
        run_experiment(experiment_from_dict(doc))
    doc["runs"][0]["settings"] = {"data": "digits"}
    with pytest.raises(ExperimentError, match="sequence data"):
        run_experiment(experiment_from_dict(doc))
    doc["runs"][0]["settings"] = {}
    with pytest.raises(ExperimentError, match="no data"):
        run_experiment(experiment_from_dict(doc))
