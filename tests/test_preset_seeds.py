"""Issue 15 item 15: a preset's documented accuracy must hold for every seed, not for seed 0.

Before the fix (zero biases in the layers not read by a ReLU: a tanh MLP started as an odd
function, f(−x) = −f(x)) the `mlp` preset on `spirals` stalled near chance on some seeds
(seeds 0-11: 4 below 0.9, seed 1 at 0.38).
The full sweep of every preset is `benchmarks/preset_seeds.py` (figures in docs/presets.md).
"""
import numpy as np
import pytest

from dlstudio.engine.model import Model
from dlstudio.run import prepare
from dlstudio.zoo.presets import build_preset


def final_val_accuracy(preset: str, data: str, seed: int) -> float:
    run = prepare(preset, data, seed=seed)
    run.trainer.run(run.config.epochs)
    return run.trainer.history["epochs"][-1]["val_accuracy"]


@pytest.mark.slow
def test_mlp_on_spirals_reaches_the_documented_accuracy_on_every_seed():
    accs = [final_val_accuracy("mlp", "spirals", seed) for seed in range(10)]
    assert min(accs) >= 0.98, [round(a, 3) for a in accs]     # docs/presets.md: ≥ 0.98 on every seed


def test_mlp_starts_as_a_function_that_is_not_odd():
    """With zero biases a tanh MLP computes f(−x) = −f(x) at the start: the symmetric saddle the
    bad seeds stalled at. Every Dense layer not read by a ReLU now starts with a random bias."""
    net, _ = build_preset("mlp", (2,), 3)
    model = Model(net, seed=1)
    x = np.random.default_rng(0).uniform(-1, 1, (64, 2)).astype(np.float32)
    fx, fmx = model.forward(x), model.forward(-x)
    assert np.abs(fx + fmx).max() > 0.05 * np.abs(fx).max()
    for nid in ("dense1", "dense2", "output"):
        fan_in = model.layers[nid].w["kernel"].shape[0]
        bias = model.layers[nid].w["bias"]
        assert np.count_nonzero(bias) == bias.size
        assert np.abs(bias).max() <= 1 / np.sqrt(fan_in)
