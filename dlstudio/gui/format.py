"""How numbers, shapes and settings read on screen (canvas blocks, inspector, summary)."""
from __future__ import annotations


def shape(s) -> str:
    return "×".join(str(int(d)) for d in s) if s is not None else "?"


def count(n: int) -> str:
    return f"{int(n):,}"


def compact(n: float, unit: str = "") -> str:
    """1234 → '1.23 k', 5_600_000 → '5.6 M' (with an optional unit after the prefix)."""
    n = float(n)
    for factor, prefix in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(n) >= factor:
            v = n / factor
            digits = 0 if v >= 100 else 1 if v >= 10 else 2
            return f"{v:.{digits}f} {prefix}{unit}".rstrip()
    return f"{int(n)} {unit}".rstrip()


def value(v) -> str:
    """A parameter value: pairs as h×w (or n when square), explicit padding spelled out."""
    if v is None:
        return "auto"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, (list, tuple)):
        if len(v) == 2 and all(isinstance(x, (list, tuple)) for x in v):
            (t, b), (l, r) = v
            return f"pad {t},{b},{l},{r}"
        if len(v) == 2 and v[0] == v[1]:
            return str(v[0])
        return "×".join(str(x) for x in v)
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


_LABELS = {"alpha": "α"}


def setting(name: str, v) -> str | None:
    """One summary setting as it reads on a canvas block (None: not worth showing)."""
    if name == "padding":
        return None if v == "valid" else value(v)
    if name == "units":
        return f"{v} units"
    if name == "filters":
        return f"{v} filters"
    if name == "shape":
        return shape(v)
    if name == "return_sequences":
        return "all steps" if v else "last step"
    if name in ("kernel_size", "pool_size"):
        h, w = (v, v) if not isinstance(v, (list, tuple)) else v
        return f"{h}×{w}" if name == "kernel_size" else f"pool {h}×{w}"
    if name == "strides":
        if v is None:
            return None  # = the pool size
        h, w = (v, v) if not isinstance(v, (list, tuple)) else v
        return None if (h, w) == (1, 1) else f"stride {value((h, w))}"
    return f"{_LABELS.get(name, name.replace('_', ' '))} {value(v)}"


def settings(keys, params: dict) -> str:
    parts = (setting(k, params.get(k)) for k in keys if k in params)
    return " · ".join(p for p in parts if p)
