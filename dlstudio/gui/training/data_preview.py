"""A look at a data set before training: a few samples (images as thumbnails, 2-D points as a
scatter, sequences as small line plots), its sizes and its class balance."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .. import format as fmt
from ..i18n import tr, tr_text
from . import images

MAX_POINTS = 1500
THUMBS = 24


class DataPreview(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.info = QLabel(tr("No data loaded"), wordWrap=True)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setFixedHeight(190)
        self.p_samples = self.graphics.addPlot(row=0, col=0)
        self.p_balance = self.graphics.addPlot(row=0, col=1)
        self.graphics.ci.layout.setColumnStretchFactor(0, 3)
        self.graphics.ci.layout.setColumnStretchFactor(1, 2)
        for p in (self.p_samples, self.p_balance):
            p.setMenuEnabled(False)
            p.setMouseEnabled(x=False, y=False)
            p.hideButtons()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.info)
        lay.addWidget(self.graphics, 1)
        self.dataset = None
        self.apply_theme()

    def show_dataset(self, ds, val_split: float = 0.2) -> None:
        self.dataset = ds
        self._val = val_split
        for p in (self.p_samples, self.p_balance):
            p.clear()
            p.getAxis("bottom").setTicks(None)
            p.getAxis("left").setTicks(None)
            p.getViewBox().invertY(False)
            p.getViewBox().setAspectLocked(False)
        if ds is None:
            self.info.setText(tr("No data loaded"))
            return
        self._describe()
        x = ds.x
        rng = np.random.default_rng(0)
        pick = np.sort(rng.choice(len(ds), size=min(len(ds), THUMBS), replace=False)) if len(ds) else []
        if x.ndim == 4 or (x.ndim == 3 and ds.preprocessing.get("sequence") == "rows"):
            self._images(ds, pick)
        elif x.ndim == 2 and x.shape[1] == 2:
            self._scatter(ds, rng)
        elif x.ndim == 3:
            self._sequences(ds, pick[:6])
        else:
            self._features(ds, pick)
        self._balance(ds)

    def set_val_split(self, val_split: float) -> None:
        self._val = val_split
        if self.dataset is not None:
            self._describe()

    def _describe(self) -> None:
        ds = self.dataset
        n = len(ds)
        n_val = int(round(self._val * n))
        shape = fmt.shape(ds.sample_shape)
        kind = {4: tr("images"), 3: tr("sequences (steps×features)"), 2: tr("vectors")}.get(ds.x.ndim, tr("samples"))
        what = (tr("{count} classes").format(count=ds.num_classes) if ds.task == "classification"
                else tr("regression, targets {shape}").format(shape=fmt.shape(ds.target_shape) or tr("scalar")))
        self.info.setText(tr("<b>{name}</b> · {count} samples of {shape} ({kind}) · {what}<br>"
                             "training {train} · validation {val}").format(
            name=ds.name, count=f"{n:,}", shape=shape, kind=kind, what=what, train=f"{n - n_val:,}", val=f"{n_val:,}"))

    def _images(self, ds, pick) -> None:
        p = self.p_samples
        cells = np.stack([ds.x[i] for i in pick])
        if cells.ndim == 4:   # (N, C, H, W): colour as grey, one mosaic is clearer than three channels
            cells = cells.mean(axis=1) if cells.shape[1] == 3 else cells[:, 0]
        rgba, _ = images.mosaic(cells, cols=8, scale="global", cmap="CET-L1" if self._dark() else "CET-L2",
                                gap=2, background=self._bg())
        item = pg.ImageItem(rgba, axisOrder="row-major")
        p.addItem(item)
        p.getViewBox().invertY(True)
        p.getViewBox().setAspectLocked(True)
        p.hideAxis("left")
        p.hideAxis("bottom")
        p.setTitle(tr("{count} samples").format(count=len(pick)), color=self._text(), size="8pt")

    def _scatter(self, ds, rng) -> None:
        p = self.p_samples
        p.showAxis("left")
        p.showAxis("bottom")
        idx = rng.choice(len(ds), size=min(len(ds), MAX_POINTS), replace=False)
        if ds.task == "classification":
            brushes = [QColor(images.CURVE_COLORS[int(c) % len(images.CURVE_COLORS)]) for c in ds.y[idx]]
        else:
            brushes = QColor(images.CURVE_COLORS[0])
        p.addItem(pg.ScatterPlotItem(ds.x[idx, 0], ds.x[idx, 1], size=4, pen=None, brush=brushes))
        p.getViewBox().setAspectLocked(True)
        p.setTitle(tr("points by class"), color=self._text(), size="8pt")

    def _sequences(self, ds, pick) -> None:
        p = self.p_samples
        p.showAxis("left")
        p.showAxis("bottom")
        for k, i in enumerate(pick):
            seq = ds.x[i]
            off = 1.2 * k * (float(np.ptp(ds.x[pick])) or 1.0)
            p.plot(np.arange(len(seq)), seq[:, 0] + off,
                   pen=pg.mkPen(images.CURVE_COLORS[k % len(images.CURVE_COLORS)], width=1.3))
        p.hideAxis("left")
        p.setTitle(tr("{count} sequences (feature 0)").format(count=len(pick)), color=self._text(), size="8pt")

    def _features(self, ds, pick) -> None:
        p = self.p_samples
        flat = ds.x.reshape(len(ds), -1)
        counts, edges = np.histogram(flat[np.isfinite(flat)], bins=40)
        p.plot(edges, counts, stepMode="center", fillLevel=0, brush=QColor(61, 143, 214, 120))
        p.setTitle(tr("feature values"), color=self._text(), size="8pt")

    def _balance(self, ds) -> None:
        p = self.p_balance
        if ds.task == "classification":
            k = ds.num_classes
            counts = np.bincount(ds.y, minlength=k)[:k]
            p.addItem(pg.BarGraphItem(x=np.arange(k), height=counts, width=0.7, brush=QColor(61, 143, 214, 200)))
            if k <= 12:
                p.getAxis("bottom").setTicks([[(i, tr_text(ds.classes[i])[:8]) for i in range(k)]])
            spread = counts.max() / max(counts.min(), 1) if k else 1
            note = (tr("class balance · balanced") if spread < 1.5 else
                    tr("class balance · imbalanced ({spread}× between classes)").format(spread=f"{spread:.1f}"))
            p.setTitle(note, color=self._text(), size="8pt")
        else:
            y = ds.y.reshape(len(ds), -1)[:, 0]
            counts, edges = np.histogram(y[np.isfinite(y)], bins=30)
            p.plot(edges, counts, stepMode="center", fillLevel=0, brush=QColor(224, 102, 58, 140))
            p.setTitle(tr("targets"), color=self._text(), size="8pt")

    def _dark(self) -> bool:
        return images.plot_colors(self.palette())[0].lightness() < 128

    def _bg(self):
        c = images.plot_colors(self.palette())[0]
        return (c.red(), c.green(), c.blue(), 255)

    def _text(self) -> str:
        return images.plot_colors(self.palette())[1].name()

    def apply_theme(self) -> None:
        pal = self.palette()
        images.style_widget(self.graphics, pal)
        for p in (self.p_samples, self.p_balance):
            images.style_plot(p, pal)
            p.showGrid(x=False, y=False)
        if self.dataset is not None:
            self.show_dataset(self.dataset, self._val)
