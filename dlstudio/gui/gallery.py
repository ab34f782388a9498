"""New network: an empty canvas or a preset, picked from a gallery of small previews.

Presets are built for the app's bundled data, digits:28 (samples [1, 28, 28], 10 classes),
unless the preset has its own fixed shape or trains on other data.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListView, QListWidget, QListWidgetItem,
                               QVBoxLayout)

from dlstudio.spec import Network
from dlstudio.zoo import PRESETS, build_preset, preset_names

from . import format as fmt
from .i18n import QT_TR_NOOP, tr, tr_text
from .thumbnail import render_thumbnail

APP_DATA, APP_SHAPE, APP_OUTPUTS = "digits:28", (1, 28, 28), 10
PRESET_ROLE = Qt.ItemDataRole.UserRole + 1
THUMB = QSize(150, 170)
_TITLES = {"mlp": "MLP", "lenet5": "LeNet-5", "alexnet": "AlexNet", "inception": "Inception",
           "resnet": "ResNet", "rnn": "RNN", "lstm": "LSTM", "alexnet-full": "AlexNet",
           "googlenet-full": "GoogLeNet", "resnet18-full": "ResNet-18", "resnet50-full": "ResNet-50"}
_STACKED = {"lstm-stacked": "LSTM"}
FULL_SIZE = QT_TR_NOOP("{name} (full size)")   # the original network, not the small version for 28×28 digits
STACKED = QT_TR_NOOP("Stacked {name}")


def preset_title(name: str) -> str:
    """A preset's display name ("AlexNet (full size)"); its code name ("alexnet-full") is in the tooltip."""
    if name in _STACKED:
        return tr(STACKED).format(name=_STACKED[name])
    title = _TITLES.get(name, name)
    return tr(FULL_SIZE).format(name=title) if name.endswith("-full") else title


def preset_tooltip(name: str, text: str) -> str:
    return text + "\n" + tr("Preset: {name}").format(name=name)


def preset_network(name: str) -> Network:
    """The preset built for the data the app starts with (or its own data / fixed shape)."""
    p = PRESETS[name]
    data = p.default_data
    if data is None:
        shape, outputs = p.default_shape, p.default_outputs
    elif data.split(":")[0].split("?")[0] == "digits":
        shape, outputs = APP_SHAPE, APP_OUTPUTS
    else:
        from dlstudio.data import load_dataset  # only for presets that train on other data
        ds = load_dataset(data)
        shape = ds.sample_shape
        outputs = ds.num_classes if ds.task == "classification" else math.prod(ds.target_shape or (1,))
    net, _ = build_preset(name, tuple(shape), int(outputs))
    return net


def startup_network() -> Network:
    """LeNet-5 for digits:28 (the MLP until the LeNet-5 preset exists)."""
    return preset_network("lenet5" if "lenet5" in PRESETS else "mlp")


class PresetGallery(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("New network"))
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 40))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.about = QLabel(wordWrap=True)
        self.about.setMinimumHeight(40)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("Start from an empty canvas or a classic network, built for the bundled "
                                "data {data} ({shape} images, {classes} classes).").format(
            data=APP_DATA, shape="×".join(map(str, APP_SHAPE)), classes=APP_OUTPUTS)))
        lay.addWidget(self.list, 1)
        lay.addWidget(self.about)
        lay.addWidget(buttons)
        self.networks: dict[str | None, Network] = {}
        self._fill()
        self.list.currentItemChanged.connect(self._describe)
        self.list.itemDoubleClicked.connect(lambda _: self.accept())
        self.list.setCurrentRow(0)
        self.resize(760, 520)

    def _fill(self) -> None:
        pal = self.palette()
        dpr = self.devicePixelRatioF()
        empty = QListWidgetItem(QIcon(render_thumbnail(Network(), THUMB.width(), THUMB.height(), pal, dpr)),
                                tr("Empty"))
        empty.setData(PRESET_ROLE, None)
        empty.setToolTip(tr("An empty canvas: drag layers from the palette."))
        self.list.addItem(empty)
        for name in preset_names():
            try:
                net = preset_network(name)
            except Exception as e:  # a preset that cannot be built here is listed, disabled
                item = QListWidgetItem(preset_title(name))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(preset_tooltip(name, tr("Not available: {error}").format(error=fmt.error(e))))
                self.list.addItem(item)
                continue
            self.networks[name] = net
            pm = render_thumbnail(net, THUMB.width(), THUMB.height(), pal, dpr)
            item = QListWidgetItem(QIcon(pm), preset_title(name))
            item.setData(PRESET_ROLE, name)
            item.setToolTip(preset_tooltip(name, tr_text(PRESETS[name].help)))
            self.list.addItem(item)

    def _describe(self, item, previous=None) -> None:
        name = item.data(PRESET_ROLE) if item is not None else None
        if name is None:
            self.about.setText(tr("<b>Empty</b> — start from scratch: drag an Input and layers from the palette."))
            return
        net = self.networks[name]
        self.about.setText(f"<b>{preset_title(name)}</b> — {tr_text(PRESETS[name].help)} "
                           f"<span style='color:gray'>"
                           + tr("({n} layers)").format(n=len(net.nodes)) + "</span>")

    def select(self, name: str | None) -> None:
        for k in range(self.list.count()):
            item = self.list.item(k)
            if item.data(PRESET_ROLE) == name and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                self.list.setCurrentItem(item)
                return
        raise KeyError(name)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(PRESET_ROLE) if item is not None else None

    def chosen_network(self) -> Network:
        name = self.chosen()
        return Network(name="untitled") if name is None else self.networks[name].copy()


def ask_new_network(parent=None) -> Network | None:
    """Show the gallery; the chosen network, or None if cancelled."""
    dialog = PresetGallery(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen_network()
