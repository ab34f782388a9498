"""The .dls model file: round trips, atomic saves, and every kind of damaged file."""
from __future__ import annotations

import io
import json
import math
import os
import random
import struct
import warnings
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest

import dlstudio
from dlstudio.io import (FORMAT, FORMAT_VERSION, ModelBundle, ModelFileError, load_model, read_manifest,
                         save_model)
from dlstudio.io import modelfile
from dlstudio.io._safezip import BadFile, CappedReader, read_capped


# ---- fixtures and helpers ------------------------------------------------------------------------

def network() -> dict:
    return {"format": "dlstudio-network", "version": 1, "name": "tiny",
            "nodes": [{"id": "in", "type": "Input", "params": {"shape": [1, 6, 6]}, "pos": [0.0, 0.0]},
                      {"id": "conv1", "type": "Conv2D", "params": {"filters": 2, "kernel_size": 3},
                       "pos": [120.0, 40.5]},
                      {"id": "bn", "type": "BatchNorm"},
                      {"id": "flat", "type": "Flatten"},
                      {"id": "out", "type": "Dense", "params": {"units": 3}}],
            "edges": [["in", "conv1"], ["conv1", "bn"], ["bn", "flat"], ["flat", "out"]]}


def full_bundle() -> ModelBundle:
    rng = np.random.default_rng(7)
    weights = {
        "conv1.kernel": rng.standard_normal((2, 1, 3, 3)).astype(np.float32),
        "conv1.bias": np.zeros(2, np.float32),
        "bn.gamma": np.ones(2, np.float64),
        "bn.beta": np.asfortranarray(rng.standard_normal((2, 3)).astype(np.float16)),
        "bn.moving_mean": np.arange(2, dtype=">f4"),          # big-endian kept as saved
        "bn.moving_var": np.array(3, dtype=np.int8),           # 0-d
        "out.kernel": rng.standard_normal((32, 3)).astype(np.float32),
        "out.bias": np.zeros((0, 3), np.uint16),               # empty
        "out.count": np.array([2**63 - 1, -5], np.int64),
    }
    slots = {"m": {"conv1.kernel": np.full((2, 1, 3, 3), 0.5, np.float32),
                   "out.kernel": np.zeros((32, 3), np.float32)},
             "v": {"conv1.kernel": np.full((2, 1, 3, 3), 1e-8, np.float32)}}
    training = {"loss": "cross_entropy",
                "optimizer": {"name": "adam", "hyper": {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999,
                                                        "eps": 1e-8}, "step": 123},
                "batch_size": "full", "epochs_done": 4, "data": {"source": "digits"}, "seed": 42,
                "val_split": 0.2,
                "rng": {"bit_generator": "PCG64", "state": {"state": 2**100 + 12345, "inc": 2**127 + 1},
                        "has_uint32": 0, "uinteger": 0},
                "preprocessing": {"scale": [0.5, 0.25], "classes": ["a", "ß", "猫"]}}
    history = {"batches": [{"loss": 2.3, "step": 1}, {"loss": 1.9, "step": 2}],
               "epochs": [{"epoch": 1, "train_loss": 2.0, "val_loss": None, "val_accuracy": 0.5}]}
    return ModelBundle(network=network(), weights=weights, training=training, optimizer_slots=slots,
                       history=history)


def assert_arrays_identical(a: dict, b: dict) -> None:
    assert list(a) == list(b)
    for k in a:
        assert a[k].dtype == b[k].dtype, k
        assert a[k].shape == b[k].shape, k
        assert a[k].tobytes(order="A") == b[k].tobytes(order="A"), k
        assert np.array_equal(a[k], b[k]), k


@pytest.fixture
def saved(tmp_path):
    """A valid file and the bundle it was saved from."""
    path = tmp_path / "model.dls"
    bundle = full_bundle()
    save_model(path, bundle)
    return path, bundle


def members_of(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def write_zip(path, members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")           # duplicate names are made on purpose in some tests
        with zipfile.ZipFile(path, "w", compression) as zf:
            for name, data in members.items() if isinstance(members, dict) else members:
                zf.writestr(name, data)


def rewrite(path, changes: dict) -> None:
    """Rewrite the file with members replaced (bytes) or removed (None)."""
    members = members_of(path)
    for name, data in changes.items():
        if data is None:
            members.pop(name, None)
        else:
            members[name] = data
    write_zip(path, members)


def set_manifest(path, **fields) -> None:
    manifest = json.loads(members_of(path)["manifest.json"])
    manifest.update(fields)
    rewrite(path, {"manifest.json": json.dumps(manifest).encode()})


def npz_bytes(**arrays) -> bytes:
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def npy_bytes(array, allow_pickle=False) -> bytes:
    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=allow_pickle)
    return buf.getvalue()


def zip_bytes(members: dict[str, bytes], compression=zipfile.ZIP_STORED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def patch_directory_entry(path, member: str, offset: int, fmt: str, value) -> None:
    """Overwrite one field of `member`'s central directory record in place."""
    data = bytearray(path.read_bytes())
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:
        nlen = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46:pos + 46 + nlen]) == member.encode():
            struct.pack_into(fmt, data, pos + offset, value)
            path.write_bytes(bytes(data))
            return
        pos += 4
    raise AssertionError(f"no directory entry for {member}")


