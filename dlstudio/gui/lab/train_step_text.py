"""The words and tables of the "One training step" page: for each stage, the rows of its table,
a caption and the formula with this step's numbers (all numbers taken from a `StepRecord`)."""
from __future__ import annotations

from ...engine.init import RELU_FAMILY
from ...engine.lab.train_step import StepRecord

HYPER_LABELS = {"lr": "η (lr)", "momentum": "μ", "rho": "ρ", "beta1": "β₁", "beta2": "β₂", "eps": "ε"}
ACTIVATION_RULES = {"Sigmoid": "σ(z) = 1 / (1 + e<sup>−z</sup>)", "Tanh": "tanh(z)", "ReLU": "max(0, z)",
                    "LeakyReLU": "max(αz, z)", "ELU": "z if z > 0, else α(e<sup>z</sup> − 1)"}
LOSS_RULES = {"cross_entropy": "L = −Σ<sub>k</sub> t<sub>k</sub>·log p<sub>k</sub>,  p = softmax(z)",
              "binary_cross_entropy": "L = −(1/n)·Σ<sub>k</sub> [t<sub>k</sub>·log p<sub>k</sub> + "
                                      "(1 − t<sub>k</sub>)·log(1 − p<sub>k</sub>)],  p = σ(z)",
              "mse": "L = (1/n)·Σ<sub>k</sub> (ŷ<sub>k</sub> − t<sub>k</sub>)²",
              "mae": "L = (1/n)·Σ<sub>k</sub> |ŷ<sub>k</sub> − t<sub>k</sub>|"}
NODE_SYMBOLS = {"input": "x", "dense1": "z₁", "act1": "a", "dense2": "z₂", "out": "ŷ"}


def g(v: float) -> str:
    return f"{v:.6g}"


def gp(v: float) -> str:
    """A number as a factor: negatives in parentheses."""
    return f"({v:.6g})" if v < 0 else f"{v:.6g}"


def split_weight_name(name: str) -> tuple[str, tuple[int, ...]]:
    """"dense1.kernel[0, 2]" → ("dense1.kernel", (0, 2))."""
    slot, _, rest = name.partition("[")
    return slot, tuple(int(p) for p in rest.rstrip("]").split(","))


def _final_symbol(rec: StepRecord) -> str:
    return "ŷ" if "out" in rec.values else "ŷ = z₂"


def stage_table(rec: StepRecord, stage: str) -> tuple[list[str], list[tuple[str | None, list[str]]], int]:
    """(headers, rows as (weight name or None, cells), the editable column or −1)."""
    if stage == "init":
        return ["Weight", "Value"], [(r.name, [r.name, g(r.old)]) for r in rec.weights], 1
    if stage == "forward":
        rows = []
        for nid in rec.order:
            for k, v in enumerate(rec.values[nid]):
                rows.append((None, [f"{nid} ({rec.types[nid]})", f"{NODE_SYMBOLS[nid]}[{k + 1}]", g(v)]))
        return ["Node", "Value of", "Value"], rows, -1
    if stage == "loss":
        rows = []
        for k in range(len(rec.output)):
            if rec.fused:
                rows.append((None, [f"logit z₂[{k + 1}]", g(rec.values[rec.loss_node][k])]))
            rows.append((None, [f"output ŷ[{k + 1}]", g(rec.output[k])]))
            rows.append((None, [f"target t[{k + 1}]", g(rec.target[k])]))
        rows.append((None, [f"loss L ({rec.loss_name})", g(rec.loss)]))
        return ["Quantity", "Value"], rows, -1
    if stage == "backward":
        rows = []
        if rec.fused:
            rows.append((None, [f"∂L/∂ŷ ({rec.types['out']})", "folded into the loss"]))
        for nid in reversed(rec.order):
            grad = rec.node_grads.get(nid)
            if grad is None:
                continue
            for k, v in enumerate(grad):
                rows.append((None, [f"∂L/∂{NODE_SYMBOLS[nid]}[{k + 1}]", g(v)]))
        rows += [(r.name, [f"∂L/∂{r.name}", g(r.grad)]) for r in rec.weights]
        return ["Gradient", "Value"], rows, -1
    return (["Weight", "Old", "Gradient", "New"],
            [(r.name, [r.name, g(r.old), g(r.grad), g(r.new)]) for r in rec.weights], 1)


