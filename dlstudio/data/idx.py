"""The idx file format of MNIST and friends, raw or gzip-compressed.

An idx file is: two zero bytes, one dtype byte, one byte with the number of dimensions D, D
big-endian uint32 sizes, then the values in C order, big-endian.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import numpy as np

from ..i18n import message, tr
from .budget import check_budget
from .dataset import DataError
from .files import check_labels
from .scaled import ScaledImages

TRAILING_SHOWN = 4096  # trailing bytes read (and counted exactly) past the declared shape

DTYPES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}
DTYPE_NAMES = {0x08: "uint8", 0x09: "int8", 0x0B: "int16", 0x0C: "int32", 0x0D: "float32",
               0x0E: "float64"}


def _read_bytes(p: Path) -> bytes:
    """The file's bytes, decompressing gzip as a stream and refusing more than the header's
    shape (plus a little, to report trailing data) or the loading budget."""
    try:
        with open(p, "rb") as f:
            magic = f.read(2)
            f.seek(0)
            stream = gzip.GzipFile(fileobj=f) if magic == b"\x1f\x8b" else f
            with stream:
                head = stream.read(4)
                if len(head) == 4 and head[:2] == b"\0\0" and head[2] in DTYPES:
                    head += stream.read(4 * head[3])
                    limit = _declared_bytes(head, p)
                else:
                    limit = 0  # parse_idx reports what is wrong with the header
                raw = head + stream.read(limit + TRAILING_SHOWN + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise DataError(tr("cannot read {p}: it is damaged or not an idx file ({exc})").format(
                            p=p, exc=message(exc))) from exc
    return raw


def _declared_bytes(head: bytes, where) -> int:
    """Bytes of data the header declares (exact Python integers: no overflow), checked
    against the loading budget. A truncated header gives 0; parse_idx reports it."""
    ndim = head[3]
    if len(head) < 4 + 4 * ndim:
        return 0
    need = np.dtype(DTYPES[head[2]]).itemsize
    for d in np.frombuffer(head, ">u4", ndim, 4):
        need *= int(d)
    check_budget(where, need)
    return need


def parse_idx(raw: bytes, where: str) -> np.ndarray:
    """The array an idx file holds, in native byte order. ``where`` names it in errors."""
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0:
        raise DataError(tr("{where} is not an idx file: it must start with two zero bytes (found "
                           "{found})").format(
                            where=where, found=raw[:4].hex(' ') or tr("an empty file")))
    code, ndim = raw[2], raw[3]
    if code not in DTYPES:
        known = ", ".join(f"0x{c:02X} {n}" for c, n in DTYPE_NAMES.items())
        raise DataError(tr("{where} has the unsupported idx data type 0x{code:02X}; supported: {known}").format(
                            where=where, code=code, known=known))
    if ndim == 0:
        raise DataError(tr("{where} declares 0 dimensions; an idx file needs at least one").format(
                            where=where))
    head = 4 + 4 * ndim
    if len(raw) < head:
        raise DataError(tr("{where} is truncated: its header declares {ndim} dimensions but the file "
                           "ends before their sizes").format(where=where, ndim=ndim))
    dims = tuple(int(d) for d in np.frombuffer(raw, ">u4", ndim, 4))
    dtype = np.dtype(DTYPES[code])
    need = _declared_bytes(raw[:head], where)
    have = len(raw) - head
    if have < need:
        raise DataError(tr("{where} is truncated: its header declares shape {dims} ({need:,} bytes of "
                           "data) but only {have:,} bytes follow; download or copy it again").format(
                            where=where, dims=dims, need=need, have=have))
    if have > need:
        extra = f"{have - need:,}" if have - need <= TRAILING_SHOWN else tr("over {n:,}").format(
            n=TRAILING_SHOWN)
        raise DataError(tr("{where} has {extra} bytes more than its header's shape {dims} declares; it "
                           "is damaged or not an idx file").format(where=where, extra=extra, dims=dims))
    arr = np.frombuffer(raw, dtype, offset=head).reshape(dims)
    return arr.astype(dtype.newbyteorder("="))


def read_idx(path: str | Path) -> np.ndarray:
    """Read one idx file (``.gz`` or raw: the gzip header is detected, not the extension)."""
    p = Path(path)
    if not p.is_file():
        raise DataError(tr("idx file not found: {p}").format(p=p) if not p.exists() else
                        tr("idx path is not a file: {p}").format(p=p))
    return parse_idx(_read_bytes(p), str(p))


def images_to_float(images: np.ndarray, where: str) -> tuple[np.ndarray, dict]:
    """(N, H, W) or (N, 1, H, W) idx images -> float32 (N, 1, H, W) and preprocessing.

    uint8 images are divided by 255 into [0, 1], batch by batch: they stay uint8 in a
    ScaledImages (a quarter of the memory); other types keep their values.
    """
    if images.ndim == 3:
        images = images[:, None]
    elif not (images.ndim == 4 and images.shape[1] in (1, 3)):
        raise DataError(tr("{where} holds an array of shape {shape}; image files must have 3 dimensions "
                           "(N, rows, columns)").format(where=where, shape=images.shape))
    if images.dtype == np.uint8:
        return ScaledImages(images, 255), {"scale": 1 / 255}
    x = images.astype(np.float32)
    if not np.isfinite(x).all():
        raise DataError(tr("{where} contains NaN or infinite values").format(where=where))
    return x, {}


def labels_to_int(labels: np.ndarray, where: str) -> np.ndarray:
    if labels.ndim == 2 and labels.shape[1] == 1:
        labels = labels[:, 0]
    if labels.ndim != 1:
        raise DataError(tr("{where} holds an array of shape {shape}; a label file must have one "
                           "dimension (N,)").format(where=where, shape=labels.shape))
    if not np.issubdtype(labels.dtype, np.integer):
        raise DataError(tr("{where} holds {dtype} values; labels must be integers").format(
                            where=where, dtype=labels.dtype))
    labels = labels.astype(np.int64)
    check_labels(labels, lambda i: tr("{where}, label {i}").format(where=where, i=i))
    return labels


def load_idx_pair(images_path: str | Path, labels_path: str | Path):
    """Images float32 (N, 1, H, W), labels int64 (N,), preprocessing, from two idx files."""
    images = read_idx(images_path)
    labels = read_idx(labels_path)
    x, prep = images_to_float(images, str(images_path))
    y = labels_to_int(labels, str(labels_path))
    if len(x) != len(y):
        raise DataError(tr("{images_path} holds {n_x:,} images but {labels_path} holds {n_y:,} labels; "
                           "they must match (is it the right pair of files?)").format(
                            images_path=images_path, n_x=len(x), labels_path=labels_path, n_y=len(y)))
    if len(x) == 0:
        raise DataError(tr("{images_path} holds no images").format(images_path=images_path))
    return x, y, prep
