"""The image sources of the DATA string: ``digits``, ``shapes``, ``mnist``, ``fashion-mnist``,
``idx:IMAGES,LABELS`` and ``folder:DIR``, each with ``?resize=S`` and ``?normalize=standard``.

Every loader takes (arg, options, seed, progress) and returns (x, y, classes, preprocessing,
name, source base, source options); ``load_image_source`` applies the common options and a
recorded preprocessing and builds the Dataset.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..i18n import Text, joined, tr
from . import digits as _digits
from . import mnist as _mnist
from . import preprocess
from . import shapes as _shapes
from .dataset import DataError, Dataset
from .folder import load_folder
from .idx import load_idx_pair
from .options import check_options, flag_option, float_option, int_option

MAX_SAMPLES = 1_000_000
MAX_VALUES = 100_000_000  # values in x (400 MB of float32)
COMMON = preprocess.OPTIONS


def _digits_set(arg, options, seed, progress):
    check_options("digits", options, COMMON)
    size = _digits.NATIVE_SIZE
    if arg is not None:
        size = int_option(arg, tr("the digits image size in digits:S"), _digits.MIN_SIZE,
                          _digits.MAX_SIZE, "digits:28")
    x, y, classes, prep = _digits.load_digits(size)
    base = "digits" if size == _digits.NATIVE_SIZE else f"digits:{size}"
    return x, y, classes, prep, "digits", base, []


def _shapes_set(arg, options, seed, progress):
    check_options("shapes", options, ("n", "color", "noise") + COMMON)
    size = _shapes.DEFAULT_SIZE
    if arg is not None and arg.strip():
        size = int_option(arg, tr("the shapes image size in shapes:S"), _shapes.MIN_SIZE,
                          _shapes.MAX_SIZE, "shapes:32")
    k = len(_shapes.CLASSES)
    n = _shapes.DEFAULT_N
    if "n" in options:
        n = int_option(options["n"], tr("shapes size n"), k, MAX_SAMPLES, "shapes?n=3000")
    colour = flag_option(options.get("color", "0"), "shapes color", "shapes?color=1")
    noise = _shapes.DEFAULT_NOISE
    if "noise" in options:
        noise = float_option(options["noise"], tr("shapes noise"), 0.0, _shapes.MAX_NOISE,
                             f"shapes?noise={_shapes.DEFAULT_NOISE:g}")
    if n * (3 if colour else 1) * size * size > MAX_VALUES:
        raise DataError(tr("shapes with n={n} images of {size}x{size} would need more than "
                           "{mb} MB; ask for fewer or smaller images").format(
                            n=n, size=size, mb=MAX_VALUES * 4 >> 20))
    x, y, classes = _shapes.make_shapes(n, size, colour, noise, np.random.default_rng(seed))
    extra = [f"n={n}"] if n != _shapes.DEFAULT_N else []
    extra += ["color=1"] if colour else []
    extra += [f"noise={noise!r}"] if noise != _shapes.DEFAULT_NOISE else []
    base = "shapes" if size == _shapes.DEFAULT_SIZE else f"shapes:{size}"
    return x, y, classes, {}, "shapes", base, extra


def _mnist_like(name):
    def load(arg, options, seed, progress):
        if arg is not None:
            raise DataError(tr("{name} takes no ':' argument; choose the part with {name}?split=train "
                               "or {name}?split=test").format(name=name))
        check_options(name, options, ("split",) + COMMON)
        part = options.get("split", "train").strip().lower()
        x, y, classes, prep = _mnist.load_mnist(name, part, progress)
        return x, y, classes, prep, name, name, ([f"split={part}"] if part != "train" else [])
    return load


def _split_pair(arg: str) -> tuple[str, str]:
    """IMAGES,LABELS -> the two paths; with several commas, the cut where both files exist."""
    cuts = [i for i, ch in enumerate(arg) if ch == ","]
    if not cuts:
        raise DataError(tr("idx: needs two files separated by a comma, e.g. "
                           "idx:train-images-idx3-ubyte.gz,train-labels-idx1-ubyte.gz"))
    for i in cuts:
        a, b = arg[:i].strip(), arg[i + 1:].strip()
        if Path(a).expanduser().is_file() and Path(b).expanduser().is_file():
            return a, b
    return arg[:cuts[0]].strip(), arg[cuts[0] + 1:].strip()


def _idx(arg, options, seed, progress):
    check_options("idx", options, COMMON)
    a, b = _split_pair(arg or "")
    if not a or not b:
        raise DataError(tr("idx: needs an images file and a labels file, e.g. idx:images.gz,labels.gz"))
    pa, pb = Path(a).expanduser().resolve(), Path(b).expanduser().resolve()
    x, y, prep = load_idx_pair(pa, pb)
    if y.min() < 0:
        raise DataError(tr("{pb} has negative labels; labels must be 0..K-1").format(pb=pb))
    k = int(y.max()) + 1
    return x, y, [str(i) for i in range(k)], prep, pa.name, f"idx:{pa},{pb}", []


def _folder(arg, options, seed, progress):
    check_options("folder", options, ("size", "color") + COMMON)
    size = colour = None
    extra = []
    if "size" in options:
        size = int_option(options["size"], tr("folder image size"), preprocess.MIN_RESIZE,
                          preprocess.MAX_RESIZE, "folder:images?size=32")
        extra.append(f"size={size}")
    if "color" in options:
        colour = flag_option(options["color"], "folder color", "folder:images?color=1")
        extra.append(f"color={int(colour)}")
    x, y, classes, prep, root = load_folder((arg or "").strip(), size, colour)
    return x, y, classes, prep, root.name, f"folder:{root}", extra


LOADERS = {
    "digits": _digits_set,
    "shapes": _shapes_set,
    "mnist": _mnist_like("mnist"),
    "fashion-mnist": _mnist_like("fashion-mnist"),
    "idx": _idx,
    "folder": _folder,
}
PATH_SOURCES = ("idx", "folder")


def load_image_source(name: str, arg: str | None, options: dict, seed: int,
                      recorded: dict | None = None, progress=None) -> Dataset:
    options = dict(options)
    resize, normalize = preprocess.pop_options(name, options)
    x, y, classes, prep, ds_name, base, extra = LOADERS[name](arg, options, seed, progress)
    x, prep = preprocess.apply(x, prep, resize, normalize, recorded)
    extra = extra + preprocess.source_suffix(resize, normalize)
    source = base + ("?" + "&".join(extra) if extra else "")
    return Dataset(name=ds_name, source=source, x=x, y=y, task="classification",
                   classes=classes, preprocessing=prep)


def describe() -> list[dict]:
    """Entries for ``available()``."""
    common = "&resize=S (4-512) &normalize=standard"
    return [
        {"name": "shapes", "task": "classification",
         "help": tr("procedural images of {n} shapes ({shapes}), grey or colour").format(
             n=len(_shapes.CLASSES), shapes=joined(", ", _shapes.CLASSES)),
         "options": tr("shapes:S (size {min}-{max}, default {size}); ?n=N (default {n}) &color=1 "
                       "&noise=S (0-{max_noise:g}, default {noise:g}) {common}").format(
             min=_shapes.MIN_SIZE, max=_shapes.MAX_SIZE, size=_shapes.DEFAULT_SIZE, n=_shapes.DEFAULT_N,
             max_noise=_shapes.MAX_NOISE, noise=_shapes.DEFAULT_NOISE, common=common)},
        *({"name": name, "task": "classification",
           "help": tr("{name}, 10 classes (downloaded once, then cached)").format(name=Text(_mnist.HELP[name])),
           "options": tr("{name}?split=train|test (default train) {common}").format(name=name, common=common)}
          for name in ("mnist", "fashion-mnist")),
        {"name": "idx", "task": "classification",
         "help": tr("your images and labels in two idx files (the MNIST format), raw or .gz"),
         "options": tr("idx:IMAGES,LABELS ?{options}").format(options=common[1:])},
        {"name": "folder", "task": "classification",
         "help": tr("your images (PNG, JPEG, BMP, GIF, WebP, TIFF), one sub-folder per class"),
         "options": tr("folder:DIR ?size=S (default: the most common size) &color=1|0 "
                       "(default: colour if any image has colour) {common}").format(common=common)},
    ]
