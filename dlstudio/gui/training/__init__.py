"""Training in the app: a worker thread, the setup, live views, and their place in the window.

`install(win)` puts the Training dock's panel (controls, progress, setup, curves) and the live
views (feature maps, gates, weights, evaluation, predict — tabs next to Summary / Problems)
into a MainWindow, wires its actions (Train menu, toolbar, Space on the canvas) and returns the
`TrainingController`.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from ..i18n import tr
from .controller import TrainingController
from .hub import LiveViews

__all__ = ["TrainingController", "install"]


def install(win) -> TrainingController:
    c = TrainingController(win)
    hub = c.hub = LiveViews(win, c)
    win.training_dock.setWidget(hub.panel)
    win.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)  # full-height curves
    first_tab = win.bottom_tabs.count()
    for view, title in hub.tabs:
        win.bottom_tabs.addTab(view, tr(title))
    win.bottom_tabs.currentChanged.connect(lambda _: hub.tab_shown())
    p = hub.panel
    p.start_button.clicked.connect(lambda: c.start(None))
    p.pause_button.clicked.connect(c.toggle_pause)
    p.stop_button.clicked.connect(c.stop)
    p.restart_button.clicked.connect(lambda: c.start(fresh=True))
    p.tabs.currentChanged.connect(lambda _: hub.tab_shown())
    c.sigStateChanged.connect(lambda _: hub.refresh_state())
    c.sigMessage.connect(lambda text: win.statusBar().showMessage(text, 6000))
    win.training_dock.visibilityChanged.connect(lambda on: on and (hub.ensure_data(), hub.tab_shown()))
    win.doc.sigReset.connect(hub.document_replaced)
    win.doc.sigAnalysisChanged.connect(hub.network_edited)
    win.files.sigPathChanged.connect(lambda: hub.refresh_state())
    win.scene.sigSelectedIdsChanged.connect(lambda ids: len(ids) == 1 and hub.maps.select_node(ids[0]))

    def primary():
        show_panel()
        c.primary()

    def show_panel():
        fresh = not win.training_dock.isVisible()
        win.training_dock.show()
        win.training_dock.raise_()
        if fresh and win.docks[2].isVisible() and win.docks[2].height() < 300:
            win.resizeDocks([win.docks[2]], [max(300, win.height() * 2 // 5)], Qt.Orientation.Vertical)
        if fresh and win.training_dock.width() < 420:
            win.resizeDocks([win.training_dock], [460], Qt.Orientation.Horizontal)
        hub.ensure_data()

    win.view.sigSpaceTapped.connect(primary)
    hub.setup.sigExplainRequested.connect(win.explain)
    a = win.acts
    a.train.setEnabled(True)
    a.train.setText(tr("&Train"))
    a.train.setToolTip(tr("Show the training panel and start, continue, pause or resume training (Space on the canvas)"))
    a.train.setStatusTip(a.train.toolTip())
    a.train.triggered.connect(primary)

    def act(text, slot, shortcut=None, tip=""):
        action = QAction(text, win)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.triggered.connect(lambda checked=False: slot())
        return action

    a.train_panel = act(tr("Show Training &Panel"), show_panel, "Ctrl+T",
                        tr("Show the training setup, controls and curves"))
    a.train_start = act(tr("&Start Training"), lambda: (show_panel(), c.start(None)), "Ctrl+Return")
    a.train_pause = act(tr("&Pause"), c.toggle_pause, "Ctrl+P", tr("Pause after the current batch, or resume"))
    a.train_stop = act(tr("S&top"), c.stop, "Ctrl+.", tr("Stop after the current batch (Continue goes on exactly there)"))
    a.train_restart = act(tr("&Restart from Fresh Weights"), lambda: (show_panel(), c.start(fresh=True)))
    a.train_evaluate = act(tr("&Evaluate"), lambda: (win.bottom_tabs.setCurrentWidget(hub.evaluation), hub.evaluate()))
    a.export_curves_png = act(tr("Export Curves as P&NG…"), hub.curves.export_png_dialog)
    a.export_curves_csv = act(tr("Export Curves as &CSV…"), hub.curves.export_csv_dialog)
    m = win.train_menu
    m.clear()
    m.addActions([a.train_panel, a.train_start, a.train_pause, a.train_stop, a.train_restart])
    m.addSeparator()
    m.addAction(a.train_evaluate)
    m.addSeparator()
    m.addActions([a.export_curves_png, a.export_curves_csv])
    hub.first_tab = first_tab
    hub.refresh_state()
    return c
