"""The Experiments page: it runs an experiment in its worker thread, draws what the framework
measured (checked against an independent run of the same seeded experiment), shows the verdict,
stops cleanly, opens a run's network in the builder and opens experiment files (good and bad)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from dlstudio.data import load_dataset
from dlstudio.experiments import builtin_names, load_experiment, run_experiment
from dlstudio.gui.lab.evidence import number, verdict_text
from dlstudio.gui.lab.experiments import NAME_ROLE
from dlstudio.run import outputs_for

KEY = "experiments"
MB = QMessageBox.StandardButton


def experiment(tmp_path, epochs: int = 3, name: str = "tiny") -> str:
    doc = {"format": "dlstudio-experiment", "version": 1, "name": name, "title": "Tiny test experiment",
           "claim": "A ReLU layer helps on spirals.", "article": {"lines": [10], "quote": "线性的组合还是线性"},
           "data": "spirals?n=120", "seeds": [0, 1],
           "defaults": {"epochs": epochs, "batch_size": 32, "optimizer": "adam", "lr": 0.01},
           "runs": [{"id": "linear", "label": "one Dense", "network": {"chain": [["Dense", {"units": "outputs"}]]}},
                    {"id": "relu", "label": "Dense 8, ReLU, Dense",
                     "network": {"chain": [["Dense", {"units": 8}], ["ReLU", {}], ["Dense", {"units": "outputs"}]]}}],
           "measure": "train", "figures": {"acc": "max.val_accuracy", "loss": "final.train_loss"},
           "verdict": [{"when": "relu.acc.mean > linear.acc.mean + 0.01", "then": "supported",
                        "because": "{relu.acc.mean:.2f} vs {linear.acc.mean:.2f}"},
                       {"when": "relu.acc.mean < linear.acc.mean - 0.01", "then": "not_supported",
                        "because": "{relu.acc.mean:.2f} vs {linear.acc.mean:.2f}"},
                       {"then": "depends", "because": "{relu.acc.mean:.2f} vs {linear.acc.mean:.2f}"}],
           "plots": [{"title": "Validation accuracy", "series": "val_accuracy", "x": "epoch", "y": "accuracy"},
                     {"title": "Training loss", "series": "train_loss", "x": "epoch", "y": "loss", "log_y": True}]}
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _page(qtbot):
    """(window, page) from the shared `lab_page` fixture, at the window's own size and shown.

    The tests call this with their `qtbot`; the fixture is taken through qtbot's request."""
    page = qtbot._request.getfixturevalue("lab_page")(KEY, size=None)
    return page.window(), page


def test_the_builtins_are_listed(qtbot):
    _, page = _page(qtbot)
    listed = sorted(page.list.item(i).data(NAME_ROLE) for i in range(page.list.count()))
    assert listed == sorted(builtin_names())
    assert page.experiment is not None and page.run_button.isEnabled()


def test_run_fills_the_plots_and_shows_the_verdict(qtbot, tmp_path):
    path = experiment(tmp_path)
    _, page = _page(qtbot)
    assert page.open_file(path)
    assert "A ReLU layer helps" in page.claim.text() and "线性的组合还是线性" in page.claim.text()
    assert "line 10" in page.claim.text()
    assert page.runs.rowCount() == 2 and set(page.open_buttons) == {"linear", "relu"}
    page.start()
    assert not page.run_button.isEnabled() and page.stop_button.isEnabled()
    qtbot.waitUntil(lambda: page.result is not None, timeout=60_000)
    assert not page.runner.running and page.run_button.isEnabled()
    # the same seeded experiment run here, on its own: what the page drew must be its numbers
    ref = run_experiment(load_experiment(path))
    assert page.series_events > 0
    for plot in page.evidence.plots:
        for rid in ("linear", "relu"):
            x, y = plot.mean_of(rid)
            ys = np.array(ref["series"][rid][plot.series]["y"], np.float64)
            assert len(x) == ys.shape[1] == 3
            np.testing.assert_allclose(x, ref["series"][rid][plot.series]["x"])
            np.testing.assert_allclose(y, ys.mean(axis=0), rtol=1e-5)
    assert page.result["verdict"] == ref["verdict"]
    assert page.evidence.badge.text() == verdict_text(ref["verdict"])
    assert page.evidence.because.text().lower() == ref["because"].lower()
    rows = {(r[0], r[1].split(" ")[0]): r for r in page.evidence.figure_rows()}
    assert rows[("relu", "acc")][2] == number(ref["figures"]["relu.acc"]["mean"])
    assert rows[("linear", "loss")][2] == number(ref["figures"]["linear.loss"]["mean"])
    assert page.progress.value() == 1000
    page.shutdown()
    assert not page.runner.is_thread_running()


def test_stop_midway_keeps_the_curves_and_says_stopped(qtbot, tmp_path):
    path = experiment(tmp_path, epochs=3000, name="long")
    _, page = _page(qtbot)
    assert page.open_file(path)
    page.start()
    qtbot.waitUntil(lambda: page.runner.state.series_count() > 0, timeout=60_000)
    qtbot.waitUntil(lambda: None is not re.search(r"^run \w+, seed [12] of 2 — epoch [1-9]\d*/3000", page.progress.format()),
                    timeout=180_000)   # a fresh clone compiles first; on a loaded machine that took over 60 s
    page.stop()
    qtbot.waitUntil(lambda: page.result is not None, timeout=30_000)
    assert page.result["stopped"] is True and page.result["verdict"] is None
    assert page.evidence.badge.text() == "Stopped"
    assert page.progress.format().startswith("Stopped")
    drawn = [plot.mean_of("linear")[0] for plot in page.evidence.plots]
    assert any(len(x) for x in drawn)                        # what was drawn stays
    assert max(len(x) for x in drawn) < 3000                 # and it really stopped early
    assert page.run_button.isEnabled() and not page.stop_button.isEnabled()
    thread = page.runner.thread
    page.shutdown()
    assert thread.isFinished()


