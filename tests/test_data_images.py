"""Tests for image data: shapes, idx files, folder:DIR, and resize / normalize."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from image_helpers import idx_bytes, mnist_like, photo, qimage_pixels, qt_load, save_qt

from dlstudio.data import DataError, available, load_dataset, split
from dlstudio.data.registry import parse_spec


# ================================================================ shapes

def test_shapes_defaults():
    ds = load_dataset("shapes")
    assert ds.name == "shapes" and ds.source == "shapes" and ds.task == "classification"
    assert ds.x.shape == (3000, 1, 28, 28) and ds.x.dtype == np.float32
    assert ds.y.dtype == np.int64 and ds.preprocessing == {}
    assert ds.classes[:4] == ["circle", "square", "triangle", "cross"] and ds.num_classes >= 5
    assert 0.0 <= ds.x.min() and ds.x.max() <= 1.0
    counts = np.bincount(ds.y)
    assert counts.max() - counts.min() <= 1 and (np.diff(ds.y) != 0).sum() > 100
    # bright shapes on a dark background that covers most of the image
    fg = (ds.x > 0.5).mean(axis=(1, 2, 3))
    assert 0.03 < fg.min() and fg.max() < 0.6


def test_shapes_seeds_sizes_options():
    a, b, c = (load_dataset("shapes?n=70", seed=s) for s in (4, 4, 5))
    np.testing.assert_array_equal(a.x, b.x)
    assert not np.array_equal(a.x, c.x)
    ds = load_dataset("shapes:16?n=140&color=1&noise=0", seed=2)
    assert ds.x.shape == (140, 3, 16, 16) and ds.source == "shapes:16?n=140&color=1&noise=0.0"
    np.testing.assert_array_equal(load_dataset(ds.source, seed=2).x, ds.x)
    assert load_dataset("shapes:64?n=7").x.shape == (7, 1, 64, 64)
    assert load_dataset("shapes:28?color=0").source == "shapes"
    # colour: each shape has its own hue, so the channels differ
    fg = ds.x.max(axis=(2, 3))
    assert np.abs(fg[:, 0] - fg[:, 1]).mean() > 0.1 and fg.std(axis=0).min() > 0.1
    # noise 0: the background is flat, so most pixels equal the image's darkest value
    flat = (ds.x == ds.x.min(axis=(2, 3), keepdims=True)).mean()
    assert flat > 0.3
    noisy = load_dataset("shapes?n=70&noise=0.2")
    assert noisy.x.std() > load_dataset("shapes?n=70&noise=0").x.std()


def test_shapes_have_sharp_edges():
    x = load_dataset("shapes?n=140&noise=0").x[:, 0]
    gx = np.abs(np.diff(x, axis=2))
    gy = np.abs(np.diff(x, axis=1))
    # every image has a strong edge (an edge filter's feature map lights up) ...
    assert np.minimum(gx.max(axis=(1, 2)), gy.max(axis=(1, 2))).min() > 0.3
    # ... and edges are thin: few pixels change much
    assert (gx > 0.2).mean() < 0.15


def test_shapes_are_learnable():
    """Random 5x5 conv filters + ReLU + global pooling + ridge regression: a cheap stand-in
    for a small CNN, which reaches >= 0.95 too (checked with LeNet-5, ~0.99)."""
    train, val = split(load_dataset("shapes"), 0.2, seed=0)
    rng = np.random.default_rng(0)
    filters = rng.normal(size=(25, 48)).astype(np.float32)
    filters -= filters.mean(0)

    def features(x):
        out = []
        for i in range(0, len(x), 500):
            win = np.lib.stride_tricks.sliding_window_view(x[i:i + 500, 0], (5, 5), axis=(1, 2))
            r = np.maximum(win.reshape(-1, 25) @ filters, 0).reshape(len(win), -1, 48)
            out.append(np.concatenate([r.max(1), r.mean(1), np.sqrt((r * r).mean(1))], 1))
        return np.concatenate(out)

    ft, fv = features(train.x), features(val.x)
    mu, sd = ft.mean(0), ft.std(0) + 1e-6
    ft = np.hstack([(ft - mu) / sd, np.ones((len(ft), 1))])
    fv = np.hstack([(fv - mu) / sd, np.ones((len(fv), 1))])
    w = np.linalg.solve(ft.T @ ft + np.eye(ft.shape[1]), ft.T @ np.eye(train.num_classes)[train.y])
    assert (np.argmax(fv @ w, 1) == val.y).mean() >= 0.95


@pytest.mark.parametrize("spec, words", [
    ("shapes:8", ["between 16 and 64"]),
    ("shapes:65", ["between 16 and 64"]),
    ("shapes:big", ["whole number"]),
    ("shapes?n=3", ["between 7 and"]),
    ("shapes?color=red", ["1 or 0"]),
    ("shapes?noise=0.9", ["between 0 and 0.3"]),
    ("shapes?sides=3", ["unknown option 'sides'", "n, color, noise, resize, normalize"]),
    ("shapes:64?n=1000000&color=1", ["MB"]),
])
def test_shapes_errors(spec, words):
    with pytest.raises(DataError) as err:
        load_dataset(spec)
    for w in words:
        assert w in str(err.value)


# ================================================================ idx files

def test_idx_raw_and_gz(tmp_path):
    images, labels = mnist_like()
    (tmp_path / "i.gz").write_bytes(gzip.compress(idx_bytes(images)))
    (tmp_path / "l").write_bytes(idx_bytes(labels))
    ds = load_dataset(f"idx:{tmp_path / 'i.gz'},{tmp_path / 'l'}")
    assert ds.x.shape == (20, 1, 28, 28) and ds.x.dtype == np.float32
    np.testing.assert_allclose(ds.x[:, 0] * 255, images, atol=1e-4)
    assert ds.y.tolist() == labels.tolist() and ds.classes == [str(i) for i in range(10)]
    assert ds.preprocessing == {"scale": 1 / 255} and ds.name == "i.gz"
    assert ds.source == f"idx:{(tmp_path / 'i.gz').resolve()},{(tmp_path / 'l').resolve()}"
    again = load_dataset(ds.source + "?normalize=standard")
    assert abs(float(again.x.mean())) < 1e-4 and "normalize" in again.preprocessing
    # other dtypes keep their values; int32 labels are fine
    (tmp_path / "f").write_bytes(idx_bytes(np.full((3, 4, 5), 2.5), 0x0D))
    (tmp_path / "fl").write_bytes(idx_bytes(np.array([0, 1, 1]), 0x0C))
    fl = load_dataset(f"idx:{tmp_path / 'f'},{tmp_path / 'fl'}")
    assert fl.x.shape == (3, 1, 4, 5) and fl.x.max() == 2.5 and fl.preprocessing == {}
    # a comma inside a path: the cut where both files exist wins
    odd = tmp_path / "a,b"
    odd.mkdir()
    (odd / "i").write_bytes(idx_bytes(images))
    assert len(load_dataset(f"idx:{odd / 'i'},{tmp_path / 'l'}")) == 20


GZIP_MAGIC = b"\x1f\x8b"


def test_idx_errors(tmp_path):
    images, labels = mnist_like(5)
    good_i, good_l = tmp_path / "i", tmp_path / "l"
    good_i.write_bytes(idx_bytes(images))
    good_l.write_bytes(idx_bytes(labels))

    def case(name, data) -> Path:
        p = tmp_path / name
        p.write_bytes(data)
        return p

    cases = {
        "missing": (f"{tmp_path / 'nope'},{good_l}", ["not found", "nope"]),
        "no comma": (str(good_i), ["comma"]),
        "magic": (f"{case('m', b'PK' + idx_bytes(images)[2:])},{good_l}", ["not an idx file"]),
        "dtype": (f"{case('d', bytes([0, 0, 0x07]) + idx_bytes(images)[3:])},{good_l}",
                  ["unsupported", "0x07"]),
        "truncated": (f"{case('t', idx_bytes(images)[:-10])},{good_l}", ["truncated"]),
        "header cut": (f"{case('h', idx_bytes(images)[:9])},{good_l}", ["truncated"]),
        "extra": (f"{case('e', idx_bytes(images) + b'xx')},{good_l}", ["2 bytes more"]),
        "count": (f"{good_i},{case('c', idx_bytes(labels[:4]))}", ["5 images", "4 labels"]),
        "label dims": (f"{good_i},{case('ld', idx_bytes(images))}", ["one dimension"]),
        "float labels": (f"{good_i},{case('fl', idx_bytes(np.zeros(5), 0x0D))}", ["integers"]),
        "image dims": (f"{case('id', idx_bytes(labels))},{good_l}", ["3 dimensions"]),
        "bad gzip": (f"{case('g.gz', GZIP_MAGIC + b'junk' * 10)},{good_l}", ["damaged"]),
        "option": (f"{good_i},{good_l}?size=3", ["unknown option 'size'"]),
    }
    for label, (arg, words) in cases.items():
        with pytest.raises(DataError) as err:
            load_dataset(f"idx:{arg}")
        for w in words:
            assert w in str(err.value), (label, str(err.value))


# ================================================================ folder:DIR

@pytest.fixture
def image_folder(tmp_path) -> Path:
    root = tmp_path / "pets"
    for i in range(3):
        save_qt(root / "cat" / f"c{i}.png", photo(12, 12, seed=i))
    for i in range(2):
        save_qt(root / "dog" / f"d{i}.JPG", photo(12, 12, seed=10 + i), b"jpeg")
    save_qt(root / "eel" / "e.png", photo(20, 16, seed=20)[..., 0].copy())  # grey, other size
    (root / "eel" / "notes.txt").write_text("ignored")
    (root / ".hidden").mkdir()  # hidden folders are not classes
    return root


def test_folder_classes_sizes_colour(image_folder):
    ds = load_dataset(f"folder:{image_folder}")
    assert ds.classes == ["cat", "dog", "eel"] and ds.y.tolist() == [0, 0, 0, 1, 1, 2]
    assert ds.name == "pets" and ds.source == f"folder:{image_folder.resolve()}"
    assert ds.x.shape == (6, 3, 12, 12) and ds.x.dtype == np.float32  # the most common size
    np.testing.assert_allclose(ds.x[0].transpose(1, 2, 0) * 255, photo(12, 12, seed=0), atol=1e-3)
    jpeg = qimage_pixels(qt_load(image_folder / "dog" / "d0.JPG"))[..., :3]
    assert np.abs(ds.x[3].transpose(1, 2, 0) * 255 - jpeg).max() <= 3.01
    eel = ds.x[5]  # a grey image in a colour set: three equal channels, resized
    np.testing.assert_array_equal(eel[0], eel[2])
    assert ds.preprocessing == {"scale": 1 / 255, "resize": 12, "interpolation": "bilinear"}
    grey = load_dataset(f"folder:{image_folder}?color=0&size=8")
    assert grey.x.shape == (6, 1, 8, 8) and grey.source.endswith("?size=8&color=0")
    np.testing.assert_array_equal(load_dataset(grey.source).x, grey.x)
    lum = photo(12, 12, seed=0) @ np.array([0.299, 0.587, 0.114])
    small = load_dataset(f"folder:{image_folder}?color=0").x[0, 0] * 255
    np.testing.assert_allclose(small, lum, atol=1e-3)


def test_folder_grey_default_alpha_and_16_bit(tmp_path):
    root = tmp_path / "g"
    save_qt(root / "a" / "1.png", photo(6, 5)[..., 0].copy())
    save_qt(root / "b" / "2.png", np.repeat(photo(6, 5)[..., 1:2], 3, -1))  # RGB but grey
    ds = load_dataset(f"folder:{root}")
    assert ds.x.shape == (2, 1, 6, 5) and ds.preprocessing == {"scale": 1 / 255}
    rgba = np.zeros((6, 5, 4), np.uint8)
    rgba[..., :3] = 200
    rgba[:, :2, 3] = 255  # left opaque, right fully transparent: over black
    save_qt(root / "c" / "3.png", rgba)
    wide = np.full((6, 5), 65535, np.uint16)
    save_qt(root / "d" / "4.png", wide)
    ds = load_dataset(f"folder:{root}?color=1")
    assert ds.x.shape == (4, 3, 6, 5)
    np.testing.assert_allclose(ds.x[2, :, :, :2], 200 / 255, atol=1e-6)
    assert ds.x[2, :, :, 2:].max() == 0 and ds.x[3].min() == 1.0
    assert ds.preprocessing["scale"] == [1 / 255, 1 / 65535]


def test_folder_errors(tmp_path, image_folder):
    (tmp_path / "empty").mkdir()
    loose = tmp_path / "loose"
    save_qt(loose / "x.png", photo(4, 4))
    no_images = tmp_path / "noimg"
    (no_images / "a").mkdir(parents=True)
    (no_images / "a" / "readme.txt").write_text("x")
    bad = tmp_path / "bad"
    save_qt(bad / "a" / "ok.png", photo(4, 4))
    (bad / "b").mkdir()
    (bad / "b" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    gif = tmp_path / "gif"
    save_qt(gif / "a" / "ok.png", photo(4, 4))
    (gif / "b").mkdir()
    (gif / "b" / "fake.jpg").write_bytes(b"GIF89a" + b"\x00" * 20)
    cases = {
        "missing": (tmp_path / "nope", ["not found"]),
        "file": (loose / "x.png", ["is a file"]),
        "empty": (tmp_path / "empty", ["no class sub-folders", "DIR/cat/1.png"]),
        "loose": (loose, ["1 images directly", "sub-folder per class"]),
        "no images": (no_images, ["has no images", "readme.txt"]),
        "broken": (bad, ["broken.png"]),
        "gif": (gif, ["fake.jpg", "GIF"]),
    }
    for label, (path, words) in cases.items():
        with pytest.raises(DataError) as err:
            load_dataset(f"folder:{path}")
        for w in words:
            assert w in str(err.value), (label, str(err.value))
    with pytest.raises(DataError, match="needs a folder path"):
        load_dataset("folder:")
    with pytest.raises(DataError, match="between 4 and 512"):
        load_dataset(f"folder:{image_folder}?size=2")
    with pytest.raises(DataError, match="unknown option 'colour'"):
        load_dataset(f"folder:{image_folder}?colour=1")


# ================================================================ resize and normalize

def test_normalize_standard_and_json_record():
    ds = load_dataset("shapes?n=700&color=1&normalize=standard")
    assert ds.source == "shapes?n=700&color=1&normalize=standard"
    np.testing.assert_allclose(ds.x.mean(axis=(0, 2, 3)), 0, atol=1e-4)
    np.testing.assert_allclose(ds.x.std(axis=(0, 2, 3)), 1, atol=1e-3)
    norm = ds.preprocessing["normalize"]
    assert len(norm["mean"]) == 3 and len(norm["std"]) == 3
    assert json.loads(json.dumps(ds.preprocessing)) == ds.preprocessing
    raw = load_dataset("shapes?n=700&color=1")
    mean = raw.x.mean(axis=(0, 2, 3), dtype=np.float64)
    np.testing.assert_allclose(norm["mean"], mean, rtol=1e-5)
    assert load_dataset("shapes?n=70&normalize=none").preprocessing == {}


def test_recorded_preprocessing_is_applied_not_recomputed():
    train = load_dataset("shapes?n=700&normalize=standard", seed=0)
    record = json.loads(json.dumps(train.preprocessing))  # as a model file keeps it
    other = load_dataset("shapes?n=70", seed=9, preprocessing=record)
    raw = load_dataset("shapes?n=70", seed=9).x
    mean, std = record["normalize"]["mean"][0], record["normalize"]["std"][0]
    np.testing.assert_allclose(other.x, (raw - np.float32(mean)) / np.float32(std), atol=1e-6)
    assert other.preprocessing == train.preprocessing
    same = load_dataset("shapes?n=70&normalize=standard", seed=9, preprocessing=record)
    np.testing.assert_array_equal(same.x, other.x)  # the record's numbers, not this data's
    assert not np.allclose(same.x, load_dataset("shapes?n=70&normalize=standard", seed=9).x)
    off = load_dataset("shapes?n=70&normalize=none", seed=9, preprocessing=record)
    np.testing.assert_array_equal(off.x, raw)
    # the record's size is used when the DATA string gives none
    small = load_dataset("digits:16")
    again = load_dataset("digits", preprocessing=small.preprocessing)
    assert again.x.shape == (1797, 1, 16, 16)
    np.testing.assert_allclose(again.x, small.x, atol=1e-6)
    # records without resize or normalize change nothing
    np.testing.assert_array_equal(load_dataset("digits", preprocessing={"scale": 1 / 16}).x,
                                  load_dataset("digits").x)


def test_resize_option(tmp_path):
    images, labels = mnist_like(6)
    (tmp_path / "i").write_bytes(idx_bytes(images))
    (tmp_path / "l").write_bytes(idx_bytes(labels))
    ds = load_dataset(f"idx:{tmp_path / 'i'},{tmp_path / 'l'}?resize=14&normalize=standard")
    assert ds.x.shape == (6, 1, 14, 14)
    assert ds.source.endswith("?resize=14&normalize=standard")
    assert ds.preprocessing["resize"] == 14 and ds.preprocessing["scale"] == 1 / 255
    np.testing.assert_array_equal(load_dataset(ds.source).x, ds.x)
    big = load_dataset("shapes:16?n=14&resize=32")
    assert big.x.shape == (14, 1, 32, 32) and big.source == "shapes:16?n=14&resize=32"


def test_preprocessing_errors():
    colour = load_dataset("shapes?n=70&color=1&normalize=standard").preprocessing
    cases = [
        ("shapes?n=70", colour, "3 channel"),
        ("shapes?n=70&normalize=standard", {"scale": 1.0}, "trained without normalize"),
        ("shapes?n=70", {"normalize": {"mean": [0.1]}}, "bad 'normalize'"),
        ("shapes?n=70", {"normalize": {"mean": [0.1], "std": [0.0]}}, "std above 0"),
        ("shapes?n=70", {"resize": "big"}, "bad 'resize'"),
        ("shapes?n=70", [1, 2], "must be a dict"),
        ("shapes?resize=2", None, "between 4 and 512"),
        ("shapes?normalize=minmax", None, "standard, none"),
        ("digits?normalize=z", None, "standard, none"),
    ]
    for spec, record, words in cases:
        with pytest.raises(DataError, match=words):
            load_dataset(spec, preprocessing=record)


# ================================================================ names and syntax

def test_parse_paths_with_question_marks():
    assert parse_spec("folder:/data/what?/x?size=8") == ("folder", "/data/what?/x", {"size": "8"})
    assert parse_spec("folder:/data/what?x") == ("folder", "/data/what?x", {})
    assert parse_spec("idx:a,b?resize=8") == ("idx", "a,b", {"resize": "8"})


def test_available_lists_image_sources():
    entries = {e["name"]: e for e in available()}
    for name in ("shapes", "mnist", "fashion-mnist", "idx", "folder"):
        assert entries[name]["task"] == "classification"
        assert "normalize" in entries[name]["options"]
    with pytest.raises(DataError, match="folder:"):
        load_dataset(str(Path(__file__).parent))  # a bare folder path gets a hint
