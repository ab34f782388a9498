"""Translatable text without Qt: what the Qt-free packages say, marked so the app can translate it.

The engine, the network catalogue, the data loaders and the model files speak English (the command
line stays English). Text that the app shows is marked with `tr`:

    help=tr("Fully connected: every output is a weighted sum of all inputs plus a bias.")
    raise ShapeError(tr("{layer} needs an image input [C, H, W], got {shape}").format(layer=..., shape=...))

`tr` returns a `Text`: a `str` (so everything that compares, prints or joins strings is unchanged)
that remembers its English template and the arguments it was formatted with. The app translates
it with `dlstudio.gui.i18n.tr_text`, which looks the template up in the Qt translation files and
formats the translation with the same arguments (translating arguments that are `Text` too).

Exceptions carry their message as a `Text`: `raise ShapeError(tr("…").format(...))` keeps the
Text as `e.args[0]`, while `str(e)` stays the same English. The app gets the Text back with
`message(e)` (the Text when there is one, else `str(e)`) and shows it with `tr_text(message(e))`;
code that wraps one error in another passes `message(e)` on (`UserError(message(e))`, or as a
named argument `tr("{path}: {error}").format(path=p, error=message(e))`) so the translation
survives. Network problems (`dlstudio.spec.Problem.message`) are Texts too.

Rules for marked text: a literal string directly inside `tr(...)` (Qt's `pyside6-lupdate` finds it
there, in the empty context the app's own `tr` uses); arguments by name with `.format(...)`, never
f-strings or `+`, so that the template survives. Building the `.ts` files and `.qm` catalogues:
`python -m dlstudio.gui.i18n.build` (docs/translating.md).
"""
from __future__ import annotations

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}


class Text(str):
    """An English string that remembers the template and the arguments it was made from."""

    __slots__ = ("template", "args", "kwargs")

    def __new__(cls, value: str, template: str | None = None, args: tuple = (), kwargs: dict | None = None):
        self = super().__new__(cls, value)
        self.template = value if template is None else template
        self.args = tuple(args)
        self.kwargs = dict(kwargs or {})
        return self

    def format(self, *args, **kwargs) -> "Text":
        return Text(str.format(self.template, *args, **kwargs), self.template, args, kwargs)

    def __reduce__(self):
        return (Text, (str(self), self.template, self.args, self.kwargs))


def tr(text: str, disambiguation: str | None = None) -> Text:
    """Mark `text` (a literal) as translatable; English is returned (see the module's doc)."""
    return Text(text)


def joined(separator: str, parts) -> Text:
    """`separator.join(parts)` that remembers its parts (braces in the separator are escaped)."""
    parts = list(parts)
    sep = separator.replace("{", "{{").replace("}", "}}")
    template = sep.join("{%d}" % i for i in range(len(parts)))
    return Text(separator.join(str(p) for p in parts), template, tuple(parts))


def message(exc: BaseException) -> str:
    """The message of an exception: its `Text` (see the module's doc) when it was raised with one,
    else `str(exc)` (which is the same English either way)."""
    args = getattr(exc, "args", ())
    if len(args) == 1 and isinstance(args[0], Text) and not isinstance(exc, KeyError):
        return args[0]
    return str(exc)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802  (the name Qt's lupdate looks for)
    """Mark a literal for translation where it is defined (tables at import time); translate it
    where it is shown, with the app's `tr(value)`."""
    return text


def normalize_language(code: str | None) -> str | None:
    """'zh_CN', 'zh-CN', 'zh', 'zh_CN.UTF-8' → 'zh_CN'; 'en_US' → 'en'; unknown or empty → None."""
    if not code:
        return None
    code = str(code).split(".")[0].split("@")[0].replace("-", "_").strip()
    low = code.lower()
    if low in ("c", "posix", ""):
        return "en"
    if low.startswith("zh"):
        return "zh_CN" if low in ("zh", "zh_cn", "zh_hans", "zh_sg", "zh_hans_cn") else None
    if low.startswith("en"):
        return "en"
    return None
