"""The command line as a user runs it: train, summary, evaluate, predict, resume, errors."""
import json
import subprocess
import sys

import numpy as np
import pytest

from dlstudio.cli import main
from dlstudio.io import load_model


def run_cli(capsys, *args):
    try:
        code = main(list(args))
    except SystemExit as e:  # argparse's own errors
        code = e.code
    out, err = capsys.readouterr()
    return code, out, err


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("data", ["spirals", "digits"])
def test_mlp_preset_reaches_95_percent_with_its_defaults(capsys, data):
    code, out, err = run_cli(capsys, "train", "mlp", "--data", data, "--json")
    assert code == 0, err
    events = json_lines(out)
    epochs = [e for e in events if e["event"] == "epoch"]
    assert set(epochs[0]) == {"event", "epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy",
                              "train_mae", "val_mae", "samples_per_s"}
    assert epochs[0]["train_mae"] is None and epochs[0]["val_mae"] is None  # classification: accuracy
    assert events[-1]["event"] == "done"
    assert events[-1]["val_accuracy"] >= 0.95


def test_regression_runs_report_the_mean_absolute_error(tmp_path, capsys):
    model = tmp_path / "sine.dls"
    code, out, err = run_cli(capsys, "train", "rnn", "--data", "sine?n=300", "--epochs", "2", "--out", str(model),
                             "--json")
    assert code == 0, err
    epochs = [e for e in json_lines(out) if e["event"] == "epoch"]
    assert all(e["val_accuracy"] is None and e["train_accuracy"] is None for e in epochs)
    assert all(e["val_mae"] > 0 and e["train_mae"] > 0 for e in epochs)
    # evaluate's MAE is the mean |prediction - target| of the saved model over the data
    from dlstudio.run import load_data, model_for_inference
    m, _ = model_for_inference(str(model))
    code, out, err = run_cli(capsys, "evaluate", str(model), "--data", "sine?n=300", "--json")
    assert code == 0, err
    r = json.loads(out.strip().splitlines()[-1])
    assert r["accuracy"] is None and r["mae"] > 0
    ds = load_data("sine?n=300")
    pred = m.predict(ds.x).reshape(len(ds), -1)
    assert r["mae"] == pytest.approx(float(np.mean(np.abs(pred - ds.y.reshape(len(ds), -1)))), rel=1e-5)
    code, out, _ = run_cli(capsys, "train", "rnn", "--data", "sine?n=300", "--epochs", "1")
    assert code == 0 and "val MAE" in out


def test_train_save_resume_evaluate_predict(tmp_path, capsys):
    model = tmp_path / "m.dls"
    code, out, _ = run_cli(capsys, "train", "mlp", "--data", "xor", "--epochs", "3", "--out", str(model), "--json")
    assert code == 0 and model.is_file()
    b = load_model(model)
    assert b.training["epochs_done"] == 3 and len(b.history["epochs"]) == 3
    # a .dls SPEC continues the run and is updated in place; epochs are counted on
    code, out, _ = run_cli(capsys, "train", str(model), "--epochs", "2", "--json")
    assert code == 0
    assert [e["epoch"] for e in json_lines(out) if e["event"] == "epoch"] == [4, 5]
    b = load_model(model)
    assert b.training["epochs_done"] == 5 and [h["epoch"] for h in b.history["epochs"]] == [1, 2, 3, 4, 5]
    code, out, _ = run_cli(capsys, "evaluate", str(model), "--data", "xor", "--json")
    result = json.loads(out)
    assert code == 0 and result["samples"] == 1000 and 0 <= result["accuracy"] <= 1
    for suffix in (".npy", ".csv"):
        pred = tmp_path / f"p{suffix}"
        code, _, _ = run_cli(capsys, "predict", str(model), "--data", "xor", "--out", str(pred))
        assert code == 0
        arr = np.load(pred) if suffix == ".npy" else np.loadtxt(pred, delimiter=",")
        assert arr.shape == (1000, 2)


def test_resume_through_a_file_is_exact(tmp_path, capsys):
    straight, split_run = tmp_path / "a.dls", tmp_path / "b.dls"
    common = ["--data", "digits", "--optimizer", "momentum", "--lr", "0.05", "--batch-size", "50"]
    assert run_cli(capsys, "train", "mlp", *common, "--epochs", "2", "--out", str(straight))[0] == 0
    assert run_cli(capsys, "train", "mlp", *common, "--epochs", "1", "--out", str(split_run))[0] == 0
    assert run_cli(capsys, "train", str(split_run), "--epochs", "1")[0] == 0
    a, b = load_model(straight), load_model(split_run)
    assert a.weights.keys() == b.weights.keys()
    for name in a.weights:
        np.testing.assert_array_equal(a.weights[name], b.weights[name], err_msg=name)
    assert a.history["epochs"][-1]["val_loss"] == b.history["epochs"][-1]["val_loss"]


