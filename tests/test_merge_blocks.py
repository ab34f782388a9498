"""Add and Concatenate on the engine, and multi-branch networks (residual, two-branch
concatenation, Inception-like) trained end to end through Model with checked gradients."""
import numpy as np
import pytest

from dlstudio.engine import config
from dlstudio.engine.layers.base import ENGINE_LAYERS
from dlstudio.engine.model import Model
from dlstudio.spec import Network
from gradcheck import numeric_grad


# ---- Add and Concatenate -----------------------------------------------------------------------

def check_model_gradients(model: Model, x: np.ndarray, seed: int = 0, rtol=1e-5, atol=1e-7,
                          training: bool = True):
    """d(sum(out · R))/d(every trainable weight) from Model.backward against finite differences."""
    rng = np.random.default_rng(seed)
    model.params[:] = rng.standard_normal(model.params.size) * 0.5
    out = model.forward(x, training=training)
    r = rng.standard_normal(out.shape)

    def f():
        return float(np.sum(model.forward(x, training=training) * r))

    model.forward(x, training=training)
    model.grads[:] = np.nan                   # every gradient must be written by this backward
    model.backward(r)
    analytic = model.grads.copy()
    numeric = numeric_grad(f, model.params)
    for s in model.slots:
        if s.trainable:
            sl = slice(s.offset, s.offset + s.size)
            np.testing.assert_allclose(analytic[sl], numeric[sl], rtol=rtol, atol=atol,
                                       err_msg=f"d/d {s.name}")
    return model


def _two_branches(in_shape, merge, branches):
    """Input → one layer per branch → merge (inputs in branch order)."""
    net = Network().add("in", "Input", {"shape": list(in_shape)})
    for i, (type_, params) in enumerate(branches):
        net.add(f"b{i}", type_, params, after="in")
    return net.add("m", merge, after=[f"b{i}" for i in range(len(branches))])


@pytest.mark.parametrize("merge,in_shape,branches", [
    ("Add", (4,), [("Dense", {"units": 3}), ("Dense", {"units": 3})]),
    ("Add", (2, 4), [("Dense", {"units": 3}), ("Dense", {"units": 3, "use_bias": False}),
                     ("Dense", {"units": 3})]),                                     # 3 inputs, sequences
    ("Concatenate", (4,), [("Dense", {"units": 2}), ("Dense", {"units": 3})]),
    ("Concatenate", (3, 4), [("Dense", {"units": 1}), ("Dense", {"units": 2}), ("Dense", {"units": 3})]),
    ("Concatenate", (2, 4, 4), [("BatchNorm", {}), ("BatchNorm", {"epsilon": 0.1})]),  # channels
    ("Add", (2, 3, 3), [("BatchNorm", {}), ("BatchNorm", {"epsilon": 0.1})]),
])
def test_merge_input_gradients_through_two_branches(merge, in_shape, branches):
    m = Model(_two_branches(in_shape, merge, branches), dtype=np.float64)
    x = np.random.default_rng(1).standard_normal((3, *in_shape))
    check_model_gradients(m, x, seed=3)


