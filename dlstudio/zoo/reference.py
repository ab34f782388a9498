"""Full-size reference networks on ImageNet-sized input (3×224×224, 1,000 classes).

They are for looking at — the summary table, the canvas, parameter and FLOP counting — not for
training on a CPU. Each matches torchvision's model layer for layer, so its trainable parameter
count equals the published one exactly (tests/test_zoo.py checks it; docs/presets.md has the
figures and sources). Node ids follow torchvision's module names with '_' for '.'.

The input is always the reference shape: a data set of another shape gets the reference network
anyway (and training it on that data reports the mismatch). The last layer takes the data's
number of classes, 1,000 without data.
"""
from __future__ import annotations

from ..spec import Network
from .cnn import Builder, basic_block, bottleneck_block, conv_unit, inception_module

REFERENCE_SHAPE = (3, 224, 224)
REFERENCE_CLASSES = 1000
TORCH_BN = {"momentum": 0.9, "epsilon": 1e-5}        # PyTorch's BatchNorm2d defaults (its momentum 0.1)
GOOGLENET_BN = {"momentum": 0.9, "epsilon": 1e-3}    # torchvision's GoogLeNet uses eps 0.001


def _pad(n: int) -> list[list[int]]:
    return [[n, n], [n, n]]


def _classes(outputs: int) -> int:
    return int(outputs) if outputs and outputs > 0 else REFERENCE_CLASSES


def alexnet_full(sample_shape: tuple = REFERENCE_SHAPE, outputs: int = REFERENCE_CLASSES) -> Network:
    """AlexNet as torchvision builds it (the single-tower 'one weird trick' variant, Krizhevsky
    2014): 64-192-384-256-256 filters, no local response normalisation. torchvision's adaptive
    average pool to 6×6 is the identity on 224×224 input and is left out."""
    b = Builder("AlexNet", REFERENCE_SHAPE)
    layers = [("conv1", 64, 11, 4, 2, True), ("conv2", 192, 5, 1, 2, True), ("conv3", 384, 3, 1, 1, False),
              ("conv4", 256, 3, 1, 1, False), ("conv5", 256, 3, 1, 1, True)]
    for i, (name, filters, k, s, p, pool) in enumerate(layers, start=1):
        b.add(name, "Conv2D", {"filters": filters, "kernel_size": k, "strides": s, "padding": _pad(p)})
        b.add(f"relu{i}", "ReLU")
        if pool:
            b.add(f"pool{i}", "MaxPool2D", {"pool_size": 3, "strides": 2})
    b.add("flatten", "Flatten")
    for i in (6, 7):
        b.add(f"drop{i}", "Dropout", {"rate": 0.5})
        b.add(f"fc{i}", "Dense", {"units": 4096})
        b.add(f"relu{i}", "ReLU")
    b.add("fc8", "Dense", {"units": _classes(outputs)})
    return b.done()


# (name, 1×1, 3×3 reduce, 3×3, 5×5 reduce, 5×5, pool proj) — Table 1 of the GoogLeNet paper
GOOGLENET_MODULES = [
    ("inception3a", 64, 96, 128, 16, 32, 32), ("inception3b", 128, 128, 192, 32, 96, 64), "maxpool3",
    ("inception4a", 192, 96, 208, 16, 48, 64), ("inception4b", 160, 112, 224, 24, 64, 64),
    ("inception4c", 128, 128, 256, 24, 64, 64), ("inception4d", 112, 144, 288, 32, 64, 64),
    ("inception4e", 256, 160, 320, 32, 128, 128), "maxpool4",
    ("inception5a", 256, 160, 320, 32, 128, 128), ("inception5b", 384, 192, 384, 48, 128, 128),
]


def googlenet_full(sample_shape: tuple = REFERENCE_SHAPE, outputs: int = REFERENCE_CLASSES) -> Network:
    """GoogLeNet (Inception v1) as torchvision builds it, without the auxiliary classifiers:
    every convolution is conv (no bias) → BatchNorm → ReLU, and — as in torchvision, whose
    weights were ported with it — the '5×5' branch uses a 3×3 kernel. Max pools use 'same'
    padding, which gives the same sizes as torchvision's ceil_mode pools."""
    b = Builder("GoogLeNet (Inception v1)", REFERENCE_SHAPE)
    conv_unit(b, "conv1", 64, 7, strides=2, padding=_pad(3), bn=GOOGLENET_BN)
    b.add("maxpool1", "MaxPool2D", {"pool_size": 3, "strides": 2, "padding": "same"})
    conv_unit(b, "conv2", 64, 1, bn=GOOGLENET_BN)
    conv_unit(b, "conv3", 192, 3, padding=_pad(1), bn=GOOGLENET_BN)
    b.add("maxpool2", "MaxPool2D", {"pool_size": 3, "strides": 2, "padding": "same"})
    for m in GOOGLENET_MODULES:
        if m == "maxpool3":
            b.add(m, "MaxPool2D", {"pool_size": 3, "strides": 2, "padding": "same"})
        elif m == "maxpool4":
            b.add(m, "MaxPool2D", {"pool_size": 2, "strides": 2, "padding": "same"})
        else:
            inception_module(b, *m, k5=3, bn=GOOGLENET_BN)
    b.add("avgpool", "GlobalAvgPool2D")
    b.add("dropout", "Dropout", {"rate": 0.2})
    b.add("fc", "Dense", {"units": _classes(outputs)})
    return b.done()


def _resnet_stem(b: Builder) -> None:
    b.add("conv1", "Conv2D", {"filters": 64, "kernel_size": 7, "strides": 2, "padding": _pad(3),
                              "use_bias": False})
    b.add("bn1", "BatchNorm", dict(TORCH_BN))
    b.add("relu", "ReLU")
    b.add("maxpool", "MaxPool2D", {"pool_size": 3, "strides": 2, "padding": _pad(1)})


def _resnet(name: str, blocks: list[int], bottleneck: bool, outputs: int) -> Network:
    b = Builder(name, REFERENCE_SHAPE)
    _resnet_stem(b)
    for stage, (n, width) in enumerate(zip(blocks, (64, 128, 256, 512)), start=1):
        for i in range(n):
            strides = 2 if stage > 1 and i == 0 else 1
            if bottleneck:
                bottleneck_block(b, f"layer{stage}_{i}", width, strides, TORCH_BN)
            else:
                basic_block(b, f"layer{stage}_{i}", width, strides, TORCH_BN, padding=_pad(1))
    b.add("avgpool", "GlobalAvgPool2D")
    b.add("fc", "Dense", {"units": _classes(outputs)})
    return b.done()


def resnet18_full(sample_shape: tuple = REFERENCE_SHAPE, outputs: int = REFERENCE_CLASSES) -> Network:
    """ResNet-18 (He et al. 2016): basic blocks [2, 2, 2, 2] with 64-128-256-512 filters."""
    return _resnet("ResNet-18", [2, 2, 2, 2], False, outputs)


def resnet50_full(sample_shape: tuple = REFERENCE_SHAPE, outputs: int = REFERENCE_CLASSES) -> Network:
    """ResNet-50 (He et al. 2016) in torchvision's v1.5 form: bottleneck blocks [3, 4, 6, 3],
    stride on the 3×3 convolution."""
    return _resnet("ResNet-50", [3, 4, 6, 3], True, outputs)
