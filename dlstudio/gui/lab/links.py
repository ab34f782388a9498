""""Explain" links: a rich-text anchor for a topic the Lab explains, and how to read one back.

Widgets that show a concept (the palette's help, the inspector, the training setup) append
`explain_link(topic)` to their text and connect their label's `linkActivated` to a slot that
passes `topic_of(href)` to the main window's `explain`.
"""
from __future__ import annotations

from ..i18n import tr
from . import page_for

PREFIX = "lab:"


def explain_link(topic: str, text: str | None = None) -> str:
    """`<a href="lab:TOPIC">text →</a>` (default text: "Explain in the Lab", translated), or ""
    when no Lab page explains `topic`."""
    if page_for(topic) is None:
        return ""
    if text is None:
        text = tr("Explain in the Lab")
    return f"<a href='{PREFIX}{topic}'>{text}&nbsp;→</a>"


def topic_of(href: str) -> str | None:
    """The topic of a link made by `explain_link`, or None for another link."""
    return href[len(PREFIX):] if href.startswith(PREFIX) else None
