"""A tiny experiment document (blobs, two small networks, two epochs) for fast tests."""
import copy
import json

import pytest

TINY = {
    "format": "dlstudio-experiment", "version": 1,
    "name": "tiny", "title": "Tiny", "claim": "A hidden layer helps on blobs.", "claim_id": None,
    "article": {"lines": [10], "quote": "线性的组合还是线性"},
    "data": "blobs?n=120", "val_split": 0.25, "seeds": [0, 1],
    "defaults": {"epochs": 3, "batch_size": 16, "optimizer": "adam", "lr": 0.02, "loss": "cross_entropy"},
    "runs": [
        {"id": "lin", "label": "linear", "network": {"chain": [["Dense", {"units": "outputs"}]]}},
        {"id": "deep", "label": "hidden ReLU",
         "network": {"chain": [["Dense", {"units": 8}], ["ReLU", {}], ["Dense", {"units": "outputs"}]]},
         "settings": {"lr": 0.05}},
    ],
    "measure": "train",
    "figures": {"acc": "final.val_accuracy", "loss": "final.train_loss", "to": "epochs_to.val_accuracy>=0.5",
                "rough": "roughness.train_loss_batch", "params": "params"},
    "verdict": [
        {"when": "deep.acc.mean > lin.acc.mean", "then": "supported",
         "because": "deep {deep.acc.mean:.3f} vs linear {lin.acc.mean:.3f}"},
        {"then": "depends", "because": "linear {lin.acc.mean:.3f}"},
    ],
    "plots": [{"title": "Validation accuracy", "series": "val_accuracy", "x": "epoch", "y": "accuracy"}],
}


@pytest.fixture
def tiny_doc():
    return copy.deepcopy(TINY)


@pytest.fixture
def tiny_file(tmp_path, tiny_doc):
    def write(doc=None, name="tiny.json"):
        p = tmp_path / name
        p.write_text(json.dumps(tiny_doc if doc is None else doc, ensure_ascii=False), encoding="utf-8")
        return p
    return write
