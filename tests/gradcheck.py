"""Finite-difference gradient checks in float64 (central differences)."""
from __future__ import annotations

import numpy as np

from dlstudio.engine.model import Model
from dlstudio.spec import Network


def numeric_grad(f, x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    g = np.zeros_like(x)
    flat, gf = x.reshape(-1), g.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + eps
        fp = f()
        flat[i] = old - eps
        fm = f()
        flat[i] = old
        gf[i] = (fp - fm) / (2 * eps)
    return g


def check_layer(type_: str, params: dict, in_shape: tuple, batch: int = 3, seed: int = 0,
                x: np.ndarray | None = None, rtol: float = 1e-5, atol: float = 1e-7) -> Model:
    """Input → layer; compare d(sum(out * R))/d(input) and /d(weights) with finite differences."""
    net = Network().add("in", "Input", {"shape": list(in_shape)}).add("layer", type_, params, after="in")
    model = Model(net, dtype=np.float64, seed=seed)
    rng = np.random.default_rng(seed)
    if model.params.size:
        model.params[:] = rng.standard_normal(model.params.size) * 0.5
    if x is None:
        x = rng.standard_normal((batch, *in_shape))
    layer = model.layers["layer"]
    layer.need_dx = True
    out = model.forward(x, training=True)
    r = rng.standard_normal(out.shape)

    def f():
        return float(np.sum(model.forward(x, training=True) * r))

    model.forward(x, training=True)
    (dx,) = layer.backward(r)
    np.testing.assert_allclose(dx, numeric_grad(f, x), rtol=rtol, atol=atol, err_msg=f"{type_} d/dx")
    if model.params.size:
        model.forward(x, training=True)
        layer.backward(r)
        analytic = model.grads.copy()
        np.testing.assert_allclose(analytic, numeric_grad(f, model.params), rtol=rtol, atol=atol,
                                   err_msg=f"{type_} d/dweights")
    return model
