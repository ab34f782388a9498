"""One training step of a tiny network, slowed down: every number of init → forward → loss →
backward → update, computed by the engine's own Model, loss and optimizer.

The network is a real document, Input[2] → Dense(3) → activation → Dense(2) [→ Softmax / Sigmoid],
compiled as the engine's `Model` and seeded like any training run. `TrainStep.record()` runs
exactly what the `Trainer` runs for a batch of one sample (`Model.train_step_grads`, then the
optimizer's `step`) and returns a `StepRecord` with every value; it does not move the weights.
`advance()` takes the recorded step for real (weights and optimizer state), ready for the next.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ...i18n import tr
from ...spec import Network
from ..losses import get_loss
from ..model import Model
from ..optimizers import OPTIMIZERS, make_optimizer

STAGES = ("init", "forward", "loss", "backward", "update")
ACTIVATIONS = ("Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU")
# loss → the final activation the network ends with for it (None: the Dense outputs are read)
LOSSES: dict[str, str | None] = {"cross_entropy": "Softmax", "mse": None, "mae": None,
                                 "binary_cross_entropy": "Sigmoid"}
OPTIMIZER_NAMES = tuple(OPTIMIZERS)
SIZES = (2, 3, 2)   # inputs, hidden units, outputs


def build_network(activation: str = "Sigmoid", loss: str = "cross_entropy") -> Network:
    """The 2-3-2 network document for this activation and loss."""
    if activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}; choose one of {', '.join(ACTIVATIONS)}")
    if loss not in LOSSES:
        raise ValueError(f"unknown loss {loss!r}; choose one of {', '.join(LOSSES)}")
    n_in, hidden, n_out = SIZES
    net = Network(name="one training step")
    net.add("input", "Input", {"shape": [n_in]})
    net.add("dense1", "Dense", {"units": hidden}, after="input")
    net.add("act1", activation, {}, after="dense1")
    net.add("dense2", "Dense", {"units": n_out}, after="act1")
    final = LOSSES[loss]
    if final:
        net.add("out", final, {}, after="dense2")
    return net


@dataclass
class WeightRow:
    """One weight element through the step: its value before, its gradient, its value after."""
    name: str          # e.g. "dense1.kernel[0, 2]"
    slot: str          # "dense1.kernel"
    index: tuple
    flat: int          # position in Model.params
    old: float
    grad: float
    new: float


@dataclass
class StepRecord:
    """Every number of one step, stage by stage (plain data, 1-D arrays for one sample)."""
    step: int                                  # 1 for the first step since initialisation
    x: np.ndarray
    target: np.ndarray
    order: list[str]                           # node ids, input first
    types: dict[str, str]
    values: dict[str, np.ndarray]              # forward: every node's output
    output: np.ndarray                         # the network's output (last node)
    loss_name: str
    loss: float
    loss_node: str                             # whose output the loss reads (logits if fused)
    fused: bool                                # a final Softmax / Sigmoid absorbed by the loss
    node_grads: dict[str, np.ndarray]          # backward: d loss / d (node output) the layers got
    weights: list[WeightRow]
    optimizer: str
    hyper: dict
    t: int                                     # the optimizer's step count after this update
    slots_before: dict[str, np.ndarray] = field(default_factory=dict)  # flat optimizer state
    slots_after: dict[str, np.ndarray] = field(default_factory=dict)

    def row(self, name: str) -> WeightRow:
        for r in self.weights:
            if r.name == name:
                return r
        raise KeyError(f"no weight {name!r}")

    def old_weights(self) -> dict[str, np.ndarray]:
        return _by_slot(self.weights, "old")

    def new_weights(self) -> dict[str, np.ndarray]:
        return _by_slot(self.weights, "new")

    def gradients(self) -> dict[str, np.ndarray]:
        return _by_slot(self.weights, "grad")


def _by_slot(rows: list[WeightRow], attr: str) -> dict[str, np.ndarray]:
    out: dict[str, dict] = {}
    for r in rows:
        out.setdefault(r.slot, {})[r.index] = getattr(r, attr)
    result = {}
    for slot, cells in out.items():
        shape = tuple(max(i[k] for i in cells) + 1 for k in range(len(next(iter(cells)))))
        a = np.zeros(shape)
        for i, v in cells.items():
            a[i] = v
        result[slot] = a
    return result


def default_target(loss: str) -> np.ndarray:
    """A target that fits `loss`: one-hot class 0 for the classifiers, (1, 0) for regression."""
    return np.array([1.0, 0.0])


class TrainStep:
    """The tiny network, its sample and its optimizer; editable between steps."""

    def __init__(self, activation: str = "Sigmoid", loss: str = "cross_entropy",
                 optimizer: str = "sgd", hyper: dict | None = None, seed: int = 0,
                 x=(0.5, -1.0), target=None, dtype=np.float32):
        self.dtype = np.dtype(dtype)
        self.activation, self.loss_name, self.seed = activation, loss, int(seed)
        self.x = self._vector(x, "input")
        self.target = self._vector(default_target(loss) if target is None else target, "target")
        self.optimizer_name = optimizer
        self.hyper = dict(hyper or {})
        self.optimizer = make_optimizer(optimizer, **self.hyper)
        self._build()

    # ---- set-up ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.network = build_network(self.activation, self.loss_name)
        self.loss = get_loss(self.loss_name)
        self.model = Model(self.network, dtype=self.dtype, seed=self.seed)
        self.optimizer = make_optimizer(self.optimizer_name, **self.hyper)
        self.steps_done = 0

    def reinitialize(self, seed: int | None = None) -> None:
        """Fresh seeded weights (and a fresh optimizer), as at the start of training."""
        if seed is not None:
            self.seed = int(seed)
        self._build()

    def set_activation(self, activation: str) -> None:
        build_network(activation, self.loss_name)   # validates
        self.activation = activation
        self._build()

    def set_loss(self, loss: str) -> None:
        build_network(self.activation, loss)
        self.loss_name = loss
        self._build()

    def set_optimizer(self, name: str, hyper: dict | None = None) -> None:
        """Another optimizer (its state starts empty); the weights stay."""
        opt = make_optimizer(name, **(hyper or {}))
        self.optimizer_name, self.hyper, self.optimizer = name, dict(hyper or {}), opt

    def set_input(self, x) -> None:
        self.x = self._vector(x, "input")

    def set_target(self, target) -> None:
        self.target = self._vector(target, "target")

    def set_weight(self, slot: str, index: tuple, value: float) -> None:
        """Set one element of a trainable weight, e.g. ("dense1.kernel", (0, 2), 0.5)."""
        v = float(value)
        if not np.isfinite(v):
            raise ValueError(tr("{weight}: a weight must be a finite number, got {value}").format(
                weight=f"{slot}{list(index)}", value=repr(value)))
        found = [s for s in self.model.slots if s.name == slot and s.trainable]
        if not found:
            raise ValueError(tr("no trainable weight {name}").format(name=repr(slot)))
        view = self.model.view(found[0])
        index = tuple(int(i) for i in index)
        if len(index) != view.ndim or any(not 0 <= i < n for i, n in zip(index, view.shape)):
            raise ValueError(tr("{slot} has shape {shape}; index {index} is outside it").format(
                slot=slot, shape=list(view.shape), index=list(index)))
        view[index] = v

    def weights(self) -> dict[str, np.ndarray]:
        """Copies of the current weights by name."""
        return self.model.weights()

    def _vector(self, values, what: str) -> np.ndarray:
        n = SIZES[0] if what == "input" else SIZES[2]
        try:
            a = np.asarray(values, dtype=np.float64).reshape(-1)
        except (TypeError, ValueError):
            raise ValueError(self._wording(what, tr("the input must be {n} numbers, got {got}"),
                                           tr("the target must be {n} numbers, got {got}")).format(
                n=n, got=repr(values))) from None
        if a.size != n:
            raise ValueError(self._wording(what, tr("the input must be {n} numbers, got {got}"),
                                           tr("the target must be {n} numbers, got {got}")).format(n=n, got=a.size))
        if not np.all(np.isfinite(a)):
            raise ValueError(self._wording(what, tr("the input must be finite numbers"),
                                           tr("the target must be finite numbers")))
        return a

    @staticmethod
    def _wording(what: str, about_input, about_target):
        """The sentence about the input or the one about the target (whole sentences translate)."""
        return about_input if what == "input" else about_target

    # ---- the step ----------------------------------------------------------------------------
    def batch(self) -> tuple[np.ndarray, np.ndarray]:
        """The sample as the Trainer sees it: a batch of one (x in the model's dtype)."""
        return self.x.astype(self.dtype)[None, :], self.target.astype(self.dtype)[None, :]

    def record(self) -> StepRecord:
        """Run one step (as `Trainer` does for a batch of one) and record it; the weights and
        the optimizer state are left as they were. A target the loss refuses is a ValueError."""
        m, opt = self.model, self.optimizer
        xb, yb = self.batch()
        params_before = m.params.copy()
        state_before = opt.state_dict()
        node_grads: dict[str, np.ndarray] = {}
        _spy_backward(m, node_grads)
        try:
            with np.errstate(all="ignore"):
                value, out = m.train_step_grads(xb, yb, self.loss)
        finally:
            _unspy_backward(m)
        if not (np.isfinite(value) and np.all(np.isfinite(m.grads))):
            raise ValueError(tr("the loss or a gradient is not a finite number (loss {value}): "
                                "the input or a weight is too large").format(value=f"{value:g}"))
        values = {nid: v[0].astype(np.float64) for nid, v in m.values.items()}
        grads = m.grads.copy()
        try:
            with np.errstate(all="ignore"):
                opt.step(m.params, m.grads)
            params_after = m.params.copy()
            state_after = opt.state_dict()
        finally:
            m.params[...] = params_before
            opt.load_state_dict(state_before)
        start = m.fused_start(self.loss)
        rows = []
        for s in m.slots:
            if not s.trainable:
                continue
            for k, index in enumerate(np.ndindex(*s.shape)):
                flat = s.offset + k
                label = ", ".join(str(i) for i in index)
                rows.append(WeightRow(f"{s.name}[{label}]", s.name, index, flat, float(params_before[flat]),
                                      float(grads[flat]), float(params_after[flat])))
        return StepRecord(
            step=self.steps_done + 1, x=self.x.copy(), target=self.target.copy(), order=list(m.order),
            types={nid: self.network.node(nid).type for nid in m.order}, values=values,
            output=np.asarray(out[0], np.float64), loss_name=self.loss.name, loss=float(value),
            loss_node=start or m.output_id, fused=start is not None,
            node_grads={k: v[0].astype(np.float64) for k, v in node_grads.items()}, weights=rows,
            optimizer=opt.name, hyper=dict(opt.hyper), t=state_after["step"],
            slots_before={k: v.astype(np.float64) for k, v in state_before["slots"].items()},
            slots_after={k: v.astype(np.float64) for k, v in state_after["slots"].items()})

    def advance(self) -> StepRecord:
        """Take the step for real: weights and optimizer state move on. Returns what was done."""
        rec = self.record()
        self.optimizer.step(self.model.params, self.model.grads)
        self.steps_done += 1
        return rec


def _spy_backward(model: Model, sink: dict) -> None:
    """Make each layer note the gradient it receives (d loss / d its output) during backward."""
    for nid, layer in model.layers.items():
        def spy(dout, _orig=layer.backward, _nid=nid):
            sink[_nid] = np.array(dout, copy=True)
            return _orig(dout)
        layer.backward = spy


def _unspy_backward(model: Model) -> None:
    for layer in model.layers.values():
        layer.__dict__.pop("backward", None)


# ---- the optimizer's rule, with this step's numbers ------------------------------------------

def _f(v: float) -> str:
    return f"{v:.6g}"


def _p(v: float) -> str:
    """A number as a factor: negatives in parentheses."""
    return f"({v:.6g})" if v < 0 else f"{v:.6g}"


def update_formula(rec: StepRecord, name: str) -> list[str]:
    """The update rule of `rec.optimizer` for weight `name`, one line per equation, filled in
    with the numbers of this step (the optimizer state before and after, from the engine)."""
    r = rec.row(name)
    h, i, g = rec.hyper, r.flat, r.grad
    before = {k: float(v[i]) for k, v in rec.slots_before.items()} if rec.slots_before else {}
    after = {k: float(v[i]) for k, v in rec.slots_after.items()}
    b = {k: before.get(k, 0.0) for k in after}   # an empty state is zeros
    lr, w, new = h["lr"], _f(r.old), _f(r.new)
    lines: list[str]
    if rec.optimizer in ("sgd", "momentum") and h["momentum"] == 0:
        lines = ["w ← w − η·g", f"= {w} − {_f(lr)} × {_p(g)} = {new}"]
    elif rec.optimizer in ("sgd", "momentum"):
        mu, v0, v1 = h["momentum"], b["velocity"], after["velocity"]
        lines = ["v ← μ·v + g", f"= {_f(mu)} × {_p(v0)} + {_p(g)} = {_f(v1)}"]
        if h["nesterov"]:
            lines += ["w ← w − η·(g + μ·v)", f"= {w} − {_f(lr)} × ({_p(g)} + {_f(mu)} × {_p(v1)}) = {new}"]
        else:
            lines += ["w ← w − η·v", f"= {w} − {_f(lr)} × {_p(v1)} = {new}"]
    elif rec.optimizer == "adagrad":
        s0, s1, eps = b["sum_sq"], after["sum_sq"], h["eps"]
        lines = ["G ← G + g²", f"= {_f(s0)} + {_p(g)}² = {_f(s1)}",
                 "w ← w − η·g / (√G + ε)", f"= {w} − {_f(lr)} × {_p(g)} / (√{_f(s1)} + {_f(eps)}) = {new}"]
    elif rec.optimizer == "rmsprop":
        rho, s0, s1, eps = h["rho"], b["avg_sq_grad"], after["avg_sq_grad"], h["eps"]
        lines = ["s ← ρ·s + (1 − ρ)·g²", f"= {_f(rho)} × {_f(s0)} + {_f(1 - rho)} × {_p(g)}² = {_f(s1)}",
                 "w ← w − η·g / (√s + ε)", f"= {w} − {_f(lr)} × {_p(g)} / (√{_f(s1)} + {_f(eps)}) = {new}"]
    elif rec.optimizer == "adadelta":
        rho, eps = h["rho"], h["eps"]
        e0, e1 = b["avg_sq_grad"], after["avg_sq_grad"]
        d0, d1 = b["avg_sq_delta"], after["avg_sq_delta"]
        delta = (r.old - r.new) / lr if lr else 0.0   # the step the engine took, per unit of η
        lines = ["E[g²] ← ρ·E[g²] + (1 − ρ)·g²", f"= {_f(rho)} × {_f(e0)} + {_f(1 - rho)} × {_p(g)}² = {_f(e1)}",
                 "Δ = √(E[Δ²] + ε) / √(E[g²] + ε) · g",
                 f"= √({_f(d0)} + {_f(eps)}) / √({_f(e1)} + {_f(eps)}) × {_p(g)} = {_f(delta)}",
                 "E[Δ²] ← ρ·E[Δ²] + (1 − ρ)·Δ²", f"= {_f(d1)}",
                 "w ← w − η·Δ", f"= {w} − {_f(lr)} × {_p(delta)} = {new}"]
    elif rec.optimizer == "adam":
        b1, b2, eps, t = h["beta1"], h["beta2"], h["eps"], rec.t
        m1, v1 = after["m"], after["v"]
        mh, vh = m1 / (1 - b1 ** t), v1 / (1 - b2 ** t)
        lines = ["m ← β₁·m + (1 − β₁)·g", f"= {_f(b1)} × {_p(b['m'])} + {_f(1 - b1)} × {_p(g)} = {_f(m1)}",
                 "v ← β₂·v + (1 − β₂)·g²", f"= {_f(b2)} × {_f(b['v'])} + {_f(1 - b2)} × {_p(g)}² = {_f(v1)}",
                 tr("bias-corrected: m′ = m / (1 − β₁^{t}) = {m},  v′ = v / (1 − β₂^{t}) = {v}").format(
                     t=t, m=_f(mh), v=_f(vh)),
                 "w ← w − η·m′ / (√v′ + ε)", f"= {w} − {_f(lr)} × {_p(mh)} / (√{_f(vh)} + {_f(eps)}) = {new}"]
    else:
        lines = [f"w ← {rec.optimizer}(w, g)", f"= {new}"]
    return lines
