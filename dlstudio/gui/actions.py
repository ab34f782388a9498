"""The window's actions, menus and toolbar (what each action does lives in the window)."""
from __future__ import annotations

import re
from types import SimpleNamespace

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar

from . import icons, theme
from .i18n import QT_TR_NOOP, tr
from .language_menu import add_language_menu

KS = QKeySequence.StandardKey
_ACCEL_SUFFIX = re.compile(r"\s*\(&\w\)")   # "(&F)": how a translation without the letter keeps it
THEME_LABELS = {"system": QT_TR_NOOP("Follow System"), "light": QT_TR_NOOP("Light"), "dark": QT_TR_NOOP("Dark")}
_CANVAS = Qt.ShortcutContext.WidgetWithChildrenShortcut


def apply_icons(win, a: SimpleNamespace) -> None:
    """(Re)draw the toolbar icons in the current palette's colours."""
    pal = win.palette()
    for name in ("new", "open", "save", "undo", "redo", "delete", "fit", "layout", "train", "lab"):
        getattr(a, name).setIcon(icons.icon(name, pal))


def create_actions(win) -> SimpleNamespace:

    def act(text, slot=None, shortcut=None, tip=None, icon=None, context=None):
        a = QAction(text, win)
        if shortcut is not None:
            a.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        if tip:
            a.setStatusTip(tip)
            a.setToolTip(tip)
        if icon is not None:
            a.setIcon(icon)
        if context is not None:
            a.setShortcutContext(context)
        if slot is not None:
            a.triggered.connect(lambda checked=False: slot())
        return a

    a = SimpleNamespace()
    a.new = act(tr("&New…"), win.new_network, QKeySequence(KS.New), tr("New network: empty or from a preset"))
    a.open = act(tr("&Open…"), win.open_file, QKeySequence(KS.Open),
                 tr("Open a network (.json) or model file (.dls)"))
    a.save = act(tr("&Save"), win.save_file, QKeySequence(KS.Save), tr("Save"))
    a.save_as = act(tr("Save &As…"), win.save_file_as, QKeySequence("Ctrl+Shift+S"), tr("Save under a new name"))
    a.export_csv = act(tr("Export Summary as CSV…"), win.summary.export_dialog)
    a.export_onnx = act(tr("&ONNX Model…"), win.export_onnx,
                        tip=tr("Save the network and its weights as an ONNX model"))
    a.export_diagram = act(tr("&Diagram (PNG, SVG, PDF)…"), win.export_diagram,
                           tip=tr("Save the network as a diagram for slides and papers"))
    a.quit = act(tr("&Quit"), win.close, QKeySequence("Ctrl+Q"))

    # the stack's actions say "Undo Add Conv2D": the prefixes are translated, the command texts are
    # translated where the commands are made (commands.py)
    a.undo = win.stack.createUndoAction(win, tr("&Undo"))
    a.undo.setShortcuts([QKeySequence(KS.Undo)])
    a.redo = win.stack.createRedoAction(win, tr("&Redo"))
    a.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    a.cut = act(tr("Cu&t"), win.cut, QKeySequence(KS.Cut), context=_CANVAS)
    a.copy = act(tr("&Copy"), win.copy, QKeySequence(KS.Copy), context=_CANVAS)
    a.paste = act(tr("&Paste"), win.paste, QKeySequence(KS.Paste), context=_CANVAS)
    a.duplicate = act(tr("D&uplicate"), win.duplicate, QKeySequence("Ctrl+D"), context=_CANVAS)
    a.delete = act(tr("&Delete"), win.delete_selection, [QKeySequence(KS.Delete), QKeySequence("Backspace")],
                   tr("Delete the selected layers and connections"), context=_CANVAS)
    a.select_all = act(tr("Select &All"), win.select_all, QKeySequence(KS.SelectAll), context=_CANVAS)
    # wiring by keyboard (keyboard_wiring.py): the pending wire's keys are the canvas's own
    a.wire_connect = act(tr("Co&nnect Output To…"), win.wiring.start_connect, QKeySequence("C"),
                         tr("Connect the selected layer's output to another layer: arrow keys or Tab choose "
                            "the layer, Enter connects, Esc cancels"), context=_CANVAS)
    a.wire_disconnect = act(tr("Di&sconnect…"), win.wiring.disconnect_menu, QKeySequence("Shift+C"),
                            tr("Remove one of the selected layer's connections"), context=_CANVAS)

    a.fit = act(tr("&Fit to View"), win.view.fit_to_view, QKeySequence("F"), tr("Show the whole network (F)"))
    a.zoom_in = act(tr("Zoom &In"), win.view.zoom_in, QKeySequence(KS.ZoomIn))
    a.zoom_out = act(tr("Zoom &Out"), win.view.zoom_out, QKeySequence(KS.ZoomOut))
    a.zoom_reset = act(tr("&Actual Size"), win.view.reset_zoom, QKeySequence("Ctrl+0"))
    a.layout = act(tr("Auto &Layout"), win.auto_layout, QKeySequence("L"), tr("Arrange the blocks in layers (L)"))

    a.themes = QActionGroup(win)
    a.theme_actions = {}
    for mode in theme.MODES:
        t = QAction(tr(THEME_LABELS.get(mode, mode.capitalize())), win, checkable=True)
        t.triggered.connect(lambda checked=False, m=mode: win.set_theme(m))
        a.themes.addAction(t)
        a.theme_actions[mode] = t

    # wired by the training package (gui/training): start / continue / pause / resume, like Space
    a.train = act(tr("&Train"), None, None, tr("Train this network"))

    a.lab = act(tr("&Lab"), win.open_lab, QKeySequence("Ctrl+Shift+L"),
                tr("The Lab: activations, losses, optimizers, convolution, one training step, the LSTM cell and "
                   "decision regions, computed by the engine"))
    a.shortcuts = act(tr("&Keyboard Shortcuts"), win.show_shortcuts)
    a.about = act(tr("&About dlstudio"), win.show_about)
    apply_icons(win, a)
    return a


