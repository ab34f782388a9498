"""Files: new / open / save (network .json and model .dls), recent files, the unsaved-changes
prompt, and autosave to a recovery file that the next start offers to restore.

A `.dls` that was opened keeps its weights, optimizer state and history when saved again,
as long as the weights still fit the edited network; if they do not, the user chooses
between saving the network alone as `.json` and a model file with fresh weights.
Every dialog goes through QMessageBox / QFileDialog or `ask_weights_choice` (tests replace them).
"""
from __future__ import annotations

import json
import os

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from dlstudio.io.atomic import write_text_atomic
from dlstudio.io.modelfile import ModelBundle, ModelFileError, load_model, save_model
from dlstudio.spec import DocumentError, Network, all_types, analyze
from dlstudio.spec.layout import apply_layout

from . import format as fmt
from .document import Document
from .i18n import QT_TR_NOOP, tr
from .recovery import RecoveryMixin

RECENT_KEY = "files/recent"
FOLDER_KEY = "ui/lastFolder"   # where the last file was opened or saved: the next dialog starts there
MAX_RECENT = 10
AUTOSAVE_MS = 30_000
EXPERIMENT_FORMAT = "dlstudio-experiment"
# the file dialogs' filters: (description, patterns); the descriptions translated where shown
OPEN_FILTERS = ((QT_TR_NOOP("Networks, models and experiments"), "*.dls *.json *.onnx"),
                (QT_TR_NOOP("Model files"), "*.dls"), (QT_TR_NOOP("Network files"), "*.json"),
                (QT_TR_NOOP("ONNX models"), "*.onnx"), (QT_TR_NOOP("All files"), "*"))
SAVE_FILTERS = ((QT_TR_NOOP("Model file"), "*.dls"), (QT_TR_NOOP("Network file"), "*.json"))
MessageBox = QMessageBox.StandardButton


def file_filter(filters) -> str:
    """A QFileDialog filter in the app's language: "Model file (*.dls);;…" (the patterns as they are)."""
    return ";;".join(f"{tr(text)} ({patterns})" for text, patterns in filters)


class FileError(Exception):
    """A file cannot be read or written; the message says why."""


def weights_problem(net: Network, weights: dict) -> str | None:
    """Why these named weights do not fit the network (None if they fit exactly)."""
    a = analyze(net)
    if a.problems:
        return tr("the network has problems ({problem})").format(problem=fmt.problem(a.problems[0]))
    types = all_types()
    expected = {}
    for nid in a.order:
        lt = types[net.node(nid).type]
        for name, (shape, _) in lt.weights(a.params[nid], a.in_shapes[nid]).items():
            expected[f"{nid}.{name}"] = tuple(shape)
    missing = sorted(set(expected) - set(weights))
    extra = sorted(set(weights) - set(expected))
    if missing or extra:
        new, gone = ", ".join(missing[:3]), ", ".join(extra[:3])
        if missing and extra:
            return tr("the layers that own weights changed (new: {new}) (gone: {gone})").format(new=new, gone=gone)
        if missing:
            return tr("the layers that own weights changed (new: {new})").format(new=new)
        return tr("the layers that own weights changed (gone: {gone})").format(gone=gone)
    for name, shape in expected.items():
        if tuple(weights[name].shape) != shape:
            return tr("{name} was {old} and is now {new}").format(name=name, old=list(weights[name].shape),
                                                                 new=list(shape))
    return None


def fresh_bundle(net: Network) -> ModelBundle:
    """A model file for an untrained network: freshly initialised weights, no training state."""
    from dlstudio.engine.model import (
        Model,  # the engine only when a model file is written
    )
    return ModelBundle(network=net.to_dict(), weights=Model(net, seed=0).weights(), training={})


