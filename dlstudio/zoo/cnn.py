"""The classic convolutional networks, sized to train on a 2-core CPU (see docs/presets.md).

Each builder takes the data's sample shape [C, H, W] and the number of outputs, and adapts:
a pooling or down-sampling step that would shrink the image below 2×2 is left out, so the
same preset works on 8×8, 28×28 and 32×32 images. Full-size reference versions are in
`reference.py`.
"""
from __future__ import annotations

from ..spec import Network, ShapeError, get
from ..spec.params import ParamError
from ..spec.layout import apply_layout

MIN_POOL_INPUT = 4  # pool / down-sample only maps at least this big, so they stay ≥ 2×2
SMALL_BN = {"momentum": 0.9, "epsilon": 1e-3}  # quick moving statistics for short runs on small data


class Builder:
    """Adds nodes in a chain (or after named nodes) and tracks every node's output shape, so a
    preset can decide on the way whether another pooling step still fits."""

    def __init__(self, name: str, sample_shape: tuple):
        self.net = Network(name=name)
        self.shapes: dict[str, tuple | None] = {}
        self.last: str | None = None
        self.add("input", "Input", {"shape": [int(s) for s in sample_shape]}, after=[])

    def add(self, nid: str, type_: str, params: dict | None = None, after: str | list[str] | None = None) -> str:
        srcs = [self.last] if after is None else ([after] if isinstance(after, str) else list(after))
        self.net.add(nid, type_, params or {}, after=srcs)
        self.shapes[nid] = self._shape(type_, params or {}, srcs)
        self.last = nid
        return nid

    def _shape(self, type_: str, params: dict, srcs: list[str]) -> tuple | None:
        # None: unknown (the data is not what this preset expects); the analysis will say so.
        ins = [self.shapes[s] for s in srcs]
        if any(s is None for s in ins):
            return None
        lt = get(type_)
        try:
            return lt.output_shape(lt.schema.normalize(params, type_), ins)
        except (ShapeError, ParamError):
            return None

    def size(self, nid: str | None = None) -> int | None:
        """The smaller side of an image node's output (None if it is not a known image)."""
        s = self.shapes[nid or self.last]
        return min(s[1], s[2]) if s is not None and len(s) == 3 else None

    def can_shrink(self, nid: str | None = None) -> bool:
        n = self.size(nid)
        return n is None or n >= MIN_POOL_INPUT

    def done(self) -> Network:
        return apply_layout(self.net)


# ---- shared building blocks (also used by the full-size reference networks) ------------------
def conv_unit(b: Builder, name: str, filters: int, kernel: int, strides: int = 1, padding="same",
              bn: dict | None = None, act: str | None = "ReLU", after=None) -> str:
    """Conv2D → (BatchNorm) → (activation); with BatchNorm the convolution has no bias
    (BatchNorm's beta does its job). Ids: name, name_bn, name_relu."""
    b.add(name, "Conv2D", {"filters": filters, "kernel_size": kernel, "strides": strides,
                           "padding": padding, "use_bias": bn is None}, after=after)
    if bn is not None:
        b.add(f"{name}_bn", "BatchNorm", dict(bn))
    if act:
        b.add(f"{name}_{act.lower()}", act)
    return b.last


def inception_module(b: Builder, name: str, c1: int, c3r: int, c3: int, c5r: int, c5: int, pool_proj: int,
                     k5: int = 5, bn: dict | None = None) -> str:
    """Four branches side by side, joined along channels:
    1×1 · 1×1 → 3×3 · 1×1 → k5×k5 · 3×3 max pool (stride 1, same) → 1×1."""
    x = b.last
    b1 = conv_unit(b, f"{name}_1x1", c1, 1, bn=bn, after=x)
    conv_unit(b, f"{name}_3x3_reduce", c3r, 1, bn=bn, after=x)
    b2 = conv_unit(b, f"{name}_3x3", c3, 3, bn=bn)
    conv_unit(b, f"{name}_5x5_reduce", c5r, 1, bn=bn, after=x)
    b3 = conv_unit(b, f"{name}_5x5", c5, k5, bn=bn)
    b.add(f"{name}_pool", "MaxPool2D", {"pool_size": 3, "strides": 1, "padding": "same"}, after=x)
    b4 = conv_unit(b, f"{name}_pool_proj", pool_proj, 1, bn=bn)
    return b.add(f"{name}_concat", "Concatenate", after=[b1, b2, b3, b4])