def build_menus(win, a: SimpleNamespace) -> None:
    bar = win.menuBar()
    m = bar.addMenu(tr("&File"))
    m.addActions([a.new, a.open])
    win.recent_menu = m.addMenu(tr("Open &Recent"))
    win.recent_menu.aboutToShow.connect(win.fill_recent_menu)
    m.addSeparator()
    m.addActions([a.save, a.save_as])
    m.addSeparator()
    export = m.addMenu(tr("&Export"))
    export.addActions([a.export_onnx, a.export_diagram])
    m.addAction(a.export_csv)
    m.addSeparator()
    m.addAction(a.quit)

    m = bar.addMenu(tr("&Edit"))
    m.addActions([a.undo, a.redo])
    m.addSeparator()
    m.addActions([a.cut, a.copy, a.paste, a.duplicate, a.delete])
    m.addSeparator()
    m.addActions([a.wire_connect, a.wire_disconnect])
    m.addSeparator()
    m.addAction(a.select_all)

    m = bar.addMenu(tr("&View"))
    m.addActions([a.fit, a.zoom_in, a.zoom_out, a.zoom_reset])
    m.addSeparator()
    m.addAction(a.layout)
    m.addSeparator()
    for dock in win.docks:
        m.addAction(dock.toggleViewAction())
    themes = m.addMenu(tr("&Theme"))
    themes.addActions(list(a.theme_actions.values()))
    add_language_menu(win, m)

    win.train_menu = m = bar.addMenu(tr("&Train"))
    m.addAction(a.train)

    m = bar.addMenu(tr("&Help"))
    m.addAction(a.lab)
    m.addSeparator()
    m.addActions([a.shortcuts, a.about])

    # canvas-only shortcuts (so Ctrl+C in the summary table copies the table, not layers)
    win.view.addActions([a.cut, a.copy, a.paste, a.duplicate, a.delete, a.select_all, a.wire_connect,
                         a.wire_disconnect])


def _short_labels(actions) -> None:
    """Toolbar buttons without a translation's accelerator suffix: "新建(&N)…" shows "新建"
    (English texts have none, and Qt strips their & and … itself)."""
    for action in actions:
        short = _ACCEL_SUFFIX.sub("", action.text())
        if short != action.text():
            action.setIconText(short.replace("&", "").rstrip("…").strip())


def build_toolbar(win, a: SimpleNamespace) -> QToolBar:
    tb = QToolBar(tr("Main toolbar"))
    tb.setObjectName("mainToolbar")
    tb.setMovable(False)
    tb.setIconSize(QSize(20, 20))
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    _short_labels([a.new, a.open, a.save, a.delete, a.fit, a.layout, a.lab])
    # fixed labels: the buttons after them must not move as "Undo Add Conv2D" grows; the
    # tooltip and the Edit menu keep the full text
    a.undo.setIconText(tr("Undo"))
    a.redo.setIconText(tr("Redo"))
    tb.addActions([a.new, a.open, a.save])
    tb.addSeparator()
    tb.addActions([a.undo, a.redo, a.delete])
    tb.addSeparator()
    tb.addActions([a.fit, a.layout])
    tb.addSeparator()
    tb.addAction(a.train)
    tb.addSeparator()
    tb.addAction(a.lab)
    win.addToolBar(tb)
    return tb
