"""The Lab's one-step record against the engine used independently: the Trainer, finite
differences of the loss, a direct forward, the optimizers applied by hand."""
import numpy as np
import pytest

from dlstudio.engine.lab.train_step import OPTIMIZER_NAMES, TrainStep, update_formula
from dlstudio.engine.model import Model
from dlstudio.engine.optimizers import make_optimizer
from dlstudio.engine.trainer import TrainConfig, Trainer
from dlstudio.spec import Network

FINAL = {"cross_entropy": "Softmax", "binary_cross_entropy": "Sigmoid", "mse": None, "mae": None}


def tiny_network(activation: str, loss: str) -> Network:
    """Input[2] → Dense(3) → activation → Dense(2) [→ final], written here independently."""
    net = Network(name="test")
    net.add("input", "Input", {"shape": [2]})
    net.add("dense1", "Dense", {"units": 3}, after="input")
    net.add("act1", activation, {}, after="dense1")
    net.add("dense2", "Dense", {"units": 2}, after="act1")
    if FINAL[loss]:
        net.add("out", FINAL[loss], {}, after="dense2")
    return net


def trainer_weights(activation, loss, optimizer, hyper, seed, x, target, steps):
    """The weights after `steps` steps of the engine's Trainer on this one sample."""
    model = Model(tiny_network(activation, loss), seed=seed)
    initial = model.weights()
    cfg = TrainConfig(loss=loss, optimizer=optimizer, hyper=dict(hyper), batch_size=1, epochs=steps,
                      seed=seed, val_split=0.0)
    xs = np.asarray([x], np.float32)
    ys = np.asarray([target], np.float32)
    Trainer(model, xs, ys, cfg).run(steps)
    return initial, model.weights()


CASES = [("Sigmoid", "cross_entropy", "sgd", {"lr": 0.5}),
         ("Tanh", "mse", "momentum", {"lr": 0.1}),
         ("ReLU", "binary_cross_entropy", "adam", {"lr": 0.01}),
         ("Sigmoid", "mae", "rmsprop", {}),
         ("ELU", "cross_entropy", "adadelta", {}),
         ("LeakyReLU", "mse", "adagrad", {"lr": 0.1})]


@pytest.mark.parametrize("activation,loss,optimizer,hyper", CASES)
def test_update_equals_one_trainer_step(activation, loss, optimizer, hyper):
    x, target = (0.7, -1.3), (0.0, 1.0)
    ts = TrainStep(activation, loss, optimizer, hyper, seed=5, x=x, target=target)
    rec = ts.record()
    initial, after = trainer_weights(activation, loss, optimizer, hyper, 5, x, target, steps=1)
    old, new = rec.old_weights(), rec.new_weights()
    assert set(new) == set(after) == {"dense1.kernel", "dense1.bias", "dense2.kernel", "dense2.bias"}
    for name in after:
        np.testing.assert_array_equal(old[name], initial[name])
        np.testing.assert_array_equal(new[name], after[name])
    assert any(not np.array_equal(new[n], old[n]) for n in after)   # the step moved something


@pytest.mark.parametrize("optimizer", ["momentum", "adam", "adadelta"])
def test_next_sample_step_continues_like_the_trainer(optimizer):
    x, target = (0.2, 0.9), (1.0, 0.0)
    ts = TrainStep("Sigmoid", "cross_entropy", optimizer, {"lr": 0.05}, seed=2, x=x, target=target)
    first = ts.advance()
    second = ts.record()
    assert second.step == 2 and second.t == 2
    for name, arr in first.new_weights().items():
        np.testing.assert_array_equal(second.old_weights()[name], arr)
    _, after = trainer_weights("Sigmoid", "cross_entropy", optimizer, {"lr": 0.05}, 2, x, target, steps=2)
    for name in after:
        np.testing.assert_array_equal(second.new_weights()[name], after[name])


def _reference_loss(loss: str, out: np.ndarray, t: np.ndarray) -> float:
    if loss == "cross_entropy":
        return float(-np.sum(t * np.log(out)))
    if loss == "binary_cross_entropy":
        return float(np.mean(-(t * np.log(out) + (1 - t) * np.log(1 - out))))
    if loss == "mse":
        return float(np.mean((out - t) ** 2))
    raise AssertionError(loss)


@pytest.mark.parametrize("activation,loss", [("Sigmoid", "cross_entropy"), ("Tanh", "mse"),
                                             ("ELU", "binary_cross_entropy")])
