"""Resizing and normalising image data as part of the data source (``?resize=S``,
``?normalize=standard``), and re-applying what a model file recorded.

What is applied is recorded in ``Dataset.preprocessing`` (JSON-safe), e.g.
``{"scale": 1/255, "resize": 32, "interpolation": "bilinear",
"normalize": {"mean": [0.1307], "std": [0.3081]}}``. ``resize`` is the final image size (an int
for square images, else [height, width]); ``scale`` is what the source divided raw pixel
values by (informational: sources always apply it).
"""

from __future__ import annotations

import math

import numpy as np

from ..i18n import tr
from .dataset import DataError
from .digits import resize_bilinear
from .options import choice_option, int_option
from .scaled import ScaledImages

OPTIONS = ("resize", "normalize")
NORMALIZE_CHOICES = ("standard", "none")
MIN_RESIZE, MAX_RESIZE = 4, 512
CHUNK = 4096  # images per step when resizing or measuring, to bound temporary memory
MIN_STD = 1e-6


def pop_options(name: str, options: dict) -> tuple[int | None, str | None]:
    """Take ``resize`` and ``normalize`` out of ``options``; return their checked values."""
    resize = normalize = None
    if "resize" in options:
        resize = int_option(options.pop("resize"), tr("{name} resize").format(
            name=name), MIN_RESIZE, MAX_RESIZE,
                            f"{name}?resize=32")
    if "normalize" in options:
        normalize = choice_option(options.pop("normalize"), tr("{name} normalize").format(name=name),
                                  NORMALIZE_CHOICES, f"{name}?normalize=standard")
    return resize, normalize


def source_suffix(resize: int | None, normalize: str | None) -> list[str]:
    """The canonical DATA-string options for these choices."""
    out = []
    if resize is not None:
        out.append(f"resize={resize}")
    if normalize is not None:
        out.append(f"normalize={normalize}")
    return out


def _size(value) -> tuple[int, int]:
    if isinstance(value, bool):
        value = None
    if isinstance(value, int):
        value = [value, value]
    if (isinstance(value, (list, tuple)) and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 4096
                    for v in value)):
        return int(value[0]), int(value[1])
    raise DataError(tr("the recorded preprocessing has a bad 'resize' value {value!r}; it must be an "
                       "image size such as 28 or [28, 32]").format(value=value))


def _stats(value, channels: int) -> tuple[np.ndarray, np.ndarray]:
    try:
        mean = np.array(value["mean"], dtype=np.float64)
        std = np.array(value["std"], dtype=np.float64)
    except (TypeError, KeyError, ValueError):
        raise DataError(tr("the recorded preprocessing has a bad 'normalize' entry; it must be "
                           "{\"mean\": [...], \"std\": [...]} with one number per channel")) from None
    if mean.ndim != 1 or mean.shape != std.shape or not np.isfinite(mean).all() \
            or not np.isfinite(std).all() or (std <= 0).any():
        raise DataError(tr("the recorded preprocessing has a bad 'normalize' entry: mean and std must "
                           "be lists of finite numbers of the same length, std above 0"))
    if len(mean) != channels:
        raise DataError(tr("the model was trained on images with {n_mean} channel(s) but this data has "
                           "{channels}; use data with the same colour mode").format(
                            n_mean=len(mean), channels=channels))
    return mean.astype(np.float32), std.astype(np.float32)


def resize_images(x: np.ndarray, h: int, w: int) -> np.ndarray:
    out = np.empty(x.shape[:2] + (h, w), dtype=np.float32)
    for i in range(0, len(x), CHUNK):
        out[i:i + CHUNK] = resize_bilinear(x[i:i + CHUNK], h, w)
    return out


def channel_stats(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-channel mean and standard deviation of (N, C, H, W) images, as float32."""
    total = np.zeros(x.shape[1])
    squares = np.zeros(x.shape[1])
    for i in range(0, len(x), CHUNK):
        b = x[i:i + CHUNK].astype(np.float64)
        total += b.sum(axis=(0, 2, 3))
        squares += np.square(b).sum(axis=(0, 2, 3))
    count = max(x.shape[0] * x.shape[2] * x.shape[3], 1)
    mean = total / count
    std = np.sqrt(np.maximum(squares / count - mean ** 2, 0.0))
    std = np.where(std > MIN_STD, std, 1.0)  # a constant channel is only shifted
    return mean.astype(np.float32), std.astype(np.float32)


def apply(x: np.ndarray, prep: dict, resize: int | None, normalize: str | None,
          recorded: dict | None) -> tuple[np.ndarray, dict]:
    """Resize, then normalise, images (N, C, H, W); return them and the updated record.

    ``resize`` / ``normalize`` come from the DATA string, ``recorded`` from a model file.
    With a record, its size is the default for ``resize`` and its mean / std are used as they
    are (not recomputed) unless the DATA string says ``normalize=none``.
    """
    prep = dict(prep)
    if recorded is not None and not isinstance(recorded, dict):
        raise DataError(tr("the recorded preprocessing must be a dict (as saved in a model file)"))
    rec = recorded or {}
    target = None
    if resize is not None:
        target = (resize, resize)
    elif rec.get("resize") is not None:
        target = _size(rec["resize"])
    if target is not None:
        h, w = target
        if x.shape[2:] != (h, w):
            x = resize_images(x, h, w)
        prep.update({"resize": h if h == w else [h, w], "interpolation": "bilinear"})
    if recorded is not None and normalize != "none":
        if rec.get("normalize") is not None:
            mean, std = _stats(rec["normalize"], x.shape[1])
        elif normalize == "standard":
            raise DataError(tr("the model was trained without normalize=standard, so its data must not "
                               "be normalised either: drop ?normalize=standard"))
        else:
            return x, prep
    elif normalize == "standard":
        mean, std = channel_stats(x)
    else:
        return x, prep
    if isinstance(x, ScaledImages):   # kept 8-bit: the same arithmetic, applied batch by batch
        x = x.normalised(mean, std)
    else:
        x = x - mean[None, :, None, None]
        x /= std[None, :, None, None]
    prep["normalize"] = {"mean": [float(v) for v in mean], "std": [float(v) for v in std]}
    if not all(math.isfinite(v) for v in prep["normalize"]["mean"]):
        raise DataError(tr("the images contain values that are not finite numbers"))
    return x, prep
