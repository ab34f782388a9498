"""The in-memory dataset type, the error type, and the train / validation split."""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field

import numpy as np
from ..i18n import tr
from .scaled import ScaledImages, select

TASKS = ("classification", "regression")
MAX_VAL_FRACTION = 0.9


class DataError(ValueError):
    """A user mistake with data: the message says what is wrong and how to fix it."""


@dataclass
class Dataset:
    """Samples and targets, ready for training.

    ``x`` is float32 of shape (N, *sample_shape): images (N, C, H, W), sequences (N, T, F),
    vectors (N, F); 8-bit images are a ScaledImages (uint8 kept, read as float32 when indexed). ``y`` is int64 (N,) with labels 0..K-1 for classification and float32
    (N, *target_shape) for regression. Arrays are converted to these dtypes on construction.
    """

    name: str
    source: str
    x: np.ndarray
    y: np.ndarray
    task: str
    classes: list[str] = field(default_factory=list)
    preprocessing: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.task not in TASKS:
            raise DataError(tr("task must be one of {tasks}, not {task!r}").format(
                                tasks=', '.join(TASKS), task=self.task))
        x = self.x if isinstance(self.x, ScaledImages) else np.asarray(self.x)
        y = np.asarray(self.y)
        if x.ndim < 1 or y.ndim < 1:
            raise DataError(tr("x and y must have a leading sample axis (N, ...)"))
        if x.shape[0] != y.shape[0]:
            raise DataError(tr("x has {n_x} samples but y has {n_y}; they must match").format(
                                n_x=x.shape[0], n_y=y.shape[0]))
        # 8-bit images stay 8-bit (ScaledImages: float32 values batch by batch, a quarter the memory)
        self.x = x if isinstance(x, ScaledImages) else np.ascontiguousarray(x, dtype=np.float32)
        self.classes = [c if isinstance(c, str) else str(c) for c in self.classes]  # keeps marked names (Text)
        if self.task == "classification":
            if y.ndim != 1:
                raise DataError(tr("classification labels must have shape (N,), not {shape}").format(
                                    shape=y.shape))
            self.y = np.ascontiguousarray(y, dtype=np.int64)
            if len(self.y):
                top = int(self.y.max())
                if int(self.y.min()) < 0:
                    raise DataError(tr("classification labels must be 0..K-1; found a negative label"))
                if not self.classes:
                    self.classes = [str(i) for i in range(top + 1)]
                elif top >= len(self.classes):
                    raise DataError(
                        tr("label {top} is out of range for {n_classes} class names").format(
                            top=top, n_classes=len(self.classes)))
        else:
            self.y = np.ascontiguousarray(y, dtype=np.float32)
            self.classes = []
        self.preprocessing = dict(self.preprocessing)

    @property
    def sample_shape(self) -> tuple:
        return tuple(self.x.shape[1:])

    @property
    def num_classes(self) -> int:
        return len(self.classes) if self.task == "classification" else 0

    @property
    def target_shape(self) -> tuple:
        return tuple(self.y.shape[1:])

    def __len__(self) -> int:
        return int(self.x.shape[0])

    def __repr__(self) -> str:
        extra = f", classes={self.num_classes}" if self.task == "classification" else ""
        return (f"Dataset(name={self.name!r}, source={self.source!r}, n={len(self)}, "
                f"sample_shape={self.sample_shape}, task={self.task!r}{extra})")

    def subset(self, idx) -> "Dataset":
        """A new dataset holding the samples at ``idx`` (indices, a slice or a boolean mask)."""
        if not isinstance(idx, slice):
            idx = np.asarray(idx)
            if idx.ndim == 0:
                idx = idx.reshape(1)
            if idx.dtype == bool:
                if idx.shape != (len(self),):
                    raise DataError(
                        tr("a boolean mask must have shape ({n},), not {shape}").format(
                            n=len(self), shape=idx.shape))
            elif idx.size == 0:
                idx = idx.astype(np.intp)
            elif not np.issubdtype(idx.dtype, np.integer):
                raise DataError(tr("subset indices must be integers, not {dtype}").format(dtype=idx.dtype))
        return Dataset(
            name=self.name,
            source=self.source,
            x=select(self.x, idx),
            y=self.y[idx].copy(),
            task=self.task,
            classes=list(self.classes),
            preprocessing=dict(self.preprocessing),
        )


def _check_fraction(val_fraction) -> float:
    if isinstance(val_fraction, bool) or not isinstance(val_fraction, numbers.Real):
        raise DataError(tr("the validation fraction must be a number, not {val_fraction!r}").format(
                            val_fraction=val_fraction))
    f = float(val_fraction)
    if not math.isfinite(f) or f < 0 or f > MAX_VAL_FRACTION:
        raise DataError(
            tr("the validation fraction must be between 0 and {max} (e.g. 0.2 keeps 20% of "
               "the samples for validation), not {val_fraction!r}").format(
                max=MAX_VAL_FRACTION, val_fraction=val_fraction))
    return f


def _check_seed(seed) -> int:
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise DataError(tr("the seed must be a non-negative integer, not {seed!r}").format(seed=seed))
    return int(seed)


def _allocate(counts: np.ndarray, n_val: int, rng: np.random.Generator) -> np.ndarray:
    """Split ``n_val`` over groups in proportion to ``counts`` (largest remainders, random ties)."""
    quota = counts * (n_val / counts.sum())
    take = np.floor(quota).astype(np.int64)
    left = n_val - int(take.sum())
    if left > 0:
        remainder = quota - take
        tie = rng.random(len(counts))
        order = np.lexsort((tie, -remainder))
        order = [i for i in order if take[i] < counts[i]]
        take[order[:left]] += 1
    return take


def split(ds: Dataset, val_fraction: float, seed: int) -> tuple[Dataset, Dataset]:
    """Shuffle ``ds`` and cut it into (train, validation).

    About ``val_fraction`` of the samples go to validation (at least one when the fraction is
    above 0 and there are two or more samples; the training part is never empty). For
    classification the cut is stratified: every class keeps its share in both parts.
    A fraction of 0 gives an empty validation set.
    """
    f = _check_fraction(val_fraction)
    rng = np.random.default_rng(_check_seed(seed))
    n = len(ds)
    n_val = int(round(f * n))
    if f > 0 and n >= 2:
        n_val = max(n_val, 1)
    n_val = min(n_val, max(n - 1, 0))
    if ds.task == "classification" and n_val > 0:
        labels = ds.y
        present = np.unique(labels)
        counts = np.array([(labels == c).sum() for c in present], dtype=np.int64)
        take = _allocate(counts, n_val, rng)
        val_parts, train_parts = [], []
        for c, k in zip(present, take):
            members = rng.permutation(np.flatnonzero(labels == c))
            val_parts.append(members[:k])
            train_parts.append(members[k:])
        val_idx = rng.permutation(np.concatenate(val_parts))
        train_idx = rng.permutation(np.concatenate(train_parts))
    else:
        order = rng.permutation(n)
        val_idx, train_idx = order[:n_val], order[n_val:]
    return ds.subset(train_idx), ds.subset(val_idx)
