"""Damaged .dls files: every kind is refused with a ModelFileError naming the file — missing or
extra members, bad manifests, pickles, lying sizes, zip bombs."""
from __future__ import annotations

import io
import json
import os
import random
import zipfile

import numpy as np
import pytest
from modelfile_helpers import (load_fails, members_of, npy_bytes, npz_bytes, patch_directory_entry,
                               rewrite, set_manifest, write_zip, zip_bytes)

from dlstudio.io import FORMAT_VERSION, ModelFileError, load_model, read_manifest
from dlstudio.io import modelfile
from dlstudio.io._safezip import BadFile, CappedReader, read_capped


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