def caption(rec: StepRecord, stage: str) -> str:
    if stage == "init":
        if rec.step == 1:
            return "Stage 1 — the weights as the engine initialises them (seeded). Double-click a value to edit it."
        return (f"Stage 1 — the weights at the start of step {rec.step}, after {rec.step - 1} update(s). "
                "Double-click a value to edit it.")
    return {"forward": "Stage 2 — the forward pass: every node's output for this sample.",
            "loss": "Stage 3 — the loss: how far the output is from the target.",
            "backward": "Stage 4 — backpropagation: the gradient each layer receives, "
                        "then ∂L/∂w of every weight.",
            "update": f"Stage 5 — the {rec.optimizer} update of every weight (pick a row for its formula; "
                      "double-click Old to edit a weight)."}[stage]


def stage_formula(rec: StepRecord, stage: str, selected: str) -> str:
    """The rule of this stage as rich text, with numbers for the selected weight where it helps."""
    if stage == "init":
        return _init_rule(rec)
    if stage == "forward":
        return _forward_rule(rec, selected)
    if stage == "loss":
        n = "" if rec.loss_name == "cross_entropy" else f"  (n = {len(rec.output)} outputs)"
        return f"{LOSS_RULES[rec.loss_name]}<br>= <b>{g(rec.loss)}</b>{n}"
    return _backward_rule(rec, selected)


def _init_rule(rec: StepRecord) -> str:
    lines = []
    for dense, nxt in (("dense1", rec.types["act1"]), ("dense2", rec.types.get("out"))):
        fan_in, fan_out = (2, 3) if dense == "dense1" else (3, 2)
        if nxt in RELU_FAMILY:
            lines.append(f"{dense}.kernel: He normal, std = √(2 / fan_in) = √(2/{fan_in}) "
                         f"= {g((2 / fan_in) ** 0.5)}  (a {nxt} follows)")
        else:
            lines.append(f"{dense}.kernel: Glorot uniform on [−l, l], l = √(6 / (fan_in + fan_out)) "
                         f"= √(6/{fan_in + fan_out}) = {g((6 / (fan_in + fan_out)) ** 0.5)}")
    lines.append("biases: 0. Small, different random weights let the neurons learn different things.")
    return "<br>".join(lines)


def _forward_rule(rec: StepRecord, selected: str) -> str:
    act = rec.types["act1"]
    final = rec.types.get("out")
    head = (f"z₁ = x·W₁ + b₁,  a = {act}(z₁): {ACTIVATION_RULES[act]}<br>z₂ = a·W₂ + b₂"
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
        start = (f"The loss reads the logits z₂: the engine folds the final {rec.types['out']} into it, "
                 f"so backprop starts at δ₂ = ∂L/∂z₂ = {simple} = [{', '.join(g(v) for v in d2)}]")
    else:
        start = f"Backprop starts at δ₂ = ∂L/∂ŷ = [{', '.join(g(v) for v in d2)}]"
    rule = ("∂L/∂W₂ = aᵀ·δ₂,  ∂L/∂b₂ = δ₂,  ∂L/∂a = δ₂·W₂ᵀ,  "
            "δ₁ = ∂L/∂z₁ = ∂L/∂a ⊙ f′(z₁),"
            "  ∂L/∂W₁ = xᵀ·δ₁,  ∂L/∂b₁ = δ₁")
    slot, index = split_weight_name(selected)
    r = rec.row(selected)
    layer, kind = slot.split(".")
    delta, src, sym = (d1, rec.values["input"], "x") if layer == "dense1" else (d2, rec.values["act1"], "a")
    if kind == "kernel":
        i, j = index
        example = (f"∂L/∂{selected} = {sym}[{i + 1}] × δ[{j + 1}] = {gp(src[i])} × {gp(delta[j])} "
                   f"= <b>{g(r.grad)}</b>")
    else:
        example = f"∂L/∂{selected} = δ[{index[0] + 1}] = <b>{g(r.grad)}</b>"
    return f"{start}<br>{rule}<br><br>{example}"
