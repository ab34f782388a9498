"""Preset networks and the training settings that train them well.

A preset is built for a data set: its Input takes the data's sample shape, its last layer has
one output per class (or per target value) and its loss suits the task. The full-size
reference networks (`*-full`) keep their ImageNet input shape. See docs/presets.md.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Callable

from dlstudio.i18n import tr   # a dependency-free leaf (the zoo otherwise needs only the spec)

from ..spec import Network
from ..spec.layout import ROW, apply_layout
from .cnn import alexnet, inception, lenet5, resnet
from .rnn import lstm, lstm_stacked, rnn
from .reference import (REFERENCE_CLASSES, REFERENCE_SHAPE, alexnet_full, googlenet_full, resnet18_full,
                        resnet50_full)

X_STEP, Y_STEP = 0.0, ROW  # a plain chain: one row per layer, straight down


@dataclass(frozen=True)
class Preset:
    name: str
    help: str
    build: Callable[[tuple, int], Network]   # (sample shape, outputs) -> network
    defaults: dict = field(default_factory=dict)  # epochs, batch_size, optimizer, hyper, clip_norm
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
    return apply_layout(_chain("MLP", layers))


# The small CNNs are meant for the procedural `shapes` images.
SMALL_CNN_DATA = "shapes"
# Recurrent presets clip gradients to a global norm of 1: one long sequence can otherwise blow up
# a step (exploding gradients through time).
RECURRENT = {"epochs": 30, "batch_size": 32, "optimizer": "adam", "hyper": {"lr": 0.003}, "clip_norm": 1.0}


def _full(name, help, build, defaults) -> Preset:
    return Preset(name, help, build, defaults, default_data=None,
                  default_shape=REFERENCE_SHAPE, default_outputs=REFERENCE_CLASSES)


PRESETS: dict[str, Preset] = {p.name: p for p in [
    Preset("mlp", tr("Multi-layer perceptron: two hidden layers of 64 tanh units."), mlp,
           {"epochs": 60, "batch_size": 32, "optimizer": "adam", "hyper": {"lr": 0.005}}),
    Preset("lenet5", tr("LeNet-5: two 5×5 conv + max-pool stages, then 120-84 dense (ReLU)."), lenet5,
           {"epochs": 20, "batch_size": 32, "optimizer": "adam", "hyper": {"lr": 0.001}},
           default_data="digits:28"),
    Preset("alexnet", tr("Small AlexNet: five conv layers with three overlapping max pools, two dropout "
                         "dense layers."),
           alexnet, {"epochs": 15, "batch_size": 64, "optimizer": "adam", "hyper": {"lr": 0.0005}},
           default_data=SMALL_CNN_DATA),
    Preset("inception", tr("Small Inception: conv stem, two four-branch Inception modules, global "
                           "average pool."),
           inception, {"epochs": 12, "batch_size": 64, "optimizer": "adam", "hyper": {"lr": 0.002}},
           default_data=SMALL_CNN_DATA),
    Preset("resnet", tr("Small ResNet-8: conv stem, three stages of residual blocks (16-32-64), global "
                        "average pool."),
           resnet, {"epochs": 12, "batch_size": 64, "optimizer": "adam", "hyper": {"lr": 0.001}},
           default_data=SMALL_CNN_DATA),
    Preset("rnn", tr("Plain recurrent network: SimpleRNN(64) over the sequence, then a dense output."), rnn,
           RECURRENT, default_data="adding:50"),
    Preset("lstm", tr("LSTM(64) over the sequence, then a dense output: remembers across long gaps."), lstm,
           RECURRENT, default_data="adding:50"),
    Preset("lstm-stacked", tr("Two stacked LSTM(64) layers (the first returns its whole sequence), then "
                              "a dense output."),
           lstm_stacked, RECURRENT, default_data="digits-seq"),
    _full("alexnet-full", tr("AlexNet on 3×224×224, 1000 classes (torchvision's layout): 61.1 M "
                             "parameters."),
          alexnet_full, {"epochs": 90, "batch_size": 128, "optimizer": "sgd",
                         "hyper": {"lr": 0.01, "momentum": 0.9}}),
    _full("googlenet-full", tr("GoogLeNet / Inception v1 on 3×224×224 (torchvision's, BatchNorm, no "
                               "auxiliary classifiers): 6.6 M parameters."),
          googlenet_full, {"epochs": 90, "batch_size": 128, "optimizer": "sgd",
                           "hyper": {"lr": 0.01, "momentum": 0.9}}),
    _full("resnet18-full", tr("ResNet-18 on 3×224×224, 1000 classes: 11.7 M parameters."),
          resnet18_full, {"epochs": 90, "batch_size": 256, "optimizer": "sgd",
                          "hyper": {"lr": 0.1, "momentum": 0.9}}),
    _full("resnet50-full", tr("ResNet-50 (v1.5, torchvision) on 3×224×224, 1000 classes: 25.6 M "
                              "parameters."),
          resnet50_full, {"epochs": 90, "batch_size": 256, "optimizer": "sgd",
                          "hyper": {"lr": 0.1, "momentum": 0.9}}),
]}


def preset_names() -> list[str]:
    return sorted(PRESETS)


def build_preset(name: str, sample_shape: tuple, outputs: int) -> tuple[Network, dict]:
    """The preset's network for this data and its default training settings."""
    try:
        p = PRESETS[name]
    except KeyError:
        raise KeyError(tr("unknown preset {name!r} (known: {known})").format(
                           name=name, known=', '.join(preset_names()))) from None
    return p.build(tuple(sample_shape), int(outputs)), copy.deepcopy(p.defaults)
