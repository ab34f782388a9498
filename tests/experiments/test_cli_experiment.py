"""`dlstudio experiment`: list, run a file, --json, --out, and user mistakes exit 2 in one line."""
import json
from contextlib import nullcontext

import pytest

from dlstudio.cli import main
from dlstudio.experiments import builtin_names, load_experiment
from dlstudio.experiments.verdict import decide, lookup_in


def test_list(capsys):
    assert main(["experiment"]) == 0
    out = capsys.readouterr().out
    for name in builtin_names():
        e = load_experiment(name)
        line = next(ln for ln in out.splitlines() if ln.startswith(name + " "))
        assert e.title in line and f"#{e.claim_id}" in line


def test_run_a_file_as_json(capsys, tiny_file):
    path = tiny_file()
    assert main(["experiment", str(path), "--json", "--seeds", "3"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    r = json.loads(lines[0])
    assert r["name"] == "tiny" and r["seeds"] == [3] and r["stopped"] is False
    assert len(r["figures"]["deep.acc"]["values"]) == 1
    assert (r["verdict"], r["because"]) == decide(load_experiment(str(path)).verdict, lookup_in(r["figures"]))


def test_human_output(capsys, tiny_file):
    assert main(["experiment", str(tiny_file())]) == 0
    cap = capsys.readouterr()
    assert "claim: A hidden layer helps on blobs." in cap.out
    assert "verdict: " in cap.out and "hidden ReLU" in cap.out
    assert "[0/4] linear · seed 0" in cap.err


def test_out_writes_the_json(capsys, tiny_file, tmp_path):
    out = tmp_path / "out"
    assert main(["experiment", str(tiny_file()), "--json", "--out", str(out)]) == 0
    printed = json.loads(capsys.readouterr().out.strip().splitlines()[0])
    saved = json.loads((out / "tiny.json").read_text(encoding="utf-8"))
    assert saved["figures"] == printed["figures"] and saved["verdict"] == printed["verdict"]


@pytest.mark.parametrize("argv, says", [
    (["experiment", "no-such-experiment"], "no experiment 'no-such-experiment'"),
    (["experiment", "linear-stack", "--all"], "not both"),
    (["experiment", "linear-stack", "--seeds", "1,x"], "--seeds"),
])
def test_user_mistakes_exit_2(capsys, argv, says):
    with pytest.raises(SystemExit) if "--seeds" in argv else nullcontext():
        assert main(argv) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err


def test_bad_file_exits_2(capsys, tiny_file, tiny_doc, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{oops")
    assert main(["experiment", str(broken)]) == 2
    assert "not valid JSON" in capsys.readouterr().err
    tiny_doc["defaults"]["lr"] = "abc"
    assert main(["experiment", str(tiny_file(tiny_doc, "bad.json"))]) == 2
    err = capsys.readouterr().err.strip()
    assert "defaults.lr" in err and len(err.splitlines()) == 1
    tiny_doc["defaults"]["lr"] = 0.01
    tiny_doc["data"] = "nosuchdata"
    assert main(["experiment", str(tiny_file(tiny_doc, "bad2.json"))]) == 2
    assert "data" in capsys.readouterr().err

