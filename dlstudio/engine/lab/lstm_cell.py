"""The LSTM cell page's numbers: one time step written out, a sequence unrolled, and the
gradient that reaches each earlier time step in a SimpleRNN and an LSTM.

Everything runs through the engine: weights come from its seeded initialisation (`Model`), a
single step from an arbitrary state runs the engine's own cell kernel, a sequence runs the
engine LSTM layer and is read back with a `Probe`, and the gradients through time come from the
layers' own backward passes (back-propagation through time). Gate order i, f, g, o, as in
the engine: z = x W + h_{t-1} U + b; i, f, o = sigmoid, g = tanh; c_t = f ⊙ c_{t-1} + i ⊙ g;
h_t = o ⊙ tanh(c_t).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...data.sequences import adding, sine_signal
from ...i18n import tr
from ...spec import Network
from ..kernels import recurrent as KR
from ..losses import get_loss
from ..model import Model
from ..probes import Probe

GATES = ("i", "f", "g", "o")
STATES = ("i", "f", "g", "o", "c", "h")
PRESETS = ("adding", "sine", "pulse")
RECURRENT_KINDS = ("SimpleRNN", "LSTM")
T_RANGE = (2, 400)


@dataclass(frozen=True)
class Cell:
    """The weights of one LSTM layer: kernel (F, 4U), recurrent_kernel (U, 4U), bias (4U)."""
    kernel: np.ndarray
    recurrent_kernel: np.ndarray
    bias: np.ndarray

    @property
    def features(self) -> int:
        return int(self.kernel.shape[0])

    @property
    def units(self) -> int:
        return int(self.recurrent_kernel.shape[0])

    @property
    def dtype(self) -> np.dtype:
        return self.kernel.dtype


@dataclass(frozen=True)
class Step:
    """One time step of the cell: the inputs, the pre-activations z (4U) and every result (U)."""
    x: np.ndarray
    h_prev: np.ndarray
    c_prev: np.ndarray
    z: np.ndarray
    i: np.ndarray
    f: np.ndarray
    g: np.ndarray
    o: np.ndarray
    c: np.ndarray
    tanh_c: np.ndarray
    h: np.ndarray

    @property
    def kept(self) -> np.ndarray:
        """f ⊙ c_{t−1}: what the cell keeps of its old state."""
        return self.f * self.c_prev

    @property
    def added(self) -> np.ndarray:
        """i ⊙ g: what the cell takes in."""
        return self.i * self.g

    def pre(self, gate: str) -> np.ndarray:
        """The pre-activation of one gate ("i", "f", "g" or "o")."""
        u = self.i.shape[0]
        j = GATES.index(gate)
        return self.z[j * u:(j + 1) * u]


@dataclass(frozen=True)
class TimeGradients:
    """‖d(loss)/d(x_t)‖ for t = 1..T of one network on one sequence, and the loss."""
    kind: str
    loss: float
    norms: np.ndarray
    dx: np.ndarray


# ---- networks ----------------------------------------------------------------------------

def recurrent_network(kind: str, steps: int, features: int, units: int,
                      return_sequences: bool = False, head: int | None = 1) -> Network:
    """Input [T, F] → SimpleRNN / LSTM(units) (→ Dense(head) unless head is None)."""
    if kind not in RECURRENT_KINDS:
        raise ValueError(f"the recurrent layer must be one of {', '.join(RECURRENT_KINDS)}, not {kind!r}")
    net = Network(name=f"lab {kind}")
    net.add("in", "Input", {"shape": [int(steps), int(features)]})
    net.add("rnn", kind, {"units": int(units), "return_sequences": bool(return_sequences)}, after="in")
    if head is not None:
        net.add("out", "Dense", {"units": int(head)}, after="rnn")
    return net


def make_cell(features: int = 2, units: int = 3, seed: int = 0, dtype=np.float32) -> Cell:
    """An LSTM cell with the engine's seeded initialisation (forget-gate bias 1)."""
    model = Model(recurrent_network("LSTM", 1, features, units, True, None), dtype=dtype, seed=seed)
    w = model.weights()
    return Cell(w["rnn.kernel"], w["rnn.recurrent_kernel"], w["rnn.bias"])


