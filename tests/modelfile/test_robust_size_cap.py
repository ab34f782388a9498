"""Issue 15 item 10: a small .dls whose network.json declares a huge network is refused at load
time, from the shapes alone, before anything is allocated for it (it made `evaluate` reach
19.6 GB: Input [50000] → Dense 50000 with a few weights)."""
from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from dlstudio.io import ModelBundle, ModelFileError, load_model, save_model
from dlstudio.io.modelfile import LIMITS, WEIGHTS
from dlstudio.io.size_check import MAX_PARAMS, MAX_SAMPLE_VALUES


def chain(shape, *layers) -> dict:
    nodes = [{"id": "in", "type": "Input", "params": {"shape": list(shape)}}]
    nodes += [{"id": nid, "type": type_, "params": params} for nid, type_, params in layers]
    return {"format": "dlstudio-network", "version": 1, "name": "n", "nodes": nodes,
            "edges": [[a["id"], b["id"]] for a, b in zip(nodes, nodes[1:])]}


def dense_weights(fan_in: int, units: int) -> dict[str, np.ndarray]:
    return {"d.kernel": np.zeros((fan_in, units), np.float32), "d.bias": np.zeros(units, np.float32)}


def saved(tmp_path, network, weights):
    path = tmp_path / "m.dls"
    save_model(path, ModelBundle(network=network, weights=weights, training={}))
    return path


def test_a_network_needing_more_parameters_than_the_weights_hold_is_refused(tmp_path):
    path = saved(tmp_path, chain([50000], ("d", "Dense", {"units": 50000})), dense_weights(2, 3))
    tracemalloc.start()
    try:
        with pytest.raises(ModelFileError, match=r"needs 2,500,050,000 parameters; a model file holds at most"):
            load_model(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 << 20, peak         # refused from the shapes: nothing of the 10 GB allocated
    small = saved(tmp_path, chain([5000], ("d", "Dense", {"units": 5000})), dense_weights(2, 3))
    with pytest.raises(ModelFileError, match=r"needs 25,005,000 parameters but the file holds only 9 weight"):
        load_model(small)


def test_a_network_no_weights_file_could_hold_is_refused_even_without_weights(tmp_path):
    assert MAX_PARAMS == LIMITS[WEIGHTS] // 4          # float32 parameters in the largest weights.npz
    with pytest.raises(ModelFileError, match=r"needs 2,500,050,000 parameters; a model file holds at most"):
        load_model(saved(tmp_path, chain([50000], ("d", "Dense", {"units": 50000})), {}))
    network_only = load_model(saved(tmp_path, chain([300], ("d", "Dense", {"units": 200})), {}))
    assert network_only.weights == {}


def test_one_samples_activations_are_capped(tmp_path):
    side = int(np.sqrt(MAX_SAMPLE_VALUES)) + 1             # a single image just over the cap
    net = chain([1, side, side], ("gap", "GlobalAvgPool2D", {}), ("d", "Dense", {"units": 1}))
    with pytest.raises(ModelFileError, match=r"activations would hold .*\(node 'in'"):
        load_model(saved(tmp_path, net, dense_weights(1, 1)))


def test_networks_within_the_limits_load(tmp_path):
    side = int(np.sqrt(MAX_SAMPLE_VALUES) / 2)
    net = chain([1, side, side], ("gap", "GlobalAvgPool2D", {}), ("d", "Dense", {"units": 4}))
    bundle = load_model(saved(tmp_path, net, dense_weights(1, 4)))
    assert bundle.weights["d.kernel"].shape == (1, 4)
    exact = load_model(saved(tmp_path, chain([30], ("d", "Dense", {"units": 20})), dense_weights(30, 20)))
    assert sum(w.size for w in exact.weights.values()) == 30 * 20 + 20
