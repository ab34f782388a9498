"""Issue 15 item 9: a damaged training.json or optimizer state in a .dls that loads made `evaluate`
and `train` crash (AttributeError, KeyError in join_flat, TypeError / KeyError / OverflowError from
numpy's random state). Each is now one ModelFileError naming the field at load time (or, for an
optimizer slot the network needs but the file lacks, a UserError before training)."""
from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path

import numpy as np
import pytest
from modelfile_helpers import members_of, rewrite

from dlstudio.cli import main
from dlstudio.io import ModelFileError, load_model
from dlstudio.run import UserError, prepare

DATA = "spirals?n=90"


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    path = tmp_path_factory.mktemp("tj") / "m.dls"
    assert main(["train", "mlp", "--data", DATA, "--epochs", "1", "--out", str(path)]) == 0
    return path


def edited(trained, tmp_path, edit) -> str:
    path = tmp_path / "e.dls"
    path.write_bytes(trained.read_bytes())
    training = json.loads(members_of(path)["training.json"])
    edit(training)
    rewrite(path, {"training.json": json.dumps(training).encode()})
    return str(path)


def put(keys: str, value):
    def edit(training):
        *parents, last = keys.split(".")
        d = training
        for k in parents:
            d = d[k]
        d[last] = value
    return edit


RNG = "trainer.shuffle_rng"


@pytest.mark.parametrize("field,value,named", [
    ("data", [1, 2], "data"), ("config.hyper", 0, "config.hyper"), ("config.loss", {}, "config.loss"),
    ("config.val_split", "x", "config.val_split"), ("config.batch_size", 0, "config.batch_size"),
    ("config.seed", -1, "config.seed"), ("optimizer.step", 1.5, "optimizer.step"),
    ("data.preprocessing", 3, "data.preprocessing"), (RNG, "x", RNG), (RNG + ".state", {}, RNG),
    ("trainer.dropout_rng.state.state", -1, "trainer.dropout_rng"), (RNG + ".bit_generator", "MT19937", RNG),
    ("trainer.epochs_done", 10**30, "trainer.epochs_done")])
def test_a_damaged_training_json_field_is_named_at_load(trained, tmp_path, field, value, named, capsys):
    path = edited(trained, tmp_path, put(field, value))
    with pytest.raises(ModelFileError, match="training.json: " + named):
        load_model(path)
    assert main(["evaluate", path, "--data", DATA]) != 0         # a message, not a traceback
    assert "training.json" in capsys.readouterr().err


def test_an_optimizer_slot_missing_for_a_trainable_weight_is_refused_before_training(trained, tmp_path):
    path = tmp_path / "s.dls"
    path.write_bytes(trained.read_bytes())
    arrays = dict(np.load(io.BytesIO(members_of(path)["optimizer.npz"])))
    dropped = sorted(arrays)[0]
    del arrays[dropped]
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    rewrite(path, {"optimizer.npz": buf.getvalue()})
    load_model(path)                                               # the file itself is readable
    with pytest.raises(UserError, match="optimizer.npz has no " + dropped):
        prepare(str(path), DATA)


def test_an_undamaged_file_still_evaluates_and_trains(trained, tmp_path):
    path = edited(trained, tmp_path, lambda training: None)
    assert main(["evaluate", path, "--data", DATA]) == 0
    run = prepare(path, DATA, epochs=2)
    assert run.trainer.run(1)["event"] == "done"


@pytest.mark.slow
def test_fuzzed_trained_files_are_refused_or_evaluate_and_train():
    """120 mutants of a trained file (benchmarks/fuzz_files.py --trained): training.json edited or an
    optimizer array dropped / reshaped / replaced. Before the checks 28 of 300 crashed."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz_files.py"
    spec = importlib.util.spec_from_file_location("dls_fuzz_trained", path)
    fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz)
    counts, failures = fuzz.run_trained(120, seed=15)
    assert not failures, failures[0]
    assert counts["trained refused"] > 10 and counts["trained trained"] > 10, counts
