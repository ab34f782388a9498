"""What a script written by `dlstudio export X.dls --to pytorch` imports from dlstudio: moving
weights and optimizer state between a .dls and a torch module / optimizer, the losses computed
exactly as dlstudio computes them, evaluation with dlstudio's metrics, and writing the .dls back.

torch is imported lazily (inside the functions); the conversions:
Dense kernel (in, out) ↔ Linear.weight (out, in); Conv2D kernel (f, c, kh, kw) = Conv2d.weight;
LSTM / SimpleRNN kernel (in, G·U) ↔ weight_ih_l0 (G·U, in), recurrent_kernel ↔ weight_hh_l0,
bias ↔ bias_ih_l0 (bias_hh_l0 is held at 0 and frozen); gate order i, f, g, o in both.
BatchNorm gamma/beta ↔ weight/bias, moving_mean/var ↔ running_mean/var, torch momentum =
1 − dlstudio momentum. All optimizers' update rules are PyTorch's (see engine/optimizers.py).
"""
from __future__ import annotations

import re

import numpy as np

TORCH_HINT = "PyTorch is not installed — pip install 'dlstudio[torch]'"


def attr(node_id: str) -> str:
    """A node id as a Python identifier (the module attribute of that layer)."""
    name = re.sub(r"\W", "_", node_id)
    if not name or name[0].isdigit():
        name = "n_" + name
    return name if name not in ("forward", "training") else name + "_"


def _maps(network: dict):
    """{dlstudio weight name: (torch state key, transposed?)} for every weight."""
    out = {}
    for node in network["nodes"]:
        a, t, nid = attr(node["id"]), node["type"], node["id"]
        if t == "Dense":
            out[f"{nid}.kernel"] = (f"{a}.weight", True)
            out[f"{nid}.bias"] = (f"{a}.bias", False)
        elif t == "Conv2D":
            out[f"{nid}.kernel"] = (f"{a}.weight", False)
            out[f"{nid}.bias"] = (f"{a}.bias", False)
        elif t in ("LSTM", "SimpleRNN"):
            out[f"{nid}.kernel"] = (f"{a}.weight_ih_l0", True)
            out[f"{nid}.recurrent_kernel"] = (f"{a}.weight_hh_l0", True)
            out[f"{nid}.bias"] = (f"{a}.bias_ih_l0", False)
        elif t == "BatchNorm":
            for d, k in (("gamma", "weight"), ("beta", "bias"), ("moving_mean", "running_mean"),
                         ("moving_var", "running_var")):
                out[f"{nid}.{d}"] = (f"{a}.{k}", False)
    return out


def load_weights(module, network: dict, weights: dict) -> None:
    """Copy dlstudio weights into the module (strict: every weight must be used)."""
    import torch
    state = module.state_dict()
    for name, arr in weights.items():
        key, tr = _maps(network)[name]
        a = np.asarray(arr, np.float32)
        state[key].copy_(torch.from_numpy(np.ascontiguousarray(a.T if tr else a)))
    for key in state:
        if key.endswith("bias_hh_l0"):
            state[key].zero_()
    module.load_state_dict(state)


def module_weights(module, network: dict) -> dict:
    state = {k: v.detach().cpu().numpy() for k, v in module.state_dict().items()}
    out = {}
    for name, (key, tr) in _maps(network).items():
        if key in state:
            a = state[key]
            if key.endswith("bias_ih_l0"):
                a = a + state[key.replace("bias_ih", "bias_hh")]
            out[name] = np.ascontiguousarray(a.T if tr else a).astype(np.float32)
    return out


# ---- optimizers ------------------------------------------------------------------------------
_SLOTS = {"sgd": {"velocity": "momentum_buffer"}, "momentum": {"velocity": "momentum_buffer"},
          "adagrad": {"sum_sq": "sum"}, "rmsprop": {"avg_sq_grad": "square_avg"},
          "adadelta": {"avg_sq_grad": "square_avg", "avg_sq_delta": "acc_delta"},
          "adam": {"m": "exp_avg", "v": "exp_avg_sq"}}


