"""Work on a model that the worker thread does for the views (no Qt here).

Every function runs in the worker thread, between batches or while no batch runs, and returns
new arrays only — the caller may hand its result to the GUI thread as it is.
"""
from __future__ import annotations

import numpy as np

from dlstudio.engine import losses as L
from dlstudio.engine.model import Model

HIST_BINS = 48
WORST = 12               # most confidently wrong examples shown by the evaluation view
_warmed: set = set()     # (layer types, optimizer, loss) whose kernels have run once in this process


def _key(network, config) -> tuple:
    return frozenset(n.type for n in network.nodes), config.optimizer, config.loss


def load_engine() -> None:
    """Load Numba's compiler machinery (a quarter of a second, holding the GIL in stretches of
    tens of milliseconds) by running one tiny kernel. The worker does this as soon as the window
    opens, so the first Start does not freeze the window while it happens."""
    from dlstudio.engine.kernels.activations import relu_forward
    x = np.zeros(1, np.float32)
    relu_forward(x, np.empty_like(x))


def needs_warm_up(network, config) -> bool:
    return _key(network, config) not in _warmed


def warm_up(network, x: np.ndarray, y: np.ndarray, config, val_size: int = 0) -> None:
    """Every kernel the run will use, once, on a throw-away copy of the model: a training step of
    a real batch (with the optimizer's update), an inference pass the size of the validation
    batches and one of a single sample (probes). The first call of each Numba kernel compiles or
    loads it while holding the GIL; doing it here makes that a step of its own instead of stalls
    in the first batches."""
    from dlstudio.engine.optimizers import make_optimizer
    model = Model(network, seed=0)
    loss = L.get_loss(config.loss)
    b = config.resolved_batch(len(x))
    with np.errstate(all="ignore"):
        model.train_step_grads(x[:b], y[:b], loss)
        make_optimizer(config.optimizer, **config.hyper).step(model.params, model.grads)
        model.grads[...] = 0
        if val_size:
            model.forward(x[:min(val_size, 512, len(x))], training=False)
        model.forward(x[:1], training=False)
        for layer in model.layers.values():
            if hasattr(layer, "probe"):
                layer.probe(0)
    _warmed.add(_key(network, config))


def norms(model: Model) -> dict:
    """{weight name: (L2 norm, L2 norm of its gradient)} for every trainable weight."""
    out = {}
    for s in model.slots:
        if s.trainable:
            w, g = model.view(s).reshape(-1), model.grad_view(s).reshape(-1)
            out[s.name] = (float(np.sqrt(np.dot(w, w))), float(np.sqrt(np.dot(g, g))))
    return out


def histograms(snap: dict, keep: set) -> dict:
    """Replace the weight / gradient arrays of a probe result by histograms (arrays named in
    `keep`, e.g. conv kernels shown as images, stay)."""
    hist = {}
    for name, w in snap.get("weights", {}).items():
        entry = {"w": _hist(w)}
        g = snap.get("grads", {}).get(name)
        if g is not None:
            entry["g"] = _hist(g)
        hist[name] = entry
    snap["hist"] = hist
    snap["weights"] = {k: v for k, v in snap.get("weights", {}).items() if k in keep}
    snap["grads"] = {}
    return snap


