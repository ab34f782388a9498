"""Optimizers: first steps against arithmetic done by hand, state round trips that continue
exactly, float32 that stays float32, and every optimizer lowering a simple loss."""
import json
import math

import numpy as np
import pytest

from dlstudio.engine.losses import get_loss
from dlstudio.engine.metrics import accuracy
from dlstudio.engine.optimizers import OPTIMIZERS, Optimizer, make_optimizer

NAMES = ["sgd", "momentum", "adagrad", "adadelta", "rmsprop", "adam"]


def run(opt, p0, grads, dtype=np.float64):
    """Apply `grads` (one list per step) from p0; return the parameters after each step."""
    p = np.array(p0, dtype=dtype)
    seen = []
    for g in grads:
        opt.step(p, np.array(g, dtype=dtype))
        seen.append(p.copy())
    return seen


# --- first steps, by hand ------------------------------------------------------------------
# Each case: optimizer, start, gradient per step, and the expected parameters after each step,
# worked out as plain arithmetic from the textbook rule.

def _adadelta_by_hand():
    # rho 0.95, eps 1e-6, lr 1; one parameter starting at 1.0, gradients 2 then 1.
    eg1 = 0.05 * 2.0 ** 2                                  # E[g²] = 0.2
    dx1 = math.sqrt(0.0 + 1e-6) / math.sqrt(eg1 + 1e-6) * 2.0
    edx1 = 0.05 * dx1 ** 2
    eg2 = 0.95 * eg1 + 0.05 * 1.0 ** 2                     # 0.24
    dx2 = math.sqrt(edx1 + 1e-6) / math.sqrt(eg2 + 1e-6) * 1.0
    return [[1.0 - dx1], [1.0 - dx1 - dx2]]


def _adam_by_hand():
    # lr 0.1, β1 0.9, β2 0.999, ε 1e-8; gradients [0.5, -2] then [0.5, 1].
    # Step 1: m̂ = g and v̂ = g², so each parameter moves by lr·sign(g) (less a hair for ε).
    p1 = [1.0 - 0.1 * 0.5 / (0.5 + 1e-8), -1.0 - 0.1 * -2.0 / (2.0 + 1e-8)]
    # Step 2: m = 0.9·m1 + 0.1·g2, v = 0.999·v1 + 0.001·g2², corrected by 1 − 0.9², 1 − 0.999².
    m = [0.9 * 0.05 + 0.1 * 0.5, 0.9 * -0.2 + 0.1 * 1.0]           # [0.095, -0.08]
    v = [0.999 * 0.00025 + 0.001 * 0.25, 0.999 * 0.004 + 0.001 * 1.0]  # [0.00049975, 0.004996]
    p2 = [p1[i] - 0.1 * (m[i] / 0.19) / (math.sqrt(v[i] / 0.001999) + 1e-8) for i in range(2)]
    # Step 3: gradient 0 — the moments only decay.
    m3 = [0.9 * m[0], 0.9 * m[1]]
    v3 = [0.999 * v[0], 0.999 * v[1]]
    bc1, bc2 = 1 - 0.9 ** 3, 1 - 0.999 ** 3
    p3 = [p2[i] - 0.1 * (m3[i] / bc1) / (math.sqrt(v3[i] / bc2) + 1e-8) for i in range(2)]
    return [p1, p2, p3]


