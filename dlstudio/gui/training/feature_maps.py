"""Feature maps: what a conv / pool layer makes of one sample, channel by channel, while the
network trains — and the conv filters that produce them, as images."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ..i18n import QT_TR_NOOP, tr
from . import images
from .mosaic import MosaicView
from .sample_picker import SamplePicker

SPATIAL_TYPES = ("Conv2D", "MaxPool2D", "AvgPool2D", "ReLU", "LeakyReLU", "ELU", "Tanh", "Sigmoid",
                 "BatchNorm", "Dropout", "Add", "Concatenate")
MAX_FILTERS, MAX_IN = 64, 8


def spatial_layers(info: dict) -> list[str]:
    """Layers whose output is an image stack (C, H, W), conv and pool layers first in flow order."""
    return [n for n in info["order"] if n != info["input_id"] and len(info["shapes"][n]) == 3
            and info["types"][n] in SPATIAL_TYPES]


def conv_for(info: dict, node: str) -> str | None:
    """The Conv2D that makes `node`'s channels: itself, or the nearest one upstream on a chain."""
    net = info["network"]
    seen = 0
    while node is not None and seen < 50:
        if info["types"].get(node) == "Conv2D":
            return node
        srcs = net.inputs_of(node)
        node = srcs[0] if len(srcs) == 1 else None
        seen += 1
    return None


class FeatureMapsView(QWidget):
    sigRequestChanged = Signal()
    sigSampleChanged = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.info: dict | None = None
        self.layer = QComboBox(toolTip=tr("The layer whose output channels are shown"))
        self.layer.setMinimumContentsLength(14)
        self.layer.currentIndexChanged.connect(self._layer_changed)
        self.sample = SamplePicker()
        self.sample.sigChanged.connect(self.sigSampleChanged)
        self.scale = QComboBox(toolTip=tr("Per channel: each channel uses the whole colour range.\n"
                                          "Shared: one range for all channels, so weak channels look weak."))
        self.scale.addItems([tr("Per channel"), tr("Shared")])
        self.scale.currentIndexChanged.connect(self._redraw)
        self.show_filters = QCheckBox(tr("Filters"), checked=True,
                                      toolTip=tr("Show the conv filters (kernels) behind these channels"))
        self.show_filters.toggled.connect(self._filters_toggled)
        self.hover = QLabel(" ")
        top = QHBoxLayout()
        top.setContentsMargins(4, 2, 4, 2)
        top.addWidget(QLabel(tr("Layer")))
        top.addWidget(self.layer)
        top.addWidget(self.sample)
        top.addStretch(1)
        top.addWidget(self.scale)
        top.addWidget(self.show_filters)
        self.input_view = MosaicView(tr("Input"), tr("input channel {index}"))
        self.maps = MosaicView(tr("Feature maps"))
        self.filters = MosaicView(tr("Filters"), tr("filter {index}"))
        for v in (self.input_view, self.maps, self.filters):
            v.sigHover.connect(self.hover.setText)
        self.split = QSplitter()
        self.split.addWidget(self.input_view)
        self.split.addWidget(self.maps)
        self.split.addWidget(self.filters)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 4)
        self.split.setStretchFactor(2, 2)
        self.split.setSizes([150, 600, 300])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(top)
        lay.addWidget(self.split, 1)
        lay.addWidget(self.hover)
        self._last: dict | None = None
        self.clear()

    # ---- the run -----------------------------------------------------------------------------
    def clear(self, text: str = QT_TR_NOOP("Start training (or Evaluate) to see the feature maps of a conv layer")) -> None:
        self._last = None
        self.maps.show_message(tr(text))
        self.filters.show_message("")
        self.input_view.show_message("")

    def reset(self) -> None:
        """Another network: no layers until its model is prepared."""
        self.info = None
        self.layer.blockSignals(True)
        self.layer.clear()
        self.layer.blockSignals(False)
        self.clear()

    def set_run(self, info: dict, dataset) -> None:
        self.info = info
        self.sample.set_dataset(dataset)
        keep = self.layer.currentText()
        layers = spatial_layers(info)
        self.layer.blockSignals(True)
        self.layer.clear()
        for n in layers:
            self.layer.addItem(f"{n}  ({info['types'][n]})", n)
        first = next((i for i, n in enumerate(layers) if info["types"][n] == "Conv2D"), 0)
        i = self.layer.findText(keep)
        self.layer.setCurrentIndex(i if i >= 0 else first if layers else -1)
        self.layer.blockSignals(False)
        if not layers:
            self.clear(QT_TR_NOOP("This network has no conv or pool layers: no feature maps to show"))
        self._layer_changed()

    def select_node(self, node_id: str) -> bool:
        i = self.layer.findData(node_id)
        if i >= 0:
            self.layer.setCurrentIndex(i)
        return i >= 0

    def node(self) -> str | None:
        return self.layer.currentData()

    def probe_request(self) -> dict:
        node = self.node()
        if node is None:
            return {}
        conv = conv_for(self.info, node) if self.show_filters.isChecked() else None
        kernel = [f"{conv}.kernel"] if conv else []
        return {"nodes": [node], "weights": kernel, "keep": kernel}

    def _layer_changed(self) -> None:
        node = self.node()
        if node is not None:
            c, h, w = self.info["shapes"][node]
            self.maps.set_title(tr("{layer}: {channels} channels of {height}×{width}").format(
                layer=node, channels=c, height=h, width=w))
        self.sigRequestChanged.emit()

    def _filters_toggled(self, on: bool) -> None:
        self.filters.setVisible(on)
        self.sigRequestChanged.emit()

    # ---- showing -----------------------------------------------------------------------------
    def show_probe(self, snap: dict) -> None:
        self._last = snap
        self._redraw()

    def _redraw(self) -> None:
        snap, node = self._last, self.node()
        if snap is None or node is None or node not in snap.get("values", {}):
            return
        scale = "channel" if self.scale.currentIndex() == 0 else "global"
        self.maps.show_maps(snap["values"][node], scale=scale)
        x = self.sample.dataset.x[self.sample.index()] if self.sample.dataset is not None else None
        if x is not None and x.ndim == 3:
            self.input_view.show_maps(x, scale="channel", cmap=images.GREY)
        conv = conv_for(self.info, node)
        k = snap.get("weights", {}).get(f"{conv}.kernel") if conv else None
        if k is not None and self.show_filters.isChecked():
            f, cin = min(k.shape[0], MAX_FILTERS), min(k.shape[1], MAX_IN)
            cells = k[:f, :cin].reshape(f * cin, k.shape[2], k.shape[3])
            label = tr("filter {filter} · input channel {channel}")
            labels = [label.format(filter=i, channel=j) for i in range(f) for j in range(cin)]
            title = (tr("{layer} filters: {filters}×{channels} of {height}×{width} (first shown)")
                     if (f, cin) != k.shape[:2] else tr("{layer} filters: {filters}×{channels} of {height}×{width}"))
            self.filters.set_title(title.format(layer=conv, filters=k.shape[0], channels=k.shape[1],
                                                height=k.shape[2], width=k.shape[3]))
            cols = images.grid_shape(f)[1] if cin == 1 else cin
            self.filters.show_maps(cells, scale="symmetric", cmap=images.DIVERGING, cols=cols, labels=labels)
        elif self.show_filters.isChecked():
            self.filters.show_message(tr("no conv filters\nbehind this layer"))

    def shown_maps(self) -> np.ndarray | None:
        return self.maps.current()

    def apply_theme(self) -> None:
        for v in (self.input_view, self.maps, self.filters):
            v.apply_theme()
        self._redraw()
