"""Reading the ``?KEY=VALUE`` options of a DATA string, with messages that show an example."""

from __future__ import annotations

import math
import numbers

from ..i18n import tr
from .dataset import DataError

_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


def check_options(name: str, options: dict, allowed: tuple[str, ...]) -> None:
    unknown = [k for k in options if k not in allowed]
    if unknown:
        allowed_text = ", ".join(allowed) if allowed else "none"
        raise DataError(tr("unknown option {option!r} for {name}; options for {name}: "
                           "{allowed_text}").format(
                            option=unknown[0], name=name, allowed_text=allowed_text))


def int_option(text: str, what: str, lo: int, hi: int, example: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise DataError(tr("{what} must be a whole number, not {text!r} (e.g. {example})").format(
                            what=what, text=text, example=example)) from None
    if not lo <= v <= hi:
        raise DataError(tr("{what} must be between {lo} and {hi}, not {v} (e.g. {example})").format(
                            what=what, lo=lo, hi=hi, v=v, example=example))
    return v


def whole_number(value, what: str, lo: int, hi: int) -> int:
    """A whole-number argument given from Python (not parsed from text), range-checked."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise DataError(tr("{what} must be a whole number, not {value!r}").format(what=what, value=value))
    if not lo <= value <= hi:
        raise DataError(tr("{what} must be between {lo} and {hi:,}, not {value}").format(
                            what=what, lo=lo, hi=hi, value=value))
    return int(value)


def float_option(text: str, what: str, lo: float, hi: float, example: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise DataError(tr("{what} must be a number, not {text!r} (e.g. {example})").format(
                            what=what, text=text, example=example)) from None
    if not (math.isfinite(v) and lo <= v <= hi):
        raise DataError(tr("{what} must be between {lo:g} and {hi:g}, not {text} (e.g. {example})").format(
                            what=what, lo=lo, hi=hi, text=text, example=example))
    return v


def flag_option(text: str, what: str, example: str) -> bool:
    low = text.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise DataError(tr("{what} must be 1 or 0, not {text!r} (e.g. {example})").format(
                        what=what, text=text, example=example))


def choice_option(text: str, what: str, choices: tuple[str, ...], example: str) -> str:
    low = text.strip().lower()
    if low not in choices:
        raise DataError(tr("{what} must be one of {choices}, not {text!r} (e.g. {example})").format(
                            what=what, choices=', '.join(choices), text=text, example=example))
    return low