def _lstm_model(cell: Cell, steps: int) -> Model:
    model = Model(recurrent_network("LSTM", steps, cell.features, cell.units, True, None), dtype=cell.dtype)
    model.set_weights({"rnn.kernel": cell.kernel, "rnn.recurrent_kernel": cell.recurrent_kernel,
                       "rnn.bias": cell.bias})
    return model


# ---- one step ----------------------------------------------------------------------------

def _vector(name: str, value, size: int, dtype) -> np.ndarray:
    a = np.asarray(value, dtype=np.float64).reshape(-1)
    if a.shape[0] != size:
        raise ValueError(f"{name} needs {size} numbers, got {a.shape[0]}")
    if not np.isfinite(a).all():
        raise ValueError(f"{name} must be finite numbers")
    return a.astype(dtype)


def step(cell: Cell, x, h_prev, c_prev) -> Step:
    """One step from any state (x_t, h_{t-1}, c_{t-1}): z is x W + h U + b, then the engine's
    cell kernel turns it into the gates, c_t, tanh(c_t) and h_t."""
    dt, u = cell.dtype, cell.units
    x = _vector("x", x, cell.features, dt)
    h_prev = _vector("h_prev", h_prev, u, dt)
    c_prev = _vector("c_prev", c_prev, u, dt)
    z = (x @ cell.kernel + h_prev @ cell.recurrent_kernel + cell.bias).astype(dt)
    # the kernel reads c_{t-1} from step 0 of its arrays and writes step 1
    zz = np.zeros((1, 2, 4 * u), dt)
    zz[0, 1] = z
    cc = np.zeros((1, 2, u), dt)
    cc[0, 0] = c_prev
    tc = np.zeros((1, 2, u), dt)
    hh = np.zeros((1, 2, u), dt)
    KR._lstm_cell(0, 1, zz, cc, tc, hh)
    a = zz[0, 1]
    gates = {k: a[j * u:(j + 1) * u].copy() for j, k in enumerate(GATES)}
    return Step(x=x, h_prev=h_prev, c_prev=c_prev, z=z, c=cc[0, 1].copy(), tanh_c=tc[0, 1].copy(),
                h=hh[0, 1].copy(), **gates)


# ---- a sequence unrolled -----------------------------------------------------------------

def preset_sequence(name: str, steps: int, features: int = 2, seed: int = 0) -> np.ndarray:
    """A (T, F) float32 sequence: "adding" (a sample of the adding problem: values, markers),
    "sine" (a sum of sines in feature 0) or "pulse" (a single 1 in feature 0 at the 2nd step)."""
    steps = int(steps)
    if not T_RANGE[0] <= steps <= T_RANGE[1]:
        raise ValueError(tr("the sequence length must be between {lo} and {hi}, not {steps}").format(
            lo=T_RANGE[0], hi=T_RANGE[1], steps=steps))
    x = np.zeros((steps, features), np.float32)
    if name == "adding":
        a = adding(T=steps, n=1, seed=seed).x[0]
        x[:, :min(features, 2)] = a[:, :features]
    elif name == "sine":
        x[:, 0] = sine_signal(1, steps, np.random.default_rng(seed))[0]
    elif name == "pulse":
        x[1, 0] = 1.0
    else:
        raise ValueError(f"unknown sequence preset {name!r}; the presets are {', '.join(PRESETS)}")
    return x


