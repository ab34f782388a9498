"""Reading PNG and JPEG image files into float arrays (decoders in png.py and jpeg.py)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np

from .dataset import DataError
from .jpeg import JPEGError, decode_jpeg
from .png import SIGNATURE as PNG_SIGNATURE
from .png import PNGError, decode_png

EXTENSIONS = (".png", ".jpg", ".jpeg")
MAX_FILE_BYTES = 256 << 20

_OTHER_FORMATS = {b"GIF8": "GIF", b"BM": "BMP", b"II*\x00": "TIFF", b"MM\x00*": "TIFF",
                  b"RIFF": "WebP"}


def decode_image(data: bytes) -> np.ndarray:
    """PNG or JPEG bytes -> (H, W, C) uint8 or uint16 as stored (C = 1, 2, 3 or 4)."""
    if data.startswith(PNG_SIGNATURE):
        return decode_png(data)
    if data.startswith(b"\xff\xd8"):
        return decode_jpeg(data)
    for magic, kind in _OTHER_FORMATS.items():
        if data.startswith(magic):
            raise ValueError(f"it is a {kind} image; only PNG and JPEG are read, so convert it "
                             "to PNG")
    raise ValueError("it is not a PNG or JPEG image")


def to_float(pixels: np.ndarray) -> np.ndarray:
    """(H, W, C) integer pixels -> float32 (H, W, 1 or 3) in [0, 1].

    An alpha channel is applied over a black background (transparent pixels become 0).
    """
    scale = 65535.0 if pixels.dtype == np.uint16 else 255.0
    x = pixels.astype(np.float32) / np.float32(scale)
    if x.shape[-1] in (2, 4):
        x = x[..., :-1] * x[..., -1:]
    return x


def read_image(path: str | Path) -> tuple[np.ndarray, int]:
    """One image file -> (float32 (H, W, 1 or 3) in [0, 1], bit depth 8 or 16).

    Any failure is a DataError that names the file.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError(f"{p} is larger than {MAX_FILE_BYTES >> 20} MB; resize it first")
        data = p.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read {p}: {exc.strerror or exc}") from exc
    try:
        pixels = decode_image(data)
    except (PNGError, JPEGError, ValueError) as exc:
        raise DataError(f"cannot read the image {p}: {exc}") from exc
    except (IndexError, KeyError, struct.error, zlib.error) as exc:  # damaged beyond our checks
        raise DataError(f"cannot read the image {p}: the file is damaged ({exc})") from exc
    return to_float(pixels), 16 if pixels.dtype == np.uint16 else 8


def has_colour(img: np.ndarray, tolerance: float = 3 / 255) -> bool:
    """True when a (H, W, C) float image has 3 channels that are not all the same grey."""
    if img.shape[-1] != 3:
        return False
    return bool(np.abs(img[..., 0] - img[..., 1]).max(initial=0) > tolerance or
                np.abs(img[..., 1] - img[..., 2]).max(initial=0) > tolerance)


def to_grey(img: np.ndarray) -> np.ndarray:
    """(H, W, 3) -> (H, W, 1) luma with the ITU-R BT.601 weights; (H, W, 1) unchanged."""
    if img.shape[-1] == 1:
        return img
    w = np.array([0.299, 0.587, 0.114], dtype=np.float32)
    return (img @ w)[..., None].astype(np.float32)


def to_rgb(img: np.ndarray) -> np.ndarray:
    return img if img.shape[-1] == 3 else np.repeat(img, 3, axis=-1)
