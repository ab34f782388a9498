"""Evaluation on the validation set: confusion matrix, per-class accuracy and the most
confidently wrong examples; for regression, the distribution of the errors, predictions against
targets and the samples with the largest errors."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (QCheckBox, QGraphicsObject, QHBoxLayout, QLabel, QListView, QListWidget, QListWidgetItem,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from ..i18n import tr, tr_text
from . import images

MAX_LABELLED = 20   # class names and counts are written into the matrix up to this many classes


class CountsItem(QGraphicsObject):
    """The numbers in the confusion matrix's cells, drawn in one go at a fixed pixel size."""

    def __init__(self):
        super().__init__()
        self.m = self.rows = None

    def set_counts(self, m, rows) -> None:
        self.prepareGeometryChange()
        self.m, self.rows = m, rows
        self.update()

    def boundingRect(self) -> QRectF:
        k = 0 if self.m is None else self.m.shape[0]
        return QRectF(0, 0, k, k)

    def paint(self, p, option, widget=None):
        if self.m is None:
            return
        k = self.m.shape[0]
        t = p.transform()
        p.save()
        p.resetTransform()
        font = p.font()
        font.setPointSizeF(8 if k > 10 else 9)
        p.setFont(font)
        light, dark = QColor("#ffffff"), widget.palette().color(widget.palette().ColorRole.Text) if widget else QColor("#202020")
        for i in range(k):
            for j in range(k):
                if self.m[i, j]:
                    c = t.map(QPointF(j + 0.5, i + 0.5))
                    p.setPen(light if self.rows[i, j] > 0.5 else dark)
                    p.drawText(QRectF(c.x() - 30, c.y() - 10, 60, 20), Qt.AlignmentFlag.AlignCenter,
                               str(int(self.m[i, j])))
        p.restore()


