"""Probes hand out copies of inner values at a bounded rate without changing training."""
import numpy as np

from dlstudio.data import load_dataset, split
from dlstudio.engine.model import Model
from dlstudio.engine.probes import Probe
from dlstudio.engine.trainer import TrainConfig, Trainer
from dlstudio.zoo.presets import mlp


def make(seed=0):
    tr, va = split(load_dataset("digits"), 0.2, 0)
    m = Model(mlp(tr.sample_shape, 10), seed=seed)
    t = Trainer(m, tr.x, tr.y, TrainConfig(epochs=1, hyper={"lr": 0.005}), val=(va.x, va.y))
    return t, tr


def test_probe_values_are_copies_of_the_forward_pass():
    t, tr = make()
    p = Probe(t.model, tr.x[3], nodes=["tanh1", "output"], weights=["dense1.kernel"])
    snap = p.collect()
    expected = t.model.forward(tr.x[3:4])[0]
    np.testing.assert_allclose(snap["values"]["output"], expected, rtol=1e-6)
    assert snap["values"]["tanh1"].shape == (64,)
    snap["weights"]["dense1.kernel"][:] = 7  # a copy: the model is untouched
    assert not (t.model.layers["dense1"].w["kernel"] == 7).any()
    assert set(snap["stats"]) == {s.name for s in t.model.slots}


def test_rate_is_bounded():
    t, tr = make()
    p = Probe(t.model, tr.x[0], nodes=["output"], rate_hz=10)
    assert p.maybe_collect(now=100.0) is not None
    assert p.maybe_collect(now=100.05) is None
    assert p.maybe_collect(now=100.11) is not None


def test_probing_during_training_does_not_change_the_result():
    plain, _ = make()
    plain.run(1)
    probed, tr = make()
    p = Probe(probed.model, tr.x[0], nodes=["tanh2"], rate_hz=0)
    snaps = []
    probed.callbacks.append(lambda e: e["event"] == "batch" and snaps.append(p.maybe_collect()))
    probed.run(1)
    assert len(snaps) == -(-len(tr) // 32) and all(s is not None for s in snaps)
    np.testing.assert_array_equal(plain.model.params, probed.model.params)
    # the gradient norms follow training
    assert snaps[0]["stats"]["dense1.kernel"]["grad_norm"] != snaps[-1]["stats"]["dense1.kernel"]["grad_norm"]