def make_optimizer(name: str, hyper: dict, params):
    """The torch optimizer whose update equals dlstudio's `name` with these hyperparameters."""
    import torch
    from ..engine.optimizers import make_optimizer as dls_make
    h = dls_make(name, **hyper).hyper            # validated, defaults filled in
    name = name.lower()
    if name in ("sgd", "momentum"):
        return torch.optim.SGD(params, lr=h["lr"], momentum=h["momentum"], nesterov=h["nesterov"], foreach=False)
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=h["lr"], eps=h["eps"], foreach=False)
    if name == "adadelta":
        return torch.optim.Adadelta(params, lr=h["lr"], rho=h["rho"], eps=h["eps"], foreach=False)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=h["lr"], alpha=h["rho"], eps=h["eps"], foreach=False)
    if name == "adam":
        return torch.optim.Adam(params, lr=h["lr"], betas=(h["beta1"], h["beta2"]), eps=h["eps"], foreach=False)
    raise ValueError(f"no PyTorch optimizer matches {name!r}")


def _param_index(module, network):
    named = dict(module.named_parameters())
    return {name: (named[key], tr) for name, (key, tr) in _maps(network).items() if key in named
            and named[key].requires_grad}


def load_optimizer_state(opt, module, network: dict, name: str, step: int, slots: dict) -> None:
    """dlstudio's optimizer slots {slot: {weight: array}} and step count into the torch optimizer."""
    import torch
    if not slots or step == 0:
        return
    for wname, (p, tr) in _param_index(module, network).items():
        st = opt.state[p]
        for dslot, tslot in _SLOTS[name].items():
            a = np.asarray(slots[dslot][wname], np.float32)
            st[tslot] = torch.from_numpy(np.ascontiguousarray(a.T if tr else a)).clone()
        if name not in ("sgd", "momentum"):
            st["step"] = torch.tensor(float(step))


def optimizer_state(opt, module, network: dict, name: str) -> tuple[dict, int]:
    slots = {d: {} for d in _SLOTS[name]}
    step = 0
    for wname, (p, tr) in _param_index(module, network).items():
        st = opt.state.get(p, {})
        for dslot, tslot in _SLOTS[name].items():
            if tslot in st and st[tslot] is not None:
                a = st[tslot].detach().cpu().numpy()
                slots[dslot][wname] = np.ascontiguousarray(a.T if tr else a).astype(np.float32)
        if "step" in st:
            step = int(float(st["step"]))
    return {k: v for k, v in slots.items() if v}, step


def clip_grad_norm(params, max_norm: float) -> None:
    """dlstudio's clipping: scale by max_norm / norm when the global norm is above max_norm."""
    import torch
    grads = [p.grad for p in params if p.grad is not None]
    norm = float(torch.sqrt(sum((g.double() ** 2).sum() for g in grads)))
    if norm > max_norm:
        for g in grads:
            g.mul_(max_norm / norm)


# ---- losses: dlstudio's formulas in torch (gradients by autograd) ---------------------------
def fuses(loss_name: str, last_type: str) -> bool:
    """True when the loss reads the logits before the network's final Softmax / Sigmoid."""
    from ..engine.losses import get_loss
    return get_loss(loss_name).fuses_with == last_type


def _through(p, lo, hi):
    """Clamp the value, pass the gradient through (dlstudio takes it at the clipped value)."""
    return p + (p.clamp(lo, hi) - p).detach()


