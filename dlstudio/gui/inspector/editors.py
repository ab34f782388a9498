"""One editor widget per param kind: int, float, bool, choice, pair, padding, shape.

Every editor offers `value()` (what the user entered, as document JSON; raises `ValueError`
with a readable message if the text cannot be read), `set_value(v)` (without signalling)
and `sigEdited`, emitted as the user types or picks. The form checks the value against the
param's schema and shows the message (`set_error`) or makes the undo command.
"""
from __future__ import annotations

import math
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QHBoxLayout, QLineEdit, QSpinBox,
                               QVBoxLayout, QWidget)

from dlstudio.spec import Param

from .. import format as fmt
from ..i18n import QT_TR_NOOP, tr, tr_text

INT_LIMIT = 2**31 - 1
_SPLIT = re.compile(r"\s*(?:[x×,*]|\s)\s*")


def parse_ints(text: str, what: str) -> list[int]:
    parts = [p for p in _SPLIT.split(text.strip()) if p]
    if not parts:
        raise ValueError(tr("type {what}").format(what=what))
    out = []
    for p in parts:
        try:
            out.append(int(p))
        except ValueError:
            raise ValueError(tr("{text} is not a whole number — type {what}").format(text=repr(p),
                                                                                   what=what)) from None
    return out


def _error_style(error: str | None) -> str:
    return "" if error is None else "border: 1.5px solid #d32f2f; border-radius: 3px;"


class _Editor:
    """Mixin: the error look shared by all editors."""

    def set_error(self, error: str | None) -> None:
        self.setStyleSheet(_error_style(error))
        self.setToolTip(error or tr_text(self._help))


def _bounds(param: Param, lo: float, hi: float) -> tuple[float, float]:
    """The param's own range within [lo, hi]: where the arrows and the mouse wheel step to."""
    return (lo if param.minimum is None else max(lo, param.minimum),
            hi if param.maximum is None else min(hi, param.maximum))


class _NumberEditor:
    """Mixin for the spin boxes: any number can be typed — the box does not drop a minus sign or
    put back an old value — so the form can check it against the param and say what is wrong;
    only the arrows and the wheel stay within the param's range (`bounds`)."""

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt's name
        lo, hi = self.bounds
        self.set_value(min(max(self.value() + steps * self.singleStep(), lo), hi))
        self.selectAll()
        self.sigEdited.emit()


class IntEditor(_NumberEditor, QSpinBox, _Editor):
    sigEdited = Signal()

    def __init__(self, param: Param):
        super().__init__()
        self._help = param.help
        lo, hi = _bounds(param, -INT_LIMIT, INT_LIMIT)
        self.bounds = (int(math.ceil(lo)), int(math.floor(hi)))
        self.setRange(-INT_LIMIT, INT_LIMIT)
        self.setKeyboardTracking(True)
        self.setAccelerated(True)
        self.valueChanged.connect(lambda _: self.sigEdited.emit())

    def value(self):  # noqa: D102 - QSpinBox.value, as the document value
        return int(super().value())

    def set_value(self, v) -> None:
        self.blockSignals(True)
        self.setValue(int(v))
        self.blockSignals(False)


class FloatEditor(_NumberEditor, QDoubleSpinBox, _Editor):
    sigEdited = Signal()

    def __init__(self, param: Param):
        super().__init__()
        self._help = param.help
        small = abs(param.default or 0) and abs(param.default) < 0.01
        self.setDecimals(6 if small else 4)
        self.bounds = _bounds(param, -1e9, 1e9)
        self.setRange(-1e9, 1e9)
        span = (param.maximum or 10.0) - (param.minimum or 0.0)
        self.setSingleStep(0.001 if small else 0.01 if span <= 1 else 0.1)
        self.setKeyboardTracking(True)
        self.valueChanged.connect(lambda _: self.sigEdited.emit())

    def value(self):
        return float(super().value())

    def set_value(self, v) -> None:
        self.blockSignals(True)
        self.setValue(float(v))
        self.blockSignals(False)


class BoolEditor(QCheckBox, _Editor):
    sigEdited = Signal()

    def __init__(self, param: Param):
        super().__init__()
        self._help = param.help
        self.toggled.connect(lambda _: self.sigEdited.emit())

    def value(self):
        return self.isChecked()

    def set_value(self, v) -> None:
        self.blockSignals(True)
        self.setChecked(bool(v))
        self.blockSignals(False)


class ChoiceEditor(QComboBox, _Editor):
    sigEdited = Signal()

    def __init__(self, param: Param):
        super().__init__()
        self._help = param.help
        for c in param.choices:
            self.addItem(str(c), c)
        self.currentIndexChanged.connect(lambda _: self.sigEdited.emit())

    def value(self):
        return self.currentData()

    def set_value(self, v) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(max(0, self.findData(v)))
        self.blockSignals(False)


