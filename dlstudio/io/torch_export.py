"""`dlstudio export MODEL.dls --to pytorch train.py`: a readable PyTorch training script.

The script holds an `nn.Module` of the network (one attribute per layer, named like the
document's nodes, `forward` written out in topological order) and a training loop with the
model file's loss, optimizer, hyperparameters, batch size, seed and data source. It trains in
one process (`python train.py`) or with DistributedDataParallel under `torchrun`, and writes a
.dls back (weights, optimizer state, history) through `dlstudio.io.torch_runtime`.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..i18n import message, tr
from .torch_runtime import attr


def write_training_script(spec: str, out_path: str, data: str | None = None) -> None:
    """Write the script for SPEC (a .dls; a network .json or preset gets fresh weights, saved
    as OUT.init.dls next to the script, with DATA needed to shape it). Raises UserError."""
    from ..run import UserError, is_model_file, open_model, prepare
    out = Path(out_path)
    if out.suffix != ".py":
        raise UserError(tr("the PyTorch script must end in .py, got {name}").format(name=out.name))
    if is_model_file(spec):
        bundle, origin, model_path = open_model(spec), f"the model file {spec}", Path(spec)
    else:
        run = prepare(spec, data)
        model_path = out.with_suffix(".init.dls")
        run.save(model_path)
        bundle = open_model(str(model_path))
        origin = (f"{spec} with FRESH weights (dlstudio's initialisation, saved as {model_path.name}); "
                  "it was not trained before")
    text = script_text(bundle.network, bundle.training, model_path, out, origin)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as e:
        raise UserError(tr("cannot write {out}: {error}").format(out=out, error=message(e))) from None


def _rel(model_path: Path, out: Path) -> str:
    try:
        return os.path.relpath(model_path.resolve(), out.parent.resolve())
    except ValueError:
        return str(model_path.resolve())


def _pads(params, in_shape, kernel, strides):
    from ..spec.layers.conv import resolve_padding
    return resolve_padding(params["padding"], tuple(in_shape[1:]), tuple(kernel), tuple(strides))


def module_code(network: dict) -> str:
    """The nn.Module class source for a network document."""
    from ..spec import Network, analyze
    from ..spec.layers.merge import concat_axis
    from ..spec.layers.pool import pool_strides
    from ..run import UserError
    net = Network.from_dict(network)
    a = analyze(net)
    a.raise_first()
    init, fwd = [], []
    var = {}
    last = a.outputs[0]
    for nid in a.order:
        node, p, ins = net.node(nid), a.params[nid], a.in_shapes[nid]
        t, n = node.type, attr(nid)
        srcs = [var[s] for s in net.inputs_of(nid)]
        x = srcs[0] if srcs else "x"
        var[nid] = n
        expr = None
        if t == "Input":
            var[nid] = "x"
            continue
        if t == "Dense":
            init.append(f"self.{n} = nn.Linear({ins[0][-1]}, {p['units']}, bias={p['use_bias']})")
        elif t == "Conv2D":
            (pt, pb), (pl, pr) = _pads(p, ins[0], p["kernel_size"], p["strides"])
            sym = pt == pb and pl == pr
            init.append(f"self.{n} = nn.Conv2d({ins[0][0]}, {p['filters']}, kernel_size={tuple(p['kernel_size'])}, "
                        f"stride={tuple(p['strides'])}, padding={(pt, pl) if sym else 0}, bias={p['use_bias']})")
            if not sym:
                fwd.append(f"{n} = F.pad({x}, ({pl}, {pr}, {pt}, {pb}))  # TensorFlow 'same': odd pixel bottom/right")
                x = n
        elif t in ("MaxPool2D", "AvgPool2D"):
            k, s = tuple(p["pool_size"]), tuple(pool_strides(p))
            (pt, pb), (pl, pr) = _pads(p, ins[0], k, s)
            if t == "MaxPool2D":
                init.append(f"self.{n} = nn.MaxPool2d({k}, stride={s})")
                if pt or pb or pl or pr:
                    fwd.append(f"{n} = F.pad({x}, ({pl}, {pr}, {pt}, {pb}), value=float('-inf'))")
                    x = n
            elif pt or pb or pl or pr:
                init.append(f"self.{n} = AvgPoolRealOnly({k}, {s}, ({pl}, {pr}, {pt}, {pb}))  "
                            "# averages the real elements only")
            else:
                init.append(f"self.{n} = nn.AvgPool2d({k}, stride={s})")
        elif t == "GlobalAvgPool2D":
            expr = f"{x}.mean(dim=(2, 3))"
        elif t == "Flatten":
            init.append(f"self.{n} = nn.Flatten()")
        elif t == "Reshape":
            expr = f"{x}.reshape({x}.shape[0], {', '.join(str(int(d)) for d in p['shape'])})"
        elif t == "Dropout":
            init.append(f"self.{n} = nn.Dropout({p['rate']})")
        elif t == "BatchNorm":
            kind = "2d" if len(ins[0]) == 3 else "1d"
            init.append(f"self.{n} = nn.BatchNorm{kind}({ins[0][0] if kind == '2d' else ins[0][-1]}, "
                        f"eps={p['epsilon']}, momentum={1 - p['momentum']:.6g})  # torch momentum = 1 - dlstudio's")
            if len(ins[0]) == 2:   # a sequence (N, T, F): statistics per feature over N and T
                expr = f"self.{n}({x}.transpose(1, 2)).transpose(1, 2)"
        elif t in ("LSTM", "SimpleRNN"):
            cls = "nn.LSTM" if t == "LSTM" else "nn.RNN"
            init.append(f"self.{n} = {cls}({ins[0][-1]}, {p['units']}, batch_first=True)")
            init.append(f"self.{n}.bias_hh_l0.requires_grad_(False)  # dlstudio has one bias: kept at 0")
            expr = f"self.{n}({x})[0]" + ("" if p["return_sequences"] else "[:, -1]")
        elif t in ("ReLU", "Sigmoid", "Tanh"):
            init.append(f"self.{n} = nn.{t}()")
        elif t == "LeakyReLU":
            init.append(f"self.{n} = nn.LeakyReLU({p['alpha']})")
        elif t == "ELU":
            init.append(f"self.{n} = nn.ELU({p['alpha']})")
        elif t == "Softmax":
            init.append(f"self.{n} = nn.Softmax(dim=-1)")
        elif t == "Identity":
            expr = x
        elif t == "Add":
            expr = " + ".join(srcs)
        elif t == "Concatenate":
            expr = f"torch.cat([{', '.join(srcs)}], dim={1 if concat_axis(ins[0]) == 0 else -1})"
        else:
            raise UserError(tr("{type} '{nid}': this layer type has no PyTorch export yet").format(
                                type=t, nid=nid))
        if nid == last and t in ("Softmax", "Sigmoid"):
            fwd.append(f"if logits:  # the loss reads what comes before the final {t}")
            fwd.append(f"    return {x}")
        fwd.append(f"{n} = {expr if expr is not None else f'self.{n}({x})'}")
    fwd.append(f"return {var[last]}")
    body = "\n        ".join(init) or "pass"
    fbody = "\n        ".join(fwd)
    return (f"class Net(nn.Module):\n    \"\"\"{net.name or 'network'}: one attribute per node of the dlstudio document.\"\"\"\n\n"
            f"    def __init__(self):\n        super().__init__()\n        {body}\n\n"
            f"    def forward(self, x, logits=False):\n        {fbody}\n")


TEMPLATE = Path(__file__).with_name("torch_script.txt")


def script_text(network: dict, training: dict, model_path: Path, out: Path, origin: str) -> str:
    cfg = training.get("config", {})
    data = training.get("data", {}).get("source")
    header = (f"# PyTorch training script written by dlstudio from {origin}.\n"
              f"# Loss {cfg.get('loss')}, optimizer {cfg.get('optimizer')} {cfg.get('hyper', {})}, "
              f"batch size {cfg.get('batch_size')}, seed {cfg.get('seed', 0)}, data {data!r}.\n")
    return (TEMPLATE.read_text(encoding="utf-8")
            .replace("%HEADER%", header)
            .replace("%MODEL%", module_code(network))
            .replace("%DLS%", repr(_rel(model_path, out))))
