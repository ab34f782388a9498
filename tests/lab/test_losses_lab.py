"""The Losses page's numbers: curves against get_loss per point and finite differences, the outlier
fit against the same steps done by hand with the engine's Model, loss and optimizer, pairings
against their closed forms."""
from __future__ import annotations

import numpy as np
import pytest

from dlstudio.engine import optimizers
from dlstudio.engine.lab import losses as L
from dlstudio.engine.losses import get_loss
from dlstudio.engine.model import Model
from dlstudio.spec import Network

CASES = [("regression", 1.0), ("regression", -1.5), ("regression", 0.0),
         ("probability", 1.0), ("probability", 0.0), ("logit", 1.0), ("logit", 0.0)]


def drawn(name, task, target):
    """(name, task, target) for every curve the page can draw."""
    return L.availability(name, task, target) is None


def one_point(name, task, target, x):
    """The loss of one sample at prediction x, asked of get_loss directly."""
    loss = get_loss(name)
    y = int(target)
    if task == "logit" and name in ("cross_entropy", "nll"):
        return loss(np.array([[0.0, x]]), np.array([y]), fused=name == "nll")[0]
    if task == "probability" and name == "nll":
        return loss(np.array([[x]]), np.array([y]))[0]
    fused = task == "logit" and name == "binary_cross_entropy"
    return loss(np.array([[x]]), np.array([[target]]), fused=fused)[0]


def test_every_loss_is_drawn_somewhere_and_the_rest_say_why():
    shown = {n for n in L.LOSS_NAMES for task, t in CASES if drawn(n, task, t)}
    assert shown == set(L.LOSS_NAMES) and len(shown) == 10
    assert "classification" in L.availability("hinge", "regression", 1.0)
    assert ">= 0" in L.availability("msle", "regression", -1.0)
    assert L.availability("mape", "regression", 0.0)
    assert L.availability("cross_entropy", "probability", 1.0)
    with pytest.raises(ValueError, match=">= 0"):
        L.loss_curve("msle", "regression", -1.0)
    with pytest.raises(ValueError, match="unknown loss"):
        L.availability("l2", "regression", 1.0)
    with pytest.raises(ValueError, match="unknown task"):
        L.availability("mse", "ranking", 1.0)
    with pytest.raises(ValueError, match="0 or 1"):
        L.availability("mse", "probability", 0.5)


@pytest.mark.parametrize("task, target", CASES)
def test_each_curve_equals_get_loss_per_point(task, target):
    names = [n for n in L.LOSS_NAMES if drawn(n, task, target)]
    assert names
    for name in names:
        c = L.loss_curve(name, task, target)
        assert c.x.shape == c.value.shape == c.grad.shape and c.x.size > 100
        idx = np.linspace(0, c.x.size - 1, 13).astype(int)
        expect = [one_point(name, task, target, float(c.x[i])) for i in idx]
        np.testing.assert_allclose(c.value[idx], expect, rtol=1e-12, atol=1e-12, err_msg=name)


def test_some_curves_have_their_textbook_form():
    x = np.linspace(-2, 3, 11)
    np.testing.assert_allclose(L.loss_curve("mse", "regression", 0.5, x).value, (x - 0.5) ** 2)
    np.testing.assert_allclose(L.loss_curve("mse", "regression", 0.5, x).grad, 2 * (x - 0.5))
    z = np.linspace(-4, 4, 9)
    ce = L.loss_curve("cross_entropy", "logit", 1.0, z)
    np.testing.assert_allclose(ce.value, np.log1p(np.exp(-z)))
    np.testing.assert_allclose(ce.grad, 1 / (1 + np.exp(-z)) - 1)
    np.testing.assert_allclose(L.loss_curve("hinge", "logit", 0.0, z).value, np.maximum(0, 1 + z))
    np.testing.assert_allclose(L.loss_curve("exponential", "logit", 1.0, z).grad, -np.exp(-z))


@pytest.mark.parametrize("task, target", CASES)
def test_gradients_match_finite_differences(task, target):
    h = 1e-6
    for name in (n for n in L.LOSS_NAMES if drawn(n, task, target)):
        c = L.loss_curve(name, task, target)
        up = L.loss_curve(name, task, target, c.x + h).value
        down = L.loss_curve(name, task, target, c.x - h).value
        right, left = (up - c.value) / h, (c.value - down) / h
        smooth = np.abs(right - left) < 1e-3 * (1 + np.abs(right))   # leave out kinks
        assert smooth.mean() > 0.9, name
        central = (up - down) / (2 * h)
        np.testing.assert_allclose(c.grad[smooth], central[smooth], rtol=1e-4, atol=1e-5,
                                   err_msg=f"{name} {task} {target}")


# --- outlier fit ------------------------------------------------------------------------------

