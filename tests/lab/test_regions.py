"""Decision regions: the grid is the network's own answer (Model.predict, model.values), and a
short seeded run separates xor and circles on the grid."""
from __future__ import annotations

import time

import numpy as np
import pytest

from dlstudio.data.registry import load_dataset
from dlstudio.engine.lab import regions as R
from dlstudio.engine.model import Model
from dlstudio.engine.probes import Probe
from dlstudio.spec import Network


def _net(last: str | None = None, units: int = 3) -> Network:
    net = R.mlp([5, 4], "Tanh", units)
    if last:
        net.add("p", last, after="out")
    return net


def test_grid_covers_the_data_with_a_margin():
    x = np.array([[-1.0, 0.0], [1.0, 2.0], [0.0, 1.0]], np.float32)
    g = R.make_grid(x, size=11, margin=0.1)
    assert g.points.shape == (121, 2) and g.points.dtype == np.float32
    assert g.xs[0] == pytest.approx(-1.2) and g.xs[-1] == pytest.approx(1.2)
    assert g.ys[0] == pytest.approx(-0.2) and g.ys[-1] == pytest.approx(2.2)
    # row-major: point j*nx + i is (xs[i], ys[j])
    np.testing.assert_allclose(g.points[3 * 11 + 7], [g.xs[7], g.ys[3]], rtol=1e-6)
    row, col = g.cell_of(np.array([[g.xs[4] + 0.01, g.ys[9] - 0.01]]))
    assert (row[0], col[0]) == (9, 4)
    with pytest.raises(ValueError, match="2-D points"):
        R.make_grid(np.zeros((5, 3)))


def test_probabilities_are_the_softmax_of_model_predict():
    m = Model(_net(), seed=3)
    g = R.make_grid(np.random.default_rng(0).normal(size=(40, 2)), size=9)
    reg = R.evaluate(m, g)
    out = Model(_net(), seed=3).predict(g.points.copy()).astype(np.float64)
    e = np.exp(out - out.max(axis=1, keepdims=True))
    want = (e / e.sum(axis=1, keepdims=True)).reshape(9, 9, 3)
    assert reg.probs.dtype == np.float32
    np.testing.assert_allclose(reg.probs, want, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(reg.values, out.reshape(9, 9, 3), rtol=1e-6)
    np.testing.assert_allclose(reg.probs.sum(axis=2), 1.0, atol=1e-5)


@pytest.mark.parametrize("last,units", [("Softmax", 3), ("Sigmoid", 1), (None, 1)])
def test_probabilities_for_other_ends(last, units):
    m = Model(_net(last, units), seed=1)
    g = R.make_grid(np.array([[0.0, 0.0], [1.0, 1.0]]), size=5)
    reg = R.evaluate(m, g)
    out = m.predict(g.points).astype(np.float64)
    if units == 1:
        p = out[:, 0] if last == "Sigmoid" else 1 / (1 + np.exp(-out[:, 0]))
        want = np.stack([1 - p, p], axis=1)
    else:
        want = out
    np.testing.assert_allclose(reg.probs.reshape(-1, want.shape[1]), want, rtol=1e-5, atol=1e-6)
    assert R.evaluate(m, g, classify=False).probs is None


def test_hidden_unit_grids_are_the_node_values():
    m = Model(_net(), seed=2)
    assert R.hidden_nodes(m) == ["act1", "act2"]
    assert R.hidden_nodes(m, max_units=6) == ["act1"]
    assert R.hidden_nodes(Model(R.mlp([40], "ReLU", 2))) == []  # too big to show unit by unit
    g = R.make_grid(np.array([[-2.0, -1.0], [2.0, 1.0]]), size=7)
    reg = R.evaluate(m, g)
    ref = Model(_net(), seed=2)
    for nid in ("act1", "act2"):
        ref.forward(g.points)
        np.testing.assert_allclose(reg.hidden[nid], ref.values[nid].reshape(7, 7, -1), rtol=1e-6)
    # the first hidden unit is tanh(x W + b) of the first Dense layer
    w, b = ref.weights()["dense1.kernel"], ref.weights()["dense1.bias"]
    np.testing.assert_allclose(reg.hidden["act1"].reshape(-1, 5), np.tanh(g.points @ w + b), rtol=1e-5,
                               atol=1e-6)


def test_probe_hands_out_regions_copies():
    m = Model(_net(), seed=0)
    g = R.make_grid(np.array([[0.0, 0.0], [1.0, 1.0]]), size=6)
    probe = Probe(m, grid=g, rate_hz=1000.0)
    snap = probe.collect()["regions"]
    before = snap.probs.copy()
    m.params[:] += 0.5
    R.evaluate(m, g)
    np.testing.assert_array_equal(snap.probs, before)  # not a view into the model's buffers
    assert probe.maybe_collect(now=0.0) is not None and probe.maybe_collect(now=0.0001) is None


def test_mlp_rejects_unknown_activation():
    with pytest.raises(ValueError, match="unknown activation"):
        R.mlp([4], "Swish", 2)


@pytest.mark.parametrize("data", ["xor?n=300", "circles?n=300"])
def test_a_short_run_separates_the_classes_on_the_grid(data):
    ds = load_dataset(data, seed=0)
    run = R.RegionsRun(R.mlp([8, 8], "Tanh", 2), ds.x, ds.y, optimizer="adam", lr=0.03, batch_size=16,
                       rate_hz=50.0, grid_size=64, pace_s=0.0, max_epochs=40)
    first = run.snapshot().seq
    run.start()
    run._thread.join(60)
    snap = run.snapshot()
    assert snap.state == "done", snap.message
    assert snap.seq > first + 1 and len(snap.losses) == 40
    acc = np.mean(snap.regions.classes_at(ds.x) == ds.y)
    assert acc >= 0.9, acc
    # the final snapshot is the trained model's own answer
    np.testing.assert_allclose(snap.regions.probs, R.evaluate(run.model, run.grid).probs, rtol=1e-6)


def test_pause_resume_and_stop():
    ds = load_dataset("xor?n=100", seed=0)
    run = R.RegionsRun(R.mlp([4], "ReLU", 2), ds.x, ds.y, pace_s=0.001, grid_size=16)
    run.start()
    deadline = time.monotonic() + 10
    while not run.snapshot().losses and time.monotonic() < deadline:
        time.sleep(0.01)
    run.pause()
    assert run.snapshot().state == "paused"
    run.start()
    assert run.running
    run.stop()
    assert not run._thread.is_alive() and run.snapshot().state == "stopped"
