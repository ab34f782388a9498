"""Files: save / open round trips (.json and .dls), unsaved-changes prompts, recent files,
dropped files, autosave and recovery."""
from __future__ import annotations

import json
import os

import numpy as np
import pytest
from gui_input import drop
from PySide6.QtCore import QMimeData, QPoint, QUrl
from PySide6.QtWidgets import QMessageBox

from dlstudio.gui import files as files_module
from dlstudio.gui import gallery
from dlstudio.io.modelfile import ModelBundle, load_model, save_model
from dlstudio.spec import Network

MB = QMessageBox.StandardButton


def mlp() -> Network:
    net = Network(name="tiny")
    net.add("in", "Input", {"shape": [4]}, pos=(0, 0))
    net.add("hidden", "Dense", {"units": 8}, after="in", pos=(0, 60))
    net.add("act", "Tanh", after="hidden", pos=(0, 120))
    net.add("out", "Dense", {"units": 3}, after="act", pos=(0, 180))
    return net


def trained_model_file(path) -> ModelBundle:
    """A .dls as training leaves it: weights, optimizer slots, training state and history."""
    net = mlp()
    bundle = files_module.fresh_bundle(net)
    bundle.weights = {k: np.full_like(v, 0.5) for k, v in bundle.weights.items()}
    bundle.optimizer_slots = {"m": {k: np.ones_like(v) for k, v in bundle.weights.items()}}
    bundle.training = {"epochs_done": 7, "config": {"loss": "cross_entropy"}}
    bundle.history = {"epochs": [{"epoch": 1, "train_loss": 1.0}]}
    save_model(path, bundle)
    return bundle


def test_title_shows_the_name_and_a_dirty_mark(make_window):
    win = make_window(mlp())
    assert win.windowTitle() == "tiny (unsaved)[*] — dlstudio" and not win.isWindowModified()
    win.editor.set_param("hidden", "units", 9)
    assert win.isWindowModified()
    win.stack.undo()
    assert not win.isWindowModified()


def test_json_save_and_open_round_trip(make_window, dialogs, tmp_path):
    win = make_window(mlp())
    win.editor.set_param("hidden", "units", 16)
    win.editor.move({"act": ((0, 120), (40, 130))})
    path = tmp_path / "tiny.json"
    dialogs.answers["save"] = [str(path)]
    assert win.acts.save.trigger() is None and path.exists()
    assert not win.isWindowModified() and win.windowTitle().startswith("tiny.json")
    saved = win.doc.network.to_dict()
    assert json.loads(path.read_text(encoding="utf-8")) == saved

    other = make_window(Network(name="other"))
    dialogs.answers["open"] = [str(path)]
    other.acts.open.trigger()
    assert other.doc.network.to_dict() == saved  # positions included
    assert other.files.path == str(path) and not other.isWindowModified()
    assert other.files.recent_files()[0] == str(path)


def test_saving_again_writes_to_the_same_file_without_asking(make_window, dialogs, tmp_path):
    win = make_window(mlp())
    path = tmp_path / "a.json"
    dialogs.answers["save"] = [str(path)]
    win.save_file()
    win.editor.set_param("out", "units", 5)
    assert win.save_file()
    assert json.loads(path.read_text())["nodes"][3]["params"]["units"] == 5
    assert [k for k, _ in dialogs.asked] == ["save"]


def test_a_new_network_saved_as_dls_gets_fresh_weights(make_window, dialogs, tmp_path):
    win = make_window(mlp())
    path = tmp_path / "model.dls"
    dialogs.answers["save"] = [str(path)]
    assert win.save_file_as()
    bundle = load_model(path)
    assert set(bundle.weights) == {"hidden.kernel", "hidden.bias", "out.kernel", "out.bias"}
    assert bundle.weights["hidden.kernel"].shape == (4, 8)
    assert Network.from_dict(bundle.network).to_dict() == win.doc.network.to_dict()


