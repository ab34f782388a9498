"""The ``.dls`` model file: a zip of JSON documents and ``.npz`` arrays (format described in
docs/file-format.md).

    save_model(path, bundle)    atomic: temp file in the same folder, fsync, then replace
    load_model(path)            -> ModelBundle; any bad file -> ModelFileError
    read_manifest(path)         -> the manifest only (same checks of the container)

Loading treats the file as untrusted: only known members are read, their sizes are capped
(from the zip directory and while reading), arrays must be numeric and are never unpickled.
A file written by format version N opens in every later version: `_LAYOUTS` says which
members version N has and `_UPGRADES[N]` turns what was read from a version-N file into
version N + 1, so a new version adds one layout and one upgrade step.
"""
from __future__ import annotations

import json
import os
import re
import stat
import time
import zipfile
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from dlstudio import __version__
from dlstudio.i18n import message, tr
from dlstudio.spec.document import DocumentError, Network, safe_json_loads

from .atomic import atomic_write
from ._safezip import BadFile, human_size, open_zip, read_capped, read_npz, spool_capped
from .size_check import check_network_size
from .training_check import check_training

__all__ = ["FORMAT", "FORMAT_VERSION", "ModelBundle", "ModelFileError", "load_model", "read_manifest",
           "save_model"]

FORMAT = "dlstudio-model"
FORMAT_VERSION = 1

MANIFEST, NETWORK, WEIGHTS, OPTIMIZER, TRAINING, HISTORY = (
    "manifest.json", "network.json", "weights.npz", "optimizer.npz", "training.json", "history.json")

# Members per format version: (required, optional).
_LAYOUTS: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {
    1: ((MANIFEST, NETWORK, WEIGHTS, TRAINING), (OPTIMIZER, HISTORY)),
}
# version N -> function turning the members read from a version-N file ({name: parsed content})
# into those of version N + 1. Version 1 is the first: nothing to upgrade yet.
_UPGRADES: dict[int, Callable[[dict], dict]] = {}

# Largest uncompressed size of each member; for an .npz also the most array data it may hold.
LIMITS: dict[str, int] = {
    MANIFEST: 1 << 20,
    NETWORK: 64 << 20,
    TRAINING: 64 << 20,
    HISTORY: 64 << 20,
    WEIGHTS: 2 << 30,
    OPTIMIZER: 4 << 30,          # room for two slots per weight (Adam's m and v)
}
MAX_ARRAYS = 20_000              # arrays in one .npz
MAX_NAME_LENGTH = 256            # characters in a weight name
_MAX_MEMBERS = 16                # zip entries in the container (a valid file has at most 6)
_MAX_JSON_DEPTH = 200

_SLOT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_PARAM_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class ModelFileError(Exception):
    """A model file cannot be opened: missing, damaged, not a model file, or from a newer dlstudio."""


@dataclass
class ModelBundle:
    network: dict
    weights: dict[str, np.ndarray]
    training: dict = field(default_factory=dict)
    optimizer_slots: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)
    history: dict = field(default_factory=dict)
    manifest: dict = field(default_factory=dict)


# ---- shared checks (save raises ValueError, load raises ModelFileError) ---------------------------

def _weight_name_problem(name) -> str | None:
    if not isinstance(name, str):
        return tr("weight name {name!r} is not a string").format(name=name)
    if len(name) > MAX_NAME_LENGTH:
        return tr("weight name {name!r}… is longer than {most} characters").format(
                   name=name[:40], most=MAX_NAME_LENGTH)
    node, dot, param = name.rpartition(".")
    if not dot or not node or not _PARAM_RE.match(param):
        return tr("weight name {name!r} is not of the form '<node id>.<name>'").format(name=name)
    if not name.isprintable() or "/" in name or "\\" in name:
        return tr("weight name {name!r} contains '/', '\\' or unprintable characters").format(name=name)
    return None


def _array_problem(value, label: str) -> str | None:
    if not isinstance(value, np.ndarray):
        return tr("{label} is a {type}, not a numpy array").format(
                   label=label, type=type(value).__name__)
    dt = value.dtype
    if dt.hasobject:
        return tr("{label} holds Python objects (dtype object); only float and integer arrays are "
                  "stored").format(
                   label=label)
    if dt.fields is not None or dt.subdtype is not None or dt.kind not in "fiu":
        return tr("{label} has dtype {dt}; only float and integer arrays are stored").format(
                   label=label, dt=dt)
    return None


def _network_problem(network) -> tuple[str | None, set[str]]:
    if not isinstance(network, dict):
        return tr("the network is a {type}, not a JSON object").format(
                   type=type(network).__name__), set()
    try:
        net = Network.from_dict(network)
    except DocumentError as e:
        return tr("the network is not a valid network document ({error})").format(error=message(e)), set()
    return None, {n.id for n in net.nodes}


