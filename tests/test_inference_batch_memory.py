"""Inference over a whole set (predict, evaluation) runs in batches whose node outputs take about
INFERENCE_BYTES, so a large network's evaluation does not hold 512 samples' activations; the
results equal one batch over the whole set."""
import numpy as np
import pytest

import dlstudio.engine.model as model_mod
from dlstudio.engine.model import Model
from dlstudio.engine.trainer import evaluate_metrics
from dlstudio.spec import analyze
from dlstudio.zoo import build_preset


def _small_cnn():
    return Model(build_preset("lenet5", (1, 28, 28), 10)[0], seed=0)


def test_the_batch_is_the_byte_budget_over_every_nodes_output():
    net = build_preset("resnet", (3, 32, 32), 10)[0]
    a = analyze(net)
    per_sample = 4 * sum(int(np.prod(a.shapes[nid])) for nid in a.order)
    m = Model(net)
    assert m.inference_batch() == model_mod.INFERENCE_BYTES // per_sample < 512
    assert m.inference_batch(cap=8) == 8
    assert _small_cnn().inference_batch() == 512        # a small network keeps the old batch


def test_evaluation_and_predict_in_small_batches_equal_one_batch(monkeypatch):
    m = _small_cnn()
    rng = np.random.default_rng(0)
    x = rng.random((70, 1, 28, 28), dtype=np.float32)
    y = rng.integers(0, 10, 70)
    whole = evaluate_metrics(m, x, y, "cross_entropy", batch_size=70)
    want = m.predict(x, batch_size=70)
    monkeypatch.setattr(model_mod, "INFERENCE_BYTES", 20 * 65_000)   # ≈ 20 LeNet samples
    batch = m.inference_batch()
    assert 1 < batch < 30
    seen = []
    infer = m.infer
    monkeypatch.setattr(m, "infer", lambda xb, keep=(): (seen.append(len(xb)), infer(xb, keep))[1])
    got = evaluate_metrics(m, x, y, "cross_entropy")
    assert max(seen) == batch and sum(seen) == 70
    assert got["accuracy"] == whole["accuracy"]
    assert got["loss"] == pytest.approx(whole["loss"], rel=1e-5)
    seen.clear()
    np.testing.assert_allclose(m.predict(x), want, rtol=1e-5, atol=1e-6)   # float32, other batch split
    assert max(seen) == batch and sum(seen) == 70
