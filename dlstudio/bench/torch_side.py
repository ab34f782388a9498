"""The same network in PyTorch, for side-by-side benchmarks (imported only when torch is).

`TorchNet(network)` builds a torch.nn.Module from a network document that runs the graph in
topological order, with the same layer semantics as the engine (TensorFlow-style "same"
padding, pools that average real pixels only, Keras-style BatchNorm momentum). `copy_weights`
loads the engine's weights so both compute the same function.
"""
from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from ..spec import Network, analyze
from ..spec.layers.conv import resolve_padding
from ..spec.layers.merge import concat_axis
from ..spec.layers.pool import pool_strides


def _pad(x, pads, value=0.0):
    (t, b), (l, r) = pads
    return F.pad(x, (l, r, t, b), value=value) if (t or b or l or r) else x


class _Conv(nn.Module):
    def __init__(self, p, in_shape):
        super().__init__()
        c, h, w = in_shape
        self.pads = resolve_padding(p["padding"], (h, w), p["kernel_size"], p["strides"])
        self.conv = nn.Conv2d(c, p["filters"], p["kernel_size"], p["strides"], bias=p["use_bias"])

    def forward(self, x):
        return self.conv(_pad(x, self.pads))


class _Pool(nn.Module):
    def __init__(self, p, in_shape, kind):
        super().__init__()
        c, h, w = in_shape
        self.k, self.s = p["pool_size"], pool_strides(p)
        self.pads = resolve_padding(p["padding"], (h, w), self.k, self.s)
        self.kind = kind

    def forward(self, x):
        if self.kind == "max":
            return F.max_pool2d(_pad(x, self.pads, float("-inf")), self.k, self.s)
        if not any(sum(self.pads, ())):
            return F.avg_pool2d(x, self.k, self.s)
        ones = torch.ones_like(x[:1, :1])
        total = F.avg_pool2d(_pad(x, self.pads), self.k, self.s, divisor_override=1)
        count = F.avg_pool2d(_pad(ones, self.pads), self.k, self.s, divisor_override=1)
        return total / count


class _BatchNorm(nn.Module):
    def __init__(self, p, in_shape):
        super().__init__()
        c = in_shape[0] if len(in_shape) == 3 else in_shape[-1]
        self.seq = len(in_shape) == 2
        self.bn = (nn.BatchNorm2d if len(in_shape) == 3 else nn.BatchNorm1d)(
            c, eps=p["epsilon"], momentum=1 - p["momentum"])

    def forward(self, x):
        return self.bn(x.transpose(1, 2)).transpose(1, 2) if self.seq else self.bn(x)


class _Recurrent(nn.Module):
    def __init__(self, p, in_shape, kind):
        super().__init__()
        cls = nn.LSTM if kind == "LSTM" else nn.RNN
        self.rnn = cls(in_shape[-1], p["units"], batch_first=True)
        self.seq = p["return_sequences"]

    def forward(self, x):
        y, _ = self.rnn(x)
        return y if self.seq else y[:, -1]


def _module(type_, p, in_shapes):
    s = in_shapes[0] if in_shapes else None
    simple = {"ReLU": nn.ReLU(), "Tanh": nn.Tanh(), "Sigmoid": nn.Sigmoid(), "Softmax": nn.Softmax(-1),
              "Flatten": nn.Flatten(), "Identity": nn.Identity(), "GlobalAvgPool2D": None,
              "Input": nn.Identity()}
    if type_ in simple and simple[type_] is not None:
        return simple[type_]
    if type_ == "GlobalAvgPool2D":
        return nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())
    if type_ == "LeakyReLU":
        return nn.LeakyReLU(p["alpha"])
    if type_ == "ELU":
        return nn.ELU(p["alpha"])
    if type_ == "Dense":
        return nn.Linear(s[-1], p["units"], bias=p["use_bias"])
    if type_ == "Dropout":
        return nn.Dropout(p["rate"])
    if type_ == "Conv2D":
        return _Conv(p, s)
    if type_ in ("MaxPool2D", "AvgPool2D"):
        return _Pool(p, s, "max" if type_ == "MaxPool2D" else "avg")
    if type_ == "BatchNorm":
        return _BatchNorm(p, s)
    if type_ in ("LSTM", "SimpleRNN"):
        return _Recurrent(p, s, type_)
    if type_ in ("Add", "Concatenate"):
        return None
    raise NotImplementedError(f"no PyTorch equivalent for {type_}")


class TorchNet(nn.Module):
    def __init__(self, network: Network):
        super().__init__()
        a = analyze(network)
        a.raise_first()
        self.order, self.types = a.order, {n.id: n.type for n in network.nodes}
        self.sources = {nid: network.inputs_of(nid) for nid in a.order}
        self.axes = {nid: concat_axis(a.shapes[nid]) + 1 for nid in a.order}
        self.mods = nn.ModuleDict()
        self.key = {}
        for i, nid in enumerate(a.order):
            m = _module(self.types[nid], a.params[nid], a.in_shapes[nid])
            if m is not None:
                self.key[nid] = f"m{i}"
                self.mods[f"m{i}"] = m
        self.output = a.outputs[0]

    def forward(self, x):
        vals = {}
        for nid in self.order:
            ins = [vals[s] for s in self.sources[nid]] or [x]
            t = self.types[nid]
            if t == "Add":
                v = ins[0]
                for other in ins[1:]:
                    v = v + other
            elif t == "Concatenate":
                v = torch.cat(ins, dim=self.axes[nid])
            else:
                v = self.mods[self.key[nid]](ins[0])
            vals[nid] = v
        return vals[self.output]


def copy_weights(net: TorchNet, weights: dict[str, np.ndarray]) -> None:
    """Load engine weights (<node>.<name>) into the torch modules."""
    with torch.no_grad():
        for nid, key in net.key.items():
            m = net.mods[key]
            w = {k.split(".", 1)[1]: v for k, v in weights.items() if k.split(".", 1)[0] == nid}
            if not w:
                continue
            if isinstance(m, nn.Linear):
                m.weight.copy_(torch.from_numpy(w["kernel"].T.copy()))
                if m.bias is not None:
                    m.bias.copy_(torch.from_numpy(w["bias"]))
            elif isinstance(m, _Conv):
                m.conv.weight.copy_(torch.from_numpy(w["kernel"]))
                if m.conv.bias is not None:
                    m.conv.bias.copy_(torch.from_numpy(w["bias"]))
            elif isinstance(m, _BatchNorm):
                m.bn.weight.copy_(torch.from_numpy(w["gamma"]))
                m.bn.bias.copy_(torch.from_numpy(w["beta"]))
                m.bn.running_mean.copy_(torch.from_numpy(w["moving_mean"]))
                m.bn.running_var.copy_(torch.from_numpy(w["moving_var"]))
            elif isinstance(m, _Recurrent):
                r = m.rnn
                r.weight_ih_l0.copy_(torch.from_numpy(w["kernel"].T.copy()))
                r.weight_hh_l0.copy_(torch.from_numpy(w["recurrent_kernel"].T.copy()))
                r.bias_ih_l0.copy_(torch.from_numpy(w["bias"]))
                r.bias_hh_l0.zero_()
