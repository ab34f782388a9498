"""Tests for dlstudio.data: procedural sets, bundled digits, Dataset and split, DATA syntax."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from dlstudio.data import DataError, Dataset, available, load_dataset, split
from dlstudio.data.digits import resize_bilinear

DATA_PKG = Path(__file__).resolve().parents[1] / "dlstudio" / "data"

PROCEDURAL = {  # spec -> (default N, classes)
    "spirals": (1500, 3),
    "circles": (1000, 2),
    "xor": (1000, 2),
    "moons": (1000, 2),
    "blobs": (1000, 3),
}


def nearest_neighbour_accuracy(train: Dataset, val: Dataset) -> float:
    d = ((val.x[:, None, :] - train.x[None, :, :]) ** 2).sum(-1)
    return float((train.y[d.argmin(1)] == val.y).mean())


# ---------------------------------------------------------------- procedural sets

@pytest.mark.parametrize("name", sorted(PROCEDURAL))
def test_procedural_shapes_dtypes_labels(name):
    n, k = PROCEDURAL[name]
    ds = load_dataset(name)
    assert ds.name == name
    assert ds.task == "classification"
    assert ds.x.dtype == np.float32 and ds.x.shape == (n, 2)
    assert ds.y.dtype == np.int64 and ds.y.shape == (n,)
    assert len(ds) == n and ds.sample_shape == (2,) and ds.target_shape == ()
    assert ds.num_classes == k == len(ds.classes)
    counts = np.bincount(ds.y, minlength=k)
    assert len(counts) == k and counts.max() - counts.min() <= 1  # balanced
    assert np.isfinite(ds.x).all()
    assert np.abs(ds.x).max() < 1.5 and np.abs(ds.x.mean(0)).max() < 0.15  # ~[-1, 1], centred
    assert ds.preprocessing == {}
    # samples come shuffled, not sorted by class
    assert (np.diff(ds.y) != 0).sum() > k


@pytest.mark.parametrize("name", sorted(PROCEDURAL))
def test_procedural_seeds(name):
    a, b, c = load_dataset(name, seed=7), load_dataset(name, seed=7), load_dataset(name, seed=8)
    np.testing.assert_array_equal(a.x, b.x)
    np.testing.assert_array_equal(a.y, b.y)
    assert not np.array_equal(a.x, c.x)
    assert load_dataset(name).source == a.source


@pytest.mark.parametrize("spec", ["spirals", "spirals:5?n=600&noise=0.1", "blobs:4?n=200",
                                  "circles?noise=0", "moons?n=50", "xor?noise=0.2"])
def test_source_recreates_dataset(spec):
    ds = load_dataset(spec, seed=3)
    again = load_dataset(ds.source, seed=3)
    assert again.source == ds.source
    np.testing.assert_array_equal(ds.x, again.x)
    np.testing.assert_array_equal(ds.y, again.y)


def test_procedural_options():
    ds = load_dataset("spirals:5?n=600&noise=0.1")
    assert ds.source == "spirals:5?n=600&noise=0.1"
    assert ds.x.shape == (600, 2) and ds.num_classes == 5
    assert np.bincount(ds.y).tolist() == [120] * 5
    assert load_dataset("spirals").source == "spirals:3"
    assert load_dataset("SPIRALS:4").num_classes == 4
    assert load_dataset("blobs:7?n=71").x.shape == (71, 2)
    assert load_dataset("circles?n=11").x.shape == (11, 2)
    # noise 0: exact geometry
    ring = load_dataset("circles?noise=0")
    radius = np.hypot(ring.x[:, 0], ring.x[:, 1])
    np.testing.assert_allclose(radius[ring.y == 0], 1.0, atol=1e-6)
    np.testing.assert_allclose(radius[ring.y == 1], 0.5, atol=1e-6)
    quads = load_dataset("xor?noise=0")
    assert ((quads.x[:, 0] * quads.x[:, 1] < 0) == (quads.y == 1)).all()
    # more noise spreads the points further from the rings
    noisy = load_dataset("circles?noise=0.3")
    spread = np.abs(np.hypot(noisy.x[:, 0], noisy.x[:, 1]) - np.where(noisy.y == 0, 1, 0.5))
    assert spread.mean() > 0.1


def test_spirals_are_learnable():
    """The default spirals must separate well: 1-NN on a held-out 20% is a cheap proxy."""
    train, val = split(load_dataset("spirals"), 0.2, seed=0)
    assert nearest_neighbour_accuracy(train, val) >= 0.95


@pytest.mark.parametrize("spec, words", [
    ("spirals:1", ["between 2 and 10"]),
    ("spirals:11", ["between 2 and 10"]),
    ("spirals:three", ["whole number"]),
    ("blobs:0", ["between 2 and 10"]),
    ("circles:3", ["no ':' argument", "2 classes"]),
    ("spirals?n=2", ["between 3 and"]),
    ("spirals?n=many", ["whole number"]),
    ("spirals?noise=-1", ["between 0 and 1"]),
    ("spirals?noise=nan", ["between 0 and 1"]),
    ("spirals?noise=loud", ["must be a number"]),
    ("spirals?arms=3", ["unknown option 'arms'", "n, noise"]),
    ("spirals?n", ["KEY=VALUE"]),
    ("spirals?n=5&n=6", ["twice"]),
])
def test_procedural_option_errors(spec, words):
    with pytest.raises(DataError) as err:
        load_dataset(spec)
    for w in words:
        assert w in str(err.value)


# ---------------------------------------------------------------- digits

def test_digits():
    ds = load_dataset("digits")
    assert ds.name == "digits" and ds.source == "digits" and ds.task == "classification"
    assert ds.x.shape == (1797, 1, 8, 8) and ds.x.dtype == np.float32
    assert ds.y.shape == (1797,) and ds.y.dtype == np.int64
    assert ds.classes == [str(i) for i in range(10)] and ds.num_classes == 10
    assert np.bincount(ds.y).tolist() == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    assert ds.y[0] == 0 and ds.y[:10].tolist() == list(range(10))
    assert ds.x.min() == 0.0 and ds.x.max() == 1.0
    raw = ds.x * 16
    np.testing.assert_array_equal(raw, np.round(raw))  # stored values were 0..16
    assert ds.preprocessing == {"scale": 1 / 16}
    # the first image is a zero: a ring of ink with an empty centre
    first = ds.x[0, 0]
    assert first[3:5, 3:5].max() < 0.2 and first[:, 1:3].max() > 0.5
    assert load_dataset("digits", seed=5).x.tobytes() == ds.x.tobytes()


def test_digits_resized():
    small = load_dataset("digits")
    big = load_dataset("digits:28")
    assert big.x.shape == (1797, 1, 28, 28) and big.x.dtype == np.float32
    assert big.source == "digits:28"
    assert big.x.min() >= 0.0 and big.x.max() <= 1.0 and big.x.max() > 0.99
    assert big.preprocessing == {"scale": 1 / 16, "resize": 28, "interpolation": "bilinear"}
    np.testing.assert_array_equal(big.y, small.y)
    np.testing.assert_allclose(big.x.mean(axis=(2, 3)), small.x.mean(axis=(2, 3)), atol=0.02)
    for s in (9, 64):
        assert load_dataset(f"digits:{s}").x.shape == (1797, 1, s, s)
    np.testing.assert_array_equal(load_dataset("digits:8").x, small.x)
    assert load_dataset("digits:8").source == "digits"


def test_resize_bilinear_values():
    # half-pixel centres: 2 -> 4 samples the input at 0, 0.25, 0.75, 1 (edges clamped)
    np.testing.assert_allclose(resize_bilinear(np.array([[0.0, 1.0]]), 1, 4),
                               [[0, 0.25, 0.75, 1]], atol=1e-7)
    rng = np.random.default_rng(0)
    img = rng.random((2, 3, 8, 8)).astype(np.float32)
    np.testing.assert_allclose(resize_bilinear(img, 8), img, atol=1e-6)  # same size: identity
    out = resize_bilinear(img, 20, 13)
    assert out.shape == (2, 3, 20, 13) and out.dtype == np.float32
    assert out.min() >= img.min() and out.max() <= img.max()
    np.testing.assert_allclose(resize_bilinear(np.full((5, 5), 0.3), 17), 0.3, atol=1e-6)
    # a linear ramp stays linear away from the clamped edges
    ramp = np.tile(np.arange(8.0), (8, 1))
    row = resize_bilinear(ramp, 8, 16)[0]
    np.testing.assert_allclose(np.diff(row[1:-1]), 0.5, atol=1e-5)


@pytest.mark.parametrize("spec", ["digits:7", "digits:65", "digits:big", "digits?scale=1"])
def test_digits_errors(spec):
    with pytest.raises(DataError):
        load_dataset(spec)


# ---------------------------------------------------------------- Dataset and split

def indexed_dataset(n=200, k=4, task="classification") -> Dataset:
    x = np.arange(n, dtype=np.float32)[:, None].repeat(3, 1)
    if task == "classification":
        y = np.arange(n) % k
        y[: n // 3] = 0  # unbalanced classes
    else:
        y = np.linspace(0, 1, n)[:, None]
    return Dataset(name="t", source="t", x=x, y=y, task=task,
                   classes=[f"c{i}" for i in range(k)] if task == "classification" else [])


def test_dataset_properties_and_subset():
    ds = indexed_dataset()
    assert ds.x.dtype == np.float32 and ds.y.dtype == np.int64
    assert ds.sample_shape == (3,) and ds.target_shape == () and ds.num_classes == 4
    sub = ds.subset([5, 1, 2])
    assert len(sub) == 3 and sub.x[:, 0].tolist() == [5, 1, 2]
    assert sub.classes == ds.classes and sub.source == ds.source
    sub.x[0, 0] = -1  # a copy, not a view
    assert ds.x[5, 0] == 5
    assert len(ds.subset(slice(10, 20))) == 10
    assert len(ds.subset(ds.y == 1)) == (ds.y == 1).sum()
    assert len(ds.subset(np.array([], dtype=np.int64))) == 0
    assert len(ds.subset(3)) == 1
    reg = indexed_dataset(task="regression")
    assert reg.y.dtype == np.float32 and reg.target_shape == (1,) and reg.num_classes == 0
    assert reg.classes == []


def test_dataset_rejects_bad_construction():
    with pytest.raises(DataError, match="task"):
        Dataset("t", "t", np.zeros((2, 1)), np.zeros(2), "clustering", [], {})
    with pytest.raises(DataError, match="samples"):
        Dataset("t", "t", np.zeros((3, 1)), np.zeros(2), "regression", [], {})
    with pytest.raises(DataError, match="out of range"):
        Dataset("t", "t", np.zeros((2, 1)), np.array([0, 2]), "classification", ["a", "b"], {})


def test_split_sizes_stratified_disjoint():
    ds = indexed_dataset()
    train, val = split(ds, 0.25, seed=1)
    assert len(train) + len(val) == len(ds) and len(val) == 50
    ids_t, ids_v = set(train.x[:, 0].tolist()), set(val.x[:, 0].tolist())
    assert not ids_t & ids_v and ids_t | ids_v == set(range(len(ds)))
    total = np.bincount(ds.y, minlength=4)
    got = np.bincount(val.y, minlength=4)
    assert np.all(np.abs(got - 0.25 * total) <= 1)
    # labels travel with their samples
    np.testing.assert_array_equal(val.y, ds.y[val.x[:, 0].astype(int)])
    # shuffled, repeatable, seed-dependent
    assert not np.all(np.diff(val.x[:, 0]) > 0)
    again = split(ds, 0.25, seed=1)[1]
    np.testing.assert_array_equal(val.x, again.x)
    assert not np.array_equal(val.x, split(ds, 0.25, seed=2)[1].x)
    assert val.classes == ds.classes and train.num_classes == 4


def test_split_real_sets_stratified():
    ds = load_dataset("digits")
    train, val = split(ds, 0.2, seed=0)
    assert len(val) == round(0.2 * 1797) and len(train) == 1797 - len(val)
    assert np.all(np.abs(np.bincount(val.y) - 0.2 * np.bincount(ds.y)) <= 1)


def test_split_edges():
    ds = indexed_dataset()
    train, val = split(ds, 0, seed=0)
    assert len(train) == len(ds) and len(val) == 0
    assert val.x.shape == (0, 3) and val.y.dtype == np.int64 and val.num_classes == 4
    train, val = split(ds, 0.9, seed=0)
    assert len(val) == 180 and len(train) == 20
    tiny = ds.subset([0, 1, 2])
    train, val = split(tiny, 0.1, seed=0)
    assert len(val) == 1 and len(train) == 2
    reg = indexed_dataset(task="regression")
    train, val = split(reg, 0.3, seed=0)
    assert len(val) == 60 and len(train) == 140 and val.y.shape == (60, 1)
    assert not set(train.x[:, 0].tolist()) & set(val.x[:, 0].tolist())


@pytest.mark.parametrize("fraction", [-0.1, 0.95, 1.0, float("nan"), "0.2", None, True])
def test_split_rejects_bad_fractions(fraction):
    with pytest.raises(DataError, match="fraction"):
        split(indexed_dataset(), fraction, seed=0)


@pytest.mark.parametrize("seed", [-1, 1.5, "0", None])
def test_bad_seed(seed):
    with pytest.raises(DataError, match="seed"):
        load_dataset("spirals", seed=seed)
    with pytest.raises(DataError, match="seed"):
        split(indexed_dataset(), 0.2, seed=seed)


# ---------------------------------------------------------------- names and the registry

def test_unknown_names():
    with pytest.raises(DataError) as err:
        load_dataset("iris")
    for known in ("spirals", "circles", "xor", "moons", "blobs", "digits", "shapes", "mnist",
                  "fashion-mnist", "npz", "csv", "idx", "folder"):
        assert known in str(err.value)
    with pytest.raises(DataError, match="Did you mean 'spirals'"):
        load_dataset("spiral")
    with pytest.raises(DataError, match="csv:my.csv"):
        load_dataset("my.csv")
    for bad in ("", "   ", None, 3):
        with pytest.raises(DataError):
            load_dataset(bad)


def test_data_error_is_value_error():
    assert issubclass(DataError, ValueError)


def test_available():
    entries = available()
    names = [e["name"] for e in entries]
    assert names == ["spirals", "circles", "xor", "moons", "blobs", "digits", "shapes", "mnist",
                     "fashion-mnist", "npz", "csv", "idx", "folder", "sine", "adding", "digits-seq", "text"]
    for e in entries:
        assert set(e) == {"name", "task", "help", "options"}
        assert all(isinstance(v, str) and v for v in e.values())
        assert e["options"].startswith(e["name"])
        if e["name"] not in ("npz", "csv", "idx", "folder", "mnist", "fashion-mnist", "text"):
            assert load_dataset(e["name"]).task == e["task"]


def test_data_package_imports_only_numpy_and_stdlib():
    for path in DATA_PKG.glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                roots = [node.module.split(".")[0]]
            else:
                continue
            for root in roots:
                pillow = root == "PIL" and path.name == "images.py"  # image files only
                assert root == "numpy" or pillow or root in sys.stdlib_module_names, (path.name,
                                                                                      root)
    code = ("import sys, dlstudio.data; "
            "bad = [m for m in sys.modules if m.split('.')[0] in "
            "('numba', 'PySide6', 'PyQt5', 'PyQt6', 'sklearn', 'pyqtgraph')]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=DATA_PKG.parents[1], check=True)
    assert out.stdout.strip() == "[]"
