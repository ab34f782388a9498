"""Input, Dense, Flatten, Reshape, Dropout, Identity."""
from __future__ import annotations

from ...i18n import tr
from ..catalogue import Cost, LayerType, ShapeError, prod, register, schema
from ..params import Param


def _input_shape(params, in_shapes):
    return params["shape"]


register(LayerType(
    name="Input", group=tr("Input"),
    help=tr("Where data enters the network. Shape per sample: [C, H, W] images, [T, F] sequences, [F] "
            "vectors."),
    schema=schema(Param("shape", "shape", [2], tr("Shape of one sample, batch left out."))),
    shape_rule=_input_shape, min_inputs=0, max_inputs=0, summary_keys=("shape",),
))


def _dense_shape(params, in_shapes):
    (s,) = in_shapes
    if len(s) == 3:
        raise ShapeError(tr("Dense takes a vector [F] or a sequence [T, F], got an image {shape} — insert a "
                            "Flatten (or GlobalAvgPool2D) before it").format(shape=list(s)))
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
    name="Dense", group=tr("Core"),
    help=tr("Fully connected: every output is a weighted sum of all inputs plus a bias."),
    schema=schema(
        Param("units", "int", 10, tr("Number of outputs."), minimum=1, maximum=1_000_000),
        Param("use_bias", "bool", True, tr("Add a learned bias to each output.")),
    ),
    shape_rule=_dense_shape, cost_rule=_dense_cost, weights_rule=_dense_weights,
    summary_keys=("units",),
))


register(LayerType(
    name="Flatten", group=tr("Core"),
    help=tr("Reshapes each sample into a vector, e.g. [16, 5, 5] → [400]."),
    shape_rule=lambda params, in_shapes: (prod(in_shapes[0]),),
))


def reshape_target(target, in_shape) -> tuple[int, ...]:
    """The per-sample shape a Reshape to `target` (one size may be -1) gives `in_shape`."""
    n, shown = prod(in_shape), list(target)
    if not 1 <= len(target) <= 3:
        raise ShapeError(tr("Reshape gives a vector [F], a sequence [T, F] or an image [C, H, W], not "
                            "{shape}").format(shape=shown))
    known = prod(d for d in target if d != -1)
    if -1 in target:
        if n % known:
            raise ShapeError(tr("Reshape to {shape} needs a multiple of {known} values per sample, the "
                                "input has {n}").format(shape=shown, known=known, n=n))
        return tuple(n // known if d == -1 else d for d in target)
    if known != n:
        raise ShapeError(tr("Reshape to {shape} needs {need} values per sample, the input has {n}").format(
            shape=shown, need=known, n=n))
    return tuple(target)


register(LayerType(
    name="Reshape", group=tr("Core"),
    help=tr("Rearranges each sample's values into another shape with as many values, e.g. [784] → "
            "[1, 28, 28]; one size may be -1, worked out from the others."),
    schema=schema(Param("shape", "shape", [-1], tr("Shape of one sample after reshaping, batch left "
                                                    "out; one size may be -1 (inferred)."), minimum=-1)),
    shape_rule=lambda params, in_shapes: reshape_target(params["shape"], in_shapes[0]),
    summary_keys=("shape",),
))


register(LayerType(
    name="Dropout", group=tr("Core"),
    help=tr("While training, zeroes a random fraction of values and scales the rest up; does nothing at "
            "inference."),
    schema=schema(Param("rate", "float", 0.5, tr("Fraction of values dropped while training."),
                        minimum=0.0, maximum=0.95)),
    shape_rule=lambda params, in_shapes: in_shapes[0], summary_keys=("rate",),
))


register(LayerType(
    name="Identity", group=tr("Core"),
    help=tr("Passes its input through unchanged (a linear activation)."),
    shape_rule=lambda params, in_shapes: in_shapes[0],
))
