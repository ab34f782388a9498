"""The .dls model file: round trips, atomic saves, versions."""
from __future__ import annotations

import io
import json
import math
import os
import struct
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest
from modelfile_helpers import (assert_arrays_identical, full_bundle, load_fails, members_of, network,
                               npy_bytes, rewrite, set_manifest, zip_bytes)

import dlstudio
from dlstudio.io import FORMAT, FORMAT_VERSION, ModelBundle, load_model, read_manifest, save_model
from dlstudio.io import modelfile


# ---- round trip --------------------------------------------------------------------------------

def test_round_trip_keeps_everything(saved):
    path, bundle = saved
    loaded = load_model(path)
    assert loaded.network == bundle.network
    assert loaded.training == bundle.training
    assert loaded.training["rng"]["state"]["state"] == 2**100 + 12345
    assert loaded.history == bundle.history
    assert_arrays_identical(loaded.weights, bundle.weights)
    assert loaded.weights["bn.moving_mean"].dtype.byteorder == ">"
    assert loaded.weights["bn.beta"].flags.f_contiguous
    assert loaded.optimizer_slots.keys() == bundle.optimizer_slots.keys()
    for slot in bundle.optimizer_slots:
        assert_arrays_identical(loaded.optimizer_slots[slot], bundle.optimizer_slots[slot])
    assert loaded.manifest == bundle.manifest
    for arr in loaded.weights.values():
        assert arr.flags.writeable


