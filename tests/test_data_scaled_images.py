"""8-bit image sets (idx / MNIST) stay uint8 in memory and become float32 batch by batch: the
batches hold exactly the values the old whole-set float32 conversion gave (also normalised), and
loading + training an epoch allocates well under the float32 copy the old code made."""
import struct
import tracemalloc

import numpy as np
import pytest

from dlstudio.data import load_dataset
from dlstudio.data.dataset import split
from dlstudio.data.preprocess import channel_stats
from dlstudio.data.scaled import ScaledImages
from dlstudio.engine.model import Model
from dlstudio.engine.trainer import TrainConfig, Trainer, evaluate_metrics
from dlstudio.spec import Network


def _idx(a: np.ndarray) -> bytes:
    code = 0x08 if a.dtype == np.uint8 else 0x0C
    return (bytes([0, 0, code, a.ndim]) + struct.pack(f">{a.ndim}I", *a.shape)
            + a.astype(">u1" if code == 0x08 else ">i4").tobytes())


def _write(tmp_path, n: int, seed: int = 0, size: int = 28) -> tuple[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, (n, size, size), dtype=np.uint8)
    labels = (np.arange(n) % 10).astype(np.uint8)
    (tmp_path / "i").write_bytes(_idx(images))
    (tmp_path / "l").write_bytes(_idx(labels))
    return f"idx:{tmp_path / 'i'},{tmp_path / 'l'}", images


def _old_float(images: np.ndarray) -> np.ndarray:
    """What the loader used to keep: the whole set as float32 in [0, 1]."""
    return images[:, None].astype(np.float32) / np.float32(255)


def test_idx_images_are_stored_as_uint8_and_batches_equal_the_old_float32(tmp_path):
    spec, images = _write(tmp_path, 50)
    ds = load_dataset(spec)
    assert isinstance(ds.x, ScaledImages) and ds.x.raw.dtype == np.uint8
    assert ds.x.nbytes == images.nbytes and ds.x.shape == (50, 1, 28, 28) and ds.x.dtype == np.float32
    old = _old_float(images)
    idx = np.random.default_rng(1).permutation(50)[:17]
    for got, want in ((ds.x[idx], old[idx]), (ds.x[3:9], old[3:9]), (ds.x[4], old[4]),
                      (ds.x[2:5, 0, 3], old[2:5, 0, 3]), (np.asarray(ds.x), old)):
        assert got.dtype == np.float32
        np.testing.assert_array_equal(got, want)
    assert float(ds.x.max()) == float(old.max()) and (ds.x * 2).dtype == np.float32
    train, val = split(ds, 0.2, seed=0)       # the split keeps both parts 8-bit
    assert isinstance(train.x, ScaledImages) and isinstance(val.x, ScaledImages)
    assert train.x.raw.dtype == np.uint8 and len(train) + len(val) == 50


def test_normalised_batches_equal_the_old_whole_set_arithmetic(tmp_path):
    spec, images = _write(tmp_path, 40, seed=3)
    ds = load_dataset(spec + "?normalize=standard")
    assert isinstance(ds.x, ScaledImages) and ds.x.raw.dtype == np.uint8
    old = _old_float(images)
    mean, std = channel_stats(old)
    old = old - mean[None, :, None, None]
    old /= std[None, :, None, None]
    np.testing.assert_array_equal(ds.x[::3], old[::3])
    assert float(ds.x.mean()) == float(old.mean()) and float(ds.x.std()) == float(old.std())
    assert ds.preprocessing["normalize"] == {"mean": [float(mean[0])], "std": [float(std[0])]}
    again = load_dataset(spec, preprocessing=ds.preprocessing)   # a model file's record
    np.testing.assert_array_equal(again.x[5:7], old[5:7])
    resized = load_dataset(spec + "?resize=14")                  # resizing gives float32 as before
    assert isinstance(resized.x, np.ndarray) and resized.x.shape == (40, 1, 14, 14)


def test_read_only_and_bad_input():
    x = ScaledImages(np.zeros((2, 1, 3, 3), np.uint8), 255)
    with pytest.raises(TypeError):
        x[0] = 1
    with pytest.raises(ValueError, match="uint8"):
        ScaledImages(np.zeros((2, 1, 3, 3), np.float32), 255)
    with pytest.raises(ValueError, match="per channel"):
        ScaledImages(np.zeros((2, 3, 3, 3), np.uint8), 255, [0.5], [0.2])


def _dense_net(size: int) -> Network:
    return (Network().add("in", "Input", {"shape": [1, size, size]})
            .add("flat", "Flatten", {}, after="in").add("out", "Dense", {"units": 10}, after="flat")
            .add("sm", "Softmax", {}, after="out"))


def test_loading_and_an_epoch_allocate_less_than_a_float32_copy(tmp_path):
    n, size = 6000, 28
    spec, images = _write(tmp_path, n, seed=5, size=size)
    float_bytes = n * size * size * 4                      # 18.8 MB: the old whole-set copy
    model = Model(_dense_net(size), seed=0)
    Trainer(model, _old_float(images[:64]), np.zeros(64, np.int64),
            TrainConfig(batch_size=100, epochs=1, val_split=0.0)).run(1)   # kernels compiled, caches warm
    del images
    tracemalloc.start()
    try:
        ds = load_dataset(spec)
        train, val = split(ds, 0.2, seed=0)
        del ds
        trainer = Trainer(model, train.x, train.y, TrainConfig(batch_size=100, epochs=1, val_split=0.0),
                          val=(val.x, val.y))
        trainer.run(1)
        evaluate_metrics(model, val.x, val.y, "cross_entropy")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert trainer.epochs_done == 1
    # uint8 file bytes + the uint8 array + the split's uint8 parts + batches: about 3 × 4.7 MB
    assert peak < 0.8 * float_bytes, f"peak {peak / 2**20:.1f} MiB"