def _history_problem(history) -> str | None:
    if not isinstance(history, dict):
        return tr("history is a {type}, not a JSON object").format(type=type(history).__name__)
    for key in ("batches", "epochs"):
        if key in history and not isinstance(history[key], list):
            return tr("history[{key!r}] is not a list").format(key=key)
    return None


def _check_arrays(network_ids: set[str], weights, slots, fail: Callable[[str], Exception]) -> None:
    if not isinstance(weights, dict):
        raise fail(tr("weights is a {type}, not a dict").format(type=type(weights).__name__))
    if len(weights) > MAX_ARRAYS:
        raise fail(tr("there are {n} weight arrays; at most {most} are stored").format(
                       n=len(weights), most=MAX_ARRAYS))
    for name, value in weights.items():
        problem = _weight_name_problem(name) or _array_problem(value, tr("weight {name!r}").format(name=name))
        if problem:
            raise fail(problem)
        if name.rpartition(".")[0] not in network_ids:
            raise fail(tr("weight {name!r} belongs to a node that is not in the network").format(name=name))
    if not isinstance(slots, dict):
        raise fail(tr("optimizer_slots is a {type}, not a dict").format(type=type(slots).__name__))
    for slot, per_weight in slots.items():
        if not isinstance(slot, str) or not _SLOT_RE.match(slot):
            raise fail(tr("optimizer slot name {slot!r} is not a simple name (letters, digits, _)").format(
                           slot=slot))
        if not isinstance(per_weight, dict):
            raise fail(tr("optimizer slot {slot!r} is a {type}, not a dict").format(
                           slot=slot, type=type(per_weight).__name__))
        for name, value in per_weight.items():
            problem = _array_problem(value, tr("optimizer slot {slot!r} of {name!r}").format(
                slot=slot, name=name))
            if problem:
                raise fail(problem)
            if name not in weights:
                raise fail(tr("optimizer slot {slot!r} names {name!r}, which is not a weight").format(
                               slot=slot, name=name))
    if sum(len(v) for v in slots.values()) > MAX_ARRAYS:
        raise fail(tr("the optimizer has more than {most} arrays").format(most=MAX_ARRAYS))


# ---- saving ------------------------------------------------------------------------------------

