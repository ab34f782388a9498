"""The size of a model file's network, checked before anything is allocated for it (issue 15 item 10).

Building a network allocates its parameters (and as much again for the gradients, more for the
optimizer) and runs one sample's activations through every layer, so a few kilobytes of
`network.json` could ask for gigabytes. From the shapes alone (the network analysis, no arrays):

- the network may not need more than MAX_PARAMS parameters, what `weights.npz` can hold at most
  (2 GiB, `modelfile.LIMITS`) in float32;
- when the file holds weights, the network may not need more parameters than they hold: a network
  asking for more cannot be the one those weights were trained for (a file saved with no weights
  at all is a network alone);
- one sample's activations, summed over the layers, may hold at most MAX_SAMPLE_VALUES numbers.

Networks with a problem (an unknown layer, a shape that does not fit) are left to the places that
already report those problems.
"""
from __future__ import annotations

import math

import numpy as np

from dlstudio.i18n import tr
from dlstudio.spec import analyze
from dlstudio.spec.document import Network

from ._safezip import BadFile

MAX_SAMPLE_VALUES = 1 << 28      # numbers in one sample's activations over all layers (1 GiB in float32)
MAX_PARAMS = (2 << 30) // 4      # float32 parameters in the largest weights.npz (modelfile.LIMITS)


def _values(shape) -> int:
    if not isinstance(shape, (list, tuple)) or not all(isinstance(d, int) and d >= 0 for d in shape):
        return 0                 # an unknown size (e.g. a sequence of any length) is not counted
    return math.prod(shape)


def check_network_size(network: dict, weights: dict[str, np.ndarray]) -> None:
    """Raise BadFile when the network needs more than MAX_PARAMS parameters or more than `weights`
    hold (if any), or one sample's activations exceed MAX_SAMPLE_VALUES. `network` has already passed the document checks."""
    a = analyze(Network.from_dict(network))
    if not a.ok:
        return
    needed = a.total.params
    held = sum(int(w.size) for w in weights.values())
    if needed > MAX_PARAMS:
        raise BadFile(tr("network.json: the network needs {needed:,} parameters; a model file holds at "
                         "most {most:,}").format(needed=needed, most=MAX_PARAMS))
    if weights and needed > held:
        raise BadFile(tr("weights.npz: the network needs {needed:,} parameters but the file holds only "
                         "{held:,} weight values; network.json does not belong to these weights").format(
                          needed=needed, held=held))
    values = sum(_values(a.shapes.get(nid)) for nid in a.order)
    if values > MAX_SAMPLE_VALUES:
        biggest = max(a.order, key=lambda nid: _values(a.shapes.get(nid)))
        raise BadFile(tr("network.json: one sample's activations would hold {values:,} numbers (node "
                         "{node!r} alone {node_values:,}); at most {most:,} are accepted").format(
                          values=values, node=biggest, node_values=_values(a.shapes[biggest]),
                          most=MAX_SAMPLE_VALUES))
