"""Loading experiment files: the built-ins, and every bad field named in one readable error."""
import json

import numpy as np
import pytest

from dlstudio.engine.model import Model
from dlstudio.experiments import ExperimentError, builtin_names, experiment_from_dict, load_experiment
from dlstudio.experiments.format import BUILTIN_DIR


def test_builtins_are_listed_sorted_and_load():
    names = builtin_names()
    assert names == sorted(names)
    assert {"linear-stack", "cross-entropy-vs-mse"} <= set(names)
    for n in names:
        e = load_experiment(n)
        assert e.name == n == (BUILTIN_DIR / f"{n}.json").stem
        assert e.claim and e.runs and e.verdict[-1].get("when") is None


def test_load_from_file_merges_settings(tiny_file):
    e = load_experiment(str(tiny_file()))
    lin, deep = e.runs
    assert lin.settings["lr"] == 0.02 and deep.settings["lr"] == 0.05
    assert deep.settings["epochs"] == 3 and deep.settings["batch_size"] == 16
    assert e.seeds == [0, 1] and e.val_split == 0.25 and e.claim_id is None
    assert e.path == str(tiny_file())


def test_chain_network_adapts_to_the_data(tiny_doc):
    e = experiment_from_dict(tiny_doc)
    net = e.runs[1].network_document((2,), 5)
    types = [n.type for n in net.nodes]
    assert types == ["Input", "Dense", "ReLU", "Dense"]
    assert net.nodes[0].params["shape"] == [2]
    assert net.nodes[-1].params["units"] == 5
    m = Model(net, dtype=np.float64)
    assert m.num_params == (2 * 8 + 8) + (8 * 5 + 5)


def test_preset_and_file_networks(tiny_doc, tmp_path):
    net = {"format": "dlstudio-network", "version": 1, "name": "n",
           "nodes": [{"id": "in", "type": "Input", "params": {"shape": [2]}},
                     {"id": "out", "type": "Dense", "params": {"units": 3}}],
           "edges": [["in", "out"]]}
    (tmp_path / "net.json").write_text(json.dumps(net))
    tiny_doc["runs"][0]["network"] = {"file": "net.json"}
    tiny_doc["runs"][1]["network"] = {"preset": "mlp"}
    p = tmp_path / "e.json"
    p.write_text(json.dumps(tiny_doc))
    e = load_experiment(str(p))
    assert [n.id for n in e.runs[0].network_document((2,), 3).nodes] == ["in", "out"]
    mlp = e.runs[1].network_document((2,), 4)
    assert mlp.nodes[0].params["shape"] == [2] and mlp.nodes[-1].params["units"] == 4


def _bad(doc, path, value):
    keys = path.split("/")
    d = doc
    for k in keys[:-1]:
        d = d[int(k)] if isinstance(d, list) else d[k]
    last = keys[-1]
    if value is KeyError:
        del d[last]
    elif isinstance(d, list):
        d[int(last)] = value
    else:
        d[last] = value
    return doc


@pytest.mark.parametrize("path, value, named", [
    ("format", "other", "format"),
    ("version", 2, "version"),
    ("name", "", "name"),
    ("claim", KeyError, "claim"),
    ("claim_id", "one", "claim_id"),
    ("article/lines", ["x"], "article.lines"),
    ("val_split", 1.5, "val_split"),
    ("seeds", [0, 0], "seeds"),
    ("seeds", [], "seeds"),
    ("measure", "nope", "measure"),
    ("options", {"speed": 1}, "options.speed"),
    ("defaults/epochs", 0, "defaults.epochs"),
    ("defaults/batch_size", "half", "defaults.batch_size"),
    ("defaults/optimizer", "adamw", "defaults.optimizer"),
    ("defaults/loss", "l3", "defaults.loss"),
    ("defaults/colour", "red", "defaults.colour"),
    ("runs/1/settings", {"lr": "abc"}, "runs[1].settings.lr"),
    ("runs/1/settings", {"clip_norm": -1}, "runs[1].settings.clip_norm"),
    ("runs/1/settings", {"speed": 2}, "runs[1].settings.speed"),
    ("runs/0/id", "1bad", "runs[0].id"),
    ("runs/1/id", "lin", "runs[1].id"),
    ("runs/0/extra", 1, "runs[0].extra"),
    ("runs/0/network", KeyError, "runs[0].network"),
    ("runs/0/network", {"preset": "nope"}, "runs[0].network.preset"),
    ("runs/0/network", {"chain": [["Dense2", {}]]}, "runs[0].network.chain[0]"),
    ("runs/0/network", {"chain": [["Dense"], "x"]}, "runs[0].network.chain[1]"),
    ("runs/0/network", {"file": "missing.json"}, "runs[0].network.file"),
    ("runs/0/network", {"document": {"nodes": "x"}}, "runs[0].network.document"),
    ("runs/0/network", {"recipe": 1}, "runs[0].network"),
    ("runs", [], "runs"),
    ("figures", {}, "figures"),
    ("figures/acc", "sideways.val_accuracy", "figures.acc"),
    ("figures/acc", "epochs_to.val_accuracy>0.5", "figures.acc"),
    ("verdict/0/then", "yes", "verdict[0].then"),
    ("verdict/0/when", "deep.acc.mean >", "verdict[0].when"),
    ("verdict/0/when", "other.acc.mean > 0", "verdict[0]"),
    ("verdict/0/when", "deep.speed.mean > 0", "verdict[0]"),
    ("verdict/0/because", "{deep.acc.median}", "verdict[0].because"),
    ("verdict/1/when", "1 > 0", "verdict[1]"),
    ("plots/0", {"title": "no series"}, "plots[0]"),
    ("plots/0/colour", "red", "plots[0].colour"),
    ("data", KeyError, "data"),
    ("surprise", 1, "surprise"),
])
def test_each_bad_field_is_named(tiny_doc, path, value, named):
    doc = _bad(tiny_doc, path, value)
    with pytest.raises(ExperimentError) as ei:
        experiment_from_dict(doc, path="my.json")
    msg = str(ei.value)
    assert msg.startswith(f"my.json: {named} "), msg
    assert "\n" not in msg


def test_fallback_must_be_last(tiny_doc):
    tiny_doc["verdict"].insert(0, {"then": "depends", "because": "x"})
    with pytest.raises(ExperimentError, match=r"verdict\[0\] is the fallback and must come last"):
        experiment_from_dict(tiny_doc)


def test_bad_json_and_unknown_name(tmp_path):
    p = tmp_path / "broken.json"
    p.write_text('{"format": ')
    with pytest.raises(ExperimentError, match="not valid JSON"):
        load_experiment(str(p))
    with pytest.raises(ExperimentError, match="no experiment 'nope'"):
        load_experiment("nope")
    p.write_text("[1]")
    with pytest.raises(ExperimentError, match="must be a JSON object"):
        load_experiment(str(p))


def test_the_package_has_no_qt():
    import ast
    from pathlib import Path
    import dlstudio.experiments as pkg
    for f in Path(pkg.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6") or ".gui" in n
                           or n.startswith("gui") for n in names), f"{f.name} imports {names}"