def test_summary_table_and_json(capsys):
    code, out, _ = run_cli(capsys, "summary", "mlp", "--data", "spirals")
    assert code == 0 and "dense2" in out and "4,547" in out
    code, out, _ = run_cli(capsys, "summary", "mlp", "--data", "spirals", "--json")
    s = json.loads(out)
    assert s["total"]["params"] == 4547 == sum(r["params"] for r in s["layers"])


def test_summary_of_a_json_network_with_a_problem(tmp_path, capsys):
    doc = {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [1, 4, 4]}},
                     {"id": "c", "type": "Conv2D", "params": {"kernel_size": 5}}], "edges": [["in", "c"]]}
    f = tmp_path / "net.json"
    f.write_text(json.dumps(doc))
    code, out, err = run_cli(capsys, "summary", str(f))
    assert code == 2 and "c: Conv2D kernel 5×5" in err


@pytest.mark.parametrize("args,message", [
    (["train", "nope", "--data", "digits"], "unknown network 'nope'"),
    (["train", "mlp", "--data", "nope"], "unknown data source"),
    (["train", "mlp", "--data", "digits", "--lr", "-1"], "lr must be"),
    (["train", "mlp", "--data", "digits", "--optimizer", "foo"], "unknown optimizer"),
    (["train", "mlp", "--data", "digits", "--loss", "foo"], "unknown loss"),
    (["train", "mlp", "--data", "digits", "--val-split", "2"], "val-split"),
    (["train", "missing.dls", "--data", "digits"], "missing.dls"),
    (["evaluate", "missing.dls", "--data", "digits"], "missing.dls"),
    (["train", "mlp", "--data", "digits", "--batch-size", "0"], "--batch-size"),
    (["bench", "--case", "nope"], "unknown benchmark case"),
])
def test_user_mistakes_give_one_line_and_exit_2(capsys, args, message):
    code, out, err = run_cli(capsys, *args)
    assert code == 2
    assert message in err and "Traceback" not in err


def test_a_network_that_does_not_fit_the_data_is_a_clear_error(tmp_path, capsys):
    doc = {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [3]}},
                     {"id": "out", "type": "Dense", "params": {"units": 2}}], "edges": [["in", "out"]]}
    f = tmp_path / "net.json"
    f.write_text(json.dumps(doc))
    code, _, err = run_cli(capsys, "train", str(f), "--data", "xor")
    assert code == 2 and "shape [2]" in err and "expects [3]" in err
    doc["nodes"][0]["params"]["shape"] = [2]
    doc["nodes"][1]["params"]["units"] = 5
    f.write_text(json.dumps(doc))
    code, _, err = run_cli(capsys, "train", str(f), "--data", "xor")
    assert code == 2 and "2 classes" in err and "'out'" in err


def test_the_installed_command_runs_without_a_traceback(tmp_path):
    r = subprocess.run([sys.executable, "-m", "dlstudio.cli", "train", "mlp", "--data", "nope"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


def test_bench_prints_one_json_object_per_case(capsys):
    code, out, err = run_cli(capsys, "bench", "--case", "mlp_train", "--json", "--repeat", "1")
    assert code == 0, err
    (row,) = json_lines(out)
    assert row["case"] == "mlp_train" and row["batch"] == 32 and row["shape"] == [2]
    assert row["unit"] == "samples/s" and row["dlstudio"] > 0
    if row["torch"] is None:  # PyTorch not installed: no ratio
        assert row["ratio"] is None
    else:
        assert row["ratio"] == pytest.approx(row["dlstudio"] / row["torch"], rel=1e-2)


def test_evaluation_uses_the_recorded_normalisation(tmp_path, capsys):
    model = tmp_path / "n.dls"
    assert run_cli(capsys, "train", "mlp", "--data", "digits?normalize=standard", "--epochs", "3",
                   "--out", str(model))[0] == 0
    stats = load_model(model).training["data"]["preprocessing"]["normalize"]
    assert len(stats["mean"]) == 1 and stats["std"][0] > 0
    _, out, _ = run_cli(capsys, "evaluate", str(model), "--data", "digits", "--json")
    recorded = json.loads(out)
    _, out, _ = run_cli(capsys, "evaluate", str(model), "--data", "digits?normalize=none", "--json")
    raw = json.loads(out)
    assert recorded["accuracy"] > 0.9 and recorded["value"] < raw["value"]


def test_a_preset_or_an_existing_model_file_as_the_only_argument_opens_the_app(tmp_path):
    """docs/app.md: `dlstudio SPEC` — the app, not the command parser's "invalid choice"."""
    from dlstudio.cli import _opens_a_spec
    model = tmp_path / "m.dls"
    model.write_bytes(b"")
    assert _opens_a_spec(["lenet5"]) and _opens_a_spec([str(model), "--lang", "en"])
    assert not _opens_a_spec(["train", "lenet5"]) and not _opens_a_spec(["trian"])
    assert not _opens_a_spec([str(tmp_path / "missing.dls")])
