"""File → Export → ONNX Model…: the current document with its current weights as an .onnx file.

The weights are the window's trained / loaded ones (`win.files.bundle`, taken from a running
training between batches first) when they fit the document, else freshly initialised ones — the
dialog says which. Errors (a network that cannot be exported, the onnx package missing, a file
that cannot be written) go to a message box.
"""
from __future__ import annotations

import os

from PySide6.QtWidgets import QFileDialog, QMessageBox

from . import format as fmt
from .i18n import QT_TR_NOOP, tr

FOLDER_KEY = "export/onnx_folder"
TITLE = QT_TR_NOOP("Export ONNX model")   # translated where shown


def current_weights(win):
    """(weights or None, what they are) for the window's document."""
    from .files import weights_problem
    for hook in getattr(win.files, "before_save", []):  # a running training's latest weights
        hook()
    bundle = win.files.bundle
    if bundle is not None and bundle.weights and weights_problem(win.doc.network, bundle.weights) is None:
        trained = bool(bundle.training.get("config"))
        return bundle.weights, (tr("its trained weights") if trained else tr("the weights of the opened model"))
    return None, tr("freshly initialised (untrained) weights — train or open a model file to export learned ones")


def export_onnx_dialog(win) -> str | None:
    """Ask for a file name and export; returns the path written, or None."""
    net = win.doc.network
    folder = str(win.settings.value(FOLDER_KEY, "") or "")
    if not folder and win.files.path:
        folder = os.path.dirname(win.files.path)
    base = os.path.splitext(os.path.basename(win.files.path))[0] if win.files.path else (net.name or "model")
    path, _ = QFileDialog.getSaveFileName(win, tr(TITLE), os.path.join(folder, base + ".onnx"),
                                          tr("ONNX model") + " (*.onnx)")
    if not path:
        return None
    if not path.lower().endswith(".onnx"):
        path += ".onnx"
    win.settings.setValue(FOLDER_KEY, os.path.dirname(os.path.abspath(path)))
    from dlstudio.io.onnx_export import ExportError, export_onnx
    weights, what = current_weights(win)
    try:
        export_onnx(net.copy(), weights, path)
    except ExportError as e:
        QMessageBox.warning(win, tr(TITLE), tr("Cannot export {name}: {error}").format(
            name=os.path.basename(path), error=fmt.error(e)))
        return None
    except OSError as e:
        QMessageBox.warning(win, tr(TITLE), tr("Cannot write {path}: {error}").format(
            path=path, error=getattr(e, 'strerror', None) or e))
        return None
    message = tr("Exported {name} with {weights}").format(name=os.path.basename(path), weights=what)
    win.statusBar().showMessage(message, 6000)
    if weights is None:
        QMessageBox.information(win, tr(TITLE), tr("{message}.").format(message=message))
    return path