def _hist(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    a = a.reshape(-1)
    finite = a[np.isfinite(a)]
    if finite.size == 0:
        return np.zeros(HIST_BINS), np.linspace(-1, 1, HIST_BINS + 1)
    lo, hi = float(finite.min()), float(finite.max())
    if hi - lo < 1e-12:
        lo, hi = lo - 0.5, hi + 0.5
    counts, edges = np.histogram(finite, bins=HIST_BINS, range=(lo, hi))
    return counts.astype(np.float64), edges


def final_type(model: Model) -> str:
    return model.network.node(model.output_id).type


def probabilities(out: np.ndarray, loss_name: str, last_type: str) -> np.ndarray | None:
    """Class probabilities (N, K) from the network's outputs, whatever its last layer is:
    a Softmax / Sigmoid end is used as it is, logits and scores go through softmax / sigmoid."""
    out = np.asarray(out, np.float64).reshape(len(out), -1)
    if out.shape[1] == 1:
        p = out[:, 0] if last_type == "Sigmoid" else 1.0 / (1.0 + np.exp(-np.clip(out[:, 0], -60, 60)))
        if loss_name in ("hinge", "exponential"):
            p = 1.0 / (1.0 + np.exp(-np.clip(out[:, 0], -60, 60)))
        return np.stack([1.0 - p, p], axis=1)
    if last_type == "Softmax":
        p = np.clip(out, 0.0, None)
        return p / np.maximum(p.sum(axis=1, keepdims=True), 1e-12)
    z = out - out.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def evaluation(model: Model, x: np.ndarray, y: np.ndarray, loss_name: str, classes: list[str],
               which: str) -> dict:
    """Loss, accuracy, confusion matrix, per-class accuracy and the most confidently wrong
    examples (classification), or predictions against targets (regression)."""
    from dlstudio.engine.trainer import evaluate_metrics
    model.check_input(x)
    outs: list = []     # one inference pass for the metrics and the outputs
    m = evaluate_metrics(model, x, y, loss_name, outputs=outs)
    out = np.concatenate(outs) if outs else np.zeros((0, *model.output_shape), model.dtype)
    loss, acc = m["loss"], m["accuracy"]
    result = {"set": which, "samples": len(x), "loss": loss, "accuracy": acc, "classes": list(classes)}
    if not classes:  # regression: predicted against true values, the errors, the largest ones
        pred = out.reshape(len(out), -1).astype(np.float64)
        true = y.reshape(len(y), -1).astype(np.float64)
        err = pred - true
        size = np.abs(err).mean(axis=1) if err.size else np.zeros(len(x))
        worst = np.argsort(-size, kind="stable")[:WORST]
        result.update(kind="regression", pred=pred[:, 0].copy(), true=true[:, 0].copy(),
                      mae=float(np.abs(err).mean()) if err.size else 0.0,
                      errors=_hist(err[:, 0]) if len(x) else (np.zeros(HIST_BINS), np.linspace(-1, 1, HIST_BINS + 1)),
                      worst=[{"x": x[i].copy(), "true": true[i].copy(), "pred": pred[i].copy(), "index": int(i)}
                             for i in worst])
        return result
    p = probabilities(out, loss_name, final_type(model))
    k = max(len(classes), p.shape[1])
    pred = p.argmax(axis=1)
    conf = p[np.arange(len(p)), pred]
    matrix = np.zeros((k, k), np.int64)
    np.add.at(matrix, (y, pred), 1)
    support = matrix.sum(axis=1)
    per_class = np.where(support > 0, np.diag(matrix) / np.maximum(support, 1), np.nan)
    wrong = np.flatnonzero(pred != y)
    worst = wrong[np.argsort(-conf[wrong], kind="stable")][:WORST]
    result.update(kind="classification", confusion=matrix, per_class=per_class, support=support,
                  worst=[{"x": x[i].copy(), "true": int(y[i]), "pred": int(pred[i]), "conf": float(conf[i]),
                          "probs": p[i].copy()} for i in worst])
    return result


def predict_one(model: Model, x: np.ndarray, loss_name: str, nodes: list[str], classify: bool = True) -> dict:
    """The network's output for one sample, its class probabilities (when `classify` and the loss
    is a classification one) and the values of `nodes`."""
    out = model.forward(np.asarray(x, model.dtype)[None], training=False)
    values = {nid: model.values[nid][0].copy() for nid in nodes if nid in model.values}
    gates = {nid: layer.probe(0) for nid, layer in model.layers.items() if hasattr(layer, "probe")}
    out = out.copy()
    task_probs = None
    if classify and loss_name in L.LOSSES and L.LOSSES[loss_name].task != "regression":
        task_probs = probabilities(out, loss_name, final_type(model))[0]
    return {"out": out[0], "probs": task_probs, "values": values, "gates": gates}
