"""Loss and accuracy curves: per batch (raw and smoothed) and per epoch (train / validation),
with earlier runs of the session faded behind the current one, a log scale, PNG and CSV export.

Curves are created once per run; the GUI timer hands new points to `append` and `refresh`
calls `setData` on the same items (with automatic peak downsampling for long runs).
"""
from __future__ import annotations

import csv

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (QCheckBox, QDoubleSpinBox, QFileDialog, QHBoxLayout, QLabel, QMenu, QMessageBox,
                               QToolButton, QVBoxLayout, QWidget)

from ..files import file_filter
from ..i18n import QT_TR_NOOP, tr
from . import images

BLUE, ORANGE = QColor("#3d8fd6"), QColor("#e0663a")
# the least height of the three plots together: below it their axes and titles overlap (the
# Training dock then keeps its height and the window's other docks give way)
PLOTS_MIN_HEIGHT = 330


class Growing:
    """A float array that grows by appending (amortised doubling)."""

    def __init__(self):
        self._a = np.zeros(256)
        self.n = 0

    def extend(self, values) -> None:
        k = len(values)
        if self.n + k > len(self._a):
            self._a = np.resize(self._a, max(2 * len(self._a), self.n + k))
        self._a[self.n:self.n + k] = values
        self.n += k

    def view(self) -> np.ndarray:
        return self._a[:self.n]


