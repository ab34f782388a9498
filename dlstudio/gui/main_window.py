"""The main window: palette (left), canvas (centre), inspector (right), summary / problems
(bottom), toolbar, menus and a status bar with the network's totals and the engine state."""
from __future__ import annotations

import atexit
import os
import weakref

import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import (QApplication, QDockWidget, QLabel, QMainWindow, QMessageBox, QTabWidget,
                               QWidget)

from dlstudio import __version__
from dlstudio.spec import Network

from . import format as fmt
from . import focus_return, gallery, theme
from .actions import apply_icons, build_menus, build_toolbar, create_actions
from .canvas.scene import NetworkScene
from .canvas.view import CanvasView
from .document import Document
from .i18n import QT_TR_NOOP, tr
from .editor import Editor
from .files import FileController
from .inspector import Inspector
from .keyboard_wiring import KeyboardWiring
from .palette import Palette
from .problems_panel import ProblemsPanel
from .summary_panel import SummaryPanel
from .training import install as install_training

# (keys, what they do): both translated where shown (key names such as Ctrl+N stay as they are)
SHORTCUTS = [("Ctrl+N", QT_TR_NOOP("New network (empty or preset)")), ("Ctrl+O", QT_TR_NOOP("Open .dls / .json")),
             ("Ctrl+S", QT_TR_NOOP("Save")), ("Ctrl+Shift+S", QT_TR_NOOP("Save as")), ("Ctrl+Z", QT_TR_NOOP("Undo")),
             ("Ctrl+Shift+Z / Ctrl+Y", QT_TR_NOOP("Redo")),
             (QT_TR_NOOP("Delete / Backspace"), QT_TR_NOOP("Delete selected layers and connections")),
             ("Ctrl+C / X / V", QT_TR_NOOP("Copy / cut / paste")), ("Ctrl+D", QT_TR_NOOP("Duplicate")),
             ("Ctrl+A", QT_TR_NOOP("Select all")),
             (QT_TR_NOOP("Arrow keys (on the canvas)"), QT_TR_NOOP("Select the nearest layer in that direction")),
             ("C", QT_TR_NOOP("Connect the selected layer's output: arrow keys or Tab choose the layer, "
                              "Enter connects, Esc cancels")),
             ("Shift+C", QT_TR_NOOP("Remove a connection of the selected layer")),
             ("F", QT_TR_NOOP("Fit the network in the view")),
             ("L", QT_TR_NOOP("Automatic layout")), ("Ctrl+= / Ctrl+- / Ctrl+0", QT_TR_NOOP("Zoom in / out / 100 %")),
             (QT_TR_NOOP("Wheel"), QT_TR_NOOP("Zoom around the cursor")),
             (QT_TR_NOOP("Middle drag, Space + drag"), QT_TR_NOOP("Pan")),
             (QT_TR_NOOP("Space (on the canvas)"), QT_TR_NOOP("Start or continue training; pause / resume a run")),
             ("Ctrl+T", QT_TR_NOOP("Show the training panel")),
             ("Ctrl+Return", QT_TR_NOOP("Start / continue training")),
             ("Ctrl+P", QT_TR_NOOP("Pause / resume")), ("Ctrl+.", QT_TR_NOOP("Stop training")),
             ("Ctrl+Shift+L", QT_TR_NOOP("Open the Lab"))]


_WINDOWS: weakref.WeakSet = weakref.WeakSet()  # the main windows made in this process


@atexit.register  # registered after PySide's own clean-up, so it runs before it
def _delete_windows_at_exit() -> None:
    """Delete the windows still alive at exit while Python is whole: deleted later, by PySide's
    clean-up, a plot's Python code that runs as the window goes can crash the interpreter."""
    for win in list(_WINDOWS):
        if shiboken6.isValid(win):
            shiboken6.delete(win)


