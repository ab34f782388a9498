"""The Decision regions page: it trains in the background, redraws the regions while the network
learns, and what it draws is the engine's own answer on the grid."""
from __future__ import annotations

import numpy as np

from dlstudio.data.registry import load_dataset
from dlstudio.engine.lab import regions as R
from dlstudio.engine.model import Model

KEY = "regions"


def _page(qtbot):
    """(window, page) from the shared `lab_page` fixture, at the window's own size and shown.

    The tests call this with their `qtbot`; the fixture is taken through qtbot's request."""
    page = qtbot._request.getfixturevalue("lab_page")(KEY, size=None)
    return page.window(), page


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def test_page_trains_and_redraws_the_regions(qtbot):
    w, page = _page(qtbot)
    page.data.setCurrentText("xor")
    page.layers.setText("6, 4")
    page.layers.editingFinished.emit()
    assert page.run is not None and page.view.regions is not None   # the untrained network, drawn at once
    first = page.view.shown_image().copy()
    count = page.refresh_count
    page.start()
    qtbot.waitUntil(lambda: page.refresh_count >= count + 5 and len(page.run.snapshot().epochs) >= 3,
                    timeout=30_000)
    assert not np.array_equal(page.view.shown_image(), first)          # the background changed
    page.stop()
    assert page.start_button.text() == "Start"
    run = page.run
    run.stop()                       # ends the thread; its last snapshot is the final weights'
    qtbot.waitUntil(lambda: run.snapshot().state == "stopped", timeout=5_000)
    page.tick()
    shown = page.view.regions
    # the same network rebuilt from the run's weights, evaluated here on the page's grid
    ds = load_dataset("xor?n=400", seed=0)
    m = Model(R.mlp([6, 4], "Tanh", 2))
    m.set_weights(run.model.weights())
    out = m.predict(shown.grid.points).astype(np.float64)
    np.testing.assert_allclose(shown.probs.reshape(-1, 2), _softmax(out), rtol=1e-4, atol=1e-5)
    m.forward(shown.grid.points)
    np.testing.assert_allclose(shown.hidden["act1"].reshape(-1, 6), m.values["act1"], rtol=1e-5, atol=1e-6)
    assert sorted(shown.hidden) == ["act1", "act2"]
    np.testing.assert_array_equal(page.view.scatter.data["x"], ds.x[:, 0])
    # the loss curve holds the run's epochs
    xs, ys = page.curve.getData()
    assert len(xs) == len(run.snapshot().losses) >= 3
    page.shutdown()


def test_bad_settings_are_shown_red_and_kept(qtbot):
    w, page = _page(qtbot)
    page.layers.setText("8, abc")
    page.layers.editingFinished.emit()
    assert page.layers.text() == "8, abc"
    assert "d32f2f" in page.layers.styleSheet() and "abc" in page.error.text()
    assert not page.start_button.isEnabled() and page.run is None
    page.lr.setText("-1")
    assert "d32f2f" in page.lr.styleSheet()
    page.layers.setText("3")
    page.lr.setText("0.05")
    page.lr.editingFinished.emit()
    assert page.start_button.isEnabled() and page.error.text() == ""
    assert page.run is not None and page.run.model.num_params == 2 * 3 + 3 + 3 * 3 + 3  # spirals: 3 classes
    assert page.run.trainer.optimizer.lr == 0.05
    page.shutdown()


def test_changing_the_data_draws_its_points_and_leaving_pauses(qtbot):
    w, page = _page(qtbot)
    page.data.setCurrentText("moons")
    ds = load_dataset("moons?n=400", seed=0)
    np.testing.assert_array_equal(page.view.scatter.data["y"], ds.x[:, 1])
    page.start()
    assert page.run.running
    w.hide()                                   # the window calls deactivate()
    assert not page.run.running and not page.timer.isActive()
    page.shutdown()
    assert page.run is None
