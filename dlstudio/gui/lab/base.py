"""What every Lab page is: a title, a few sentences with the formula, and the interactive part.

A page is a QWidget subclass of `LabPage`. It computes nothing itself: its numbers come from
`dlstudio.engine.lab` (the engine's own layers, losses, optimizers and trainer). Pages that
animate start their timers in `activate()` and stop them in `deactivate()` (the window calls
these when the page is shown or hidden, so a hidden page costs nothing). `explain(topic)`
focuses the page on one concept (e.g. the optimizer "adam"); `shutdown()` stops any worker.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..i18n import tr


class LabPage(QWidget):
    key: str = ""
    # the English title and intro, marked with QT_TR_NOOP; shown translated
    title: str = ""
    # a few sentences and the formula, rich text (HTML subset QLabel renders)
    intro: str = ""
    # how long `dlstudio --screenshot OUT.png lab:KEY` lets the page run before it is rendered
    shot_seconds: float = 0.3

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName(f"lab_{self.key}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)
        self.heading = QLabel(f"<b style='font-size:15pt'>{tr(self.title)}</b>")
        self.intro_label = QLabel(tr(self.intro) if self.intro else "", wordWrap=True,
                                  textFormat=Qt.TextFormat.RichText)
        self.intro_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.heading)
        outer.addWidget(self.intro_label)
        self.body = QWidget()
        outer.addWidget(self.body, 1)

    # -- hooks ------------------------------------------------------------------------------
    def activate(self) -> None:
        """The page became visible: start animations / timers."""

    def deactivate(self) -> None:
        """The page was hidden: stop animations / timers."""

    def explain(self, topic: str) -> None:
        """Focus on `topic` (a layer type, `loss:NAME`, `optimizer:NAME`, `batch:MODE`)."""

    def shutdown(self) -> None:
        """The window closes: stop timers and workers."""
        self.deactivate()