class EvaluationView(QWidget):
    sigEvaluate = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.button = QPushButton(tr("Evaluate"), toolTip=tr("Run the validation set through the network now"))
        self.button.clicked.connect(self.sigEvaluate)
        self.each_epoch = QCheckBox(tr("After every epoch"), checked=True,
                                    toolTip=tr("Evaluate again after each epoch while training"))
        self.summary = QLabel(tr("Evaluate the network to see where it goes wrong."), wordWrap=True)
        top = QHBoxLayout()
        top.setContentsMargins(4, 2, 4, 2)
        top.addWidget(self.button)
        top.addWidget(self.each_epoch)
        top.addWidget(self.summary, 1)
        self.graphics = pg.GraphicsLayoutWidget()
        self.p_conf = self.graphics.addPlot(row=0, col=0)
        self.p_conf.getViewBox().invertY(True)
        self.p_conf.getViewBox().setAspectLocked(True)
        self.p_conf.setMenuEnabled(False)
        self.conf_image = pg.ImageItem(axisOrder="row-major")
        self.p_conf.addItem(self.conf_image)
        self.counts = CountsItem()
        self.p_conf.addItem(self.counts)
        self.p_class = self.graphics.addPlot(row=0, col=1)
        self.p_class.setMenuEnabled(False)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=QColor(61, 143, 214, 200))
        self.p_class.addItem(self.bars)
        self.scatter = pg.ScatterPlotItem(size=5, pen=None, brush=QColor(61, 143, 214, 140))
        self.diagonal = pg.PlotDataItem(pen=pg.mkPen(QColor(224, 102, 58), width=1.5, style=Qt.PenStyle.DashLine))
        self.p_err = pg.PlotItem()   # takes the confusion matrix's place for regression
        self.p_err.setMenuEnabled(False)
        self.err_hist = self.p_err.plot(stepMode="center", fillLevel=0, pen=pg.mkPen("#3d8fd6"),
                                        brush=QColor(61, 143, 214, 110))
        self.p_err.addItem(pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen(QColor(224, 102, 58), width=1.5,
                                                                          style=Qt.PenStyle.DashLine)))
        self._left = self.p_conf
        self.graphics.ci.layout.setColumnStretchFactor(0, 3)
        self.graphics.ci.layout.setColumnStretchFactor(1, 2)
        self.wrong = QListWidget()
        self.wrong.setViewMode(QListView.ViewMode.IconMode)
        self.wrong.setIconSize(QSize(56, 56))
        self.wrong.setGridSize(QSize(96, 100))
        self.wrong.setResizeMode(QListView.ResizeMode.Adjust)
        self.wrong.setMovement(QListView.Movement.Static)
        self.wrong.setToolTip(tr("The validation samples the network got wrong with the highest confidence"))
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.wrong_label = QLabel(tr("Most confidently wrong"))
        rl.addWidget(self.wrong_label)
        rl.addWidget(self.wrong, 1)
        split = QSplitter()
        split.addWidget(self.graphics)
        split.addWidget(right)
        split.setSizes([700, 300])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        self._worst_key = None
        self.result: dict | None = None
        self.stale = False   # the weights changed since `result` was computed
        self._busy = False
        self._problem: str | None = None   # why the network cannot be evaluated now
        self.apply_theme()

    def reset(self) -> None:
        """Another network: nothing evaluated yet."""
        self.result, self.stale, self._worst_key = None, False, None
        self.summary.setText(tr("Cannot evaluate: {problem}").format(problem=self._problem) if self._problem
                             else tr("Evaluate the network to see where it goes wrong."))
        self.conf_image.clear()
        self.counts.set_counts(None, None)
        self.bars.setOpts(x=[], height=[])
        self.scatter.clear()
        self.err_hist.clear()
        self.wrong.clear()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.button.setEnabled(not busy and not self._problem)
        if busy:
            self.summary.setText(tr("Evaluating…"))

    def show_problem(self, problem: str | None) -> None:
        """Why the network cannot be evaluated now (None: it can): Evaluate is disabled with the
        reason as its tooltip, and shown in place of the summary while nothing was evaluated."""
        self._problem = problem
        self.button.setEnabled(not problem and not self._busy)
        self.button.setToolTip(tr("Cannot evaluate: {problem}").format(problem=problem) if problem
                               else tr("Run the validation set through the network now"))
        if self.result is None and not self._busy:
            self.summary.setText(tr("Cannot evaluate: {problem}").format(problem=problem) if problem
                                 else tr("Evaluate the network to see where it goes wrong."))

    def show_result(self, r: dict) -> None:
        self.result, self.stale = r, False
        which = (tr("validation set ({samples} samples) · loss {loss}") if r["set"] == "validation"
                 else tr("training set ({samples} samples) · loss {loss}"))
        text = which.format(samples=f"{r['samples']:,}", loss=f"{r['loss']:.4g}")
        if r.get("accuracy") is not None:
            text += " · " + tr("accuracy {accuracy} %").format(accuracy=f"{100 * r['accuracy']:.1f}")
        self.summary.setText(text)
        if r["kind"] == "regression":
            self._show_regression(r)
        else:
            self._show_classification(r)

    def _set_left(self, plot) -> None:
        """The confusion matrix (classification) or the error histogram (regression) on the left."""
        if plot is not self._left:
            self.graphics.ci.removeItem(self._left)
            self.graphics.ci.addItem(plot, row=0, col=0)
            self._left = plot

    def _show_classification(self, r: dict) -> None:
        self._set_left(self.p_conf)
        self.wrong_label.setText(tr("Most confidently wrong"))
        self.wrong.setToolTip(tr("The validation samples the network got wrong with the highest confidence"))
        m = r["confusion"].astype(np.float64)
        k = m.shape[0]
        names = [tr_text(c) for c in r["classes"]] + [str(i) for i in range(len(r["classes"]), k)]
        rows = m / np.maximum(m.sum(axis=1, keepdims=True), 1)
        bg = images.plot_colors(self.palette())[0]
        table = images.blend_lut(bg, QColor("#2f6fbf") if bg.lightness() > 128 else QColor("#5aa9f0"))
        self.conf_image.setImage(images.colorize(rows, 0.0, 1.0, table), autoLevels=False)
        self.conf_image.setRect(0, 0, k, k)
        self.p_conf.getViewBox().setRange(xRange=(0, k), yRange=(0, k), padding=0.02)
        self._counts(m, rows)
        if k <= MAX_LABELLED:
            ticks = [[(i + 0.5, names[i]) for i in range(k)]]
            self.p_conf.getAxis("bottom").setTicks(ticks)
            self.p_conf.getAxis("left").setTicks(ticks)
            self.p_class.getAxis("bottom").setTicks([[(i, names[i]) for i in range(k)]])
        self.p_conf.setLabel("bottom", tr("predicted"))
        self.p_conf.setLabel("left", tr("true"))
        self._set_plot_kind("bars")
        acc = np.nan_to_num(r["per_class"], nan=0.0)
        self.bars.setOpts(x=np.arange(k), height=acc, width=0.7)
        self.p_class.setYRange(0, 1.02, padding=0)
        self.p_class.setXRange(-0.6, k - 0.4, padding=0)
        key = [(w["true"], w["pred"], round(w["conf"], 2)) for w in r["worst"]]
        if key == self._worst_key and self.wrong.count():
            return
        self._worst_key = key
        self.wrong.clear()
        for w in r["worst"]:
            pm = images.thumbnail(w["x"], 56)
            text = f"{names[w['true']]} → {names[w['pred']]}\n{100 * w['conf']:.0f} %"
            item = QListWidgetItem(QIcon(pm) if pm is not None else QIcon(), text)
            item.setToolTip(tr("true class {true}, predicted {predicted} with {confidence} % confidence").format(
                true=names[w["true"]], predicted=names[w["pred"]], confidence=f"{100 * w['conf']:.1f}"))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.wrong.addItem(item)
        if not r["worst"]:
            self.wrong.addItem(QListWidgetItem(tr("none wrong")))

    def _counts(self, m: np.ndarray, rows: np.ndarray) -> None:
        self.counts.set_counts(m if m.shape[0] <= MAX_LABELLED else None, rows)

    def _show_regression(self, r: dict) -> None:
        self._set_left(self.p_err)
        self._worst_key = None
        counts, edges = r["errors"]
        self.err_hist.setData(edges, counts)
        self._set_plot_kind("scatter")
        self.scatter.setData(r["true"], r["pred"])
        lo = float(min(r["true"].min(initial=0), r["pred"].min(initial=0)))
        hi = float(max(r["true"].max(initial=1), r["pred"].max(initial=1)))
        self.diagonal.setData([lo, hi], [lo, hi])
        self.summary.setText(self.summary.text() + " · " + tr("mean absolute error {mae}").format(mae=f"{r['mae']:.4g}"))
        self.wrong_label.setText(tr("Largest errors"))
        self.wrong.setToolTip(tr("The validation samples with the largest mean absolute error"))
        self.wrong.clear()
        for w in r["worst"]:
            t, p = np.atleast_1d(w["true"]), np.atleast_1d(w["pred"])
            more = " …" if t.size > 1 else ""
            pm = images.thumbnail(w["x"], 56)
            item = QListWidgetItem(QIcon(pm) if pm is not None else QIcon(),
                                   tr("#{index}\ntrue {true}\npred {predicted}").format(
                                       index=w["index"], true=f"{t[0]:.3g}{more}", predicted=f"{p[0]:.3g}{more}"))
            item.setToolTip(tr("validation sample {index}: target {target}, predicted {predicted}").format(
                index=w["index"], target=_values(t), predicted=_values(p)))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.wrong.addItem(item)

    def _set_plot_kind(self, kind: str) -> None:
        pal = self.palette()
        if kind == "bars":
            for item in (self.scatter, self.diagonal):
                if item in self.p_class.items:
                    self.p_class.removeItem(item)
            if self.bars not in self.p_class.items:
                self.p_class.addItem(self.bars)
            images.style_plot(self.p_class, pal, tr("Accuracy per class"))
            self.p_class.setLabel("bottom", "")
            self.p_class.setLabel("left", "")
        else:
            if self.bars in self.p_class.items:
                self.p_class.removeItem(self.bars)
            for item in (self.scatter, self.diagonal):
                if item not in self.p_class.items:
                    self.p_class.addItem(item)
            images.style_plot(self.p_class, pal, tr("Predicted against true (first output)"))
            self.p_class.getAxis("bottom").setTicks(None)
            self.p_class.setLabel("bottom", tr("true"))
            self.p_class.setLabel("left", tr("predicted"))
            self.p_class.enableAutoRange()

    def apply_theme(self) -> None:
        pal = self.palette()
        images.style_widget(self.graphics, pal)
        images.style_plot(self.p_conf, pal, tr("Confusion matrix (rows: true class)"))
        images.style_plot(self.p_err, pal, tr("Errors: predicted − true (first output)"))
        self.p_conf.showGrid(x=False, y=False)
        images.style_plot(self.p_class, pal, tr("Accuracy per class"))
        if self.result is not None:
            stale = self.stale
            self.show_result(self.result)
            self.stale = stale


def _values(a: np.ndarray, most: int = 6) -> str:
    text = ", ".join(f"{v:.4g}" for v in a[:most])
    return text + (" …" if a.size > most else "")