HAND = {
    "sgd": (dict(lr=0.1), [1.0, -2.0], [[0.5, 0.25], [-1.0, 0.0]],
            [[0.95, -2.025], [1.05, -2.025]]),
    # v1 = g1 = [1, -2]; v2 = 0.9·v1 + g2 = [1.4, -1.3]
    "momentum": (dict(lr=0.1), [0.5, 0.5], [[1.0, -2.0], [0.5, 0.5]],
                 [[0.4, 0.7], [0.26, 0.83]]),
    # Nesterov steps along g + 0.9·v: [1.9, -3.8], then [0.5 + 1.26, 0.5 - 1.17]
    "nesterov": (dict(lr=0.1, momentum=0.9, nesterov=True), [0.5, 0.5],
                 [[1.0, -2.0], [0.5, 0.5]], [[0.31, 0.88], [0.134, 0.947]]),
    # Σg² = [9, 16] → steps 0.1·3/3, 0.1·(−4)/4 (ε = 1e-10); then [25, 16] → 0.1·4/5, 0
    "adagrad": (dict(lr=0.1), [1.0, 1.0], [[3.0, -4.0], [4.0, 0.0]],
                [[1.0 - 0.1 * 3.0 / (3.0 + 1e-10), 1.0 + 0.1 * 4.0 / (4.0 + 1e-10)],
                 [1.0 - 0.1 * 3.0 / (3.0 + 1e-10) - 0.1 * 4.0 / (5.0 + 1e-10),
                  1.0 + 0.1 * 4.0 / (4.0 + 1e-10)]]),
    # E[g²] = 0.1·g² = [0.1, 0.4]; then 0.9·E + 0.1·1 = [0.19, 0.46]
    "rmsprop": (dict(lr=0.01), [0.0, 0.0], [[1.0, -2.0], [1.0, 1.0]],
                [[-0.01 * 1.0 / (math.sqrt(0.1) + 1e-8), -0.01 * -2.0 / (math.sqrt(0.4) + 1e-8)],
                 [-0.01 * 1.0 / (math.sqrt(0.1) + 1e-8) - 0.01 / (math.sqrt(0.19) + 1e-8),
                  -0.01 * -2.0 / (math.sqrt(0.4) + 1e-8) - 0.01 / (math.sqrt(0.46) + 1e-8)]]),
    "adadelta": (dict(), [1.0], [[2.0], [1.0]], _adadelta_by_hand()),
    "adam": (dict(lr=0.1), [1.0, -1.0], [[0.5, -2.0], [0.5, 1.0], [0.0, 0.0]], _adam_by_hand()),
}


def _make(case):
    return make_optimizer("sgd" if case == "nesterov" else case, **HAND[case][0])


@pytest.mark.parametrize("case", list(HAND))
def test_first_steps_by_hand(case):
    _, p0, grads, expected = HAND[case]
    for got, want in zip(run(_make(case), p0, grads), expected):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("case", list(HAND))
def test_float32_stays_float32(case):
    _, p0, grads, expected = HAND[case]
    opt = _make(case)
    for got, want in zip(run(opt, p0, grads, np.float32), expected):
        assert got.dtype == np.float32
        np.testing.assert_allclose(got, want, rtol=2e-6, atol=1e-6)
    for slot in opt.state_dict()["slots"].values():
        assert slot.dtype == np.float32


def test_adam_first_step_is_lr_times_sign():
    p = np.array([3.0, -3.0, 0.5])
    make_optimizer("adam", lr=0.01).step(p, np.array([1e-4, -50.0, 2.0]))
    np.testing.assert_allclose(p, [2.99, -2.99, 0.49], rtol=1e-6)


def test_sgd_without_momentum_keeps_no_state():
    opt = make_optimizer("sgd", lr=0.5)
    run(opt, [1.0], [[1.0]])
    assert opt.state_dict()["slots"] == {}
    assert opt.state_dict()["step"] == 1


# --- state round trip ------------------------------------------------------------------------

def _grads(rng, steps, n):
    return [rng.normal(size=n) for _ in range(steps)]


@pytest.mark.parametrize("name", NAMES + ["nesterov"])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_state_round_trip_continues_identically(name, dtype):
    grads = _grads(np.random.default_rng(0), 6, 7)
    p0 = np.linspace(-1, 1, 7)
    hyper = dict(lr=0.05)
    if name == "nesterov":
        name, hyper = "sgd", dict(lr=0.05, momentum=0.8, nesterov=True)
    elif name == "adam":
        hyper.update(beta1=0.8, beta2=0.99)       # non-defaults: the state must carry them
    elif name == "rmsprop":
        hyper.update(rho=0.7)

    straight = run(make_optimizer(name, **hyper), p0, grads, dtype)[-1]

    first = make_optimizer(name, **hyper)
    half = run(first, p0, grads[:3], dtype)[-1]
    state = first.state_dict()
    json.dumps({k: v for k, v in state.items() if k != "slots"})   # JSON-safe apart from arrays
    assert state["name"] == name and state["step"] == 3 and state["hyper"] == first.hyper
    for slot in state["slots"].values():
        slot += 1000.0                             # a copy: this must not reach `first`
    state = first.state_dict()

    resumed = make_optimizer(name)                 # defaults: load_state_dict restores hyper
    resumed.load_state_dict(state)
    assert resumed.hyper == first.hyper
    for slot in state["slots"].values():
        slot += 1000.0                             # loaded by copy too
    p = half.copy()
    for g in grads[3:]:
        resumed.step(p, g.astype(dtype))
    np.testing.assert_array_equal(p, straight)