def by_hand(data, name, steps):
    """`steps` of full-batch gradient descent on a Dense(1) net from w = b = 0, done here."""
    net = Network(name="by hand")
    net.add("in", "Input", {"shape": [1]})
    net.add("d", "Dense", {"units": 1}, after="in")
    model = Model(net, dtype=np.float32)
    model.set_weights({"d.kernel": np.zeros((1, 1)), "d.bias": np.zeros(1)})
    opt = optimizers.SGD(lr=0.05, momentum=0.9)
    loss = get_loss(name)
    for _ in range(steps):
        out = model.forward(data.x, training=True)
        _, grad = loss(out, data.y)
        model.backward(grad)
        opt.step(model.params, model.grads)
    w = model.weights()
    return float(w["d.kernel"][0, 0]), float(w["d.bias"][0])


def test_outlier_fit_equals_the_same_steps_done_by_hand():
    fit = L.LineFit(L.line_data(4))
    fit.step(5)
    fit.step(4)
    assert fit.steps == 9
    for name in L.FIT_LOSSES:
        np.testing.assert_allclose(fit.line(name), by_hand(fit.data, name, 9), rtol=1e-6, atol=1e-7)
        assert len(fit.history[name]) == 9 and fit.history[name][-1] < fit.history[name][0]


def test_line_data_outliers_are_seeded_nested_and_checked():
    a, b = L.line_data(3), L.line_data(5)
    assert a.outlier.sum() == 3 and b.outlier.sum() == 5
    assert np.all(b.outlier[a.outlier])
    np.testing.assert_array_equal(a.x, L.line_data(3).x)
    clean = ~b.outlier
    resid = b.y[clean, 0] - (L.CLEAN_SLOPE * b.x[clean, 0] + L.CLEAN_INTERCEPT)
    assert np.abs(resid).max() < 0.5
    assert np.all(b.y[b.outlier, 0] < L.CLEAN_SLOPE * b.x[b.outlier, 0] + L.CLEAN_INTERCEPT - 2)
    with pytest.raises(ValueError, match="outliers"):
        L.line_data(L.MAX_OUTLIERS + 1)


def test_outliers_pull_mse_more_than_mae_and_smooth_l1():
    clean = L.LineFit(L.line_data(0))
    clean.step(300)
    for name in L.FIT_LOSSES:
        assert abs(clean.line(name)[0] - L.CLEAN_SLOPE) < 0.1, name
    for count in (2, 5, L.MAX_OUTLIERS):
        fit = L.LineFit(L.line_data(count))
        fit.step(300)
        off = {n: abs(fit.line(n)[0] - L.CLEAN_SLOPE) for n in L.FIT_LOSSES}
        assert off["mae"] < off["mse"] and off["smooth_l1"] < off["mse"], (count, off)


# --- pairings ---------------------------------------------------------------------------------

def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def test_softmax_cross_entropy_sends_p_minus_onehot():
    z = np.linspace(-6, 6, 25)
    p = L.pairing("softmax_ce", z)
    logits = np.zeros((z.size, L.PAIR_CLASSES))
    logits[:, 0] = z
    onehot = np.zeros_like(logits)
    onehot[:, 0] = 1
    np.testing.assert_allclose(p.grad, softmax(logits) - onehot, atol=1e-12)
    np.testing.assert_allclose(p.prob, softmax(logits)[:, 0])


def test_sigmoid_pairings_and_softmax_mse_follow_the_chain_rule():
    z = np.linspace(-6, 6, 25)
    s = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(L.pairing("sigmoid_logistic", z).grad_true, s - 1, atol=1e-12)
    np.testing.assert_allclose(L.pairing("sigmoid_mse", z).grad_true, 2 * (s - 1) * s * (1 - s), atol=1e-12)
    logits = np.zeros((z.size, L.PAIR_CLASSES))
    logits[:, 0] = z
    onehot = np.zeros_like(logits)
    onehot[:, 0] = 1
    p = softmax(logits)
    d = 2 * (p - onehot) / L.PAIR_CLASSES       # mse averages over the K outputs
    expect = p * (d - np.sum(d * p, axis=1, keepdims=True))
    np.testing.assert_allclose(L.pairing("softmax_mse", z).grad, expect, atol=1e-12)


def test_mse_pairings_vanish_when_confidently_wrong_log_losses_do_not():
    z = np.array([-5.0])
    g = {k: abs(L.pairing(k, z).grad_true[0]) for k in L.PAIRINGS}
    assert g["sigmoid_logistic"] > 0.95 and g["softmax_ce"] > 0.95
    assert g["sigmoid_mse"] < 0.02 and g["softmax_mse"] < 0.02
    with pytest.raises(ValueError, match="unknown pairing"):
        L.pairing("tanh_mse")
