"""Images kept as their raw 8-bit pixels and turned into float32 batch by batch.

A 60,000-image MNIST set is 45 MiB as uint8 but 179 MiB as float32. `ScaledImages` keeps the
uint8 array and a recipe (divide by a constant, then optionally subtract a per-channel mean and
divide by a per-channel std), and applies the recipe to whatever is indexed: ``images[idx]``
returns exactly the float32 values the old whole-set conversion gave (the same float32
operations, element by element). To the rest of the program it looks like a read-only float32
array of shape (N, C, H, W): ``shape``, ``len``, ``dtype``, indexing, ``np.asarray`` (which
converts the whole set) and NumPy functions and operators (also on the whole set).
"""
from __future__ import annotations

import numbers

import numpy as np
from numpy.lib.mixins import NDArrayOperatorsMixin

FLOAT = np.dtype(np.float32)


class ScaledImages(NDArrayOperatorsMixin):
    """uint8 images (N, C, H, W) read as float32: ``raw / divisor``, then ``(v - mean) / std``."""

    def __init__(self, raw: np.ndarray, divisor: float, mean=None, std=None):
        raw = np.ascontiguousarray(raw)
        if raw.dtype != np.uint8 or raw.ndim != 4:
            raise ValueError(f"ScaledImages holds uint8 images (N, C, H, W), not {raw.dtype} {raw.shape}")
        if (mean is None) != (std is None):
            raise ValueError("mean and std are given together or not at all")
        self.raw = raw
        self.divisor = np.float32(divisor)
        if mean is not None:
            mean = np.asarray(mean, np.float32).reshape(-1, 1, 1)
            std = np.asarray(std, np.float32).reshape(-1, 1, 1)
            if len(mean) != raw.shape[1] or len(std) != raw.shape[1]:
                raise ValueError(f"one mean and std per channel ({raw.shape[1]}), not {len(mean)}")
        self.channel_mean, self.channel_std = mean, std   # not .mean / .std: those are ndarray's

    # ---- the array face ----------------------------------------------------------------------
    dtype = FLOAT
    ndim = 4

    @property
    def shape(self) -> tuple:
        return self.raw.shape

    @property
    def size(self) -> int:
        return self.raw.size

    @property
    def nbytes(self) -> int:
        """The bytes actually held (the uint8 pixels), not those of the float32 view."""
        return self.raw.nbytes

    def __len__(self) -> int:
        return len(self.raw)

    def __repr__(self) -> str:
        norm = ", normalised" if self.channel_mean is not None else ""
        return f"ScaledImages(shape={self.shape}, uint8 / {float(self.divisor):g}{norm})"

    def _decode(self, raw: np.ndarray) -> np.ndarray:
        """The recipe on a block of samples (…, C, H, W): the old conversion's float32 steps."""
        v = raw.astype(np.float32) / self.divisor
        if self.channel_mean is not None:
            v = v - self.channel_mean
            v /= self.channel_std
        return v

    def __getitem__(self, key):
        if isinstance(key, tuple):
            if not key:
                return self._decode(self.raw)
            head, rest = key[0], key[1:]
            if not all(isinstance(k, (numbers.Integral, slice)) for k in (head, *rest)):
                return np.asarray(self)[key]           # unusual indexing: on the whole set
            block = self[head]
            return block[rest] if isinstance(head, numbers.Integral) else block[(slice(None), *rest)]
        if key is None or key is Ellipsis:
            return np.asarray(self)[key]
        return self._decode(self.raw[key])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __array__(self, dtype=None, copy=None):
        out = self._decode(self.raw)
        return out if dtype is None else out.astype(dtype, copy=False)

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        if any(isinstance(o, ScaledImages) for o in kwargs.get("out", ())):
            return NotImplemented                      # read-only: no results written into it
        args = [np.asarray(a) if isinstance(a, ScaledImages) else a for a in inputs]
        return getattr(ufunc, method)(*args, **kwargs)

    def __array_function__(self, func, types, args, kwargs):
        def plain(a):
            if isinstance(a, ScaledImages):
                return np.asarray(a)
            if isinstance(a, (list, tuple)):
                return type(a)(plain(v) for v in a)
            return a
        return func(*plain(args), **{k: plain(v) for k, v in kwargs.items()})

    def astype(self, dtype, copy: bool = True) -> np.ndarray:
        return np.asarray(self).astype(dtype, copy=False)

    def copy(self) -> np.ndarray:
        """A new float32 array, as ndarray.copy gives (``select`` keeps the 8-bit form)."""
        return np.asarray(self)

    def __getattr__(self, name):
        # anything else an ndarray has (min, max, mean, reshape, …): on the whole set as float32
        if name.startswith("_") or not hasattr(np.ndarray, name):
            raise AttributeError(name)
        return getattr(np.asarray(self), name)

    # ---- what the loaders use ----------------------------------------------------------------
    def select(self, idx) -> ScaledImages:
        """The samples at ``idx`` (indices, a slice or a boolean mask), still as uint8."""
        raw = self.raw[idx]
        if raw.ndim == 3:
            raw = raw[None]
        return ScaledImages(raw, self.divisor, self.channel_mean, self.channel_std)

    def normalised(self, mean: np.ndarray, std: np.ndarray) -> ScaledImages:
        """The same pixels, then minus ``mean`` and divided by ``std`` per channel."""
        if self.channel_mean is not None:
            raise ValueError("these images are normalised already")
        return ScaledImages(self.raw, self.divisor, mean, std)


def select(x, idx):
    """``x[idx]`` as a new array, keeping ScaledImages as uint8 (Dataset.subset)."""
    if isinstance(x, ScaledImages):
        return x.select(idx)
    return x[idx].copy()
