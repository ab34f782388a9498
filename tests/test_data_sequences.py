"""Tests for dlstudio.data.sequences and dlstudio.data.text: sine, adding, digits-seq, text."""

from __future__ import annotations

import numpy as np
import pytest

from dlstudio.data import DataError, Dataset
from dlstudio.data import text as text_module
from dlstudio.data.digits import load_raw, resize_bilinear
from dlstudio.data.registry import parse_spec
from dlstudio.data.sequences import (SEQUENCE_SOURCES, SEQUENCE_TASKS, adding, digits_seq,
                                     sine, sine_signal, text)


def write(tmp_path, name, data) -> str:
    p = tmp_path / name
    if isinstance(data, str):
        p.write_bytes(data.encode("utf-8"))
    else:
        p.write_bytes(data)
    return str(p)


def reload(ds: Dataset, seed: int = 0) -> Dataset:
    name, arg, options = parse_spec(ds.source)
    return SEQUENCE_SOURCES[name][0](arg, options, seed)


# ---------------------------------------------------------------- sine

def test_sine_defaults_shapes_dtypes_task():
    ds = sine()
    assert ds.x.shape == (2000, 50, 1) and ds.x.dtype == np.float32
    assert ds.y.shape == (2000, 1) and ds.y.dtype == np.float32
    assert ds.task == "regression" and ds.classes == []
    assert ds.source == "sine" and ds.name == "sine"
    assert np.abs(ds.x).max() < 1.5 and 0.2 < ds.x.std() < 1.0  # roughly [-1, 1]


def test_sine_options_and_source():
    ds = sine(n=30, length=12, horizon=4, noise=0.1, seed=2)
    assert ds.x.shape == (30, 12, 1) and ds.y.shape == (30, 4)
    assert ds.source == "sine?n=30&length=12&horizon=4&noise=0.1"
    again = reload(ds, seed=2)
    np.testing.assert_array_equal(again.x, ds.x)
    np.testing.assert_array_equal(again.y, ds.y)


def test_sine_seeds_repeat_and_differ():
    a, b, c = sine(n=50, seed=1), sine(n=50, seed=1), sine(n=50, seed=2)
    np.testing.assert_array_equal(a.x, b.x)
    np.testing.assert_array_equal(a.y, b.y)
    assert not np.allclose(a.x, c.x)


def test_sine_target_is_continuation_of_the_clean_signal():
    short = sine(n=40, length=30, horizon=5, noise=0, seed=3)
    long = sine(n=40, length=35, horizon=1, noise=0, seed=3)
    whole = np.concatenate([short.x[:, :, 0], short.y], axis=1)
    np.testing.assert_allclose(whole, long.x[:, :, 0], atol=1e-6)
    assert np.abs(long.x).max() <= 1.0 + 1e-6  # amplitudes sum to 1
    # the noisy version of the same seed: same targets, inputs off by noise of that size
    noisy = sine(n=40, length=30, horizon=5, noise=0.05, seed=3)
    np.testing.assert_array_equal(noisy.y, short.y)
    assert 0.04 < float((noisy.x - short.x).std()) < 0.06


def _recurrence_error(row: np.ndarray, order: int) -> tuple[float, np.ndarray]:
    """Largest residual of the best linear recurrence of ``order`` fitted to ``row``, and its
    coefficients."""
    a = np.stack([row[i:i + order] for i in range(len(row) - order)])
    coef, *_ = np.linalg.lstsq(a, row[order:], rcond=None)
    return float(np.abs(a @ coef - row[order:]).max()), coef


def test_sine_samples_differ_and_are_sums_of_2_or_3_sines():
    ds = sine(n=40, length=60, horizon=1, noise=0, seed=0)
    signal = sine_signal(40, 61, np.random.default_rng(0))  # the same draws, in float64
    np.testing.assert_allclose(ds.x[:, :, 0], signal[:, :60], atol=1e-6)
    np.testing.assert_allclose(ds.y[:, 0], signal[:, 60], atol=1e-6)
    assert not np.allclose(signal[0], signal[1])
    two = 0
    for row in signal:
        # k sines obey a linear recurrence of order 2k: order 6 always fits, order 4 for k=2
        err, coef = _recurrence_error(row[:60], 6)
        assert err < 1e-8 and abs(row[-7:-1] @ coef - row[-1]) < 1e-6
        two += _recurrence_error(row, 4)[0] < 1e-10
    assert 8 <= two <= 32  # about half the samples have 2 components, the rest 3