def test_failed_run_is_reported_not_raised(qtbot, tmp_path):
    path = experiment(tmp_path)
    _, page = _page(qtbot)
    assert page.open_file(path)
    page.experiment.data = "no-such-data"
    page.start()
    qtbot.waitUntil(lambda: page.error is not None, timeout=30_000)
    assert page.evidence.badge.text() == "Failed"
    assert "no-such-data" in page.evidence.because.text()
    page.shutdown()


def test_open_in_builder_opens_the_network_in_the_main_window(make_window, dialogs, qtbot, tmp_path):
    path = experiment(tmp_path)
    win = make_window()
    lab = win.open_lab(KEY)
    page = lab.pages[KEY]
    assert page.open_file(path)
    dense = next(n for n in win.doc.network.nodes if n.type == "Dense")
    win.editor.set_param(dense.id, "units", 7)          # unsaved changes: the usual prompt first
    dialogs.answers["question"] = [MB.Discard]
    page.open_buttons["relu"].click()
    ds = load_dataset("spirals?n=120")
    expected = load_experiment(path).run("relu").network_document(ds.sample_shape, outputs_for(ds))
    got = win.doc.network
    assert [n.type for n in got.nodes] == [n.type for n in expected.nodes] == ["Input", "Dense", "ReLU", "Dense"]
    assert [n.params for n in got.nodes] == [n.params for n in expected.nodes]
    assert got.nodes[-1].params["units"] == outputs_for(ds)
    assert not win.files.is_dirty()
    assert [k for k, _ in dialogs.asked] == ["question"]
    lab.close()


def test_open_in_builder_cancelled_keeps_the_document(make_window, dialogs, tmp_path):
    path = experiment(tmp_path)
    win = make_window()
    dense = next(n for n in win.doc.network.nodes if n.type == "Dense")
    win.editor.set_param(dense.id, "units", 7)
    before = win.doc.network.to_dict()
    page = win.open_lab(KEY).pages[KEY]
    assert page.open_file(path)
    dialogs.answers["question"] = [MB.Cancel]
    page.open_network("relu")
    assert dialogs.asked and "Save the changes" in dialogs.asked[-1][1]
    assert win.doc.network.to_dict() == before
    win.lab.close()


def test_file_open_of_an_experiment_opens_the_experiments_page(make_window, dialogs, tmp_path):
    path = experiment(tmp_path)
    win = make_window()
    before = win.doc.network.to_dict()
    dialogs.answers["open"] = [path]
    assert win.open_file()
    page = win.lab.pages[KEY]
    assert win.lab.current == KEY and page.experiment.name == "tiny"
    assert win.doc.network.to_dict() == before          # the builder's network is left alone
    assert not dialogs.warnings
    assert win.files.recent_files()[0].endswith("tiny.json")
    win.lab.close()


def test_a_bad_experiment_file_gives_a_message(make_window, dialogs, tmp_path):
    bad = json.loads(Path(experiment(tmp_path)).read_text(encoding="utf-8"))
    bad["runs"][1]["settings"] = {"lr": "abc"}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    win = make_window()
    assert not win.files.open_path(str(path))
    assert len(dialogs.warnings) == 1
    assert "Cannot open experiment" in dialogs.warnings[0] and "runs[1].settings.lr" in dialogs.warnings[0]
    # and from the page's own button, a file that is not JSON at all
    page = win.lab.pages[KEY]
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json")
    dialogs.answers["open"] = [str(garbage)]
    assert not page.open_dialog()
    assert "not valid JSON" in dialogs.warnings[-1]
    assert page.experiment is not None                   # what was shown before stays
    win.lab.close()


@pytest.mark.parametrize("size", [(1280, 820), (1024, 700)])
def test_the_page_fits_small_windows(qtbot, size):
    w, page = _page(qtbot)
    w.resize(*size)
    qtbot.wait(20)
    assert page.run_button.isVisible() and page.progress.isVisible()
    assert page.evidence.badge.isVisible()
    for plot in page.evidence.plots:
        assert plot.widget.height() >= 120 and plot.widget.width() >= 160


def test_the_state_hands_over_only_what_is_new():
    from dlstudio.gui.lab.experiment_worker import ExperimentState
    s = ExperimentState()
    s.on_event({"event": "series", "run": "a", "seed": 0, "name": "loss", "x": [1.0], "y": [0.5]})
    s.on_event({"event": "series", "run": "a", "seed": 0, "name": "loss", "x": [1.0, 2.0], "y": [0.5, 0.4]})
    s.on_event({"event": "progress", "done": 0, "total": 2, "run": "a", "seed": 0, "text": "a · seed 0"})
    u = s.take()
    assert u.series == {("a", 0, "loss"): ([1.0, 2.0], [0.5, 0.4])} and u.progress["total"] == 2
    u = s.take()
    assert u.series == {} and u.progress is None
    s.on_event({"event": "series", "run": "b", "seed": 1, "name": "loss", "x": [1.0], "y": [0.9]})
    assert list(s.take().series) == [("b", 1, "loss")] and s.series_count() == 2