def test_dls_keeps_weights_optimizer_and_history_when_only_positions_change(make_window, dialogs, tmp_path):
    path = tmp_path / "trained.dls"
    original = trained_model_file(path)
    win = make_window(Network(name="x"))
    assert win.files.open_path(str(path))
    assert win.windowTitle().startswith("trained.dls")
    win.editor.move({"act": ((0, 120), (100, 120))})
    assert win.save_file()
    again = load_model(path)
    assert Network.from_dict(again.network).node("act").pos == (100.0, 120.0)
    for k, v in original.weights.items():
        np.testing.assert_array_equal(again.weights[k], v)
    np.testing.assert_array_equal(again.optimizer_slots["m"]["out.bias"], original.optimizer_slots["m"]["out.bias"])
    assert again.training == original.training and again.history == original.history
    assert dialogs.asked == []


def test_renaming_a_layer_keeps_its_trained_weights(make_window, dialogs, tmp_path):
    path = tmp_path / "trained.dls"
    original = trained_model_file(path)
    win = make_window(Network(name="x"))
    win.files.open_path(str(path))
    assert win.editor.rename("hidden", "features")
    assert win.save_file() and dialogs.asked == []
    again = load_model(path)
    np.testing.assert_array_equal(again.weights["features.kernel"], original.weights["hidden.kernel"])
    assert "features.kernel" in again.optimizer_slots["m"] and "hidden.kernel" not in again.weights
    win.stack.undo()  # and back
    assert "hidden.kernel" in win.files.bundle.weights


@pytest.mark.parametrize("choice", ["fresh", "json", None])
def test_dls_whose_weights_no_longer_fit_asks_what_to_do(make_window, dialogs, tmp_path, choice):
    path = tmp_path / "trained.dls"
    trained_model_file(path)
    win = make_window(Network(name="x"))
    win.files.open_path(str(path))
    win.editor.set_param("hidden", "units", 12)
    dialogs.answers["weights"] = [choice]
    json_path = tmp_path / "trained.json"
    if choice == "json":
        dialogs.answers["save"] = [str(json_path)]
    saved = win.save_file()
    problem = dialogs.asked[0][1]
    assert "hidden.kernel" in problem and "[4, 8]" in problem
    if choice is None:
        assert not saved and win.isWindowModified()
        assert load_model(path).weights["hidden.kernel"].shape == (4, 8)
    elif choice == "fresh":
        bundle = load_model(path)
        assert bundle.weights["hidden.kernel"].shape == (4, 12) and bundle.training == {}
        assert not win.isWindowModified()
    else:
        assert json.loads(json_path.read_text())["nodes"][1]["params"]["units"] == 12
        assert win.files.path == str(json_path) and win.files.bundle is None
        assert load_model(path).weights["hidden.kernel"].shape == (4, 8)  # the model file is untouched


def test_a_broken_network_is_not_saved_as_a_model_file(make_window, dialogs, tmp_path):
    net = mlp()
    net.add("stray", "ReLU", pos=(200, 0))
    win = make_window(net)
    dialogs.answers["save"] = [str(tmp_path / "x.dls")]
    assert not win.save_file()
    assert "needs a network that works" in dialogs.warnings[0]
    assert not (tmp_path / "x.dls").exists()


def test_opening_a_damaged_file_warns_and_keeps_the_document(make_window, dialogs, tmp_path):
    win = make_window(mlp())
    bad = tmp_path / "bad.dls"
    bad.write_bytes(b"not a zip")
    assert not win.files.open_path(str(bad))
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"nodes": 3}')
    assert not win.files.open_path(str(bad_json))
    assert len(dialogs.warnings) == 2 and "Cannot open" in dialogs.warnings[0]
    assert win.doc.network.to_dict() == mlp().to_dict()


# ---- the unsaved-changes prompt ---------------------------------------------------------------
@pytest.mark.parametrize("answer", [MB.Cancel, MB.Discard, MB.Save])
def test_new_asks_about_unsaved_changes(make_window, dialogs, monkeypatch, tmp_path, answer):
    win = make_window(mlp())
    win.editor.set_param("out", "units", 7)
    fresh = Network(name="fresh")
    monkeypatch.setattr(gallery, "ask_new_network", lambda parent=None: fresh)
    dialogs.answers["question"] = [answer]
    if answer == MB.Save:
        dialogs.answers["save"] = [str(tmp_path / "kept.json")]
    win.acts.new.trigger()
    assert "Save the changes to tiny" in dialogs.asked[0][1]
    if answer == MB.Cancel:
        assert win.doc.network.name == "tiny" and win.isWindowModified()
    else:
        assert win.doc.network.name == "fresh" and not win.isWindowModified()
        assert win.stack.count() == 0
    if answer == MB.Save:
        assert json.loads((tmp_path / "kept.json").read_text())["nodes"][3]["params"]["units"] == 7