def test_state_before_any_step_loads():
    opt = make_optimizer("adam")
    fresh = make_optimizer("adam", lr=0.5)
    fresh.load_state_dict(opt.state_dict())
    assert fresh.hyper["lr"] == 0.001 and fresh.t == 0


@pytest.mark.parametrize("mutate,message", [
    (lambda s: s.update(name="sgd"), "belongs to 'sgd', not 'adam'"),
    (lambda s: s["slots"].pop("v"), r"slots \['m'\] do not match the expected \['m', 'v'\]"),
    (lambda s: s.update(slots={}), "taken 2 steps but holds no m, v"),
    (lambda s: s["slots"].update(v=np.zeros(3)), r"different sizes \[3, 4\]"),
    (lambda s: s["slots"].update(v=np.zeros((2, 2))), "1-D float32 or float64"),
    (lambda s: s["hyper"].update(momentum=0.9), "adam has no hyperparameter 'momentum'"),
    (lambda s: s["hyper"].update(beta2=1.5), r"beta2 must be in \[0, 1\), got 1.5"),
    (lambda s: s.update(step=-1), "whole number >= 0, got -1"),
    (lambda s: s.pop("step"), "keys name, hyper, step and slots"),
])
def test_load_state_dict_rejects_bad_states(mutate, message):
    opt = make_optimizer("adam")
    run(opt, [1.0, 2.0, 3.0, 4.0], [[1.0] * 4] * 2)
    state = opt.state_dict()
    mutate(state)
    with pytest.raises(ValueError, match=message):
        make_optimizer("adam").load_state_dict(state)


def test_state_for_another_model_size_is_refused_at_the_first_step():
    opt = make_optimizer("rmsprop")
    run(opt, [1.0, 2.0, 3.0], [[1.0, 1.0, 1.0]])
    other = make_optimizer("rmsprop")
    other.load_state_dict(opt.state_dict())
    with pytest.raises(ValueError, match="holds 3 values but the model has 4 parameters"):
        other.step(np.zeros(4), np.zeros(4))


# --- hyperparameters -----------------------------------------------------------------------

def test_defaults():
    assert make_optimizer("sgd").hyper == {"lr": 0.01, "momentum": 0.0, "nesterov": False}
    assert make_optimizer("momentum").hyper == {"lr": 0.01, "momentum": 0.9, "nesterov": False}
    assert make_optimizer("adagrad").hyper == {"lr": 0.01, "eps": 1e-10}
    assert make_optimizer("adadelta").hyper == {"lr": 1.0, "rho": 0.95, "eps": 1e-6}
    assert make_optimizer("rmsprop").hyper == {"lr": 0.001, "rho": 0.9, "eps": 1e-8}
    assert make_optimizer("adam").hyper == {"lr": 0.001, "beta1": 0.9, "beta2": 0.999,
                                            "eps": 1e-8}
    for name in NAMES:
        opt = make_optimizer(name)
        assert isinstance(opt, Optimizer) and opt.name == name
        assert json.loads(json.dumps(opt.hyper)) == opt.hyper


def test_registry_and_lookup():
    assert list(OPTIMIZERS) == NAMES
    assert make_optimizer("Adam", lr=0.1).hyper["lr"] == 0.1
    assert make_optimizer("adam", lr=1).hyper["lr"] == 1.0
    with pytest.raises(ValueError, match="unknown optimizer 'lbfgs'; known optimizers: sgd, "
                                         "momentum, adagrad, adadelta, rmsprop, adam"):
        make_optimizer("lbfgs")


@pytest.mark.parametrize("name,hyper,message", [
    ("adam", dict(lr=-0.1), "adam: lr must be zero or positive, got -0.1"),
    ("sgd", dict(lr=float("nan")), "lr must be a finite number, got nan"),
    ("sgd", dict(lr="fast"), "lr must be a number, got 'fast'"),
    ("sgd", dict(lr=True), "lr must be a number, got True"),
    ("adam", dict(beta1=1.0), r"beta1 must be in \[0, 1\), got 1.0"),
    ("adam", dict(beta2=-0.5), r"beta2 must be in \[0, 1\), got -0.5"),
    ("rmsprop", dict(rho=1.2), r"rho must be in \[0, 1\), got 1.2"),
    ("sgd", dict(momentum=1.5), r"momentum must be in \[0, 1\), got 1.5"),
    ("adagrad", dict(eps=0), "eps must be positive, got 0.0"),
    ("sgd", dict(nesterov=True), "nesterov needs a momentum above 0"),
    ("sgd", dict(nesterov="yes"), "nesterov must be true or false"),
    ("adam", dict(beta=0.9), "adam has no hyperparameter 'beta'; it takes lr, beta1, beta2, eps"),
    ("sgd", dict(rho=0.9), "sgd has no hyperparameter 'rho'"),
])
def test_bad_hyperparameters_are_named(name, hyper, message):
    with pytest.raises(ValueError, match=message):
        make_optimizer(name, **hyper)


