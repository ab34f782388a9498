"""MaxPool2D, AvgPool2D, GlobalAvgPool2D."""
from __future__ import annotations

from ...i18n import tr
from ..catalogue import Cost, LayerType, prod, register, schema
from ..params import Param
from .conv import PADDING_HELP, check_window, image_input, resolve_padding, window_output_size


def pool_strides(params):
    return params["strides"] if params["strides"] is not None else params["pool_size"]


def pool_output(params, size) -> tuple[tuple[int, int], tuple[int, int]]:
    """((OH, OW), (extra_h, extra_w)) for a pool over an input of `size` (H, W).

    Without ceil_mode the output size is the sliding-window one and there is no extra. With
    ceil_mode it rounds up, ⌈(n + before + after − k) / s⌉ + 1, except that the last window must
    start inside the input or its leading padding (ONNX's and PyTorch's rule); `extra` is how far
    the last window overhangs the bottom / right padding. The overhang is not padding: a max
    pool ignores it and an average pool never counts it.
    """
    kernel, strides = params["pool_size"], pool_strides(params)
    floor = window_output_size(size, kernel, strides, params["padding"])
    if not params.get("ceil_mode"):
        return floor, (0, 0)
    pads = resolve_padding(params["padding"], size, kernel, strides)
    out, extra = [], []
    for n, k, s, (a, b), f in zip(size, kernel, strides, pads, floor):
        span = n + a + b - k
        o = -(-span // s) + 1 if span >= 0 else f
        if span >= 0 and (o - 1) * s >= n + a:
            o -= 1
        out.append(o)
        extra.append(max((o - 1) * s + k - (n + a + b), 0))
    return tuple(out), tuple(extra)


def _pool_shape(name):
    def rule(params, in_shapes):
        c, h, w = image_input(name, in_shapes)
        window = tr("{layer} window").format(layer=name)
        check_window(window, (h, w), params["pool_size"], pool_strides(params), params["padding"])
        (oh, ow), _ = pool_output(params, (h, w))
        return (c, oh, ow)
    return rule


def _pool_cost(extra):
    def rule(params, in_shapes, out):
        kh, kw = params["pool_size"]
        # max: k - 1 comparisons per output; average: k - 1 adds and 1 divide
        return Cost(flops=prod(out) * (kh * kw - 1 + extra))
    return rule


def _pool_params(average=False):
    extra = (Param("count_include_pad", "bool", False,
                   tr("Divide by the whole window including explicit padding (not ceil_mode's "
                      "overhang); off: by the real elements only.")),) if average else ()
    return schema(
        Param("pool_size", "pair", 2, tr("Window size: n or [h, w]."), minimum=1, maximum=1024),
        Param("strides", "pair", None, tr("Step between windows; empty means the pool size."),
              minimum=1, maximum=1024, optional=True),
        Param("padding", "padding", "valid", PADDING_HELP),
        Param("ceil_mode", "bool", False, tr("Round the output size up: a last, partial window covers "
                                             "the rows / columns a floor would drop.")),
        *extra,
    )


register(LayerType(
    name="MaxPool2D", group=tr("Pooling"),
    help=tr("Keeps the largest value of each window: shrinks the image, keeps strong features."),
    schema=_pool_params(), shape_rule=_pool_shape("MaxPool2D"), cost_rule=_pool_cost(0),
    summary_keys=("pool_size", "strides"),
))
register(LayerType(
    name="AvgPool2D", group=tr("Pooling"),
    help=tr("Averages each window (over real pixels only where it overlaps padding)."),
    schema=_pool_params(average=True), shape_rule=_pool_shape("AvgPool2D"), cost_rule=_pool_cost(1),
    summary_keys=("pool_size", "strides"),
))


def _gap_shape(params, in_shapes):
    c, h, w = image_input("GlobalAvgPool2D", in_shapes)
    return (c,)


register(LayerType(
    name="GlobalAvgPool2D", group=tr("Pooling"),
    help=tr("Averages each channel over the whole image: [C, H, W] → [C]."),
    shape_rule=_gap_shape,
    cost_rule=lambda params, in_shapes, out: Cost(flops=prod(in_shapes[0])),
))
