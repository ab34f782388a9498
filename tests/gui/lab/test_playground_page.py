"""The optimizer playground page: it animates, takes edits while running, restarts on a click
and focuses on an optimizer or a batch mode when asked."""
import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from dlstudio.engine.lab.surfaces import SURFACES, Noisy

KEY = "optimizers"


@pytest.fixture
def page(lab_page):
    return lab_page(KEY, show=False)


def test_play_runs_frames_and_pause_stops_them(page, qtbot):
    page.play()
    assert page.timer.isActive()
    start = page.frame_count
    qtbot.waitUntil(lambda: page.frame_count > start + 5, timeout=5000)
    assert page.playground.steps > 0
    # what is drawn is the engine's path
    t = page.playground.tracks["adam"]
    x, y = page.trails["adam"].getData()
    np.testing.assert_array_equal(x, t.path[:t.n + 1, 0])
    page.pause()
    frames = page.frame_count
    qtbot.wait(80)
    assert page.frame_count == frames and not page.timer.isActive()
    page.deactivate()
    page.play()
    assert not page.timer.isActive()          # a hidden page does not animate
    page.activate()
    assert page.timer.isActive()


def test_changing_lr_while_running_takes_effect(page, qtbot):
    page.play()
    qtbot.waitUntil(lambda: page.playground.steps > 2, timeout=5000)
    edit = page.edits[("sgd", "lr")]
    edit.clear()
    qtbot.keyClicks(edit, "0.123")
    track = page.playground.tracks["sgd"]
    assert track.optimizer.hyper["lr"] == 0.123
    assert track.n > 0                         # the path kept running, not restarted
    page.pause()
    p = track.p.copy()
    expected = p - 0.123 * page.playground.surface.grad(p)
    page.step_once()
    np.testing.assert_allclose(track.p, expected, rtol=1e-12)


def test_bad_text_is_shown_red_and_kept(page, qtbot):
    page.pause()
    for text in ("abc", "-1"):
        edit = page.edits[("adam", "lr")]
        edit.clear()
        qtbot.keyClicks(edit, text)
        assert edit.text() == text and edit.styleSheet() != ""
        assert "lr" in edit.toolTip()
        assert page.playground.tracks["adam"].optimizer.lr == SURFACES["ravine"].lrs["adam"]
    edit.clear()
    qtbot.keyClicks(edit, "0.2")
    assert edit.styleSheet() == "" and page.playground.tracks["adam"].optimizer.lr == 0.2


def test_set_start_restarts_every_path(page, qtbot):
    page.play()
    qtbot.waitUntil(lambda: page.playground.steps > 3, timeout=5000)
    page.set_start(2.0, -1.5)
    for t in page.playground.tracks.values():
        assert t.n == 0 and t.optimizer.t == 0
        np.testing.assert_array_equal(t.path[0], [2.0, -1.5])


def test_clicking_the_surface_sets_the_start(page, qtbot):
    page.pause()
    page.window().show()
    qtbot.waitExposed(page.window())
    view = page.surface_plot
    vb = view.getPlotItem().getViewBox()
    scene_pt = vb.mapViewToScene(QPointF(3.0, -1.0))
    widget_pt = view.mapFromScene(scene_pt)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=widget_pt)
    start = page.playground.start
    assert start[0] == pytest.approx(3.0, abs=0.1) and start[1] == pytest.approx(-1.0, abs=0.1)
    assert all(t.n == 0 for t in page.playground.tracks.values())


def test_surface_choice_loads_its_start_and_rates(page):
    page.pause()
    page.surface_box.setCurrentIndex(page.surface_box.findData("rosenbrock"))
    pg_ = page.playground
    np.testing.assert_array_equal(pg_.start, SURFACES["rosenbrock"].start)
    assert page.edits[("adam", "lr")].text() == f"{SURFACES['rosenbrock'].lrs['adam']:g}"
    assert pg_.tracks["adam"].optimizer.lr == SURFACES["rosenbrock"].lrs["adam"]


def test_a_diverged_path_is_marked(page):
    page.pause()
    edit = page.edits[("sgd", "lr")]
    edit.setText("5")
    edit.textEdited.emit("5")
    page.restart()
    page.playground.step(200)
    page._render(force_labels=True)
    assert page.playground.tracks["sgd"].diverged
    assert "diverged" in page.states["sgd"].text()
    assert "diverged" not in page.states["adam"].text()


def test_explain_optimizer_highlights_it(page):
    page.checks["rmsprop"].setChecked(False)
    page.explain("optimizer:rmsprop")
    pen = page.trails["rmsprop"].opts["pen"]
    other = page.trails["sgd"].opts["pen"]
    assert pen.widthF() > other.widthF()
    assert other.color().alpha() < pen.color().alpha()
    assert page.checks["rmsprop"].isChecked() and page.trails["rmsprop"].isVisible()


def test_checkbox_hides_an_optimizer(page):
    page.checks["adadelta"].setChecked(False)
    assert not page.trails["adadelta"].isVisible() and not page.loss_curves["adadelta"].isVisible()


def test_explain_batch_switches_the_gradient_noise(page):
    page.set_start(-5.0, 1.0)
    page.explain("batch:sgd")
    s = page.playground.surface
    assert isinstance(s, Noisy) and s.sigma == SURFACES["ravine"].noise
    assert "SGD" in page.note.text()
    np.testing.assert_array_equal(page.playground.start, [-5.0, 1.0])
    page.explain("batch:mbgd")
    assert page.playground.surface.sigma == pytest.approx(SURFACES["ravine"].noise / 4)
    page.explain("batch:bgd")
    assert not isinstance(page.playground.surface, Noisy)
    assert "BGD" in page.note.text()
