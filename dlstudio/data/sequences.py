"""Sequence data sets for recurrent networks: ``sine``, ``adding``, ``digits-seq``, ``text``.

Every set has x float32 (N, T, F): N samples of T time steps with F features each.
``SEQUENCE_SOURCES`` maps each DATA name to (loader, help line, options help); a loader takes
(arg: str | None, options: dict[str, str], seed: int) and parses its own options.
See docs/sequences.md.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from ..i18n import tr
from . import digits as _digits
from .dataset import DataError, Dataset, _check_seed
from .options import whole_number
from .text import DEFAULT_SEQ_LEN, MAX_CHARS, MAX_SEQ_LEN, text

MAX_SAMPLES = 1_000_000
MAX_STEPS = 10_000
MAX_HORIZON = 1_000
MAX_NOISE = 1.0
MAX_ELEMENTS = 100_000_000  # values in x (400 MB of float32)
SINE_PERIODS = (5.0, 40.0)  # each component's period, in time steps
SINE_AMPLITUDES = (0.3, 1.0)  # before the amplitudes of a sample are scaled to sum to 1
SINE_DEFAULTS = {"n": 2000, "length": 50, "horizon": 1, "noise": 0.05}
ADDING_DEFAULTS = {"T": 50, "n": 5000}


# ---------------------------------------------------------------- argument checks

def _real(value, what: str, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise DataError(tr("{what} must be a number, not {value!r}").format(what=what, value=value))
    v = float(value)
    if not (math.isfinite(v) and lo <= v <= hi):
        raise DataError(tr("{what} must be between {lo:g} and {hi:g}, not {value!r}").format(
                            what=what, lo=lo, hi=hi, value=value))
    return v


def _check_size(name: str, n: int, steps: int, features: int) -> None:
    if n * steps * features > MAX_ELEMENTS:
        raise DataError(tr("{name}: {n:,} samples x {steps:,} steps x {features} features is over the "
                           "limit of {max:,} values; use a smaller n or a shorter sequence").format(
                            name=name, n=n, steps=steps, features=features, max=MAX_ELEMENTS))


def _source(base: str, options: dict, defaults: dict) -> str:
    extra = [f"{k}={v!r}" if isinstance(v, float) else f"{k}={v}"
             for k, v in options.items() if v != defaults[k]]
    return base + ("?" + "&".join(extra) if extra else "")


# ---------------------------------------------------------------- generators

def sine_signal(n: int, steps: int, rng: np.random.Generator) -> np.ndarray:
    """(n, steps) float64 clean signals: per sample a sum of 2 or 3 sines with random periods
    (5-40 steps), phases and amplitudes, the amplitudes scaled to sum to 1 (so |s| <= 1).
    The random draws depend on ``n`` only, not on ``steps``."""
    k = rng.integers(2, 4, size=n)
    period = rng.uniform(*SINE_PERIODS, size=(n, 3))
    phase = rng.uniform(0.0, 2 * np.pi, size=(n, 3))
    amp = rng.uniform(*SINE_AMPLITUDES, size=(n, 3))
    amp[:, 2] *= k == 3
    amp /= amp.sum(axis=1, keepdims=True)
    t = np.arange(steps, dtype=np.float64)
    s = np.zeros((n, steps))
    for c in range(3):
        s += amp[:, c, None] * np.sin(2 * np.pi * t / period[:, c, None] + phase[:, c, None])
    return s


def sine(n: int = 2000, length: int = 50, horizon: int = 1, noise: float = 0.05,
         seed: int = 0) -> Dataset:
    """Forecast a noisy sum of sines: x (n, length, 1) the observed window (clean signal plus
    Gaussian noise of standard deviation ``noise``), y (n, horizon) the next ``horizon`` clean
    values. Regression."""
    n = whole_number(n, tr("sine size n"), 1, MAX_SAMPLES)
    length = whole_number(length, tr("sine window length"), 1, MAX_STEPS)
    horizon = whole_number(horizon, tr("sine horizon"), 1, MAX_HORIZON)
    noise = _real(noise, "sine noise", 0.0, MAX_NOISE)
    rng = np.random.default_rng(_check_seed(seed))
    _check_size("sine", n, length + horizon, 1)
    s = sine_signal(n, length + horizon, rng)
    x = s[:, :length]
    if noise > 0:
        x = x + rng.normal(0.0, noise, size=x.shape)
    y = s[:, length:]
    source = _source("sine", {"n": n, "length": length, "horizon": horizon, "noise": noise},
                     SINE_DEFAULTS)
    return Dataset(name="sine", source=source, x=x[:, :, None], y=y, task="regression",
                   preprocessing={})


def adding(T: int = 50, n: int = 5000, seed: int = 0) -> Dataset:
    """The adding problem: x (n, T, 2), channel 0 uniform [0, 1) values, channel 1 a marker
    that is 1 at one step of the first half (steps 0..T//2-1) and one of the second half, 0
    elsewhere; y (n, 1) the sum of the two marked values. Regression."""
    T = whole_number(T, tr("the adding sequence length T"), 2, MAX_STEPS)
    n = whole_number(n, tr("adding size n"), 1, MAX_SAMPLES)
    rng = np.random.default_rng(_check_seed(seed))
    _check_size("adding", n, T, 2)
    values = rng.random((n, T)).astype(np.float32)
    half = T // 2
    rows = np.arange(n)
    first = rng.integers(0, half, size=n)
    second = rng.integers(half, T, size=n)
    marker = np.zeros((n, T), dtype=np.float32)
    marker[rows, first] = 1.0
    marker[rows, second] = 1.0
    y = values[rows, first] + values[rows, second]
    source = _source(f"adding:{T}", {"n": n}, ADDING_DEFAULTS)
    return Dataset(name="adding", source=source, x=np.stack([values, marker], axis=2),
                   y=y[:, None], task="regression", preprocessing={})


def digits_seq(size: int = _digits.NATIVE_SIZE) -> Dataset:
    """The bundled digits read row by row: x (1797, size, size) — T = rows, F = pixels of a
    row — in [0, 1] (resized with bilinear interpolation when size is not 8); 10 classes."""
    size = whole_number(size, tr("the digits-seq image size"), _digits.MIN_SIZE, _digits.MAX_SIZE)
    x, y, classes, prep = _digits.load_digits(size)
    prep["sequence"] = "rows"
    source = "digits-seq" if size == _digits.NATIVE_SIZE else f"digits-seq?size={size}"
    return Dataset(name="digits-seq", source=source, x=x[:, 0], y=y, task="classification",
                   classes=classes, preprocessing=prep)


# ---------------------------------------------------------------- DATA-string loaders

def _check_options(name: str, options: dict, allowed: tuple[str, ...]) -> None:
    for key in options:
        if key not in allowed:
            listed = ", ".join(allowed) if allowed else "none"
            raise DataError(tr("unknown option {key!r} for {name}; options for {name}: {listed}").format(
                                key=key, name=name, listed=listed))


def _int_option(text_value: str, what: str, example: str) -> int:
    try:
        return int(str(text_value).strip())
    except ValueError:
        raise DataError(tr("{what} must be a whole number, not {text_value!r} (e.g. {example})").format(
                            what=what, text_value=text_value, example=example)) from None


def _float_option(text_value: str, what: str, example: str) -> float:
    try:
        return float(str(text_value).strip())
    except ValueError:
        raise DataError(tr("{what} must be a number, not {text_value!r} (e.g. {example})").format(
                            what=what, text_value=text_value, example=example)) from None


def _no_arg(name: str, arg: str | None, usage: str) -> None:
    if arg is not None:
        raise DataError(tr("{name} takes no ':' argument; use {usage}").format(name=name, usage=usage))


def load_sine(arg: str | None, options: dict[str, str], seed: int) -> Dataset:
    _no_arg("sine", arg, "sine?n=N&length=L&horizon=H&noise=S")
    _check_options("sine", options, tuple(SINE_DEFAULTS))
    kw = {}
    for key in ("n", "length", "horizon"):
        if key in options:
            kw[key] = _int_option(options[key], tr("sine {key}").format(
                key=key), f"sine?{key}={SINE_DEFAULTS[key]}")
    if "noise" in options:
        kw["noise"] = _float_option(options["noise"], tr("sine noise"), "sine?noise=0.1")
    return sine(seed=seed, **kw)


def load_adding(arg: str | None, options: dict[str, str], seed: int) -> Dataset:
    _check_options("adding", options, ("n",))
    kw = {}
    if arg is not None and arg.strip():
        kw["T"] = _int_option(arg, tr("the adding sequence length in adding:T"), "adding:100")
    if "n" in options:
        kw["n"] = _int_option(options["n"], tr("adding size n"), "adding?n=10000")
    return adding(seed=seed, **kw)


def load_digits_seq(arg: str | None, options: dict[str, str], seed: int) -> Dataset:
    _no_arg("digits-seq", arg, tr("digits-seq?size=S for S x S images (e.g. digits-seq?size=16)"))
    _check_options("digits-seq", options, ("size",))
    if "size" in options:
        return digits_seq(_int_option(options["size"], tr("the digits-seq image size"),
                                      "digits-seq?size=16"))
    return digits_seq()


def load_text(arg: str | None, options: dict[str, str], seed: int) -> Dataset:
    _check_options("text", options, ("len", "step", "chars"))
    kw = {}
    for key, param in (("len", "seq_len"), ("step", "step"), ("chars", "max_chars")):
        if key in options:
            kw[param] = _int_option(options[key], tr("text option {key}").format(
                key=key), f"text:book.txt?{key}=64")
    return text(arg, **kw)


SEQUENCE_SOURCES = {
    "sine": (
        load_sine,
        tr("forecast a noisy sum of 2-3 sines; x (N, length, 1), y the next values (regression)"),
        tr("sine?n=N (samples, default {n}) &length=L (window, default {length}) &horizon=H (values to "
           "predict, default {horizon}) &noise=S (default {noise:g})").format(**SINE_DEFAULTS)),
    "adding": (
        load_adding,
        tr("the adding problem: sum the two marked values of a sequence; x (N, T, 2) (regression)"),
        tr("adding:T (sequence length, 2-{max:,}, default {T}); ?n=N (samples, default {n})").format(
            max=MAX_STEPS, **ADDING_DEFAULTS)),
    "digits-seq": (
        load_digits_seq,
        tr("the bundled 8x8 digits read row by row: x (1797, 8, 8), 10 classes"),
        tr("digits-seq?size=S (resize to SxS first, {min}-{max}, bilinear; default 8)").format(
            min=_digits.MIN_SIZE, max=_digits.MAX_SIZE)),
    "text": (
        load_text,
        tr("next-character prediction from your UTF-8 text file; x one-hot (N, len, V)"),
        tr("text:PATH ?len=T (window, 1-{max_len:,}, default {len}) &step=S (between windows, default "
           "len) &chars=C (use the first C characters, up to {max_chars:,})").format(
            max_len=MAX_SEQ_LEN, len=DEFAULT_SEQ_LEN, max_chars=MAX_CHARS)),
}

SEQUENCE_TASKS = {"sine": "regression", "adding": "regression",
                  "digits-seq": "classification", "text": "classification"}