def test_open_asks_about_unsaved_changes_and_cancel_keeps_everything(make_window, dialogs):
    win = make_window(mlp())
    win.editor.set_param("out", "units", 7)
    dialogs.answers["question"] = [MB.Cancel]
    assert not win.open_file()
    assert [k for k, _ in dialogs.asked] == ["question"]  # no file dialog after Cancel


def test_quit_asks_about_unsaved_changes(make_window, dialogs):
    win = make_window(mlp())
    win.editor.set_param("out", "units", 7)
    dialogs.answers["question"] = [MB.Cancel, MB.Discard]
    assert not win.close()
    assert win.isVisible()
    assert win.close()
    assert not win.isVisible()


def test_clean_documents_close_and_open_without_prompts(make_window, dialogs, tmp_path):
    win = make_window(mlp())
    path = tmp_path / "n.json"
    path.write_text(Network(name="n").to_json())
    assert win.files.open_path(str(path))
    assert win.close() and dialogs.asked == []


# ---- recent files, dropped files ------------------------------------------------------------
def test_recent_files_menu(make_window, tmp_path):
    win = make_window(mlp())
    paths = []
    for k in range(3):
        p = tmp_path / f"n{k}.json"
        p.write_text(Network(name=f"n{k}").to_json())
        win.files.open_path(str(p))
        paths.append(str(p))
    assert win.files.recent_files() == paths[::-1]
    win.fill_recent_menu()
    actions = [a for a in win.recent_menu.actions() if a.text().endswith(".json")]
    assert [a.text() for a in actions] == ["n2.json", "n1.json", "n0.json"]
    actions[2].trigger()
    assert win.doc.network.name == "n0"
    assert win.files.recent_files()[0] == paths[0]
    win.files.clear_recent()
    win.fill_recent_menu()
    assert not win.recent_menu.actions()[0].isEnabled()


def test_dropping_a_network_file_on_the_window_opens_it(make_window, qtbot, tmp_path):
    win = make_window(mlp())
    path = tmp_path / "dropped.json"
    path.write_text(Network(name="dropped").to_json())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    assert drop(win, QPoint(20, 200), mime)
    qtbot.waitUntil(lambda: win.doc.network.name == "dropped")
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "picture.png"))])
    assert not drop(win, QPoint(20, 200), other)


def test_dropping_a_file_onto_the_canvas_reaches_the_window(make_window, qtbot, tmp_path):
    win = make_window(mlp())
    path = tmp_path / "on-canvas.json"
    path.write_text(Network(name="on-canvas").to_json())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop(win.view.viewport(), QPoint(50, 50), mime)
    qtbot.waitUntil(lambda: win.doc.network.name == "on-canvas")


# ---- autosave and recovery --------------------------------------------------------------------
def test_autosave_writes_only_when_dirty_and_a_clean_exit_deletes_it(make_window):
    win = make_window(mlp())
    rec = win.files.recovery_path
    assert not win.files.autosave() and not os.path.exists(rec)
    assert win.files.autosave_timer.isActive() and win.files.autosave_timer.interval() == 30_000
    win.editor.set_param("out", "units", 6)
    assert win.files.autosave() and os.path.exists(rec)
    with open(rec, encoding="utf-8") as f:
        data = json.load(f)
    assert data["network"]["nodes"][3]["params"]["units"] == 6
    win.stack.undo()  # back to the saved state: nothing to recover
    assert not os.path.exists(rec)
    win.editor.set_param("out", "units", 6)
    win.files.autosave()
    win.stack.setClean()
    win.close()
    assert not os.path.exists(rec)


