"""The words and tables of the "One training step" page: for each stage, the rows of its table,
a caption and the formula with this step's numbers (all numbers taken from a `StepRecord`)."""
from __future__ import annotations

from ...engine.init import RELU_FAMILY
from ...engine.lab.train_step import StepRecord
from ..i18n import QT_TR_NOOP, tr

HYPER_LABELS = {"lr": "η (lr)", "momentum": "μ", "rho": "ρ", "beta1": "β₁", "beta2": "β₂", "eps": "ε"}
ACTIVATION_RULES = {"Sigmoid": "σ(z) = 1 / (1 + e<sup>−z</sup>)", "Tanh": "tanh(z)", "ReLU": "max(0, z)",
                    "LeakyReLU": "max(αz, z)",
                    "ELU": QT_TR_NOOP("z if z > 0, else α(e<sup>z</sup> − 1)")}   # shown with tr()
LOSS_RULES = {"cross_entropy": "L = −Σ<sub>k</sub> t<sub>k</sub>·log p<sub>k</sub>,  p = softmax(z)",
              "binary_cross_entropy": "L = −(1/n)·Σ<sub>k</sub> [t<sub>k</sub>·log p<sub>k</sub> + "
                                      "(1 − t<sub>k</sub>)·log(1 − p<sub>k</sub>)],  p = σ(z)",
              "mse": "L = (1/n)·Σ<sub>k</sub> (ŷ<sub>k</sub> − t<sub>k</sub>)²",
              "mae": "L = (1/n)·Σ<sub>k</sub> |ŷ<sub>k</sub> − t<sub>k</sub>|"}
NODE_SYMBOLS = {"input": "x", "dense1": "z₁", "act1": "a", "dense2": "z₂", "out": "ŷ"}
# the node ids as the tables show them (ids not listed are shown as they are)
NODE_LABELS = {"input": QT_TR_NOOP("input"), "act1": QT_TR_NOOP("act1"), "out": QT_TR_NOOP("out")}


def g(v: float) -> str:
    return f"{v:.6g}"


def gp(v: float) -> str:
    """A number as a factor: negatives in parentheses."""
    return f"({v:.6g})" if v < 0 else f"{v:.6g}"


def split_weight_name(name: str) -> tuple[str, tuple[int, ...]]:
    """"dense1.kernel[0, 2]" → ("dense1.kernel", (0, 2))."""
    slot, _, rest = name.partition("[")
    return slot, tuple(int(p) for p in rest.rstrip("]").split(","))


def weight_label(name: str) -> str:
    """A weight's name as the page shows it: "dense1.kernel[0, 2]" (the words translated)."""
    slot, index = split_weight_name(name)
    layer, _, kind = slot.partition(".")
    text = {"kernel": tr("{layer}.kernel[{index}]"), "bias": tr("{layer}.bias[{index}]")}.get(kind)
    return text.format(layer=layer, index=", ".join(map(str, index))) if text else name


def node_label(nid: str) -> str:
    return tr(NODE_LABELS[nid]) if nid in NODE_LABELS else nid


def _final_symbol(rec: StepRecord) -> str:
    return "ŷ" if "out" in rec.values else "ŷ = z₂"


def stage_table(rec: StepRecord, stage: str) -> tuple[list[str], list[tuple[str | None, list[str]]], int]:
    """(headers, rows as (weight name or None, cells), the editable column or −1)."""
    if stage == "init":
        return [tr("Weight"), tr("Value")], [(r.name, [weight_label(r.name), g(r.old)]) for r in rec.weights], 1
    if stage == "forward":
        rows = []
        for nid in rec.order:
            for k, v in enumerate(rec.values[nid]):
                rows.append((None, [f"{node_label(nid)} ({rec.types[nid]})", f"{NODE_SYMBOLS[nid]}[{k + 1}]", g(v)]))
        return [tr("Node"), tr("Value of"), tr("Value")], rows, -1
    if stage == "loss":
        rows = []
        for k in range(len(rec.output)):
            if rec.fused:
                rows.append((None, [tr("logit z₂[{k}]").format(k=k + 1), g(rec.values[rec.loss_node][k])]))
            rows.append((None, [tr("output ŷ[{k}]").format(k=k + 1), g(rec.output[k])]))
            rows.append((None, [tr("target t[{k}]").format(k=k + 1), g(rec.target[k])]))
        rows.append((None, [tr("loss L ({loss})").format(loss=rec.loss_name), g(rec.loss)]))
        return [tr("Quantity"), tr("Value")], rows, -1
    if stage == "backward":
        rows = []
        if rec.fused:
            rows.append((None, [f"∂L/∂ŷ ({rec.types['out']})", tr("folded into the loss")]))
        for nid in reversed(rec.order):
            grad = rec.node_grads.get(nid)
            if grad is None:
                continue
            for k, v in enumerate(grad):
                rows.append((None, [f"∂L/∂{NODE_SYMBOLS[nid]}[{k + 1}]", g(v)]))
        rows += [(r.name, [f"∂L/∂{weight_label(r.name)}", g(r.grad)]) for r in rec.weights]
        return [tr("Gradient"), tr("Value")], rows, -1
    return ([tr("Weight"), tr("Old"), tr("Gradient"), tr("New")],
            [(r.name, [weight_label(r.name), g(r.old), g(r.grad), g(r.new)]) for r in rec.weights], 1)


