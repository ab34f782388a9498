"""Optimizers, in order of increasing complexity: SGD (with optional momentum), Adagrad,
Adadelta, RMSprop, Adam.

The model keeps all parameters in one flat contiguous 1-D array and all gradients in another of
the same size, so one `step` is one compiled call (`kernels/optim.py`) over the whole vector.
The base class validates, allocates the per-parameter slots lazily and saves / restores state;
each subclass only states its defaults, its slots and its update rule.

Conventions follow PyTorch where the literature differs only in notation: SGD momentum keeps
v ← μv + g and steps p ← p − lr·v; ε is added outside the square root in Adagrad, RMSprop and
Adam, and inside it in Adadelta (Zeiler's paper).
"""
from __future__ import annotations

import math
from numbers import Real

import numpy as np

from ..i18n import tr
from .kernels import optim as K

_FLOATS = (np.dtype(np.float32), np.dtype(np.float64))


# --- hyperparameter checks (same name, same meaning, in every optimizer) -------------------

def _real(owner, name, value):
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, Real):
        raise ValueError(tr("{owner}: {name} must be a number, got {value!r}").format(
                             owner=owner, name=name, value=value))
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(tr("{owner}: {name} must be a finite number, got {value}").format(
                             owner=owner, name=name, value=value))
    return value


def _non_negative(owner, name, value):
    value = _real(owner, name, value)
    if value < 0:
        raise ValueError(tr("{owner}: {name} must be zero or positive, got {value}").format(
                             owner=owner, name=name, value=value))
    return value


def _positive(owner, name, value):
    value = _real(owner, name, value)
    if value <= 0:
        raise ValueError(tr("{owner}: {name} must be positive, got {value}").format(
                             owner=owner, name=name, value=value))
    return value


def _decay(owner, name, value):
    value = _real(owner, name, value)
    if not 0.0 <= value < 1.0:
        raise ValueError(tr("{owner}: {name} must be in [0, 1), got {value}").format(
                             owner=owner, name=name, value=value))
    return value


def _flag(owner, name, value):
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(tr("{owner}: {name} must be true or false, got {value!r}").format(
                             owner=owner, name=name, value=value))
    return bool(value)


_CHECKS = {"lr": _non_negative, "momentum": _decay, "nesterov": _flag, "rho": _decay,
           "beta1": _decay, "beta2": _decay, "eps": _positive}


