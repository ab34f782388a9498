"""Training from the app: start, pause, resume, stop, continue; live curves; NaN; closing and
saving during a run. Runs are tiny (an MLP on 200 xor points) and waited for with signals."""
from __future__ import annotations

import csv

import numpy as np
import pytest
from training_helpers import RUN_MS, Discard, Save, Yes, mlp_xor, ready, relu_net, run, trained

from PySide6.QtWidgets import QMessageBox

from dlstudio.io import load_model
from dlstudio.spec import Network

def test_a_run_trains_and_the_curves_receive_every_batch(make_window, qtbot):
    win = make_window(mlp_xor())
    c = ready(win, qtbot, epochs=3)
    assert c.hub.panel.start_button.isEnabled() and c.hub.panel.start_button.text() == "Start"
    run(c, qtbot)
    curves = c.hub.curves.current
    assert curves.bx.n == 3 * 5  # 160 training samples in batches of 32, three epochs
    assert [e["epoch"] for e in curves.epochs] == [1, 2, 3]
    x, y = curves.sm.getData()
    assert len(x) == 15 and np.all(np.isfinite(y))
    assert len(curves.vl.getData()[0]) == 3 and len(curves.va.getData()[0]) == 3
    assert win.files.results_dirty and win.isWindowModified() and win.files.has_training()
    assert win.files.bundle.training["epochs_done"] == 3
    assert "Finished · 3 epochs" in c.hub.panel.progress.format()
    assert c.hub.panel.start_button.text() == "Continue" and not win.editor.locked
    assert not c.thread.isFinished() and c.state == "idle"


def test_pause_locks_the_network_resume_stop_and_continue_count_on(make_window, qtbot):
    win = make_window(mlp_xor())
    c = ready(win, qtbot, epochs=100_000)
    nodes_before = win.doc.network.to_dict()
    assert c.start(True)
    c.pause()  # right away: the worker may have run a few batches already (it is a thread of its own)
    qtbot.waitUntil(lambda: c.state == "paused", timeout=RUN_MS)
    qtbot.wait(300)   # the views take the batches done before the pause on their next ticks (10 Hz)
    paused_at = c.hub.curves.current.bx.n
    assert c.hub.panel.pause_button.text() == "Resume" and c.hub.panel.stop_button.isEnabled()
    # while a run is active the network cannot change
    assert win.editor.locked and not win.inspector.isEnabled() and not win.palette_panel.isEnabled()
    assert "locked" in win.view.banner_text()
    assert win.editor.add_layer("Dense") == "" and not win.acts.undo.isEnabled()
    win.editor.set_param("dense1", "units", 5)
    assert win.doc.network.to_dict() == nodes_before
    qtbot.wait(300)
    assert c.hub.curves.current.bx.n == paused_at  # no batch while paused
    c.resume()
    qtbot.waitUntil(lambda: c.live.latest_probe() is not None and c.hub.curves.current.bx.n > paused_at + 20,
                    timeout=RUN_MS)
    with qtbot.waitSignal(c.sigRunFinished, timeout=RUN_MS, check_params_cb=trained) as blocker:
        c.stop()
    assert blocker.args[0] == "stopped"
    assert not win.editor.locked and win.inspector.isEnabled() and win.view.banner_text() is None
    done = win.files.bundle.training["epochs_done"]
    assert done < 100_000 and win.files.has_training()
    before = len(c.hub.curves.current.epochs)
    c.hub.setup.epochs.setValue(2)
    run(c, qtbot)  # Continue: the same optimizer state, epochs counted on
    assert win.files.bundle.training["epochs_done"] == done + 2
    epochs = [e["epoch"] for e in c.hub.curves.current.epochs]
    assert epochs == list(range(1, done + 3)) and len(epochs) == before + 2
    assert c.hub.curves.earlier == []  # a continued run extends its curves


def test_restart_keeps_the_earlier_run_faded(make_window, qtbot, dialogs):
    win = make_window(mlp_xor())
    c = ready(win, qtbot, epochs=1)
    run(c, qtbot)
    dialogs.answers["question"] = [Yes]  # the trained weights are not saved: start again anyway
    run(c, qtbot, fresh=True)
    assert "not saved" in dialogs.asked[-1][1]
    assert len(c.hub.curves.earlier) == 1 and c.hub.curves.earlier[0].items
    c.hub.curves.set_run_visible(c.hub.curves.earlier[0], False)
    assert not c.hub.curves.earlier[0].items[0].isVisible()