def test_add_and_concatenate_forward_backward_directly():
    rng = np.random.default_rng(0)
    m = Model(_two_branches((2, 3), "Concatenate", [("Dense", {"units": 2}), ("Dense", {"units": 4})]))
    cat = m.layers["m"]
    y = m.forward(rng.standard_normal((5, 2, 3)).astype(np.float32))
    assert y.shape == (5, 2, 6) and y.dtype == np.float32
    np.testing.assert_array_equal(y, np.concatenate([m.values["b0"], m.values["b1"]], axis=2))
    d = rng.standard_normal(y.shape).astype(np.float32)
    d0, d1 = cat.backward(d)
    np.testing.assert_array_equal(d0, d[..., :2])
    np.testing.assert_array_equal(d1, d[..., 2:])
    assert d0.flags.c_contiguous and d1.flags.c_contiguous and d0.dtype == np.float32
    # images: along channels (axis 1 with the batch)
    m = Model(_two_branches((3, 4, 5), "Concatenate", [("MaxPool2D", {"pool_size": 2}),
                                                       ("AvgPool2D", {"pool_size": 2})]))
    x = rng.standard_normal((2, 3, 4, 5)).astype(np.float32)
    y = m.forward(x)
    assert y.shape == (2, 6, 2, 2)
    np.testing.assert_array_equal(y[:, 3:], m.values["b1"])
    m = Model(_two_branches((3,), "Add", [("Sigmoid", {}), ("Tanh", {}), ("ReLU", {})]))
    x = rng.standard_normal((4, 3)).astype(np.float32)
    y = m.forward(x)
    np.testing.assert_allclose(y, 1 / (1 + np.exp(-x)) + np.tanh(x) + np.maximum(x, 0), rtol=1e-6)
    assert y.dtype == np.float32
    grads = m.layers["m"].backward(np.ones_like(y))
    assert len(grads) == 3 and all(np.array_equal(g, np.ones_like(y)) for g in grads)


def test_a_fan_out_and_merge_sum_gradients():
    # in → d1 → (sigmoid, tanh) → add: d1 receives the sum of both branches' gradients
    net = (Network().add("in", "Input", {"shape": [3]}).add("d1", "Dense", {"units": 4}, after="in")
           .add("a", "Sigmoid", after="d1").add("b", "Tanh", after="d1").add("s", "Add", after=["a", "b"]))
    check_model_gradients(Model(net, dtype=np.float64), np.random.default_rng(2).standard_normal((3, 3)))


# ---- blocks end to end -------------------------------------------------------------------------
def test_residual_block_end_to_end():
    # in → Dense → BatchNorm → ReLU → Dense → Add(·, in) → ReLU → Dense
    net = (Network().add("in", "Input", {"shape": [5]})
           .add("d1", "Dense", {"units": 5}, after="in").add("bn", "BatchNorm", after="d1")
           .add("r1", "ReLU", after="bn").add("d2", "Dense", {"units": 5}, after="r1")
           .add("add", "Add", after=["d2", "in"]).add("r2", "ReLU", after="add")
           .add("out", "Dense", {"units": 2}, after="r2"))
    x = np.random.default_rng(4).standard_normal((6, 5))
    check_model_gradients(Model(net, dtype=np.float64), x, seed=5)
    # without BatchNorm and in inference mode too
    net = (Network().add("in", "Input", {"shape": [4]})
           .add("d1", "Dense", {"units": 4}, after="in").add("r1", "ReLU", after="d1")
           .add("d2", "Dense", {"units": 4}, after="r1").add("add", "Add", after=["in", "d2"]))
    check_model_gradients(Model(net, dtype=np.float64), x[:, :4], seed=6, training=False)


def test_two_branch_image_block_end_to_end():
    # in → BatchNorm → (MaxPool 2 valid | AvgPool 3 / 2 same) → Concatenate → GlobalAvgPool → Dense
    #                                                          ↘ Flatten → Dense ↗ Add
    net = (Network().add("in", "Input", {"shape": [2, 6, 5]})
           .add("bn", "BatchNorm", after="in")
           .add("mp", "MaxPool2D", {"pool_size": 2, "padding": "same"}, after="bn")
           .add("ap", "AvgPool2D", {"pool_size": 3, "strides": 2, "padding": "same"}, after="bn")
           .add("cat", "Concatenate", after=["mp", "ap"])
           .add("gap", "GlobalAvgPool2D", after="cat").add("d1", "Dense", {"units": 3}, after="gap")
           .add("fl", "Flatten", after="cat").add("d2", "Dense", {"units": 3}, after="fl")
           .add("sum", "Add", after=["d1", "d2"]))
    m = Model(net, dtype=np.float64)
    assert m.layers["cat"].out_shape == (4, 3, 3)
    x = np.random.default_rng(9).standard_normal((3, 2, 6, 5))
    check_model_gradients(m, x, seed=10)


