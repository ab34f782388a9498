"""The window's actions, menus and toolbar (what each action does lives in the window)."""
from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar

from . import icons, theme

KS = QKeySequence.StandardKey
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
    a.new = act("&New…", win.new_network, QKeySequence(KS.New), "New network: empty or from a preset")
    a.open = act("&Open…", win.open_file, QKeySequence(KS.Open), "Open a network (.json) or model file (.dls)")
    a.save = act("&Save", win.save_file, QKeySequence(KS.Save), "Save")
    a.save_as = act("Save &As…", win.save_file_as, QKeySequence("Ctrl+Shift+S"), "Save under a new name")
    a.export_csv = act("Export Summary as CSV…", win.summary.export_dialog)
    a.export_onnx = act("&ONNX Model…", win.export_onnx, tip="Save the network and its weights as an ONNX model")
    a.export_diagram = act("&Diagram (PNG, SVG, PDF)…", win.export_diagram,
                           tip="Save the network as a diagram for slides and papers")
    a.quit = act("&Quit", win.close, QKeySequence("Ctrl+Q"))

    a.undo = win.stack.createUndoAction(win, "&Undo")
    a.undo.setShortcuts([QKeySequence(KS.Undo)])
    a.redo = win.stack.createRedoAction(win, "&Redo")
    a.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    a.cut = act("Cu&t", win.cut, QKeySequence(KS.Cut), context=_CANVAS)
    a.copy = act("&Copy", win.copy, QKeySequence(KS.Copy), context=_CANVAS)
    a.paste = act("&Paste", win.paste, QKeySequence(KS.Paste), context=_CANVAS)
    a.duplicate = act("D&uplicate", win.duplicate, QKeySequence("Ctrl+D"), context=_CANVAS)
    a.delete = act("&Delete", win.delete_selection, [QKeySequence(KS.Delete), QKeySequence("Backspace")],
                   "Delete the selected layers and connections", context=_CANVAS)
    a.select_all = act("Select &All", win.select_all, QKeySequence(KS.SelectAll), context=_CANVAS)

    a.fit = act("&Fit to View", win.view.fit_to_view, QKeySequence("F"), "Show the whole network (F)")
    a.zoom_in = act("Zoom &In", win.view.zoom_in, QKeySequence(KS.ZoomIn))
    a.zoom_out = act("Zoom &Out", win.view.zoom_out, QKeySequence(KS.ZoomOut))
    a.zoom_reset = act("&Actual Size", win.view.reset_zoom, QKeySequence("Ctrl+0"))
    a.layout = act("Auto &Layout", win.auto_layout, QKeySequence("L"), "Arrange the blocks in layers (L)")

    a.themes = QActionGroup(win)
    a.theme_actions = {}
    for mode in theme.MODES:
        t = QAction(mode.capitalize() if mode != "system" else "Follow System", win, checkable=True)
        t.triggered.connect(lambda checked=False, m=mode: win.set_theme(m))
        a.themes.addAction(t)
        a.theme_actions[mode] = t

    # wired by the training package (gui/training): start / continue / pause / resume, like Space
    a.train = act("&Train", None, None, "Train this network")

    a.lab = act("&Lab", win.open_lab, QKeySequence("Ctrl+Shift+L"),
                "The Lab: activations, losses, optimizers, convolution, one training step, the LSTM cell and "
                "decision regions, computed by the engine")
    a.shortcuts = act("&Keyboard Shortcuts", win.show_shortcuts)
    a.about = act("&About dlstudio", win.show_about)
    apply_icons(win, a)
    return a


def build_menus(win, a: SimpleNamespace) -> None:
    bar = win.menuBar()
    m = bar.addMenu("&File")
    m.addActions([a.new, a.open])
    win.recent_menu = m.addMenu("Open &Recent")
    win.recent_menu.aboutToShow.connect(win.fill_recent_menu)
    m.addSeparator()
    m.addActions([a.save, a.save_as])
    m.addSeparator()
    export = m.addMenu("&Export")
    export.addActions([a.export_onnx, a.export_diagram])
    m.addAction(a.export_csv)
    m.addSeparator()
    m.addAction(a.quit)

    m = bar.addMenu("&Edit")
    m.addActions([a.undo, a.redo])
    m.addSeparator()
    m.addActions([a.cut, a.copy, a.paste, a.duplicate, a.delete])
    m.addSeparator()
    m.addAction(a.select_all)

    m = bar.addMenu("&View")
    m.addActions([a.fit, a.zoom_in, a.zoom_out, a.zoom_reset])
    m.addSeparator()
    m.addAction(a.layout)
    m.addSeparator()
    for dock in win.docks:
        m.addAction(dock.toggleViewAction())
    themes = m.addMenu("&Theme")
    themes.addActions(list(a.theme_actions.values()))

    win.train_menu = m = bar.addMenu("&Train")
    m.addAction(a.train)

    m = bar.addMenu("&Help")
    m.addAction(a.lab)
    m.addSeparator()
    m.addActions([a.shortcuts, a.about])

    # canvas-only shortcuts (so Ctrl+C in the summary table copies the table, not layers)
    win.view.addActions([a.cut, a.copy, a.paste, a.duplicate, a.delete, a.select_all])


def build_toolbar(win, a: SimpleNamespace) -> QToolBar:
    tb = QToolBar("Main toolbar")
    tb.setObjectName("mainToolbar")
    tb.setMovable(False)
    tb.setIconSize(QSize(20, 20))
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
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