def basic_block(b: Builder, name: str, filters: int, strides: int, bn: dict, padding=None) -> str:
    """ResNet's basic block: 3×3 conv-BN-ReLU, 3×3 conv-BN, plus the shortcut, then ReLU.
    The shortcut is the block's input, or a strided 1×1 conv + BN when the shape changes."""
    x = b.last
    pad = padding if padding is not None else "same"
    b.add(f"{name}_conv1", "Conv2D", {"filters": filters, "kernel_size": 3, "strides": strides,
                                      "padding": pad, "use_bias": False}, after=x)
    b.add(f"{name}_bn1", "BatchNorm", dict(bn))
    b.add(f"{name}_relu1", "ReLU")
    b.add(f"{name}_conv2", "Conv2D", {"filters": filters, "kernel_size": 3, "strides": 1,
                                      "padding": pad, "use_bias": False})
    main = b.add(f"{name}_bn2", "BatchNorm", dict(bn))
    shortcut = _shortcut(b, name, x, filters, strides, bn)
    b.add(f"{name}_add", "Add", after=[main, shortcut])
    return b.add(f"{name}_relu", "ReLU")


def bottleneck_block(b: Builder, name: str, width: int, strides: int, bn: dict, expansion: int = 4) -> str:
    """ResNet's bottleneck block (v1.5, as in torchvision: the stride is on the 3×3 conv):
    1×1 conv-BN-ReLU, 3×3 conv-BN-ReLU, 1×1 conv (width·expansion)-BN, plus the shortcut, ReLU."""
    x = b.last
    b.add(f"{name}_conv1", "Conv2D", {"filters": width, "kernel_size": 1, "use_bias": False}, after=x)
    b.add(f"{name}_bn1", "BatchNorm", dict(bn))
    b.add(f"{name}_relu1", "ReLU")
    b.add(f"{name}_conv2", "Conv2D", {"filters": width, "kernel_size": 3, "strides": strides,
                                      "padding": [[1, 1], [1, 1]], "use_bias": False})
    b.add(f"{name}_bn2", "BatchNorm", dict(bn))
    b.add(f"{name}_relu2", "ReLU")
    b.add(f"{name}_conv3", "Conv2D", {"filters": width * expansion, "kernel_size": 1, "use_bias": False})
    main = b.add(f"{name}_bn3", "BatchNorm", dict(bn))
    shortcut = _shortcut(b, name, x, width * expansion, strides, bn)
    b.add(f"{name}_add", "Add", after=[main, shortcut])
    return b.add(f"{name}_relu", "ReLU")


def _shortcut(b: Builder, name: str, x: str, filters: int, strides: int, bn: dict) -> str:
    s = b.shapes[x]
    if strides == 1 and s is not None and len(s) == 3 and s[0] == filters:
        return x  # identity
    b.add(f"{name}_down_conv", "Conv2D", {"filters": filters, "kernel_size": 1, "strides": strides,
                                          "use_bias": False}, after=x)
    return b.add(f"{name}_down_bn", "BatchNorm", dict(bn))


# ---- the presets -----------------------------------------------------------------------------
def lenet5(sample_shape: tuple, outputs: int) -> Network:
    """LeNet-5 (LeCun et al., 1998) with ReLU and max pooling.

    C1 6@5×5 · S2 2×2 · C3 16@5×5 · S4 2×2 · C5 120 · F6 84 · output. C1 pads 'same' on images
    under 32 px, so a 28×28 digit gives the classic 28×28 C1 maps (the original read 32×32
    images with 'valid'); on 1×28×28 with 10 outputs this is 61,706 parameters.
    """
    b = Builder("LeNet-5", sample_shape)
    n = b.size()
    c1_padding = "valid" if n is not None and n >= 32 else "same"   # the classic 28×28 C1 maps
    b.add("c1", "Conv2D", {"filters": 6, "kernel_size": 5, "padding": c1_padding})
    b.add("c1_relu", "ReLU")
    if b.can_shrink():
        b.add("s2", "MaxPool2D", {"pool_size": 2})
    n = b.size()
    c3_padding = "valid" if n is None or n >= 8 else "same"          # 'valid' 5×5 needs room
    b.add("c3", "Conv2D", {"filters": 16, "kernel_size": 5, "padding": c3_padding})
    b.add("c3_relu", "ReLU")
    if b.can_shrink():
        b.add("s4", "MaxPool2D", {"pool_size": 2})
    b.add("flatten", "Flatten")
    b.add("c5", "Dense", {"units": 120})
    b.add("c5_relu", "ReLU")
    b.add("f6", "Dense", {"units": 84})
    b.add("f6_relu", "ReLU")
    b.add("output", "Dense", {"units": outputs})
    return b.done()