@pytest.mark.parametrize("kwargs, words", [
    ({"n": 0}, "sine size n"), ({"length": 0}, "window length"), ({"horizon": 0}, "horizon"),
    ({"noise": -0.1}, "noise"), ({"noise": float("nan")}, "noise"), ({"n": 2.5}, "whole"),
    ({"n": 1_000_000, "length": 10_000}, "over the limit"), ({"seed": -1}, "seed"),
])
def test_sine_bad_arguments(kwargs, words):
    with pytest.raises(DataError, match=words):
        sine(**kwargs)


# ---------------------------------------------------------------- adding

def test_adding_defaults():
    ds = adding()
    assert ds.x.shape == (5000, 50, 2) and ds.x.dtype == np.float32
    assert ds.y.shape == (5000, 1) and ds.y.dtype == np.float32
    assert ds.task == "regression" and ds.source == "adding:50"
    values = ds.x[:, :, 0]
    assert values.min() >= 0 and values.max() < 1
    # predicting the mean (1.0) gives MSE about 1/6
    assert abs(float(ds.y.var()) - 1 / 6) < 0.015
    assert abs(float(((ds.y - 1.0) ** 2).mean()) - 1 / 6) < 0.015


@pytest.mark.parametrize("T", [2, 7, 50])
def test_adding_markers_and_targets(T):
    ds = adding(T=T, n=400, seed=5)
    marker = ds.x[:, :, 1]
    assert set(np.unique(marker)) <= {0.0, 1.0}
    assert (marker.sum(1) == 2).all()
    half = T // 2
    assert (marker[:, :half].sum(1) == 1).all() and (marker[:, half:].sum(1) == 1).all()
    np.testing.assert_allclose(ds.y[:, 0], (ds.x[:, :, 0] * marker).sum(1), rtol=1e-6)


def test_adding_seeds_source_and_reload():
    a, b, c = adding(T=20, n=100, seed=1), adding(T=20, n=100, seed=1), adding(T=20, n=100,
                                                                                seed=2)
    np.testing.assert_array_equal(a.x, b.x)
    assert not np.array_equal(a.x, c.x)
    assert a.source == "adding:20?n=100"
    np.testing.assert_array_equal(reload(a, seed=1).x, a.x)
    assert reload(c, seed=2).source == c.source


@pytest.mark.parametrize("kwargs", [{"T": 1}, {"T": 10_001}, {"n": 0}, {"T": "50"},
                                    {"T": True}])
def test_adding_bad_arguments(kwargs):
    with pytest.raises(DataError):
        adding(**kwargs)


# ---------------------------------------------------------------- digits-seq

def test_digits_seq_rows_are_the_digit_images():
    ds = digits_seq()
    images, labels = load_raw()
    assert ds.x.shape == (1797, 8, 8) and ds.x.dtype == np.float32
    assert ds.y.dtype == np.int64 and ds.task == "classification"
    assert ds.classes == [str(d) for d in range(10)] and ds.source == "digits-seq"
    np.testing.assert_allclose(ds.x, images / 16.0, atol=1e-7)
    np.testing.assert_array_equal(ds.y, labels)
    assert ds.x[5, 3].tolist() == pytest.approx((images[5, 3] / 16.0).tolist())  # row 3


def test_digits_seq_size():
    ds = digits_seq(16)
    assert ds.x.shape == (1797, 16, 16) and ds.source == "digits-seq?size=16"
    images, _ = load_raw()
    np.testing.assert_allclose(ds.x, resize_bilinear(images / 16.0, 16), atol=1e-6)
    assert ds.preprocessing["resize"] == 16
    assert reload(ds).x.shape == (1797, 16, 16)
    with pytest.raises(DataError, match="size"):
        digits_seq(4)


# ---------------------------------------------------------------- text

