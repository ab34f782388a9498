"""The CNN presets with their default settings, as a user runs them."""
import json

import pytest

from dlstudio.cli import main


def train(capsys, *args):
    assert main(["train", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out.splitlines()[-1])


def test_lenet5_on_digits_at_28(capsys):
    assert train(capsys, "lenet5", "--data", "digits:28")["val_accuracy"] >= 0.97


@pytest.mark.parametrize("preset", ["lenet5", "resnet"])
def test_small_cnns_learn_shapes(capsys, preset):
    assert train(capsys, preset, "--data", "shapes")["val_accuracy"] >= 0.95


@pytest.mark.parametrize("preset,params", [
    ("alexnet-full", 61_100_840), ("googlenet-full", 6_624_904),
    ("resnet18-full", 11_689_512), ("resnet50-full", 25_557_032)])
def test_summary_prints_the_published_parameter_count(capsys, preset, params):
    assert main(["summary", preset, "--json"]) == 0
    total = json.loads(capsys.readouterr().out)["total"]
    assert total["trainable"] == params
    assert main(["summary", preset]) == 0
    assert f"{params:,}" in capsys.readouterr().out