def loss_value(loss_name: str, out, y: np.ndarray, fused: bool):
    """dlstudio's mean loss of `out` (logits when `fused`) against targets `y` (numpy)."""
    import torch
    import torch.nn.functional as F
    from ..engine import losses as L
    loss = L.get_loss(loss_name)
    name, dummy = loss.name, np.zeros(tuple(out.shape), np.float32)
    t = lambda a: torch.as_tensor(np.asarray(a, np.float32)).to(out.device)  # noqa: E731
    if name == "cross_entropy" or (name == "nll" and fused):
        if y.shape == dummy.shape:
            return -(t(y) * F.log_softmax(out, 1)).sum(1).mean()
        return F.cross_entropy(out, torch.as_tensor(L._class_labels(name, dummy, y)).to(out.device))
    if name == "nll":
        if out.shape[1] == 1:
            return _bce(out, t(L._same_shape(dummy, y)), False)
        p = _through(out, L.EPS, 1.0)
        if y.shape == dummy.shape:
            return -(t(y) * p.log()).sum() / out.shape[0]
        lab = torch.as_tensor(L._class_labels(name, dummy, y)).to(out.device)
        return -p.gather(1, lab[:, None]).log().mean()
    if name == "binary_cross_entropy":
        return _bce(out, t(loss._target(dummy, y)), fused)
    if name in ("hinge", "exponential"):
        s = t(L._signs(name, dummy, y))
        return torch.relu(1 - s * out).mean() if name == "hinge" else torch.exp(-s * out).mean()
    tgt = t(loss._target(dummy, y))
    d = out - tgt
    if name == "mse":
        return (d * d).mean()
    if name == "mae":
        return d.abs().mean()
    if name == "smooth_l1":
        return F.smooth_l1_loss(out, tgt, beta=1.0)
    if name == "msle":
        e = (torch.log1p(out.clamp(min=L.EPS)) - torch.log1p(tgt.clamp(min=L.EPS)))
        return (e * e).mean()
    if name == "mape":
        return (100 * d.abs() / tgt.abs().clamp(min=L.EPS)).mean()
    raise ValueError(f"no PyTorch version of the loss {name!r}")


def _bce(out, y, fused):
    import torch
    from ..engine.losses import EPS
    if fused:
        return (torch.relu(out) - out * y + torch.log1p(torch.exp(-out.abs()))).mean()
    p = _through(out, EPS, 1 - EPS)
    return (-(y * p.log() + (1 - y) * (1 - p).log())).mean()


# ---- evaluation and the .dls written back -------------------------------------------------
def evaluate(module, x: np.ndarray, y: np.ndarray, loss_name: str, task: str, fused: bool,
             batch_size: int = 512) -> dict:
    """{"loss", "accuracy", "mae"} with dlstudio's own loss and metrics on the module's outputs."""
    import torch
    from ..engine.losses import get_loss
    from ..engine.metrics import Tally
    loss, tally, total = get_loss(loss_name), Tally(loss_name, task), 0.0
    was = module.training
    module.eval()
    device = next(module.parameters()).device
    with torch.no_grad():
        for i in range(0, len(x), batch_size):
            xb = torch.from_numpy(np.ascontiguousarray(x[i:i + batch_size], np.float32)).to(device)
            yb = y[i:i + batch_size]
            logits = module(xb, logits=True) if fused else None
            out = module(xb).cpu().numpy().astype(np.float32)
            src = logits.cpu().numpy().astype(np.float32) if fused else out
            value, _ = loss(src, yb, fused=fused)
            total += value * len(xb)
            tally.add(out, yb, len(xb))
    module.train(was)
    return {"loss": total / max(len(x), 1), "accuracy": tally.accuracy(), "mae": tally.mae()}


def save_dls(path: str, bundle, module, opt, optimizer_name: str, step: int, epochs_done: int,
             history: dict, config: dict, shuffle_state=None) -> None:
    """Write the trained model as a .dls that dlstudio opens, evaluates and continues."""
    import copy
    from .modelfile import ModelBundle, save_model
    net = bundle.network
    slots, _ = optimizer_state(opt, module, net, optimizer_name)
    training = copy.deepcopy(bundle.training)
    training["config"] = config
    training["optimizer"] = {"name": optimizer_name, "hyper": dict(config.get("hyper", {})), "step": step}
    from ..engine.optimizers import make_optimizer as dls_make
    training["optimizer"]["hyper"] = dls_make(optimizer_name, **config.get("hyper", {})).hyper
    trainer = {"epochs_done": epochs_done}
    if shuffle_state is not None:
        trainer["shuffle_rng"] = shuffle_state
    if "dropout_rng" in training.get("trainer", {}):
        trainer["dropout_rng"] = training["trainer"]["dropout_rng"]
    training["trainer"], training["epochs_done"] = trainer, epochs_done
    save_model(path, ModelBundle(network=net, weights=module_weights(module, net), training=training,
                                 optimizer_slots=slots, history=history))
