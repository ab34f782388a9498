"""The DATA string: parse it, load the dataset it names, list what is available.

Syntax (see docs/data.md)::

    NAME[:ARG][?KEY=VALUE[&KEY=VALUE...]]

    spirals            spirals:5          spirals?n=600&noise=0.1     blobs:4?n=200
    digits             digits:28          digits?normalize=standard
    shapes             shapes:32?color=1  mnist?split=test            fashion-mnist?resize=32
    npz:PATH           csv:PATH           csv:PATH?task=regression
    idx:IMAGES,LABELS  folder:DIR?size=32&color=0
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import numpy as np

from ..i18n import tr
from . import digits as _digits
from . import files as _files
from . import imagesets as _images
from .dataset import DataError, Dataset, _check_seed
from .options import check_options as _check_options
from .options import float_option as _float
from .options import int_option as _int
from .procedural import GENERATORS
from .sequences import SEQUENCE_SOURCES, SEQUENCE_TASKS

MAX_SAMPLES = 1_000_000
MAX_NOISE = 1.0
FILE_KINDS = ("npz", "csv")
IMAGE_NAMES = ("digits", "shapes", "mnist", "fashion-mnist")
PATH_KINDS = FILE_KINDS + _images.PATH_SOURCES + ("text",)  # their ':' argument is a path
_OPTIONS_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*=[^&=]*(&[A-Za-z_][A-Za-z0-9_-]*=[^&=]*)*$")

# Names that later versions will provide; asking for them now gives a clear message.
PLANNED: dict[str, str] = {}


def _known_names() -> list[str]:
    return [*GENERATORS, *IMAGE_NAMES, *(n for n in SEQUENCE_SOURCES if n not in PATH_KINDS), *PATH_KINDS]


def parse_spec(spec: str) -> tuple[str, str | None, dict[str, str]]:
    """Split a DATA string into (name, argument or None, options)."""
    if not isinstance(spec, str):
        raise DataError(tr("the data source must be a string such as 'spirals' or 'csv:data.csv', not "
                           "{type}").format(type=type(spec).__name__))
    spec = spec.strip()
    if not spec:
        raise DataError(tr("no data source given; use e.g. 'spirals', 'digits' or 'csv:PATH'. Known "
                           "names: {known}").format(known=', '.join(_known_names())))
    cut = min((i for i in (spec.find(":"), spec.find("?")) if i >= 0), default=len(spec))
    name = spec[:cut].strip().lower()
    rest = spec[cut:]
    arg: str | None = None
    query = ""
    if rest.startswith(":"):
        arg = rest[1:]
        q = arg.rfind("?")
        if q >= 0 and _OPTIONS_RE.match(arg[q + 1:]):
            arg, query = arg[:q], arg[q + 1:]
        elif q >= 0 and name not in PATH_KINDS and name not in PLANNED:
            arg, query = arg[:q], arg[q + 1:]
    elif rest.startswith("?"):
        query = rest[1:]
    options: dict[str, str] = {}
    if query:
        for part in query.split("&"):
            key, eq, value = part.partition("=")
            key = key.strip().lower()
            if not eq or not key:
                raise DataError(tr("bad option {part!r} in {spec!r}: options are written KEY=VALUE and "
                                   "joined with &, e.g. spirals?n=600&noise=0.1").format(
                                    part=part, spec=spec))
            if key in options:
                raise DataError(tr("option {key!r} is given twice in {spec!r}").format(key=key, spec=spec))
            options[key] = value.strip()
    return name, arg, options


def _procedural(name: str, arg: str | None, options: dict, seed: int) -> Dataset:
    gen = GENERATORS[name]
    _check_options(name, options, ("n", "noise"))
    if gen.k is None:
        if arg is not None:
            raise DataError(tr("{name} takes no ':' argument: it always has {k} classes. "
                               "Options: {name}?n=N&noise=S").format(
                                name=name, k=gen.fixed_classes))
        k = gen.fixed_classes
    else:
        lo, hi = gen.k_range
        k = gen.k
        if arg is not None and arg.strip():
            k = _int(arg, tr("the number of {what} in {name}:K").format(
                what=gen.k_word, name=name), lo, hi, f"{name}:{gen.k}")
    n = gen.n
    if "n" in options:
        n = _int(options["n"], tr("{name} size n").format(name=name), k, MAX_SAMPLES, f"{name}?n={gen.n}")
    noise = gen.noise
    if "noise" in options:
        noise = _float(options["noise"], tr("{name} noise").format(name=name), 0.0, MAX_NOISE,
                       f"{name}?noise={gen.noise:g}")
    rng = np.random.default_rng(seed)
    x, y, classes = gen.make(n, k, noise, rng)
    source = name if gen.k is None else f"{name}:{k}"
    extra = []
    if n != gen.n:
        extra.append(f"n={n}")
    if noise != gen.noise:
        extra.append(f"noise={noise!r}")
    if extra:
        source += "?" + "&".join(extra)
    return Dataset(name=name, source=source, x=x, y=y, task="classification",
                   classes=classes, preprocessing={})


def _file_set(kind: str, arg: str | None, options: dict) -> Dataset:
    _check_options(kind, options, ("task",))
    task = options.get("task", "auto").lower()
    path = (arg or "").strip()
    if kind == "npz":
        x, y, got_task, classes, p = _files.load_npz(path, task)
    else:
        x, y, got_task, classes, p, _header = _files.load_csv(path, task)
    source = f"{kind}:{p}" + (f"?task={task}" if task != "auto" else "")
    return Dataset(name=p.name, source=source, x=x, y=y, task=got_task, classes=classes,
                   preprocessing={})


def _unknown(name: str, spec: str) -> DataError:
    known = _known_names()
    hint = ""
    low = spec.strip().lower()
    for kind in FILE_KINDS:
        if low.endswith("." + kind):
            hint = tr(" To read a file, write {kind}:{spec}.").format(kind=kind, spec=spec.strip())
    if low.endswith((".gz", "-ubyte")):
        hint = tr(" To read MNIST-format files, write idx:IMAGES,LABELS.")
    elif not hint and Path(spec.strip()).expanduser().is_dir():
        hint = tr(" To read a folder of images, write folder:{spec}.").format(spec=spec.strip())
    if not hint:
        close = difflib.get_close_matches(name, known + list(PLANNED), n=1)
        if close:
            hint = tr(" Did you mean {name!r}?").format(name=close[0])
    return DataError(tr("unknown data source {name!r}.{hint} Known names: {known} (file sources "
                        "are written npz:PATH, csv:PATH, idx:IMAGES,LABELS or folder:DIR)").format(
                         name=name, hint=hint, known=', '.join(known)))


def load_dataset(spec: str, seed: int = 0, preprocessing: dict | None = None,
                 progress=None) -> Dataset:
    """Load the dataset a DATA string names.

    ``seed`` drives the procedural generators. ``preprocessing`` is the record a model file
    kept (``Dataset.preprocessing`` of its training data): image sources then apply exactly
    that resize and normalisation (the training set's mean / std, not this data's) so that
    evaluation sees what training saw. ``progress(done_bytes, total_bytes, file_name)`` is
    called while a dataset downloads (total_bytes is 0 when the server does not say).
    """
    seed = _check_seed(seed)
    name, arg, options = parse_spec(spec)
    if name in GENERATORS:
        return _procedural(name, arg, options, seed)
    if name in _images.LOADERS:
        return _images.load_image_source(name, arg, options, seed, preprocessing, progress)
    if name in FILE_KINDS:
        return _file_set(name, arg, options)
    if name in SEQUENCE_SOURCES:
        return SEQUENCE_SOURCES[name][0](arg, options, seed)
    if name in PLANNED:
        raise DataError(tr("{name!r} ({planned}) is not available yet in this version of dlstudio. "
                           "Available now: {known}").format(
                            name=name, planned=PLANNED[name],
                            known=', '.join(_known_names())))
    raise _unknown(name, spec)


def available() -> list[dict]:
    """What the GUI and CLI can offer: one dict per name with task, one-line help and options."""
    out = []
    for g in GENERATORS.values():
        if g.k is not None:
            lo, hi = g.k_range
            opts = tr("{name}:K ({what}, {lo}-{hi}, default {k}); ?n=N (samples, default {n}) "
                      "&noise=S (default {noise:g})").format(
                name=g.name, what=g.k_word, lo=lo, hi=hi, k=g.k, n=g.n, noise=g.noise)
            help_ = tr("{help}; 2-D points").format(help=g.help)
        else:
            opts = tr("{name}?n=N (samples, default {n}) &noise=S (default {noise:g})").format(
                name=g.name, n=g.n, noise=g.noise)
            help_ = tr("{help}; 2-D points, {k} classes").format(help=g.help, k=g.fixed_classes)
        out.append({"name": g.name, "task": "classification", "help": help_, "options": opts})
    images = {e["name"]: e for e in _images.describe()}
    out.append({
        "name": "digits", "task": "classification",
        "help": tr("UCI handwritten digits: 1,797 grey 8x8 images, 10 classes (bundled)"),
        "options": tr("digits:S (resize to SxS, {min}-{max}, bilinear; default 8) ?normalize=standard").format(
            min=_digits.MIN_SIZE, max=_digits.MAX_SIZE)})
    out.extend(images[n] for n in ("shapes", "mnist", "fashion-mnist"))
    out.append({
        "name": "npz", "task": "auto",
        "help": tr("your arrays x (N, ...) and y (N,) or (N, ...) in a NumPy .npz file"),
        "options": tr("npz:PATH ?task=classification|regression (default: integer y classifies)")})
    out.append({
        "name": "csv", "task": "auto",
        "help": tr("your numeric table, target in the last column, optional header row"),
        "options": tr("csv:PATH ?task=classification|regression (default: auto from the target)")})
    out.extend(images[n] for n in _images.PATH_SOURCES)
    out.extend({"name": n, "task": SEQUENCE_TASKS[n], "help": help_, "options": opts}
               for n, (_, help_, opts) in SEQUENCE_SOURCES.items())
    return out
