"""Autosave to a recovery file, and the offer to restore it at the next start (a mixin of
`FileController`: it uses the controller's document, settings, path and signals)."""
from __future__ import annotations

import json
import os
import time

from PySide6.QtWidgets import QMessageBox

from dlstudio.io.atomic import write_text_atomic
from dlstudio.io.modelfile import ModelFileError, load_model
from dlstudio.spec import DocumentError, Network

from . import format as fmt
from .i18n import tr

RECOVERY_FORMAT = "dlstudio-recovery"
MessageBox = QMessageBox.StandardButton


class RecoveryMixin:
    """The recovery file is this session's only once the previous session's was dealt with
    (`offer_recovery`): until then nothing here writes or deletes it."""

    def autosave(self) -> bool:
        """Write the recovery file if there are unsaved changes; True if written."""
        if not self.recovery_armed or not self.is_dirty():
            return False
        data = {"format": RECOVERY_FORMAT, "version": 1, "path": self.path, "saved": time.time(),
                "network": self.doc.network.to_dict()}
        try:
            os.makedirs(os.path.dirname(self.recovery_path), exist_ok=True)
            write_text_atomic(self.recovery_path, json.dumps(data))
        except OSError as e:
            self.sigMessage.emit(tr("Autosave failed: {error}").format(error=e.strerror or e))
            return False
        return True

    def remove_recovery(self) -> None:
        if not self.recovery_armed:
            return
        try:
            os.unlink(self.recovery_path)
        except FileNotFoundError:
            pass
        except OSError:
            pass

    def pending_recovery(self) -> dict | None:
        try:
            with open(self.recovery_path, encoding="utf-8") as f:
                data = json.load(f)
            if data.get("format") == RECOVERY_FORMAT and isinstance(data.get("network"), dict):
                return data
        except (OSError, ValueError, AttributeError):
            pass
        return None

    def arm_recovery(self) -> None:
        """From now on autosave every 30 s while there are unsaved changes."""
        self.recovery_armed = True
        self.autosave_timer.start()

    def offer_recovery(self) -> bool:
        """If the last session ended without a clean exit, offer its unsaved work; True if restored.
        Afterwards the recovery file belongs to this session (autosave starts)."""
        data = self.pending_recovery()
        self.arm_recovery()
        if data is None:
            self.remove_recovery()
            return False
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(data.get("saved") or 0))
        name = os.path.basename(data.get("path") or "") or data["network"].get("name", "untitled")
        answer = QMessageBox.question(
            self.window, tr("Restore unsaved work?"),
            tr("dlstudio did not close cleanly last time. Restore the unsaved changes to {name} (autosaved {when})?")
            .format(name=name, when=when),
            MessageBox.Yes | MessageBox.No, MessageBox.Yes)
        if answer != MessageBox.Yes:
            self.remove_recovery()
            return False
        try:
            net = Network.from_dict(data["network"])
        except DocumentError as e:
            QMessageBox.warning(self.window, tr("Cannot restore"),
                                tr("The recovery file is damaged: {error}").format(error=fmt.error(e)))
            self.remove_recovery()
            return False
        path = data.get("path")
        bundle = None
        if path and path.lower().endswith(".dls"):
            try:
                bundle = load_model(path)
            except ModelFileError:
                path = None  # the original model file is gone: save the restored network anew
        self.load_network(net, path, bundle)
        self.stack.resetClean()
        self.sigPathChanged.emit()
        self.autosave()
        return True