def test_nan_stops_the_run_with_the_layer_and_a_remedy(make_window, qtbot, dialogs):
    win = make_window(relu_net())
    c = ready(win, qtbot, epochs=5, optimizer="sgd", lr=1000, loss="mse")
    run(c, qtbot, expect="failed")
    (warning,) = dialogs.warnings
    # where it broke: the first layer with non-finite weights or outputs, or the loss itself
    # (mse of huge but finite outputs overflows first); and what to do about it
    where = "layer 'd1'" if "layer 'd1'" in warning else "the loss became inf"
    assert warning.startswith("Training stopped:") and where in warning and "lower learning rate" in warning
    assert where in c.hub.panel.status.text()
    assert not win.files.results_dirty and not win.editor.locked and c.state == "idle"


def test_incompatible_choices_are_explained_before_starting(make_window, qtbot):
    win = make_window(mlp_xor())
    c = ready(win, qtbot, data="sine?n=100")
    problems = c.problems()
    assert any("shape [50, 1]" in p and "expects [2]" in p for p in problems)
    assert not c.hub.panel.start_button.isEnabled() and not c.start(True)
    assert "Cannot start yet" in c.hub.setup.problems.text()
    c = ready(win, qtbot, data="xor?n=200", loss="mae")
    assert any("mae is a regression loss" in p for p in c.problems())
    c.hub.setup.loss.setCurrentText("cross_entropy")
    assert c.problems() == [] and c.hub.panel.start_button.isEnabled()


def test_closing_during_training_stops_the_worker_and_offers_to_save(make_window, qtbot, dialogs, tmp_path):
    win = make_window(mlp_xor())
    c = ready(win, qtbot, epochs=100_000)
    assert c.start(True)
    qtbot.waitUntil(lambda: c.hub.curves.current.bx.n > 10, timeout=RUN_MS)
    path = tmp_path / "closing.dls"
    dialogs.answers["question"] = [Yes, Save]
    dialogs.answers["save"] = [str(path)]
    assert win.close()
    assert dialogs.asked[0][1].startswith("Training is running") and dialogs.asked[1][1].startswith("Unsaved")
    assert c.thread.isFinished() and not c.worker.busy and c.state == "idle"
    b = load_model(path)
    assert b.history["batches"] and b.training["trainer"]["epochs_done"] == b.training["epochs_done"]


def test_save_during_training_and_reopen_with_history(make_window, qtbot, dialogs, tmp_path):
    win = make_window(mlp_xor())
    c = ready(win, qtbot, epochs=100_000)
    assert c.start(True)
    qtbot.waitUntil(lambda: len(c.hub.curves.current.epochs) >= 2, timeout=RUN_MS)
    path = tmp_path / "during.dls"
    dialogs.answers["save"] = [str(path)]
    assert win.files.save_as()  # taken between batches while the run goes on
    assert c.active
    saved = load_model(path)
    assert saved.training["epochs_done"] >= 2 and len(saved.history["epochs"]) >= 2
    assert c.stop_and_wait()
    dialogs.answers["question"] = [Discard]
    assert win.files.open_path(str(path))
    curves = c.hub.curves.current
    assert curves.label == "during.dls (history)"
    assert [e["epoch"] for e in curves.epochs] == [e["epoch"] for e in saved.history["epochs"]]
    assert curves.bx.n == len(saved.history["batches"]) and c.hub.curves.earlier == []  # another document
    assert c.hub.panel.start_button.text() == "Continue"
    c.hub.setup.epochs.setValue(1)
    qtbot.waitUntil(lambda: c.hub.setup.dataset is not None, timeout=20_000)
    run(c, qtbot)
    assert win.files.bundle.training["epochs_done"] == saved.training["epochs_done"] + 1