def load_fails(path, *fragments) -> str:
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    message = str(info.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message, message
    return message


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


# ---- damaged files: every one is a ModelFileError -------------------------------------------------

def test_missing_file(tmp_path):
    load_fails(tmp_path / "absent.dls", "no such file")
    with pytest.raises(ModelFileError, match="no such file"):
        read_manifest(tmp_path / "absent.dls")


def test_folder_instead_of_file(tmp_path):
    (tmp_path / "dir.dls").mkdir()
    load_fails(tmp_path / "dir.dls", "folder")


def test_empty_file(tmp_path):
    (tmp_path / "e.dls").write_bytes(b"")
    load_fails(tmp_path / "e.dls", "empty")


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes(tmp_path, seed):
    path = tmp_path / "r.dls"
    path.write_bytes(random.Random(seed).randbytes(50 + 1000 * seed))
    load_fails(path, "not a dlstudio model file")
    with pytest.raises(ModelFileError):
        read_manifest(path)


@pytest.mark.parametrize("keep", [1, 4, 30, 100, 0.25, 0.5, 0.9, -23, -22, -1])
def test_truncated_file(saved, keep):
    path, _ = saved
    data = path.read_bytes()
    cut = keep if isinstance(keep, int) and keep > 0 else (
        len(data) + keep if isinstance(keep, int) else int(len(data) * keep))
    path.write_bytes(data[:cut])
    load_fails(path)
    with pytest.raises(ModelFileError):
        read_manifest(path)


def test_flipped_bytes_never_raise_anything_else(saved):
    """Flip bytes all over the file: each load either succeeds or is a ModelFileError."""
    path, _ = saved
    data = path.read_bytes()
    rng = random.Random(1)
    positions = sorted(set(range(0, len(data), max(1, len(data) // 250))) | {len(data) - i for i in range(1, 23)})
    failures = 0
    for pos in positions:
        damaged = bytearray(data)
        damaged[pos] ^= rng.randrange(1, 256)
        path.write_bytes(bytes(damaged))
        try:
            load_model(path)
        except ModelFileError:
            failures += 1
    assert failures > len(positions) // 2


def test_some_other_zip(tmp_path):
    path = tmp_path / "other.dls"
    write_zip(path, {"word/document.xml": b"<xml/>"})
    load_fails(path, "no manifest.json")


def test_manifest_of_another_format(saved):
    path, _ = saved
    set_manifest(path, format="something-else")
    load_fails(path, "not a dlstudio model file", "something-else")


@pytest.mark.parametrize("member", ["network.json", "weights.npz", "training.json"])
def test_required_member_missing(saved, member):
    path, _ = saved
    rewrite(path, {member: None})
    load_fails(path, member)
    members = [m for m in read_manifest_raw(path)["members"] if m != member]
    set_manifest(path, members=members)
    load_fails(path, member)


def read_manifest_raw(path) -> dict:
    return json.loads(members_of(path)["manifest.json"])


def test_unexpected_member(saved):
    path, _ = saved
    members = members_of(path)
    members["payload.py"] = b"print('hi')"
    write_zip(path, members)
    load_fails(path, "unexpected member", "payload.py")
    with pytest.raises(ModelFileError, match="unexpected member"):
        read_manifest(path)


def test_member_present_but_not_listed(saved):
    path, _ = saved
    set_manifest(path, members=["network.json", "weights.npz", "training.json", "history.json"])
    load_fails(path, "does not list")


def test_member_listed_but_missing(saved):
    path, _ = saved
    rewrite(path, {"history.json": None})
    load_fails(path, "history.json", "missing")


def test_duplicate_member(saved):
    path, _ = saved
    members = list(members_of(path).items()) + [("network.json", b"{}")]
    write_zip(path, members)
    load_fails(path, "twice")


def test_too_many_members(saved):
    path, _ = saved
    members = members_of(path)
    members.update({f"x{i}": b"" for i in range(20)})
    write_zip(path, members)
    load_fails(path, "more entries")


@pytest.mark.parametrize("version", [2, 17])
def test_newer_format_version_is_refused_with_both_versions(saved, version):
    path, _ = saved
    members = members_of(path)
    members["new-in-v2.json"] = b"{}"                  # a newer file may hold members we do not know
    manifest = json.loads(members["manifest.json"])
    manifest.update(format_version=version, members=manifest["members"] + ["new-in-v2.json"])
    members["manifest.json"] = json.dumps(manifest).encode()
    write_zip(path, members)
    message = load_fails(path, "newer dlstudio", str(version), f"up to {FORMAT_VERSION}", "Update dlstudio")
    assert "unexpected" not in message
    with pytest.raises(ModelFileError, match="newer dlstudio"):
        read_manifest(path)


@pytest.mark.parametrize("version", ["1", 0, -1, 1.0, True, None])
def test_invalid_format_version(saved, version):
    path, _ = saved
    set_manifest(path, format_version=version)
    load_fails(path, "format_version")


@pytest.mark.parametrize("field,value", [("app_version", 1), ("created", None), ("members", "all"),
                                         ("members", [1, 2])])
def test_invalid_manifest_fields(saved, field, value):
    path, _ = saved
    set_manifest(path, **{field: value})
    load_fails(path, field)


@pytest.mark.parametrize("member", ["manifest.json", "network.json", "training.json", "history.json"])
@pytest.mark.parametrize("content", [b"{not json", b"", b"\xff\xfe\x00garbage", b"[" * 100_000,
                                     b"[1, 2]", b'"text"', b"null", b"1" * 5000])
def test_json_members_not_json_or_wrong_type(saved, member, content):
    path, _ = saved
    rewrite(path, {member: content})
    load_fails(path, member)


def test_json_member_deeply_nested_object(saved):
    path, _ = saved
    rewrite(path, {"training.json": b'{"a":' * 50_000 + b"1" + b"}" * 50_000})
    load_fails(path, "training.json")


def test_network_json_not_a_network(saved):
    path, _ = saved
    rewrite(path, {"network.json": json.dumps({"nodes": [{"id": 1}], "edges": []}).encode()})
    load_fails(path, "network.json")


def touch(path):
    open(path, "w").close()


class MarkerPayload:
    """Unpickling this creates a marker file: proof that a pickle was executed."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (touch, (self.marker,))


def pickled_npy(marker) -> bytes:
    return npy_bytes(np.array([MarkerPayload(marker), 1], dtype=object), allow_pickle=True)


@pytest.mark.parametrize("member", ["weights.npz", "optimizer.npz"])
def test_pickle_inside_npz_is_never_executed(saved, tmp_path, member):
    path, _ = saved
    marker = tmp_path / "pwned"
    payload = pickled_npy(marker)
    # the payload is live: loading it with pickles allowed does create the marker
    np.load(io.BytesIO(payload), allow_pickle=True)
    assert marker.exists()
    marker.unlink()
    key = "out.kernel" if member == "weights.npz" else "m/out.kernel"
    rewrite(path, {member: zip_bytes({key + ".npy": payload})})
    load_fails(path, "pickled")
    assert not marker.exists()


def test_npz_member_that_is_a_bare_pickle(saved, tmp_path):
    import pickle

    path, _ = saved
    marker = tmp_path / "pwned"
    rewrite(path, {"weights.npz": pickle.dumps(MarkerPayload(marker))})
    load_fails(path, "weights.npz")
    assert not marker.exists()


@pytest.mark.parametrize("content", [b"", b"not an npz at all", "npy", "pickled-zip-member"])
def test_npz_that_is_not_an_npz(saved, content):
    path, _ = saved
    if content == "npy":
        content = npy_bytes(np.ones(3, np.float32))
    elif content == "pickled-zip-member":
        content = zip_bytes({"out.kernel.npy": b"\x80\x04K\x01."})
    rewrite(path, {"weights.npz": content})
    load_fails(path, "weights.npz")


@pytest.mark.parametrize("array", [np.ones(2, bool), np.array(["x"]), np.zeros(2, "f4,i4"),
                                   np.ones(2, np.complex128), np.zeros(2, "V4")], ids=str)
def test_npz_with_non_numeric_array(saved, array):
    path, _ = saved
    rewrite(path, {"weights.npz": npz_bytes(**{"out.kernel": array})})
    load_fails(path, "out.kernel")


@pytest.mark.parametrize("entry", ["kernel.npy", "ghost.kernel.npy", "out.ker nel.npy", "readme.txt",
                                   ".npy", "out.kernel"])
def test_npz_with_bad_names(saved, entry):
    path, _ = saved
    rewrite(path, {"weights.npz": zip_bytes({entry: npy_bytes(np.ones(2, np.float32))})})
    load_fails(path)


@pytest.mark.parametrize("key", ["m.out.kernel", "m/out.missing", "m-x/out.kernel"])
def test_optimizer_with_bad_keys(saved, key):
    path, _ = saved
    rewrite(path, {"optimizer.npz": zip_bytes({key + ".npy": npy_bytes(np.ones(2, np.float32))})})
    load_fails(path, "optimizer")


@pytest.mark.parametrize("change", ["short", "long", "header", "version"])
def test_npy_whose_size_does_not_match_its_header(saved, change):
    path, _ = saved
    raw = npy_bytes(np.arange(10, dtype=np.float32))
    raw = {"short": raw[:-8], "long": raw + b"\0" * 8,
           "header": raw.replace(b"(10,)", b"(99,)"), "version": raw[:6] + b"\x09\x00" + raw[8:]}[change]
    rewrite(path, {"weights.npz": zip_bytes({"out.kernel.npy": raw})})
    load_fails(path, "out.kernel")


def test_npy_with_huge_claimed_shape_is_refused_without_allocating(saved):
    path, _ = saved
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, {"descr": "<f4", "fortran_order": False, "shape": (10**12,)})
    rewrite(path, {"weights.npz": zip_bytes({"out.kernel.npy": buf.getvalue() + b"\0" * 40})})
    load_fails(path, "out.kernel", "truncated")


def test_encrypted_member_is_refused(saved):
    path, _ = saved
    patch_directory_entry(path, "training.json", 8, "<H", 0x1)
    load_fails(path, "encrypted")


def test_unsupported_compression_is_refused(saved):
    path, _ = saved
    write_zip(path, members_of(path), compression=zipfile.ZIP_BZIP2)
    load_fails(path, "compression")


def test_big_json_integer_beyond_python_limit(saved):
    path, _ = saved
    rewrite(path, {"training.json": b'{"x": ' + b"7" * 5000 + b"}"})
    load_fails(path, "training.json")


# ---- size caps and zip bombs -------------------------------------------------------------------

def test_json_member_over_its_cap(saved, monkeypatch):
    path, _ = saved
    monkeypatch.setitem(modelfile.LIMITS, "network.json", 100)
    load_fails(path, "network.json", "larger than")


def test_zip_bomb_member_is_refused(saved, monkeypatch):
    path, _ = saved
    bomb = npz_bytes(**{"out.kernel": np.zeros(1 << 20, np.float32)})    # 4 MiB, deflates to ~4 KiB
    rewrite(path, {"weights.npz": bomb})
    assert os.path.getsize(path) < 100_000
    monkeypatch.setitem(modelfile.LIMITS, "weights.npz", 1 << 20)
    load_fails(path, "weights.npz", "larger than", "1 MiB")


def test_zip_bomb_inside_the_npz_is_refused(saved, monkeypatch):
    path, _ = saved
    inner = zip_bytes({"out.kernel.npy": npy_bytes(np.zeros(1 << 20, np.float32))}, zipfile.ZIP_DEFLATED)
    assert len(inner) < 100_000
    rewrite(path, {"weights.npz": inner})
    monkeypatch.setitem(modelfile.LIMITS, "weights.npz", 1 << 20)
    load_fails(path, "weights.npz", "more than")


@pytest.mark.parametrize("member", ["network.json", "weights.npz"])
@pytest.mark.parametrize("size", [0, 10, 2**32 - 1])
def test_lying_size_in_directory(saved, member, size):
    path, _ = saved
    patch_directory_entry(path, member, 24, "<L", size)
    load_fails(path)


def test_lying_size_under_the_cap_cannot_bypass_it(saved, monkeypatch):
    path, _ = saved
    actual = len(members_of(path)["network.json"])
    monkeypatch.setitem(modelfile.LIMITS, "network.json", actual - 50)
    patch_directory_entry(path, "network.json", 24, "<L", actual - 100)
    load_fails(path, "network.json")


def test_capped_reader_enforces_its_limit_while_reading():
    assert read_capped(io.BytesIO(b"x" * 10), 10, "too big") == b"x" * 10
    with pytest.raises(BadFile, match="too big"):
        read_capped(io.BytesIO(b"x" * 11), 10, "too big")
    reader = CappedReader(io.BytesIO(b"abcdef"), 4, "over")
    assert reader.read(2) == b"ab"
    with pytest.raises(BadFile, match="over"):
        reader.read()


def test_too_many_arrays(saved, monkeypatch):
    path, _ = saved
    monkeypatch.setattr(modelfile, "MAX_ARRAYS", 5)
    load_fails(path, "more entries")


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
    doc = (Path(__file__).resolve().parents[1] / "docs" / "file-format.md").read_text(encoding="utf-8")
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
