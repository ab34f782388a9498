"""Reading the ``?KEY=VALUE`` options of a DATA string, with messages that show an example."""

from __future__ import annotations

import math
import numbers

from .dataset import DataError

_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


def check_options(name: str, options: dict, allowed: tuple[str, ...]) -> None:
    unknown = [k for k in options if k not in allowed]
    if unknown:
        allowed_text = ", ".join(allowed) if allowed else "none"
        raise DataError(f"unknown option {unknown[0]!r} for {name}; "
                        f"options for {name}: {allowed_text}")


def int_option(text: str, what: str, lo: int, hi: int, example: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise DataError(f"{what} must be a whole number, not {text!r} (e.g. {example})") from None
    if not lo <= v <= hi:
        raise DataError(f"{what} must be between {lo} and {hi}, not {v} (e.g. {example})")
    return v


def whole_number(value, what: str, lo: int, hi: int) -> int:
    """A whole-number argument given from Python (not parsed from text), range-checked."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise DataError(f"{what} must be a whole number, not {value!r}")
    if not lo <= value <= hi:
        raise DataError(f"{what} must be between {lo} and {hi:,}, not {value}")
    return int(value)


def float_option(text: str, what: str, lo: float, hi: float, example: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise DataError(f"{what} must be a number, not {text!r} (e.g. {example})") from None
    if not (math.isfinite(v) and lo <= v <= hi):
        raise DataError(f"{what} must be between {lo:g} and {hi:g}, not {text} (e.g. {example})")
    return v


def flag_option(text: str, what: str, example: str) -> bool:
    low = text.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise DataError(f"{what} must be 1 or 0, not {text!r} (e.g. {example})")


def choice_option(text: str, what: str, choices: tuple[str, ...], example: str) -> str:
    low = text.strip().lower()
    if low not in choices:
        raise DataError(f"{what} must be one of {', '.join(choices)}, not {text!r} "
                        f"(e.g. {example})")
    return low
