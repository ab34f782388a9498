"""Palette, summary table and problems list."""
from __future__ import annotations

import csv

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from dlstudio.gui.canvas.scene import LAYER_MIME
from dlstudio.spec import Network, all_types
from dlstudio.spec.catalogue import GROUPS


def two_problem_net() -> Network:
    net = Network(name="problems")
    net.add("in", "Input", {"shape": [1, 8, 8]}, pos=(0, 0))
    net.add("conv", "Conv2D", {"filters": 4, "kernel_size": 3}, after="in", pos=(0, 60))
    net.add("dense", "Dense", {"units": 5}, after="conv", pos=(0, 120))  # an image into Dense
    net.add("lonely", "ReLU", pos=(300, 0))                               # no input
    return net


# ---- palette ----------------------------------------------------------------------------------
def test_palette_lists_every_type_in_its_group_with_help(window):
    pal = window.palette_panel
    types = all_types()
    assert sorted(pal.visible_types()) == sorted(types)
    assert list(pal.groups) == [g for g in GROUPS if any(t.group == g for t in types.values())]
    for item in pal.type_items():
        lt = types[item.data(0, Qt.ItemDataRole.UserRole + 1)]
        assert item.parent() is pal.groups[lt.group]
        assert item.toolTip(0) == lt.help


def test_palette_search_filters_by_name_group_and_help(window):
    pal = window.palette_panel
    pal.search.setText("pool")
    assert set(pal.visible_types()) == {"MaxPool2D", "AvgPool2D", "GlobalAvgPool2D"}
    assert pal.groups["Core"].isHidden() and not pal.groups["Pooling"].isHidden()
    pal.search.setText("recurrent")
    assert set(pal.visible_types()) >= {"LSTM", "SimpleRNN"}
    pal.search.setText("skip connection")  # words from Add's help
    assert pal.visible_types() == ["Add"]
    pal.search.setText("zzzz")
    assert pal.visible_types() == []
    pal.search.clear()
    assert len(pal.visible_types()) == len(all_types())


def test_palette_drags_carry_the_type_name(window):
    pal = window.palette_panel
    mime = pal.tree.mimeData([pal.item_for("LSTM")])
    assert bytes(mime.data(LAYER_MIME)).decode() == "LSTM"
    assert pal.tree.mimeData([pal.groups["Core"]]) is None  # a group heading is not draggable
    assert pal.tree.supportedDragActions() == Qt.DropAction.CopyAction


def test_palette_help_pane_explains_the_current_type(window):
    pal = window.palette_panel
    pal.tree.setCurrentItem(pal.item_for("Conv2D"))
    assert "filters" in pal.help.text() and "Conv2D" in pal.help.text()


# ---- summary ----------------------------------------------------------------------------------
def test_summary_rows_and_totals_match_the_analysis(window):
    model = window.summary.model
    a = window.doc.analysis
    assert [r["id"] for r in model.rows] == a.order
    assert model.rowCount() == len(a.order) + 1
    total = model.cells(len(model.rows))
    assert total[0] == "Total" and total[3] == f"{a.total.params:,}" and total[5] == f"{a.total.flops:,}"
    shares = sum(r["share"] for r in model.rows)
    assert abs(shares - 1.0) < 1e-9
    conv = model.rows[model.row_of("c1") if "c1" in a.order else 1]
    assert conv["macs"] > 0 and conv["flops"] > conv["macs"]


def test_selecting_summary_rows_selects_the_blocks(window):
    table, model = window.summary.table, window.summary.model
    ids = [r["id"] for r in model.rows]
    sel = table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    sel.select(model.index(2, 0), flags)
    assert window.scene.selected_ids() == [ids[2]]
    assert window.inspector.node_id == ids[2]
    window.scene.select_ids([ids[4]])  # and back: the canvas selection shows in the table
    assert [i.row() for i in sel.selectedRows()] == [4]
    sel.select(model.index(len(ids), 0), flags)  # the totals row selects nothing
    assert window.scene.selected_ids() == []


def test_summary_copy_and_csv_export(window, tmp_path):
    panel = window.summary
    panel.select_ids([panel.model.rows[1]["id"]])
    text = panel.copy()
    assert QGuiApplication.clipboard().text() == text
    lines = text.strip().split("\n")
    assert lines[0].split("\t")[:3] == ["Layer", "Type", "Output shape"] and len(lines) == 2
    panel.table.setFocus()
    panel.select_ids([])
    panel.table.clearSelection()
    assert len(panel.copy().strip().split("\n")) == panel.model.rowCount() + 1

    path = tmp_path / "summary.csv"
    panel.export_csv(str(path))
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["layer", "type", "output_shape", "params", "trainable", "macs", "flops", "flops_share"]
    assert len(rows) == len(panel.model.rows) + 2
    assert rows[-1][0] == "total" and int(rows[-1][3]) == window.doc.analysis.total.params
    assert sum(int(r[6]) for r in rows[1:-1]) == int(rows[-1][6])


def test_summary_export_through_the_dialog(window, dialogs, tmp_path):
    path = tmp_path / "out.csv"
    dialogs.answers["save"] = [str(path)]
    window.acts.export_csv.trigger()
    assert path.read_text(encoding="utf-8").startswith("layer,type")


def test_ctrl_c_in_the_table_copies_the_table_not_layers(window, qtbot):
    window.summary.table.setFocus()
    window.summary.select_ids([window.summary.model.rows[0]["id"]])
    qtbot.keyClick(window.summary.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().startswith("Layer\tType")


def test_summary_follows_edits(window):
    model = window.summary.model
    first = model.rows[-1]["id"]
    window.editor.set_param(first, "units", 20)
    assert model.rows[-1]["shape"] == (20,)


# ---- problems ---------------------------------------------------------------------------------
def test_problems_are_listed_and_select_their_block(make_window):
    win = make_window(two_problem_net())
    panel = win.problems
    texts = [panel.item(k).text() for k in range(panel.count())]
    assert len(texts) == 2 and any("Flatten" in t for t in texts) and any("lonely" in t for t in texts)
    assert win.bottom_tabs.tabText(1) == "Problems (2)"
    assert "2 problems" in win.problems_label.text()
    assert win.summary.model.data(win.summary.model.index(win.summary.model.row_of("dense"), 0),
                                  Qt.ItemDataRole.ForegroundRole) is not None
    item = next(panel.item(k) for k in range(panel.count()) if "lonely" in panel.item(k).text())
    panel.itemClicked.emit(item)
    assert win.scene.selected_ids() == ["lonely"]
    assert win.inspector.node_id == "lonely"


def test_fixing_problems_empties_the_list(make_window):
    win = make_window(two_problem_net())
    win.editor.delete(["lonely"])
    win.editor.add_layer("Flatten", (300, 300))
    win.editor.delete([], [("conv", "dense")])
    win.editor.connect("conv", "flatten1")
    win.editor.connect("flatten1", "dense")
    assert win.problems.problem_count() == 0
    assert win.problems.count() == 1 and "No problems" in win.problems.item(0).text()
    assert win.bottom_tabs.tabText(1) == "Problems" and "no problems" in win.problems_label.text()
