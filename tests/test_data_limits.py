"""The loading budget (DLSTUDIO_LOAD_BUDGET) checked before allocating, idx header overflow,
gzip bombs, the common label rule, and a fixed-seed fuzz of small npz / idx / csv / png files."""
from __future__ import annotations

import gzip
import io
import struct
import zipfile

import numpy as np
import pytest

from dlstudio.data import DataError, load_dataset
from dlstudio.data.budget import DEFAULT_BUDGET, load_budget
from dlstudio.data.idx import read_idx
from dlstudio.data.images import read_image
from image_helpers import idx_bytes, mnist_like


def npy_header_only(shape, dtype="<f8") -> bytes:
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        buf, {"descr": dtype, "fortran_order": False, "shape": shape})
    return buf.getvalue()


def test_budget_setting(monkeypatch):
    monkeypatch.delenv("DLSTUDIO_LOAD_BUDGET", raising=False)
    assert load_budget() == DEFAULT_BUDGET == 2 << 30
    for text, value in (("500M", 500 << 20), ("8G", 8 << 30), ("1.5GiB", 3 << 29), ("1234", 1234)):
        monkeypatch.setenv("DLSTUDIO_LOAD_BUDGET", text)
        assert load_budget() == value
    monkeypatch.setenv("DLSTUDIO_LOAD_BUDGET", "lots")
    with pytest.raises(DataError, match="not a size"):
        load_budget()


def test_npz_header_declaring_huge_array_is_refused_before_allocating(tmp_path):
    p = tmp_path / "huge.npz"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("x.npy", npy_header_only((10 ** 13, 2)))
        zf.writestr("y.npy", npy_header_only((10 ** 13,), "<i8"))
    with pytest.raises(DataError, match="loading budget") as err:
        load_dataset(f"npz:{p}")
    assert str(p) in str(err.value) and "DLSTUDIO_LOAD_BUDGET" in str(err.value)
    assert "damaged" not in str(err.value) and "152,587,890.6 MiB" in str(err.value)


def test_npz_budget_can_be_lowered(tmp_path, monkeypatch):
    p = tmp_path / "d.npz"
    np.savez(p, x=np.zeros((100, 10)), y=np.arange(100) % 2)
    assert load_dataset(f"npz:{p}").x.shape == (100, 10)
    monkeypatch.setenv("DLSTUDIO_LOAD_BUDGET", "4K")  # x needs 8000 bytes
    with pytest.raises(DataError, match="loading budget"):
        load_dataset(f"npz:{p}")


def test_idx_dims_that_overflow_int64_are_refused(tmp_path):
    p = tmp_path / "big.idx"
    p.write_bytes(bytes([0, 0, 8, 3]) + struct.pack(">3I", 2 ** 31, 2 ** 31, 4) + b"\0" * 16)
    with pytest.raises(DataError, match="loading budget"):
        read_idx(p)


def test_idx_gzip_bomb_is_refused_quickly(tmp_path, monkeypatch):
    # header declares 64 MiB; the budget is 1 MiB: refused from the header, nothing inflated
    head = bytes([0, 0, 8, 3]) + struct.pack(">3I", 1 << 16, 32, 32)
    p = tmp_path / "bomb.idx.gz"
    with gzip.open(p, "wb") as g:
        g.write(head)
        g.write(b"\0" * (64 << 20))
    monkeypatch.setenv("DLSTUDIO_LOAD_BUDGET", "1M")
    inflated = []
    real_read = gzip.GzipFile.read
    monkeypatch.setattr(gzip.GzipFile, "read",
                        lambda self, size=-1: inflated.append(len(r := real_read(self, size))) or r)
    with pytest.raises(DataError, match="loading budget"):
        read_idx(p)
    assert inflated and sum(inflated) < 1 << 10, inflated   # the header only, not the 64 MiB


def test_idx_gzip_with_trailing_data_is_refused(tmp_path):
    arr = np.arange(12, dtype=np.uint8).reshape(3, 4)
    p = tmp_path / "t.gz"
    p.write_bytes(gzip.compress(idx_bytes(arr) + b"\0" * (8 << 20)))
    with pytest.raises(DataError, match="over 4,096 bytes more than"):
        read_idx(p)
    p.write_bytes(gzip.compress(idx_bytes(arr)))
    np.testing.assert_array_equal(read_idx(p), arr)