def test_text_small_hand_written(tmp_path):
    path = write(tmp_path, "t.txt", "abcab\nba")
    ds = text(path, seq_len=3, step=1)
    assert ds.classes == ["\n", "a", "b", "c"]
    assert ds.preprocessing["vocab"] == "\nabc"
    assert ds.task == "classification" and ds.name == "t.txt"
    assert ds.x.shape == (5, 3, 4) and ds.x.dtype == np.float32 and ds.y.dtype == np.int64
    assert set(np.unique(ds.x)) == {0.0, 1.0} and (ds.x.sum(2) == 1).all()
    chars = "abcab\nba"
    windows = ["".join(ds.classes[i] for i in row) for row in ds.x.argmax(2)]
    assert windows == [chars[i:i + 3] for i in range(5)]
    assert [ds.classes[i] for i in ds.y] == [chars[i + 3] for i in range(5)]
    assert ds.source == f"text:{tmp_path / 't.txt'}?len=3&step=1"
    again = reload(ds)
    np.testing.assert_array_equal(again.x, ds.x)
    np.testing.assert_array_equal(again.y, ds.y)


def test_text_default_step_is_the_window_length(tmp_path):
    chars = "".join(chr(ord("a") + i % 26) for i in range(100))
    ds = text(write(tmp_path, "a.txt", chars))
    assert ds.x.shape == (3, 32, 26)  # windows at 0, 32, 64; the one at 96 has no target
    assert [ds.classes[i] for i in ds.y] == [chars[32], chars[64], chars[96]]
    assert ds.source == f"text:{tmp_path / 'a.txt'}"
    ds = text(write(tmp_path, "a.txt", chars), seq_len=10, step=7)
    assert len(ds) == (100 - 11) // 7 + 1
    assert ds.classes[int(ds.y[-1])] == chars[7 * (len(ds) - 1) + 10]


def test_text_utf8_bom_crlf_and_chars(tmp_path):
    path = write(tmp_path, "w.txt", b"\xef\xbb\xbfna\xc3\xafve\r\ncaf\xc3\xa9\r\n")
    ds = text(path, seq_len=4, step=1)
    assert ds.preprocessing["vocab"] == "".join(sorted(set("naïve\ncafé\n")))
    assert ds.classes == ["\n", "a", "c", "e", "f", "n", "v", "é", "ï"]
    assert "\r" not in ds.classes and "\ufeff" not in ds.classes
    assert ds.preprocessing["chars"] == len("naïve\ncafé\n")
    short = text(path, seq_len=4, step=1, max_chars=6)
    assert short.preprocessing["chars"] == 6 and len(short) == 2
    assert short.source.endswith("?len=4&step=1&chars=6")


def test_text_vocabulary_cap_uses_a_placeholder(tmp_path, monkeypatch):
    monkeypatch.setattr(text_module, "MAX_VOCAB", 4)
    chars = "aaaabbbcc" + "xyz" + "aab"  # x, y, z are the rarest: they become the placeholder
    ds = text(write(tmp_path, "v.txt", chars), seq_len=2, step=1)
    assert ds.classes == sorted(["a", "b", "c", "\ufffd"])
    assert ds.preprocessing["placeholder"] == "\ufffd"
    mapped = chars.replace("x", "\ufffd").replace("y", "\ufffd").replace("z", "\ufffd")
    assert [ds.classes[i] for i in ds.y] == list(mapped[2:])
    assert ds.classes[int(ds.x[9, 0].argmax())] == "\ufffd"  # window 9 starts at "y"


def test_text_seq_len_equal_to_text_minus_one(tmp_path):
    ds = text(write(tmp_path, "s.txt", "hello"), seq_len=4)
    assert len(ds) == 1 and ds.classes[int(ds.y[0])] == "o"