@pytest.mark.skipif("Conv2D" not in ENGINE_LAYERS, reason="Conv2D's engine layer is not in the tree yet")
def test_conv_residual_and_inception_blocks_end_to_end():
    net = (Network().add("in", "Input", {"shape": [2, 5, 5]})
           .add("c1", "Conv2D", {"filters": 2, "kernel_size": 3, "padding": "same"}, after="in")
           .add("bn", "BatchNorm", after="c1").add("r", "ReLU", after="bn")
           .add("add", "Add", after=["r", "in"])
           .add("b1", "Conv2D", {"filters": 2, "kernel_size": 1}, after="add")
           .add("b2", "Conv2D", {"filters": 1, "kernel_size": [3, 1], "padding": "same"}, after="add")
           .add("b3", "MaxPool2D", {"pool_size": 3, "strides": 1, "padding": "same"}, after="add")
           .add("cat", "Concatenate", after=["b1", "b2", "b3"]).add("gap", "GlobalAvgPool2D", after="cat"))
    m = Model(net, dtype=np.float64)
    assert m.layers["cat"].out_shape == (5, 5, 5)
    check_model_gradients(m, np.random.default_rng(11).standard_normal((2, 2, 5, 5)), seed=12)


def test_a_network_with_every_new_layer_trains_in_float32():
    """A few SGD steps through Model in float32: loss goes down, dtypes stay float32, state moves."""
    from dlstudio.engine.losses import get_loss
    net = (Network().add("in", "Input", {"shape": [1, 8, 8]})
           .add("bn0", "BatchNorm", after="in")
           .add("mp", "MaxPool2D", {"pool_size": 2}, after="bn0")
           .add("ap", "AvgPool2D", {"pool_size": 2}, after="bn0")
           .add("cat", "Concatenate", after=["mp", "ap"]).add("fl", "Flatten", after="cat")
           .add("d1", "Dense", {"units": 8}, after="fl").add("bn1", "BatchNorm", after="d1")
           .add("r", "ReLU", after="bn1").add("d2", "Dense", {"units": 8}, after="r")
           .add("add", "Add", after=["d2", "bn1"]).add("out", "Dense", {"units": 2}, after="add"))
    m = Model(net, seed=1)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((32, 1, 8, 8)).astype(np.float32)
    y = (x[:, 0, :4].mean(axis=(1, 2)) > x[:, 0, 4:].mean(axis=(1, 2))).astype(np.int64)
    loss = get_loss("cross_entropy")
    losses = []
    for _ in range(30):
        value, out = m.train_step_grads(x, y, loss)
        assert out.dtype == np.float32 and m.grads.dtype == np.float32
        assert np.isfinite(m.grads).all()
        m.params -= np.float32(0.1) * m.grads
        losses.append(value)
    assert losses[-1] < 0.5 * losses[0]
    assert m.state.dtype == np.float32 and not np.array_equal(m.weights()["bn1.moving_var"], 1)
    pred = m.predict(x)
    assert pred.dtype == np.float32 and np.isfinite(pred).all()


def test_parallel_threshold_is_the_config_value(monkeypatch):
    # the layers split a call over threads from config.PARALLEL_MIN_WORK (multiply-adds per call)
    monkeypatch.setattr("dlstudio.engine.chunks.numba.get_num_threads", lambda: 2)
    net = Network().add("in", "Input", {"shape": [16, 10, 10]}).add("p", "MaxPool2D", after="in")
    layer = Model(net).layers["p"]
    work_per_sample = 16 * 5 * 5 * 4
    n_min = -(-config.PARALLEL_MIN_WORK // work_per_sample)
    assert layer._chunks(n_min - 1) == 1 and layer._chunks(n_min) == 2
