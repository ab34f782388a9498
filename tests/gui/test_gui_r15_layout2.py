"""Issue 15, items 6 and 7 (the layout and stale views): the window fits 1024×700 with every
bottom tab shown, the curves keep their axes there, the LSTM gates are tall enough to read, the
refusal bubble is opaque, the curves' placeholder fits, Predict says why a broken network cannot
predict, and File → New clears Gates, Weights and Predict."""
from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPalette
from training_helpers import RUN_MS, Discard, mlp_xor, ready, run

from dlstudio.gui.training.plots import PLOTS_MIN_HEIGHT
from dlstudio.spec import Network
from dlstudio.zoo import build_preset

SMALL = (1024, 700)


def _settle(qtbot, win, size=None):
    if size:
        win.resize(*size)
    qtbot.wait(60)


def _trained_xor(make_window, qtbot):
    win = make_window(mlp_xor())
    c = ready(win, qtbot, epochs=1)
    run(c, qtbot, fresh=True)
    return win, c


def _global_rect(widget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


# ---- 1. the curves keep their axes at 1024×700 ---------------------------------------------------
def test_the_curves_keep_their_axes_at_1024x700(make_window, qtbot):
    win, c = _trained_xor(make_window, qtbot)
    curves = c.hub.curves
    c.hub.panel.tabs.setCurrentWidget(curves)
    _settle(qtbot, win, SMALL)
    assert (win.width(), win.height()) == SMALL
    g = curves.graphics
    assert g.height() >= PLOTS_MIN_HEIGHT
    assert g.viewport().visibleRegion().boundingRect().height() >= PLOTS_MIN_HEIGHT
    assert not _global_rect(g).intersects(_global_rect(win.docks[2]))   # no dock over the plots
    assert _global_rect(win).contains(_global_rect(g))
    view = g.viewport().rect()
    for plot in (curves.p_batch, curves.p_epoch, curves.p_acc):
        if not plot.isVisible():
            continue
        for name in ("left", "bottom"):
            axis = g.mapFromScene(plot.getAxis(name).sceneBoundingRect()).boundingRect()
            assert view.contains(axis), (name, axis, view)


# ---- 2. the window shrinks to 1024 px after every bottom tab was shown --------------------------
def test_the_window_shrinks_to_1024_after_every_bottom_tab_was_shown(make_window, qtbot):
    win, c = _trained_xor(make_window, qtbot)
    tabs = win.bottom_tabs
    for i in range(tabs.count()):
        if tabs.isTabVisible(i):
            tabs.setCurrentIndex(i)
            _settle(qtbot, win)
    tabs.setCurrentWidget(c.hub.evaluation)
    qtbot.waitUntil(lambda: c.hub.evaluation.result is not None, timeout=RUN_MS)
    assert "accuracy" in c.hub.evaluation.summary.text()   # its longest line is there
    for page in (c.hub.gates, c.hub.predict, win.summary):
        tabs.setCurrentWidget(page)
        _settle(qtbot, win)
    assert win.minimumSizeHint().width() <= SMALL[0]
    _settle(qtbot, win, SMALL)
    assert win.width() == SMALL[0]


# ---- 3. the LSTM gates are tall enough to read at 1400×900 --------------------------------------
def _lstm_window(make_window, qtbot):
    win = make_window(build_preset("lstm", (20, 2), 1)[0])
    c = ready(win, qtbot, data="adding:20?n=200", epochs=1)
    win.bottom_tabs.setCurrentWidget(c.hub.gates)
    run(c, qtbot, fresh=True)
    qtbot.waitUntil(lambda: c.hub.gates.shown("i") is not None, timeout=RUN_MS)
    return win, c


def _label_rects(axis) -> list[QRectF]:
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    p = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(p)
    finally:
        p.end()
    return [] if specs is None else [rect for rect, _, _ in specs[2]]


def test_the_lstm_gates_heatmaps_are_readable_at_1400x900(make_window, qtbot):
    win, c = _lstm_window(make_window, qtbot)
    _settle(qtbot, win, (1400, 900))
    assert win.size().width() == 1400
    gates = c.hub.gates
    assert len(gates.heatmaps) == 7
    for key, h in gates.heatmaps.items():
        assert h.plot.getViewBox().height() >= 60, (key, h.plot.getViewBox().height())
        labels = _label_rects(h.plot.getAxis("left"))
        assert len(labels) >= 2, key
        for a, b in pairwise(labels):
            assert not a.intersects(b), (key, a, b)
    gates.scroll.verticalScrollBar().setValue(gates.scroll.verticalScrollBar().maximum())
    for p in gates.lines.values():   # the line plots below are reachable and as tall
        assert p.getViewBox().height() >= 60


# ---- 4. the refusal bubble is opaque in both themes ---------------------------------------------
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_cannot_connect_bubble_is_opaque(make_window, qtbot, mode):
    win = make_window()
    try:
        win.set_theme(mode)
        node = next(iter(win.scene.nodes.values()))
        win.view.centerOn(node)
        win.view.show_toast("Cannot connect: the shapes do not fit.", node.sceneBoundingRect().center())
        qtbot.wait(30)
        toast = win.view._toast
        assert toast.isVisible()
        bubble = win.palette().color(QPalette.ColorRole.ToolTipBase)
        image = win.view.viewport().grab().toImage()
        inside = toast.geometry().adjusted(3, 3, -3, -3)
        # the padding left of the text: only the bubble's colour, whatever lies behind it
        for y in range(inside.top(), inside.bottom(), 3):
            pixel = image.pixelColor(inside.left(), y)
            assert pixel.alpha() == 255 and pixel.rgb() == bubble.rgb(), (mode, y, pixel.name(), bubble.name())
    finally:
        win.set_theme("system")


# ---- 5. the curves' placeholder fits ------------------------------------------------------------
@pytest.mark.parametrize("size", [SMALL, (1400, 900)])
def test_the_curves_placeholder_fits_its_place(make_window, qtbot, size):
    win = make_window()
    c = win.training
    win.acts.train_panel.trigger()
    c.hub.panel.tabs.setCurrentWidget(c.hub.curves)
    _settle(qtbot, win, size)
    for dock_width in (None, 0):   # as laid out, and the Training dock as narrow as it goes
        if dock_width is not None:
            win.resizeDocks([win.training_dock], [dock_width], Qt.Orientation.Horizontal)
            _settle(qtbot, win)
        label = c.hub.curves.empty_label
        assert label.isVisible() and label.text()
        assert label.heightForWidth(label.width()) <= label.height()
        need = label.fontMetrics().boundingRect(QRect(0, 0, label.width(), 10_000),
                                                Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter,
                                                label.text())
        assert need.width() <= label.width() and need.height() <= label.height()
        assert c.hub.curves.graphics.rect().contains(label.geometry())


# ---- 6. Predict says why a broken network cannot predict ----------------------------------------
def test_predict_shows_why_a_broken_network_cannot_predict(make_window, qtbot, dialogs):
    win = make_window(mlp_xor())
    c = ready(win, qtbot)
    predict = c.hub.predict
    win.bottom_tabs.setCurrentWidget(predict)
    qtbot.waitUntil(lambda: predict.result is not None, timeout=RUN_MS)
    assert predict.split.isVisible() and not predict.problem.isVisible()
    win.editor.delete(["output"])                 # the output Dense is gone
    problems = c.problems()
    assert problems
    qtbot.waitUntil(lambda: predict.problem.isVisible(), timeout=5_000)
    assert not predict.split.isVisible()
    assert problems[0] in predict.problem.text() and predict.problem.text().startswith("Cannot predict")
    win.stack.undo()                               # the network works again: the plots return
    qtbot.waitUntil(lambda: predict.split.isVisible(), timeout=5_000)
    assert not predict.problem.isVisible()


def test_predict_shows_the_reason_when_it_is_shown_on_a_broken_network(make_window, qtbot):
    win = make_window(mlp_xor())
    win.editor.delete(["output"])
    predict = win.training.hub.predict
    win.bottom_tabs.setCurrentWidget(predict)     # the Training panel was never opened
    _settle(qtbot, win)
    assert predict.problem.isVisible() and predict.problem.text().startswith("Cannot predict")
    assert not predict.split.isVisible()


# ---- 7. File → New clears Gates, Weights and Predict --------------------------------------------
def test_file_new_clears_gates_weights_and_predict(make_window, qtbot, dialogs):
    win, c = _lstm_window(make_window, qtbot)
    hub = c.hub
    win.bottom_tabs.setCurrentWidget(hub.weights)
    qtbot.waitUntil(lambda: hub.weights.weight.count() > 0 and hub.weights.h_w.xData is not None, timeout=RUN_MS)
    win.bottom_tabs.setCurrentWidget(hub.predict)
    qtbot.waitUntil(lambda: hub.predict.result is not None and bool(hub.predict.answer.text()), timeout=RUN_MS)
    assert hub.gates.heatmaps and hub.weights.norms and hub.weights.lines

    dialogs.answers["question"] = [Discard]   # the trained weights are not saved
    assert win.files.new_network(Network(name="empty"))
    gates, weights, predict = hub.gates, hub.weights, hub.predict
    assert gates.info is None and gates.layer.count() == 0 and not gates.heatmaps and gates.shown("i") is None
    assert not gates.scroll.isVisibleTo(gates) and "LSTM" in gates.message.text()
    assert weights.weight.count() == 0 and not weights.norms and not weights.lines
    assert weights.h_w.xData is None or len(weights.h_w.xData) == 0
    assert weights.h_g.xData is None or len(weights.h_g.xData) == 0
    assert predict.result is None and predict.info is None and not predict.answer.text()
    assert predict.layer.count() == 0 and len(predict.bars.opts["width"]) == 0
