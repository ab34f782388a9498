"""The bundled UCI optical handwritten digits (8×8, 1,797 images) and a NumPy bilinear resize."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from ..i18n import message, tr
from .dataset import DataError


def _resources() -> Path:
    """The top-level resources/ of a source checkout (editable installs), else the copy a
    regular install puts under <prefix>/share/dlstudio/resources."""
    here = Path(__file__).resolve().parents[2] / "resources"
    if here.is_dir():
        return here
    return Path(sys.prefix) / "share" / "dlstudio" / "resources"


RESOURCES = _resources()
DIGITS_FILE = RESOURCES / "digits.npz"
NATIVE_SIZE = 8
MIN_SIZE, MAX_SIZE = 8, 64
PIXEL_MAX = 16  # raw pixel values are counts of "on" pixels in 4×4 blocks: 0..16


def load_raw(path: Path = DIGITS_FILE) -> tuple[np.ndarray, np.ndarray]:
    """The stored arrays: uint8 images (1797, 8, 8) with values 0..16 and uint8 labels (1797,)."""
    if not path.is_file():
        raise DataError(
            tr("the bundled digits file is missing: {path}. Reinstall dlstudio or restore "
               "resources/digits.npz from the source repository").format(path=path))
    try:
        with np.load(path, allow_pickle=False) as z:
            images, labels = z["images"], z["labels"]
    except Exception as exc:  # a damaged bundled file: say which file
        raise DataError(tr("the bundled digits file {path} is damaged ({exc}); restore it").format(
                            path=path, exc=message(exc))) from exc
    return images, labels


def _weights(n_in: int, n_out: int) -> np.ndarray:
    """(n_out, n_in) matrix of bilinear weights, half-pixel centres, edges clamped.

    Output pixel j samples the input at ``(j + 0.5) * n_in / n_out - 0.5``; each row holds at
    most two non-zero weights that sum to 1, so values stay within the input's range.
    """
    pos = (np.arange(n_out, dtype=np.float64) + 0.5) * (n_in / n_out) - 0.5
    pos = np.clip(pos, 0.0, n_in - 1)
    lo = np.floor(pos).astype(np.int64)
    hi = np.minimum(lo + 1, n_in - 1)
    frac = pos - lo
    w = np.zeros((n_out, n_in), dtype=np.float64)
    rows = np.arange(n_out)
    np.add.at(w, (rows, lo), 1.0 - frac)
    np.add.at(w, (rows, hi), frac)
    return w


def resize_bilinear(images: np.ndarray, height: int, width: int | None = None) -> np.ndarray:
    """Resize the last two axes of ``images`` to (height, width) with bilinear interpolation.

    Half-pixel-centre convention (as in most image libraries' default resize). Works on any
    leading axes, e.g. (N, C, H, W). Returns float32.
    """
    width = height if width is None else width
    images = np.asarray(images, dtype=np.float64)
    wy = _weights(images.shape[-2], height)
    wx = _weights(images.shape[-1], width)
    out = np.einsum("ih,...hw,jw->...ij", wy, images, wx, optimize=True)
    lo, hi = images.min(initial=np.inf), images.max(initial=-np.inf)
    if images.size:
        out = np.clip(out, lo, hi)
    return out.astype(np.float32)


def load_digits(size: int = NATIVE_SIZE):
    """x float32 (1797, 1, size, size) in [0, 1], y int64 labels, class names, preprocessing."""
    if isinstance(size, bool) or not isinstance(size, int) or not MIN_SIZE <= size <= MAX_SIZE:
        raise DataError(
            tr("digits size must be an integer from {min} to {max} (e.g. digits:28 for 28×28 "
               "images), not {size!r}").format(min=MIN_SIZE, max=MAX_SIZE, size=size))
    images, labels = load_raw()
    x = images.astype(np.float32)[:, None, :, :] / np.float32(PIXEL_MAX)
    preprocessing: dict = {"scale": 1.0 / PIXEL_MAX}
    if size != NATIVE_SIZE:
        x = resize_bilinear(x, size)
        preprocessing.update({"resize": size, "interpolation": "bilinear"})
    return x, labels.astype(np.int64), [str(d) for d in range(10)], preprocessing
