"""Parameter schemas: what a layer's settings are, their defaults, ranges and help text.

The palette and inspector are generated from these, and `normalize` turns whatever a user
or a file wrote into checked, canonical values (ints as ints, pairs as tuples).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any
from ..i18n import tr


class ParamError(ValueError):
    """A layer setting that is missing, of the wrong type or out of range: `where` (the layer)
    and `detail` (what is wrong with the setting, a `Text`); the message is "where: detail"."""

    def __init__(self, where: str, detail: str | None = None):
        # one argument: the whole message (as when an exception is unpickled)
        super().__init__(where if detail is None else tr("{where}: {detail}").format(
            where=where, detail=detail))
        self.where, self.detail = where, detail


@dataclass(frozen=True)
class Param:
    """One setting of a layer type.

    kind is one of:
      "int", "float", "bool", "choice"  plain values (choice: one of `choices`)
      "pair"      an int or [h, w] (kernel sizes, strides); normalised to a (h, w) tuple
      "padding"   "valid" | "same" | [[top, bottom], [left, right]]
      "shape"     a list of positive ints (Input shapes); with minimum=-1 one entry may be -1,
                  a size inferred from the others (Reshape targets)
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
            raise ParamError(where, tr("'{name}' must be set").format(name=self.name))
        checker = _CHECKERS[self.kind]
        return checker(self, value, where)


MAX_PARAM_INT = 10 ** 15      # larger integers are refused before any float conversion can overflow


def _number(p: Param, value: Any, where: str, cast) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ParamError(where, tr("'{name}' must be a number, got {value!r}").format(name=p.name, value=value))
    if (isinstance(value, int) and abs(value) > MAX_PARAM_INT) or (isinstance(value, float) and not
                                                                     math.isfinite(value)):
        shown = repr(value) if isinstance(value, float) else tr("an integer of {n} digits").format(
            n=len(str(abs(value))))
        raise ParamError(where, tr("'{name}' must be a finite number of at most {largest:.0e}, "
                            "got {shown}").format(name=p.name, largest=MAX_PARAM_INT, shown=shown))
    if cast is int and float(value) != int(value):
        raise ParamError(where, tr("'{name}' must be a whole number, got {value!r}").format(
            name=p.name, value=value))
    v = cast(value)
    if p.minimum is not None and v < p.minimum:
        raise ParamError(where, tr("'{name}' must be ≥ {minimum:g}, got {v!r}").format(
            name=p.name, minimum=p.minimum, v=v))
    if p.maximum is not None and v > p.maximum:
        raise ParamError(where, tr("'{name}' must be ≤ {maximum:g}, got {v!r}").format(
            name=p.name, maximum=p.maximum, v=v))
    return v


def _check_int(p, v, where):
    return _number(p, v, where, int)


def _check_float(p, v, where):
    return _number(p, v, where, float)


def _check_bool(p, v, where):
    if not isinstance(v, bool):
        raise ParamError(where, tr("'{name}' must be true or false, got {v!r}").format(name=p.name, v=v))
    return v


def _check_choice(p, v, where):
    if v not in p.choices:
        opts = ", ".join(repr(c) for c in p.choices)
        raise ParamError(where, tr("'{name}' must be one of {opts}, got {v!r}").format(
            name=p.name, opts=opts, v=v))
    return v


def _check_pair(p, v, where):
    if isinstance(v, (list, tuple)):
        if len(v) != 2:
            raise ParamError(where, tr("'{name}' must be an int or [h, w], got {v!r}").format(name=p.name, v=v))
        return tuple(_number(p, x, where, int) for x in v)
    n = _number(p, v, where, int)
    return (n, n)


def _check_padding(p, v, where):
    if isinstance(v, str):
        if v not in ("valid", "same"):
            raise ParamError(where, tr("'{name}' must be 'valid', 'same' or [[top, bottom], [left, "
                                "right]], got {v!r}").format(name=p.name, v=v))
        return v
    bad = ParamError(where, tr("'{name}' must be 'valid', 'same' or [[top, bottom], [left, right]] "
                        "with non-negative ints, got {v!r}").format(name=p.name, v=v))
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
    infer = p.minimum == -1   # one size may be -1, inferred from the others (Reshape targets)
    bad = (tr("'{name}' must be a list of positive sizes (one may be -1, inferred), got {v!r}") if infer
           else tr("'{name}' must be a list of positive sizes, got {v!r}"))
    if not isinstance(v, (list, tuple)) or not v:
        raise ParamError(where, bad.format(name=p.name, v=v))
    for x in v:
        if isinstance(x, bool) or not isinstance(x, int) or not (x >= 1 or (infer and x == -1)):
            raise ParamError(where, bad.format(name=p.name, v=v))
        if x > MAX_PARAM_INT:
            raise ParamError(where, tr("'{name}' must be a finite number of at most {largest:.0e}, "
                                       "got {shown}").format(name=p.name, largest=MAX_PARAM_INT,
                                                             shown=tr("an integer of {n} digits").format(
                                                                 n=len(str(x)))))
    if infer and list(v).count(-1) > 1:
        raise ParamError(where, tr("'{name}' may infer only one size (one -1), got {v!r}").format(
            name=p.name, v=v))
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
            hint = (tr(" (known: {names})").format(names=", ".join(sorted(known))) if known
                    else tr(" (it takes none)"))
            raise ParamError(where, tr("unknown setting {names}{hint}").format(
                names=', '.join(map(repr, unknown)),
                                 hint=hint))
        return {p.name: p.check(given.get(p.name, p.default), where) for p in self.params}
