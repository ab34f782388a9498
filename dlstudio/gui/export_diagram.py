"""File → Export → Diagram: save the current network as PNG, SVG or PDF."""
from __future__ import annotations

import os

from PySide6.QtWidgets import QFileDialog, QMessageBox

from . import format as fmt
from .files import file_filter
from .i18n import QT_TR_NOOP, tr

FOLDER_KEY = "export/diagram_folder"
FILTERS = ((QT_TR_NOOP("PNG image"), "*.png"), (QT_TR_NOOP("SVG drawing"), "*.svg"),
           (QT_TR_NOOP("PDF document"), "*.pdf"))


def export_diagram_dialog(win) -> str | None:
    from .diagram import DiagramError, save_diagram
    net = win.doc.network
    folder = str(win.settings.value(FOLDER_KEY, "") or os.path.expanduser("~"))
    name = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in (net.name or "network")) + ".png"
    path, chosen = QFileDialog.getSaveFileName(win, tr("Export diagram"), os.path.join(folder, name),
                                               file_filter(FILTERS))
    if not path:
        return None
    if os.path.splitext(path)[1].lower() not in (".png", ".svg", ".pdf"):
        path += next((e for e in (".svg", ".pdf") if e[1:] in (chosen or "").lower()), ".png")
    try:
        save_diagram(net, path)
    except (DiagramError, OSError) as e:
        QMessageBox.warning(win, tr("Cannot export diagram"), fmt.error(e))
        return None
    win.settings.setValue(FOLDER_KEY, os.path.dirname(os.path.abspath(path)))
    win.statusBar().showMessage(tr("Diagram saved to {name}").format(name=os.path.basename(path)), 4000)
    return path