def test_opening_another_file_during_training_stops_it_and_keeps_the_results(make_window, qtbot, dialogs,
                                                                             tmp_path):
    """Opening a file while a run trains asks to stop it (Cancel keeps training), then whether to
    save what it learned; the saved model holds the run up to where it stopped."""
    other = tmp_path / "other.json"
    other.write_text(__import__("json").dumps(relu_net().to_dict()))
    win = make_window(mlp_xor())
    c = ready(win, qtbot, epochs=100_000)
    assert c.start(True)
    qtbot.waitUntil(lambda: len(c.hub.curves.current.epochs) >= 2, timeout=RUN_MS)
    dialogs.answers["question"] = [QMessageBox.StandardButton.Cancel]
    assert not win.files.open_path(str(other))  # the user changed their mind: training goes on
    assert c.active and win.doc.network.name == mlp_xor().name
    path = tmp_path / "kept.dls"
    dialogs.answers["question"] = [Yes, Save]
    dialogs.answers["save"] = [str(path)]
    assert win.files.open_path(str(other))
    assert [q[1].split(":")[0] for q in dialogs.asked[-3:]] == ["Training is running", "Unsaved changes",
                                                                "Save trained model"]
    assert not c.active and not c.worker.busy and c.state == "idle"
    assert win.doc.network.name == relu_net().name and c.hub.panel.start_button.text() == "Start"
    kept = load_model(path)
    epochs = kept.training["epochs_done"]
    assert epochs >= 2 and [e["epoch"] for e in kept.history["epochs"]] == list(range(1, epochs + 1))


def test_save_after_training_and_reopen_with_weights_and_history(make_window, qtbot, dialogs, tmp_path):
    win = make_window(mlp_xor())
    c = ready(win, qtbot, epochs=3)
    run(c, qtbot)
    path = tmp_path / "after.dls"
    dialogs.answers["save"] = [str(path)]
    assert win.files.save_as() and not win.files.results_dirty
    trained_weights = {k: v.copy() for k, v in win.files.bundle.weights.items()}
    history = c.hub.curves.current
    batches, epochs = history.bl.view().copy(), [dict(e) for e in history.epochs]
    assert win.files.open_path(str(path))
    b = win.files.bundle
    assert set(b.weights) == set(trained_weights)
    assert all(np.array_equal(b.weights[k], trained_weights[k]) for k in trained_weights)
    curves = c.hub.curves.current
    assert np.allclose(curves.bl.view(), batches) and [e["epoch"] for e in curves.epochs] == [1, 2, 3]
    assert [e["val_loss"] for e in curves.epochs] == pytest.approx([e["val_loss"] for e in epochs])
    assert c.hub.panel.start_button.text() == "Continue"