def alexnet(sample_shape: tuple, outputs: int) -> Network:
    """A small AlexNet: five 'same' convolutions (5×5, then 3×3) with overlapping 3×3 / 2 max
    pools after the 1st, 2nd and 5th, then two hidden dense layers with dropout."""
    b = Builder("AlexNet (small)", sample_shape)
    pools = {1, 2, 5}
    for i, (filters, k) in enumerate([(24, 5), (48, 3), (64, 3), (64, 3), (48, 3)], start=1):
        b.add(f"conv{i}", "Conv2D", {"filters": filters, "kernel_size": k, "padding": "same"})
        b.add(f"relu{i}", "ReLU")
        if i in pools and b.can_shrink():
            b.add(f"pool{i}", "MaxPool2D", {"pool_size": 3, "strides": 2, "padding": "same"})
    b.add("flatten", "Flatten")
    for i, units in ((6, 192), (7, 96)):
        b.add(f"drop{i}", "Dropout", {"rate": 0.5})
        b.add(f"fc{i}", "Dense", {"units": units})
        b.add(f"relu{i}", "ReLU")
    b.add("output", "Dense", {"units": outputs})
    return b.done()


def inception(sample_shape: tuple, outputs: int) -> Network:
    """A small Inception (GoogLeNet) network: a conv-BN-ReLU stem, two Inception modules with
    max pools before them, global average pooling and one dense layer. Every convolution is
    conv → BatchNorm → ReLU, as in torchvision's GoogLeNet (the 2014 paper had no BatchNorm;
    without it this small network learns far more slowly)."""
    b = Builder("Inception (small)", sample_shape)
    conv_unit(b, "stem", 32, 3, bn=SMALL_BN)
    if b.can_shrink():
        b.add("pool1", "MaxPool2D", {"pool_size": 3, "strides": 2, "padding": "same"})
    inception_module(b, "inc1", 16, 24, 32, 8, 16, 16, bn=SMALL_BN)     # → 80 channels
    if b.can_shrink():
        b.add("pool2", "MaxPool2D", {"pool_size": 3, "strides": 2, "padding": "same"})
    inception_module(b, "inc2", 32, 32, 48, 8, 24, 24, bn=SMALL_BN)     # → 128 channels
    b.add("gap", "GlobalAvgPool2D")
    b.add("output", "Dense", {"units": outputs})
    return b.done()



def resnet(sample_shape: tuple, outputs: int, blocks_per_stage: int = 1) -> Network:
    """A small ResNet in the CIFAR style (He et al. 2016, §4.2): a 3×3 conv-BN-ReLU stem with 16
    filters, three stages of basic blocks with 16, 32 and 64 filters (stages 2 and 3 halve the
    image), global average pooling and one dense layer. One block per stage is ResNet-8."""
    depth = 6 * blocks_per_stage + 2
    b = Builder(f"ResNet-{depth} (small)", sample_shape)
    conv_unit(b, "stem", 16, 3, bn=SMALL_BN)
    for stage, filters in enumerate((16, 32, 64), start=1):
        for block in range(blocks_per_stage):
            strides = 2 if stage > 1 and block == 0 and b.can_shrink() else 1
            basic_block(b, f"stage{stage}_{block}", filters, strides, SMALL_BN)
    b.add("gap", "GlobalAvgPool2D")
    b.add("output", "Dense", {"units": outputs})
    return b.done()
