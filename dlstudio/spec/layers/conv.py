"""Conv2D and the padding arithmetic shared with pooling (TensorFlow's rules, as in the seed)."""
from __future__ import annotations

import math

from ...i18n import tr
from ..catalogue import Cost, LayerType, ShapeError, register, schema
from ..params import Param


def resolve_padding(padding, size: tuple[int, int], kernel: tuple[int, int],
                    strides: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int]]:
    """((top, bottom), (left, right)) for "valid", "same" or an explicit padding.

    "same" gives ceil(n / s) outputs; its total padding is split with the odd pixel at the
    bottom / right.
    """
    if padding == "valid":
        return ((0, 0), (0, 0))
    if padding == "same":
        out = []
        for n, k, s in zip(size, kernel, strides):
            total = max((-(-n // s) - 1) * s + k - n, 0)
            out.append((total // 2, total - total // 2))
        return tuple(out)
    return tuple(tuple(p) for p in padding)


def window_output_size(size, kernel, strides, padding) -> tuple[int, int]:
    """Output (H, W) of a sliding window; a size below 1 means the window does not fit."""
    pads = resolve_padding(padding, size, kernel, strides)
    return tuple((n + a + b - k) // s + 1 for n, k, s, (a, b) in zip(size, kernel, strides, pads))


def check_window(what: str, size, kernel, strides, padding) -> tuple[int, int]:
    pads = resolve_padding(padding, size, kernel, strides)
    for n, k, (a, b) in zip(size, kernel, pads):
        if n + a + b < k:
            hint = (tr("use padding='same' or a smaller kernel") if padding == "valid"
                    else tr("use a smaller kernel"))
            raise ShapeError(tr("{what} {kh}×{kw} is larger than its padded {h}×{w} input — {hint}").format(
                what=what, kh=kernel[0], kw=kernel[1], h=size[0] + sum(pads[0]), w=size[1] + sum(pads[1]),
                hint=hint))
    return window_output_size(size, kernel, strides, padding)


def image_guess(size: int) -> list[int] | None:
    """[1, h, h] or [3, h, h] holding `size` values (a square grey or colour image), else None."""
    for c in (1, 3):
        h = math.isqrt(size // c)
        if size % c == 0 and h >= 2 and c * h * h == size:
            return [c, h, h]
    return None


def image_input(layer: str, in_shapes) -> tuple[int, int, int]:
    (s,) = in_shapes
    if len(s) == 1:
        target = image_guess(s[0]) or "[C, H, W]"
        raise ShapeError(tr("{layer} needs an image input [C, H, W], got {shape} — this looks like a "
                            "vector; insert a Reshape to {target} before it, or use an Input of shape "
                            "[C, H, W]").format(layer=layer, shape=list(s), target=target))
    if len(s) != 3:
        raise ShapeError(tr("{layer} needs an image input [C, H, W], got {shape}").format(
            layer=layer, shape=list(s)))
    return s


def _conv_shape(params, in_shapes):
    c, h, w = image_input("Conv2D", in_shapes)
    what = tr("Conv2D kernel")
    oh, ow = check_window(what, (h, w), params["kernel_size"], params["strides"], params["padding"])
    return (params["filters"], oh, ow)


def _conv_weights(params, in_shapes):
    c = in_shapes[0][0]
    kh, kw = params["kernel_size"]
    w = {"kernel": ((params["filters"], c, kh, kw), True)}
    if params["use_bias"]:
        w["bias"] = ((params["filters"],), True)
    return w


def _conv_cost(params, in_shapes, out):
    c = in_shapes[0][0]
    kh, kw = params["kernel_size"]
    f, oh, ow = out
    window = c * kh * kw
    outputs = f * oh * ow
    # per output: window multiplies and window - 1 adds; bias adds are not counted (docs/costs.md)
    flops = outputs * (2 * window - 1)
    return Cost(trainable=f * window + (f if params["use_bias"] else 0), macs=outputs * window, flops=flops)


PADDING_HELP = tr("'valid' (no padding), 'same' (output size ⌈n / stride⌉) or "
                  "[[top, bottom], [left, right]] zeros.")

register(LayerType(
    name="Conv2D", group=tr("Convolution"),
    help=tr("Slides learned filters over the image; each filter sees a small window of all input "
            "channels."),
    schema=schema(
        Param("filters", "int", 8, tr("Number of filters = output channels."), minimum=1, maximum=100_000),
        Param("kernel_size", "pair", 3, tr("Filter size: n or [h, w]."), minimum=1, maximum=1024),
        Param("strides", "pair", 1, tr("Step between windows: n or [h, w]."), minimum=1, maximum=1024),
        Param("padding", "padding", "valid", PADDING_HELP),
        Param("use_bias", "bool", True, tr("Add a learned bias per filter.")),
    ),
    shape_rule=_conv_shape, cost_rule=_conv_cost, weights_rule=_conv_weights,
    summary_keys=("filters", "kernel_size", "strides", "padding"),
))
