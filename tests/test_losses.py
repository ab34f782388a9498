"""Losses: values against slow, obvious NumPy formulas; gradients against central differences in
float64; float32 stays float32; targets in every accepted form; errors in the user's terms."""
import math

import numpy as np
import pytest

from dlstudio.engine.losses import EPS, LOSSES, get_loss
from dlstudio.engine.metrics import accuracy

NAMES = ["mse", "mae", "msle", "mape", "binary_cross_entropy", "nll", "cross_entropy", "hinge",
         "exponential", "smooth_l1"]


# --- slow references: one sample, one element at a time ----------------------------------

def ref_elementwise(f, out, target):
    out, target = np.asarray(out, np.float64).ravel(), np.asarray(target, np.float64).ravel()
    return sum(f(o, t) for o, t in zip(out, target)) / out.size


def ref_mse(o, t): return (o - t) ** 2
def ref_mae(o, t): return abs(o - t)
def ref_msle(o, t): return (math.log(1 + max(o, EPS)) - math.log(1 + max(t, EPS))) ** 2
def ref_mape(o, t): return 100 * abs(o - t) / max(abs(t), EPS)
def ref_smooth_l1(o, t): return 0.5 * (o - t) ** 2 if abs(o - t) < 1 else abs(o - t) - 0.5
def ref_bce(p, y): return -(y * math.log(p) + (1 - y) * math.log(1 - p))
def ref_bce_logit(z, y): return ref_bce(1 / (1 + math.exp(-z)), y)
def ref_hinge(o, y): return max(0.0, 1 - y * o)
def ref_exponential(o, y): return math.exp(-y * o)


def ref_log_softmax(row):
    return [v - math.log(sum(math.exp(u) for u in row)) for v in row]


def ref_cross_entropy(z, dist):
    """Mean over samples of −Σ_j dist_ij · log softmax(z_i)_j."""
    return sum(-sum(d * l for d, l in zip(dist[i], ref_log_softmax(z[i])))
               for i in range(len(z))) / len(z)


def one_hot(labels, k):
    t = np.zeros((len(labels), k))
    t[np.arange(len(labels)), labels] = 1
    return t


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def away_from(x, points, gap):
    """Push the entries of x that are closer than `gap` to any of `points` away from them
    (kinks of the loss, where a central difference straddles two branches)."""
    x = x.copy()
    for p in points:
        close = np.abs(x - p) < gap
        x[close] = p + np.where(x[close] >= p, gap, -gap)
    return x


# --- cases: (id, loss, fused, make(rng, n) -> (out, target, reference value)) ------------------

def _regression(ref, shape_tail, make_out=None, make_target=None, kinks=()):
    def make(rng, n):
        shape = (n,) + shape_tail
        out = make_out(rng, shape) if make_out else rng.normal(size=shape)
        t = make_target(rng, shape) if make_target else rng.normal(size=shape)
        out = t + away_from(out - t, kinks, 0.05)
        return out, t, ref_elementwise(ref, out, t)
    return make


def _mse_labels(rng, n):
    out, labels = rng.normal(size=(n, 4)), rng.integers(0, 4, n)
    return out, labels, ref_elementwise(ref_mse, out, one_hot(labels, 4))


def _mse_column(rng, n):   # an (N, 1) output with an (N,) target
    out, t = rng.normal(size=(n, 1)), rng.normal(size=n)
    return out, t, ref_elementwise(ref_mse, out, t)


def _positive(rng, shape):
    return rng.uniform(0.1, 3.0, size=shape)


def _nonzero(rng, shape):
    return rng.choice([-1, 1], size=shape) * rng.uniform(0.5, 3.0, size=shape)


def _ce_labels(k):
    def make(rng, n):
        z, y = rng.normal(size=(n, k)) * 2, rng.integers(0, k, n)
        return z, y, ref_cross_entropy(z, one_hot(y, k))
    return make


def _ce_soft(rng, n):
    z, t = rng.normal(size=(n, 3)), rng.dirichlet([1, 1, 1], size=n)
    return z, t, ref_cross_entropy(z, t)


def _nll_labels(rng, n):
    p, y = softmax(rng.normal(size=(n, 5))), rng.integers(0, 5, n)
    return p, y, sum(-math.log(p[i, y[i]]) for i in range(n)) / n


def _nll_one_hot(rng, n):
    p, y = softmax(rng.normal(size=(n, 3))), rng.integers(0, 3, n)
    return p, one_hot(y, 3), sum(-math.log(p[i, y[i]]) for i in range(n)) / n


