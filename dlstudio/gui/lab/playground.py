"""The optimizer playground: seven engine optimizers race across a 2-D loss surface from one
start point, with trails, loss against step and the size of each step; hyperparameters can be
edited while they run."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from ...engine.lab.playground import LABELS, NOTES, Playground, editable_hyper
from ...engine.lab.surfaces import OPTIMIZER_NAMES, SURFACES, make_surface
from .. import theme
from ..i18n import QT_TR_NOOP, tr, tr_text
from ..training import images
from .base import LabPage

FRAME_MS = 20                   # 50 frames/s while playing (30 under load)
FLOOR = 1e-16                   # log plots show smaller values (and exact zeros) here
BANDS = 14                      # contour bands in the surface image
SYMBOLS = {"lr": "lr", "momentum": "μ", "rho": "ρ", "beta1": "β1", "beta2": "β2"}
# gradient mode: (title, fraction of the surface's one-sample noise, note)
GRADIENTS = {
    "bgd": (QT_TR_NOOP("exact gradient (BGD)"), 0.0,
            QT_TR_NOOP("BGD: the gradient of the whole training set, so every path is smooth.")),
    "mbgd": (QT_TR_NOOP("mini-batch noise (MBGD)"), 0.25,
             QT_TR_NOOP("MBGD: a batch of 16 averages the noise down by √16; paths wobble but get there.")),
    "sgd": (QT_TR_NOOP("one-sample noise (SGD)"), 1.0,
            QT_TR_NOOP("SGD: one sample per step, a noisy gradient; paths jitter and never settle exactly.")),
}
# the hyperparameters' names in tooltips (English: the code names)
HYPER_NAMES = {"lr": QT_TR_NOOP("lr"), "momentum": QT_TR_NOOP("momentum"), "rho": QT_TR_NOOP("rho"),
               "beta1": QT_TR_NOOP("beta1"), "beta2": QT_TR_NOOP("beta2")}
STEP_VIEWS = {"len": QT_TR_NOOP("step length ‖Δp‖"), "rate": QT_TR_NOOP("effective rate ‖Δp‖ / ‖g‖")}


def _hyper_tip(name: str, hyper: str) -> str:
    """"Adam: lr": the optimizer and the hyperparameter a cell edits."""
    return f"{LABELS[name]}: {tr(HYPER_NAMES[hyper]) if hyper in HYPER_NAMES else hyper}"


class PlaygroundPage(LabPage):
    key = "optimizers"
    title = QT_TR_NOOP("Optimizer playground")
    intro = QT_TR_NOOP("Seven optimizers, the engine's own classes, walk a two-parameter loss f(x, y): each "
             "step is g = ∇f(p), then the optimizer's update (plain SGD: p ← p − lr·g). Click the "
             "surface to restart them all from there; rates can be edited while they run. "
             "<b>Step length</b> ‖Δp‖ is how far one step moved; the <b>effective rate</b> "
             "‖Δp‖ / ‖g‖ is the learning rate actually applied (SGD: exactly lr; Adagrad: "
             "lr / √Σg² per coordinate, which only shrinks).")
    shot_seconds = 2.0

    def __init__(self, parent=None):
        super().__init__(parent)
        self.frame_count = 0
        self._playing = True
        self._active = False
        self._focus: str | None = None        # the optimizer `explain` highlighted
        self._gradient = "bgd"
        self.playground = Playground(make_surface("ravine"))
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._tick)
        self._build()
        self._load_surface()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        row = QHBoxLayout(self.body)
        row.setContentsMargins(0, 0, 0, 0)
        plots = QVBoxLayout()
        row.addLayout(plots, 1)
        side_box = QWidget()
        side_box.setFixedWidth(320)
        side = QVBoxLayout(side_box)
        side.setContentsMargins(0, 0, 0, 0)
        row.addWidget(side_box)

        self.surface_plot = pg.PlotWidget()
        p = self.surface_plot.getPlotItem()
        p.setMenuEnabled(False)
        p.setMouseEnabled(False, False)
        p.hideButtons()
        self.image = pg.ImageItem(axisOrder="row-major")
        p.addItem(self.image)
        self.legend = p.addLegend(offset=(-4, -4), labelTextSize="8pt", verSpacing=-8)
        plots.addWidget(self.surface_plot, 3)
        self.surface_plot.scene().sigMouseClicked.connect(self._clicked)

        small = QHBoxLayout()
        plots.addLayout(small, 2)
        self.loss_plot = pg.PlotWidget(axisItems={"left": images.LogAxis("left")})
        self.step_plot = pg.PlotWidget(axisItems={"left": images.LogAxis("left")})
        self._ranges: dict = {}
        for w in (self.loss_plot, self.step_plot):
            w.getPlotItem().setLogMode(y=True)
            w.getPlotItem().setMenuEnabled(False)
            w.getPlotItem().setMouseEnabled(False, False)
            w.getPlotItem().hideButtons()
            w.getPlotItem().disableAutoRange()
            small.addWidget(w)

        colors = images.CURVE_COLORS
        self.colors = {n: QColor(colors[i % len(colors)]) for i, n in enumerate(OPTIMIZER_NAMES)}
        self.trails, self.markers, self.loss_curves, self.step_curves = {}, {}, {}, {}
        fast = {"skipFiniteCheck": True, "autoDownsample": True, "clipToView": True}
        for name in OPTIMIZER_NAMES:
            c = self.colors[name]
            self.trails[name] = p.plot(pen=pg.mkPen(c, width=2), name=LABELS[name],
                                       skipFiniteCheck=True)
            self.markers[name] = pg.ScatterPlotItem(size=9, brush=pg.mkBrush(c),
                                                    pen=pg.mkPen("k", width=1))
            p.addItem(self.markers[name])
            self.loss_curves[name] = self.loss_plot.plot(pen=pg.mkPen(c, width=1), **fast)
            self.step_curves[name] = self.step_plot.plot(pen=pg.mkPen(c, width=1), **fast)
        self.start_marker = pg.ScatterPlotItem(size=13, symbol="star", brush=pg.mkBrush("w"),
                                               pen=pg.mkPen("k", width=1))
        self.min_marker = pg.ScatterPlotItem(size=11, symbol="x", brush=pg.mkBrush("k"), pen=None)
        p.addItem(self.start_marker)
        p.addItem(self.min_marker)

        # controls
        form = QGridLayout()
        side.addLayout(form)
        self.surface_box = QComboBox()
        for key, cls in SURFACES.items():
            self.surface_box.addItem(tr(cls.title), key)
        self.surface_box.currentIndexChanged.connect(self._load_surface)
        self.gradient_box = QComboBox()
        for key, (title, _, _) in GRADIENTS.items():
            self.gradient_box.addItem(tr(title), key)
        self.gradient_box.currentIndexChanged.connect(self._gradient_changed)
        self.step_view_box = QComboBox()
        for key, title in STEP_VIEWS.items():
            self.step_view_box.addItem(tr(title), key)
        self.step_view_box.currentIndexChanged.connect(self._step_view_changed)
        self.speed = QSpinBox(minimum=1, maximum=50, value=1, suffix=tr(" step(s) / frame"))
        for r, (text, w) in enumerate(((tr("Surface"), self.surface_box), (tr("Gradient"), self.gradient_box),
                                       (tr("Right plot"), self.step_view_box), (tr("Speed"), self.speed))):
            form.addWidget(QLabel(text), r, 0)
            form.addWidget(w, r, 1)

        buttons = QHBoxLayout()
        side.addLayout(buttons)
        self.play_button = QPushButton(tr("Pause"))
        self.play_button.clicked.connect(lambda: self.pause() if self._playing else self.play())
        self.step_button = QPushButton(tr("Step"))
        self.step_button.clicked.connect(self.step_once)
        self.reset_button = QPushButton(tr("Reset"))
        self.reset_button.clicked.connect(lambda: self.restart())
        for b in (self.play_button, self.step_button, self.reset_button):
            buttons.addWidget(b)

        self.note = QLabel(wordWrap=True)
        self.status = QLabel()
        side.addWidget(self.note)
        side.addWidget(self.status)

        grid = QGridLayout()
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        side.addLayout(grid)
        self.checks, self.edits, self.states = {}, {}, {}
        for r, name in enumerate(OPTIMIZER_NAMES):
            box = QCheckBox(LABELS[name], checked=True)
            box.setStyleSheet(f"QCheckBox {{ color: {self.colors[name].name()}; font-weight: bold; }}")
            box.toggled.connect(lambda on, n=name: self._set_visible(n, on))
            grid.addWidget(box, 2 * r, 0)
            self.checks[name] = box
            edits = QHBoxLayout()
            edits.setSpacing(3)
            for hyper in editable_hyper(name):
                if name == "sgd" and hyper == "momentum":
                    continue      # SGD with momentum is the next row
                edit = QLineEdit()
                edit.setFixedWidth(48)
                edit.setToolTip(_hyper_tip(name, hyper))
                edit.textEdited.connect(lambda text, n=name, h=hyper: self._hyper_edited(n, h, text))
                edits.addWidget(QLabel(SYMBOLS[hyper]))
                edits.addWidget(edit)
                self.edits[(name, hyper)] = edit
            edits.addStretch(1)
            grid.addLayout(edits, 2 * r, 1)
            state = QLabel()
            small_font = state.font()
            small_font.setPointSizeF(max(small_font.pointSizeF() - 1.0, 7.0))
            state.setFont(small_font)
            grid.addWidget(state, 2 * r + 1, 0, 1, 2)
            self.states[name] = state
        side.addStretch(1)
        self._style()

    def _style(self) -> None:
        pal = self.palette()
        for w in (self.surface_plot, self.loss_plot, self.step_plot):
            images.style_widget(w, pal)
        images.style_plot(self.surface_plot.getPlotItem(), pal)
        images.style_plot(self.loss_plot.getPlotItem(), pal, tr("loss f(p) against step"))
        images.style_plot(self.step_plot.getPlotItem(), pal, tr(STEP_VIEWS[self.step_view_box.currentData() or "len"]))
        bg, text, _ = images.plot_colors(pal)
        legend_bg = QColor(bg)
        legend_bg.setAlpha(210)
        self.legend.setBrush(pg.mkBrush(legend_bg))
        self.legend.setLabelTextColor(text)
        for _, label in self.legend.items:      # the colour applies when a label is re-set
            label.setText(label.text)
        self.surface_lut = images.blend_lut(theme.mix(bg, text, 0.02), theme.mix(bg, text, 0.45))
        self._text_color = text

    # -- surface and start -----------------------------------------------------------------
    def _surface(self):
        key = self.surface_box.currentData()
        noise = GRADIENTS[self._gradient][1] * SURFACES[key].noise
        return make_surface(key, noise=noise, seed=0)

    def _load_surface(self, *_args, keep: bool = False) -> None:
        """A new surface: its picture, default rates, paths from its start (`keep`: a new
        gradient mode of the same surface, with the same start and rates)."""
        surface = self._surface()
        self.playground.set_surface(surface, self.playground.start if keep else None, keep)
        z, (x0, x1, y0, y1) = surface.image(220)
        lo, hi = np.percentile(z, [1, 99])
        self._bands = np.floor((np.clip(z, lo, hi) - lo) / max(hi - lo, 1e-9) * BANDS) / BANDS
        self._draw_image()
        self.image.setRect(x0, y0, x1 - x0, y1 - y0)
        plot = self.surface_plot.getPlotItem()
        plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.min_marker.setData([surface.minimum[0]], [surface.minimum[1]])
        for (name, hyper), edit in self.edits.items() if not keep else ():
            edit.setText(f"{self.playground.tracks[name].optimizer.hyper[hyper]:g}")
            edit.setStyleSheet("")
            edit.setToolTip(_hyper_tip(name, hyper))
        self._update_note()
        self._after_restart()

    def _update_note(self) -> None:
        focus = f"<b>{LABELS[self._focus]}</b>: {tr(NOTES[self._focus])}<br>" if self._focus else ""
        surface_note = tr(self.playground.surface.note)
        self.note.setText(f"{focus}<i>{surface_note}</i><br>{tr(GRADIENTS[self._gradient][2])}")

    def _draw_image(self) -> None:
        """The banded log f picture in the theme's colours (lighter = lower loss)."""
        self.image.setImage(images.colorize(self._bands, 0.0, 1.0, self.surface_lut), autoLevels=False)
        self.min_marker.setPen(pg.mkPen(self._text_color, width=2))

    def _gradient_changed(self, *_args) -> None:
        self._gradient = self.gradient_box.currentData()
        self._load_surface(keep=True)

    def set_start(self, x: float, y: float) -> None:
        """Restart every path from (x, y)."""
        self.restart((x, y))

    def restart(self, start=None) -> None:
        """All paths back to the start (or a new one), with fresh optimizer state."""
        self.playground.reset(start)
        self._after_restart()

    def _after_restart(self) -> None:
        s = self.playground.start
        self.start_marker.setData([s[0]], [s[1]])
        self._place_legend()
        self._render(force_labels=True)

    def _place_legend(self) -> None:
        """The legend in the corner farthest from the line between the start and the minimum
        (where the paths mostly run)."""
        x0, x1, y0, y1 = self.playground.surface.bounds
        a, b = ((np.asarray(p, np.float64) - (x0, y0)) / (x1 - x0, y1 - y0)
                for p in (self.playground.start, self.playground.surface.minimum))

        def distance(c) -> float:
            d = b - a
            t = np.clip(np.dot(np.subtract(c, a), d) / max(np.dot(d, d), 1e-12), 0.0, 1.0)
            return float(np.hypot(*(np.subtract(c, a) - t * d)))

        corners = [(1, 0), (0, 0), (1, 1), (0, 1)]   # (right, top) in view fractions
        right, top = max(corners, key=distance)
        anchor = (right, 1 - top)                     # item / parent anchors: (0, 0) is top-left
        self.legend.anchor(itemPos=anchor, parentPos=anchor,
                           offset=(-4 if right else 4, 4 if top else -4))

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        vb = self.surface_plot.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        pt = vb.mapSceneToView(event.scenePos())
        self.set_start(pt.x(), pt.y())

    # -- hyperparameters -------------------------------------------------------------------
    def _hyper_edited(self, name: str, hyper: str, text: str) -> None:
        """Apply an edited value now; a bad one turns the cell red (kept, with the reason as
        its tooltip) and changes nothing."""
        edit = self.edits[(name, hyper)]
        try:
            self.playground.set_hyper(name, **{hyper: float(text)})
        except ValueError as e:
            bad = (tr_text(e.args[0]) if e.args else str(e)) if "could not convert" not in str(e) \
                else tr("{name} must be a number, got {value}").format(name=hyper, value=repr(text))
            c = theme.colors(self.palette()).error
            edit.setStyleSheet(f"QLineEdit {{ background: rgba({c.red()}, {c.green()}, {c.blue()}, 70); }}")
            edit.setToolTip(bad)
            return
        edit.setStyleSheet("")
        edit.setToolTip(_hyper_tip(name, hyper))

    # -- animation -------------------------------------------------------------------------
    def activate(self) -> None:
        self._active = True
        if self._playing:
            self.timer.start()

    def deactivate(self) -> None:
        self._active = False
        self.timer.stop()

    def play(self) -> None:
        """Run the paths (one frame every FRAME_MS while the page is shown)."""
        self._playing = True
        self.play_button.setText(tr("Pause"))
        if self._active:
            self.timer.start()

    def pause(self) -> None:
        self._playing = False
        self.play_button.setText(tr("Play"))
        self.timer.stop()

    def step_once(self) -> None:
        """One step of every optimizer (pauses first)."""
        self.pause()
        self.playground.step(1)
        self._render(force_labels=True)

    def _tick(self) -> None:
        if self.playground.done:  # every path has ended: nothing new to draw
            self._render(force_labels=True)
            self.pause()
            return
        self.playground.step(self.speed.value())
        self._render()

    def _render(self, force_labels: bool = False) -> None:
        view = self.step_view_box.currentData()
        spans = {self.loss_plot: [np.inf, -np.inf], self.step_plot: [np.inf, -np.inf]}
        for name, t in self.playground.tracks.items():
            n = t.n
            self.trails[name].setData(t.path[:n + 1, 0], t.path[:n + 1, 1])
            self.markers[name].setData([t.p[0]], [t.p[1]])
            steps = np.arange(n + 1)
            loss = np.maximum(t.loss[:n + 1], FLOOR)
            size = np.maximum(np.nan_to_num((t.step_len if view == "len" else t.rate)[1:n + 1]), FLOOR)
            self.loss_curves[name].setData(steps, loss)
            self.step_curves[name].setData(steps[1:], size)
            if self.checks[name].isChecked():
                for plot, values in ((self.loss_plot, loss), (self.step_plot, size)):
                    if values.size:
                        span = spans[plot]
                        span[0], span[1] = min(span[0], values.min()), max(span[1], values.max())
        longest = self.playground.steps
        for plot, (lo, hi) in spans.items():
            self._fit(plot, longest, lo, hi)
        self.frame_count += 1
        if force_labels or self.frame_count % 8 == 0:
            self._update_labels()

    def _fit(self, plot: pg.PlotWidget, steps: int, lo: float, hi: float) -> None:
        """Steps 0 .. a round number above `steps`, whole decades around lo .. hi: the axes
        change (and are redrawn) only when the data outgrow them."""
        top = next(m * 10 ** k for k in range(12) for m in (1, 2, 5) if m * 10 ** k >= max(steps, 10))
        if np.isfinite(lo) and np.isfinite(hi):
            ylo, yhi = np.floor(np.log10(lo)), np.ceil(np.log10(hi))
            yhi = max(yhi, ylo + 1)
        else:
            ylo, yhi = -1.0, 1.0
        key = (top, ylo, yhi)
        if self._ranges.get(plot) != key:
            self._ranges[plot] = key
            plot.getPlotItem().setRange(xRange=(0, top), yRange=(ylo, yhi), padding=0.02)

    def _update_labels(self) -> None:
        pg_ = self.playground
        err = theme.colors(self.palette()).error.name()
        for name, t in pg_.tracks.items():
            if t.diverged:
                diverged = (tr("<b>diverged</b> after 1 step") if t.n == 1
                            else tr("<b>diverged</b> after {n} steps").format(n=t.n))
                text = f"<span style='color:{err}'>{diverged}</span>"
            else:
                text = tr("loss {loss} at ({x}, {y})").format(loss=f"{t.loss[t.n]:.3g}", x=f"{t.p[0]:.3g}",
                                                              y=f"{t.p[1]:.3g}")
            self.states[name].setText(text)
        state = tr("finished") if pg_.done else (tr("running") if self._playing else tr("paused"))
        self.status.setText(tr("step {step} · {state}").format(step=pg_.steps, state=state))

    # -- showing ---------------------------------------------------------------------------
    def _set_visible(self, name: str, on: bool) -> None:
        for item in (self.trails[name], self.markers[name], self.loss_curves[name],
                     self.step_curves[name]):
            item.setVisible(on)
        self._render()

    def _step_view_changed(self, *_args) -> None:
        key = self.step_view_box.currentData()
        images.style_plot(self.step_plot.getPlotItem(), self.palette(), tr(STEP_VIEWS[key]))
        self._render(force_labels=True)

    def highlight(self, name: str | None) -> None:
        """Draw `name` bold and dim the others (None: all alike)."""
        self._focus = name
        for n in OPTIMIZER_NAMES:
            c = QColor(self.colors[n])
            width = 3.5 if n == name else 2.0
            if name is not None and n != name:
                c.setAlpha(60)
            for item, w in ((self.trails[n], width), (self.loss_curves[n], width - 1),
                            (self.step_curves[n], width - 1)):
                item.setPen(pg.mkPen(c, width=w))
            self.markers[n].setOpacity(1.0 if name in (None, n) else 0.3)
        if name is not None:
            self.checks[name].setChecked(True)
        self._update_note()

    def explain(self, topic: str) -> None:
        kind, _, what = topic.partition(":")
        if kind == "optimizer" and what in OPTIMIZER_NAMES:
            self.highlight(what)
        elif kind == "batch" and what in GRADIENTS:
            self.highlight(None)
            self.gradient_box.setCurrentIndex(list(GRADIENTS).index(what))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and hasattr(self, "surface_plot"):
            self._style()
            self._draw_image()
