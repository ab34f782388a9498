"""The engine side of a layer type: forward and backward on batches (batch axis first).

An engine layer is built from a document node after shape inference. Its weights live in
the model's flat parameter buffer; `bind` hands the layer views into it (and into the
gradient buffer), so one optimizer call updates every weight of the network.
"""
from __future__ import annotations

import numpy as np

ENGINE_LAYERS: dict[str, type["Layer"]] = {}


def engine_layer(type_name: str):
    """Class decorator: register the engine implementation of a catalogue layer type."""
    def deco(cls):
        if type_name in ENGINE_LAYERS:
            raise ValueError(f"engine layer {type_name!r} registered twice")
        cls.type_name = type_name
        ENGINE_LAYERS[type_name] = cls
        return cls
    return deco


class Layer:
    type_name = ""

    def __init__(self, node_id: str, params: dict, in_shapes: list[tuple], out_shape: tuple,
                 dtype: np.dtype):
        self.id = node_id
        self.params = params
        self.in_shapes = in_shapes
        self.out_shape = out_shape
        self.dtype = np.dtype(dtype)
        self.w: dict[str, np.ndarray] = {}   # weight views (trainable and not)
        self.g: dict[str, np.ndarray] = {}   # gradient views (trainable only)
        self.need_dx = True                  # False when every input is data (no gradient needed)

    def bind(self, weights: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        self.w, self.g = weights, grads

    def init(self, rng: np.random.Generator, next_types: list[str]) -> None:
        """Fill the weights; next_types are the layer types reading this layer's output."""

    def forward(self, inputs: list[np.ndarray], training: bool) -> np.ndarray:
        raise NotImplementedError

    def backward(self, dout: np.ndarray) -> list[np.ndarray | None]:
        """Write weight gradients into self.g and return d(loss)/d(input) per input."""
        raise NotImplementedError

    def set_rng(self, rng: np.random.Generator) -> None:
        """Layers that draw random numbers while training (Dropout) use the model's generator."""
