"""The training setup: data (with a preview), validation split, loss, optimizer and its
hyperparameters, batch mode, epochs, learning rate, seed and gradient clipping — each with a
short explanation. What cannot work is listed before a run starts."""
from __future__ import annotations

import html
import os

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QScrollArea,
                               QSpinBox, QVBoxLayout, QWidget)

from dlstudio.data import available
from dlstudio.engine.losses import LOSSES
from dlstudio.engine.optimizers import OPTIMIZERS
from dlstudio.engine.trainer import TrainConfig

from ..files import file_filter
from ..i18n import QT_TR_NOOP, tr, tr_text
from ..lab.links import explain_link, topic_of
from . import help_texts as H
from .data_preview import DataPreview
from .defaults import suggest_spec

# source -> (what the files are, their patterns) for the file dialogs
FILE_SOURCES = {"npz": (QT_TR_NOOP("NumPy arrays"), "*.npz"), "csv": (QT_TR_NOOP("CSV table"), "*.csv *.txt"),
                "text": (QT_TR_NOOP("Text"), "*.txt *.md *"), "idx": (QT_TR_NOOP("idx files"), "*-ubyte *.gz *.idx*")}
ALL_FILES = (QT_TR_NOOP("All files"), "*")
LR_CHOICES = ["1", "0.3", "0.1", "0.03", "0.01", "0.005", "0.003", "0.001", "0.0003", "0.0001"]
BATCH_CHOICES = ["8", "16", "32", "64", "128", "256", "512"]


class FloatSpin(QDoubleSpinBox):
    """A spin box that writes numbers as they are read (0.9, 1e-08), not with fixed decimals."""

    def textFromValue(self, value: float) -> str:
        return f"{value:g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        try:
            v = float(text.replace(",", "."))
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        ok = self.minimum() <= v <= self.maximum()
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos


def _label(text: str) -> QLabel:
    lab = QLabel(text, wordWrap=True, textFormat=Qt.TextFormat.RichText)
    lab.setProperty("help", True)
    lab.setStyleSheet("color: palette(placeholder-text);")
    return lab


