"""File → Export → Diagram: save the current network as PNG, SVG or PDF."""
from __future__ import annotations

import os

from PySide6.QtWidgets import QFileDialog, QMessageBox

FOLDER_KEY = "export/diagram_folder"
FILTERS = "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"


def export_diagram_dialog(win) -> str | None:
    from .diagram import DiagramError, save_diagram
    net = win.doc.network
    folder = str(win.settings.value(FOLDER_KEY, "") or os.path.expanduser("~"))
    name = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in (net.name or "network")) + ".png"
    path, chosen = QFileDialog.getSaveFileName(win, "Export diagram", os.path.join(folder, name), FILTERS)
    if not path:
        return None
    if os.path.splitext(path)[1].lower() not in (".png", ".svg", ".pdf"):
        path += next((e for e in (".svg", ".pdf") if e[1:] in (chosen or "").lower()), ".png")
    try:
        save_diagram(net, path)
    except (DiagramError, OSError) as e:
        QMessageBox.warning(win, "Cannot export diagram", str(e))
        return None
    win.settings.setValue(FOLDER_KEY, os.path.dirname(os.path.abspath(path)))
    win.statusBar().showMessage(f"Diagram saved to {os.path.basename(path)}", 4000)
    return path
