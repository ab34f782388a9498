"""The optimizer playground's numbers: surfaces against finite differences, paths against the
engine's optimizers applied by hand, and the behaviours the curriculum describes."""
import numpy as np
import pytest

from dlstudio.engine import optimizers as O
from dlstudio.engine.lab.playground import Playground, editable_hyper, make
from dlstudio.engine.lab.surfaces import (OPTIMIZER_NAMES, SURFACES, Noisy, Ravine, make_surface)


def by_hand_optimizer(name: str, lr: float) -> O.Optimizer:
    """The engine optimizer for a playground name, built here straight from the classes."""
    if name == "momentum":
        return O.SGD(lr=lr, momentum=0.9)
    if name == "nesterov":
        return O.SGD(lr=lr, momentum=0.9, nesterov=True)
    return {"sgd": O.SGD, "adagrad": O.Adagrad, "adadelta": O.Adadelta,
            "rmsprop": O.RMSprop, "adam": O.Adam}[name](lr=lr)


@pytest.mark.parametrize("key", list(SURFACES))
def test_gradients_match_finite_differences(key):
    s = SURFACES[key]()
    x0, x1, y0, y1 = s.bounds
    rng = np.random.default_rng(1)
    h = 1e-6
    for _ in range(5):
        p = np.array([rng.uniform(x0, x1), rng.uniform(y0, y1)])
        fd = np.array([(s.f(p + h * e) - s.f(p - h * e)) / (2 * h) for e in np.eye(2)])
        g = s.grad(p)
        assert g.dtype == np.float64 and g.shape == (2,)
        np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-6 * max(1.0, abs(s.f(p))))


@pytest.mark.parametrize("key", list(SURFACES))
def test_surface_minimum_and_image(key):
    s = SURFACES[key]()
    m = np.array(s.minimum, np.float64)
    assert s.f(m) == pytest.approx(0.0, abs=1e-12)
    np.testing.assert_allclose(s.grad(m), 0.0, atol=1e-12)
    z, bounds = s.image(30)
    assert z.shape == (30, 30) and np.all(np.isfinite(z)) and bounds == s.bounds
    # row r, column c is f at (x_c, y_r)
    x = np.linspace(s.bounds[0], s.bounds[1], 30)
    y = np.linspace(s.bounds[2], s.bounds[3], 30)
    assert z[7, 3] == pytest.approx(np.log10(max(s.f(np.array([x[3], y[7]])), 1e-12)))


def test_noisy_gradient_is_exact_plus_seeded_gaussian_noise():
    base = Ravine()
    noisy = Noisy(base, 0.5, seed=3)
    rng = np.random.default_rng(3)
    p = np.array([1.0, -2.0])
    for _ in range(3):
        np.testing.assert_array_equal(noisy.grad(p), base.grad(p) + 0.5 * rng.standard_normal(2))
    assert noisy.f(p) == base.f(p)
    again = noisy.fresh()
    np.testing.assert_array_equal(again.grad(p), Noisy(base, 0.5, seed=3).grad(p))
    with pytest.raises(ValueError, match="noise"):
        Noisy(base, -1.0)
    with pytest.raises(ValueError, match="unknown surface"):
        make_surface("bowl")


@pytest.mark.parametrize("noise", [0.0, 0.7])
@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_path_is_the_engine_optimizer_applied_by_hand(name, noise):
    surface = make_surface("beale", noise=noise, seed=5)
    lr = surface.lrs[name]
    play = Playground(surface, start=(0.5, 1.0), max_steps=40)
    play.step(12)
    play.set_hyper(name, lr=lr * 0.5)          # a change between steps applies from then on
    play.step(13)
    t = play.tracks[name]
    assert t.n == 25 and not t.diverged

    hand_surface = Noisy(surface.base, noise, seed=5) if noise else surface
    opt = by_hand_optimizer(name, lr)
    p = np.array([0.5, 1.0])
    for k in range(1, 26):
        if k == 13:
            opt.set_hyper(lr=lr * 0.5)
        g = hand_surface.grad(p)
        before = p.copy()
        opt.step(p, g)
        np.testing.assert_array_equal(t.path[k], p)
        assert t.loss[k] == hand_surface.f(p)
        assert t.step_len[k] == pytest.approx(np.linalg.norm(p - before), rel=1e-12)
        assert t.rate[k] == pytest.approx(np.linalg.norm(p - before) / np.linalg.norm(g), rel=1e-12)
    assert np.isnan(t.path[26]).all()


def test_sgd_effective_rate_is_its_learning_rate():
    play = Playground(make_surface("rosenbrock")).run(30)
    t = play.tracks["sgd"]
    np.testing.assert_allclose(t.rate[1:31], play.hyper["sgd"]["lr"], rtol=1e-9)


def test_adagrad_step_shrinks_monotonically_on_the_ravine():
    play = Playground(make_surface("ravine")).run(200)
    steps = play.tracks["adagrad"].step_len[1:201]
    assert np.all(np.isfinite(steps))
    assert np.all(np.diff(steps) < 0)


def test_momentum_reaches_lower_loss_than_sgd_on_the_ravine():
    play = Playground(make_surface("ravine"))
    for name in ("sgd", "momentum"):
        play.set_hyper(name, lr=0.02)
    play.reset()
    play.step(100)
    sgd, momentum = play.tracks["sgd"].loss[100], play.tracks["momentum"].loss[100]
    assert momentum < 0.1 * sgd


def test_a_diverging_learning_rate_is_reported_not_raised():
    play = Playground(make_surface("ravine"))
    play.set_hyper("sgd", lr=5.0)               # |1 - 5·4| > 1 across the ravine: blows up
    play.reset()
    play.step(400)
    t = play.tracks["sgd"]
    assert t.diverged and t.done and t.n < 400
    assert np.all(np.isfinite(t.p)) and np.all(np.isfinite(t.path[:t.n + 1]))
    assert not play.tracks["adam"].diverged and play.tracks["adam"].n == 400


def test_reset_restarts_with_fresh_state_and_kept_rates():
    play = Playground(make_surface("saddle")).run(10)
    play.set_hyper("adam", lr=0.07, beta1=0.8)
    play.reset(start=(1.0, -0.5))
    t = play.tracks["adam"]
    assert t.n == 0 and t.optimizer.t == 0 and t.optimizer.hyper["beta1"] == 0.8
    np.testing.assert_array_equal(t.path[0], [1.0, -0.5])
    assert t.loss[0] == play.surface.f(np.array([1.0, -0.5]))


def test_bad_values_are_clear_errors_and_change_nothing():
    play = Playground(make_surface("ravine"))
    with pytest.raises(ValueError, match="lr"):
        play.set_hyper("adam", lr=-1.0)
    with pytest.raises(ValueError, match="nesterov needs a momentum"):
        play.set_hyper("nesterov", momentum=0.0)
    assert play.tracks["adam"].optimizer.lr == play.hyper["adam"]["lr"] == Ravine.lrs["adam"]
    with pytest.raises(ValueError, match="start point"):
        play.reset(start=(np.nan, 1.0))
    with pytest.raises(ValueError, match="unknown optimizer"):
        make("lbfgs")


def test_editable_hyperparameters_come_from_the_engine():
    assert editable_hyper("adam") == {"lr": 0.001, "beta1": 0.9, "beta2": 0.999}
    assert set(editable_hyper("nesterov")) == {"lr", "momentum"}
    assert make("nesterov").hyper["nesterov"] is True
