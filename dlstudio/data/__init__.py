"""Datasets for training: procedural 2-D sets and shape images, the bundled digits,
downloaded MNIST / Fashion-MNIST, and the user's files (npz, csv, idx, folders of images).

A dataset is named by a DATA string (``spirals``, ``digits:28``, ``shapes?color=1``, ``mnist``,
``csv:PATH``, ``folder:DIR`` …, see docs/data.md). This package uses NumPy, the
standard library and Pillow (image files).
"""

from .dataset import DataError, Dataset, split
from .registry import available, load_dataset

__all__ = ["DataError", "Dataset", "available", "load_dataset", "split"]
