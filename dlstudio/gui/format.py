"""How numbers, shapes and settings read on screen (canvas blocks, inspector, summary), and
problems and errors from the Qt-free packages in the app's language."""
from __future__ import annotations

from dlstudio.i18n import message

from . import i18n
from .i18n import tr, tr_text


def problem(p) -> str:
    """An analysis problem ("conv1: …") in the app's language."""
    return tr_text(p.text)


def error(e: BaseException) -> str:
    """An exception's message in the app's language (a marked `Text` is translated by its template)."""
    return tr_text(message(e))


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
        return tr("auto")
    if isinstance(v, bool):
        return tr("yes") if v else tr("no")
    if isinstance(v, (list, tuple)):
        if len(v) == 2 and all(isinstance(x, (list, tuple)) for x in v):
            (t, b), (l, r) = v
            return tr("pad {t},{b},{l},{r}").format(t=t, b=b, l=l, r=r)
        if len(v) == 2 and v[0] == v[1]:
            return str(v[0])
        return "×".join(str(x) for x in v)
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


_LABELS = {"alpha": "α"}
def _param_labels() -> dict[str, str]:
    """The layers' settings (their names are keys of the network files) as the inspector names
    them; made when shown (after the translator is installed), told apart from other areas' words."""
    return {
        "alpha": tr("alpha", "layer setting"),
        "filters": tr("filters", "layer setting"),
        "kernel_size": tr("kernel size", "layer setting"),
        "strides": tr("strides", "layer setting"),
        "padding": tr("padding", "layer setting"),
        "use_bias": tr("use bias", "layer setting"),
        "shape": tr("shape", "layer setting"),
        "units": tr("units", "layer setting"),
        "rate": tr("rate", "layer setting"),
        "momentum": tr("momentum", "layer setting"),
        "epsilon": tr("epsilon", "layer setting"),
        "pool_size": tr("pool size", "layer setting"),
        "ceil_mode": tr("ceil mode", "layer setting"),
        "count_include_pad": tr("count include pad", "layer setting"),
        "return_sequences": tr("return sequences", "layer setting"),
    }


def param_label(name: str) -> str:
    """A setting's name on screen: "kernel size" for kernel_size (translated)."""
    return _param_labels().get(name) or name.replace("_", " ")


def group_label(group: str) -> str:
    """A layer group of the catalogue (its keys stay English) in the app's language."""
    labels = {
        "Input": tr("Input", "layer group"),
        "Core": tr("Core", "layer group"),
        "Convolution": tr("Convolution", "layer group"),
        "Pooling": tr("Pooling", "layer group"),
        "Normalization": tr("Normalization", "layer group"),
        "Activation": tr("Activation", "layer group"),
        "Recurrent": tr("Recurrent", "layer group"),
        "Merge": tr("Merge", "layer group"),
    }
    return labels.get(group) or tr_text(group)


def setting_name(name: str) -> str:
    """A setting named in running text (palette help, undo texts): its file name (kernel_size) in
    English, as the app always said it; its translated label in another language."""
    return name if i18n.current() == "en" else param_label(name)


def setting(name: str, v) -> str | None:
    """One summary setting as it reads on a canvas block (None: not worth showing)."""
    if name == "padding":
        return None if v == "valid" else padding(v)
    if name == "units":
        return tr("1 unit") if v == 1 else tr("{n} units").format(n=v)
    if name == "filters":
        return tr("1 filter") if v == 1 else tr("{n} filters").format(n=v)
    if name == "shape":
        return shape(v)
    if name == "return_sequences":
        return tr("all steps") if v else tr("last step")
    if name in ("kernel_size", "pool_size"):
        h, w = (v, v) if not isinstance(v, (list, tuple)) else v
        return f"{h}×{w}" if name == "kernel_size" else tr("pool {size}").format(size=f"{h}×{w}")
    if name == "strides":
        if v is None:
            return None  # = the pool size
        h, w = (v, v) if not isinstance(v, (list, tuple)) else v
        return None if (h, w) == (1, 1) else tr("stride {n}").format(n=value((h, w)))
    return f"{_LABELS.get(name) or param_label(name)} {value(v)}"


def padding(v) -> str:
    """A padding setting: "same" / "valid" by name (translated), explicit sides spelled out."""
    if v == "same":
        return tr("same", "padding")
    if v == "valid":
        return tr("valid", "padding")
    return value(v)


def settings(keys, params: dict) -> str:
    parts = (setting(k, params.get(k)) for k in keys if k in params)
    return " · ".join(p for p in parts if p)