class Optimizer:
    """Base class: `step(params, grads)` updates the flat 1-D `params` in place."""

    name: str = ""
    defaults: dict = {}          # every hyperparameter with its default, lr included
    slots: tuple[str, ...] = ()  # names of the per-parameter state vectors

    def __init__(self, lr: float | None = None, **hyper):
        if lr is not None:
            hyper["lr"] = lr
        self.hyper: dict = self._validated({**self.defaults, **hyper})
        self.t = 0                              # steps taken
        self._slots: dict[str, np.ndarray] = {}

    # -- subclass hooks --
    @classmethod
    def slot_names(cls, hyper: dict) -> tuple[str, ...]:
        """The slots this optimizer keeps with these hyperparameters."""
        return cls.slots

    def _check(self, hyper: dict) -> None:
        """Checks between hyperparameters; raise ValueError."""

    def _update(self, params, grads, slots, cast) -> None:
        raise NotImplementedError

    # -- hyperparameters --
    def _validated(self, hyper: dict) -> dict:
        unknown = sorted(set(hyper) - set(self.defaults))
        if unknown:
            raise ValueError(tr("{name} has no hyperparameter {unknown!r}; it takes {known}").format(
                                 name=self.name, unknown=unknown[0],
                                 known=', '.join(self.defaults)))
        out = {k: _CHECKS[k](self.name, k, v) for k, v in hyper.items()}
        self._check(out)
        return out

    def set_hyper(self, **changes) -> None:
        """Change hyperparameters between steps (validated), e.g. `set_hyper(lr=0.01)`."""
        self.hyper = self._validated({**self.hyper, **changes})

    @property
    def lr(self) -> float:
        return self.hyper["lr"]

    @lr.setter
    def lr(self, value: float) -> None:
        self.set_hyper(lr=value)

    # -- the step --
    def step(self, params: np.ndarray, grads: np.ndarray) -> None:
        """Update `params` in place from `grads`; both 1-D, same size and dtype (float32/64)."""
        if not isinstance(params, np.ndarray) or params.ndim != 1:
            raise ValueError(tr("{name}: params must be a 1-D array (all parameters of the model in one "
                                "vector), got {got}").format(
                                 name=self.name, got=_describe(params)))
        if params.dtype not in _FLOATS:
            raise ValueError(tr("{name}: params must be float32 or float64, got {dtype}").format(
                                 name=self.name, dtype=params.dtype))
        if not params.flags.c_contiguous or not params.flags.writeable:
            raise ValueError(tr("{name}: params must be a contiguous, writable array").format(
                                 name=self.name))
        if not isinstance(grads, np.ndarray) or grads.shape != params.shape:
            raise ValueError(tr("{name}: grads must have the shape of params {shape}, got "
                                "{got}").format(
                                 name=self.name, shape=params.shape, got=_describe(grads)))
        if grads.dtype != params.dtype:
            raise ValueError(tr("{name}: grads are {dtype} but params are {dtype2}").format(
                                 name=self.name, dtype=grads.dtype, dtype2=params.dtype))
        grads = np.ascontiguousarray(grads)
        slots = self._slots_for(params)
        self.t += 1
        self._update(params, grads, slots, params.dtype.type)

    def _slots_for(self, params: np.ndarray) -> dict[str, np.ndarray]:
        for key in self.slot_names(self.hyper):
            slot = self._slots.get(key)
            if slot is None:
                self._slots[key] = np.zeros_like(params)
            elif slot.size != params.size:
                raise ValueError(tr("{name}: the optimizer state holds {size} values but the model has "
                                    "{size2} parameters").format(
                                     name=self.name, size=slot.size, size2=params.size))
            elif slot.dtype != params.dtype:
                self._slots[key] = slot.astype(params.dtype)
        return self._slots

    # -- state --
    def state_dict(self) -> dict:
        """`{"name", "hyper", "step", "slots": {slot name: 1-D array copy}}`."""
        return {"name": self.name, "hyper": dict(self.hyper), "step": self.t,
                "slots": {k: v.copy() for k, v in self._slots.items()}}

    def load_state_dict(self, state: dict) -> None:
        """Restore what `state_dict` returned: hyperparameters, step count and slots."""
        if not isinstance(state, dict) or set(state) != {"name", "hyper", "step", "slots"}:
            raise ValueError(tr("{name}: an optimizer state is a dict with keys name, hyper, step and "
                                "slots, got {got}").format(
                                 name=self.name, got=_describe(state)))
        if state["name"] != self.name:
            raise ValueError(tr("this optimizer state belongs to {owner!r}, not {name!r}").format(
                                 owner=state['name'], name=self.name))
        if not isinstance(state["hyper"], dict):
            raise ValueError(tr("{name}: state['hyper'] must be a dict").format(name=self.name))
        hyper = self._validated({**self.defaults, **state["hyper"]})
        step = state["step"]
        whole = isinstance(step, (int, np.integer)) and not isinstance(step, (bool, np.bool_))
        if not whole or step < 0:
            raise ValueError(tr("{name}: state['step'] must be a whole number >= 0, got {step!r}").format(
                                 name=self.name, step=step))
        slots = state["slots"]
        if not isinstance(slots, dict):
            raise ValueError(tr("{name}: state['slots'] must be a dict of arrays").format(name=self.name))
        expected = set(self.slot_names(hyper))
        if slots and set(slots) != expected:
            raise ValueError(tr("{name}: state slots {slots} do not match the expected {expected}").format(
                                 name=self.name, slots=sorted(slots), expected=sorted(expected)))
        if not slots and expected and step > 0:
            raise ValueError(tr("{name}: the state has taken {step} steps but holds no {missing}").format(
                                 name=self.name, step=step, missing=', '.join(sorted(expected))))
        sizes = set()
        for key, arr in slots.items():
            if (not isinstance(arr, np.ndarray) or arr.ndim != 1
                    or arr.dtype not in _FLOATS):
                raise ValueError(tr("{name}: slot {key!r} must be a 1-D float32 or float64 array, got "
                                    "{got}").format(
                                     name=self.name, key=key, got=_describe(arr)))
            sizes.add(arr.size)
        if len(sizes) > 1:
            raise ValueError(tr("{name}: the slots have different sizes {sizes}").format(
                                 name=self.name, sizes=sorted(sizes)))
        if sizes and self._slots:
            have = next(iter(self._slots.values())).size
            if have not in sizes:
                raise ValueError(tr("{name}: the state is for {n} parameters but this optimizer "
                                    "is working on {have}").format(
                                     name=self.name, n=sizes.pop(), have=have))
        self.hyper = hyper
        self.t = int(step)
        self._slots = {k: np.array(v, copy=True, order="C") for k, v in slots.items()}

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.hyper.items())
        return f"{type(self).__name__}({args})"


