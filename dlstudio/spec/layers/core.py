"""Input, Dense, Flatten, Dropout, Identity."""
from __future__ import annotations

from ..catalogue import Cost, LayerType, ShapeError, prod, register, schema
from ..params import Param


def _input_shape(params, in_shapes):
    return params["shape"]


register(LayerType(
    name="Input", group="Input",
    help="Where data enters the network. Shape per sample: [C, H, W] images, [T, F] sequences, [F] vectors.",
    schema=schema(Param("shape", "shape", [2], "Shape of one sample, batch left out.")),
    shape_rule=_input_shape, min_inputs=0, max_inputs=0, summary_keys=("shape",),
))


def _dense_shape(params, in_shapes):
    (s,) = in_shapes
    if len(s) == 3:
        raise ShapeError(f"Dense takes a vector [F] or a sequence [T, F], got an image {list(s)}"
                         " — insert a Flatten (or GlobalAvgPool2D) before it")
    return (*s[:-1], params["units"])


def _dense_weights(params, in_shapes):
    fan_in = in_shapes[0][-1]
    w = {"kernel": ((fan_in, params["units"]), True)}
    if params["use_bias"]:
        w["bias"] = ((params["units"],), True)
    return w


def _dense_cost(params, in_shapes, out):
    fan_in, units = in_shapes[0][-1], params["units"]
    steps = prod(out[:-1])  # 1 for vectors, T for sequences (applied per time step)
    macs = steps * fan_in * units
    flops = steps * units * (2 * fan_in - 1)  # bias adds are not counted (docs/costs.md)
    return Cost(trainable=fan_in * units + (units if params["use_bias"] else 0), macs=macs, flops=flops)


register(LayerType(
    name="Dense", group="Core",
    help="Fully connected: every output is a weighted sum of all inputs plus a bias.",
    schema=schema(
        Param("units", "int", 10, "Number of outputs.", minimum=1, maximum=1_000_000),
        Param("use_bias", "bool", True, "Add a learned bias to each output."),
    ),
    shape_rule=_dense_shape, cost_rule=_dense_cost, weights_rule=_dense_weights,
    summary_keys=("units",),
))


register(LayerType(
    name="Flatten", group="Core",
    help="Reshapes each sample into a vector, e.g. [16, 5, 5] → [400].",
    shape_rule=lambda params, in_shapes: (prod(in_shapes[0]),),
))


register(LayerType(
    name="Dropout", group="Core",
    help="While training, zeroes a random fraction of values and scales the rest up; does nothing at inference.",
    schema=schema(Param("rate", "float", 0.5, "Fraction of values dropped while training.",
                        minimum=0.0, maximum=0.95)),
    shape_rule=lambda params, in_shapes: in_shapes[0], summary_keys=("rate",),
))


register(LayerType(
    name="Identity", group="Core",
    help="Passes its input through unchanged (a linear activation).",
    shape_rule=lambda params, in_shapes: in_shapes[0],
))