def unroll(cell: Cell, xs: np.ndarray) -> dict[str, np.ndarray]:
    """Run the sequence xs (T, F) through the engine LSTM layer: {"x", "i", "f", "g", "o", "c",
    "h"}, each (T, ·) as the engine's probe reports them."""
    xs = np.asarray(xs, dtype=cell.dtype)
    if xs.ndim != 2 or xs.shape[1] != cell.features:
        raise ValueError(f"the sequence must be (T, {cell.features}), got shape {list(xs.shape)}")
    model = _lstm_model(cell, xs.shape[0])
    gates = Probe(model, sample=xs, rate_hz=0).collect()["gates"]["rnn"]
    return {"x": xs.copy(), **gates}


# ---- gradient through time ---------------------------------------------------------------

def time_network(kind: str, steps: int, features: int, units: int, seed: int = 0, dtype=np.float32,
                 forget_bias: float | None = None) -> Model:
    """Input [T, F] → kind(units) → Dense(1) with the engine's seeded initialisation; for an
    LSTM, `forget_bias` (if given) replaces the forget-gate bias (the engine's default is 1)."""
    model = Model(recurrent_network(kind, steps, features, units), dtype=dtype, seed=seed)
    if forget_bias is not None and kind == "LSTM":
        model.layers["rnn"].w["bias"][units:2 * units] = forget_bias
    return model


def input_gradient(model: Model, x: np.ndarray, y: np.ndarray, loss: str = "mse") -> tuple[float, np.ndarray]:
    """(loss, d(loss)/d(x)) for a network built by `time_network`: forward, loss, then the
    Dense and recurrent layers' own backward passes, the recurrent one asked for its dx."""
    out = model.forward(np.asarray(x, model.dtype))
    value, d_out = get_loss(loss)(out, np.asarray(y, model.dtype))
    rnn = model.layers["rnn"]
    dh = model.layers["out"].backward(d_out)[0]
    rnn.need_dx = True
    dx = rnn.backward(dh)[0]
    return value, dx


def gradient_through_time(kind: str, x: np.ndarray, y, units: int = 16, seed: int = 0, dtype=np.float32,
                          forget_bias: float | None = None) -> TimeGradients:
    """‖d(loss)/d(x_t)‖ for every step of one sequence x (T, F), MSE loss against y."""
    x = np.asarray(x, dtype)
    if x.ndim != 2:
        raise ValueError(f"the sequence must be (T, F), got shape {list(x.shape)}")
    model = time_network(kind, x.shape[0], x.shape[1], units, seed, dtype, forget_bias)
    value, dx = input_gradient(model, x[None], np.asarray(y, dtype).reshape(1, -1))
    dx = dx[0].astype(np.float64)
    return TimeGradients(kind, value, np.sqrt(np.sum(dx * dx, axis=1)), dx)


def compare_through_time(steps: int, units: int = 16, seed: int = 0,
                         forget_bias: float | None = None) -> dict[str, TimeGradients]:
    """SimpleRNN and LSTM on the same adding-problem sample of length `steps`."""
    data = adding(T=int(steps), n=1, seed=seed)
    return {kind: gradient_through_time(kind, data.x[0], data.y[0], units, seed,
                                        forget_bias=forget_bias if kind == "LSTM" else None)
            for kind in RECURRENT_KINDS}


def ratio_first_last(norms: np.ndarray) -> float:
    """‖grad at t=1‖ / ‖grad at t=T‖ (0 when the last one is 0)."""
    last = float(norms[-1])
    return float(norms[0]) / last if last > 0 else 0.0


def reading(results: dict[str, TimeGradients]) -> str:
    """One line: how much of the last step's gradient reaches the first step, per network."""
    parts = [(tr("{ratio} of the last step's for the {network}") if n == 0 else tr("{ratio} for the {network}"))
             .format(ratio=f"{ratio_first_last(r.norms):.1e}", network=k) for n, (k, r) in enumerate(results.items())]
    if len(parts) == 2:
        return tr("At t=1 the gradient is {first} and {second}.").format(first=parts[0], second=parts[1])
    return tr("At t=1 the gradient is {parts}.").format(parts=" and ".join(parts))
