"""The live views show what the network computes: feature maps and filters of a small CNN,
LSTM gates, weight and gradient statistics — compared with a direct forward pass."""
from __future__ import annotations

import numpy as np
from training_helpers import RUN_MS, ready, run

from dlstudio.engine.model import Model
from dlstudio.spec import Network


def small_cnn() -> Network:
    net = Network(name="small CNN")
    net.add("in", "Input", {"shape": [1, 8, 8]}, pos=(0, 0))
    net.add("conv", "Conv2D", {"filters": 4, "kernel_size": 3, "padding": "same"}, after="in", pos=(0, 90))
    net.add("relu", "ReLU", after="conv", pos=(0, 180))
    net.add("pool", "MaxPool2D", {"pool_size": 2}, after="relu", pos=(0, 270))
    net.add("flat", "Flatten", after="pool", pos=(0, 360))
    net.add("out", "Dense", {"units": 10}, after="flat", pos=(0, 450))
    return net


def small_lstm() -> Network:
    net = Network(name="small LSTM")
    net.add("in", "Input", {"shape": [8, 8]}, pos=(0, 0))
    net.add("lstm", "LSTM", {"units": 6}, after="in", pos=(0, 90))
    net.add("out", "Dense", {"units": 10}, after="lstm", pos=(0, 180))
    return net


def trained_model(win) -> Model:
    m = Model(Network.from_dict(win.doc.network.to_dict()))
    m.set_weights(win.files.bundle.weights)
    return m


def test_feature_maps_and_filters_are_the_probed_values(make_window, qtbot):
    win = make_window(small_cnn())
    c = ready(win, qtbot, data="digits", epochs=1)
    hub = c.hub
    win.bottom_tabs.setCurrentWidget(hub.maps)
    run(c, qtbot)
    assert hub.maps.node() == "conv" and hub.maps.layer.count() == 3  # conv, relu, pool
    hub.maps.sample.spin.setValue(5)
    m = trained_model(win)
    ds = hub.maps.sample.dataset
    m.forward(ds.x[5:6])
    expected = m.values["conv"][0]
    qtbot.waitUntil(lambda: hub.maps.shown_maps() is not None
                    and np.allclose(hub.maps.shown_maps(), expected, rtol=1e-5, atol=1e-6), timeout=RUN_MS)
    kernel = win.files.bundle.weights["conv.kernel"]
    np.testing.assert_allclose(hub.maps.filters.current(), kernel[:, 0], rtol=1e-6)
    # choosing another layer on the canvas shows that layer's maps
    win.scene.select_ids(["pool"])
    assert hub.maps.node() == "pool"
    qtbot.waitUntil(lambda: hub.maps.shown_maps() is not None and hub.maps.shown_maps().shape == (4, 4, 4),
                    timeout=RUN_MS)
    np.testing.assert_allclose(hub.maps.shown_maps(), m.values["pool"][0], rtol=1e-5, atol=1e-6)


def test_feature_maps_update_while_training(make_window, qtbot):
    win = make_window(small_cnn())
    c = ready(win, qtbot, data="digits", epochs=100_000)
    win.bottom_tabs.setCurrentWidget(c.hub.maps)
    assert c.start(True)
    qtbot.waitUntil(lambda: c.hub.maps.shown_maps() is not None, timeout=RUN_MS)
    first = c.hub.maps.shown_maps().copy()
    qtbot.waitUntil(lambda: not np.array_equal(c.hub.maps.shown_maps(), first), timeout=RUN_MS)
    assert c.stop_and_wait()


def test_lstm_gates_are_the_probed_gates(make_window, qtbot):
    win = make_window(small_lstm())
    c = ready(win, qtbot, data="digits-seq", epochs=1)
    hub = c.hub
    win.bottom_tabs.setCurrentWidget(hub.gates)
    run(c, qtbot)
    assert hub.gates.node() == "lstm"
    hub.gates.sample.spin.setValue(3)
    m = trained_model(win)
    m.forward(hub.gates.sample.dataset.x[3:4])
    expected = m.layers["lstm"].probe(0)
    qtbot.waitUntil(lambda: hub.gates.shown("f") is not None
                    and np.allclose(hub.gates.shown("f"), expected["f"], atol=1e-6), timeout=RUN_MS)
    for key in ("i", "o", "g", "c", "h"):
        np.testing.assert_allclose(hub.gates.shown(key), expected[key], atol=1e-6, err_msg=key)
    assert hub.gates.shown("f").shape == (8, 6)
    f_curve = hub.gates.curves[("f", 0)].getData()[1]
    np.testing.assert_allclose(f_curve, expected["f"][:, 0], atol=1e-6)
    assert hub.maps.layer.count() == 0  # no conv layers: the feature-map view says so


