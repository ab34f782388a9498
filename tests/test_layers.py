"""Every engine layer: forward against a plain formula, backward against finite differences."""
import numpy as np
import pytest

from dlstudio.engine.model import Model
from dlstudio.spec import Network, NetworkError
from gradcheck import check_layer


@pytest.mark.parametrize("type_,params,shape", [
    ("Dense", {"units": 4}, (5,)),
    ("Dense", {"units": 1, "use_bias": False}, (3,)),
    ("Dense", {"units": 3}, (4, 2)),          # per time step on a sequence
    ("Sigmoid", {}, (7,)),
    ("Tanh", {}, (2, 3)),
    ("ReLU", {}, (6,)),
    ("LeakyReLU", {"alpha": 0.2}, (6,)),
    ("ELU", {"alpha": 0.7}, (2, 2, 2)),
    ("Softmax", {}, (5,)),
    ("Softmax", {}, (3, 4)),
    ("Flatten", {}, (2, 3, 4)),
    ("Identity", {}, (4,)),
])
def test_gradients_match_finite_differences(type_, params, shape):
    rng = np.random.default_rng(1)
    x = rng.standard_normal((3, *shape))
    if type_ in ("ReLU", "LeakyReLU", "ELU"):
        x[np.abs(x) < 1e-3] = 0.5  # keep away from the kink
    check_layer(type_, params, shape, x=x)


REFERENCE = {
    "Sigmoid": lambda x, p: 1 / (1 + np.exp(-x)),
    "Tanh": lambda x, p: np.tanh(x),
    "ReLU": lambda x, p: np.maximum(x, 0),
    "LeakyReLU": lambda x, p: np.where(x > 0, x, p["alpha"] * x),
    "ELU": lambda x, p: np.where(x > 0, x, p["alpha"] * (np.exp(x) - 1)),
    "Softmax": lambda x, p: np.exp(x - x.max(-1, keepdims=True)) / np.exp(x - x.max(-1, keepdims=True)).sum(-1, keepdims=True),
}


@pytest.mark.parametrize("type_", sorted(REFERENCE))
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_activation_forward_matches_formula_and_keeps_dtype(type_, dtype):
    params = {"alpha": 0.3} if type_ in ("LeakyReLU", "ELU") else {}
    net = Network().add("in", "Input", {"shape": [3, 5]}).add("a", type_, params, after="in")
    m = Model(net, dtype=dtype)
    x = (np.random.default_rng(0).standard_normal((4, 3, 5)) * 4).astype(dtype)
    y = m.forward(x)
    assert y.dtype == dtype
    m.layers["a"].need_dx = True
    (dx,) = m.layers["a"].backward(np.ones_like(y))
    assert dx.dtype == dtype
    np.testing.assert_allclose(y, REFERENCE[type_](x.astype(np.float64), {"alpha": 0.3}),
                               rtol=1e-5 if dtype == np.float32 else 1e-12, atol=1e-6)


def test_sigmoid_and_softmax_are_stable_for_huge_inputs():
    net = Network().add("in", "Input", {"shape": [3]}).add("s", "Softmax", after="in")
    y = Model(net).forward(np.array([[1000.0, 0.0, -1000.0]], np.float32))
    assert np.isfinite(y).all() and y[0, 0] == pytest.approx(1.0)
    net = Network().add("in", "Input", {"shape": [2]}).add("s", "Sigmoid", after="in")
    y = Model(net).forward(np.array([[1000.0, -1000.0]], np.float32))
    assert np.isfinite(y).all() and y[0, 0] == 1.0 and y[0, 1] == 0.0


def test_dense_forward_is_x_w_plus_b():
    net = Network().add("in", "Input", {"shape": [3]}).add("d", "Dense", {"units": 2}, after="in")
    m = Model(net, seed=3)
    x = np.arange(6, dtype=np.float32).reshape(2, 3)
    w, b = m.layers["d"].w["kernel"], m.layers["d"].w["bias"]
    b[:] = [0.5, -1]
    np.testing.assert_allclose(m.forward(x), x @ w + b, rtol=1e-6)


def test_dropout_scales_kept_values_and_is_identity_at_inference():
    net = Network().add("in", "Input", {"shape": [1000]}).add("d", "Dropout", {"rate": 0.25}, after="in")
    m = Model(net, seed=0)
    x = np.ones((4, 1000), np.float32)
    y = m.forward(x, training=True)
    kept = y != 0
    assert 0.7 < kept.mean() < 0.8
    np.testing.assert_allclose(y[kept], 1 / 0.75, rtol=1e-6)
    (dx,) = m.layers["d"].backward(np.ones_like(y))
    np.testing.assert_array_equal(dx, y)  # gradient flows only through kept values, same scale
    np.testing.assert_array_equal(m.forward(x, training=False), x)


def test_initialisation_is_seeded_and_he_for_relu():
    def build(seed):
        net = (Network().add("in", "Input", {"shape": [400]}).add("d", "Dense", {"units": 300}, after="in")
               .add("r", "ReLU", after="d").add("o", "Dense", {"units": 10}, after="r"))
        return Model(net, seed=seed)
    a, b, c = build(1), build(1), build(2)
    np.testing.assert_array_equal(a.params, b.params)
    assert not np.array_equal(a.params, c.params)
    w = a.layers["d"].w["kernel"]
    assert w.std() == pytest.approx(np.sqrt(2 / 400), rel=0.05)      # He normal before a ReLU
    w, bias = a.layers["o"].w["kernel"], a.layers["o"].w["bias"]
    assert np.abs(w).max() <= np.sqrt(6 / (300 + 10)) + 1e-6           # Glorot uniform at the output
    assert np.count_nonzero(bias) == 10                                # and a bias U(±1/√fan_in), not zero
    assert np.abs(bias).max() <= 1 / np.sqrt(300) + 1e-6
    assert not a.layers["d"].w["bias"].any()                           # zero before a ReLU


def test_model_refuses_networks_it_cannot_run():
    two_outputs = (Network().add("in", "Input", {"shape": [3]}).add("a", "Dense", after="in")
                   .add("b", "Dense", after="in"))
    with pytest.raises(NetworkError, match="exactly one output"):
        Model(two_outputs)
    bad = Network().add("in", "Input", {"shape": [1, 3, 3]}).add("c", "Conv2D", {"kernel_size": 5}, after="in")
    with pytest.raises(NetworkError, match="c: Conv2D kernel 5×5"):
        Model(bad)


def test_input_shape_mismatch_is_explained():
    net = Network().add("in", "Input", {"shape": [3]}).add("d", "Dense", after="in")
    with pytest.raises(NetworkError, match=r"samples of shape \[4\].*expects \[3\]"):
        Model(net).predict(np.zeros((2, 4), np.float32))