def test_evaluation_predict_and_curve_export(make_window, qtbot, tmp_path):
    win = make_window(mlp_xor())
    c = ready(win, qtbot, epochs=3)
    run(c, qtbot)
    hub = c.hub
    win.bottom_tabs.setCurrentWidget(hub.evaluation)
    qtbot.waitUntil(lambda: hub.evaluation.result is not None, timeout=RUN_MS)
    r = hub.evaluation.result
    assert r["set"] == "validation" and r["confusion"].sum() == 40 == r["samples"]
    assert r["confusion"].shape == (2, 2) and 0 <= np.nanmin(r["per_class"]) <= 1
    assert all(w["true"] != w["pred"] for w in r["worst"])
    win.bottom_tabs.setCurrentWidget(hub.predict)
    hub.predict.sample.spin.setValue(7)
    qtbot.waitUntil(lambda: hub.predict.result is not None, timeout=RUN_MS)
    qtbot.waitUntil(lambda: np.allclose(hub.predict.result["out"], model_output(win, hub, 7)), timeout=RUN_MS)
    probs = hub.predict.result["probs"]
    assert probs.sum() == pytest.approx(1.0) and hub.predict.answer.text()
    csv_path, png_path = tmp_path / "curves.csv", tmp_path / "curves.png"
    hub.curves.export_csv(str(csv_path))
    with open(csv_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert sum(r["kind"] == "batch" for r in rows) == 15 and sum(r["kind"] == "epoch" for r in rows) == 3
    assert hub.curves.export_png(str(png_path)) and png_path.stat().st_size > 1000


def test_evaluation_and_predict_of_a_regression_model(make_window, qtbot):
    """A regression network: the evaluation shows its errors' distribution, predictions against
    targets and the samples with the largest errors; Predict shows the output against the
    chosen sample's target, with no drawing pad for sequence inputs."""
    net = Network(name="adder")
    net.add("in", "Input", {"shape": [10, 2]}, pos=(0, 0))
    net.add("lstm", "LSTM", {"units": 8}, after="in", pos=(0, 90))
    net.add("out", "Dense", {"units": 1}, after="lstm", pos=(0, 180))
    win = make_window(net)
    c = ready(win, qtbot, data="adding:10?n=200", epochs=2)
    run(c, qtbot)
    hub = c.hub
    curves = hub.curves  # the third plot: the mean absolute error per epoch, not an empty accuracy plot
    maes = [e["val_mae"] for e in curves.current.epochs]
    assert len(maes) == 2 and all(m > 0 for m in maes) and curves._metric_title == "Mean absolute error"
    assert list(curves.current.va.getData()[1]) == pytest.approx(maes) and curves.p_acc.isVisible()
    ev = hub.evaluation
    win.bottom_tabs.setCurrentWidget(ev)
    qtbot.waitUntil(lambda: ev.result is not None and ev.result["kind"] == "regression", timeout=RUN_MS)
    r = ev.result
    ds = hub.predict.dataset
    counts, edges = r["errors"]
    assert counts.sum() == r["samples"] == 40 and len(edges) == len(counts) + 1
    errors = np.abs(r["pred"] - r["true"])
    assert r["mae"] == pytest.approx(errors.mean())
    worst = [abs(float(w["pred"][0] - w["true"][0])) for w in r["worst"]]
    assert worst == sorted(worst, reverse=True) and worst[0] == pytest.approx(errors.max())
    assert ev.wrong_label.text() == "Largest errors" and ev.wrong.count() == len(r["worst"])
    assert ev.graphics.ci.getItem(0, 0) is ev.p_err  # the histogram in the confusion matrix's place
    p = hub.predict
    win.bottom_tabs.setCurrentWidget(p)
    assert not p.pad.isVisible() and not p.use_pad.isEnabled() and not p.layer.isVisible()
    p.sample.spin.setValue(3)
    qtbot.waitUntil(lambda: p.result is not None and np.allclose(p.result["out"], model_output(win, hub, 3)),
                    timeout=RUN_MS)
    target = float(ds.y[3].reshape(-1)[0])
    xs, ys = p.targets.getData()
    assert list(xs) == pytest.approx([target]) and list(ys) == [0]
    assert f"target {target:.4g}" in p.answer.text() and p.result["probs"] is None
    assert p.seq_plot.isVisible()  # the sample's sequence, one line per feature
    assert [list(line.getData()[1]) for line in p._seq_lines] == [list(ds.x[3][:, j]) for j in range(2)]


def model_output(win, hub, i):
    from dlstudio.engine.model import Model
    m = Model(Network.from_dict(win.doc.network.to_dict()))
    m.set_weights(win.files.bundle.weights)
    return m.forward(hub.predict.dataset.x[i:i + 1])[0]


def test_space_on_the_canvas_starts_and_the_train_action_is_enabled(make_window, qtbot):
    win = make_window(mlp_xor())
    c = ready(win, qtbot, epochs=1)
    assert win.acts.train.isEnabled()
    with qtbot.waitSignal(c.sigRunFinished, timeout=RUN_MS, check_params_cb=trained):
        win.view.sigSpaceTapped.emit()
    assert win.files.bundle.training["epochs_done"] == 1


def test_screenshot_of_a_training_run(qapp, tmp_path, settings_dir, dialogs):
    from PySide6.QtGui import QImage

    from dlstudio.gui.app import main
    path = tmp_path / "train.png"
    args = ["--screenshot", str(path), "--size", "1100x700", "mlp", "--data", "xor?n=200", "--train", "2",
            "--view", "evaluation"]
    assert main(args) == 0
    assert QImage(str(path)).width() == 1100 and not dialogs.asked and not dialogs.warnings
    assert main(["--screenshot", str(path), "mlp", "--data", "nope", "--train", "1"]) == 2


def test_a_model_file_from_the_command_line_predicts_and_shows_its_history(make_window, qtbot, dialogs, tmp_path):
    from dlstudio.cli import main
    path = tmp_path / "cli.dls"
    assert main(["train", "mlp", "--data", "xor?n=200", "--epochs", "2", "--optimizer", "sgd", "--lr", "0.1",
                 "--out", str(path)]) == 0
    win = make_window(mlp_xor())
    assert win.files.open_path(str(path), ask=False)
    c = win.training
    win.acts.train_panel.trigger()
    assert c.hub.setup.spec.text() == "xor?n=200" and c.hub.setup.optimizer.currentText() == "sgd"
    assert [e["epoch"] for e in c.hub.curves.current.epochs] == [1, 2]
    qtbot.waitUntil(lambda: c.hub.setup.dataset is not None, timeout=20_000)
    win.bottom_tabs.setCurrentWidget(c.hub.predict)  # no run in this session: the model is prepared for it
    qtbot.waitUntil(lambda: c.hub.predict.result is not None, timeout=RUN_MS)
    assert c.state == "idle" and c.prepared and not win.files.results_dirty
    assert c.hub.panel.start_button.text() == "Continue"


def test_evaluate_on_a_network_that_cannot_run_says_why_and_never_hangs(make_window, qtbot):
    # an empty network: Evaluate (button or menu) used to leave the view at "Evaluating…" with the
    # button disabled for good; now it is disabled with the reason, and the menu action says it
    win = make_window(Network(name="empty"))
    c = ready(win, qtbot, data="xor?n=200")
    ev = c.hub.evaluation
    win.bottom_tabs.setCurrentWidget(ev)
    assert c.problems()
    assert not ev.button.isEnabled() and "Cannot evaluate" in ev.button.toolTip()
    assert "Input" in ev.summary.text()
    with qtbot.waitSignal(c.sigMessage, timeout=5_000) as said:
        win.acts.train_evaluate.trigger()
    assert said.args[0].startswith("Cannot evaluate") and "Input" in said.args[0]
    assert ev.summary.text() != "Evaluating…" and not c._pending
    # a network that can run: Evaluate is back, with its own tooltip, and evaluates
    win.files.load_network(mlp_xor(), layout=True)
    qtbot.waitUntil(lambda: ev.button.isEnabled(), timeout=5_000)
    assert "Cannot" not in ev.button.toolTip() and "Cannot" not in ev.summary.text()
    ev.button.click()
    qtbot.waitUntil(lambda: ev.result is not None, timeout=RUN_MS)
    assert ev.result["samples"] == 40 and ev.button.isEnabled()


def test_train_pressed_while_the_data_load_starts_once_they_are_there(make_window, qtbot):
    # the Train action opens the panel and loads the data; it used to answer "Cannot start: the
    # data are still loading" and do nothing
    win = make_window(mlp_xor())
    c = win.training
    s = c.hub.setup
    s.epochs.setValue(2)
    s.set_data_spec("xor?n=203")            # not loaded before in this process: it loads now
    assert c.loader.loading and s.dataset is None
    with qtbot.waitSignal(c.sigMessage, timeout=5_000) as said:
        assert c.start(None)
    assert said.args[0] == "Training starts once the data have loaded"
    with qtbot.waitSignal(c.sigRunFinished, timeout=RUN_MS, check_params_cb=trained) as finished:
        pass
    assert finished.args[0] == "done" and len(c.hub.curves.current.epochs) == 2
    # Stop while waiting forgets the Start
    s.set_data_spec("xor?n=207")
    assert c.loader.loading and c.start(None)
    c.stop()
    qtbot.waitUntil(lambda: s.dataset is not None and not c.loader.loading, timeout=20_000)
    qtbot.wait(200)
    assert not c.active and c.state == "idle"


def test_the_engine_helper_threads_train_at_the_lower_priority_too(make_window, qtbot):
    # the engine's helper threads (engine/chunks.py) do half of a 2-core run; started by the
    # warm-up or by anything else before the first run, they kept normal priority and competed
    # with the window's thread while only the training thread itself was lowered
    import os
    from dlstudio.engine import chunks
    from dlstudio.gui.training.worker import NICE
    if not hasattr(os, "getpriority"):
        pytest.skip("thread priorities are a Linux feature here")
    chunks.run_chunks(lambda k, n: None, 2)      # a team exists, started by this (normal) thread
    helpers = chunks.helper_native_ids()
    assert helpers
    win = make_window(mlp_xor())
    c = ready(win, qtbot, epochs=1)
    run(c, qtbot)
    assert all(os.getpriority(os.PRIO_PROCESS, tid) >= NICE for tid in helpers)
