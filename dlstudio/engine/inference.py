"""Inference for the outputs only: predict, evaluation and the bench's inference cases.

`Model.forward` keeps every node's output (the probes and the backward pass read them). When
only the network's output (and perhaps the node a fused loss reads) is wanted, the graph can do
less work, exactly as PyTorch's and ONNX Runtime's graph optimisers do for deployment:

- a Conv2D whose only reader is a BatchNorm folds it into its kernel and bias (inference mode is
  y = scale · x + shift per channel, so y = conv(x; scale · kernel) + scale · bias + shift), and
  so does a Dense layer (per unit: y = x (W · scale) + scale · b + shift);
- a ReLU whose only input is such a convolution (or a plain one) is applied as the convolution
  writes its outputs;
- other elementwise activations run in place over an input that nothing else reads;
- a node's output is dropped as soon as its last reader has run.

The results equal `forward(x, training=False)` to float32 rounding (the folded kernel rounds
once more); tests/engine/test_inference.py holds them to it for every preset.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .layers.activation import ReLU
from .layers.conv import Conv2D
from .layers.core import Dense
from .layers.norm import BatchNorm


@dataclass(frozen=True)
class Step:
    """One pass of the plan: `node`'s output from `sources`' outputs. kind "conv": the Conv2D
    `base` with the BatchNorm `bn` folded in (or None) and a ReLU if `relu`; "dense": the Dense
    `base` with the BatchNorm `bn` folded in; "inplace": an elementwise activation over its
    input's array; "layer": the layer's own inference forward."""
    node: str
    kind: str
    sources: tuple
    base: str | None = None
    bn: str | None = None
    relu: bool = False


class InferencePlan:
    def __init__(self, model, keep: tuple = ()):
        self.keep = frozenset(keep) | {model.output_id}
        layers, sources = model.layers, model.sources
        readers: dict[str, list[str]] = {nid: [] for nid in model.order}
        for nid in model.order:
            for s in sources[nid]:
                readers[s].append(nid)

        def only_reader(nid: str, cls) -> str | None:
            r = readers[nid]
            if len(r) == 1 and nid not in self.keep and type(layers[r[0]]) is cls:
                return r[0]
            return None

        steps, absorbed = [], set()
        for nid in model.order:
            if nid in absorbed:
                continue
            layer, srcs = layers[nid], tuple(sources[nid])
            if type(layer) is Conv2D:
                tail = nid
                bn = only_reader(tail, BatchNorm)
                tail = bn or tail
                relu = only_reader(tail, ReLU)
                tail = relu or tail
                absorbed.update(a for a in (bn, relu) if a)
                steps.append(Step(tail, "conv", srcs, base=nid, bn=bn, relu=relu is not None))
            elif type(layer) is Dense and (bn := only_reader(nid, BatchNorm)) is not None:
                absorbed.add(bn)
                steps.append(Step(bn, "dense", srcs, base=nid, bn=bn))
            elif (getattr(layer, "inplace", False) and len(srcs) == 1 and srcs[0] != model.input_id
                  and len(readers[srcs[0]]) == 1 and srcs[0] not in self.keep):
                steps.append(Step(nid, "inplace", srcs))
            else:
                steps.append(Step(nid, "layer", srcs))
        self.steps = steps
        # after step i, the outputs no later step reads (and not kept) are dropped
        last: dict[str, int] = {}
        for i, st in enumerate(steps):
            for s in st.sources:
                last[s] = i
        self.drops = [tuple(s for s in dict.fromkeys(st.sources) if last[s] == i and s not in self.keep)
                      for i, st in enumerate(steps)]

    def run(self, model, x: np.ndarray) -> dict[str, np.ndarray]:
        """The kept nodes' outputs for the batch x (already in the model's dtype)."""
        layers = model.layers
        values: dict[str, np.ndarray] = {}
        for st, drops in zip(self.steps, self.drops):
            ins = [values[s] for s in st.sources] if st.sources else [x]
            if st.kind == "conv":
                scale = shift = None
                if st.bn is not None:
                    scale, shift = layers[st.bn].inference_affine()
                values[st.node] = layers[st.base].forward_fused(ins[0], scale, shift, st.relu)
            elif st.kind == "dense":
                values[st.node] = layers[st.base].forward_fused(ins[0], *layers[st.bn].inference_affine())
            elif st.kind == "inplace" and _writable(ins[0], x, values, st.sources[0]):
                values[st.node] = layers[st.node].forward_inplace(ins[0])
            else:
                values[st.node] = layers[st.node].forward(ins, False)
            for s in drops:
                del values[s]
        return {k: values[k] for k in self.keep}


def _writable(v: np.ndarray, x: np.ndarray, values: dict, name: str) -> bool:
    """May v (the output of `name`) be overwritten? Not if it is (a view of) the caller's data or
    shares memory with another output still held (a layer may return a view of its input)."""
    if not (v.flags.c_contiguous and v.flags.writeable) or np.may_share_memory(v, x):
        return False
    return not any(k != name and np.may_share_memory(v, o) for k, o in values.items())
