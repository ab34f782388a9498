"""The trainer keeps a numeric training set in its own dtype (no whole-set float32 copy) and
converts each batch as it is drawn: the weights come out exactly as from a float32 set."""
import numpy as np
import pytest

from dlstudio.engine.model import Model
from dlstudio.engine.trainer import TrainConfig, Trainer
from dlstudio.zoo.presets import mlp


def _trained(x, y):
    t = Trainer(Model(mlp((4,), 3), seed=0), x, y, TrainConfig(batch_size=8, epochs=2, val_split=0.0))
    t.run()
    return t


@pytest.mark.parametrize("dtype", [np.float64, np.uint8, np.int16])
def test_a_non_float32_set_is_not_copied_and_trains_as_its_float32_version(dtype):
    rng = np.random.default_rng(0)
    x = (rng.random((50, 4)) * 10).astype(dtype)
    y = rng.integers(0, 3, 50)
    t = _trained(x, y)
    assert np.shares_memory(t.x, x)                       # no float32 copy of the whole set
    reference = _trained(x.astype(np.float32), y)
    np.testing.assert_array_equal(t.model.params, reference.model.params)
    assert t.model.params.dtype == np.float32


def test_a_non_contiguous_set_is_made_contiguous_once():
    rng = np.random.default_rng(1)
    x = rng.random((40, 8))[:, ::2]
    y = rng.integers(0, 3, 40)
    t = _trained(x, y)
    assert t.x.flags.c_contiguous and t.x.dtype == np.float64
    np.testing.assert_array_equal(t.model.params, _trained(np.ascontiguousarray(x, np.float32), y).model.params)
