"""The recurrent presets with their default settings, as a user runs them (the worked example
of long-range dependencies in docs/sequences.md)."""
import json

from dlstudio.cli import main


def train(capsys, *args):
    assert main(["train", *args, "--json"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    return lines[-1]


def test_lstm_solves_the_adding_problem_where_a_plain_rnn_cannot(capsys):
    lstm = train(capsys, "lstm", "--data", "adding:50")
    rnn = train(capsys, "rnn", "--data", "adding:50")
    assert lstm["val_loss"] < 0.01          # predicting the mean gives about 0.17
    assert rnn["val_loss"] > 0.1            # same size, same training: it cannot bridge 50 steps
    assert rnn["val_loss"] > 20 * lstm["val_loss"]


def test_lstm_reads_digits_row_by_row(capsys):
    assert train(capsys, "lstm", "--data", "digits-seq")["val_accuracy"] >= 0.90


def test_stacked_lstm_trains(capsys):
    done = train(capsys, "lstm-stacked", "--data", "digits-seq", "--epochs", "5")
    assert done["val_accuracy"] > 0.7
