"""The inspector: the selected layer's id, shapes, costs and a settings form built from its
params schema. Values are checked as they are typed; a valid change becomes an undo command
(through the editor), and the document's re-analysis updates shapes and costs everywhere."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QFormLayout, QFrame, QGroupBox, QLabel, QLineEdit, QScrollArea, QVBoxLayout,
                               QWidget)

from dlstudio.spec import all_types

from .. import format as fmt
from ..document import Document
from ..editor import Editor
from ..i18n import tr, tr_text
from ..lab.links import explain_link, topic_of
from .editors import make_editor

_ERROR = "color: #d32f2f;"


class Inspector(QScrollArea):
    sigExplainRequested = Signal(str)  # a Lab topic (the layer type name)

    def __init__(self, doc: Document, editor: Editor, parent=None):
        super().__init__(parent)
        self.doc, self.editor = doc, editor
        self.node_id: str | None = None
        self.editors: dict[str, object] = {}
        self.errors: dict[str, QLabel] = {}
        self._shown: dict = {}   # the document's values the form last showed (the last valid ones)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._body = QWidget()
        self.setWidget(self._body)
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self._layout.setSpacing(8)
        doc.sigNodeChanged.connect(self._on_node_changed)
        doc.sigNodeRemoved.connect(lambda node_id: node_id == self.node_id and self.show_node(None))
        doc.sigNodeRenamed.connect(self._on_renamed)
        doc.sigReset.connect(lambda: self.show_node(None))
        doc.sigAnalysisChanged.connect(self.refresh_stats)
        self.show_node(None)

    def _link(self, href: str) -> None:
        topic = topic_of(href)
        if topic:
            self.sigExplainRequested.emit(topic)

    # ---- building the form --------------------------------------------------------------------
    def show_selection(self, ids: list[str]) -> None:
        if len(ids) == 1:
            self.show_node(ids[0])
        else:
            self.show_node(None, tr("{n} layers selected.").format(n=len(ids)) if ids else None)

    def show_node(self, node_id: str | None, message: str | None = None) -> None:
        self.node_id = node_id if node_id is not None and self.doc.network.has(node_id) else None
        self.editors, self.errors, self._shown = {}, {}, {}
        self._clear()
        if self.node_id is None:
            hint = QLabel(message or tr("Select a layer on the canvas to see and edit its settings."),
                          wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
            hint.setEnabled(False)
            self._layout.addStretch(1)
            self._layout.addWidget(hint)
            self._layout.addStretch(2)
            return
        node = self.doc.node(self.node_id)
        lt = all_types().get(node.type)
        title = QLabel(f"<span style='font-size:15px; font-weight:600'>{node.type}</span>"
                       f"&nbsp;&nbsp;<span style='color:gray'>{fmt.group_label(lt.group) if lt else tr('unknown type')}"
                       "</span>")
        self._layout.addWidget(title)
        if lt is not None:
            about = QLabel(tr_text(lt.help), wordWrap=True)
            about.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self._layout.addWidget(about)
        link = explain_link(node.type)
        if link:
            self.explain_label = QLabel(link, textFormat=Qt.TextFormat.RichText)
            self.explain_label.linkActivated.connect(self._link)
            self._layout.addWidget(self.explain_label)
        self.problem = QLabel(wordWrap=True, styleSheet=_ERROR)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout.addWidget(self.problem)

        layer = QGroupBox(tr("Layer"))
        form = QFormLayout(layer)
        self.id_edit = QLineEdit(node.id)
        self.id_edit.setToolTip(tr("A unique name; weights are stored as <id>.<name>."))
        self.id_error = QLabel(wordWrap=True, styleSheet=_ERROR)
        self.id_error.hide()
        self.id_edit.textEdited.connect(self._check_id)
        self.id_edit.editingFinished.connect(lambda nid=node.id: self._commit_id(nid))
        form.addRow(tr("Id"), self.id_edit)
        form.addRow("", self.id_error)
        self.in_shape, self.out_shape = QLabel(), QLabel()
        form.addRow(tr("Input"), self.in_shape)
        form.addRow(tr("Output"), self.out_shape)
        self._layout.addWidget(layer)

        if lt is not None and lt.schema.params:
            box = QGroupBox(tr("Settings"))
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            values = {**lt.schema.defaults(), **node.params}
            for p in lt.schema.params:
                ed = make_editor(p)
                ed.setToolTip(tr_text(p.help))
                ed.set_value(values.get(p.name))
                ed.sigEdited.connect(lambda name=p.name: self._edited(name))
                ed.installEventFilter(self)   # Escape puts back the last valid value
                label = QLabel(fmt.param_label(p.name))
                label.setToolTip(tr_text(p.help))
                err = QLabel(wordWrap=True, styleSheet=_ERROR)
                err.hide()
                form.addRow(label, ed)
                form.addRow("", err)
                self.editors[p.name], self.errors[p.name] = ed, err
                self._shown[p.name] = values.get(p.name)
            self._layout.addWidget(box)

        cost = QGroupBox(tr("Cost"))
        form = QFormLayout(cost)
        self.params_label, self.macs_label, self.flops_label = QLabel(), QLabel(), QLabel()
        for lbl in (self.params_label, self.macs_label, self.flops_label):
            lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(tr("Parameters"), self.params_label)
        form.addRow("MACs", self.macs_label)
        form.addRow("FLOPs", self.flops_label)
        self._layout.addWidget(cost)
        self._layout.addStretch(1)
        self.refresh_stats()

    def _clear(self) -> None:
        while self._layout.count():
            widget = self._layout.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # now, not at the next event loop pass
                widget.deleteLater()

    # ---- editing ------------------------------------------------------------------------------
    def _edited(self, name: str) -> None:
        """Check what the user typed; valid values go to the document as one undo step."""
        node = self.doc.node(self.node_id)
        param = next(p for p in all_types()[node.type].schema.params if p.name == name)
        ed, err = self.editors[name], self.errors[name]
        try:
            value = ed.value()
            param.check(value, node.id)
        except ValueError as e:
            detail = getattr(e, "detail", None)   # a ParamError: the setting's problem alone
            message = tr_text(detail) if detail else fmt.error(e).removeprefix(f"{node.id}: ")
            ed.set_error(message)
            err.setText(message)
            err.show()
            return
        ed.set_error(None)
        err.hide()
        if value != self._shown.get(name):   # back to the document's value: nothing to undo
            self.editor.set_param(self.node_id, name, value)

    def restore(self, name: str) -> None:
        """Put back the setting's last valid value (the document's) in place of what was typed."""
        ed = self.editors[name]
        ed.set_value(self._shown.get(name))
        ed.set_error(None)
        self.errors[name].hide()

    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            name = next((n for n, ed in self.editors.items() if ed is obj), None)
            if name is not None and self.error_of(name) is not None:
                self.restore(name)
                return True
        return super().eventFilter(obj, event)

    def error_of(self, name: str) -> str | None:
        err = self.errors.get(name)
        return None if err is None or err.isHidden() else err.text()

    def _check_id(self, text: str) -> str | None:
        problem = self.editor.rename_problem(self.node_id, text.strip())
        self.id_edit.setStyleSheet("" if problem is None else "border: 1.5px solid #d32f2f; border-radius: 3px;")
        self.id_error.setText(problem or "")
        self.id_error.setVisible(problem is not None)
        return problem

    def _commit_id(self, node_id: str | None = None) -> None:
        if self.node_id is None or (node_id is not None and node_id != self.node_id):
            return  # a field of a form that is being replaced
        new = self.id_edit.text().strip()
        if new != self.node_id and self._check_id(new) is None:
            self.editor.rename(self.node_id, new)

    # ---- following the document ---------------------------------------------------------------
    def _on_node_changed(self, node_id: str) -> None:
        if node_id != self.node_id:
            return
        node = self.doc.node(node_id)
        lt = all_types().get(node.type)
        values = {**lt.schema.defaults(), **node.params} if lt else {}
        for name, ed in self.editors.items():
            if self.error_of(name) is not None and values.get(name) == self._shown.get(name):
                continue   # another setting changed: what was typed here stays, red, until corrected
            self._shown[name] = values.get(name)
            try:
                current = ed.value()
            except ValueError:
                current = object()
            if current != values.get(name) or not ed.hasFocus():
                ed.set_value(values.get(name))
                ed.set_error(None)
                self.errors[name].hide()

    def _on_renamed(self, old: str, new: str) -> None:
        if old == self.node_id:
            self.node_id = new
            if self.id_edit.text() != new:
                self.id_edit.setText(new)
            self._check_id(new)

    def refresh_stats(self) -> None:
        if self.node_id is None or not self.doc.network.has(self.node_id):
            return
        a = self.doc.analysis
        problems = [tr_text(p.message) for p in a.problems if p.node == self.node_id]
        self.problem.setText("⚠ " + "\n⚠ ".join(problems) if problems else "")
        self.problem.setVisible(bool(problems))
        ins = a.in_shapes.get(self.node_id)
        srcs = self.doc.network.inputs_of(self.node_id)
        if ins is not None:
            self.in_shape.setText(", ".join(fmt.shape(s) for s in ins) or tr("— (data enters here)"))
        else:
            self.in_shape.setText(", ".join(fmt.shape(a.shapes.get(s)) for s in srcs) or tr("not connected"))
        self.out_shape.setText(fmt.shape(a.shapes.get(self.node_id)) if self.node_id in a.shapes else "?")
        c = a.costs.get(self.node_id)
        if c is None:
            for lbl in (self.params_label, self.macs_label, self.flops_label):
                lbl.setText("?")
            return
        extra = tr(" ({n} trainable)").format(n=fmt.count(c.trainable)) if c.non_trainable else ""
        self.params_label.setText(fmt.count(c.params) + extra)
        self.macs_label.setText(f"{fmt.count(c.macs)}  ({fmt.compact(c.macs)})" if c.macs else "0")
        self.flops_label.setText(f"{fmt.count(c.flops)}  ({fmt.compact(c.flops)})" if c.flops else "0")
