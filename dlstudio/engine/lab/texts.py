"""Sentences built from translatable pieces (no Qt).

`joined(" + ", parts)` is `" + ".join(parts)` as a `dlstudio.i18n.Text` whose arguments are the
parts, so the app's `tr_text` translates each part that is itself marked text (a list of marked
phrases stays translatable after it is joined).
"""
from __future__ import annotations

from ...i18n import Text, joined  # noqa: F401  (joined lives with Text)


def composed(template: str, **fields) -> Text:
    """`template.format(**fields)` for a template with no words of its own (a formula, a layout of
    other texts): nothing to translate in it, but the marked texts among `fields` still are."""
    return Text(template.format(**fields), template, (), fields)
