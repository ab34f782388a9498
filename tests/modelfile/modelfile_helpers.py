"""Test helpers for the .dls model file: a full bundle, a saved file, and ways to rewrite its
members into every kind of damage."""
from __future__ import annotations

import io
import json
import struct
import warnings
import zipfile

import numpy as np
import pytest

from dlstudio.io import (ModelBundle, ModelFileError, load_model)


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