def read_file(path: str) -> tuple[Network, ModelBundle | None]:
    if path.lower().endswith(".onnx"):  # imported: the network with its weights, no training state
        from dlstudio.io.onnx_import import OnnxImportError, import_onnx_bundle
        try:
            bundle = import_onnx_bundle(path)
            return Network.from_dict(bundle.network), bundle
        except (OnnxImportError, DocumentError) as e:
            raise FileError(tr("Cannot import {name}: {error}").format(name=os.path.basename(path),
                                                                       error=fmt.error(e))) from None
    if path.lower().endswith(".dls"):
        try:
            bundle = load_model(path)
            return Network.from_dict(bundle.network), bundle
        except (ModelFileError, DocumentError) as e:
            raise FileError(fmt.error(e)) from None
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise FileError(tr("Cannot open {path}: {error}").format(path=path,
                                                                 error=getattr(e, 'strerror', None) or e)) from None
    try:
        return Network.from_json(text), None
    except DocumentError as e:
        raise FileError(tr("Cannot open {path}: {error}").format(path=path, error=fmt.error(e))) from None


def is_experiment_file(path: str) -> bool:
    """True if `path` is a .json experiment (`"format": "dlstudio-experiment"`), not a network."""
    if not str(path).lower().endswith(".json"):
        return False
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(data, dict) and data.get("format") == EXPERIMENT_FORMAT


def ensure_positions(net: Network, force: bool = False) -> None:
    """Lay the network out if asked to, or if some node has no canvas position."""
    if force or any(n.pos is None for n in net.nodes):
        apply_layout(net)


