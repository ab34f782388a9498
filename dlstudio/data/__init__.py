"""Datasets for training: procedural 2-D sets, the bundled digits, and the user's files.

A dataset is named by a DATA string (``spirals``, ``digits:28``, ``csv:PATH`` …, see
docs/data.md). This package uses only NumPy and the standard library.
"""

from .dataset import DataError, Dataset, split
from .registry import available, load_dataset

__all__ = ["DataError", "Dataset", "available", "load_dataset", "split"]
