"""The Training dock: run controls and progress on top, the setup and the curves below."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QTabWidget,
                               QVBoxLayout, QWidget)

from .. import icons
from ..i18n import tr


ACTIVE_STATES = ("preparing", "compiling", "training", "pausing", "paused")


def duration(seconds: float | None) -> str:
    if seconds is None or seconds != seconds:
        return "—"
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class TrainingPanel(QWidget):
    def __init__(self, setup, curves, parent=None):
        super().__init__(parent)
        self.start_button = QPushButton(tr("Start"))
        self.pause_button = QPushButton(tr("Pause"))
        self.stop_button = QPushButton(tr("Stop"))
        self.restart_button = QPushButton(tr("Restart"))
        self.start_button.setToolTip(tr("Train the network (Space on the canvas)"))
        self.pause_button.setToolTip(tr("Pause after the current batch; the paused run can be inspected and saved "
                                        "(Space on the canvas)"))
        self.stop_button.setToolTip(tr("Stop after the current batch; Continue picks up exactly there"))
        self.restart_button.setToolTip(tr("Train again from fresh weights (the earlier run's curves stay, faded)"))
        self.start_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for b in (self.start_button, self.pause_button, self.stop_button, self.restart_button):
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            buttons.addWidget(b)
        self.progress = QProgressBar(textVisible=True)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(tr("Ready"))
        self.details = QLabel(" ")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # a long progress line must not widen the dock (it grew by a pixel at the end of a run)
        self.details.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status = QLabel(wordWrap=True)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(setup, tr("Setup"))
        self.tabs.addTab(curves, tr("Curves"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 0)
        lay.setSpacing(4)
        lay.addLayout(buttons)
        lay.addWidget(self.progress)
        lay.addWidget(self.details)
        lay.addWidget(self.status)
        lay.addWidget(self.tabs, 1)
        self.apply_icons()

    def apply_icons(self) -> None:
        self.start_button.setIcon(icons.icon("train", self.palette()))

    def show_state(self, state: str, start_kind: str, ready: bool, training: bool = True) -> None:
        """`start_kind`: what Start does ("continue", "fine-tune" or "fresh", see the controller);
        `training`: the active run trains (a look at the model for a live view cannot be paused)."""
        active = state != "idle"
        can_continue = start_kind != "fresh"
        text, tip = {
            "continue": (tr("Continue"),
                         tr("Continue training this model: same optimizer state, epochs counted on (Space)")),
            "fine-tune": (tr("Fine-tune"),
                          tr("Train on from the imported weights, with a fresh optimizer (Space)")),
        }.get(start_kind, (tr("Start"), tr("Train the network from fresh weights (Space)")))
        self.start_button.setText(text)
        self.start_button.setToolTip(tip)
        self.start_button.setEnabled(not active and ready)
        self.pause_button.setEnabled(training and state in ACTIVE_STATES)
        self.pause_button.setText(tr("Resume") if state in ("paused", "pausing") else tr("Pause"))
        self.stop_button.setEnabled(training and active and state != "stopping")
        self.restart_button.setEnabled(not active and ready and can_continue)

    def show_phase(self, phase: str, message: str) -> None:
        if phase in ("preparing", "compiling"):
            self.progress.setRange(0, 0)  # busy
            self.progress.setFormat(message)
        else:
            self.progress.setRange(0, 1000)
        if phase == "paused":
            self.progress.setFormat(tr("{progress} · paused").format(progress=self.progress.format().split(" · ")[0]))
        self.status.setText(message if phase in ("preparing", "compiling") else "")

    def show_progress(self, p: dict) -> None:
        if "epoch" not in p:
            return
        self.progress.setRange(0, 1000)
        span = max(p["epochs"] - p["first_epoch"], 1e-9)
        self.progress.setValue(int(1000 * min(max((p["position"] - p["first_epoch"]) / span, 0), 1)))
        self.progress.setFormat(tr("Epoch {epoch} / {epochs} · %p%").format(epoch=p["epoch"], epochs=p["epochs"]))
        self.details.setText(tr("batch {batch} / {batches} · {rate} samples/s · ETA {eta} · elapsed {elapsed} · "
                                "loss {loss}").format(batch=f"{p['batch']:,}", batches=f"{p['batches']:,}",
                                                      rate=f"{p['samples_per_s']:,.0f}", eta=duration(p["eta_s"]),
                                                      elapsed=duration(p["elapsed_s"]), loss=f"{p['loss']:.4g}"))

    def reset(self) -> None:
        """Another document: no progress, no status of an earlier run."""
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(tr("Ready"))
        self.details.setText(" ")
        self.status.setText("")

    def show_finished(self, text: str, complete: bool = False) -> None:
        self.progress.setRange(0, 1000)
        if complete:
            self.progress.setValue(1000)
        self.progress.setFormat(text)
        self.status.setText("")
