"""Recurrent presets: a plain RNN, an LSTM and a two-layer LSTM, for sequences [T, F]."""
from __future__ import annotations

from ..spec import Network
from ..spec.layout import apply_layout

UNITS = 64


def _build(name: str, cells: list[tuple[str, str, dict]], sample_shape: tuple, outputs: int) -> Network:
    net = Network(name=name)
    layers = [("input", "Input", {"shape": list(sample_shape)}), *cells,
              ("output", "Dense", {"units": outputs})]
    prev = None
    for nid, type_, params in layers:
        net.add(nid, type_, params, after=prev)
        prev = nid
    return apply_layout(net)


def rnn(sample_shape: tuple, outputs: int) -> Network:
    return _build("RNN", [("rnn", "SimpleRNN", {"units": UNITS})], sample_shape, outputs)


def lstm(sample_shape: tuple, outputs: int) -> Network:
    return _build("LSTM", [("lstm", "LSTM", {"units": UNITS})], sample_shape, outputs)


def lstm_stacked(sample_shape: tuple, outputs: int) -> Network:
    return _build("Stacked LSTM", [("lstm1", "LSTM", {"units": UNITS, "return_sequences": True}),
                                   ("lstm2", "LSTM", {"units": UNITS})], sample_shape, outputs)