class _NotJson(Exception):
    """Internal: a value that is not JSON data; `keys` is filled in on the way out."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem, self.keys = problem, []


_PLAIN = frozenset({str, int, float, bool, type(None)})


def _json_safe(value, depth: int = 0):
    """A copy of `value` made of dict (str keys) / list / str / int / float / bool / None; numpy
    scalars become Python numbers, tuples lists. Anything else raises _NotJson."""
    if type(value) in _PLAIN or isinstance(value, (str, int, float)):
        return value
    if depth >= _MAX_JSON_DEPTH:
        raise _NotJson(tr("is nested more than {depth} levels deep").format(
                           depth=_MAX_JSON_DEPTH))
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise _NotJson(tr("has the key {k!r}: JSON keys must be strings").format(k=k))
            try:
                out[k] = _json_safe(v, depth + 1)
            except _NotJson as e:
                e.keys.append(k)
                raise
        return out
    if isinstance(value, (list, tuple)):
        out = []
        for i, v in enumerate(value):
            try:
                out.append(_json_safe(v, depth + 1))
            except _NotJson as e:
                e.keys.append(i)
                raise
        return out
    if isinstance(value, (np.bool_, np.integer, np.floating)):
        return value.item()
    hint = tr(" (arrays belong in weights or optimizer_slots, or use .tolist())") if isinstance(
        value, np.ndarray) else ""
    raise _NotJson(tr("is a {type}, which is not JSON data{hint}").format(
                       type=type(value).__name__, hint=hint))


def _json_bytes(value, where: str, compact: bool = False) -> bytes:
    try:
        value = _json_safe(value)
    except _NotJson as e:
        spot = where + "".join(f"[{k!r}]" for k in reversed(e.keys))
        raise ValueError(tr("{spot} {problem}").format(spot=spot, problem=e.problem)) from None
    text = json.dumps(value, ensure_ascii=False, allow_nan=True,
                      **({"separators": (",", ":")} if compact else {"indent": 2}))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise ValueError(tr("{where} holds text that cannot be stored as UTF-8 ({error})").format(
                             where=where, error=message(e))) from None


def save_model(path, bundle: ModelBundle) -> None:
    """Write `bundle` to `path` atomically (the old file stays intact if anything fails) and set
    `bundle.manifest` to the manifest written. Raises ValueError for content that cannot be
    stored (before touching the disk) and OSError for file system problems."""
    if not isinstance(bundle, ModelBundle):
        raise TypeError(tr("save_model needs a ModelBundle, got {type}").format(
                            type=type(bundle).__name__))
    path = os.fspath(path)
    problem, node_ids = _network_problem(bundle.network)
    if problem:
        raise ValueError(problem)
    _check_arrays(node_ids, bundle.weights, bundle.optimizer_slots, ValueError)
    if not isinstance(bundle.training, dict):
        raise ValueError(tr("training is a {type}, not a JSON object").format(
                             type=type(bundle.training).__name__))
    if problem := _history_problem(bundle.history):
        raise ValueError(problem)
    texts = {NETWORK: _json_bytes(bundle.network, "network"),
             TRAINING: _json_bytes(bundle.training, "training"),
             HISTORY: _json_bytes(bundle.history, "history", compact=True)}
    optimizer = {f"{slot}/{name}": np.asarray(arr)
                 for slot, per_weight in bundle.optimizer_slots.items() for name, arr in per_weight.items()}
    members = [NETWORK, WEIGHTS] + ([OPTIMIZER] if optimizer else []) + [TRAINING, HISTORY]
    manifest = {"format": FORMAT, "format_version": FORMAT_VERSION, "app_version": __version__,
                "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "members": members}

    with atomic_write(path) as f:
        with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
            zf.writestr(MANIFEST, _json_bytes(manifest, "manifest"))
            for name in (NETWORK, TRAINING, HISTORY):
                zf.writestr(name, texts[name])
            with zf.open(WEIGHTS, "w", force_zip64=True) as member:
                np.savez(member, **{k: np.asarray(v) for k, v in bundle.weights.items()})
            if optimizer:
                with zf.open(OPTIMIZER, "w", force_zip64=True) as member:
                    np.savez(member, **optimizer)
    bundle.manifest = manifest


# ---- loading -----------------------------------------------------------------------------------

@contextmanager
def _reading(member: str):
    """Turn whatever zipfile / zlib / numpy raise on a damaged member into BadFile."""
    try:
        yield
    except (BadFile, MemoryError):
        raise
    except Exception as e:
        raise BadFile(tr("{member} is damaged ({error})").format(member=member, error=message(e))) from e


class _Container:
    """An open .dls zip whose directory has been checked; reads members with size caps."""

    def __init__(self, path: str):
        try:
            st = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            raise BadFile(tr("there is no such file")) from None
        except (OSError, ValueError) as e:
            raise BadFile(tr("it cannot be read ({reason})").format(
                              reason=getattr(e, 'strerror', None) or e)) from None
        if stat.S_ISDIR(st.st_mode):
            raise BadFile(tr("it is a folder, not a dlstudio model file"))
        if not stat.S_ISREG(st.st_mode):
            raise BadFile(tr("it is not a regular file"))
        if st.st_size == 0:
            raise BadFile(tr("the file is empty"))
        try:
            self._file = open(path, "rb")
        except OSError as e:
            raise BadFile(tr("it cannot be read ({reason})").format(
                              reason=e.strerror or e)) from None
        try:
            self._zip = open_zip(self._file, tr("the file"), _MAX_MEMBERS, 64 << 10,
                                 hint=tr(" — it is damaged (perhaps cut short) or not a dlstudio model file"))
        except BaseException:
            self._file.close()
            raise
        self.infos = {info.filename: info for info in self._zip.infolist()}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._zip.close()
        self._file.close()

    def _stream(self, name: str, spool: bool):
        """The uncompressed bytes of `name` (bytes, or a spooled file for an .npz), capped."""
        info, cap = self.infos[name], LIMITS[name]
        too_big = tr("{name} is larger than the {size} allowed").format(name=name, size=human_size(cap))
        if info.file_size > cap:                  # the directory's word, checked again while reading
            raise BadFile(too_big)
        with self._zip.open(info) as raw:
            return spool_capped(raw, cap, too_big) if spool else read_capped(raw, cap, too_big)

    def json(self, name: str):
        with _reading(name):
            data = self._stream(name, spool=False)
        return safe_json_loads(bytes(data), lambda msg: BadFile(tr("{name} is {msg}").format(
                                                                    name=name, msg=msg)),
                               allow_non_finite=name == HISTORY)      # a diverged loss is NaN

    def npz(self, name: str) -> dict[str, np.ndarray]:
        with _reading(name):
            with self._stream(name, spool=True) as spool:
                return read_npz(spool, name, LIMITS[name], MAX_ARRAYS)

    def manifest(self) -> dict:
        if MANIFEST not in self.infos:
            raise BadFile(tr("it is not a dlstudio model file (it has no manifest.json)"))
        m = self.json(MANIFEST)
        if not isinstance(m, dict):
            raise BadFile(tr("manifest.json is not a JSON object"))
        if m.get("format") != FORMAT:
            raise BadFile(tr("it is not a dlstudio model file (its manifest says format "
                             "{format!r})").format(format=m.get('format')))
        version = m.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise BadFile(tr("manifest.json has an invalid format_version {version!r}").format(
                              version=version))
        if version > FORMAT_VERSION:
            raise BadFile(tr("it was written by a newer dlstudio (model file format version {version}; "
                             "this dlstudio {version_now} reads versions up to {readable}). "
                             "Update dlstudio to open it").format(
                              version=version, version_now=__version__, readable=FORMAT_VERSION))
        for key in ("app_version", "created"):
            if not isinstance(m.get(key), str):
                raise BadFile(tr("manifest.json has no valid {key!r}").format(key=key))
        listed = m.get("members")
        if not isinstance(listed, list) or not all(isinstance(n, str) for n in listed):
            raise BadFile(tr("manifest.json has no valid 'members' list"))
        required, optional = _LAYOUTS[version]
        present = set(self.infos) - {MANIFEST}
        for name in sorted(present):
            if name not in required + optional:
                raise BadFile(tr("it holds an unexpected member {name!r}").format(name=name))
        for name in listed:
            if name not in present:
                raise BadFile(tr("{name} is listed in manifest.json but missing from the file").format(
                                  name=name))
        if len(set(listed)) != len(listed) or set(listed) != present:
            raise BadFile(tr("manifest.json does not list the members the file holds ({present})").format(
                              present=sorted(present)))
        for name in required:
            if name not in self.infos:
                raise BadFile(tr("it has no {name}").format(name=name))
        return m


def _fail(path, e: BaseException) -> ModelFileError:
    if isinstance(e, BadFile):
        return ModelFileError(tr("Cannot open {path}: {error}").format(path=path, error=message(e)))
    if isinstance(e, MemoryError):
        return ModelFileError(tr("Cannot open {path}: there is not enough memory to load it").format(
                                  path=path))
    return ModelFileError(tr("Cannot open {path}: the file is damaged ({type}: {error})").format(
                              path=path, type=type(e).__name__, error=message(e)))


def read_manifest(path) -> dict:
    """The manifest of a model file, after the same checks of the container as load_model."""
    path = os.fspath(path)
    try:
        with _Container(path) as c:
            return c.manifest()
    except Exception as e:
        raise _fail(path, e) from e


def load_model(path) -> ModelBundle:
    """Read a model file. Any problem with the file is a ModelFileError that says what is wrong."""
    path = os.fspath(path)
    try:
        with _Container(path) as c:
            manifest = c.manifest()
            parts = {name: (c.json(name) if name.endswith(".json") else c.npz(name))
                     for name in c.infos if name != MANIFEST}
        for version in range(manifest["format_version"], FORMAT_VERSION):
            parts = _UPGRADES[version](parts)
        return _bundle(parts, manifest)
    except Exception as e:
        raise _fail(path, e) from e


def _bundle(parts: dict, manifest: dict) -> ModelBundle:
    network, training = parts[NETWORK], parts[TRAINING]
    history, weights = parts.get(HISTORY, {}), parts[WEIGHTS]
    problem, node_ids = _network_problem(network)
    if problem:
        raise BadFile(tr("network.json: {problem}").format(problem=problem))
    if not isinstance(training, dict):
        raise BadFile(tr("training.json is not a JSON object"))
    if problem := _history_problem(history):
        raise BadFile(tr("history.json: {problem}").format(problem=problem))
    slots: dict[str, dict[str, np.ndarray]] = {}
    for key, arr in parts.get(OPTIMIZER, {}).items():
        slot, sep, name = key.partition("/")
        if not sep:
            raise BadFile(tr("optimizer.npz holds {key!r}, which is not of the form '<slot>/<weight "
                             "name>'").format(key=key))
        slots.setdefault(slot, {})[name] = arr
    _check_arrays(node_ids, weights, slots, BadFile)
    check_network_size(network, weights)
    check_training(training, weights, slots)
    for name, arr in weights.items():
        if arr.dtype.kind in "fc" and not np.isfinite(arr).all():
            raise BadFile(tr("weights.npz: weight {name!r} holds NaN or infinite values — the training "
                             "that wrote it diverged; retrain (a lower learning rate) or use an earlier "
                             "file").format(name=name))
    return ModelBundle(network=network, weights=weights, training=training, optimizer_slots=slots,
                       history=history, manifest=manifest)
