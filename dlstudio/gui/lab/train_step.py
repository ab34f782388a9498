"""Lab page "One training step": a 2-3-2 network learning from one sample, stage by stage
(init → forward → loss → backward → update), every number from the engine's own step."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ...engine.lab.train_step import (ACTIVATIONS, LOSSES, OPTIMIZER_NAMES, STAGES, StepRecord, TrainStep,
                                      update_formula)
from ...engine.optimizers import OPTIMIZERS
from .. import theme
from ..i18n import QT_TR_NOOP, tr, tr_text
from . import train_step_text as text
from .base import LabPage
from .train_step_diagram import NetDiagram

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
STAGE_TITLES = (QT_TR_NOOP("1 Init"), QT_TR_NOOP("2 Forward"), QT_TR_NOOP("3 Loss"), QT_TR_NOOP("4 Backward"),
                QT_TR_NOOP("5 Update"))
RUN_ALL_MS = 700


class TrainStepPage(LabPage):
    key = "step"
    title = QT_TR_NOOP("One training step")
    intro = QT_TR_NOOP("One sample through a 2-3-2 network, slowed down: random initial weights; the forward pass "
             "<i>z</i> = <i>x</i>·<i>W</i> + <i>b</i>, <i>a</i> = <i>f</i>(<i>z</i>); the loss "
             "<i>L</i>(<i>ŷ</i>, <i>t</i>); backpropagation of ∂<i>L</i>/∂<i>w</i> by the chain rule; "
             "and the optimizer's update, e.g. <i>w</i> ← <i>w</i> − η·∂<i>L</i>/∂<i>w</i>. "
             "Every number comes from the engine that trains your networks. "
             "Double-click an input, target or weight to edit it.")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = TrainStep()
        self.record: StepRecord | None = None
        self.stage = 0
        self.selected = "dense1.kernel[0, 0]"
        self._filling = False
        self.hyper_edits: dict[str, QLineEdit] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(RUN_ALL_MS)
        self.timer.timeout.connect(self._tick)
        self._build()
        self._rebuild_hyper()
        self.recompute()

    # ---- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        lay = QVBoxLayout(self.body)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.activation_box = self._combo(ACTIVATIONS, self.session.activation, self._activation_changed)
        self.loss_box = self._combo(tuple(LOSSES), self.session.loss_name, self._loss_changed)
        self.optimizer_box = self._combo(OPTIMIZER_NAMES, self.session.optimizer_name, self._optimizer_changed)
        self.seed_box = QSpinBox(minimum=0, maximum=99999, value=self.session.seed)
        self.reinit_button = QPushButton(tr("Re-initialise"))
        self.reinit_button.setToolTip(tr("New random weights from the seed, and a fresh optimizer"))
        self.reinit_button.clicked.connect(self._reinitialise)
        for label, w in ((tr("Activation"), self.activation_box), (tr("Loss"), self.loss_box),
                         (tr("Optimizer"), self.optimizer_box), (tr("Seed"), self.seed_box)):
            row.addWidget(QLabel(label))
            row.addWidget(w)
        row.addWidget(self.reinit_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.hyper_row = QHBoxLayout()
        lay.addLayout(self.hyper_row)

        bar = QHBoxLayout()
        self.stage_group = QButtonGroup(self)
        self.stage_buttons = []
        for i, title in enumerate(STAGE_TITLES):
            b = QPushButton(tr(title), checkable=True)
            b.setObjectName(f"stage_{STAGES[i]}")
            self.stage_group.addButton(b, i)
            self.stage_buttons.append(b)
            bar.addWidget(b)
        self.stage_group.idClicked.connect(self._stage_clicked)
        bar.addSpacing(12)
        self.back_button = QPushButton(tr("◀ Back"))
        self.next_button = QPushButton(tr("Next ▶"))
        self.run_button = QPushButton(tr("Run all"))
        self.step_button = QPushButton(tr("Next sample step"))
        self.step_button.setToolTip(tr("Take this step for real, then start the next one from the new weights"))
        for b, slot in ((self.back_button, self.back), (self.next_button, self.next),
                        (self.run_button, self.run_all), (self.step_button, self.next_sample_step)):
            b.clicked.connect(slot)
            bar.addWidget(b)
        bar.addStretch(1)
        lay.addLayout(bar)
        self.status = QLabel(wordWrap=True)
        self.status.setObjectName("stepStatus")
        lay.addWidget(self.status)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.diagram = NetDiagram()
        self.diagram.weightClicked.connect(self.select_weight)
        ll.addWidget(self.diagram, 1)
        self.sample_table = QTableWidget(2, 2)
        self.sample_table.setObjectName("sampleTable")
        self.sample_table.setVerticalHeaderLabels([tr("input x"), tr("target t")])
        self.sample_table.setHorizontalHeaderLabels(["1", "2"])
        self.sample_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.sample_table.setFixedHeight(self.sample_table.horizontalHeader().sizeHint().height()
                                         + 2 * self.sample_table.verticalHeader().defaultSectionSize() + 6)
        self.sample_table.itemChanged.connect(self._sample_edited)
        ll.addWidget(self.sample_table)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel(wordWrap=True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("stageTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.itemChanged.connect(self._table_edited)
        self.table.currentCellChanged.connect(self._row_changed)
        self.formula = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.formula.setObjectName("stepFormula")
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formula.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        rl.addWidget(self.caption)
        rl.addWidget(self.table, 3)
        rl.addWidget(self.formula, 2)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        right.setMinimumWidth(380)
        lay.addWidget(split, 1)

    def _combo(self, items, current: str, slot) -> QComboBox:
        box = QComboBox()
        box.addItems(list(items))
        box.setCurrentText(current)
        box.currentTextChanged.connect(slot)
        return box

    def _rebuild_hyper(self) -> None:
        while self.hyper_row.count():
            w = self.hyper_row.takeAt(0).widget()
            if w is not None:
                w.hide()
                w.setParent(None)
                w.deleteLater()
        self.hyper_edits = {}
        self.hyper_row.addWidget(QLabel(tr("{optimizer} hyperparameters:").format(
            optimizer=self.session.optimizer_name)))
        for name, value in OPTIMIZERS[self.session.optimizer_name].defaults.items():
            if isinstance(value, bool):
                continue
            edit = QLineEdit(f"{self.session.optimizer.hyper[name]:g}")
            edit.setObjectName(f"hyper_{name}")
            edit.setMaximumWidth(90)
            edit.editingFinished.connect(self._hyper_edited)
            self.hyper_row.addWidget(QLabel(text.HYPER_LABELS.get(name, name)))
            self.hyper_row.addWidget(edit)
            self.hyper_edits[name] = edit
        self.hyper_row.addStretch(1)

    # ---- computing -----------------------------------------------------------------------------
    def recompute(self) -> bool:
        """A new record from the session; on a refused input keep the last one and say why."""
        try:
            self.record = self.session.record()
        except ValueError as e:
            self._error(tr_text(e.args[0]) if e.args else str(e))
            return False
        self._error(None)
        self.refresh()
        return True

    def _error(self, message: str | None) -> None:
        if message:
            self.status.setText(f"<span style='color:{theme.colors(self.palette()).error.name()}'>"
                                f"{message}</span>")
        elif self.record is not None:
            self.status.setText(tr("Step {step} · {optimizer} · loss {loss} = {value}").format(
                step=self.record.step, optimizer=self.session.optimizer_name, loss=self.record.loss_name,
                value=f"{self.record.loss:.6g}"))
        self.error = message

    def refresh(self) -> None:
        """Show the current stage of the current record."""
        rec = self.record
        if rec is None:
            return
        self.stage_buttons[self.stage].setChecked(True)
        self.back_button.setEnabled(self.stage > 0)
        self.next_button.setEnabled(self.stage < len(STAGES) - 1)
        self._fill_sample()
        stage = STAGES[self.stage]
        headers, rows, editable = text.stage_table(rec, stage)
        self._fill_table(headers, rows, editable)
        self.caption.setText(text.caption(rec, stage))
        self._show_selection()

    def _fill_sample(self) -> None:
        self._filling = True
        for r, vec in enumerate((self.session.x, self.session.target)):
            for c in range(2):
                item = QTableWidgetItem(f"{vec[c]:g}")
                self.sample_table.setItem(r, c, item)
        self._filling = False

    def _fill_table(self, headers: list[str], rows: list[tuple[str | None, list[str]]], editable: int) -> None:
        self._filling = True
        t = self.table
        t.clear()
        t.setColumnCount(len(headers))
        t.setHorizontalHeaderLabels(headers)
        t.setRowCount(len(rows))
        select = -1
        for r, (name, cells) in enumerate(rows):
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(NAME_ROLE, name)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if c == editable and name is not None:
                    flags |= Qt.ItemFlag.ItemIsEditable
                    item.setToolTip(tr("Double-click to edit this weight"))
                item.setFlags(flags)
                if c > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                t.setItem(r, c, item)
            if name == self.selected:
                select = r
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        if select >= 0:
            t.setCurrentCell(select, 0)
        self._filling = False

    def _show_selection(self) -> None:
        rec, stage = self.record, STAGES[self.stage]
        self.diagram.set_state(rec, stage, self.selected)
        if stage == "update":
            lines = update_formula(rec, self.selected)
            body = (tr("<b>{weight}</b> with {optimizer}:").format(weight=text.weight_label(self.selected),
                                                               optimizer=rec.optimizer)
                    + "<br>" + "<br>".join(html.escape(tr_text(line)) for line in lines))
        else:
            body = text.stage_formula(rec, stage, self.selected)
        self.formula.setText(body)

    # ---- stages ------------------------------------------------------------------------------
    def set_stage(self, index: int) -> None:
        self.stage = max(0, min(len(STAGES) - 1, int(index)))
        self.refresh()

    def _stage_clicked(self, index: int) -> None:
        self.timer.stop()
        self.set_stage(index)

    def back(self) -> None:
        self.timer.stop()
        self.set_stage(self.stage - 1)

    def next(self) -> None:
        self.timer.stop()
        self.set_stage(self.stage + 1)

    def run_all(self) -> None:
        """Walk through the stages to the update, one every RUN_ALL_MS."""
        if self.stage == len(STAGES) - 1:
            self.set_stage(0)
        self.timer.start()

    def _tick(self) -> None:
        self.set_stage(self.stage + 1)
        if self.stage == len(STAGES) - 1:
            self.timer.stop()

    def next_sample_step(self) -> None:
        """Take the step (weights and optimizer state move on) and show the next one."""
        self.timer.stop()
        if self.record is None or self.error:
            return
        self.session.advance()
        self.stage = 0
        self.recompute()

    def select_weight(self, name: str) -> None:
        self.selected = name
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(NAME_ROLE) == name:
                self.table.setCurrentCell(r, 0)
                break
        self._show_selection()

    def _row_changed(self, row: int, _col: int, _prev_row: int, _prev_col: int) -> None:
        if self._filling or row < 0:
            return
        item = self.table.item(row, 0)
        name = item.data(NAME_ROLE) if item is not None else None
        if name and name != self.selected:
            self.selected = name
            self._show_selection()

    # ---- edits -------------------------------------------------------------------------------
    def _mark(self, item: QTableWidgetItem, message: str | None) -> None:
        pal = self.palette()
        if message:
            item.setBackground(theme.mix(pal.color(pal.ColorRole.Base), theme.colors(pal).error, 0.35))
        else:
            item.setData(Qt.ItemDataRole.BackgroundRole, None)
        item.setToolTip(message or "")

    def _table_edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        name = item.data(NAME_ROLE)
        slot, index = text.split_weight_name(name)
        old = float(self.session.weights()[slot][index])
        try:
            self.session.set_weight(slot, index, float(item.text()))
            self.session.record()
        except ValueError as e:
            self.session.set_weight(slot, index, old)
            if "float" in str(e):
                msg = tr("{name}: {text} is not a number").format(name=text.weight_label(name), text=repr(item.text()))
            else:
                msg = tr_text(e.args[0]) if e.args else str(e)
            self._filling = True
            self._mark(item, msg)
            self._filling = False
            self._error(msg)
            return
        self.selected = name
        self.recompute()

    def _sample_edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        what = ("input", "target")[item.row()]
        try:
            values = [float(self.sample_table.item(item.row(), c).text()) for c in range(2)]
        except ValueError:
            message = tr("the input must be numbers; {text} is not one") if what == "input" \
                else tr("the target must be numbers; {text} is not one")
            self._bad_sample(item, message.format(text=repr(item.text())))
            return
        old = self.session.x if what == "input" else self.session.target
        try:
            (self.session.set_input if what == "input" else self.session.set_target)(values)
            self.session.record()
        except ValueError as e:
            (self.session.set_input if what == "input" else self.session.set_target)(old)
            self._bad_sample(item, tr_text(e.args[0]) if e.args else str(e))
            return
        self.recompute()

    def _bad_sample(self, item: QTableWidgetItem, message: str) -> None:
        self._filling = True
        self._mark(item, message)
        self._filling = False
        self._error(message)

    def _hyper_edited(self) -> None:
        hyper = {}
        for name, edit in self.hyper_edits.items():
            try:
                hyper[name] = float(edit.text())
                edit.setStyleSheet("")
            except ValueError:
                edit.setStyleSheet(f"background: {theme.colors(self.palette()).error.name()}")
                self._error(tr("{name}: {text} is not a number").format(name=name, text=repr(edit.text())))
                return
        try:
            self.session.set_optimizer(self.session.optimizer_name, hyper)
        except ValueError as e:
            self._error(tr_text(e.args[0]) if e.args else str(e))
            return
        self.recompute()

    def _activation_changed(self, name: str) -> None:
        self.session.set_activation(name)
        self.stage = 0
        self.recompute()

    def _loss_changed(self, name: str) -> None:
        self.session.set_loss(name)
        self.stage = 0
        self.recompute()

    def _optimizer_changed(self, name: str) -> None:
        self.session.set_optimizer(name)
        self._rebuild_hyper()
        self.recompute()

    def _reinitialise(self) -> None:
        self.timer.stop()
        self.session.reinitialize(self.seed_box.value())
        self.stage = 0
        self.recompute()

    # ---- hooks -------------------------------------------------------------------------------
    def deactivate(self) -> None:
        self.timer.stop()

    def explain(self, topic: str) -> None:
        self.timer.stop()
        self.set_stage(0)
