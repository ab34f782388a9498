"""Parameter schemas: what a layer's settings are, their defaults, ranges and help text.

The palette and inspector are generated from these, and `normalize` turns whatever a user
or a file wrote into checked, canonical values (ints as ints, pairs as tuples).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any


class ParamError(ValueError):
    """A layer setting that is missing, of the wrong type or out of range."""


@dataclass(frozen=True)
class Param:
    """One setting of a layer type.

    kind is one of:
      "int", "float", "bool", "choice"  plain values (choice: one of `choices`)
      "pair"      an int or [h, w] (kernel sizes, strides); normalised to a (h, w) tuple
      "padding"   "valid" | "same" | [[top, bottom], [left, right]]
      "shape"     a list of positive ints (Input shapes)
    """

    name: str
    kind: str
    default: Any
    help: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple = ()
    optional: bool = False  # None is allowed (e.g. pool strides default to the pool size)

    def check(self, value: Any, where: str) -> Any:
        if value is None:
            if self.optional:
                return None
            raise ParamError(f"{where}: '{self.name}' must be set")
        checker = _CHECKERS[self.kind]
        return checker(self, value, where)


MAX_PARAM_INT = 10 ** 15      # larger integers are refused before any float conversion can overflow


def _number(p: Param, value: Any, where: str, cast) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ParamError(f"{where}: '{p.name}' must be a number, got {value!r}")
    if (isinstance(value, int) and abs(value) > MAX_PARAM_INT) or (isinstance(value, float) and not
                                                                     math.isfinite(value)):
        shown = repr(value) if isinstance(value, float) else f"an integer of {len(str(abs(value)))} digits"
        raise ParamError(f"{where}: '{p.name}' must be a finite number of at most {MAX_PARAM_INT:.0e}, got {shown}")
    if cast is int and float(value) != int(value):
        raise ParamError(f"{where}: '{p.name}' must be a whole number, got {value!r}")
    v = cast(value)
    if p.minimum is not None and v < p.minimum:
        raise ParamError(f"{where}: '{p.name}' must be ≥ {p.minimum:g}, got {v!r}")
    if p.maximum is not None and v > p.maximum:
        raise ParamError(f"{where}: '{p.name}' must be ≤ {p.maximum:g}, got {v!r}")
    return v


def _check_int(p, v, where):
    return _number(p, v, where, int)


def _check_float(p, v, where):
    return _number(p, v, where, float)


def _check_bool(p, v, where):
    if not isinstance(v, bool):
        raise ParamError(f"{where}: '{p.name}' must be true or false, got {v!r}")
    return v


def _check_choice(p, v, where):
    if v not in p.choices:
        opts = ", ".join(repr(c) for c in p.choices)
        raise ParamError(f"{where}: '{p.name}' must be one of {opts}, got {v!r}")
    return v


def _check_pair(p, v, where):
    if isinstance(v, (list, tuple)):
        if len(v) != 2:
            raise ParamError(f"{where}: '{p.name}' must be an int or [h, w], got {v!r}")
        return tuple(_number(p, x, where, int) for x in v)
    n = _number(p, v, where, int)
    return (n, n)


def _check_padding(p, v, where):
    if isinstance(v, str):
        if v not in ("valid", "same"):
            raise ParamError(f"{where}: '{p.name}' must be 'valid', 'same' or "
                             f"[[top, bottom], [left, right]], got {v!r}")
        return v
    bad = ParamError(f"{where}: '{p.name}' must be 'valid', 'same' or "
                     f"[[top, bottom], [left, right]] with non-negative ints, got {v!r}")
    if not isinstance(v, (list, tuple)) or len(v) != 2:
        raise bad
    out = []
    for side in v:
        if not isinstance(side, (list, tuple)) or len(side) != 2:
            raise bad
        for x in side:
            if isinstance(x, bool) or not isinstance(x, int) or x < 0:
                raise bad
        out.append((int(side[0]), int(side[1])))
    return tuple(out)


def _check_shape(p, v, where):
    if not isinstance(v, (list, tuple)) or not v:
        raise ParamError(f"{where}: '{p.name}' must be a list of positive sizes, got {v!r}")
    for x in v:
        if isinstance(x, bool) or not isinstance(x, int) or x < 1:
            raise ParamError(f"{where}: '{p.name}' must be a list of positive sizes, got {v!r}")
    return tuple(int(x) for x in v)


_CHECKERS = {
    "int": _check_int, "float": _check_float, "bool": _check_bool, "choice": _check_choice,
    "pair": _check_pair, "padding": _check_padding, "shape": _check_shape,
}


@dataclass(frozen=True)
class Schema:
    params: tuple[Param, ...] = field(default_factory=tuple)

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def normalize(self, given: dict[str, Any] | None, where: str) -> dict[str, Any]:
        """Checked, canonical values for every param; unknown names are an error."""
        given = dict(given or {})
        known = {p.name for p in self.params}
        unknown = sorted(set(given) - known)
        if unknown:
            hint = f" (known: {', '.join(sorted(known))})" if known else " (it takes none)"
            raise ParamError(f"{where}: unknown setting {', '.join(map(repr, unknown))}{hint}")
        return {p.name: p.check(given.get(p.name, p.default), where) for p in self.params}