def test_weights_view_shows_histograms_and_norms_over_time(make_window, qtbot):
    win = make_window(small_cnn())
    c = ready(win, qtbot, data="digits", epochs=100_000)
    hub = c.hub
    win.bottom_tabs.setCurrentWidget(hub.weights)
    assert c.start(True)
    qtbot.waitUntil(lambda: (hub.weights.norm_series("conv.kernel") is not None
                             and len(hub.weights.norm_series("conv.kernel")) >= 3), timeout=RUN_MS)
    assert c.stop_and_wait()
    assert hub.weights.weight.currentText() == "conv.kernel"
    x, counts = hub.weights.h_w.getData()
    assert counts.sum() == 4 * 1 * 3 * 3  # every weight of conv.kernel in the histogram
    assert set(hub.weights.lines) == {"conv.kernel", "out.kernel"}  # kernels only, biases on request
    hub.weights.all_box.setChecked(True)
    assert "conv.bias" in hub.weights.lines
    assert np.all(hub.weights.norm_series("out.kernel") > 0)


def test_predict_a_drawing_on_the_pad(make_window, qtbot):
    from PySide6.QtCore import QPointF

    from dlstudio.gui.training.predict import normalise_drawing
    win = make_window(small_cnn())
    c = ready(win, qtbot, data="digits", epochs=1)
    run(c, qtbot)
    hub = c.hub
    win.bottom_tabs.setCurrentWidget(hub.predict)
    pad = hub.predict.pad
    assert pad.isEnabled() and pad.pixels.shape == (1, 8, 8)
    assert not hub.predict.ink_button.isVisible()  # grey images: white ink on black paper
    pad.stroke(QPointF(pad.width() * 0.5, pad.height() * 0.2), QPointF(pad.width() * 0.5, pad.height() * 0.8))
    pad.sigChanged.emit()
    assert hub.predict.use_pad.isChecked() and pad.pixels.max() > 0.9 and pad.pixels.dtype == np.float32
    m = trained_model(win)
    expected = m.forward(normalise_drawing(pad.pixels, hub.predict.dataset.preprocessing)[None])[0]
    qtbot.waitUntil(lambda: hub.predict.result is not None and np.allclose(hub.predict.result["out"], expected,
                                                                         atol=1e-5), timeout=RUN_MS)
    assert hub.predict.result["probs"].sum() > 0.999 and "%" in hub.predict.answer.text()
    assert hub.predict.maps.current().shape == (4, 8, 8)  # the conv layer's maps for the drawing


def test_predict_follows_the_training(make_window, qtbot):
    """The Predict view open while a run trains shows the trained weights' answer at the end,
    not the one it had before the run."""
    win = make_window(small_cnn())
    c = ready(win, qtbot, data="digits", epochs=2)
    hub = c.hub
    win.bottom_tabs.setCurrentWidget(hub.predict)
    qtbot.waitUntil(lambda: hub.predict.result is not None, timeout=RUN_MS)  # the untrained model's answer
    before = np.array(hub.predict.result["out"])
    run(c, qtbot)
    x = hub.predict.dataset.x[hub.predict.sample.index()][None]
    expected = trained_model(win).forward(x)[0]
    assert not np.allclose(before, expected, atol=1e-3)
    qtbot.waitUntil(lambda: np.allclose(hub.predict.result["out"], expected, atol=1e-5), timeout=RUN_MS)


