"""Issue 15, items 6 and 7 (layout, smaller): fixed Undo / Redo toolbar labels, edit actions
disabled while a run locks the network, file dialogs starting in the last folder used, and
singular counts ("1 unit", "1 layer")."""
from __future__ import annotations

import os

from PySide6.QtWidgets import QFileDialog

from dlstudio.gui import format as fmt
from dlstudio.spec import Network


def _button(win, action):
    return win.toolbar.widgetForAction(action)


def _center(win):
    return win.view.mapToScene(win.view.viewport().rect().center())


def test_undo_button_keeps_its_label_and_the_train_button_stays_put(window, qtbot):
    undo, train = _button(window, window.acts.undo), _button(window, window.acts.train)
    qtbot.waitUntil(lambda: train.x() > 0)
    x0, text0 = train.x(), undo.text()
    window.scene.drop_layer("BatchNorm", _center(window))
    window.acts.undo.trigger()           # the redo text grows too
    window.scene.drop_layer("Conv2D", _center(window))
    qtbot.wait(20)
    assert window.acts.undo.text().replace("&", "") == "Undo Add Conv2D"   # the Edit menu keeps it
    assert undo.text() == text0 == "Undo"
    assert _button(window, window.acts.redo).text() == "Redo"
    assert "Undo Add Conv2D" in window.acts.undo.toolTip().replace("&", "")
    assert train.x() == x0


def _first_node(win):
    return next(iter(win.scene.nodes.values()))


def test_edit_actions_stay_disabled_while_the_network_is_locked(window):
    a = window.acts
    window.training._lock(True)          # what a run does at its start
    try:
        _first_node(window).setSelected(True)
        assert window.scene.selected_ids()
        for action in (a.delete, a.cut, a.duplicate, a.paste, a.undo, a.redo):
            assert not action.isEnabled(), action.text()
        assert a.copy.isEnabled()        # copying changes nothing
    finally:
        window.training._lock(False)
    assert a.delete.isEnabled() and a.cut.isEnabled() and a.duplicate.isEnabled()


def test_file_dialogs_start_in_the_last_folder_used(make_window, dialogs, tmp_path, monkeypatch):
    folder = tmp_path / "nets"
    folder.mkdir()
    win = make_window()
    dialogs.answers["save"].append(str(folder / "mine.json"))
    assert win.files.save_as()
    starts = []

    def open_name(parent, caption="", start="", filters="", *args, **kwargs):
        starts.append(start)
        return "", ""

    def save_name(parent, caption="", start="", filters="", *args, **kwargs):
        starts.append(start)
        return "", ""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    fresh = make_window()                # a new session: no current file, the folder is remembered
    assert fresh.files.path is None
    fresh.files.open_dialog()
    fresh.files.save_as()
    fresh.summary.export_dialog()
    assert [os.path.dirname(s) if s.endswith((".json", ".dls", ".csv")) else s for s in starts] == [str(folder)] * 3


def test_summary_export_remembers_its_folder(make_window, dialogs, tmp_path):
    out = tmp_path / "tables"
    out.mkdir()
    win = make_window()
    dialogs.answers["save"].append(str(out / "s.csv"))
    win.summary.export_dialog()
    assert (out / "s.csv").exists()
    assert win.files.last_folder() == str(out)


def _one_layer():
    net = Network(name="one")
    net.add("in", "Input", {"shape": [3]}, pos=(0, 0))
    return net


def test_counts_of_one_are_singular(make_window):
    assert fmt.setting("units", 1) == "1 unit"
    assert fmt.setting("units", 12) == "12 units"
    assert fmt.setting("filters", 1) == "1 filter"
    assert fmt.setting("filters", 6) == "6 filters"
    win = make_window(_one_layer())
    assert win.totals_label.text().startswith("1 layer ·")
    assert win.summary.totals.text().startswith("1 layer ·")
    assert win.summary.model.cells(1)[1] == "1 layer"
    win.scene.drop_layer("Dense", _center(win))
    assert win.totals_label.text().startswith("2 layers ·")
    assert win.summary.totals.text().startswith("2 layers ·")
    assert win.summary.model.cells(2)[1] == "2 layers"


def test_the_gallery_shows_display_names_with_the_code_name_in_the_tooltip(qtbot):
    from dlstudio.gui import gallery
    from dlstudio.zoo import preset_names
    dialog = gallery.PresetGallery()
    qtbot.addWidget(dialog)
    items = {dialog.list.item(k).data(gallery.PRESET_ROLE): dialog.list.item(k) for k in range(dialog.list.count())}
    assert set(preset_names()) <= set(items)
    for name in preset_names():
        text = items[name].text()
        assert text != name and text[0].isupper(), text          # never the code name "alexnet-full"
        assert f"Preset: {name}" in items[name].toolTip()
    assert items["alexnet-full"].text() == "AlexNet (full size)"
    assert items["alexnet"].text() == "AlexNet"
    assert len({items[n].text() for n in preset_names()}) == len(preset_names())   # no two look alike