def app_settings() -> QSettings:
    """The app's settings (an INI file; tests point QSettings.setPath at a temporary folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "dlstudio", "dlstudio")


class MainWindow(QMainWindow):
    def __init__(self, network: Network | None = None, settings: QSettings | None = None,
                 recovery_dir: str | None = None):
        super().__init__()
        self.settings = settings or app_settings()
        if recovery_dir is None:
            recovery_dir = os.path.join(os.path.dirname(self.settings.fileName()), "recovery")
        self.setObjectName("dlstudioMainWindow")
        focus_return.install()  # the keyboard comes back here when a message box closes
        _WINDOWS.add(self)
        self.lab = None  # the Lab window, made when first opened
        self.doc = Document(parent=self)
        self.stack = QUndoStack(self)
        self.editor = Editor(self.doc, self.stack, self)
        self.scene = NetworkScene(self.doc, self.editor, self)
        self.view = CanvasView(self.scene)
        self.setCentralWidget(self.view)
        self.palette_panel = Palette()
        self.inspector = Inspector(self.doc, self.editor)
        self.summary = SummaryPanel(self.doc)
        self.problems = ProblemsPanel(self.doc)
        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.setDocumentMode(True)
        self.bottom_tabs.addTab(self.summary, tr("Summary"))
        self.bottom_tabs.addTab(self.problems, tr("Problems"))
        self.docks = [self._dock(tr("Layers"), "paletteDock", self.palette_panel, Qt.DockWidgetArea.LeftDockWidgetArea),
                      self._dock(tr("Inspector"), "inspectorDock", self.inspector,
                                 Qt.DockWidgetArea.RightDockWidgetArea),
                      self._dock(tr("Summary"), "summaryDock", self.bottom_tabs,
                                 Qt.DockWidgetArea.BottomDockWidgetArea),
                      self._dock(tr("Training"), "trainingDock", QWidget(), Qt.DockWidgetArea.RightDockWidgetArea)]
        self.docks[2].setTitleBarWidget(QWidget())  # its tabs say what it is
        self.training_dock = self.docks[-1]
        self.training_dock.hide()
        self.files = FileController(self, self.doc, self.stack, self.settings, recovery_dir)
        self.summary.files = self.files
        self.wiring = KeyboardWiring(self.view, self.scene, self.editor, self)  # arrow keys, C, Shift+C
        self.acts = create_actions(self)
        build_menus(self, self.acts)
        self.toolbar = build_toolbar(self, self.acts)
        self._build_status_bar()
        self._inspector_after_run = False  # the first block selected after a run shows the Inspector
        self._wire()
        self.training = install_training(self)  # the worker, the setup and the live views
        self.training.sigRunFinished.connect(self._run_finished)
        self.setAcceptDrops(True)
        self.setWindowTitle("dlstudio")
        self.resize(1400, 900)
        self._restore_settings()
        self.files.load_network(network if network is not None else gallery.startup_network(), layout=network is None)
        self._update_title()
        self._fitted = False

    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.totals_label = QLabel()
        self.problems_label = QLabel()
        self.zoom_label = QLabel("100 %")
        self.engine_label = QLabel(tr("Engine: idle"))
        self.engine_label.setToolTip(tr("The training engine"))
        for w in (self.totals_label, self.problems_label, self.zoom_label, self.engine_label):
            w.setContentsMargins(8, 0, 8, 0)
            sb.addPermanentWidget(w)

    def _wire(self) -> None:
        self.scene.sigSelectedIdsChanged.connect(self._selection_changed)
        self.summary.sigNodesSelected.connect(self.select_and_show)
        self.problems.sigNodeActivated.connect(lambda node_id: self.select_and_show([node_id]))
        self.problems.sigCountChanged.connect(self._problem_count_changed)
        self.palette_panel.sigAddRequested.connect(self.add_after_selection)
        self.palette_panel.sigExplainRequested.connect(self.explain)
        self.inspector.sigExplainRequested.connect(self.explain)
        self.editor.sigRefused.connect(self.show_refusal)
        self.doc.sigAnalysisChanged.connect(self._update_totals)
        self.stack.cleanChanged.connect(self._clean_changed)
        self.files.sigPathChanged.connect(self._update_title)
        # a new network gets its first view; a save or a finished run (which also rename the
        # document) keep the user's zoom
        self.doc.sigReset.connect(lambda: QTimer.singleShot(0, self.view.show_start))
        self.files.sigMessage.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.view.sigFilesDropped.connect(self.open_dropped)
        self.view.sigZoomChanged.connect(lambda z: self.zoom_label.setText(f"{round(z * 100)} %"))
        self._update_totals()
        self._problem_count_changed(self.problems.problem_count())
        self._selection_changed([])

    def _clean_changed(self, clean: bool) -> None:
        if shiboken6.isValid(self):  # the stack also reports while the window is being destroyed
            self.setWindowModified(self.files.is_dirty())

    # ---- status and title ---------------------------------------------------------------------
    def _update_title(self) -> None:
        self.setWindowTitle(tr("{name}[*] — dlstudio").format(name=self.files.display_name()))
        self.setWindowModified(self.files.is_dirty())

    def _update_totals(self) -> None:
        t = self.doc.analysis.total
        n = len(self.doc.network.nodes)
        text = (tr("1 layer · {params} parameters · {flops} FLOPs") if n == 1 else
                tr("{layers} layers · {params} parameters · {flops} FLOPs"))
        self.totals_label.setText(text.format(layers=n, params=fmt.count(t.params), flops=fmt.compact(t.flops)))

    def _problem_count_changed(self, n: int) -> None:
        self.bottom_tabs.setTabText(1, tr("Problems ({n})").format(n=n) if n else tr("Problems"))
        err = theme.colors(self.palette()).error.name()
        said = tr("⚠ 1 problem") if n == 1 else tr("⚠ {n} problems").format(n=n)
        self.problems_label.setText(f"<span style='color:{err}'>{said}</span>" if n else tr("✓ no problems"))

    def show_refusal(self, text: str, where=None) -> None:
        self.statusBar().showMessage(text, 6000)
        self.view.show_toast(text, where)

    # ---- selection ----------------------------------------------------------------------------
    def _selection_changed(self, ids: list[str]) -> None:
        self.inspector.show_selection(ids)
        if ids and self._inspector_after_run and not self.editor.locked:
            self._inspector_after_run = False
            if self.docks[1].toggleViewAction().isChecked():  # unless the user closed it
                self.docks[1].raise_()  # out from behind the Training tab
        self.summary.select_ids(ids)
        editable = not self.editor.locked  # a run trains the network: no edit looks possible
        has = bool(ids) or bool(self.scene.selected_edges())
        self.acts.copy.setEnabled(bool(ids))
        for action in (self.acts.cut, self.acts.duplicate):
            action.setEnabled(bool(ids) and editable)
        self.acts.delete.setEnabled(has and editable)

    def _run_finished(self, kind: str, message: str) -> None:
        if kind != "prepared":  # a look at the model for a live view is no run
            self._inspector_after_run = True

    def select_and_show(self, ids: list[str]) -> None:
        self.scene.select_ids(ids)
        if ids and ids[0] in self.scene.nodes:
            self.view.ensureVisible(self.scene.nodes[ids[0]], 60, 60)

    def select_all(self) -> None:
        self.scene.select_ids(self.doc.ids())

    # ---- edits --------------------------------------------------------------------------------
    def add_after_selection(self, type_name: str) -> str:
        ids = self.scene.selected_ids()
        node_id = self.editor.add_layer(type_name, after=ids[-1] if len(ids) == 1 else None)
        if node_id:  # "" while the network is locked for training
            self.view.ensureVisible(self.scene.nodes[node_id], 60, 60)
        return node_id

    def delete_selection(self) -> None:
        self.editor.delete(self.scene.selected_ids(), self.scene.selected_edges())

    def copy(self) -> None:
        ids = self.scene.selected_ids()
        if ids:
            QGuiApplication.clipboard().setText(self.editor.copy_text(ids))
            self.statusBar().showMessage(tr("Copied 1 layer") if len(ids) == 1 else
                                         tr("Copied {n} layers").format(n=len(ids)), 3000)

    def cut(self) -> None:
        ids = self.scene.selected_ids()
        if ids:
            QGuiApplication.clipboard().setText(self.editor.copy_text(ids))
            self.editor.delete(ids, [])

    def paste(self) -> None:
        if not self.editor.paste_text(QGuiApplication.clipboard().text()):
            self.statusBar().showMessage(tr("Nothing to paste: the clipboard holds no layers"), 3000)

    def duplicate(self) -> None:
        self.editor.duplicate(self.scene.selected_ids())

    def auto_layout(self) -> None:
        self.editor.auto_layout()
        self.scene.update_scene_rect()
        self.scene.reroute()
        self.view.fit_to_view()

    # ---- files --------------------------------------------------------------------------------
    def new_network(self) -> bool:
        net = gallery.ask_new_network(self)
        return net is not None and self.files.new_network(net)

    def open_file(self) -> bool:
        return self.files.open_dialog()

    def save_file(self) -> bool:
        return self.files.save()

    def save_file_as(self) -> bool:
        return self.files.save_as()

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.files.recent_files()
        for path in files:
            action = menu.addAction(os.path.basename(path))
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda checked=False, p=path: self.files.open_path(p))
        if not files:
            menu.addAction(tr("No recent files")).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(tr("Clear List"), self.files.clear_recent)

    def dragEnterEvent(self, event):
        if CanvasView.network_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    dragMoveEvent = dragEnterEvent

    def dropEvent(self, event):
        paths = CanvasView.network_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.open_dropped(paths)

    def open_dropped(self, paths: list[str]) -> None:
        # after the drop returns: the unsaved-changes prompt must not run inside the drag
        QTimer.singleShot(0, lambda: self.files.open_path(paths[0]))

    # ---- theme, settings, closing -------------------------------------------------------------
    def set_theme(self, mode: str) -> None:
        theme.apply(QApplication.instance(), mode)
        self.acts.theme_actions[mode].setChecked(True)
        self.settings.setValue("ui/theme", mode)
        apply_icons(self, self.acts)
        self.scene.update()
        self._problem_count_changed(self.problems.problem_count())
        self.training.hub.apply_theme()

    def _restore_settings(self) -> None:
        s = self.settings
        if s.value("window/geometry") is not None:
            self.restoreGeometry(s.value("window/geometry"))
        # the saved state has the Training panel where the user left it; tabifying it first
        # would leave Qt's first tab bar behind, visible over the menu bar
        if s.value("window/state") is None or not self.restoreState(s.value("window/state")):
            self.tabifyDockWidget(self.docks[1], self.training_dock)  # beside the Inspector (locked while training)
            self.resizeDocks([self.docks[0], self.docks[1]], [220, 300], Qt.Orientation.Horizontal)
            self.resizeDocks([self.docks[2]], [180], Qt.Orientation.Vertical)
        sizes = s.value("window/paletteSplitter")
        if sizes:
            self.palette_panel.splitter.setSizes([int(x) for x in sizes])
        mode = s.value("ui/theme", "system")
        self.acts.theme_actions.get(mode, self.acts.theme_actions["system"]).setChecked(True)

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/paletteSplitter", self.palette_panel.splitter.sizes())
        s.sync()

    def showEvent(self, event):
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            QTimer.singleShot(0, self.view.show_start)
            QTimer.singleShot(0, self.activateWindow)  # where no window manager does it (X11 without one)

    def closeEvent(self, event):
        if not self.files.maybe_save():
            event.ignore()
            return
        self.save_settings()
        self.files.remove_recovery()
        self.files.autosave_timer.stop()
        self.training.shutdown()
        if self.lab is not None:
            self.lab.close()
        event.accept()

    # ---- export ---------------------------------------------------------------------------------
    def export_onnx(self) -> None:
        from .export_onnx import export_onnx_dialog
        export_onnx_dialog(self)

    def export_diagram(self) -> None:
        from .export_diagram import export_diagram_dialog
        export_diagram_dialog(self)

    # ---- the Lab ------------------------------------------------------------------------------
    def open_lab(self, page: str | None = None, topic: str | None = None):
        """Show the Lab (one window per main window), on `page` or on the page that explains `topic`."""
        if self.lab is None:
            from .lab.window import LabWindow
            self.lab = LabWindow(self)
            self.lab.setWindowFlag(Qt.WindowType.Window)
            self._lab_wired: set[str] = set()
            self.lab.sigPageShown.connect(self._lab_page_shown)
        if topic is not None and self.lab.explain(topic) is not None:
            return self.lab
        if page is not None or self.lab.current is None:
            from .lab import PAGE_KEYS
            self.lab.show_page(page or PAGE_KEYS[0])
        self.lab.show()
        self.lab.raise_()
        self.lab.activateWindow()
        return self.lab

    def _lab_page_shown(self, key: str) -> None:
        """A Lab page that offers networks (the Experiments page) opens them in this window's builder."""
        page = self.lab.pages.get(key)
        if page is not None and hasattr(page, "sigOpenNetwork") and key not in self._lab_wired:
            page.sigOpenNetwork.connect(self.open_lab_network)
            self._lab_wired.add(key)

    def open_lab_network(self, network: Network) -> bool:
        """Open a network from the Lab in the builder (after the unsaved-changes prompt)."""
        if not self.files.maybe_save():
            return False
        self.files.load_network(network, layout=True)
        self.show()
        self.raise_()
        self.activateWindow()
        return True

    def explain(self, topic: str) -> None:
        """An "Explain" link: the Lab page for `topic` (a layer type, loss:NAME, optimizer:NAME, batch:MODE)."""
        self.open_lab(topic=topic)

    # ---- help ---------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{tr(k)}</b>&nbsp;&nbsp;</td><td>{tr(v)}</td></tr>" for k, v in SHORTCUTS)
        QMessageBox.information(self, tr("Keyboard shortcuts"), f"<table>{rows}</table>")

    def show_about(self) -> None:
        QMessageBox.about(self, tr("About dlstudio"),
                          f"<b>dlstudio {__version__}</b><br>"
                          + tr("Build neural networks visually, see every layer's shape, parameters and FLOPs, "
                               "train them on a Numba CPU engine and watch them learn."))