def test_changing_lr_between_steps():
    opt = make_optimizer("sgd", lr=0.1)
    p = np.array([1.0])
    opt.step(p, np.array([1.0]))
    opt.lr = 0.5
    opt.step(p, np.array([1.0]))
    np.testing.assert_allclose(p, [0.4])
    with pytest.raises(ValueError, match="got -1"):
        opt.lr = -1
    with pytest.raises(ValueError, match="no hyperparameter 'beta1'"):
        opt.set_hyper(beta1=0.5)
    assert opt.lr == 0.5


@pytest.mark.parametrize("params,grads,message", [
    (np.zeros((2, 2)), np.zeros((2, 2)), "1-D array"),
    (np.zeros(3, np.int64), np.zeros(3, np.int64), "float32 or float64, got int64"),
    (np.zeros(3), np.zeros(4), r"shape of params \(3,\)"),
    (np.zeros(3), np.zeros(3, np.float32), "grads are float32 but params are float64"),
    (np.zeros(6)[::2], np.zeros(3), "contiguous"),
])
def test_step_checks_its_arrays(params, grads, message):
    with pytest.raises(ValueError, match=message):
        make_optimizer("adam").step(params, grads)


# --- every optimizer lowers a loss ---------------------------------------------------------

LEARNING_RATES = {"sgd": 0.1, "momentum": 0.05, "adagrad": 0.5, "adadelta": 1.0,
                  "rmsprop": 0.01, "adam": 0.05}


@pytest.mark.parametrize("name", NAMES)
def test_lowers_a_least_squares_loss(name):
    rng = np.random.default_rng(0)
    a = rng.normal(size=(40, 5))
    b = a @ rng.normal(size=5) + 0.01 * rng.normal(size=40)

    def loss_and_grad(w):
        r = a @ w - b
        return 0.5 * np.mean(r * r), a.T @ r / len(b)

    w = np.zeros(5)
    start = loss_and_grad(w)[0]
    opt = make_optimizer(name, lr=LEARNING_RATES[name])
    for _ in range(500):                 # Adadelta starts slowly: its steps grow from √ε
        opt.step(w, loss_and_grad(w)[1])
    assert loss_and_grad(w)[0] < 0.01 * start


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("batch_size", [1, 16, "full"])
def test_trains_logistic_regression_with_the_engine_loss(name, batch_size):
    """Two Gaussian blobs; float32 parameters [w1, w2, b]; fused logistic loss; SGD / MBGD / BGD."""
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 200)
    x = (rng.normal(size=(200, 2)) + np.where(y[:, None] == 1, 1.5, -1.5)).astype(np.float32)
    loss = get_loss("binary_cross_entropy")
    params = np.zeros(3, np.float32)
    grads = np.empty_like(params)

    def forward(xb):
        return (xb @ params[:2] + params[2])[:, None]

    start = loss(forward(x), y, fused=True)[0]
    opt = make_optimizer(name, lr=LEARNING_RATES[name])
    size = len(y) if batch_size == "full" else batch_size
    for _ in range(3):                               # epochs
        order = rng.permutation(len(y))
        for i in range(0, len(y), size):
            idx = order[i:i + size]
            _, dz = loss(forward(x[idx]), y[idx], fused=True)
            grads[:2] = x[idx].T @ dz[:, 0]
            grads[2] = dz.sum()
            opt.step(params, grads)
    assert params.dtype == np.float32
    end = loss(forward(x), y, fused=True)[0]
    assert end < start
    if batch_size != "full":                          # 3 full-batch steps are too few to separate
        probabilities = 1 / (1 + np.exp(-forward(x)))
        assert accuracy(probabilities, y, "binary_cross_entropy") > 0.9
