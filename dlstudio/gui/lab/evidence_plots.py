"""One evidence plot: an experiment's curve (e.g. "val_accuracy") for every run, overlaid.

Each run has one colour: a thin line per seed and a bold line for the mean over the seeds (over
the points every seed has reached). Plot items are created once per (run, seed) and updated with
`setData`; the live view and the PNG export draw through the same class.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette

from .. import theme
from ..i18n import tr
from ..training import images

THIN_ALPHA = 85


def run_color(index: int, palette: QPalette) -> QColor:
    """The colour of the run at `index`, readable on the palette's background."""
    c = QColor(images.CURVE_COLORS[index % len(images.CURVE_COLORS)])
    if theme.is_dark(palette):
        c = c.lighter(125)
    return c


def mean_curve(curves: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """The mean over seeds of curves given as (x, y): over the points all of them have, at the
    x of the first (NaN points are left out of the mean where another seed has a value)."""
    curves = [(x, y) for x, y in curves if len(y)]
    if not curves:
        return np.zeros(0), np.zeros(0)
    n = min(min(len(x), len(y)) for x, y in curves)
    x = curves[0][0][:n]
    ys = np.stack([y[:n] for _, y in curves])
    finite = np.isfinite(ys)
    counts = finite.sum(axis=0)
    sums = np.where(finite, ys, 0.0).sum(axis=0)
    mean = np.full(n, np.nan)
    np.divide(sums, counts, out=mean, where=counts > 0)
    return x, mean


class EvidenceAxis(images.LogAxis):
    """The left axis: on a log scale over less than a factor of about 2.5 (a run that barely moved)
    it labels evenly spaced values instead of leaving the axis bare; no SI prefix scaling."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.enableAutoSIPrefix(False)

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        ticks = super().logTickValues(minVal, maxVal, size, stdTicks)
        labelled = [t for t in (ticks[0][1] if ticks else []) if minVal <= t <= maxVal]
        if len(labelled) >= 2 or not (math.isfinite(minVal) and math.isfinite(maxVal)) or maxVal <= minVal:
            return ticks
        lo, hi = 10.0 ** minVal, 10.0 ** maxVal
        step = 10.0 ** math.floor(math.log10((hi - lo) / 4))
        for m in (1, 2, 5, 10):
            if (hi - lo) / (step * m) <= 6:
                step *= m
                break
        values = np.arange(math.ceil(lo / step) * step, hi + step * 1e-9, step)
        return [(None, [math.log10(v) for v in values if v > 0])]

    def logTickStrings(self, values, scale, spacing):
        return [f"{10.0 ** v * scale:.3g}" for v in values]


class EvidencePlot:
    """A pg.PlotItem showing one plot spec {"title", "series", "x", "y", ["log"]} for all runs."""

    def __init__(self, spec: dict, runs: list[tuple[str, str]], palette: QPalette, legend: bool = False):
        self.spec = spec
        self.series = str(spec.get("series", ""))
        self.log = bool(spec.get("log") or spec.get("log_y"))
        only = spec.get("runs")
        self.runs = [(rid, label) for rid, label in runs if not only or rid in only]
        self.palette = palette
        self.widget = pg.GraphicsLayoutWidget()
        self.widget.setMinimumSize(160, 120)
        self.plot = self.widget.addPlot(axisItems={"left": EvidenceAxis("left")})
        self.plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.plot.setMenuEnabled(False)
        self.plot.setLogMode(y=self.log)
        self.plot.getViewBox().setDefaultPadding(0.03)
        self.legend = None
        if legend:  # below the plot, so it never hides a curve (the live view has one legend for all plots)
            self.widget.nextRow()
            self.legend = pg.LegendItem(labelTextSize="9pt", colCount=min(len(self.runs), 3) or 1)
            self.widget.addItem(self.legend)
        self.data: dict[str, dict] = {rid: {} for rid, _ in self.runs}   # run -> seed -> (x, y)
        self.thin: dict[tuple, pg.PlotDataItem] = {}
        self.bold: dict[str, pg.PlotDataItem] = {}
        self.dirty: set[str] = set()
        self.means: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for i, (rid, label) in enumerate(self.runs):
            item = pg.PlotDataItem(name=label, connect="finite")
            item.setZValue(10)
            self.plot.addItem(item)
            self.bold[rid] = item
            if self.legend is not None:
                self.legend.addItem(item, label)
        self.apply_theme(palette)

    def color(self, rid: str) -> QColor:
        index = next(i for i, (r, _) in enumerate(self.runs) if r == rid)
        return run_color(index, self.palette)

    def apply_theme(self, palette: QPalette) -> None:
        self.palette = palette
        images.style_widget(self.widget, palette)
        images.style_plot(self.plot, palette, tr(str(self.spec.get("title", self.series))), grid=True)
        text = images.plot_colors(palette)[1]
        self.plot.setLabel("bottom", tr(str(self.spec.get("x", ""))), color=text.name())
        self.plot.setLabel("left", tr(str(self.spec.get("y", ""))), color=text.name())
        if self.legend is not None:
            self.legend.setLabelTextColor(text)
            for _, label in self.legend.items:
                label.setText(label.text)   # a label takes a new colour only when its text is set again
        for rid, item in self.bold.items():
            item.setPen(pg.mkPen(self.color(rid), width=2.4))
        for (rid, _), item in self.thin.items():
            c = QColor(self.color(rid))
            c.setAlpha(THIN_ALPHA)
            item.setPen(pg.mkPen(c, width=1))

    # ---- data ------------------------------------------------------------------------------------
    def set_curve(self, rid: str, seed, x, y) -> None:
        """The curve of one (run, seed) so far (replaces what it had)."""
        if rid not in self.data:
            return
        xa = np.asarray(x, np.float64).reshape(-1)
        ya = np.asarray([np.nan if v is None else v for v in y], np.float64).reshape(-1)
        n = min(len(xa), len(ya))
        self.data[rid][seed] = (xa[:n], ya[:n])
        self.dirty.add(rid)

    def clear(self) -> None:
        for rid in self.data:
            self.data[rid] = {}
        for item in self.thin.values():
            self.plot.removeItem(item)
        self.thin.clear()
        for item in self.bold.values():
            item.setData([], [])
        self.means.clear()
        self.dirty.clear()

    def refresh(self) -> None:
        """Hand the changed runs' curves to their plot items."""
        for rid in sorted(self.dirty):
            seeds = self.data[rid]
            several = len(seeds) > 1
            for seed, (x, y) in seeds.items():
                key = (rid, seed)
                if several and key not in self.thin:
                    c = QColor(self.color(rid))
                    c.setAlpha(THIN_ALPHA)
                    item = pg.PlotDataItem(pen=pg.mkPen(c, width=1), connect="finite")
                    item.setDownsampling(auto=True, method="peak")
                    item.setClipToView(True)
                    self.plot.addItem(item)
                    self.thin[key] = item
                if key in self.thin:
                    self.thin[key].setData(x, self._shown(y))
            mx, my = mean_curve(list(seeds.values()))
            self.means[rid] = (mx, my)
            self.bold[rid].setData(mx, self._shown(my))
        self.dirty.clear()

    def _shown(self, y: np.ndarray) -> np.ndarray:
        if not self.log:
            return y
        return np.where(y > 0, y, np.nan)   # a log axis has no place for zero or below

    def mean_of(self, rid: str) -> tuple[np.ndarray, np.ndarray]:
        """The bold (mean) curve of a run as handed to its plot item (values, not their log)."""
        return self.means.get(rid, (np.zeros(0), np.zeros(0)))

    def has_data(self) -> bool:
        return any(len(self.mean_of(rid)[0]) for rid in self.bold)
