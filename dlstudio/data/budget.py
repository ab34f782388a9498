"""The memory budget for loading data files, checked before anything large is allocated.

Set with the environment variable ``DLSTUDIO_LOAD_BUDGET`` (bytes, or with a K/M/G suffix);
the default is 2 GiB.
"""

from __future__ import annotations

import os

from ..i18n import tr
from .dataset import DataError

DEFAULT_BUDGET = 2 << 30
ENV = "DLSTUDIO_LOAD_BUDGET"
_UNITS = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def load_budget() -> int:
    """The loading budget in bytes (read from the environment on every call)."""
    text = os.environ.get(ENV, "").strip().upper().removesuffix("B").removesuffix("I")
    if not text:
        return DEFAULT_BUDGET
    scale = _UNITS.get(text[-1], 1)
    try:
        value = int(float(text[:-1] if scale > 1 else text) * scale)
    except ValueError:
        raise DataError(tr("{variable}={value!r} is not a size; use e.g. 4G or 500M").format(
                            variable=ENV, value=os.environ[ENV])) from None
    if value <= 0:
        raise DataError(tr("{variable} must be positive, not {value!r}").format(
                            variable=ENV, value=os.environ[ENV]))
    return value


def check_budget(where, nbytes: int) -> None:
    """Raise DataError if loading ``nbytes`` for ``where`` would exceed the budget."""
    budget = load_budget()
    if nbytes > budget:
        raise DataError(
            tr("{where} would need {need_mib:,.1f} MiB to load, more than the loading budget of "
               "{budget_mib:,.0f} MiB; if the file is right and the memory is there, raise the budget "
               "with the environment variable {variable} (e.g. {variable}=8G)").format(
                where=where, need_mib=nbytes / 2 ** 20, budget_mib=budget / 2 ** 20, variable=ENV))
