"""MaxPool2D, AvgPool2D, GlobalAvgPool2D."""
from __future__ import annotations

from ..catalogue import Cost, LayerType, prod, register, schema
from ..params import Param
from .conv import PADDING_HELP, check_window, image_input


def pool_strides(params):
    return params["strides"] if params["strides"] is not None else params["pool_size"]


def _pool_shape(name):
    def rule(params, in_shapes):
        c, h, w = image_input(name, in_shapes)
        oh, ow = check_window(f"{name} window", (h, w), params["pool_size"], pool_strides(params),
                              params["padding"])
        return (c, oh, ow)
    return rule


def _pool_cost(extra):
    def rule(params, in_shapes, out):
        kh, kw = params["pool_size"]
        # max: k - 1 comparisons per output; average: k - 1 adds and 1 divide
        return Cost(flops=prod(out) * (kh * kw - 1 + extra))
    return rule


def _pool_params():
    return schema(
        Param("pool_size", "pair", 2, "Window size: n or [h, w].", minimum=1, maximum=1024),
        Param("strides", "pair", None, "Step between windows; empty means the pool size.",
              minimum=1, maximum=1024, optional=True),
        Param("padding", "padding", "valid", PADDING_HELP),
    )


register(LayerType(
    name="MaxPool2D", group="Pooling",
    help="Keeps the largest value of each window: shrinks the image, keeps strong features.",
    schema=_pool_params(), shape_rule=_pool_shape("MaxPool2D"), cost_rule=_pool_cost(0),
    summary_keys=("pool_size", "strides"),
))
register(LayerType(
    name="AvgPool2D", group="Pooling",
    help="Averages each window (over real pixels only where it overlaps padding).",
    schema=_pool_params(), shape_rule=_pool_shape("AvgPool2D"), cost_rule=_pool_cost(1),
    summary_keys=("pool_size", "strides"),
))


def _gap_shape(params, in_shapes):
    c, h, w = image_input("GlobalAvgPool2D", in_shapes)
    return (c,)


register(LayerType(
    name="GlobalAvgPool2D", group="Pooling",
    help="Averages each channel over the whole image: [C, H, W] → [C].",
    shape_rule=_gap_shape,
    cost_rule=lambda params, in_shapes, out: Cost(flops=prod(in_shapes[0])),
))
