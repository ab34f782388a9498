"""``folder:DIR``: a folder with one sub-folder of images per class."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from ..i18n import tr
from .dataset import DataError
from .digits import resize_bilinear
from .images import EXTENSIONS, has_colour, read_image, to_grey, to_rgb

MAX_IMAGES = 200_000


def _class_folders(root: Path) -> list[Path]:
    if not root.exists():
        raise DataError(tr("folder not found: {root}. Check the path (relative paths are resolved from "
                           "the current folder)").format(root=root))
    if not root.is_dir():
        raise DataError(tr("folder: needs a folder with one sub-folder per class, but {root} is a file").format(
                            root=root))
    subs = sorted((d for d in root.iterdir() if d.is_dir() and not d.name.startswith(".")),
                  key=lambda d: d.name)
    if not subs:
        loose = [f for f in root.iterdir() if f.suffix.lower() in EXTENSIONS]
        hint = (tr(" It holds {n} images directly; move them into one sub-folder per "
                   "class (e.g. DIR/cat/1.png, DIR/dog/2.png)").format(n=len(loose)) if loose else
                tr(" Put the images of each class in its own sub-folder, e.g. DIR/cat/1.png, "
                   "DIR/dog/2.png"))
        raise DataError(tr("{root} has no class sub-folders.{hint}").format(root=root, hint=hint))
    return subs


def _images_of(folder: Path) -> list[Path]:
    files = sorted((f for f in folder.iterdir()
                    if f.is_file() and not f.name.startswith(".")), key=lambda f: f.name)
    images = [f for f in files if f.suffix.lower() in EXTENSIONS]
    if not images:
        other = (tr(" (it holds {n} other files such as {name})").format(n=len(files), name=files[0].name)
                 if files else "")
        raise DataError(tr("the class folder {folder} has no images{other}; every class needs at least "
                           "one image file ({extensions})").format(
                               folder=folder, other=other, extensions=", ".join(EXTENSIONS)))
    return images


def list_images(root: Path) -> tuple[list[str], list[tuple[Path, int]]]:
    """Class names (sorted sub-folder names) and (file, label) pairs."""
    classes, items = [], []
    for label, sub in enumerate(_class_folders(root)):
        classes.append(sub.name)
        items.extend((f, label) for f in _images_of(sub))
    if len(items) > MAX_IMAGES:
        raise DataError(tr("{root} holds {n:,} images; at most {max:,} are read").format(
                            root=root, n=len(items), max=MAX_IMAGES))
    return classes, items


def load_folder(path: str, size: int | None = None, colour: bool | None = None):
    """Read every image under ``path``.

    Returns (x float32 (N, C, H, W) in [0, 1], y int64 (N,), classes, preprocessing, path).
    Images are resized (bilinear) to ``size`` x ``size``, or when ``size`` is None to the most
    common image size (ties: the first image's). ``colour`` True gives 3 channels, False one
    (grey = BT.601 luma); None gives colour when any image has colour.
    """
    if not path:
        raise DataError(tr("folder: needs a folder path, e.g. folder:images/"))
    root = Path(path).expanduser().resolve()
    classes, items = list_images(root)
    images, depths = [], set()
    for f, _ in items:
        img, depth = read_image(f)
        images.append(img)
        depths.add(depth)
    if size is not None:
        target = (size, size)
    else:
        counts = Counter(img.shape[:2] for img in images)
        best = max(counts.values())
        target = next(img.shape[:2] for img in images if counts[img.shape[:2]] == best)
    if colour is None:
        colour = any(has_colour(img) for img in images)
    h, w = target
    x = np.empty((len(images), 3 if colour else 1, h, w), dtype=np.float32)
    resized = False
    for i, img in enumerate(images):
        img = to_rgb(img) if colour else to_grey(img)
        chw = img.transpose(2, 0, 1)
        if img.shape[:2] != target:
            chw = resize_bilinear(chw, h, w)
            resized = True
        x[i] = chw
    y = np.array([label for _, label in items], dtype=np.int64)
    prep: dict = {"scale": 1 / 255 if depths == {8} else
                  (1 / 65535 if depths == {16} else [1 / 255, 1 / 65535])}
    if resized or size is not None:
        prep.update({"resize": h if h == w else [h, w], "interpolation": "bilinear"})
    return x, y, classes, prep, root