def test_idx_labels_follow_the_same_rule_as_csv_and_npz(tmp_path):
    images, _ = mnist_like(6)
    labels = np.array([0, 1, 3, 0, 1, 3], np.uint8)  # class 2 missing
    (tmp_path / "i").write_bytes(idx_bytes(images))
    (tmp_path / "l").write_bytes(idx_bytes(labels))
    with pytest.raises(DataError, match=r"integers 0\.\.2"):
        load_dataset(f"idx:{tmp_path / 'i'},{tmp_path / 'l'}")
    np.savez(tmp_path / "d.npz", x=images.reshape(6, -1).astype(float), y=labels)
    with pytest.raises(DataError, match=r"integers 0\.\.2"):
        load_dataset(f"npz:{tmp_path / 'd.npz'}")
    (tmp_path / "l").write_bytes(idx_bytes(np.array([0, 1, 2, 0, 1, 2], np.uint8)))
    ds = load_dataset(f"idx:{tmp_path / 'i'},{tmp_path / 'l'}")
    assert ds.num_classes == 3 and ds.y.tolist() == [0, 1, 2, 0, 1, 2]


# ---------------------------------------------------------------- fuzz

def _valid_files(tmp_path):
    rng = np.random.default_rng(1)
    x = rng.random((8, 3))
    y = np.arange(8) % 2
    buf = io.BytesIO()
    np.savez(buf, x=x, y=y)
    images, labels = mnist_like(4)
    labels = np.array([0, 1, 0, 1], np.uint8)
    csv = "".join(f"{a:.3f},{b:.3f},{c}\n" for (a, b), c in zip(x[:, :2], y)).encode()
    png = io.BytesIO()
    from PIL import Image
    Image.fromarray(images[0, :6, :6]).save(png, "PNG")
    return {"png": png.getvalue(), "npz": buf.getvalue(), "idx": idx_bytes(images[:, :6, :6]),
            "idxgz": gzip.compress(idx_bytes(labels), mtime=0), "csv": csv}


def _mutate(data: bytes, rng) -> bytes:
    b = bytearray(data)
    for _ in range(int(rng.integers(1, 6))):
        op = rng.integers(4)
        i = int(rng.integers(len(b))) if b else 0
        if op == 0 and b:
            b[i] = int(rng.integers(256))
        elif op == 1:
            b = b[:i]
        elif op == 2:
            b[i:i] = bytes(rng.integers(0, 256, int(rng.integers(1, 9)), dtype=np.uint8))
        elif op == 3 and i < len(b) - 4:
            b[i:i + 4] = struct.pack(">I", int(rng.integers(2 ** 32)))
    return bytes(b)


def test_fuzzed_data_files_end_in_data_error_or_a_result(tmp_path):
    rng = np.random.default_rng(1234)
    valid = _valid_files(tmp_path)
    images = tmp_path / "images.idx"
    images.write_bytes(valid["idx"])
    outcomes = {"ok": 0, "error": 0}
    for n in range(400):
        kind = ("npz", "idx", "idxgz", "csv", "png")[n % 5]
        p = tmp_path / f"m{n}.{kind}"
        p.write_bytes(_mutate(valid[kind], rng))
        source = {"npz": f"npz:{p}", "csv": f"csv:{p}", "idx": f"idx:{p},{p}",
                  "idxgz": f"idx:{images},{p}", "png": None}[kind]
        try:
            read_image(p) if kind == "png" else load_dataset(source)
            outcomes["ok"] += 1
        except DataError:
            outcomes["error"] += 1
    assert outcomes["error"] > 200 and outcomes["ok"] > 0 and sum(outcomes.values()) == 400


def test_csv_too_large_for_the_budget_is_refused_before_parsing(tmp_path, monkeypatch):
    p = tmp_path / "wide.csv"
    p.write_text(",".join(["0"] * 50_000) + "\n" + ",".join(["1"] * 50_000) + "\n")
    monkeypatch.setenv("DLSTUDIO_LOAD_BUDGET", "1M")  # parsing 200 kB needs ~6.4 MB
    with pytest.raises(DataError, match="loading budget") as err:
        load_dataset(f"csv:{p}")
    assert "wide.csv" in str(err.value)
    monkeypatch.delenv("DLSTUDIO_LOAD_BUDGET")
    assert load_dataset(f"csv:{p}").x.shape == (2, 49_999)