def _binary_probs(rng, n, shape_tail=(1,), target_shape=None):
    p = rng.uniform(0.05, 0.95, size=(n,) + shape_tail)
    y = rng.integers(0, 2, size=target_shape or p.shape)
    return p, y, ref_elementwise(ref_bce, p, y.reshape(p.shape))


def _bce_labels(rng, n): return _binary_probs(rng, n, (1,), (n,))
def _bce_multilabel(rng, n): return _binary_probs(rng, n, (3,))
def _bce_flat(rng, n): return _binary_probs(rng, n, (), (n,))


def _bce_soft(rng, n):
    p, y = rng.uniform(0.05, 0.95, size=(n, 2)), rng.uniform(0, 1, size=(n, 2))
    return p, y, ref_elementwise(ref_bce, p, y)


def _bce_logits(shape_tail, labels):
    def make(rng, n):
        z = rng.normal(size=(n,) + shape_tail) * 3
        y = rng.integers(0, 2, size=(n,) if labels else z.shape)
        return z, y, ref_elementwise(ref_bce_logit, z, y.reshape(z.shape))
    return make


def _margin(ref, form):
    """Margin-loss targets: 0/1 labels, -1/+1 labels, class labels (one-vs-all), ±1 arrays."""
    def make(rng, n):
        k = 3 if form in ("classes", "pm1_array") else 1
        out = rng.normal(size=(n, k)) * 2
        if form == "classes":
            labels = rng.integers(0, k, n)
            signs = 2 * one_hot(labels, k) - 1
            target = labels
        else:
            signs = rng.choice([-1.0, 1.0], size=(n, k))
            target = {"01": (signs[:, 0] > 0).astype(np.int64), "pm1": signs[:, 0].astype(np.int64),
                      "pm1_array": signs}[form]
        if ref is ref_hinge:   # keep y·out away from the kink at 1
            out = signs * away_from(signs * out, [1.0], 0.05)
        return out, target, ref_elementwise(ref, out, signs)
    return make


CASES = [
    ("mse", False, _regression(ref_mse, (3,))),
    ("mse", False, _regression(ref_mse, (2, 3))),
    ("mse", False, _mse_column),
    ("mse", False, _mse_labels),
    ("mae", False, _regression(ref_mae, (3,), kinks=[0.0])),
    ("mae", False, _regression(ref_mae, (1,), kinks=[0.0])),
    ("msle", False, _regression(ref_msle, (3,), _positive, lambda r, s: r.uniform(0, 3, s))),
    ("mape", False, _regression(ref_mape, (2,), make_target=_nonzero, kinks=[0.0])),
    ("smooth_l1", False, _regression(ref_smooth_l1, (4,), lambda r, s: 2 * r.normal(size=s),
                                     kinks=[-1.0, 0.0, 1.0])),
    ("binary_cross_entropy", False, _bce_labels),
    ("binary_cross_entropy", False, _bce_multilabel),
    ("binary_cross_entropy", False, _bce_flat),
    ("binary_cross_entropy", False, _bce_soft),
    ("binary_cross_entropy", True, _bce_logits((1,), labels=True)),
    ("binary_cross_entropy", True, _bce_logits((3,), labels=False)),
    ("nll", False, _nll_labels),
    ("nll", False, _nll_one_hot),
    ("nll", False, _bce_labels),      # one output: P(class 1)
    ("nll", True, _ce_labels(4)),     # fused: logits, exactly cross-entropy
    ("cross_entropy", False, _ce_labels(2)),
    ("cross_entropy", False, _ce_labels(5)),
    ("cross_entropy", True, _ce_labels(3)),
    ("cross_entropy", False, _ce_soft),
    ("hinge", False, _margin(ref_hinge, "01")),
    ("hinge", False, _margin(ref_hinge, "pm1")),
    ("hinge", False, _margin(ref_hinge, "classes")),
    ("hinge", False, _margin(ref_hinge, "pm1_array")),
    ("exponential", False, _margin(ref_exponential, "01")),
    ("exponential", False, _margin(ref_exponential, "classes")),
    ("exponential", False, _margin(ref_exponential, "pm1_array")),
]
IDS = [f"{name}{'-fused' if fused else ''}-{make.__name__}-{i}"
       for i, (name, fused, make) in enumerate(CASES)]


