"""Reading image files into float arrays, with Pillow.

Every format Pillow reads (JPEG incl. progressive and CMYK, PNG incl. 16-bit grey, palette and
transparency, BMP, GIF, WebP, TIFF), with EXIF orientation applied. The decoded size is checked
against the loading budget (DLSTUDIO_LOAD_BUDGET) before any pixel is decoded.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from ..i18n import message, tr
from .budget import check_budget, load_budget
from .dataset import DataError

EXTENSIONS = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff")
_SIXTEEN = ("I;16", "I;16L", "I;16B", "I;16N", "I")
_KEEP = ("L", "LA", "RGB", "RGBA")
FLOAT_BYTES_PER_PIXEL = 16  # float32 RGBA while converting: the peak per pixel


def _pixels(img: Image.Image) -> np.ndarray:
    """An opened Pillow image -> (H, W, C) uint8 or uint16 (C = 1, 2, 3 or 4)."""
    img = ImageOps.exif_transpose(img)
    if img.mode in _SIXTEEN:
        a = np.asarray(img)
        a = np.clip(a, 0, 65535).astype(np.uint16) if a.dtype != np.uint16 else a
        return a[..., None]
    if "transparency" in img.info and img.mode in ("P", "L", "RGB", "1"):
        img = img.convert("RGBA")
    elif img.mode == "PA":
        img = img.convert("RGBA")
    elif img.mode == "1":
        img = img.convert("L")
    elif img.mode not in _KEEP:
        img = img.convert("RGB")
    a = np.asarray(img, dtype=np.uint8)
    return a[..., None] if a.ndim == 2 else a


def decode_image(path: Path) -> np.ndarray:
    """Decode one image file -> (H, W, C) uint8 or uint16 as stored; errors are DataError."""
    budget = load_budget()
    old = Image.MAX_IMAGE_PIXELS
    try:
        Image.MAX_IMAGE_PIXELS = max(1, budget // FLOAT_BYTES_PER_PIXEL)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                w, h = img.size
                check_budget(tr("the image {path} ({w}x{h} pixels)").format(
                    path=path, w=w, h=h), w * h * FLOAT_BYTES_PER_PIXEL)
                return _pixels(img)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise DataError(tr("the image {path} is too large for the loading budget of {budget_mib:,.0f} "
                           "MiB ({exc}); raise it with the environment variable DLSTUDIO_LOAD_BUDGET "
                           "(e.g. DLSTUDIO_LOAD_BUDGET=8G)").format(
                            path=path, budget_mib=budget / 2 ** 20, exc=message(exc))) from exc
    except UnidentifiedImageError as exc:
        raise DataError(tr("cannot read the image {path}: it is not an image format Pillow reads (PNG, "
                           "JPEG, BMP, GIF, WebP, TIFF, ...)").format(path=path)) from exc
    except DataError:
        raise
    except Exception as exc:  # Pillow raises many kinds on damaged files; all mean "damaged"
        raise DataError(tr("cannot read the image {path}: the file is damaged ({exc})").format(
                            path=path, exc=message(exc))) from exc
    finally:
        Image.MAX_IMAGE_PIXELS = old


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
        check_budget(tr("the image {p}").format(p=p), p.stat().st_size)
    except OSError as exc:
        raise DataError(tr("cannot read {p}: {reason}").format(
                            p=p, reason=exc.strerror or exc)) from exc
    pixels = decode_image(p)
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
