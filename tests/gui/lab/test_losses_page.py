"""The Losses page: ticking a loss draws the engine's curve, losses that do not fit are greyed,
the outlier slider moves the points and the fits run again, Explain focuses a loss."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from dlstudio.engine.lab import losses as L
from dlstudio.engine.losses import get_loss


@pytest.fixture
def page(lab_page):
    return lab_page("losses", size=None, show=False)


def item(page, name):
    return page.losses.item(L.LOSS_NAMES.index(name))


def set_task(page, task):
    page.task.setCurrentIndex(page.task.findData(task))


def test_ticking_a_loss_draws_its_value_and_gradient(page):
    set_task(page, "regression")
    page.target.setValue(2.0)
    assert not page.value_items["msle"].isVisible()
    item(page, "msle").setCheckState(Qt.CheckState.Checked)
    assert page.value_items["msle"].isVisible() and page.grad_items["msle"].isVisible()
    x, v = page.value_items["msle"].getData()
    _, g = page.grad_items["msle"].getData()
    loss = get_loss("msle")
    for i in (0, len(x) // 3, len(x) - 1):
        expect = loss(np.array([[x[i]]]), np.array([[2.0]]))[0]
        assert v[i] == pytest.approx(expect, rel=1e-12)
        h = 1e-6
        fd = (loss(np.array([[x[i] + h]]), np.array([[2.0]]))[0]
              - loss(np.array([[x[i] - h]]), np.array([[2.0]]))[0]) / (2 * h)
        assert g[i] == pytest.approx(fd, rel=1e-4, abs=1e-6)
    assert "msle" in [label.text for _, label in page.value_legend.items]
    item(page, "msle").setCheckState(Qt.CheckState.Unchecked)
    assert not page.value_items["msle"].isVisible()


def test_losses_that_do_not_fit_the_task_are_greyed_with_the_reason(page):
    set_task(page, "regression")
    hinge = item(page, "hinge")
    assert not hinge.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "classification" in hinge.toolTip()
    page.target.setValue(-1.0)
    assert not item(page, "msle").flags() & Qt.ItemFlag.ItemIsEnabled
    set_task(page, "logit")
    assert hinge.flags() & Qt.ItemFlag.ItemIsEnabled
    assert page.label.isVisibleTo(page) and not page.target.isVisibleTo(page)
    hinge.setCheckState(Qt.CheckState.Checked)
    x, v = page.value_items["hinge"].getData()
    np.testing.assert_allclose(v, np.maximum(0, 1 - x))     # y = 1: max(0, 1 − z)
    page.label.setCurrentIndex(page.label.findData(0))
    x, v = page.value_items["hinge"].getData()
    np.testing.assert_allclose(v, np.maximum(0, 1 + x))     # y = 0 means t = −1


def test_slider_moves_the_outliers_and_the_fits_run_again(page, qtbot):
    qtbot.waitUntil(lambda: page.fit.steps >= 8, timeout=5000)
    before = page.outlier_item.getData()[1].copy()
    page.slider.setValue(6)
    assert page.fit.steps < 8
    xs, ys = page.outlier_item.getData()
    assert len(ys) == 6 and len(before) != 6
    data = L.line_data(6)
    np.testing.assert_allclose(np.sort(ys), np.sort(data.y[data.outlier, 0]))
    qtbot.waitUntil(lambda: page.fit.steps >= 12, timeout=5000)
    page.timer.stop()
    for name, curve in page.fit_items.items():
        w, b = page.fit.line(name)
        lx, ly = curve.getData()
        np.testing.assert_allclose(ly, w * lx + b, rtol=1e-6)
    page._tick()
    steps = page.fit.steps
    again = L.LineFit(L.line_data(6))
    again.step(steps)
    for name in L.FIT_LOSSES:
        np.testing.assert_allclose(page.fit.line(name), again.line(name), rtol=1e-6)
    assert f"step {steps}" in page.fit_status.text()


def test_timer_runs_only_while_the_page_is_shown(page):
    assert page.timer.isActive()
    page.deactivate()
    assert not page.timer.isActive()
    page.activate()
    assert page.timer.isActive()


def test_pairings_plot_the_gradient_reaching_the_logits(page):
    x, g = page.pair_items["softmax_ce"].getData()
    logits = np.zeros((len(x), L.PAIR_CLASSES))
    logits[:, 0] = x
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = e[:, 0] / e.sum(axis=1)
    np.testing.assert_allclose(g, p - 1, atol=1e-12)
    _, gm = page.pair_items["sigmoid_mse"].getData()
    assert abs(gm[0]) < 0.01 and abs(g[0]) > 0.95
    assert "confidently wrong" in page.pair_caption.text()


def test_explain_selects_the_loss(page):
    set_task(page, "regression")
    page.explain("loss:hinge")
    assert page.tabs.currentIndex() == 0 and page.current_task() == "logit"
    assert item(page, "hinge").checkState() == Qt.CheckState.Checked
    assert page.value_items["hinge"].isVisible()
    assert "hinge" in page.formula.text()
    set_task(page, "regression")
    page.target.setValue(-2.0)
    page.explain("loss:msle")
    assert page.current_target() >= 0 and page.value_items["msle"].isVisible()
    page.explain("Conv2D")          # not a loss: nothing changes
    assert page.value_items["msle"].isVisible()
