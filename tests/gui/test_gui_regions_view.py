"""The regions widget on its own: colours follow the probabilities, hidden units appear only when
there are some, regression outputs get a diverging map."""
from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from dlstudio.engine.lab import regions as R
from dlstudio.engine.model import Model
from dlstudio.gui.training.regions import CLASS_COLORS, RegionsView, blend


def test_blend_mixes_class_colours_by_probability():
    white = QColor(255, 255, 255)
    p = np.zeros((1, 3, 2))
    p[0, 0] = [1.0, 0.0]      # sure: class 0
    p[0, 1] = [0.0, 1.0]      # sure: class 1
    p[0, 2] = [0.5, 0.5]      # unsure
    rgba = blend(p, white).astype(float)
    c0, c1 = (np.array(QColor(c).getRgb()[:3], float) for c in CLASS_COLORS[:2])
    # a sure cell lies on the line from the background to its class colour, well towards the colour
    for cell, c in ((rgba[0, 0, :3], c0), (rgba[0, 1, :3], c1)):
        t = np.dot(255 - cell, 255 - c) / np.dot(255 - c, 255 - c)
        np.testing.assert_allclose(cell, 255 + t * (c - 255), atol=1.0)
        assert t > 0.6
    # an unsure cell is paler (closer to the background) than a sure one
    assert np.abs(255 - rgba[0, 2, :3]).sum() < np.abs(255 - rgba[0, 0, :3]).sum()
    assert (rgba[..., 3] == 255).all()


def test_view_draws_a_snapshot_and_its_hidden_units(qtbot):
    view = RegionsView()
    qtbot.addWidget(view)
    view.show()
    x = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0]], np.float32)
    view.set_points(x, np.array([0, 1, 1]), ["a", "b"])
    assert "a" in view.legend.text() and "b" in view.legend.text()
    m = Model(R.mlp([3], "Tanh", 2), seed=0)
    reg = R.evaluate(m, R.make_grid(x, size=12))
    view.show_regions(reg)
    assert view.refresh_count == 1 and view.shown_image().shape == (12, 12, 4)
    assert view.units_panel.isVisibleTo(view)
    assert view.units_image.image.shape[0] == 12     # one row of three 12 × 12 pictures
    # the class with the larger probability gives each cell its hue: compare with class colours
    c0, c1 = (np.array(QColor(c).getRgb()[:3], float) for c in CLASS_COLORS[:2])
    img = view.shown_image()[..., :3].astype(float)
    nearer1 = np.linalg.norm(img - c1, axis=2) < np.linalg.norm(img - c0, axis=2)
    clear = np.abs(reg.probs[..., 1] - 0.5) > 0.1
    np.testing.assert_array_equal(nearer1[clear], (reg.probs[..., 1] > 0.5)[clear])
    # a network too big for unit pictures hides the panel
    big = R.evaluate(Model(R.mlp([40], "ReLU", 2)), R.make_grid(x, size=8))
    view.show_regions(big)
    assert not view.units_panel.isVisibleTo(view) and view.refresh_count == 2


def test_regression_outputs_use_a_diverging_map(qtbot):
    view = RegionsView()
    qtbot.addWidget(view)
    x = np.array([[-1.0, -1.0], [1.0, 1.0]], np.float32)
    m = Model(R.mlp([4], "Tanh", 1), seed=0)
    reg = R.evaluate(m, R.make_grid(x, size=10), classify=False)
    assert reg.probs is None
    view.set_points(x, np.array([0.5, -0.2]), [])
    view.show_regions(reg)
    assert view.shown_image().shape == (10, 10, 4) and view.refresh_count == 1
    view.apply_theme()                 # redraws with the palette's colours
    assert view.refresh_count == 2


# ---- the training views' Regions tab -----------------------------------------------------------
def _tab_visible(win, view) -> bool:
    i = win.bottom_tabs.indexOf(view)
    return i >= 0 and win.bottom_tabs.isTabVisible(i)


def test_training_views_show_regions_for_2d_data_only(make_window, qtbot):
    from training_helpers import RUN_MS, ready, relu_net, run

    from dlstudio.spec import Network
    win = make_window(relu_net())
    c = ready(win, qtbot, data="spirals:2?n=200", epochs=2)
    hub = c.hub
    qtbot.waitUntil(lambda: _tab_visible(win, hub.regions), timeout=5_000)
    win.bottom_tabs.setCurrentWidget(hub.regions)
    run(c, qtbot)
    qtbot.waitUntil(lambda: hub.regions.regions is not None, timeout=RUN_MS)
    qtbot.waitUntil(lambda: hub.regions.regions.probs.shape == (80, 80, 2), timeout=RUN_MS)
    # what the tab draws is the trained network's answer on the grid, taken by the worker's probe
    m = Model(Network.from_dict(win.doc.network.to_dict()))
    m.set_weights(win.files.bundle.weights)
    shown = hub.regions.regions
    out = m.predict(shown.grid.points).astype(np.float64)
    e = np.exp(out - out.max(axis=1, keepdims=True))
    np.testing.assert_allclose(shown.probs.reshape(-1, 2), e / e.sum(axis=1, keepdims=True), rtol=1e-4, atol=1e-5)
    m.forward(shown.grid.points)
    np.testing.assert_allclose(shown.hidden["r"].reshape(-1, 16), m.values["r"], rtol=1e-5, atol=1e-6)
    ds = hub.setup.dataset
    assert len(hub.regions.scatter.data) == len(ds)
    # image data: no Regions tab
    c.hub.setup.set_data_spec("digits")
    qtbot.waitUntil(lambda: c.hub.setup.dataset is not None and c.hub.setup.dataset.source.startswith("digits")
                    and not c.loader.loading, timeout=20_000)
    qtbot.waitUntil(lambda: not _tab_visible(win, hub.regions), timeout=5_000)
    assert win.bottom_tabs.currentWidget() is not hub.regions
