"""The npz:FILE and csv:FILE sources: classification and regression, task rules, delimiters,
comments, relative paths, and their errors."""
from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pytest

from dlstudio.data import DataError, load_dataset


# ---------------------------------------------------------------- npz files

def save_npz(tmp_path, name="d.npz", **arrays) -> Path:
    p = tmp_path / name
    np.savez(p, **arrays)
    return p


def test_npz_classification(tmp_path):
    rng = np.random.default_rng(0)
    x = rng.random((30, 1, 5, 5))
    y = np.arange(30) % 3
    p = save_npz(tmp_path, x=x, y=y)
    ds = load_dataset(f"npz:{p}")
    assert ds.task == "classification" and ds.num_classes == 3
    assert ds.x.shape == (30, 1, 5, 5) and ds.x.dtype == np.float32
    assert ds.y.dtype == np.int64 and ds.y.tolist() == y.tolist()
    assert ds.source == f"npz:{p.resolve()}" and ds.name == "d.npz"
    np.testing.assert_allclose(ds.x, x.astype(np.float32))
    np.testing.assert_array_equal(load_dataset(ds.source).x, ds.x)
    named = save_npz(tmp_path, "n.npz", x=x, y=y, classes=np.array(["cat", "dog", "eel"]))
    assert load_dataset(f"npz:{named}").classes == ["cat", "dog", "eel"]
    flags = save_npz(tmp_path, "b.npz", x=np.arange(4.0), y=np.array([True, False, True, False]))
    ds = load_dataset(f"npz:{flags}")
    assert ds.task == "classification" and ds.y.tolist() == [1, 0, 1, 0]
    assert ds.x.shape == (4, 1)  # 1-D x becomes one feature per sample
    column = save_npz(tmp_path, "c.npz", x=x, y=y[:, None].astype(np.uint8))
    assert load_dataset(f"npz:{column}").y.shape == (30,)


def test_npz_regression(tmp_path):
    x = np.random.default_rng(0).random((20, 7, 3)).astype(np.float32)  # sequences (N, T, F)
    p = save_npz(tmp_path, x=x, y=np.linspace(0, 1, 20))
    ds = load_dataset(f"npz:{p}")
    assert ds.task == "regression" and ds.classes == [] and ds.num_classes == 0
    assert ds.y.shape == (20, 1) and ds.y.dtype == np.float32 and ds.target_shape == (1,)
    assert ds.sample_shape == (7, 3)
    multi = save_npz(tmp_path, "m.npz", x=x, y=np.ones((20, 4, 2), dtype=np.float64))
    assert load_dataset(f"npz:{multi}").y.shape == (20, 4, 2)
    ints = save_npz(tmp_path, "i.npz", x=x, y=np.arange(20))
    forced = load_dataset(f"npz:{ints}?task=regression")
    assert forced.task == "regression" and forced.y.shape == (20, 1)
    assert forced.source.endswith("?task=regression")
    whole = save_npz(tmp_path, "w.npz", x=x, y=np.arange(20.0) % 2)
    assert load_dataset(f"npz:{whole}?task=classification").num_classes == 2