def test_after_a_crash_the_next_start_offers_to_restore(make_window, dialogs, tmp_path):
    crashed = make_window(mlp())
    crashed.editor.set_param("hidden", "units", 33)
    crashed.editor.add_layer("Softmax", after="out")
    assert crashed.files.autosave()
    expected = crashed.doc.network.to_dict()
    crashed.files.recovery_armed = False  # a crash: no clean exit, the file stays

    nxt = make_window(show=False)
    dialogs.answers["question"] = [MB.Yes]
    assert nxt.files.offer_recovery()
    assert "did not close cleanly" in dialogs.asked[-1][1]
    assert nxt.doc.network.to_dict() == expected
    assert nxt.isWindowModified()
    assert os.path.exists(nxt.files.recovery_path)  # still protected until saved


def test_declining_the_restore_deletes_the_recovery_file(make_window, dialogs):
    crashed = make_window(mlp())
    crashed.editor.set_param("hidden", "units", 33)
    crashed.files.autosave()
    crashed.files.recovery_armed = False
    nxt = make_window(show=False)
    dialogs.answers["question"] = [MB.No]
    assert not nxt.files.offer_recovery()
    assert not os.path.exists(nxt.files.recovery_path)
    assert nxt.doc.network.name != "tiny"


def test_recovery_of_a_model_file_session_keeps_its_file(make_window, dialogs, tmp_path):
    path = tmp_path / "trained.dls"
    trained_model_file(path)
    crashed = make_window(Network(name="x"))
    crashed.files.open_path(str(path))
    crashed.editor.move({"act": ((0, 120), (200, 120))})
    crashed.files.autosave()
    crashed.files.recovery_armed = False
    nxt = make_window(show=False)
    dialogs.answers["question"] = [MB.Yes]
    assert nxt.files.offer_recovery()
    assert nxt.files.path == str(path) and nxt.files.bundle is not None
    assert nxt.doc.node("act").pos == (200.0, 120.0)
    assert nxt.save_file()
    assert load_model(path).training["epochs_done"] == 7


# ---- gallery ------------------------------------------------------------------------------------
def test_the_gallery_offers_empty_and_every_preset_with_a_preview(qtbot):
    from dlstudio.zoo import preset_names
    dialog = gallery.PresetGallery()
    qtbot.addWidget(dialog)
    names = [dialog.list.item(k).data(gallery.PRESET_ROLE) for k in range(dialog.list.count())]
    assert names[0] is None and set(names[1:]) <= set(preset_names())
    assert all(not dialog.list.item(k).icon().isNull() for k in range(dialog.list.count()))
    assert dialog.chosen_network().nodes == []
    dialog.select("mlp")
    net = dialog.chosen_network()
    assert net.node(net.nodes[0].id).params["shape"] == [1, 28, 28]
    assert "MLP" in dialog.about.text()


def test_new_from_the_gallery_lays_the_preset_out(make_window, monkeypatch):
    win = make_window(mlp())
    monkeypatch.setattr(gallery, "ask_new_network", lambda parent=None: gallery.preset_network("mlp"))
    assert win.new_network()
    ys = [n.pos[1] for n in win.doc.network.nodes]
    assert ys == sorted(ys) and win.stack.count() == 0


def test_a_network_laid_out_outside_the_app_opens_without_overlapping_blocks(make_window, tmp_path):
    """Files written by the command line keep the presets' positions (the app does not lay them
    out again): the blocks, as wide as the canvas draws them, must not overlap."""
    from dlstudio.zoo import build_preset
    net, _ = build_preset("inception", (1, 28, 28), 7)
    path = tmp_path / "inception.json"
    path.write_text(net.to_json(), encoding="utf-8")
    win = make_window()
    assert win.files.open_path(str(path))
    assert [n.pos for n in win.doc.network.nodes] == [n.pos for n in net.nodes]  # kept as written
    rects = [item.sceneBoundingRect().adjusted(3, 3, -3, -3) for item in win.scene.nodes.values()]
    assert len(rects) == len(net.nodes)
    overlaps = [(a, b) for i, a in enumerate(rects) for b in rects[i + 1:] if a.intersects(b)]
    assert not overlaps
