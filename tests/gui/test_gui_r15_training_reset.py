"""Issue 15: the training panel and live views after a run and after File → New.

- the Evaluation tab shows the current weights when it is shown again after a run;
- a new document starts with a clean panel (no curves, neutral status, no earlier runs of the
  old document) and live views reset to the new network;
- a look at the model for a live view is no training run: Pause / Stop stay disabled, the
  engine label returns to idle, and New does not ask to stop it.
"""
from __future__ import annotations

from training_helpers import RUN_MS, Discard, Yes, mlp_xor, ready, run

from dlstudio.spec import Network
from dlstudio.zoo import build_preset


def _show(win, view) -> None:
    win.bottom_tabs.setCurrentWidget(view)


def _look_done(c, qtbot) -> None:
    qtbot.waitUntil(lambda: not c.active and c.prepared, timeout=RUN_MS)


def test_evaluation_shown_again_after_a_run_reflects_the_trained_weights(make_window, qtbot, dialogs):
    win = make_window(mlp_xor())
    c = ready(win, qtbot, epochs=30, lr=0.05)
    ev = c.hub.evaluation
    assert ev.each_epoch.isChecked()
    _show(win, ev)
    qtbot.waitUntil(lambda: ev.result is not None and ev.button.isEnabled(), timeout=RUN_MS)
    before = ev.result
    _show(win, c.hub.maps)
    run(c, qtbot, fresh=True)
    assert ev.result is before  # hidden during the run: nothing computed yet
    _show(win, ev)
    qtbot.waitUntil(lambda: ev.result is not before and ev.button.isEnabled(), timeout=RUN_MS)
    shown = ev.result
    assert shown["loss"] != before["loss"]
    # the same as evaluating the current weights on demand
    ev.button.click()
    qtbot.waitUntil(lambda: ev.result is not shown and ev.button.isEnabled(), timeout=RUN_MS)
    assert abs(ev.result["loss"] - shown["loss"]) <= 1e-9 * max(1.0, abs(shown["loss"]))
    assert ev.result["accuracy"] == shown["accuracy"]
    assert "accuracy {:.1f} %".format(100 * shown["accuracy"]) in ev.summary.text()


def test_new_document_starts_with_a_clean_panel_and_reset_views(make_window, qtbot, dialogs):
    win = make_window(mlp_xor())
    c = ready(win, qtbot, epochs=2)
    hub = c.hub
    _show(win, hub.maps)
    _look_done(c, qtbot)
    assert "no conv or pool layers" in hub.maps.maps.message.toPlainText()
    run(c, qtbot, fresh=True)
    _show(win, hub.evaluation)
    qtbot.waitUntil(lambda: hub.evaluation.result is not None and hub.evaluation.button.isEnabled(),
                    timeout=RUN_MS)
    dialogs.answers["question"] = [Yes]  # start again from fresh weights
    run(c, qtbot, fresh=True)           # a second run: the first becomes an earlier run
    assert hub.curves.earlier and hub.curves.current.epochs
    assert hub.panel.progress.format().startswith("Finished")
    _show(win, hub.maps)

    dialogs.answers["question"] = [Discard]  # the trained weights are not saved
    lenet = build_preset("lenet5", (1, 28, 28), 10)[0]
    assert win.files.new_network(lenet)
    cur = hub.curves.current
    assert cur.bx.n == 0 and not cur.epochs and hub.curves.earlier == []
    assert hub.curves.empty_label.isVisible()
    for plot in (hub.curves.p_batch, hub.curves.p_epoch, hub.curves.p_acc):   # not the last run's axes
        (x0, x1), (y0, y1) = plot.getViewBox().viewRange()
        assert x1 <= 1.5 and y1 <= 1.5, plot
    assert hub.panel.progress.format() == "Ready" and hub.panel.progress.value() == 0
    assert not hub.panel.details.text().strip()
    assert "Finished" not in hub.panel.status.text()
    assert hub.evaluation.result is None and "accuracy" not in hub.evaluation.summary.text()
    assert hub.maps.info is None and hub.maps.layer.count() == 0
    assert "no conv or pool layers" not in hub.maps.maps.message.toPlainText()
    assert c.hub._last_probe is None

    dialogs.answers["question"] = []
    assert win.files.new_network(Network(name="empty"))  # Empty too
    assert hub.curves.current.bx.n == 0 and hub.curves.earlier == []
    assert hub.panel.progress.format() == "Ready"


def _look(win, qtbot):
    c = ready(win, qtbot)
    win.bottom_tabs.setCurrentWidget(c.hub.maps)  # a live view wants the model: a look starts
    assert c.state == "preparing"
    return c


def test_a_look_at_the_model_cannot_be_paused_or_stopped(make_window, qtbot, dialogs):
    win = make_window(mlp_xor())
    c = ready(win, qtbot)
    hub, a = c.hub, win.acts
    assert not hub.panel.pause_button.isEnabled() and not hub.panel.stop_button.isEnabled()
    _look(win, qtbot)
    assert not hub.panel.pause_button.isEnabled() and not hub.panel.stop_button.isEnabled()
    assert not a.train_pause.isEnabled() and not a.train_stop.isEnabled()
    _look_done(c, qtbot)
    assert hub.panel.start_button.isEnabled()
    assert not hub.panel.pause_button.isEnabled() and not hub.panel.stop_button.isEnabled()


def test_the_engine_label_returns_to_idle_after_a_look(make_window, qtbot, dialogs):
    win = make_window(mlp_xor())
    c = _look(win, qtbot)
    _look_done(c, qtbot)
    qtbot.wait(50)
    assert win.engine_label.text() == "Engine: idle"


def test_new_during_a_look_does_not_ask_to_stop_training(make_window, qtbot, dialogs):
    win = make_window(mlp_xor())
    c = _look(win, qtbot)
    assert win.files.new_network(mlp_xor())     # dialogs fail on any unexpected question
    assert not c.active and not dialogs.asked
    assert win.engine_label.text() == "Engine: idle"


def test_pause_and_stop_are_enabled_while_a_run_trains(make_window, qtbot, dialogs):
    win = make_window(mlp_xor())
    c = ready(win, qtbot, epochs=100_000)
    assert c.start(True)
    qtbot.waitUntil(lambda: c.state == "training", timeout=RUN_MS)
    p = c.hub.panel
    assert p.pause_button.isEnabled() and p.stop_button.isEnabled() and win.acts.train_pause.isEnabled()
    assert c.stop_and_wait()
    assert not p.pause_button.isEnabled() and not p.stop_button.isEnabled()


def test_the_finished_line_counts_epochs_in_the_singular_and_plural(make_window, qtbot, dialogs):
    win = make_window(mlp_xor())
    c = ready(win, qtbot, epochs=1)
    run(c, qtbot)
    assert c.hub.panel.progress.format().startswith("Finished · 1 epoch ·")
    dialogs.answers["question"].append(Yes)     # start again from fresh weights
    c = ready(win, qtbot, epochs=2)
    run(c, qtbot, fresh=True)
    assert c.hub.panel.progress.format().startswith("Finished · 2 epochs ·")