def ask_weights_choice(parent: QWidget, problem: str) -> str | None:
    """'json' (save the network alone), 'fresh' (model file with new weights) or None (cancel)."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("The weights no longer fit"),
                      tr("The trained weights in this model file do not fit the edited network: {problem}.")
                      .format(problem=problem), parent=parent)
    box.setInformativeText(tr("Save the network alone as a .json file, or keep the model file and start "
                              "again from fresh, untrained weights?"))
    as_json = box.addButton(tr("Save network as .json…"), QMessageBox.ButtonRole.AcceptRole)
    fresh = box.addButton(tr("Use fresh weights"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return {as_json: "json", fresh: "fresh"}.get(box.clickedButton())


class FileController(RecoveryMixin, QObject):
    sigPathChanged = Signal()     # the current file (or its name) changed
    sigRecentChanged = Signal()   # the recent-files list changed
    sigMessage = Signal(str)      # a status message ("Saved lenet.dls")

    def __init__(self, window: QWidget, doc: Document, stack: QUndoStack, settings: QSettings,
                 recovery_dir: str):
        super().__init__(window)
        self.window, self.doc, self.stack, self.settings = window, doc, stack, settings
        self.path: str | None = None
        self.bundle: ModelBundle | None = None
        self.imported_from: str | None = None  # the .onnx the current model came from (never saved back)
        self.recovery_path = os.path.join(recovery_dir, "recovery.json")
        # The recovery file is this session's only once the previous session's was dealt with
        # (`offer_recovery`): until then nothing here writes or deletes it.
        self.recovery_armed = False
        self.autosave_timer = QTimer(self, interval=AUTOSAVE_MS, timeout=self.autosave)
        # Training results (weights, optimizer state, history) not yet saved: they are no undo
        # command, so they make the document dirty on their own.
        self.results_dirty = False
        self.guards: list = []        # callables -> bool, asked before the document is dropped
        self.before_save: list = []   # callables run before a model file is written
        stack.cleanChanged.connect(self._clean_changed)
        doc.sigNodeRenamed.connect(self._rename_weights)

    # ---- state --------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return not self.stack.isClean() or self.results_dirty

    def has_training(self) -> bool:
        """True if the current model carries training state (it can be continued)."""
        return self.bundle is not None and bool(self.bundle.training.get("config"))

    def set_trained(self, bundle: ModelBundle) -> None:
        """A run in the app produced these weights, optimizer state and history (not saved yet)."""
        self.bundle = bundle
        self.results_dirty = True
        self.sigPathChanged.emit()

    def has_pretrained(self) -> bool:
        """True if the model's weights came from elsewhere (an imported .onnx, or a model file saved
        from one) without a training record here: training fine-tunes them."""
        return self.bundle is not None and bool(self.bundle.training.get("source")) and not self.has_training()

    def unsaved_weights(self) -> bool:
        """True if the model carries weights that are in no model file yet (trained or imported)."""
        return self.bundle is not None and self.results_dirty and bool(self.bundle.weights)

    def display_name(self) -> str:
        if self.path:
            return os.path.basename(self.path)
        if self.imported_from:
            return tr("{name} (imported, unsaved)").format(name=os.path.basename(self.imported_from))
        return tr("{name} (unsaved)").format(name=self.doc.network.name)

    def _rename_weights(self, old: str, new: str) -> None:
        """Weights are named <node id>.<name>: a renamed layer keeps its trained weights."""
        b = self.bundle
        if b is None:
            return

        def renamed(name: str) -> str:
            node, _, rest = name.rpartition(".")
            return f"{new}.{rest}" if node == old else name

        b.weights = {renamed(k): v for k, v in b.weights.items()}
        b.optimizer_slots = {slot: {renamed(k): v for k, v in arrays.items()}
                             for slot, arrays in b.optimizer_slots.items()}

    def _clean_changed(self, clean: bool) -> None:
        if clean:  # saved, or undone back to the saved state: nothing to recover
            self.remove_recovery()

    # ---- loading ------------------------------------------------------------------------------
    def load_network(self, net: Network, path: str | None = None, bundle: ModelBundle | None = None,
                     layout: bool = False) -> None:
        ensure_positions(net, force=layout)
        self.path, self.bundle = path, bundle
        self.imported_from = None
        self.results_dirty = False
        self.doc.replace(net)
        self.stack.clear()
        self.stack.setClean()
        self.sigPathChanged.emit()

    def new_network(self, net: Network) -> bool:
        """Replace the document with `net` (after the unsaved-changes prompt)."""
        if not self.maybe_save():
            return False
        self.load_network(net, layout=True)
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path, _ = QFileDialog.getOpenFileName(self.window, tr("Open network or model"), self.last_folder(),
                                              file_filter(OPEN_FILTERS))
        return bool(path) and self.open_path(path, ask=False)

    def open_path(self, path: str, ask: bool = True) -> bool:
        if is_experiment_file(path) and hasattr(self.window, "open_lab"):
            return self.open_experiment(path)
        if ask and not self.maybe_save():
            return False
        try:
            net, bundle = read_file(path)
        except FileError as e:
            QMessageBox.warning(self.window, tr("Cannot open"), str(e))
            return False
        if path.lower().endswith(".onnx"):  # never written back as .onnx: Save asks where (a .dls)
            self.load_network(net, None, bundle, layout=True)
            self.imported_from = os.path.abspath(path)
            self.results_dirty = True  # the imported weights are in no model file yet
            self.sigPathChanged.emit()
        else:
            self.load_network(net, os.path.abspath(path), bundle)
        self.add_recent(os.path.abspath(path))
        self.sigMessage.emit(tr("Opened {name}").format(name=os.path.basename(path)))
        return True

    def open_experiment(self, path: str) -> bool:
        """An experiment file opens in the Lab's Experiments page (the network stays as it is)."""
        page = self.window.open_lab("experiments").page("experiments")
        if not page.open_file(path):
            return False
        self.add_recent(os.path.abspath(path))
        return True

    # ---- saving -------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True if it is fine to drop the current document (saved, discarded or clean)."""
        if not all(guard() for guard in self.guards):
            return False
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self.window, tr("Unsaved changes"), tr("Save the changes to {name}?").format(name=self.display_name()),
            MessageBox.Save | MessageBox.Discard | MessageBox.Cancel, MessageBox.Save)
        if answer == MessageBox.Save:
            return self.save()
        return answer == MessageBox.Discard

    def save(self) -> bool:
        if self.path is None or (self.results_dirty and not self.path.lower().endswith(".dls")):
            return self.save_as()  # trained weights go into a model file, never lost in a .json
        return self.write(self.path)

    def save_as(self) -> bool:
        # weights (trained, or imported from an .onnx) are offered a model file, never lost in a .json
        ext = ".dls" if self.has_training() or self.unsaved_weights() else ".json"
        source = self.path or self.imported_from
        suggested = (os.path.splitext(source)[0] + ext if source else
                     os.path.join(self.last_folder(), _slug(self.doc.network.name) + ext))
        caption = tr("Save trained model") if ext == ".dls" else tr("Save network")
        path, chosen = QFileDialog.getSaveFileName(self.window, caption, suggested, file_filter(SAVE_FILTERS))
        if not path:
            return False
        if not path.lower().endswith((".dls", ".json")):
            path += ".dls" if "dls" in (chosen or "") else ".json"
        return self.write(path)

    def write(self, path: str) -> bool:
        net = self.doc.network
        try:
            if not path.lower().endswith(".dls"):
                write_text_atomic(path, net.to_json())
                if not self.results_dirty:  # unsaved training results stay for a model file
                    self.bundle = None
            else:
                for hook in self.before_save:
                    hook()
                bundle = self._bundle_for_save(path)
                if bundle is None:
                    return False
                if isinstance(bundle, str):  # the user chose to save as .json instead
                    return self.write(bundle)
                save_model(path, bundle)
                self.bundle = bundle
        except (OSError, ValueError) as e:
            QMessageBox.warning(self.window, tr("Cannot save"), tr("Cannot save {path}: {error}").format(
                path=path, error=getattr(e, 'strerror', None) or fmt.error(e)))
            return False
        self.path = os.path.abspath(path)
        self.results_dirty = self.results_dirty and not path.lower().endswith(".dls")
        self.stack.setClean()
        self.add_recent(self.path)
        self.sigPathChanged.emit()
        self.sigMessage.emit(tr("Saved {name}").format(name=os.path.basename(path)))
        return True

    def _bundle_for_save(self, path: str) -> ModelBundle | str | None:
        """The bundle to write to a .dls, a .json path to write instead, or None (cancelled)."""
        net = self.doc.network
        if self.bundle is not None:
            problem = weights_problem(net, self.bundle.weights)
            if problem is None:
                b = self.bundle
                return ModelBundle(network=net.to_dict(), weights=b.weights, training=b.training,
                                   optimizer_slots=b.optimizer_slots, history=b.history)
            choice = ask_weights_choice(self.window, problem)
            if choice is None:
                return None
            if choice == "json":
                json_path, _ = QFileDialog.getSaveFileName(
                    self.window, tr("Save network"), os.path.splitext(path)[0] + ".json",
                    file_filter(SAVE_FILTERS[1:]))
                return json_path or None
        problems = analyze(net).problems
        if problems:
            QMessageBox.warning(self.window, tr("Cannot save a model file"),
                                tr("A model file needs a network that works: {problem}. "
                                   "Fix it, or save the network as .json.").format(problem=fmt.problem(problems[0])))
            return None
        return fresh_bundle(net)

    # ---- recent files -------------------------------------------------------------------------
    def last_folder(self) -> str:
        """The folder of the last file opened or saved (if it still exists), else the current
        file's folder, else the home folder."""
        folder = str(self.settings.value(FOLDER_KEY, "") or "")
        if folder and os.path.isdir(folder):
            return folder
        return os.path.dirname(self.path) if self.path else os.path.expanduser("~")

    def recent_files(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [p for p in (value or []) if isinstance(p, str)]

    def remember_folder(self, path: str) -> None:
        """The next file dialog starts in the folder of `path` (a file just opened, saved or exported)."""
        self.settings.setValue(FOLDER_KEY, os.path.dirname(os.path.abspath(path)))

    def add_recent(self, path: str) -> None:
        self.remember_folder(path)
        files = [path] + [p for p in self.recent_files() if p != path]
        self.settings.setValue(RECENT_KEY, files[:MAX_RECENT])
        self.sigRecentChanged.emit()

    def clear_recent(self) -> None:
        self.settings.setValue(RECENT_KEY, [])
        self.sigRecentChanged.emit()


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name.lower()).strip("-") or "network"