class _TextEditor(QLineEdit, _Editor):
    sigEdited = Signal()

    def __init__(self, param: Param):
        super().__init__()
        self._help = param.help
        self.param = param
        self.textEdited.connect(lambda _: self.sigEdited.emit())

    def set_value(self, v) -> None:
        self.blockSignals(True)
        self.setText(self.to_text(v))
        self.blockSignals(False)


class PairEditor(_TextEditor):
    """One int (square) or h×w; empty means None for optional params (pool strides)."""

    def __init__(self, param: Param):
        super().__init__(param)
        self.setPlaceholderText(tr("same as the pool size") if param.optional else tr("n or h×w"))

    @staticmethod
    def to_text(v) -> str:
        if v is None:
            return ""
        if isinstance(v, (list, tuple)):
            return str(v[0]) if v[0] == v[1] else f"{v[0]}×{v[1]}"
        return str(v)

    def value(self):
        if not self.text().strip() and self.param.optional:
            return None
        ints = parse_ints(self.text(), tr("one number or h×w, e.g. 3 or 3×5"))
        if len(ints) == 1:
            return ints[0]
        if len(ints) == 2:
            return ints
        raise ValueError(tr("type one number or two (h×w), e.g. 3 or 3×5"))


class ShapeEditor(_TextEditor):
    """Sizes separated by ×, x, commas or spaces: 1×28×28."""

    def __init__(self, param: Param):
        super().__init__(param)
        self.setPlaceholderText(tr("e.g. 1×28×28, 20×1 or 2"))

    @staticmethod
    def to_text(v) -> str:
        return "×".join(str(x) for x in v) if isinstance(v, (list, tuple)) else str(v)

    def value(self):
        return parse_ints(self.text(), tr("the sizes of one sample, e.g. 1×28×28 (image), 20×1 (sequence) or 2"))


class PaddingEditor(QWidget, _Editor):
    """"valid", "same", or explicit [[top, bottom], [left, right]] with four spin boxes."""

    sigEdited = Signal()
    MODES = ("valid", "same", "explicit")
    _SIDE_TIPS = (QT_TR_NOOP("top padding (zeros)"), QT_TR_NOOP("bottom padding (zeros)"),
                  QT_TR_NOOP("left padding (zeros)"), QT_TR_NOOP("right padding (zeros)"))

    def __init__(self, param: Param):
        super().__init__()
        self._help = param.help
        self.mode = QComboBox()
        for mode in self.MODES:   # shown by name (translated), kept by value
            self.mode.addItem(tr("explicit", "padding") if mode == "explicit" else fmt.padding(mode), mode)
        self.mode.setItemData(2, tr("[[top, bottom], [left, right]] zeros"), Qt.ItemDataRole.ToolTipRole)
        self.sides = []
        # the mode above, the four sides below it: one row would not fit a narrow inspector
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        lay.addWidget(self.mode)
        row = QHBoxLayout()
        row.setSpacing(3)
        lay.addLayout(row)
        for tip in self._SIDE_TIPS:
            box = QSpinBox()
            box.setRange(0, 1024)
            box.setMinimumWidth(44)   # narrower than its hint (sized for "1024"): the four fit beside the labels
            box.setToolTip(tr(tip))
            box.setKeyboardTracking(True)
            box.valueChanged.connect(lambda _: self.sigEdited.emit())
            self.sides.append(box)
            row.addWidget(box)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._show_sides()

    def _show_sides(self) -> None:
        explicit = self.mode.currentData() == "explicit"
        for box in self.sides:
            box.setVisible(explicit)

    def _mode_changed(self, _=None) -> None:
        self._show_sides()
        self.sigEdited.emit()

    def value(self):
        mode = self.mode.currentData()
        if mode != "explicit":
            return mode
        t, b, l, r = (box.value() for box in self.sides)
        return [[t, b], [l, r]]

    def set_value(self, v) -> None:
        for w in (self.mode, *self.sides):
            w.blockSignals(True)
        if isinstance(v, str):
            self.mode.setCurrentIndex(max(0, self.mode.findData(v)))
        else:
            self.mode.setCurrentIndex(self.MODES.index("explicit"))
            (t, b), (l, r) = v
            for box, x in zip(self.sides, (t, b, l, r)):
                box.setValue(int(x))
        for w in (self.mode, *self.sides):
            w.blockSignals(False)
        self._show_sides()


EDITORS = {"int": IntEditor, "float": FloatEditor, "bool": BoolEditor, "choice": ChoiceEditor,
           "pair": PairEditor, "padding": PaddingEditor, "shape": ShapeEditor}


def make_editor(param: Param):
    return EDITORS[param.kind](param)
