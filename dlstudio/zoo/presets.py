"""Preset networks and the training settings that train them well.

A preset is built for a data set: its Input takes the data's sample shape, its last layer has
one output per class (or per target value) and its loss suits the task.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..spec import Network

X_STEP, Y_STEP = 0.0, 90.0  # canvas layout: a vertical chain, one row per layer


@dataclass(frozen=True)
class Preset:
    name: str
    help: str
    build: Callable[[tuple, int], Network]   # (sample shape, outputs) -> network
    defaults: dict = field(default_factory=dict)  # epochs, batch_size, optimizer, hyper
    default_data: str | None = "digits"           # what `summary` shapes it for without --data
    default_shape: tuple = ()                     # fixed-size presets: shape and outputs without data
    default_outputs: int = 0


def _chain(name: str, layers: list[tuple[str, str, dict]]) -> Network:
    net = Network(name=name)
    prev = None
    for i, (nid, type_, params) in enumerate(layers):
        net.add(nid, type_, params, after=prev, pos=(X_STEP * i, Y_STEP * i))
        prev = nid
    return net


def mlp(sample_shape: tuple, outputs: int) -> Network:
    layers = [("input", "Input", {"shape": list(sample_shape)})]
    if len(sample_shape) > 1:
        layers.append(("flatten", "Flatten", {}))
    layers += [("dense1", "Dense", {"units": 64}), ("tanh1", "Tanh", {}),
               ("dense2", "Dense", {"units": 64}), ("tanh2", "Tanh", {}),
               ("output", "Dense", {"units": outputs})]
    return _chain("MLP", layers)


PRESETS: dict[str, Preset] = {p.name: p for p in [
    Preset("mlp", "Multi-layer perceptron: two hidden layers of 64 tanh units.", mlp,
           {"epochs": 60, "batch_size": 32, "optimizer": "adam", "hyper": {"lr": 0.005}}),
]}


def preset_names() -> list[str]:
    return sorted(PRESETS)


def build_preset(name: str, sample_shape: tuple, outputs: int) -> tuple[Network, dict]:
    """The preset's network for this data and its default training settings."""
    try:
        p = PRESETS[name]
    except KeyError:
        raise KeyError(f"unknown preset {name!r} (known: {', '.join(preset_names())})") from None
    return p.build(tuple(sample_shape), int(outputs)), dict(p.defaults)