def _describe(x) -> str:
    if isinstance(x, np.ndarray):
        return f"an array of shape {x.shape} and dtype {x.dtype}"
    return type(x).__name__


# --- the optimizers ------------------------------------------------------------------------

class SGD(Optimizer):
    """Gradient descent; with momentum μ > 0 it keeps a velocity v ← μv + g and steps along it.
    The batch size decides whether this is SGD (1 sample), MBGD (k) or BGD (the full set)."""

    name = "sgd"
    defaults = {"lr": 0.01, "momentum": 0.0, "nesterov": False}

    @classmethod
    def slot_names(cls, hyper):
        return ("velocity",) if hyper["momentum"] > 0 else ()

    def _check(self, hyper):
        if hyper["nesterov"] and hyper["momentum"] == 0:
            raise ValueError(tr("{name}: nesterov needs a momentum above 0, got momentum 0").format(
                                 name=self.name))

    def _update(self, params, grads, slots, cast):
        h = self.hyper
        if h["momentum"] > 0:
            K.momentum_step(params, grads, slots["velocity"], cast(h["lr"]), cast(h["momentum"]),
                            h["nesterov"])
        else:
            K.sgd_step(params, grads, cast(h["lr"]))


class Momentum(SGD):
    """SGD with momentum 0.9 by default (the classic "Momentum" optimizer)."""

    name = "momentum"
    defaults = {"lr": 0.01, "momentum": 0.9, "nesterov": False}


class Adagrad(Optimizer):
    """Divides each step by the root of that parameter's summed squared gradients."""

    name = "adagrad"
    defaults = {"lr": 0.01, "eps": 1e-10}
    slots = ("sum_sq",)

    def _update(self, params, grads, slots, cast):
        h = self.hyper
        K.adagrad_step(params, grads, slots["sum_sq"], cast(h["lr"]), cast(h["eps"]))


class Adadelta(Optimizer):
    """Zeiler's Adadelta: step size from the ratio of running RMS of past updates and gradients."""

    name = "adadelta"
    defaults = {"lr": 1.0, "rho": 0.95, "eps": 1e-6}
    slots = ("avg_sq_grad", "avg_sq_delta")

    def _update(self, params, grads, slots, cast):
        h = self.hyper
        K.adadelta_step(params, grads, slots["avg_sq_grad"], slots["avg_sq_delta"],
                        cast(h["lr"]), cast(h["rho"]), cast(1.0 - h["rho"]), cast(h["eps"]))


class RMSprop(Optimizer):
    """Divides each step by a running root-mean-square of that parameter's gradients."""

    name = "rmsprop"
    defaults = {"lr": 0.001, "rho": 0.9, "eps": 1e-8}
    slots = ("avg_sq_grad",)

    def _update(self, params, grads, slots, cast):
        h = self.hyper
        K.rmsprop_step(params, grads, slots["avg_sq_grad"], cast(h["lr"]), cast(h["rho"]),
                       cast(1.0 - h["rho"]), cast(h["eps"]))


class Adam(Optimizer):
    """Momentum (first moment) + RMSprop (second moment), both bias-corrected."""

    name = "adam"
    defaults = {"lr": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}
    slots = ("m", "v")

    def _update(self, params, grads, slots, cast):
        h = self.hyper
        b1, b2 = h["beta1"], h["beta2"]
        step_size = h["lr"] / (1.0 - b1 ** self.t)
        sqrt_bias2 = math.sqrt(1.0 - b2 ** self.t)
        K.adam_step(params, grads, slots["m"], slots["v"], cast(step_size), cast(b1),
                    cast(1.0 - b1), cast(b2), cast(1.0 - b2), cast(sqrt_bias2), cast(h["eps"]))


OPTIMIZERS: dict[str, type] = {cls.name: cls for cls in
                               (SGD, Momentum, Adagrad, Adadelta, RMSprop, Adam)}


def make_optimizer(name: str, **hyper) -> Optimizer:
    """The optimizer called `name` (case-insensitive) with these hyperparameters."""
    key = name.strip().lower() if isinstance(name, str) else name
    if key not in OPTIMIZERS:
        raise ValueError(tr("unknown optimizer {name!r}; known optimizers: {known}").format(
                             name=name, known=', '.join(OPTIMIZERS)))
    return OPTIMIZERS[key](**hyper)
