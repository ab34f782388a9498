"""SimpleRNN and LSTM (gate order i, f, g, o)."""
from __future__ import annotations

from ...i18n import tr
from ..catalogue import Cost, LayerType, ShapeError, register, schema
from ..params import Param


def _seq_input(name, in_shapes):
    (s,) = in_shapes
    if len(s) != 2:
        hint = {1: tr(" — set return_sequences on the recurrent layer before it"),
                3: tr(" — images go to a CNN, or read them row by row as sequences (e.g. DATA digits-seq)")}
        raise ShapeError(tr("{name} needs a sequence input [T, F], got {shape}{hint}").format(
                             name=name, shape=list(s), hint=hint.get(len(s), '')))
    return s


def _rnn_shape(name):
    def rule(params, in_shapes):
        t, f = _seq_input(name, in_shapes)
        return (t, params["units"]) if params["return_sequences"] else (params["units"],)
    return rule


def _rnn_weights(gates):
    def rule(params, in_shapes):
        f, u = in_shapes[0][-1], params["units"]
        return {"kernel": ((f, gates * u), True), "recurrent_kernel": ((u, gates * u), True),
                "bias": ((gates * u,), True)}
    return rule


def _rnn_cost(gates, pointwise_per_unit):
    def rule(params, in_shapes, out):
        t, f = in_shapes[0]
        u = params["units"]
        macs_step = gates * u * (f + u)
        # per step: the two matrix products, the bias add, then the gate arithmetic
        flops_step = gates * u * (2 * f - 1) + gates * u * (2 * u - 1) + 2 * gates * u + pointwise_per_unit * u
        return Cost(trainable=gates * u * (f + u + 1), macs=t * macs_step, flops=t * flops_step)
    return rule


def _rnn_params():
    return schema(
        Param("units", "int", 32, tr("Size of the hidden state."), minimum=1, maximum=100_000),
        Param("return_sequences", "bool", False, tr("Output every time step [T, units] instead of the "
                                                    "last [units].")),
    )


register(LayerType(
    name="SimpleRNN", group=tr("Recurrent"),
    help=tr("h_t = tanh(x_t W + h_{t-1} U + b): a plain recurrent layer; struggles with long-range "
            "dependencies."),
    schema=_rnn_params(), shape_rule=_rnn_shape("SimpleRNN"), cost_rule=_rnn_cost(1, 1),
    weights_rule=_rnn_weights(1), summary_keys=("units", "return_sequences"),
))
register(LayerType(
    name="LSTM", group=tr("Recurrent"),
    help=tr("Long short-term memory: input, forget and output gates control a cell state that carries "
            "information far."),
    # gate nonlinearities (4) + c = f*c + i*g (3) + tanh(c) (1) + h = o*tanh(c) (1)
    schema=_rnn_params(), shape_rule=_rnn_shape("LSTM"), cost_rule=_rnn_cost(4, 9),
    weights_rule=_rnn_weights(4), summary_keys=("units", "return_sequences"),
))