def colour_cnn() -> Network:
    net = Network(name="colour CNN")
    net.add("in", "Input", {"shape": [3, 16, 16]}, pos=(0, 0))
    net.add("conv", "Conv2D", {"filters": 4, "kernel_size": 3, "padding": "same"}, after="in", pos=(0, 90))
    net.add("pool", "GlobalAvgPool2D", after="conv", pos=(0, 180))
    net.add("out", "Dense", {"units": 7}, after="pool", pos=(0, 270))
    return net


def test_predict_a_colour_drawing(make_window, qtbot):
    """Colour models get a colour pad: the ink is blended in per channel, the paper colour
    starts a new drawing, and the network sees the drawing normalised like its data."""
    from PySide6.QtCore import QPointF

    from dlstudio.gui.training.predict import normalise_drawing
    win = make_window(colour_cnn())
    c = ready(win, qtbot, data="shapes:16?color=1&n=140&normalize=standard", epochs=1)
    run(c, qtbot)
    hub = c.hub
    win.bottom_tabs.setCurrentWidget(hub.predict)
    p, pad = hub.predict, hub.predict.pad
    assert pad.isEnabled() and pad.pixels.shape == (3, 16, 16) and p.ink_button.isVisible()
    p.paper_button.set_rgb((0.0, 0.0, 0.5))
    p.paper_button.sigColour.emit(p.paper_button.rgb)
    assert np.allclose(pad.pixels[:, 3, 3], [0, 0, 0.5]) and pad.is_blank()
    p.ink_button.set_rgb((1.0, 0.5, 0.0))
    p.ink_button.sigColour.emit(p.ink_button.rgb)
    r = pad._cell_rect()
    y, x = 8, 5
    centre = QPointF(r.left() + (x + 0.5) / 16 * r.width(), r.top() + (y + 0.5) / 16 * r.height())
    pad.stroke(centre, centre)
    pad.sigChanged.emit()
    assert np.allclose(pad.pixels[:, y, x], [1.0, 0.5, 0.0], atol=1e-6)  # full ink under the pen
    assert np.allclose(pad.pixels[:, 0, 0], [0, 0, 0.5])                  # paper far from it
    assert np.array_equal(pad.rgb()[y, x], [255, 128, 0]) and not pad.is_blank()
    norm = hub.predict.dataset.preprocessing["normalize"]
    x_in = normalise_drawing(pad.pixels, hub.predict.dataset.preprocessing)
    assert np.allclose(x_in[1, y, x], (0.5 - norm["mean"][1]) / norm["std"][1], atol=1e-5)  # per channel
    expected = trained_model(win).forward(x_in[None])[0]
    qtbot.waitUntil(lambda: p.use_pad.isChecked() and p.result is not None
                    and np.allclose(p.result["out"], expected, atol=1e-5), timeout=RUN_MS)
    pad.stroke(centre, centre, erase=True)
    assert np.allclose(pad.pixels[:, y, x], [0, 0, 0.5])  # erasing brings the paper back


def test_the_pad_is_off_for_inputs_it_cannot_draw():
    from dlstudio.gui.training.draw_pad import DrawPad
    from dlstudio.gui.training.predict import pad_channels
    assert pad_channels((1, 28, 28)) == 1 and pad_channels((3, 32, 32)) == 3
    assert pad_channels((2, 8, 8)) is None and pad_channels((4, 8, 8)) is None and pad_channels((8, 8)) is None
    import pytest
    with pytest.raises(ValueError, match="1 or 3 channels"):
        DrawPad(8, 8, channels=4)


def test_the_first_run_compiles_kernels_as_its_own_step(make_window, qtbot):
    from dlstudio.gui.training import tasks
    win = make_window(small_cnn())
    c = ready(win, qtbot, data="digits", epochs=1)
    tasks._warmed.clear()
    states = []
    c.sigStateChanged.connect(states.append)
    run(c, qtbot)
    assert states[:3] == ["preparing", "compiling", "training"] and states[-1] == "idle"
    states.clear()
    run(c, qtbot)
    assert "compiling" not in states  # compiled once per process