class SetupPanel(QScrollArea):
    sigChanged = Signal()               # a setting changed: check again
    sigDatasetChanged = Signal(object)  # the loaded Dataset (None while loading / on failure)
    sigExplainRequested = Signal(str)   # a Lab topic: loss:NAME, optimizer:NAME, batch:MODE

    def __init__(self, loader, parent=None):
        super().__init__(parent)
        self.loader = loader
        self.dataset = None
        self.input_shape: tuple | None = None
        self.recorded: tuple[str, dict] | None = None  # (source, preprocessing) of a model file
        self.data_error = ""
        self._sources = {a["name"]: a for a in available()}
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self._data_group())
        lay.addWidget(self._optim_group())
        lay.addWidget(self._schedule_group())
        self.problems = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        lay.addWidget(self.problems)
        lay.addStretch(1)
        self.setWidget(body)
        loader.sigLoaded.connect(self._loaded)
        loader.sigFailed.connect(self._failed)
        loader.sigLoading.connect(lambda spec: self._data_status(tr("Loading {spec}…").format(spec=spec)))
        loader.sigProgress.connect(self._data_status)
        self._reload_timer = QTimer(self, singleShot=True, interval=250, timeout=self.load)
        self._optimizer_changed()
        self._batch_mode_changed()

    # ---- building ----------------------------------------------------------------------------
    def _data_group(self) -> QGroupBox:
        g = QGroupBox(tr("Data"))
        f = QFormLayout(g)
        self.source = QComboBox()
        for name, a in self._sources.items():
            self.source.addItem(name, name)
            self.source.setItemData(self.source.count() - 1, tr_text(a["help"]), Qt.ItemDataRole.ToolTipRole)
        self.source.activated.connect(self._source_chosen)
        self.spec = QLineEdit(toolTip=tr("The data source as text, e.g. digits:28, spirals?n=600, csv:/path/file.csv"))
        self.spec.editingFinished.connect(self._spec_edited)
        self.browse = QPushButton(tr("Browse…"))
        self.browse.clicked.connect(self.browse_dialog)
        row = QHBoxLayout()
        row.addWidget(self.source, 2)
        row.addWidget(self.browse)
        f.addRow(tr("Source"), row)
        f.addRow(tr("As text"), self.spec)
        self.source_help = _label("")
        f.addRow(self.source_help)
        self.data_status = QLabel(wordWrap=True)
        f.addRow(self.data_status)
        self.preview = DataPreview()
        f.addRow(self.preview)
        self.val_split = QDoubleSpinBox(minimum=0.0, maximum=0.9, singleStep=0.05, value=0.2, decimals=2,
                                        toolTip=tr(H.VAL_HELP))
        self.val_split.valueChanged.connect(lambda v: (self.preview.set_val_split(v), self.sigChanged.emit()))
        f.addRow(tr("Validation split"), self.val_split)
        return g

    def _optim_group(self) -> QGroupBox:
        g = QGroupBox(tr("Loss and optimizer"))
        f = QFormLayout(g)
        self.loss = QComboBox()
        for name in LOSSES:
            self.loss.addItem(name, name)   # code names stay as they are; their help translates
            self.loss.setItemData(self.loss.count() - 1, tr(H.LOSS_HELP.get(name, "")), Qt.ItemDataRole.ToolTipRole)
        self.loss.currentIndexChanged.connect(self._loss_changed)
        self.loss.activated.connect(lambda _: setattr(self, "loss_chosen", True))
        self.loss_chosen = False   # the user (or a model file) chose the loss: keep it when data change
        f.addRow(tr("Loss"), self.loss)
        self.loss_help = _label("")
        self.loss_help.linkActivated.connect(self._link)
        f.addRow(self.loss_help)
        self.optimizer = QComboBox()
        for name in OPTIMIZERS:
            self.optimizer.addItem(name, name)
            self.optimizer.setItemData(self.optimizer.count() - 1, tr(H.OPTIMIZER_HELP.get(name, "")),
                                       Qt.ItemDataRole.ToolTipRole)
        self.optimizer.setCurrentText("adam")
        self.optimizer.currentIndexChanged.connect(self._optimizer_changed)
        f.addRow(tr("Optimizer"), self.optimizer)
        self.optimizer_help = _label("")
        self.optimizer_help.linkActivated.connect(self._link)
        f.addRow(self.optimizer_help)
        self.lr = QComboBox(editable=True, toolTip=tr(H.HYPER_HELP["lr"]))
        self.lr.addItems(LR_CHOICES)
        self.lr.setCurrentText("0.001")
        self.lr.currentTextChanged.connect(lambda _: self.sigChanged.emit())
        f.addRow(tr("Learning rate"), self.lr)
        self.hyper_box = QWidget()
        self.hyper_form = QFormLayout(self.hyper_box)
        self.hyper_form.setContentsMargins(0, 0, 0, 0)
        f.addRow(self.hyper_box)
        self.hyper_widgets: dict = {}
        self.clip_on = QCheckBox(tr("Clip gradients to norm"), toolTip=tr(H.CLIP_HELP))
        self.clip = QDoubleSpinBox(minimum=0.001, maximum=1e6, value=1.0, decimals=3, singleStep=0.5,
                                   toolTip=tr(H.CLIP_HELP))
        self.clip.setEnabled(False)
        self.clip_on.toggled.connect(lambda on: (self.clip.setEnabled(on), self.sigChanged.emit()))
        self.clip.valueChanged.connect(lambda _: self.sigChanged.emit())
        row = QHBoxLayout()
        row.addWidget(self.clip_on)
        row.addWidget(self.clip)
        f.addRow(row)
        return g

    def _schedule_group(self) -> QGroupBox:
        g = QGroupBox(tr("Batches and epochs"))
        f = QFormLayout(g)
        self.mode_sgd = QRadioButton(tr("SGD (1)"), toolTip=tr(H.BATCH_HELP["SGD"]))
        self.mode_mbgd = QRadioButton(tr("Mini-batch"), toolTip=tr(H.BATCH_HELP["MBGD"]), checked=True)
        self.mode_bgd = QRadioButton(tr("Full batch"), toolTip=tr(H.BATCH_HELP["BGD"]))
        self.mode_group = QButtonGroup(self)
        for b in (self.mode_sgd, self.mode_mbgd, self.mode_bgd):
            self.mode_group.addButton(b)
        self.mode_group.buttonToggled.connect(lambda *_: self._batch_mode_changed())
        self.batch = QComboBox(editable=True, toolTip=tr("Samples per step (powers of two are customary)"))
        self.batch.addItems(BATCH_CHOICES)
        self.batch.setCurrentText("32")
        self.batch.currentTextChanged.connect(lambda _: self.sigChanged.emit())
        row = QHBoxLayout()
        for w in (self.mode_sgd, self.mode_mbgd, self.batch, self.mode_bgd):
            row.addWidget(w)
        row.addStretch(1)
        f.addRow(tr("Batch"), row)
        self.batch_help = _label("")
        self.batch_help.linkActivated.connect(self._link)
        f.addRow(self.batch_help)
        self.epochs = QSpinBox(minimum=1, maximum=100_000, value=10, toolTip=tr(H.EPOCHS_HELP))
        self.epochs.valueChanged.connect(lambda _: self.sigChanged.emit())
        f.addRow(tr("Epochs"), self.epochs)
        self.seed = QSpinBox(minimum=0, maximum=2**31 - 1, value=0, toolTip=tr(H.SEED_HELP))
        self.seed.valueChanged.connect(lambda _: (self._reload_timer.start(), self.sigChanged.emit()))
        f.addRow(tr("Seed"), self.seed)
        return g

    # ---- reacting ----------------------------------------------------------------------------
    def _help(self, label: QLabel, text: str, topic: str) -> None:
        """A setting's help text, with a link to the Lab page that explains it."""
        link = explain_link(topic, tr("Explain in the Lab"))
        label.setText(html.escape(tr(text) if text else "") + (f" {link}" if link else ""))

    def _link(self, href: str) -> None:
        topic = topic_of(href)
        if topic:
            self.sigExplainRequested.emit(topic)

    def _loss_changed(self) -> None:
        self._show_loss_help()
        self.sigChanged.emit()

    def _show_loss_help(self) -> None:
        name = self.loss.currentData()
        self._help(self.loss_help, H.LOSS_HELP.get(name, ""), f"loss:{name}")

    def _optimizer_changed(self) -> None:
        name = self.optimizer.currentData()
        self._help(self.optimizer_help, H.OPTIMIZER_HELP.get(name, ""), f"optimizer:{name}")
        while self.hyper_form.rowCount():
            self.hyper_form.removeRow(0)
        self.hyper_widgets = {}
        defaults = OPTIMIZERS[name].defaults
        self.lr.setCurrentText(f"{defaults['lr']:g}")
        for key, value in defaults.items():
            if key == "lr":
                continue
            if isinstance(value, bool):
                w = QCheckBox(checked=value)
                w.toggled.connect(lambda _: self.sigChanged.emit())
            else:
                w = FloatSpin(minimum=1e-12 if key == "eps" else 0.0, maximum=0.999999 if key != "eps" else 1.0,
                              decimals=12, singleStep=0.01, value=value)
                w.valueChanged.connect(lambda _: self.sigChanged.emit())
            w.setToolTip(tr(H.HYPER_HELP[key]) if key in H.HYPER_HELP else "")
            self.hyper_form.addRow(tr(H.HYPER_LABELS.get(key, key)), w)
            self.hyper_widgets[key] = w
        self.sigChanged.emit()

    def _batch_mode_changed(self) -> None:
        mode = "SGD" if self.mode_sgd.isChecked() else "BGD" if self.mode_bgd.isChecked() else "MBGD"
        self.batch.setEnabled(mode == "MBGD")
        self._help(self.batch_help, H.BATCH_HELP[mode], f"batch:{mode.lower()}")
        self.sigChanged.emit()

    def _source_chosen(self) -> None:
        name = self.source.currentData()
        self._show_source_help(name)
        if name in FILE_SOURCES or name == "folder":
            self.browse_dialog()
            return
        self.set_data_spec(suggest_spec(name, self.input_shape))

    def _show_source_help(self, name: str) -> None:
        a = self._sources.get(name)
        self.browse.setVisible(name in FILE_SOURCES or name == "folder")
        self.source_help.setText(tr("{help}.").format(help=tr_text(a["help"])) + f"<br><i>{tr_text(a['options'])}</i>"
                                 if a else "")

    def _spec_edited(self) -> None:
        if self.spec.text().strip() and self.spec.isModified():
            self.spec.setModified(False)
            self.load()

    def browse_dialog(self) -> None:
        name = self.source.currentData()
        if name == "folder":
            path = QFileDialog.getExistingDirectory(self, tr("Folder of images (one sub-folder per class)"))
            spec = f"folder:{path}" if path else ""
        elif name == "idx":
            images, _ = QFileDialog.getOpenFileName(self, tr("idx images file"), "", file_filter([FILE_SOURCES["idx"]]))
            labels = QFileDialog.getOpenFileName(self, tr("idx labels file"), os.path.dirname(images),
                                                 file_filter([FILE_SOURCES["idx"]]))[0] if images else ""
            spec = f"idx:{images},{labels}" if images and labels else ""
        else:
            path, _ = QFileDialog.getOpenFileName(self, tr("{source} data").format(source=name), "",
                                                  file_filter([FILE_SOURCES.get(name, ALL_FILES)]))
            spec = f"{name}:{path}" if path else ""
        if spec:
            self.set_data_spec(spec)

    def set_data_spec(self, spec: str, load: bool = True) -> None:
        self.spec.setText(spec)
        name = spec.split(":")[0].split("?")[0].strip().lower()
        i = self.source.findData(name)
        if i >= 0:
            self.source.setCurrentIndex(i)
            self._show_source_help(name)
        if load:
            self.load()

    def load(self) -> None:
        spec = self.spec.text().strip()
        if not spec:
            return
        pre = self.recorded[1] if self.recorded and self.recorded[0] == spec else None
        self.dataset = None
        self.sigDatasetChanged.emit(None)
        self.loader.request(spec, self.seed.value(), pre)

    def _data_status(self, text: str) -> None:
        self.data_status.setText(text)

    def _loaded(self, ds) -> None:
        previous = self.dataset
        self.dataset, self.data_error = ds, ""
        self.data_status.setText("")
        fits = LOSSES[self.loss.currentData()].task in ("both", ds.task)
        if not fits or (not self.loss_chosen and (previous is None or previous.task != ds.task)):
            self.loss.setCurrentText("cross_entropy" if ds.task == "classification" else "mse")
        self.preview.show_dataset(ds, self.val_split.value())
        self.sigDatasetChanged.emit(ds)
        self.sigChanged.emit()

    def _failed(self, spec: str, message: str) -> None:
        self.dataset, self.data_error = None, message
        self.data_status.setText("")
        self.preview.show_dataset(None)
        self.sigDatasetChanged.emit(None)
        self.sigChanged.emit()

    # ---- the configuration -------------------------------------------------------------------
    def batch_size(self):
        if self.mode_sgd.isChecked():
            return 1
        if self.mode_bgd.isChecked():
            return "full"
        text = self.batch.currentText().strip()
        return int(text) if text.isdigit() else text

    def learning_rate(self) -> float | None:
        try:
            return float(self.lr.currentText().strip())
        except ValueError:
            return None

    def config(self) -> TrainConfig:
        hyper = {k: (w.isChecked() if isinstance(w, QCheckBox) else w.value()) for k, w in self.hyper_widgets.items()}
        lr = self.learning_rate()
        hyper["lr"] = lr if lr is not None else self.lr.currentText()
        return TrainConfig(loss=self.loss.currentData(), optimizer=self.optimizer.currentData(), hyper=hyper,
                           batch_size=self.batch_size(), epochs=self.epochs.value(), seed=self.seed.value(),
                           val_split=round(self.val_split.value(), 4),
                           clip_norm=self.clip.value() if self.clip_on.isChecked() else None)

    def set_config(self, cfg: TrainConfig, loss_chosen: bool = True) -> None:
        """Show a configuration (a model file's, or a preset's defaults: `loss_chosen` False lets
        the data choose the loss)."""
        widgets = [self.loss, self.optimizer, self.lr, self.batch, self.epochs, self.seed, self.val_split,
                   self.clip_on, self.clip, self.mode_group]
        for w in widgets:
            w.blockSignals(True)
        try:
            i = self.loss.findData(cfg.loss)
            if i >= 0:
                self.loss.setCurrentIndex(i)
            i = self.optimizer.findData(cfg.optimizer)
            if i >= 0:
                self.optimizer.setCurrentIndex(i)
            self._optimizer_changed()
            for k, v in cfg.hyper.items():
                w = self.hyper_widgets.get(k)
                if isinstance(w, QCheckBox):
                    w.setChecked(bool(v))
                elif w is not None:
                    w.setValue(float(v))
            if "lr" in cfg.hyper:
                self.lr.setCurrentText(f"{cfg.hyper['lr']:g}")
            b = cfg.batch_size
            self.mode_sgd.setChecked(b == 1)
            self.mode_bgd.setChecked(b == "full")
            self.mode_mbgd.setChecked(b not in (1, "full"))
            if b not in (1, "full"):
                self.batch.setCurrentText(str(b))
            self.epochs.setValue(int(cfg.epochs))
            self.seed.setValue(int(cfg.seed))
            self.val_split.setValue(float(cfg.val_split))
            self.clip_on.setChecked(cfg.clip_norm is not None)
            self.clip.setEnabled(cfg.clip_norm is not None)
            if cfg.clip_norm is not None:
                self.clip.setValue(float(cfg.clip_norm))
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._show_loss_help()
        self.loss_chosen = loss_chosen
        self._batch_mode_changed()

    def set_problems(self, problems: list[str], note: str = "") -> None:
        if problems:
            items = "".join(f"<li>{p}</li>" for p in problems)
            head = tr("Cannot start yet:")
            self.problems.setText(f"<b style='color:#d9534f'>{head}</b><ul style='margin:0'>{items}</ul>")
        else:
            self.problems.setText(note)

    def set_locked(self, locked: bool) -> None:
        for g in self.widget().findChildren(QGroupBox):
            g.setEnabled(not locked)
