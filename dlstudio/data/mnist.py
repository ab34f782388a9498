"""MNIST and Fashion-MNIST: downloaded on first use into the user's cache, then read from there.

Mirrors and checksums are module-level tables so that a test (or a user behind a proxy) can
point them elsewhere; ``$DLSTUDIO_MNIST_MIRROR`` / ``$DLSTUDIO_FASHION_MNIST_MIRROR`` (one or
more base URLs separated by spaces or commas) replace the built-in mirrors.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..i18n import QT_TR_NOOP, message, tr
from . import download
from .dataset import DataError
from .idx import images_to_float, labels_to_int, read_idx

SPLITS = {"train": ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
          "test": ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")}

MIRRORS: dict[str, list[str]] = {
    "mnist": ["https://ossci-datasets.s3.amazonaws.com/mnist/",
              "https://storage.googleapis.com/cvdf-datasets/mnist/"],
    "fashion-mnist": ["http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"],
}
MIRROR_ENV = {"mnist": "DLSTUDIO_MNIST_MIRROR", "fashion-mnist": "DLSTUDIO_FASHION_MNIST_MIRROR"}

# The published MD5 sums of the original files.
CHECKSUMS: dict[str, dict[str, str]] = {
    "mnist": {
        "train-images-idx3-ubyte.gz": "md5:f68b3c2dcbeaaa9fbdd348bbdeb94873",
        "train-labels-idx1-ubyte.gz": "md5:d53e105ee54ea40749a09fcbcd1e9432",
        "t10k-images-idx3-ubyte.gz": "md5:9fb629c4189551a2d022fa330f9573f3",
        "t10k-labels-idx1-ubyte.gz": "md5:ec29112dd5afa0611ce80d1b7f02629c",
    },
    "fashion-mnist": {
        "train-images-idx3-ubyte.gz": "md5:8d4fb7e6c68d591d4c3dfef9ec88bf0d",
        "train-labels-idx1-ubyte.gz": "md5:25c81989df183df01b3e8a0aad5dffbe",
        "t10k-images-idx3-ubyte.gz": "md5:bef4ecab320f06d8554ea6380940ec79",
        "t10k-labels-idx1-ubyte.gz": "md5:bb300cfdad3c16e7a12a480ee83cd310",
    },
}

CLASSES = {
    "mnist": [str(d) for d in range(10)],
    "fashion-mnist": ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                      "Sneaker", "Bag", "Ankle boot"],
}
HELP = {
    "mnist": QT_TR_NOOP("MNIST handwritten digits: 60,000 training / 10,000 test grey 28x28 images"),
    "fashion-mnist": QT_TR_NOOP("Fashion-MNIST clothing: 60,000 training / 10,000 test grey 28x28 images"),
}


def mirrors(name: str) -> list[str]:
    own = os.environ.get(MIRROR_ENV[name], "").replace(",", " ").split()
    return own or list(MIRRORS[name])


def folder(name: str) -> Path:
    """The cache folder of one dataset, e.g. ~/.cache/dlstudio/datasets/mnist."""
    return download.cache_dir() / name


def _manual_hint(name: str, files: tuple[str, ...]) -> str:
    return tr("An internet connection is needed the first time {name} is used. Without one, "
              "download the files yourself and put them in {folder}: "
              "{files} (the .gz files as published, or unpacked without .gz).").format(
                  name=name, folder=folder(name), files=", ".join(files))


def _local(name: str, file: str, progress) -> Path:
    """The cached copy of ``file`` (verified), downloading it if needed."""
    d = folder(name)
    gz = d / file
    checksum = CHECKSUMS[name].get(file)
    if gz.is_file():
        if download.check_file(gz, checksum):
            return gz
        gz.unlink()
        bad = tr("{gz} did not match its published checksum and was deleted; "
                 "it is downloaded again").format(gz=gz)
    else:
        bad = ""
        raw = d / file[:-3]
        if raw.is_file():  # unpacked by the user: there is no published checksum to check
            return raw
    try:
        return download.fetch(file, mirrors(name), d, checksum, progress,
                              hint=_manual_hint(name, tuple(CHECKSUMS[name])))
    except DataError as exc:
        raise DataError(tr("{bad}\n{error}").format(
            bad=bad, error=message(exc)) if bad else message(exc)) from None


def load_mnist(name: str = "mnist", split: str = "train", progress=None):
    """x (N, 1, 28, 28) in [0, 1] (uint8 read as float32: ScaledImages), y int64 (N,), class
    names, preprocessing."""
    if name not in MIRRORS:
        raise DataError(tr("unknown MNIST-style dataset {name!r}; known: {known}").format(
                            name=name, known=', '.join(MIRRORS)))
    if split not in SPLITS:
        raise DataError(tr("{name} split must be train or test, not {split!r} (e.g. {name}?split=test)").format(
                            name=name, split=split))
    image_file, label_file = SPLITS[split]
    images_path = _local(name, image_file, progress)
    labels_path = _local(name, label_file, progress)
    x, prep = images_to_float(read_idx(images_path), str(images_path))
    y = labels_to_int(read_idx(labels_path), str(labels_path))
    if len(x) != len(y):
        raise DataError(tr("{images_path} holds {n_x:,} images but {labels_path} holds {n_y:,} labels; "
                           "delete both files so they are downloaded again").format(
                            images_path=images_path, n_x=len(x), labels_path=labels_path, n_y=len(y)))
    if len(y) and (y.min() < 0 or y.max() > 9):
        raise DataError(tr("{labels_path} has labels outside 0..9; delete it so it is downloaded again").format(
                            labels_path=labels_path))
    return x, y, list(CLASSES[name]), prep
