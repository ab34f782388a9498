"""BatchNorm."""
from __future__ import annotations

from ...i18n import tr
from ..catalogue import Cost, LayerType, ShapeError, prod, register, schema
from ..params import Param


def _channels(in_shape) -> int:
    # per channel for images [C, H, W], per feature for vectors [F] and sequences [T, F]
    return in_shape[0] if len(in_shape) == 3 else in_shape[-1]


def _bn_shape(params, in_shapes):
    (s,) = in_shapes
    if len(s) not in (1, 2, 3):
        raise ShapeError(tr("BatchNorm takes [F], [T, F] or [C, H, W], got {shape}").format(shape=list(s)))
    return s


def _bn_weights(params, in_shapes):
    c = (_channels(in_shapes[0]),)
    return {"gamma": (c, True), "beta": (c, True), "moving_mean": (c, False), "moving_var": (c, False)}


def _bn_cost(params, in_shapes, out):
    c = _channels(in_shapes[0])
    # at inference a folded scale and shift: one multiply and one add per value
    return Cost(trainable=2 * c, non_trainable=2 * c, flops=2 * prod(out))


register(LayerType(
    name="BatchNorm", group=tr("Normalization"),
    help=tr("Normalises each channel to zero mean and unit variance over the batch, then scales and "
            "shifts."),
    schema=schema(
        Param("momentum", "float", 0.99, tr("How much of the moving statistics is kept per batch."),
              minimum=0.0, maximum=1.0),
        Param("epsilon", "float", 1e-3, tr("Added to the variance to avoid dividing by zero."),
              minimum=0.0, maximum=1.0),
    ),
    shape_rule=_bn_shape, cost_rule=_bn_cost, weights_rule=_bn_weights,
))
