"""A network document compiled for the engine: layers in topological order over flat buffers.

All trainable weights live in one contiguous 1-D array (`params`) and their gradients in
another (`grads`), so an optimizer step is a single compiled call however many layers there
are. Non-trainable weights (BatchNorm moving statistics) live in `state`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..i18n import tr
from ..spec import Network, NetworkError, analyze
from ..spec import catalogue
from . import layers as _layers  # noqa: F401  (registers engine layers)
from .layers.base import ENGINE_LAYERS, Layer

# Inference over a whole set (predict, evaluation) runs in batches whose node outputs, all kept
# in Model.values, take about this many bytes: 512 ResNet images would hold 0.6 GB.
INFERENCE_BYTES = 64 << 20


@dataclass(frozen=True)
class Slot:
    """Where one weight lives: `name` is "<node id>.<weight>"."""
    name: str
    node: str
    weight: str
    shape: tuple
    trainable: bool
    offset: int

    @property
    def size(self) -> int:
        return int(np.prod(self.shape, dtype=np.int64))


class Model:
    def __init__(self, network: Network, dtype=np.float32, seed: int = 0):
        self.network = network
        self.dtype = np.dtype(dtype)
        a = analyze(network)
        a.raise_first()
        if len(a.inputs) != 1:
            raise NetworkError(tr("training needs exactly one Input node, the network has {n}").format(
                                   n=len(a.inputs)))
        if len(a.outputs) != 1:
            raise NetworkError(tr("training needs exactly one output, the network has {n} "
                                  "({outputs}) — connect or delete the extra ones").format(
                                   n=len(a.outputs), outputs=', '.join(a.outputs)))
        self.analysis = a
        self.order = a.order
        self.input_id, self.output_id = a.inputs[0], a.outputs[0]
        self.input_shape = a.shapes[self.input_id]
        self.output_shape = a.shapes[self.output_id]
        self.sources = {nid: network.inputs_of(nid) for nid in self.order}
        self.layers: dict[str, Layer] = {}
        for nid in self.order:
            node = network.node(nid)
            cls = ENGINE_LAYERS.get(node.type)
            if cls is None:
                raise NetworkError(tr("{type} '{nid}': this layer type cannot be trained by the engine "
                                      "yet").format(type=node.type, nid=nid))
            layer = cls(nid, a.params[nid], a.in_shapes[nid], a.shapes[nid], self.dtype)
            layer.need_dx = any(s != self.input_id for s in self.sources[nid])
            self.layers[nid] = layer
        self._build_buffers()
        self._plans: dict[tuple, object] = {}   # Model.infer's plans, by the nodes kept
        self.rng = np.random.default_rng(seed)
        for nid in self.order:
            self.layers[nid].set_rng(self.rng)
        self.initialize(seed)

    # ---- buffers ---------------------------------------------------------------------------
    def _build_buffers(self) -> None:
        slots, sizes = [], {True: 0, False: 0}
        for nid in self.order:
            lt = catalogue.get(self.network.node(nid).type)
            for wname, (shape, trainable) in lt.weights(self.analysis.params[nid], self.analysis.in_shapes[nid]).items():
                slot = Slot(f"{nid}.{wname}", nid, wname, tuple(shape), trainable, sizes[trainable])
                sizes[trainable] += slot.size
                slots.append(slot)
        self.slots = slots
        self.params = np.zeros(sizes[True], self.dtype)
        self.grads = np.zeros(sizes[True], self.dtype)
        self.state = np.zeros(sizes[False], self.dtype)
        for nid in self.order:
            w, g = {}, {}
            for s in slots:
                if s.node != nid:
                    continue
                buf = self.params if s.trainable else self.state
                w[s.weight] = buf[s.offset:s.offset + s.size].reshape(s.shape)
                if s.trainable:
                    g[s.weight] = self.grads[s.offset:s.offset + s.size].reshape(s.shape)
            self.layers[nid].bind(w, g)

    def initialize(self, seed: int) -> None:
        rng = np.random.default_rng(seed)
        for nid in self.order:
            nxt = [self.network.node(d).type for d in self.network.outputs_of(nid)]
            self.layers[nid].init(rng, nxt)

    @property
    def num_params(self) -> int:
        return int(self.params.size)

    def weights(self) -> dict[str, np.ndarray]:
        """Copies of every weight by name, in layout order."""
        return {s.name: self.view(s).copy() for s in self.slots}

    def view(self, slot: Slot) -> np.ndarray:
        buf = self.params if slot.trainable else self.state
        return buf[slot.offset:slot.offset + slot.size].reshape(slot.shape)

    def grad_view(self, slot: Slot) -> np.ndarray:
        return self.grads[slot.offset:slot.offset + slot.size].reshape(slot.shape)

    def set_weights(self, weights: dict[str, np.ndarray]) -> None:
        names = {s.name for s in self.slots}
        missing = sorted(names - set(weights))
        extra = sorted(set(weights) - names)
        if missing or extra:
            names = {"missing": ", ".join(missing[:5]), "extra": ", ".join(extra[:5])}
            if missing and extra:
                raise NetworkError(tr("the weights do not fit this network; missing {missing}; unexpected "
                                      "{extra}").format(**names))
            if missing:
                raise NetworkError(tr("the weights do not fit this network; missing {missing}").format(**names))
            raise NetworkError(tr("the weights do not fit this network; unexpected {extra}").format(**names))
        for s in self.slots:
            arr = np.asarray(weights[s.name])
            if tuple(arr.shape) != s.shape:
                raise NetworkError(tr("weight {name} has shape {shape}, the network needs {shape2}").format(
                                       name=s.name, shape=list(arr.shape), shape2=list(s.shape)))
            self.view(s)[...] = arr

    def split_flat(self, flat: np.ndarray) -> dict[str, np.ndarray]:
        """A flat array laid out like `params` (e.g. an optimizer slot) as {weight name: array}."""
        return {s.name: flat[s.offset:s.offset + s.size].reshape(s.shape).copy()
                for s in self.slots if s.trainable}

    def join_flat(self, named: dict[str, np.ndarray]) -> np.ndarray:
        flat = np.zeros_like(self.params)
        for s in self.slots:
            if s.trainable:
                arr = np.asarray(named[s.name])
                if tuple(arr.shape) != s.shape:
                    raise NetworkError(tr("{name}: shape {shape} does not fit {shape2}").format(
                                           name=s.name, shape=list(arr.shape), shape2=list(s.shape)))
                flat[s.offset:s.offset + s.size] = arr.reshape(-1)
        return flat

    # ---- running ---------------------------------------------------------------------------
    def check_input(self, x: np.ndarray) -> None:
        if tuple(x.shape[1:]) != self.input_shape:
            raise NetworkError(tr("the data has samples of shape {shape} but the Input "
                                  "'{input_id}' expects {expected}").format(
                                   shape=list(x.shape[1:]), input_id=self.input_id,
                                   expected=list(self.input_shape)))

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """Run the whole graph; keeps each node's output in self.values for probes and backward."""
        if x.dtype != self.dtype:
            x = x.astype(self.dtype)
        values: dict[str, np.ndarray] = {}
        layers, sources = self.layers, self.sources
        for nid in self.order:
            srcs = sources[nid]
            values[nid] = layers[nid].forward([values[s] for s in srcs] if srcs else [x], training)
        self.values = values
        return values[self.output_id]

    def infer(self, x: np.ndarray, keep: tuple = ()) -> dict[str, np.ndarray]:
        """Inference mode for the outputs only: {output id: its output, and the nodes in `keep`}.
        Faster and leaner than forward() (BatchNorm folded into the convolution or dense layer before it, ReLU
        fused, nothing else kept: engine/inference.py); self.values is left as it was."""
        from .inference import InferencePlan
        if x.dtype != self.dtype:
            x = x.astype(self.dtype)
        key = tuple(sorted(set(keep)))
        for k in key:
            if k not in self.layers:
                raise NetworkError(tr("no node {id!r}").format(id=k))
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = InferencePlan(self, key)
        return plan.run(self, x)

    def backward(self, dout: np.ndarray, start: str | None = None) -> None:
        """Back-propagate d(loss)/d(output of `start`) (default: the output node) into self.grads."""
        start = start or self.output_id
        pending: dict[str, np.ndarray] = {start: dout}
        layers, sources = self.layers, self.sources
        for nid in reversed(self.order):
            d = pending.pop(nid, None)
            if d is None or nid == self.input_id:
                continue
            dins = layers[nid].backward(d)
            for src, dx in zip(sources[nid], dins):
                if dx is None or src == self.input_id:
                    continue
                prev = pending.get(src)
                pending[src] = dx if prev is None else prev + dx

    def fused_start(self, loss) -> str | None:
        """The node whose output the loss reads when it absorbs a final Softmax / Sigmoid."""
        if loss.fuses_with and self.network.node(self.output_id).type == loss.fuses_with:
            return self.sources[self.output_id][0]
        return None

    def train_step_grads(self, x: np.ndarray, y: np.ndarray, loss) -> tuple[float, np.ndarray]:
        """Forward in training mode, loss, backward. Returns (loss, network outputs)."""
        out = self.forward(x, training=True)
        start = self.fused_start(loss)
        if start is not None:
            value, dz = loss(self.values[start], y, fused=True)
        else:
            value, dz = loss(out, y)
        self.backward(dz, start)
        return value, out

    def inference_batch(self, cap: int = 512) -> int:
        """A batch size for inference over a whole set: at most `cap`, and small enough that the
        outputs of every node (kept in self.values) take about INFERENCE_BYTES."""
        per_sample = sum(int(np.prod(layer.out_shape)) for layer in self.layers.values()) * self.dtype.itemsize
        return max(1, min(cap, INFERENCE_BYTES // max(per_sample, 1)))

    def predict(self, x: np.ndarray, batch_size: int | None = None) -> np.ndarray:
        self.check_input(x)
        batch_size = batch_size or self.inference_batch()
        out = self.output_id
        outs = [self.infer(x[i:i + batch_size])[out] for i in range(0, len(x), batch_size)]
        return np.concatenate(outs) if outs else np.zeros((0, *self.output_shape), self.dtype)

    def non_finite_weights(self, grads: bool = True) -> list[str]:
        """Names of weights (or their gradients) that hold NaN or Inf — to say where a run broke."""
        bad = []
        for s in self.slots:
            if grads and not s.trainable:
                continue
            arr = self.grad_view(s) if grads else self.view(s)
            if not np.isfinite(arr).all():
                bad.append(s.name)
        return bad