def numeric_grad(loss, out, target, fused, h=1e-6):
    grad = np.zeros_like(out)
    for idx in np.ndindex(out.shape):
        plus, minus = out.copy(), out.copy()
        plus[idx] += h
        minus[idx] -= h
        grad[idx] = (loss(plus, target, fused)[0] - loss(minus, target, fused)[0]) / (2 * h)
    return grad


def test_every_loss_has_cases():
    assert sorted(LOSSES) == sorted(NAMES)
    assert {name for name, _, _ in CASES} == set(NAMES)


@pytest.mark.parametrize("n", [1, 4])
@pytest.mark.parametrize("name,fused,make", CASES, ids=IDS)
def test_value_matches_reference(name, fused, make, n):
    out, target, expected = make(np.random.default_rng(n), n)
    value, grad = LOSSES[name](out, target, fused)
    assert isinstance(value, float)
    assert value == pytest.approx(expected, rel=1e-10, abs=1e-12)
    assert grad.shape == out.shape and grad.dtype == np.float64


@pytest.mark.parametrize("n", [1, 4])
@pytest.mark.parametrize("name,fused,make", CASES, ids=IDS)
def test_gradient_matches_central_differences(name, fused, make, n):
    out, target, _ = make(np.random.default_rng(10 + n), n)
    loss = LOSSES[name]
    _, grad = loss(out, target, fused)
    np.testing.assert_allclose(grad, numeric_grad(loss, out, target, fused),
                               rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("name,fused,make", CASES, ids=IDS)
def test_float32_in_float32_out(name, fused, make):
    out, target, expected = make(np.random.default_rng(3), 4)
    if target.dtype == np.float64:
        target = target.astype(np.float32)
    value, grad = LOSSES[name](out.astype(np.float32), target, fused)
    _, grad64 = LOSSES[name](out, target, fused)
    assert grad.dtype == np.float32
    assert value == pytest.approx(expected, rel=1e-4)
    np.testing.assert_allclose(grad, grad64, rtol=1e-3, atol=1e-6)


def test_float64_target_does_not_promote_float32_output():
    out = np.ones((2, 3), np.float32)
    for name in ("mse", "mae", "smooth_l1", "msle", "mape"):
        assert LOSSES[name](out, np.zeros((2, 3)) + 0.5)[1].dtype == np.float32


# --- known numbers --------------------------------------------------------------------

def test_known_values():
    y = np.array([[1.0, 2.0]])
    assert LOSSES["mse"](np.array([[2.0, 4.0]]), y)[0] == pytest.approx((1 + 4) / 2)
    assert LOSSES["mae"](np.array([[2.0, 4.0]]), y)[0] == pytest.approx((1 + 2) / 2)
    assert LOSSES["mape"](np.array([[2.0, 4.0]]), y)[0] == pytest.approx(100 * (1 + 1) / 2)
    assert LOSSES["smooth_l1"](np.array([[1.5, 5.0]]), y)[0] == pytest.approx((0.125 + 2.5) / 2)
    # e − 1 and e² − 1 against the same targets: log(1 + x) turns these into 1 and 2.
    e = math.e
    msle = LOSSES["msle"](np.array([[e - 1, e * e - 1]]), np.array([[0.0, e - 1]]))[0]
    assert msle == pytest.approx((1 + 1) / 2)
    # Two equal logits: probability ½ each, loss log 2.
    assert LOSSES["cross_entropy"](np.zeros((1, 2)), np.array([1]))[0] == pytest.approx(math.log(2))
    assert LOSSES["binary_cross_entropy"](np.zeros((1, 1)), np.array([1]), fused=True)[0] \
        == pytest.approx(math.log(2))
    assert LOSSES["hinge"](np.array([[0.25], [2.0]]), np.array([1, 1]))[0] == pytest.approx(0.375)
    assert LOSSES["exponential"](np.array([[0.0], [1.0]]), np.array([0, 0]))[0] \
        == pytest.approx((1 + e) / 2)


def test_exponential_is_a_mean_not_a_sum():
    out = np.zeros((4, 1))
    assert LOSSES["exponential"](out, np.ones(4))[0] == pytest.approx(1.0)


def test_cross_entropy_is_stable_for_huge_logits():
    z = np.array([[1000.0, 0.0, -1000.0], [1000.0, 1000.0, -1000.0]])
    for dtype in (np.float64, np.float32):
        value, grad = LOSSES["cross_entropy"](z.astype(dtype), np.array([0, 2]))
        assert value == pytest.approx((0 + 2000 + math.log(2)) / 2, rel=1e-6)
        assert np.all(np.isfinite(grad)) and grad.dtype == dtype
        np.testing.assert_allclose(grad, [[0, 0, 0], [0.25, 0.25, -0.5]], atol=1e-6)


def test_fused_logistic_is_stable_for_huge_logits():
    z = np.array([[800.0], [-800.0]], dtype=np.float32)
    value, grad = LOSSES["binary_cross_entropy"](z, np.array([0, 0]), fused=True)
    assert value == pytest.approx(400.0)
    np.testing.assert_allclose(grad, [[0.5], [0.0]], atol=1e-6)


def test_cross_entropy_fused_and_unfused_agree_and_nll_fused_equals_it():
    rng = np.random.default_rng(0)
    z, y = rng.normal(size=(6, 4)), rng.integers(0, 4, 6)
    plain, fused = LOSSES["cross_entropy"](z, y), LOSSES["cross_entropy"](z, y, fused=True)
    nll = LOSSES["nll"](z, y, fused=True)
    assert plain[0] == fused[0] == nll[0]
    np.testing.assert_array_equal(plain[1], nll[1])


def test_nll_on_softmax_chains_to_the_fused_gradient():
    """Softmax's backward applied to the unfused nll gradient gives the fused gradient."""
    rng = np.random.default_rng(1)
    z, y = rng.normal(size=(5, 3)), rng.integers(0, 3, 5)
    p = softmax(z)
    _, dp = LOSSES["nll"](p, y)
    dz = p * (dp - np.sum(dp * p, axis=1, keepdims=True))
    np.testing.assert_allclose(dz, LOSSES["nll"](z, y, fused=True)[1], atol=1e-12)


def test_class_labels_may_come_as_whole_floats_or_a_column():
    z = np.random.default_rng(0).normal(size=(3, 4))
    ints = LOSSES["cross_entropy"](z, np.array([0, 3, 1]))[0]
    assert LOSSES["cross_entropy"](z, np.array([0.0, 3.0, 1.0]))[0] == ints
    assert LOSSES["cross_entropy"](z, np.array([[0], [3], [1]]))[0] == ints


def test_losses_do_not_modify_their_inputs():
    rng = np.random.default_rng(0)
    for name, fused, make in CASES:
        out, target, _ = make(rng, 3)
        out0, target0 = out.copy(), target.copy()
        LOSSES[name](out, target, fused)
        np.testing.assert_array_equal(out, out0)
        np.testing.assert_array_equal(target, target0)


def test_msle_has_no_gradient_where_the_output_is_clipped():
    _, grad = LOSSES["msle"](np.array([[-2.0, 1.0]]), np.array([[1.0, 0.0]]))
    assert grad[0, 0] == 0 and grad[0, 1] > 0


# --- registry and metadata ---------------------------------------------------------------

def test_metadata():
    for name, loss in LOSSES.items():
        assert loss.name == name
        assert loss.task in ("classification", "regression", "both")
    assert LOSSES["cross_entropy"].fuses_with == "Softmax"
    assert LOSSES["nll"].fuses_with == "Softmax"
    assert LOSSES["binary_cross_entropy"].fuses_with == "Sigmoid"
    assert {n for n, l in LOSSES.items() if l.fuses_with} == {"cross_entropy", "nll",
                                                              "binary_cross_entropy"}
    assert LOSSES["mse"].task == "both"
    assert LOSSES["hinge"].task == "classification"
    assert LOSSES["mape"].task == "regression"


def test_get_loss():
    assert get_loss("cross_entropy") is LOSSES["cross_entropy"]
    assert get_loss("MSE") is LOSSES["mse"]
    assert get_loss("logistic") is LOSSES["binary_cross_entropy"]
    with pytest.raises(ValueError, match="unknown loss 'crossentropy'.*cross_entropy.*smooth_l1"):
        get_loss("crossentropy")


# --- errors in the user's terms ----------------------------------------------------------

Z = np.zeros((3, 10))


@pytest.mark.parametrize("name,out,target,fused,message", [
    ("cross_entropy", Z, np.array([1, 12, 3]), False,
     "label 12 is outside 0..9 for a network with 10 outputs"),
    ("cross_entropy", Z, np.array([1, -1, 3]), False, "label -1 is outside 0..9"),
    ("nll", Z + 0.1, np.array([1, 10, 3]), False, "label 10 is outside 0..9"),
    ("hinge", Z, np.array([1, 10, 3]), False, "label 10 is outside 0..9"),
    ("mse", Z, np.array([1, 10, 3]), False, "label 10 is outside 0..9"),
    ("cross_entropy", Z, np.array([0.5, 1.2, 3.0]), False, "regression target"),
    ("cross_entropy", Z, np.ones((3, 10)), False, "sums to 10"),
    ("cross_entropy", Z, np.array([1, 2]), False, "the target has 2 samples but the network "
                                                  "output has 3"),
    ("cross_entropy", np.zeros((3, 1)), np.array([0, 0, 0]), False,
     "at least 2.*binary_cross_entropy"),
    ("cross_entropy", np.zeros((3, 2, 5)), np.array([0, 0, 0]), False, r"shape \(N, classes\)"),
    ("nll", np.zeros((3, 1)), np.array([0, 1, 1]), True, "Softmax over 1 output"),
    ("nll", Z - 1, np.array([0, 1, 1]), False, "probabilities.*Softmax"),
    ("nll", np.full((3, 1), 0.5), np.array([0, 2, 1]), False, "must be 0 or 1, got 2"),
    ("binary_cross_entropy", np.full((3, 1), 0.5), np.array([0, 2, 1]), False,
     "must be 0 or 1, got 2"),
    ("binary_cross_entropy", np.full((3, 1), 2.0), np.array([0, 1, 1]), False,
     "probabilities in \\[0, 1\\].*Sigmoid.*from 2 to 2"),
    ("binary_cross_entropy", Z, np.array([0, 1, 1]), False, "for class labels use cross_entropy"),
    ("binary_cross_entropy", Z, np.full((3, 10), 1.5), False, r"in \[0, 1\], got 1.5"),
    ("hinge", np.zeros((3, 1)), np.array([0, 2, 1]), False, "labels 0/1 or -1/\\+1.*got 2"),
    ("exponential", np.zeros((3, 2)), np.array([[0, 1], [2, 1], [1, 0]]), False, "got 2"),
    ("mse", Z, np.array([0.5, 1.0, 2.0]), False, r"shaped like the network output \(3, 10\)"),
    ("mse", Z, np.zeros((3, 9)), False, r"shaped like the network output \(3, 10\), got \(3, 9\)"),
    ("mae", Z, np.array([1, 2, 3]), False, "look like class labels"),
    ("msle", Z, Z - 1, False, "targets >= 0"),
    ("mse", Z, Z, True, "cannot absorb a final activation"),
    ("hinge", Z, np.zeros((3, 10)) + 1, True, "cannot absorb"),
    ("mse", Z.astype(np.int64), Z, False, "float32 or float64"),
    ("mse", np.zeros((0, 3)), np.zeros((0, 3)), False, "at least one sample"),
    ("mse", Z, np.full((3, 10), "a"), False, "must be numbers"),
])
def test_errors_speak_the_users_language(name, out, target, fused, message):
    with pytest.raises(ValueError, match=message):
        LOSSES[name](out, target, fused)


# --- accuracy -------------------------------------------------------------------------------

def test_accuracy():
    z = np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 3.0], [1.0, 5.0, 0.0], [0.0, 1.0, 0.5]])
    labels = np.array([0, 2, 0, 1])
    assert accuracy(z, labels, "cross_entropy") == 0.75
    assert accuracy(z, one_hot(labels, 3), "cross_entropy") == 0.75
    assert accuracy(z, labels, "mse") == 0.75
    assert accuracy(z, labels, "hinge") == 0.75
    p = np.array([[0.9], [0.4], [0.6], [0.2]])
    assert accuracy(p, np.array([1, 0, 0, 0]), "binary_cross_entropy") == 0.75
    assert accuracy(p, np.array([1, 0, 0, 0]), "nll") == 0.75
    assert accuracy(p, np.array([1, 0, 0, 0]), "mse") == 0.75
    # Margin losses split scores at 0, not 0.5.
    s = np.array([[0.3], [-0.1], [2.0], [-3.0]])
    assert accuracy(s, np.array([1, -1, 1, 1]), "hinge") == 0.75
    assert accuracy(s, np.array([1, 0, 1, 1]), "exponential") == 0.75
    # Multi-label: per output.
    assert accuracy(np.array([[0.9, 0.2], [0.4, 0.7]]), np.array([[1, 0], [1, 1]]),
                    "binary_cross_entropy") == 0.75
    # Not classification.
    assert accuracy(z, z, "mse") is None
    assert accuracy(p, np.array([0.3, 1.5, 2.0, 0.0]), "mse") is None
    assert accuracy(p, np.array([1, 0, 0, 0]), "mae") is None
    assert accuracy(p, np.array([3, 5, 7, 0]), "mse") is None