class RunCurves:
    """One run's data (an earlier run keeps it; its plot items are faded)."""

    def __init__(self, label: str):
        self.label = label
        self.bx, self.bl, self.smooth = Growing(), Growing(), Growing()
        self.epochs: list[dict] = []
        self._ema, self._w = 0.0, 0.0
        self.items: list = []
        self.visible = True
        self.shown = (-1, -1)   # (batch points, epochs) last handed to the plot items

    def add(self, xs, losses, beta: float) -> None:
        if not len(xs):
            return
        self.bx.extend(xs)
        self.bl.extend(losses)
        out = np.empty(len(losses))
        ema, w = self._ema, self._w
        for i, v in enumerate(losses):  # debiased exponential moving average
            if np.isfinite(v):
                ema = beta * ema + (1 - beta) * v
                w = beta * w + (1 - beta)
            out[i] = ema / w if w > 0 else v
        self._ema, self._w = ema, w
        self.smooth.extend(out)

    def resmooth(self, beta: float) -> None:
        self.shown = (-1, -1)
        xs, ls = self.bx.view().copy(), self.bl.view().copy()
        self.bx, self.bl, self.smooth = Growing(), Growing(), Growing()
        self._ema = self._w = 0.0
        self.add(xs, ls, beta)

    def metric(self) -> str:
        """The run's per-epoch metric: "accuracy" (classification) or "mae" (regression)."""
        if any(e.get("train_mae") is not None or e.get("val_mae") is not None for e in self.epochs) and not any(
                e.get("train_accuracy") is not None or e.get("val_accuracy") is not None for e in self.epochs):
            return "mae"
        return "accuracy"

    def epoch_arrays(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        pts = [(e["epoch"], e[key]) for e in self.epochs if e.get(key) is not None]
        if not pts:
            return np.zeros(0), np.zeros(0)
        a = np.asarray(pts, np.float64)
        return a[:, 0], a[:, 1]


def history_points(history: dict) -> tuple[list, list]:
    """(positions in epochs, losses) of a model file's per-batch history."""
    per_epoch: dict[int, int] = {}
    for b in history.get("batches", []):
        per_epoch[b["epoch"]] = max(per_epoch.get(b["epoch"], 0), b["batch"])
    xs = [b["epoch"] - 1 + b["batch"] / max(per_epoch[b["epoch"]], 1) for b in history.get("batches", [])]
    return xs, [b["loss"] for b in history.get("batches", [])]


class CurvesView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.current: RunCurves | None = None
        self.earlier: list[RunCurves] = []
        self._dirty = False
        self._metric_title = "Accuracy"   # or "Mean absolute error" for a regression run (English: tr when shown)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        self.log_box = QCheckBox(tr("Log scale"), toolTip=tr("Show losses on a logarithmic axis"))
        self.log_box.toggled.connect(self.set_log)
        self.smoothing = QDoubleSpinBox(minimum=0.0, maximum=0.99, singleStep=0.05, value=0.9, decimals=2,
                                        prefix=tr("smoothing "))
        self.smoothing.setToolTip(tr("Weight of the past in the smoothed batch loss (0 = raw, 0.99 = very smooth)"))
        self.smoothing.valueChanged.connect(self._resmooth)
        self.earlier_button = QToolButton(text=tr("Earlier runs"), popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        self.earlier_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.earlier_button.setToolTip(tr("Show or hide the curves of earlier runs of this session"))
        self.earlier_menu = QMenu(self)
        self.earlier_button.setMenu(self.earlier_menu)
        self.earlier_menu.aboutToShow.connect(self._fill_menu)
        png = QToolButton(text=tr("PNG…"), toolTip=tr("Save the curves as a picture"))
        png.clicked.connect(self.export_png_dialog)
        csv_button = QToolButton(text=tr("CSV…"), toolTip=tr("Save every run's per-batch and per-epoch numbers"))
        csv_button.clicked.connect(self.export_csv_dialog)
        bar.addWidget(self.log_box)
        bar.addWidget(self.smoothing)
        bar.addStretch(1)
        for w in (self.earlier_button, png, csv_button):
            bar.addWidget(w)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setMinimumHeight(PLOTS_MIN_HEIGHT)
        self.p_batch = self.graphics.addPlot(row=0, col=0, axisItems={"left": images.LogAxis("left")})
        self.p_epoch = self.graphics.addPlot(row=1, col=0, axisItems={"left": images.LogAxis("left")})
        self.p_acc = self.graphics.addPlot(row=2, col=0)
        for p in (self.p_epoch, self.p_acc):
            p.setXLink(self.p_batch)
        self.p_acc.setLabel("bottom", tr("epoch"))
        self.legend = self.p_epoch.addLegend(offset=(-6, 6), labelTextSize="8pt", horSpacing=8, colCount=2)
        self.legend_acc = self.p_acc.addLegend(offset=(-6, -6), labelTextSize="8pt", horSpacing=8, colCount=2)
        # before any run: a note over the first plot, wrapped to its width (a text item in the plot was cut off)
        self.empty_label = QLabel(tr("Start training to see the loss fall"), self.graphics, wordWrap=True,
                                  alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(bar)
        lay.addWidget(self.graphics, 1)
        self.apply_theme()
        self._make_current(RunCurves(tr("current run")))

    def _place_empty_label(self) -> None:
        """The note fills the first of the three plots below its title, beside its axis (it wraps
        there, however narrow the dock)."""
        r = self.graphics.rect()
        self.empty_label.setGeometry(r.x() + 44, r.y() + 28, max(r.width() - 56, 40), max(r.height() // 3 - 56, 40))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._place_empty_label()

    # ---- runs --------------------------------------------------------------------------------
    def begin_run(self, label: str, history: dict | None = None, continuing: bool = False) -> None:
        """A new run (the current one becomes an earlier run), or more epochs of the current one."""
        if continuing and self.current is not None:
            self.current.label = label
            return
        if self.current is not None and (self.current.bx.n or self.current.epochs):
            self._archive(self.current)
        else:
            self._remove_items(self.current)
        self._make_current(RunCurves(label))
        if history:
            xs, ls = history_points(history)
            self.current.add(xs, ls, self.smoothing.value())
            self.current.epochs = [dict(e) for e in history.get("epochs", [])]
        self._dirty = True
        self.refresh()

    def _make_current(self, run: RunCurves) -> None:
        self.current = run
        raw = QColor(BLUE)
        raw.setAlpha(70)
        run.raw = self.p_batch.plot(pen=pg.mkPen(raw, width=1))
        run.sm = self.p_batch.plot(pen=pg.mkPen(BLUE, width=2))
        run.tl = self.p_epoch.plot(pen=pg.mkPen(BLUE, width=2), symbol="o", symbolSize=5, symbolBrush=BLUE,
                                   symbolPen=None, name=tr("train"))
        run.vl = self.p_epoch.plot(pen=pg.mkPen(ORANGE, width=2), symbol="o", symbolSize=5, symbolBrush=ORANGE,
                                   symbolPen=None, name=tr("validation"))
        run.ta = self.p_acc.plot(pen=pg.mkPen(BLUE, width=2), symbol="o", symbolSize=5, symbolBrush=BLUE,
                                 symbolPen=None, name=tr("train"))
        run.va = self.p_acc.plot(pen=pg.mkPen(ORANGE, width=2), symbol="o", symbolSize=5, symbolBrush=ORANGE,
                                 symbolPen=None, name=tr("validation"))
        run.items = [run.raw, run.sm, run.tl, run.vl, run.ta, run.va]
        for item in (run.raw, run.sm):
            item.setDownsampling(auto=True, method="peak")
            item.setClipToView(True)
        for item in run.items:
            item.setZValue(10)

    def _archive(self, run: RunCurves) -> None:
        self._remove_items(run)
        color = QColor(images.CURVE_COLORS[(len(self.earlier) + 2) % len(images.CURVE_COLORS)])
        color.setAlpha(110)
        dashed = pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine)
        solid = pg.mkPen(color, width=1)
        sm = self.p_batch.plot(run.bx.view().copy(), run.smooth.view().copy(), pen=solid)
        sm.setDownsampling(auto=True, method="peak")
        run.items = [sm]
        metric = run.metric()
        for plot, key, pen in ((self.p_epoch, "train_loss", solid), (self.p_epoch, "val_loss", dashed),
                               (self.p_acc, f"train_{metric}", solid), (self.p_acc, f"val_{metric}", dashed)):
            x, y = run.epoch_arrays(key)
            run.items.append(plot.plot(x, y, pen=pen))
        for item in run.items:
            item.setZValue(0)
            item.setVisible(run.visible)
        self.earlier.append(run)
        self.earlier_button.setText(tr("Earlier runs ({count})").format(count=len(self.earlier)))

    def _remove_items(self, run: RunCurves | None) -> None:
        if run is None:
            return
        for item in run.items:
            for plot in (self.p_batch, self.p_epoch, self.p_acc):
                if item in plot.items:
                    plot.removeItem(item)
        run.items = []

    def _fill_menu(self) -> None:
        m = self.earlier_menu
        m.clear()
        if not self.earlier:
            m.addAction(tr("No earlier runs in this session")).setEnabled(False)
            return
        for run in self.earlier:
            a = QAction(run.label, m, checkable=True, checked=run.visible)
            a.toggled.connect(lambda on, r=run: self.set_run_visible(r, on))
            m.addAction(a)
        m.addSeparator()
        m.addAction(tr("Show all"), lambda: [self.set_run_visible(r, True) for r in self.earlier])
        m.addAction(tr("Hide all"), lambda: [self.set_run_visible(r, False) for r in self.earlier])
        m.addAction(tr("Forget earlier runs"), self.clear_earlier)

    def set_run_visible(self, run: RunCurves, on: bool) -> None:
        run.visible = on
        for item in run.items:
            item.setVisible(on)

    def clear_earlier(self) -> None:
        for run in self.earlier:
            self._remove_items(run)
        self.earlier = []
        self.earlier_button.setText(tr("Earlier runs"))

    def reset(self) -> None:
        """Another document: no earlier runs and an empty current run."""
        self.clear_earlier()
        self._remove_items(self.current)
        self._make_current(RunCurves(tr("current run")))
        for plot in (self.p_batch, self.p_epoch, self.p_acc):
            # empty plots keep their last range under auto-range: the previous run's epochs and
            # losses stayed on the axes of a new document
            plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
            plot.enableAutoRange()
        self._show_accuracy()
        self._dirty = True
        self.refresh()

    # ---- live data ---------------------------------------------------------------------------
    def append(self, xs, losses, epochs) -> None:
        run = self.current
        run.add(xs, losses, self.smoothing.value())
        run.epochs.extend(epochs)
        self._dirty = self._dirty or bool(len(xs) or epochs)

    def refresh(self) -> None:
        """setData on the current run's curves (only if something arrived)."""
        if not self._dirty:
            return
        self._dirty = False
        run = self.current
        self.empty_label.setVisible(run.bx.n == 0 and not run.epochs)
        if run.shown[0] != run.bx.n:
            run.raw.setData(run.bx.view(), run.bl.view())
            run.sm.setData(run.bx.view(), run.smooth.view())
        if run.shown[1] != len(run.epochs):
            metric = run.metric()
            for item, key in ((run.tl, "train_loss"), (run.vl, "val_loss"), (run.ta, f"train_{metric}"),
                              (run.va, f"val_{metric}")):
                item.setData(*run.epoch_arrays(key))
            self._show_accuracy()
        run.shown = (run.bx.n, len(run.epochs))

    def _show_accuracy(self) -> None:
        """The third plot shows the current run's metric: accuracy (classification) or the mean
        absolute error (regression); hidden when the runs have neither."""
        runs = [self.current] + [r for r in self.earlier if r.visible]
        metric = self.current.metric() if self.current.epochs else next(
            (r.metric() for r in runs if r.epochs), "accuracy")
        for r in self.earlier:  # an earlier run's other metric would be read on this axis: hidden
            for item in r.items[3:5]:
                item.setVisible(r.visible and r.metric() == metric)
        has = any(e.get(f"train_{metric}") is not None or e.get(f"val_{metric}") is not None
                  for r in runs if r.metric() == metric for e in r.epochs)
        waiting = not any(r.epochs for r in runs)
        self.p_acc.setVisible(has or waiting)
        self.p_epoch.setLabel("bottom", "" if has or waiting else tr("epoch"))
        title = QT_TR_NOOP("Mean absolute error") if metric == "mae" else QT_TR_NOOP("Accuracy")
        if title != self._metric_title:
            self._metric_title = title
            images.style_plot(self.p_acc, self.palette(), tr(title))
            # the legend where the curves are not: accuracy rises (legend below), errors fall (above)
            if metric == "mae":
                self.legend_acc.anchor((1, 0), (1, 0), offset=(-6, 6))
            else:
                self.legend_acc.anchor((1, 1), (1, 1), offset=(-6, -6))

    def set_span(self, end: float) -> None:
        """Show epochs 0..end (the whole run) without following every new point."""
        self.p_batch.setXRange(0, max(end, 1), padding=0.02)

    def _resmooth(self) -> None:
        self.current.resmooth(self.smoothing.value())
        self._dirty = True
        self.refresh()

    def set_log(self, on: bool) -> None:
        for p in (self.p_batch, self.p_epoch):
            p.setLogMode(y=on)

    def apply_theme(self) -> None:
        pal = self.palette()
        images.style_widget(self.graphics, pal)
        for p, title in ((self.p_batch, tr("Loss per batch (raw and smoothed)")), (self.p_epoch, tr("Loss per epoch")),
                         (self.p_acc, tr(self._metric_title))):
            images.style_plot(p, pal, title)
        self.empty_label.setStyleSheet(f"color: {images.plot_colors(pal)[1].name()}; background: transparent;")

    # ---- export ------------------------------------------------------------------------------
    def export_png(self, path: str) -> bool:
        return self.graphics.grab().save(path, "PNG")

    def export_csv(self, path: str) -> None:
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["run", "kind", "epoch", "position", "loss", "train_loss", "val_loss", "train_accuracy",
                        "val_accuracy", "train_mae", "val_mae"])
            for run in [*self.earlier, self.current]:
                for x, v in zip(run.bx.view(), run.bl.view()):
                    w.writerow([run.label, "batch", int(np.ceil(x - 1e-9)), f"{x:.6g}", f"{v:.8g}", "", "", "", "", "",
                                ""])
                for e in run.epochs:
                    w.writerow([run.label, "epoch", e["epoch"], e["epoch"], ""] +
                               ["" if e.get(k) is None else f"{e[k]:.8g}"
                                for k in ("train_loss", "val_loss", "train_accuracy", "val_accuracy", "train_mae",
                                          "val_mae")])

    def export_png_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save curves as PNG"), "curves.png",
                                              file_filter([(QT_TR_NOOP("PNG image"), "*.png")]))
        if path and not self.export_png(path if path.lower().endswith(".png") else path + ".png"):
            QMessageBox.warning(self, tr("Cannot save"), tr("Cannot write {path}").format(path=path))

    def export_csv_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save curves as CSV"), "curves.csv",
                                              file_filter([(QT_TR_NOOP("CSV file"), "*.csv")]))
        if not path:
            return
        try:
            self.export_csv(path if path.lower().endswith(".csv") else path + ".csv")
        except OSError as e:
            QMessageBox.warning(self, tr("Cannot save"), tr("Cannot write {path}: {error}").format(
                path=path, error=e.strerror or e))