def caption(rec: StepRecord, stage: str) -> str:
    if stage == "init":
        if rec.step == 1:
            return tr("Stage 1 — the weights as the engine initialises them (seeded). Double-click a value to "
                      "edit it.")
        return tr("Stage 1 — the weights at the start of step {step}, after {updates} update(s). "
                  "Double-click a value to edit it.").format(step=rec.step, updates=rec.step - 1)
    if stage == "update":
        return tr("Stage 5 — the {optimizer} update of every weight (pick a row for its formula; "
                  "double-click Old to edit a weight).").format(optimizer=rec.optimizer)
    return {"forward": tr("Stage 2 — the forward pass: every node's output for this sample."),
            "loss": tr("Stage 3 — the loss: how far the output is from the target."),
            "backward": tr("Stage 4 — backpropagation: the gradient each layer receives, "
                           "then ∂L/∂w of every weight.")}[stage]


def stage_formula(rec: StepRecord, stage: str, selected: str) -> str:
    """The rule of this stage as rich text, with numbers for the selected weight where it helps."""
    if stage == "init":
        return _init_rule(rec)
    if stage == "forward":
        return _forward_rule(rec, selected)
    if stage == "loss":
        n = "" if rec.loss_name == "cross_entropy" else "  " + tr("(n = {n} outputs)").format(n=len(rec.output))
        return f"{LOSS_RULES[rec.loss_name]}<br>= <b>{g(rec.loss)}</b>{n}"
    return _backward_rule(rec, selected)


def _init_rule(rec: StepRecord) -> str:
    lines = []
    for dense, nxt in (("dense1", rec.types["act1"]), ("dense2", rec.types.get("out"))):
        fan_in, fan_out = (2, 3) if dense == "dense1" else (3, 2)
        if nxt in RELU_FAMILY:
            lines.append(tr("{layer}.kernel: He normal, std = √(2 / fan_in) = √(2/{fan_in}) = {std}  "
                            "(a {activation} follows)").format(layer=dense, fan_in=fan_in,
                                                                std=g((2 / fan_in) ** 0.5), activation=nxt))
            lines.append(tr("{layer}.bias: 0").format(layer=dense))
        else:
            lines.append(tr("{layer}.kernel: Glorot uniform on [−l, l], l = √(6 / (fan_in + fan_out)) "
                            "= √(6/{fans}) = {limit}").format(layer=dense, fans=fan_in + fan_out,
                                                              limit=g((6 / (fan_in + fan_out)) ** 0.5)))
            lines.append(tr("{layer}.bias: uniform on [−b, b], b = 1 / √fan_in = 1/√{fan_in} = {bound}").format(
                layer=dense, fan_in=fan_in, bound=g(fan_in ** -0.5)))
    lines.append(tr("Small, different random weights let the neurons learn different things."))
    return "<br>".join(lines)


def _forward_rule(rec: StepRecord, selected: str) -> str:
    act = rec.types["act1"]
    final = rec.types.get("out")
    head = (f"z₁ = x·W₁ + b₁,  a = {act}(z₁): {tr(ACTIVATION_RULES[act])}<br>z₂ = a·W₂ + b₂"
            + (f",  ŷ = {final}(z₂)" if final else ",  ŷ = z₂"))
    slot, index = split_weight_name(selected)
    layer = slot.split(".")[0]
    j = index[-1]
    src, sym, b = ("input", "x", "b₁") if layer == "dense1" else ("act1", "a", "b₂")
    w = {r.index: r.old for r in rec.weights if r.slot == f"{layer}.kernel"}
    bias = rec.row(f"{layer}.bias[{j}]").old
    xs = rec.values[src]
    terms = " + ".join(f"{gp(xs[i])}×{gp(w[(i, j)])}" for i in range(len(xs)))
    z = rec.values[layer][j]
    zsym = "z₁" if layer == "dense1" else "z₂"
    return (f"{head}<br><br>{zsym}[{j + 1}] = Σ<sub>i</sub> {sym}<sub>i</sub>·w<sub>i{j + 1}</sub> + {b}[{j + 1}]"
            f"<br>= {terms} + {gp(bias)} = <b>{g(z)}</b>")


def _backward_rule(rec: StepRecord, selected: str) -> str:
    d2 = rec.node_grads["dense2"]
    d1 = rec.node_grads["dense1"]
    if rec.fused:
        simple = "p − t" if rec.loss_name == "cross_entropy" else f"(p − t)/n, n = {len(d2)}"
        start = tr("The loss reads the logits z₂: the engine folds the final {activation} into it, "
                   "so backprop starts at δ₂ = ∂L/∂z₂ = {rule} = [{values}]").format(
            activation=rec.types['out'], rule=simple, values=', '.join(g(v) for v in d2))
    else:
        start = tr("Backprop starts at δ₂ = ∂L/∂ŷ = [{values}]").format(values=', '.join(g(v) for v in d2))
    rule = ("∂L/∂W₂ = aᵀ·δ₂,  ∂L/∂b₂ = δ₂,  ∂L/∂a = δ₂·W₂ᵀ,  "
            "δ₁ = ∂L/∂z₁ = ∂L/∂a ⊙ f′(z₁),"
            "  ∂L/∂W₁ = xᵀ·δ₁,  ∂L/∂b₁ = δ₁")
    slot, index = split_weight_name(selected)
    r = rec.row(selected)
    layer, kind = slot.split(".")
    delta, src, sym = (d1, rec.values["input"], "x") if layer == "dense1" else (d2, rec.values["act1"], "a")
    if kind == "kernel":
        i, j = index
        example = (f"∂L/∂{weight_label(selected)} = {sym}[{i + 1}] × δ[{j + 1}] = {gp(src[i])} × {gp(delta[j])} "
                   f"= <b>{g(r.grad)}</b>")
    else:
        example = f"∂L/∂{weight_label(selected)} = δ[{index[0] + 1}] = <b>{g(r.grad)}</b>"
    return f"{start}<br>{rule}<br><br>{example}"