def test_setup_previews_data_and_explains_the_choices(make_window, qtbot):
    win = make_window(small_cnn())
    c = ready(win, qtbot, data="xor?n=200")
    s = c.hub.setup
    assert "200 samples" in s.preview.info.text() and "training 160 · validation 40" in s.preview.info.text()
    assert any(type(i).__name__ == "ScatterPlotItem" for i in s.preview.p_samples.items)
    c = ready(win, qtbot, data="digits")
    assert any(type(i).__name__ == "ImageItem" for i in s.preview.p_samples.items)
    assert "10 classes" in s.preview.info.text() and "balanced" in s.preview.p_balance.titleLabel.text
    assert c.problems() == []
    c = ready(win, qtbot, data="sine?n=100")
    assert any(type(i).__name__ == "PlotDataItem" for i in s.preview.p_samples.items)
    assert s.loss.currentText() == "mse"  # a regression target switched the loss to one that fits
    s.optimizer.setCurrentText("sgd")
    assert set(s.hyper_widgets) == {"momentum", "nesterov"} and s.lr.currentText() == "0.01"
    assert "momentum" in s.optimizer_help.text().lower()
    s.mode_bgd.setChecked(True)
    assert s.config().batch_size == "full" and not s.batch.isEnabled() and "whole training set" in s.batch_help.text()
    s.clip_on.setChecked(True)
    assert s.config().clip_norm == 1.0


def test_log_axes_label_one_two_five_not_every_minor_tick(qtbot):
    import math

    from dlstudio.gui.training.images import LogAxis
    axis = LogAxis("left")
    axis.setLogMode(False, True)
    assert axis.style["maxTextLevel"] == 0  # only the first level is labelled in log mode
    labelled, unlabelled = axis.logTickValues(math.log10(0.2), math.log10(4), 300, [])
    assert [round(10 ** v, 6) for v in labelled[1]] == [0.2, 0.5, 1, 2]
    assert [round(10 ** v, 6) for v in unlabelled[1]] == [0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 3]
    labelled, _ = axis.logTickValues(math.log10(2.9), math.log10(6.1), 300, [])  # no 1-2-5 pair in view
    assert [round(10 ** v, 6) for v in labelled[1]] == [3, 4, 5, 6]
    wide = [(2.0, [-6.0, -4.0, -2.0, 0.0])]  # many decades: pyqtgraph's own decades stay
    assert axis.logTickValues(-6.2, 0.5, 300, wide)[0] == wide[0]
    axis.setLogMode(False, False)
    assert axis.style["maxTextLevel"] == 2  # linear axes keep pyqtgraph's labels


def test_the_pad_returns_to_white_on_black_for_grey_images(qtbot):
    from dlstudio.gui.training.draw_pad import INK, PAPER, DrawPad
    pad = DrawPad(8, 8, channels=3)
    qtbot.addWidget(pad)
    pad.set_paper((1.0, 1.0, 1.0))
    pad.set_ink((0.0, 0.0, 0.0))
    pad.set_size(8, 8, 1)  # the next model takes grey images: not an inverted pad
    assert (pad.ink, pad.paper) == (INK, PAPER) and np.all(pad.pixels == 0)
    pad.set_paper((0.0, 0.0, 1.0))  # a grey pad on blue paper: blank shows as blank paper
    assert np.allclose(pad.pixels, 1 / 3) and pad.is_blank()
    rgb = pad.rgb()
    assert np.all(rgb == rgb[0, 0])  # one colour: the paper, not a grey wash


def test_earlier_runs_keep_their_metric_off_the_other_axis(qtbot):
    from dlstudio.gui.training.plots import CurvesView
    v = CurvesView()
    qtbot.addWidget(v)
    v.begin_run("classifier")
    v.append([1.0], [0.5], [{"epoch": 1, "train_loss": 0.5, "val_loss": 0.6, "train_accuracy": 0.8,
                             "val_accuracy": 0.7}])
    v.refresh()
    assert v._metric_title == "Accuracy"
    v.begin_run("regressor")
    v.append([1.0], [2.0], [{"epoch": 1, "train_loss": 2.0, "val_loss": 2.5, "train_mae": 1.1, "val_mae": 1.3}])
    v.refresh()
    earlier = v.earlier[0]
    assert v._metric_title == "Mean absolute error"
    assert [item.isVisible() for item in earlier.items[3:5]] == [False, False]  # its accuracy: hidden
    assert earlier.items[1].isVisible()                                        # its losses stay