def test_text_errors(tmp_path, monkeypatch):
    with pytest.raises(DataError, match="not found"):
        text(tmp_path / "missing.txt")
    with pytest.raises(DataError, match="not a file"):
        text(tmp_path)
    with pytest.raises(DataError, match="needs a file path"):
        text("")
    with pytest.raises(DataError, match="empty"):
        text(write(tmp_path, "e.txt", b""))
    with pytest.raises(DataError, match="NUL byte at byte offset 3"):
        text(write(tmp_path, "b.bin", b"abc\x00def" * 10))
    with pytest.raises(DataError, match=r"not UTF-8 text: invalid byte 0xff at byte offset 2"):
        text(write(tmp_path, "l.txt", b"ab\xff" + b"c" * 50))
    with pytest.raises(DataError, match="7 characters.*at least 33"):
        text(write(tmp_path, "short.txt", "seven!!"))
    with pytest.raises(DataError, match=r"\?len="):
        text(write(tmp_path, "short.txt", "seven!!"), seq_len=8)
    with pytest.raises(DataError, match="window length"):
        text(write(tmp_path, "ok.txt", "x" * 100), seq_len=0)
    with pytest.raises(DataError, match="step"):
        text(write(tmp_path, "ok.txt", "x" * 100), step=0)
    monkeypatch.setattr(text_module, "MAX_ONEHOT_BYTES", 10_000)
    with pytest.raises(DataError, match=r"one-hot.*shorter file.*\?len="):
        text(write(tmp_path, "big.txt", "abcdefghij" * 300), seq_len=20, step=1)


def test_text_real_memory_cap(tmp_path):
    chars = "".join(chr(0x100 + i % 200) for i in range(2000))
    with pytest.raises(DataError, match="MiB limit"):
        text(write(tmp_path, "u.txt", chars), seq_len=1000, step=1)


# ---------------------------------------------------------------- DATA-string loaders

def test_sequence_sources_table():
    assert set(SEQUENCE_SOURCES) == {"sine", "adding", "digits-seq", "text"}
    assert set(SEQUENCE_TASKS) == set(SEQUENCE_SOURCES)
    for name, (loader, help_line, options_help) in SEQUENCE_SOURCES.items():
        assert callable(loader) and help_line and options_help


def test_loaders_parse_options(tmp_path):
    load = {k: v[0] for k, v in SEQUENCE_SOURCES.items()}
    ds = load["sine"](None, {"n": "12", "length": "9", "horizon": "2", "noise": "0"}, 4)
    assert ds.x.shape == (12, 9, 1) and ds.y.shape == (12, 2)
    np.testing.assert_array_equal(ds.y, sine(n=12, length=9, horizon=2, noise=0, seed=4).y)
    ds = load["adding"]("30", {"n": "10"}, 0)
    assert ds.x.shape == (10, 30, 2) and ds.source == "adding:30?n=10"
    assert load["adding"](None, {"n": "10"}, 0).x.shape == (10, 50, 2)
    assert load["digits-seq"](None, {"size": "12"}, 0).x.shape == (1797, 12, 12)
    path = write(tmp_path, "t.txt", "abcdefgh" * 4)
    ds = load["text"](path, {"len": "5", "step": "2", "chars": "20"}, 0)
    assert ds.x.shape == ((20 - 6) // 2 + 1, 5, 8)


@pytest.mark.parametrize("name, arg, options, words", [
    ("sine", None, {"size": "3"}, "unknown option 'size' for sine; options for sine: n, length"),
    ("sine", None, {"n": "many"}, "whole number"),
    ("sine", None, {"noise": "loud"}, "must be a number"),
    ("sine", None, {"noise": "2"}, "between 0 and 1"),
    ("sine", "3", {}, "takes no ':' argument"),
    ("adding", "x", {}, "adding:T"),
    ("adding", "1", {}, "between 2"),
    ("adding", None, {"noise": "1"}, "options for adding: n"),
    ("digits-seq", "16", {}, r"digits-seq\?size=S"),
    ("digits-seq", None, {"size": "100"}, "between 8 and 64"),
    ("text", None, {}, "needs a file path"),
    ("text", "whatever.txt", {"length": "3"}, "options for text: len, step, chars"),
])
def test_loader_errors(name, arg, options, words):
    with pytest.raises(DataError, match=words):
        SEQUENCE_SOURCES[name][0](arg, options, 0)


def test_text_loader_option_errors(tmp_path):
    path = write(tmp_path, "t.txt", "abc" * 20)
    with pytest.raises(DataError, match="text option len must be a whole number"):
        SEQUENCE_SOURCES["text"][0](path, {"len": "long"}, 0)
    with pytest.raises(DataError, match="chars"):
        SEQUENCE_SOURCES["text"][0](path, {"chars": "0"}, 0)