def test_backward_gradients_equal_finite_differences(activation, loss):
    x, target = np.array([0.4, -0.8]), np.array([0.0, 1.0])
    ts = TrainStep(activation, loss, "sgd", seed=1, x=x, target=target, dtype=np.float64)
    rec = ts.record()
    model = Model(tiny_network(activation, loss), dtype=np.float64, seed=99)
    model.set_weights(ts.weights())
    xb = x[None, :]

    def loss_at(params):
        model.params[...] = params
        return _reference_loss(loss, model.forward(xb)[0], target)

    p0 = model.params.copy()
    assert abs(loss_at(p0) - rec.loss) < 1e-9
    h = 1e-6
    for row in rec.weights:
        up, down = p0.copy(), p0.copy()
        up[row.flat] += h
        down[row.flat] -= h
        fd = (loss_at(up) - loss_at(down)) / (2 * h)
        assert abs(fd - row.grad) < 1e-6 * max(1.0, abs(fd)), row.name
    # the gradient that reaches the logits (fused: the final activation is skipped)
    model.params[...] = p0
    model.forward(xb)
    z = model.values["dense2"][0]
    fd_z = np.zeros(2)
    for k in range(2):
        dz = np.zeros(2)
        dz[k] = h
        fd_z[k] = (_reference_loss(loss, _final(loss, z + dz), target)
                   - _reference_loss(loss, _final(loss, z - dz), target)) / (2 * h)
    np.testing.assert_allclose(rec.node_grads["dense2"], fd_z, atol=1e-7)
    assert rec.fused == (loss != "mse")
    assert rec.loss_node == "dense2"


def _final(loss, z):
    if loss == "cross_entropy":
        e = np.exp(z - z.max())
        return e / e.sum()
    if loss == "binary_cross_entropy":
        return 1 / (1 + np.exp(-z))
    return z


def test_editing_a_weight_or_input_changes_the_forward_values():
    ts = TrainStep("Sigmoid", "cross_entropy", "sgd", seed=0, x=(0.5, -1.0))
    before = ts.record()
    ts.set_weight("dense1.kernel", (1, 2), 0.75)
    ts.set_input((1.5, 2.0))
    rec = ts.record()
    w = ts.weights()
    assert w["dense1.kernel"][1, 2] == np.float32(0.75)
    x = np.array([1.5, 2.0], np.float32)
    z1 = x @ w["dense1.kernel"] + w["dense1.bias"]
    a1 = 1 / (1 + np.exp(-z1.astype(np.float64)))
    np.testing.assert_allclose(rec.values["dense1"], z1, rtol=1e-6)
    np.testing.assert_allclose(rec.values["act1"], a1, rtol=1e-6)
    z2 = a1 @ w["dense2.kernel"] + w["dense2.bias"]
    p = np.exp(z2 - z2.max()) / np.exp(z2 - z2.max()).sum()
    np.testing.assert_allclose(rec.values["out"], p, rtol=1e-5)
    assert not np.allclose(before.values["dense1"], rec.values["dense1"])
    assert rec.row("dense1.kernel[1, 2]").old == pytest.approx(0.75)


def test_record_does_not_move_the_weights():
    ts = TrainStep("Tanh", "mse", "adam", seed=4)
    w0 = ts.weights()
    a, b = ts.record(), ts.record()
    assert [r.new for r in a.weights] == [r.new for r in b.weights]
    for k, v in ts.weights().items():
        np.testing.assert_array_equal(v, w0[k])
    assert ts.optimizer.t == 0


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_each_optimizer_update_equals_the_optimizer_applied_by_hand(name):
    ts = TrainStep("Sigmoid", "mse", name, seed=8, x=(0.3, 0.6), target=(0.5, -0.5))
    ts.advance()                      # so the state (velocity, moments) is not empty
    rec = ts.record()
    params = np.array([r.old for r in rec.weights], np.float32)
    grads = np.array([r.grad for r in rec.weights], np.float32)
    opt = make_optimizer(name)
    first = ts.optimizer.state_dict()
    opt.load_state_dict(first)
    opt.step(params, grads)
    np.testing.assert_array_equal(params, np.array([r.new for r in rec.weights], np.float32))
    for row in rec.weights:
        lines = update_formula(rec, row.name)
        assert lines[-1].endswith(f"= {row.new:.6g}")


def test_plain_sgd_is_w_minus_lr_g():
    ts = TrainStep("Sigmoid", "cross_entropy", "sgd", {"lr": 0.3}, seed=3)
    rec = ts.record()
    for r in rec.weights:
        assert r.new == pytest.approx(np.float32(r.old) - np.float32(0.3) * np.float32(r.grad), abs=1e-7)


def test_bad_edits_are_clear_errors():
    ts = TrainStep()
    with pytest.raises(ValueError, match="input must be 2 numbers"):
        ts.set_input(["abc", 1])
    with pytest.raises(ValueError, match="finite"):
        ts.set_weight("dense1.kernel", (0, 0), float("nan"))
    with pytest.raises(ValueError, match="outside"):
        ts.set_weight("dense1.kernel", (2, 0), 1.0)
    ts.set_target((0.3, 0.3))
    with pytest.raises(ValueError, match="sum"):
        ts.record()
    with pytest.raises(ValueError):
        ts.set_optimizer("adam", {"lr": -1})
    ts.set_loss("mse")
    ts.set_weight("dense2.kernel", (0, 0), 3e38)
    ts.set_weight("dense2.kernel", (1, 0), 3e38)
    with pytest.raises(ValueError, match="not a finite number"):
        ts.record()