def test_npz_errors(tmp_path):
    x = np.zeros((6, 2))
    y = np.array([0, 1, 2, 0, 1, 2])
    cases = {
        "missing": (f"npz:{tmp_path / 'nope.npz'}", ["not found"]),
        "no path": ("npz:", ["needs a file path"]),
        "dir": (f"npz:{tmp_path}", ["not a file"]),
    }
    text = tmp_path / "t.npz"
    text.write_text("hello")
    cases["not zip"] = (f"npz:{text}", ["not an .npz", "numpy.savez"])
    counter = iter(range(100))

    def src(**arrays) -> str:
        return f"npz:{save_npz(tmp_path, f'case{next(counter)}.npz', **arrays)}"

    nan_x, inf_x = x.copy(), x.copy()
    nan_x[0, 0] = np.nan
    inf_x[3, 1] = np.inf
    cases.update({
        "no x": (src(inputs=x, y=y), ["no array named 'x'", "inputs"]),
        "no y": (src(x=x), ["no array named 'y'"]),
        "N": (src(x=x, y=y[:5]), ["6 samples", "5"]),
        "empty": (src(x=x[:0], y=y[:0]), ["no samples"]),
        "str x": (src(x=np.array(list("abcdef")), y=y), ["dtype", "numeric"]),
        "complex y": (src(x=x, y=y + 1j), ["numeric"]),
        "nan x": (src(x=nan_x, y=y), ["NaN", "sample 0"]),
        "inf x": (src(x=inf_x, y=y), ["infinite", "sample 3"]),
        "big x": (src(x=x + 1e300, y=y), ["float32"]),
        "gap": (src(x=x, y=np.array([0, 1, 3, 0, 1, 3])), ["0..2", "label 3", "np.unique"]),
        "negative": (src(x=x, y=y - 1), ["label -1"]),
        "2-D int y": (src(x=x, y=np.zeros((6, 2), int)), ["shape (N,)"]),
        "nan y": (src(x=x, y=np.full(6, np.nan)), ["NaN"]),
        "fraction labels": (src(x=x, y=y * 0.5) + "?task=classification", ["non-integer"]),
        "bad classes": (src(x=x, y=y, classes=np.array(["a"])), ["'classes'", "3 strings"]),
        "bad task": (src(x=x, y=y) + "?task=clustering", ["task"]),
        "bad option": (src(x=x, y=y) + "?scale=2", ["unknown option"]),
    })
    obj = tmp_path / "obj.npz"
    np.savez(obj, x=np.array([{"a": 1}] * 6, dtype=object), y=y)
    cases["pickle"] = (f"npz:{obj}", ["pickled"])
    broken = tmp_path / "broken.npz"
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("x.npy", b"garbage")
        z.writestr("y.npy", b"garbage")
    cases["damaged"] = (f"npz:{broken}", ["damaged"])
    for label, (spec, words) in cases.items():
        with pytest.raises(DataError) as err:
            load_dataset(spec)
        for w in words:
            assert w in str(err.value), (label, str(err.value))


# ---------------------------------------------------------------- csv files

def write(tmp_path, text, name="d.csv") -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


def test_csv_classification_with_header(tmp_path):
    p = write(tmp_path, "a,b,label\n0.5,1,0\n1.5,2,1\n\n2.5,3,2\n3.5,4,1\n")
    ds = load_dataset(f"csv:{p}")
    assert ds.task == "classification" and ds.classes == ["0", "1", "2"]
    assert ds.x.dtype == np.float32 and ds.x.shape == (4, 2)
    assert ds.x[:, 0].tolist() == [0.5, 1.5, 2.5, 3.5]
    assert ds.y.dtype == np.int64 and ds.y.tolist() == [0, 1, 2, 1]
    assert ds.source == f"csv:{p.resolve()}" and ds.name == "d.csv"


def test_csv_regression_without_header(tmp_path):
    p = write(tmp_path, "1,2,0.5\n3,4,1.25\n5,6,-2\n")
    ds = load_dataset(f"csv:{p}")
    assert ds.task == "regression" and ds.classes == []
    assert ds.x.tolist() == [[1, 2], [3, 4], [5, 6]]
    assert ds.y.shape == (3, 1) and ds.y.dtype == np.float32
    assert ds.y[:, 0].tolist() == [0.5, 1.25, -2]