def test_manifest_is_filled_by_save(saved):
    path, bundle = saved
    m = bundle.manifest
    assert m["format"] == FORMAT == "dlstudio-model"
    assert m["format_version"] == FORMAT_VERSION == 1
    assert m["app_version"] == dlstudio.__version__
    created = datetime.strptime(m["created"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    assert abs((datetime.now(timezone.utc) - created).total_seconds()) < 120
    assert m["members"] == ["network.json", "weights.npz", "optimizer.npz", "training.json", "history.json"]
    assert read_manifest(path) == m
    assert set(members_of(path)) == {"manifest.json", *m["members"]}


def test_minimal_bundle_has_no_optimizer_member(tmp_path):
    path = tmp_path / "m.dls"
    save_model(path, ModelBundle(network=network(), weights={}))
    assert "optimizer.npz" not in members_of(path)
    loaded = load_model(path)
    assert loaded.weights == {} and loaded.optimizer_slots == {}
    assert loaded.training == {} and loaded.history == {}


def test_optional_members_may_be_absent(saved):
    path, _ = saved
    rewrite(path, {"optimizer.npz": None, "history.json": None})
    set_manifest(path, members=["network.json", "weights.npz", "training.json"])
    loaded = load_model(path)
    assert loaded.optimizer_slots == {} and loaded.history == {}


def test_nan_and_infinity_in_history_round_trip(tmp_path):
    path = tmp_path / "m.dls"
    save_model(path, ModelBundle(network(), {}, history={"batches": [float("nan"), float("inf"), 1.0]}))
    batches = load_model(path).history["batches"]
    assert math.isnan(batches[0]) and batches[1] == math.inf and batches[2] == 1.0


def test_numpy_scalars_in_json_become_plain_numbers(tmp_path):
    path = tmp_path / "m.dls"
    save_model(path, ModelBundle(network(), {}, training={"seed": np.int64(3), "lr": np.float32(0.5),
                                                          "flag": np.bool_(True), "shape": (1, 2)}))
    training = load_model(path).training
    assert training == {"seed": 3, "lr": 0.5, "flag": True, "shape": [1, 2]}
    assert type(training["seed"]) is int and type(training["flag"]) is bool


def test_unicode_node_ids_round_trip(tmp_path):
    net = {"nodes": [{"id": "卷积 1", "type": "Input", "params": {"shape": [2]}}], "edges": []}
    path = tmp_path / "ü.dls"
    save_model(path, ModelBundle(net, {"卷积 1.kernel": np.ones(2, np.float32)}))
    assert list(load_model(path).weights) == ["卷积 1.kernel"]


def test_plain_zipfile_and_numpy_can_read_the_file(saved):
    """What docs/file-format.md promises to people writing tools."""
    path, bundle = saved
    with zipfile.ZipFile(path) as zf:
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in zf.infolist())
        manifest = json.loads(zf.read("manifest.json"))
        net = json.loads(zf.read("network.json"))
        with zf.open("weights.npz") as f, np.load(io.BytesIO(f.read()), allow_pickle=False) as npz:
            weights = {k: npz[k] for k in npz.files}
        with np.load(io.BytesIO(zf.read("optimizer.npz")), allow_pickle=False) as npz:
            assert set(npz.files) == {"m/conv1.kernel", "m/out.kernel", "v/conv1.kernel"}
    assert manifest["format_version"] == 1 and net == bundle.network
    assert_arrays_identical(weights, bundle.weights)


# ---- saving: atomic, and refusing what cannot be stored -----------------------------------------

def test_overwrite_keeps_permissions_and_leaves_no_temp_files(saved, tmp_path):
    path, bundle = saved
    os.chmod(path, 0o640)
    bundle.training["epochs_done"] = 5
    save_model(path, bundle)
    assert load_model(path).training["epochs_done"] == 5
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["model.dls"]


def test_new_file_gets_the_usual_permissions(tmp_path):
    path = tmp_path / "m.dls"
    save_model(path, ModelBundle(network(), {}))
    umask = os.umask(0)
    os.umask(umask)
    assert os.stat(path).st_mode & 0o777 == 0o666 & ~umask


def test_save_through_a_symlink_writes_the_target(saved, tmp_path):
    path, bundle = saved
    link = tmp_path / "link.dls"
    link.symlink_to(path)
    bundle.training["epochs_done"] = 9
    save_model(link, bundle)
    assert link.is_symlink()
    assert load_model(path).training["epochs_done"] == 9


@pytest.mark.parametrize("where", ["savez", "replace", "fsync"])
def test_failed_save_leaves_original_untouched(saved, tmp_path, monkeypatch, where):
    path, bundle = saved
    before = path.read_bytes()

    def boom(*a, **k):
        raise OSError("disk full (simulated)")

    target = {"savez": (np, "savez"), "replace": (os, "replace"), "fsync": (os, "fsync")}[where]
    monkeypatch.setattr(*target, boom)
    bundle.training["epochs_done"] = 99
    with pytest.raises(OSError, match="simulated"):
        save_model(path, bundle)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["model.dls"]


def test_interrupted_save_removes_temp_file(saved, tmp_path, monkeypatch):
    path, bundle = saved

    def interrupt(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(np, "savez", interrupt)
    with pytest.raises(KeyboardInterrupt):
        save_model(path, bundle)
    assert os.listdir(tmp_path) == ["model.dls"]


def test_missing_parent_folder_is_a_clear_error(tmp_path):
    missing = tmp_path / "nope" / "deeper"
    with pytest.raises(FileNotFoundError, match="does not exist") as info:
        save_model(missing / "m.dls", ModelBundle(network(), {}))
    assert str(missing) in str(info.value)


def test_saving_onto_a_folder_is_a_clear_error(tmp_path):
    (tmp_path / "m.dls").mkdir()
    with pytest.raises(IsADirectoryError, match="folder"):
        save_model(tmp_path / "m.dls", ModelBundle(network(), {}))


class Opaque:
    pass


BAD_BUNDLES = {
    "object weight": lambda b: b.weights.update({"out.kernel": np.array([Opaque()], dtype=object)}),
    "bool weight": lambda b: b.weights.update({"out.kernel": np.ones(2, bool)}),
    "string weight": lambda b: b.weights.update({"out.kernel": np.array(["a"])}),
    "complex weight": lambda b: b.weights.update({"out.kernel": np.ones(2, np.complex64)}),
    "structured weight": lambda b: b.weights.update({"out.kernel": np.zeros(2, "f4,i4")}),
    "list weight": lambda b: b.weights.update({"out.kernel": [1.0, 2.0]}),
    "name without node": lambda b: b.weights.update({"kernel": np.ones(1, np.float32)}),
    "name with space": lambda b: b.weights.update({"out.ker nel": np.ones(1, np.float32)}),
    "name with slash": lambda b: b.weights.update({"a/b.kernel": np.ones(1, np.float32)}),
    "name not a string": lambda b: b.weights.update({3: np.ones(1, np.float32)}),
    "unknown node": lambda b: b.weights.update({"ghost.kernel": np.ones(1, np.float32)}),
    "object slot": lambda b: b.optimizer_slots["m"].update({"out.kernel": np.array([None], dtype=object)}),
    "slot for no weight": lambda b: b.optimizer_slots["m"].update({"out.other": np.ones(1, np.float32)}),
    "bad slot name": lambda b: b.optimizer_slots.update({"m/x": {}}),
    "array in training": lambda b: b.training.update({"key": np.arange(3)}),
    "int key in training": lambda b: b.training.update({"classes": {0: "cat"}}),
    "set in history": lambda b: b.history.update({"tags": {1, 2}}),
    "history batches not a list": lambda b: b.history.update({"batches": {}}),
    "training not a dict": lambda b: setattr(b, "training", [1]),
    "network not a document": lambda b: setattr(b, "network", {"nodes": "x"}),
    "network not a dict": lambda b: setattr(b, "network", "lenet5"),
    "deep json": lambda b: b.training.update({"deep": __import__("functools").reduce(
        lambda acc, _: [acc], range(500), [])}),
}


@pytest.mark.parametrize("case", list(BAD_BUNDLES))
def test_unsavable_content_is_a_value_error_before_touching_disk(tmp_path, case):
    bundle = full_bundle()
    BAD_BUNDLES[case](bundle)
    with pytest.raises(ValueError):
        save_model(tmp_path / "m.dls", bundle)
    assert os.listdir(tmp_path) == []


# ---- versions ----------------------------------------------------------------------------------

def test_old_files_go_through_the_upgrade_steps(saved, monkeypatch):
    """A file of version N opens in version N + 1 through _UPGRADES[N]."""
    path, bundle = saved
    calls = []

    def upgrade_1_to_2(parts):
        calls.append(sorted(parts))
        parts = dict(parts)
        parts["training.json"] = {**parts["training.json"], "upgraded": True}
        return parts

    monkeypatch.setattr(modelfile, "FORMAT_VERSION", 2)
    monkeypatch.setitem(modelfile._UPGRADES, 1, upgrade_1_to_2)
    monkeypatch.setitem(modelfile._LAYOUTS, 2, modelfile._LAYOUTS[1])
    loaded = load_model(path)
    assert calls == [sorted(bundle.manifest["members"])]
    assert loaded.training["upgraded"] is True
    assert loaded.manifest["format_version"] == 1          # the manifest says what the file is


def test_read_manifest_does_not_read_the_arrays(saved):
    path, bundle = saved
    rewrite(path, {"weights.npz": b"damaged"})
    assert read_manifest(path) == bundle.manifest
    load_fails(path, "weights.npz")


def test_save_needs_a_bundle(tmp_path):
    with pytest.raises(TypeError):
        save_model(tmp_path / "m.dls", {"network": network(), "weights": {}})
    assert os.listdir(tmp_path) == []


def test_docs_example_reads_a_saved_file(saved, monkeypatch, capsys):
    """The plain zipfile + numpy example in docs/file-format.md works on a real file."""
    path, bundle = saved
    doc = (Path(__file__).resolve().parents[2] / "docs" / "file-format.md").read_text(encoding="utf-8")
    example = doc.split("```python\n", 1)[1].split("```", 1)[0]
    assert "allow_pickle=False" in example
    monkeypatch.chdir(path.parent)
    scope: dict = {}
    exec(compile(example, "file-format.md", "exec"), scope)
    assert_arrays_identical(scope["weights"], bundle.weights)
    assert scope["network"] == bundle.network
    assert scope["slots"].keys() == bundle.optimizer_slots.keys()
    assert "conv1 Conv2D" in capsys.readouterr().out


def test_zip64_directory_claiming_a_million_arrays_is_refused_before_parsing(saved):
    path, _ = saved
    data = zip_bytes({"out.kernel.npy": npy_bytes(np.ones(2, np.float32))})
    eocd = list(struct.unpack("<4s4H2LH", data[-22:]))
    body, cd_size, cd_offset = data[:-22], eocd[5], eocd[6]
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, 10**6, 10**6, cd_size, cd_offset)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, len(body), 1)
    eocd[3] = eocd[4] = 0xFFFF
    rewrite(path, {"weights.npz": body + record + locator + struct.pack("<4s4H2LH", *eocd)})
    load_fails(path, "weights.npz", "more entries")
