"""Choosing one sample of the data set: a number, its picture and its label."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QToolButton, QWidget

from ..i18n import tr, tr_text
from . import images


class SamplePicker(QWidget):
    sigChanged = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.dataset = None
        self.spin = QSpinBox(minimum=0, maximum=0, keyboardTracking=False)
        self.spin.setToolTip(tr("Which sample of the data set to look at"))
        self.spin.valueChanged.connect(self._changed)
        self.random = QToolButton(text="⚄", toolTip=tr("A random sample"))
        self.random.clicked.connect(self.pick_random)
        self.picture = QLabel(fixedSize=self._thumb_size())
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label = QLabel()
        self.label.setMinimumWidth(60)  # a long class name is cut (its tooltip has it), not widening the window
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(QLabel(tr("Sample")))
        lay.addWidget(self.spin)
        lay.addWidget(self.random)
        lay.addWidget(self.picture)
        lay.addWidget(self.label)
        self._rng = np.random.default_rng(0)

    @staticmethod
    def _thumb_size():
        from PySide6.QtCore import QSize
        return QSize(28, 28)

    def set_dataset(self, ds) -> None:
        self.dataset = ds
        self.spin.blockSignals(True)
        self.spin.setMaximum(max(len(ds) - 1, 0) if ds is not None else 0)
        self.spin.blockSignals(False)
        self._show()

    def index(self) -> int:
        return self.spin.value()

    def set_index(self, i: int) -> None:
        if i != self.spin.value():
            self.spin.blockSignals(True)
            self.spin.setValue(i)
            self.spin.blockSignals(False)
            self._show()

    def pick_random(self) -> None:
        if self.dataset is not None and len(self.dataset):
            self.spin.setValue(int(self._rng.integers(len(self.dataset))))

    def _changed(self, i: int) -> None:
        self._show()
        self.sigChanged.emit(i)

    def _show(self) -> None:
        ds = self.dataset
        if ds is None or not len(ds):
            self.picture.clear()
            self.label.setText("")
            return
        i = min(self.spin.value(), len(ds) - 1)
        x = ds.x[i]
        picture = x.ndim == 3 or (x.ndim == 2 and ds.preprocessing.get("sequence") == "rows")
        pm = images.thumbnail(x, 28) if picture else None
        self.picture.setPixmap(pm) if pm is not None else self.picture.clear()
        self.picture.setVisible(pm is not None)
        if ds.task == "classification":
            self.label.setText(tr("class {name}").format(name=tr_text(ds.classes[int(ds.y[i])])))
        else:
            y = np.asarray(ds.y[i]).reshape(-1)
            values = ", ".join(f"{v:.3g}" for v in y[:3]) + (" …" if y.size > 3 else "")
            self.label.setText(tr("target {values}").format(values=values))
        self.label.setToolTip(self.label.text())