def test_csv_task_rule_and_forcing(tmp_path):
    many = "\n".join(f"{i},{i}" for i in range(51))  # 51 distinct whole numbers -> regression
    assert load_dataset(f"csv:{write(tmp_path, many, 'many.csv')}").task == "regression"
    fifty = "\n".join(f"{i},{i}" for i in range(50))
    p = write(tmp_path, fifty, "fifty.csv")
    assert load_dataset(f"csv:{p}").num_classes == 50
    forced = load_dataset(f"csv:{p}?task=regression")
    assert forced.task == "regression" and forced.y.shape == (50, 1)
    assert forced.source == f"csv:{p.resolve()}?task=regression"
    np.testing.assert_array_equal(load_dataset(forced.source).y, forced.y)
    floats = write(tmp_path, "0,1.0\n1,0.0\n2,1.0\n", "f.csv")  # whole-valued floats classify
    assert load_dataset(f"csv:{floats}").y.tolist() == [1, 0, 1]
    halves = write(tmp_path, "0,0.5\n1,1\n", "halves.csv")
    with pytest.raises(DataError, match="whole number"):
        load_dataset(f"csv:{halves}?task=classification")


def test_csv_delimiters_and_comments(tmp_path):
    for name, text in {
        "semi.csv": "x;y;t\n1;2;0\n3;4;1\n",
        "tab.csv": "1\t2\t0\n3\t4\t1\n",
        "space.txt": "# written by numpy.savetxt\n1.0e+00 2.0e+00 0\n 3 4   1\n",
        "quoted.csv": '"x","y","t"\n"1",2,0\n3,"4",1\n',
        "crlf.csv": "1,2,0\r\n3,4,1\r\n",
    }.items():
        ds = load_dataset(f"csv:{write(tmp_path, text, name)}")
        assert ds.x.tolist() == [[1, 2], [3, 4]], name
        assert ds.y.tolist() == [0, 1], name


def test_csv_relative_path(tmp_path, monkeypatch):
    write(tmp_path, "1,0\n2,1\n")
    monkeypatch.chdir(tmp_path)
    ds = load_dataset("csv:d.csv")
    assert ds.source == f"csv:{(tmp_path / 'd.csv').resolve()}"


def test_csv_errors(tmp_path):
    cases = {
        "missing": ("csv:" + str(tmp_path / "nope.csv"), ["not found"]),
        "empty": (write(tmp_path, "", "e.csv"), ["empty"]),
        "blank": (write(tmp_path, "\n \n# only a comment\n", "b.csv"), ["empty"]),
        "header only": (write(tmp_path, "a,b,c\n", "h.csv"), ["no data rows"]),
        "one column": (write(tmp_path, "1\n2\n", "o.csv"), ["only one column"]),
        "ragged": (write(tmp_path, "a,b,t\n1,2,0\n\n1,2\n", "r.csv"),
                   ["line 4", "expected 3", "found 2"]),
        "ragged long": (write(tmp_path, "1,2,0\n1,2,0,5\n", "r2.csv"), ["line 2", "found 4"]),
        "text": (write(tmp_path, "a,b,t\n1,2,0\n1,x,1\n", "t.csv"),
                 ["line 3", "column 2 (b)", "'x'"]),
        "empty cell": (write(tmp_path, "1,2,0\n1,,1\n", "c.csv"), ["line 2", "column 2", "empty"]),
        "nan": (write(tmp_path, "1,2,0\nnan,2,1\n", "n.csv"), ["line 2", "column 1"]),
        "out of range": (write(tmp_path, "1,0\n2,1\n3,3\n", "l.csv"),
                         ["line 3", "label 3", "0..2", "task=regression"]),
        "negative": (write(tmp_path, "1,-1\n2,0\n", "neg.csv"), ["line 1", "label -1"]),
        "binary": (tmp_path / "bin.csv", ["UTF-8"]),
    }
    (tmp_path / "bin.csv").write_bytes(b"\xff\xfe\x00\x81garbage")
    for label, (spec, words) in cases.items():
        spec = spec if isinstance(spec, str) else f"csv:{spec}"
        with pytest.raises(DataError) as err:
            load_dataset(spec)
        for w in words:
            assert w in str(err.value), (label, str(err.value))
    ok = write(tmp_path, "1,0\n2,1\n", "ok.csv")
    with pytest.raises(DataError, match="task must be one of"):
        load_dataset(f"csv:{ok}?task=sort")
