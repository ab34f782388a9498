"""Element-wise activations and Softmax."""
from __future__ import annotations

from ...i18n import tr
from ..catalogue import Cost, LayerType, prod, register, schema
from ..params import Param


def _same(params, in_shapes):
    return in_shapes[0]


def _elementwise(flops_per_element: int):
    def rule(params, in_shapes, out):
        return Cost(flops=flops_per_element * prod(out))
    return rule


def _softmax_cost(params, in_shapes, out):
    # per row of F values: F exps, F - 1 adds, F divides
    f = out[-1]
    return Cost(flops=prod(out[:-1]) * (3 * f - 1))


def _activation(name, help, flops, params=(), keys=()):
    register(LayerType(name=name, group=tr("Activation"), help=help, shape_rule=_same,
                       schema=schema(*params), cost_rule=_elementwise(flops), summary_keys=keys))


_activation("Sigmoid", tr("σ(x) = 1 / (1 + e^-x): squashes to (0, 1); saturates, so gradients vanish in "
                          "deep stacks."), 4)
_activation("Tanh", tr("tanh(x): squashes to (-1, 1), zero-centred; still saturates for large |x|."), 1)
_activation("ReLU", tr("max(0, x): cheap, does not saturate for x > 0; units can 'die' at x < 0."), 1)
_activation("LeakyReLU", tr("x for x > 0, αx otherwise: a ReLU whose negative side keeps a small slope."), 2,
            params=(Param("alpha", "float", 0.01, tr("Slope for negative inputs."), minimum=0.0, maximum=1.0),),
            keys=("alpha",))
_activation("ELU", tr("x for x > 0, α(e^x − 1) otherwise: smooth, negative values push mean activations "
                      "to 0."), 4,
            params=(Param("alpha", "float", 1.0, tr("Value approached for very negative inputs (−α)."),
                          minimum=0.0, maximum=10.0),),
            keys=("alpha",))

register(LayerType(
    name="Softmax", group=tr("Activation"),
    help=tr("Turns the last axis into probabilities that sum to 1; pairs with the cross-entropy loss."),
    shape_rule=_same, cost_rule=_softmax_cost,
))
