"""The Losses page: the ten losses and their gradients against the prediction, a line fitted live
to data with outliers under mse / mae / smooth L1, and the gradient each activation + loss pairing
sends to the logits. Numbers from `dlstudio.engine.lab.losses`; this module only draws them."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QSlider, QTabWidget, QVBoxLayout, QWidget)

from ...engine.lab import losses as L
from ..i18n import QT_TR_NOOP, tr, tr_text
from ..training import images
from .base import LabPage

COLORS = dict(zip(L.LOSS_NAMES, ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#b07d48",
                                 "#e377c2", "#17becf", "#bcbd22", "#7f7f7f")))
PAIR_COLORS = {"sigmoid_logistic": "#1f77b4", "sigmoid_mse": "#ff7f0e", "softmax_ce": "#2ca02c",
               "softmax_mse": "#d62728"}
# shown with tr()
FORMULAS = {
    "mse": QT_TR_NOOP("(ŷ − y)², gradient 2(ŷ − y): grows with the error, so outliers dominate"),
    "mae": QT_TR_NOOP("|ŷ − y|, gradient sign(ŷ − y): every error pulls equally hard"),
    "msle": QT_TR_NOOP("(log(1 + ŷ) − log(1 + y))²: compares orders of magnitude; targets ≥ 0"),
    "mape": QT_TR_NOOP("100·|ŷ − y| / |y|: the error in percent of the target"),
    "binary_cross_entropy": QT_TR_NOOP("logistic: −[y log p + (1 − y) log(1 − p)]; on the logit z the "
                                       "gradient is σ(z) − y"),
    "nll": QT_TR_NOOP("−log p<sub>y</sub>, the probability given to the true class (one output: P(class 1))"),
    "cross_entropy": QT_TR_NOOP("−log softmax(z)<sub>y</sub> on logits; gradient softmax(z) − onehot(y). "
                                "Two classes with logits (0, z) are drawn"),
    "hinge": QT_TR_NOOP("max(0, 1 − t·z) with t = ±1 (y = 0 → −1): zero once the margin reaches 1"),
    "exponential": QT_TR_NOOP("exp(−t·z) with t = ±1: punishes confident mistakes exponentially"),
    "smooth_l1": QT_TR_NOOP("½d² for |d| < 1, else |d| − ½ (d = ŷ − y): MSE near the target, MAE far away"),
}
DEFAULT_CHECKED = {"regression": ("mse", "mae", "smooth_l1"), "probability": ("binary_cross_entropy", "mse"),
                   "logit": ("binary_cross_entropy", "hinge", "exponential")}
# y ranges that keep the interesting part in view (MAPE and the log losses shoot off)
VALUE_CAP = {"regression": 10.0, "probability": 5.5, "logit": 6.0}
GRAD_CAP = {"regression": 7.0, "probability": 10.0, "logit": 4.0}
FIT_STEPS = 600         # gradient-descent steps per fit (converged well before)
STEPS_PER_TICK = 4
TICK_MS = 30
WRONG_Z = -5.0          # where the pairings caption reads the gradients: confidently wrong


def _swatch(color: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(color))
    return QIcon(pix)


def _plot(graphics: pg.GraphicsLayoutWidget, row: int, x_label: str, y_label: str) -> pg.PlotItem:
    plot = graphics.addPlot(row=row, col=0)
    plot.setMenuEnabled(False)
    plot.setLabel("bottom", x_label)
    plot.setLabel("left", y_label)
    return plot


def _fit_y(plot: pg.PlotItem, arrays: list[np.ndarray], lo_cap: float, hi_cap: float) -> None:
    """The y range of `arrays`, clipped to [lo_cap, hi_cap]."""
    lo = max(min((float(a.min()) for a in arrays), default=-1.0), lo_cap)
    hi = min(max((float(a.max()) for a in arrays), default=1.0), hi_cap)
    if hi - lo < 1e-6:
        lo, hi = lo - 1, hi + 1
    plot.setYRange(lo, hi, padding=0.05)


def _panel_and_plots(left: QVBoxLayout, right: QWidget) -> QWidget:
    """A tab: the controls in a fixed-width column on the left, the plots filling the rest."""
    left.addStretch(1)
    panel = QWidget()
    panel.setLayout(left)
    panel.setFixedWidth(250)
    box = QWidget()
    lay = QHBoxLayout(box)
    lay.addWidget(panel)
    lay.addWidget(right, 1)
    return box


class LossesPage(LabPage):
    key = "losses"
    title = QT_TR_NOOP("Losses")
    intro = QT_TR_NOOP("A loss scores one prediction against its target; training moves the weights down its "
             "gradient. The batch loss is the mean, L = (1/N) Σ ℓ(ŷ<sub>i</sub>, y<sub>i</sub>), "
             "so each sample sends (1/N)·∂ℓ/∂ŷ back. Below: every loss of the engine and its "
             "gradient, how the loss decides what outliers do to a fit, and which activation + loss "
             "pairings keep the gradient alive.")
    shot_seconds = 1.5

    def __init__(self, parent=None):
        super().__init__(parent)
        # the ticked losses, remembered per task
        self.checked_by_task: dict[str, set[str]] = {t: set(c) for t, c in DEFAULT_CHECKED.items()}
        self.focus = "mse"
        self.curves: dict[str, L.LossCurve] = {}
        self.legends: list[pg.LegendItem] = []
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_curves(), tr("Value and gradient"))
        self.tabs.addTab(self._build_outliers(), tr("Outliers"))
        self.tabs.addTab(self._build_pairings(), tr("Activation + loss"))
        lay = QVBoxLayout(self.body)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)
        self.timer = QTimer(self, interval=TICK_MS)
        self.timer.timeout.connect(self._tick)
        self._style()
        self._task_changed()
        self._restart_fit()
        self._draw_pairings()

    def _style(self) -> None:
        """Plots, legends and guide lines in the theme's colours."""
        pal = self.palette()
        bg, text, _ = images.plot_colors(pal)
        for graphics in (self.curve_graphics, self.fit_graphics, self.pair_graphics):
            images.style_widget(graphics, pal)
        for plot in (self.p_value, self.p_grad, self.p_fit, self.p_pair, self.p_prob):
            images.style_plot(plot, pal, grid=True)
        fill = QColor(bg)
        fill.setAlpha(200)
        for legend in self.legends:
            legend.setLabelTextColor(text)
            legend.setBrush(fill)
            for _, label in legend.items:
                label.setText(label.text, color=text)
        guide = pg.mkPen(text, width=1, style=Qt.PenStyle.DashLine)
        for line in self.guides:
            line.setPen(guide)
        self.clean_item.setPen(guide)
        self.inlier_item.setBrush(pg.mkBrush(text))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) \
                and hasattr(self, "legends"):
            self._style()

    def _legend(self, plot: pg.PlotItem) -> pg.LegendItem:
        legend = plot.addLegend(offset=(8, 8), labelTextSize="8pt")
        self.legends.append(legend)
        return legend

    # -- value and gradient ------------------------------------------------------------------
    def _build_curves(self) -> QWidget:
        self.task = QComboBox(toolTip=tr("What the prediction is: a value, a probability or a logit"))
        for key, text in L.TASKS.items():
            self.task.addItem(tr(text), key)
        self.target = QDoubleSpinBox(minimum=-5.0, maximum=5.0, singleStep=0.5, value=1.0, decimals=2,
                                     toolTip=tr("The target y the prediction is compared with"))
        self.label = QComboBox(toolTip=tr("The true class y"))
        self.label.addItem("y = 1", 1)
        self.label.addItem("y = 0", 0)
        self.losses = QListWidget(toolTip=tr("Tick losses to overlay them"))
        for name in L.LOSS_NAMES:
            item = QListWidgetItem(_swatch(COLORS[name]), name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.losses.addItem(item)
        self.losses.setMinimumHeight(self.losses.sizeHintForRow(0) * 10 + 6)
        self.formula = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.formula.setMinimumHeight(70)
        self.formula.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.target_form = form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("Task"), self.task)
        form.addRow(tr("Target"), self.target)
        form.addRow(tr("Class"), self.label)
        left = QVBoxLayout()
        left.addLayout(form)
        for widget in (QLabel(tr("Losses (greyed: do not apply here)")), self.losses, self.formula):
            left.addWidget(widget)
        self.curve_graphics = pg.GraphicsLayoutWidget()
        self.p_value = _plot(self.curve_graphics, 0, tr("prediction"), tr("loss of one sample"))
        self.p_grad = _plot(self.curve_graphics, 1, tr("prediction"), tr("∂loss / ∂prediction"))
        self.p_grad.setXLink(self.p_value)
        self.value_legend = self._legend(self.p_value)
        self.value_items = {n: self.p_value.plot(pen=pg.mkPen(COLORS[n], width=2)) for n in L.LOSS_NAMES}
        self.grad_items = {n: self.p_grad.plot(pen=pg.mkPen(COLORS[n], width=2)) for n in L.LOSS_NAMES}
        self.target_lines = [pg.InfiniteLine(angle=90) for _ in range(2)]
        self.guides = [*self.target_lines, pg.InfiniteLine(pos=0, angle=0)]
        self.p_value.addItem(self.target_lines[0])
        self.p_grad.addItem(self.target_lines[1])
        self.p_grad.addItem(self.guides[2])

        self.task.currentIndexChanged.connect(self._task_changed)
        self.target.valueChanged.connect(self._refresh_curves)
        self.label.currentIndexChanged.connect(self._refresh_curves)
        self.losses.itemChanged.connect(self._item_changed)
        self.losses.currentItemChanged.connect(self._current_changed)
        return _panel_and_plots(left, self.curve_graphics)

    def current_task(self) -> str:
        return self.task.currentData()

    @property
    def checked(self) -> set[str]:
        """The losses ticked for the current task."""
        return self.checked_by_task[self.current_task()]

    def current_target(self) -> float:
        if self.current_task() == "regression":
            return float(self.target.value())
        return float(self.label.currentData())

    def _task_changed(self) -> None:
        task = self.current_task()
        regression = task == "regression"
        self.target_form.setRowVisible(self.target, regression)
        self.target_form.setRowVisible(self.label, not regression)
        x_label = {"regression": tr("prediction ŷ"), "probability": tr("predicted probability p of class 1"),
                   "logit": tr("logit z (score for class 1)")}[task]
        self.p_value.setLabel("bottom", x_label)
        self.p_grad.setLabel("bottom", x_label)
        self._refresh_curves()

    def _item_changed(self, item: QListWidgetItem) -> None:
        name = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self.checked.add(name)
            self.focus = name
        else:
            self.checked.discard(name)
        self._refresh_curves()

    def _current_changed(self, item, _previous=None) -> None:
        if item is not None:
            self.focus = item.data(Qt.ItemDataRole.UserRole)
            self._show_formula()

    def _refresh_curves(self) -> None:
        """Recompute the ticked losses for the current task and target and redraw them."""
        task, target = self.current_task(), self.current_target()
        self.curves = {}
        self.losses.blockSignals(True)
        for row in range(self.losses.count()):
            item = self.losses.item(row)
            name = item.data(Qt.ItemDataRole.UserRole)
            reason = L.availability(name, task, target)
            flags = item.flags()
            item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled if reason else flags | Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip(tr_text(reason) if reason else tr(FORMULAS[name]))
            on = reason is None and name in self.checked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            if on:
                self.curves[name] = L.loss_curve(name, task, target)
        self.losses.blockSignals(False)
        self.value_legend.clear()
        for name in L.LOSS_NAMES:
            c = self.curves.get(name)
            self.value_items[name].setVisible(c is not None)
            self.grad_items[name].setVisible(c is not None)
            if c is not None:
                self.value_items[name].setData(c.x, c.value)
                self.grad_items[name].setData(c.x, c.grad)
                self.value_legend.addItem(self.value_items[name], name)
        # the legend goes where the curves are low: above the target, or on the side the class is
        side = {"regression": 0.5, "probability": target, "logit": target}[task]
        self.value_legend.anchor((side, 0), (side, 0), offset=((1 - 2 * side) * 8, 8))
        if self.focus not in self.curves and self.curves:
            self.focus = next(iter(self.curves))
        xs = L.sweep(task, target, 2)
        self.p_value.setXRange(xs[0], xs[-1], padding=0.02)
        _fit_y(self.p_value, [c.value for c in self.curves.values()], 0.0, VALUE_CAP[task])
        cap = GRAD_CAP[task]
        _fit_y(self.p_grad, [c.grad for c in self.curves.values()], -cap, cap)
        for line in self.target_lines:
            line.setVisible(task != "logit")
            line.setValue(target)
        self._show_formula()

    def _show_formula(self) -> None:
        name = self.focus
        reason = L.availability(name, self.current_task(), self.current_target())
        extra = f"<br><i>{tr_text(reason)}</i>" if reason else ""
        self.formula.setText(f"<b>{name}</b>: {tr(FORMULAS[name])}{extra}")

    # -- outliers ----------------------------------------------------------------------------
    def _build_outliers(self) -> QWidget:
        self.slider = QSlider(Qt.Orientation.Horizontal, minimum=0, maximum=L.MAX_OUTLIERS, value=3,
                              toolTip=tr("How many points are moved far below the line"))
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider_label = QLabel()
        self.restart = QPushButton(tr("Fit again"))
        self.fit_status = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.fit_status.setAlignment(Qt.AlignmentFlag.AlignTop)
        note = QLabel(tr("Each line is a Dense(1) network y = w·x + b trained from w = b = 0 by gradient "
                         "descent with momentum on all points, under its own loss. MSE's gradient grows with "
                         "the error, so a few far points drag its line; MAE's does not; smooth L1 is MSE "
                         "for small errors and MAE for large ones."), wordWrap=True)
        left = QVBoxLayout()
        for widget in (self.slider_label, self.slider, self.restart, self.fit_status, note):
            left.addWidget(widget)
        self.fit_graphics = pg.GraphicsLayoutWidget()
        self.p_fit = _plot(self.fit_graphics, 0, "x", "y")
        legend = self._legend(self.p_fit)
        self.clean_item = self.p_fit.plot()
        self.inlier_item = pg.ScatterPlotItem(size=7, pen=None)
        self.outlier_item = pg.ScatterPlotItem(size=9, brush=None, pen=pg.mkPen("#d62728", width=2))
        self.p_fit.addItem(self.inlier_item)
        self.p_fit.addItem(self.outlier_item)
        self.fit_items = {n: self.p_fit.plot(pen=pg.mkPen(COLORS[n], width=2.5)) for n in L.FIT_LOSSES}
        for item, text in ((self.clean_item, tr("clean line (slope {slope})").format(slope=f"{L.CLEAN_SLOPE:g}")),
                           (self.inlier_item, tr("points")), (self.outlier_item, tr("outliers")),
                           *((i, n) for n, i in self.fit_items.items())):
            legend.addItem(item, text)
        self.slider.valueChanged.connect(self._restart_fit)
        self.restart.clicked.connect(self._restart_fit)
        return _panel_and_plots(left, self.fit_graphics)

    def _restart_fit(self) -> None:
        """New data for the slider's outlier count and fresh lines; the timer fits them."""
        count = self.slider.value()
        self.slider_label.setText(tr("Outliers: <b>{count}</b> of {total} points").format(count=count, total=30))
        self.fit = L.LineFit(L.line_data(count))
        d = self.fit.data
        xs, ys = d.x[:, 0], d.y[:, 0]
        self.inlier_item.setData(xs[~d.outlier], ys[~d.outlier])
        self.outlier_item.setData(xs[d.outlier], ys[d.outlier])
        self.line_x = np.array([-1.1, 1.1])
        self.clean_item.setData(self.line_x, L.CLEAN_SLOPE * self.line_x + L.CLEAN_INTERCEPT)
        self.p_fit.setXRange(-1.15, 1.15, padding=0)
        self.p_fit.setYRange(min(-1.6, float(ys.min())) - 0.2, 2.4, padding=0)
        self._draw_fit()
        if self.isVisible() and not self.timer.isActive():
            self.timer.start()

    def _tick(self) -> None:
        if self.fit.steps >= FIT_STEPS:
            self.timer.stop()
            return
        self.fit.step(STEPS_PER_TICK)
        self._draw_fit()

    def _draw_fit(self) -> None:
        rows = [tr("step {step} of {total}").format(step=self.fit.steps, total=FIT_STEPS),
                tr("clean slope {slope}").format(slope=f"{L.CLEAN_SLOPE:.2f}")]
        for name, item in self.fit_items.items():
            w, b = self.fit.line(name)
            item.setData(self.line_x, w * self.line_x + b)
            rows.append(f"<span style='color:{COLORS[name]}'>■</span> "
                        + tr("{loss}: slope {slope}, intercept {intercept}").format(
                            loss=name, slope=f"{w:.2f}", intercept=f"{b:.2f}"))
        self.fit_status.setText("<br>".join(rows))

    # -- pairings ----------------------------------------------------------------------------
    def _build_pairings(self) -> QWidget:
        self.pair_graphics = pg.GraphicsLayoutWidget()
        self.p_pair = _plot(self.pair_graphics, 0, tr("logit z of the true class (other logits 0)"),
                            tr("∂loss / ∂z reaching the logit"))
        self.p_prob = _plot(self.pair_graphics, 1, tr("logit z of the true class"),
                            tr("probability of the true class"))
        self.p_prob.setXLink(self.p_pair)
        self.pair_graphics.ci.layout.setRowStretchFactor(0, 3)
        self.pair_graphics.ci.layout.setRowStretchFactor(1, 2)
        legend = self._legend(self.p_pair)
        legend.anchor((1, 1), (1, 1), offset=(-8, -8))
        wrong = pg.LinearRegionItem((-6, -2.5), movable=False,
                                    brush=pg.mkBrush(214, 39, 40, 28), pen=pg.mkPen(None))
        self.p_pair.addItem(wrong)
        self.pair_items = {}
        for key, text in L.PAIRINGS.items():
            self.pair_items[key] = self.p_pair.plot(pen=pg.mkPen(PAIR_COLORS[key], width=2.5))
            legend.addItem(self.pair_items[key], tr(text))
        prob_legend, self.prob_items = self._legend(self.p_prob), {}
        for key, text in (("sigmoid_logistic", "sigmoid(z)"),
                          ("softmax_ce", tr("softmax over {n} logits").format(n=L.PAIR_CLASSES))):
            self.prob_items[key] = self.p_prob.plot(pen=pg.mkPen(PAIR_COLORS[key], width=2))
            prob_legend.addItem(self.prob_items[key], text)
        self.pair_caption = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.addWidget(self.pair_graphics, 1)
        lay.addWidget(self.pair_caption)
        return box

    def _draw_pairings(self) -> None:
        self.pairings = {key: L.pairing(key) for key in L.PAIRINGS}
        for key, p in self.pairings.items():
            self.pair_items[key].setData(p.z, p.grad_true)
        for key, item in self.prob_items.items():
            item.setData(self.pairings[key].z, self.pairings[key].prob)
        self.p_pair.setXRange(-6, 6, padding=0.01)
        at = {key: L.pairing(key, np.array([WRONG_Z])).grad_true[0] for key in L.PAIRINGS}
        values = ", ".join(f"{tr(L.PAIRINGS[k])} <b>{v:+.3f}</b>" for k, v in at.items())
        self.pair_caption.setText(tr(
            "Shaded: confidently wrong. At z = {z} the logit receives {values}. The log losses "
            "keep a gradient near −1 (σ(z) − y, p − onehot) and correct the mistake quickly; with MSE the "
            "activation's slope p(1 − p) multiplies in and the gradient vanishes, so learning stalls.")
            .format(z=f"{WRONG_Z:g}", values=values))

    # -- hooks -------------------------------------------------------------------------------
    def activate(self) -> None:
        if self.fit.steps < FIT_STEPS:
            self.timer.start()

    def deactivate(self) -> None:
        self.timer.stop()

    def explain(self, topic: str) -> None:
        name = topic.partition(":")[2] if topic.startswith("loss:") else ""
        if name not in L.LOSS_NAMES:
            return
        self.tabs.setCurrentIndex(0)
        if L.availability(name, self.current_task(), self.current_target()):
            # the first task that fits it, with target / class 1
            self.task.setCurrentIndex(self.task.findData(
                next(t for t in L.TASKS if L.availability(name, t, 1.0) is None)))
            self.target.setValue(1.0)
            self.label.setCurrentIndex(self.label.findData(1))
        self.checked.add(name)
        self.focus = name
        self._refresh_curves()
        self.losses.setCurrentRow(L.LOSS_NAMES.index(name))
