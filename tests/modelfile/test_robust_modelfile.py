"""Issue 15 item 11 for .dls files: non-finite weights, NaN / huge numbers and deep nesting in the
JSON members are a ModelFileError naming the member."""
from __future__ import annotations

import json

import numpy as np
import pytest
from modelfile_helpers import load_fails, members_of, npz_bytes, rewrite


def test_nan_or_inf_weights_are_refused(saved):
    path, bundle = saved
    for bad in (np.nan, np.inf):
        weights = {k: np.array(v) for k, v in bundle.weights.items()}
        weights["conv1.kernel"] = weights["conv1.kernel"].copy()
        weights["conv1.kernel"][0, 0, 0, 0] = bad
        rewrite(path, {"weights.npz": npz_bytes(**weights)})
        message = load_fails(path, "weights.npz", "conv1.kernel", "NaN or infinite")
        assert message.count("conv1.kernel") >= 1 and "weights.npz" in message


@pytest.mark.parametrize("member,text,fragment", [
    ("network.json", None, "NaN"),
    ("training.json", '{"config": {"lr": Infinity}}', "Infinity"),
    ("training.json", '{"config": {"epochs": ' + "9" * 5000 + "}}", "digits"),
    ("training.json", '{"config": {"lr": 1e400}}', "too large"),
    ("history.json", "[" * 100000, "nested"),
], ids=["network-nan", "training-inf", "training-digits", "training-1e400", "history-deep"])
def test_bad_numbers_and_nesting_in_json_members(saved, member, text, fragment):
    path, _ = saved
    if text is None:
        net = json.loads(members_of(path)["network.json"])
        net["nodes"][1]["params"]["kernel_size"] = 987654321
        text = json.dumps(net).replace("987654321", "NaN")
    rewrite(path, {member: text.encode()})
    message = load_fails(path, member, fragment)
    assert member in message and fragment in message
