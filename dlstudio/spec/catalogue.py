"""The layer catalogue: one registry entry per layer type.

Each entry declares the type's group (for the palette), help text, params schema, how many
inputs it takes, its output-shape rule, its cost rule and the weights it owns. Everything
else — the palette, the inspector, the summary, the model file, the engine — looks types up
here, so adding a layer type never means editing those places.

Shapes are per sample, batch left out: images (C, H, W), sequences (T, F), vectors (F,).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..i18n import tr
from .params import Param, Schema

Shape = tuple[int, ...]


class ShapeError(ValueError):
    """A layer cannot accept its input; the message says why and how to fix it."""


@dataclass(frozen=True)
class Cost:
    trainable: int = 0
    non_trainable: int = 0
    macs: int = 0
    flops: int = 0

    @property
    def params(self) -> int:
        return self.trainable + self.non_trainable

    def __add__(self, other: "Cost") -> "Cost":
        return Cost(self.trainable + other.trainable, self.non_trainable + other.non_trainable,
                    self.macs + other.macs, self.flops + other.flops)


# A shape rule gets (params, input shapes) and returns the output shape or raises ShapeError.
ShapeRule = Callable[[dict, list[Shape]], Shape]
# A cost rule gets (params, input shapes, output shape).
CostRule = Callable[[dict, list[Shape], Shape], Cost]
# A weights rule gets (params, input shapes) and returns {name: (shape, trainable)} in a fixed order.
WeightsRule = Callable[[dict, list[Shape]], dict[str, tuple[Shape, bool]]]


def _no_cost(params, in_shapes, out_shape) -> Cost:
    return Cost()


def _no_weights(params, in_shapes) -> dict:
    return {}


@dataclass(frozen=True)
class LayerType:
    name: str
    group: str  # Input, Core, Convolution, Pooling, Normalization, Activation, Recurrent, Merge
    help: str
    shape_rule: ShapeRule
    schema: Schema = field(default_factory=Schema)
    cost_rule: CostRule = _no_cost
    weights_rule: WeightsRule = _no_weights
    min_inputs: int = 1
    max_inputs: int | None = 1  # None: any number (merge layers)
    summary_keys: tuple[str, ...] = ()  # params shown on the canvas block

    def output_shape(self, params: dict, in_shapes: list[Shape]) -> Shape:
        return tuple(self.shape_rule(params, in_shapes))

    def cost(self, params: dict, in_shapes: list[Shape], out_shape: Shape) -> Cost:
        return self.cost_rule(params, in_shapes, out_shape)

    def weights(self, params: dict, in_shapes: list[Shape]) -> dict[str, tuple[Shape, bool]]:
        return self.weights_rule(params, in_shapes)


GROUPS = ("Input", "Core", "Convolution", "Pooling", "Normalization", "Activation",
          "Recurrent", "Merge")

LAYERS: dict[str, LayerType] = {}


def register(layer: LayerType) -> LayerType:
    if layer.name in LAYERS:
        raise ValueError(f"layer type {layer.name!r} registered twice")
    if layer.group not in GROUPS:
        raise ValueError(f"layer type {layer.name!r}: unknown group {layer.group!r}")
    LAYERS[layer.name] = layer
    return layer


def get(name: str) -> LayerType:
    _load()
    try:
        return LAYERS[name]
    except KeyError:
        raise KeyError(tr("unknown layer type {name!r} (known: {known})").format(
                           name=name, known=', '.join(sorted(LAYERS)))) from None


def all_types() -> dict[str, LayerType]:
    _load()
    return dict(LAYERS)


def _load() -> None:
    # Importing the family modules registers their types.
    from . import layers  # noqa: F401


def schema(*params: Param) -> Schema:
    return Schema(tuple(params))


def prod(shape) -> int:
    n = 1
    for s in shape:
        n *= int(s)
    return n
