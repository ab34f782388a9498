"""The trainer: learning, batch modes, repeatability, pause / stop / resume, the NaN guard."""
import threading

import numpy as np
import pytest

from dlstudio.data import load_dataset, split
from dlstudio.engine.model import Model
from dlstudio.engine.optimizers import OPTIMIZERS
from dlstudio.engine.trainer import TrainConfig, Trainer, TrainingError, evaluate
from dlstudio.spec import Network
from dlstudio.zoo.presets import mlp


@pytest.fixture(scope="module")
def digits():
    ds = load_dataset("digits")
    return split(ds, 0.2, 0)


def trainer_for(data, seed=0, **cfg):
    tr, va = data
    config = TrainConfig(**{"epochs": 2, "hyper": {"lr": 0.005}, "seed": seed, **cfg})
    return Trainer(Model(mlp(tr.sample_shape, 10), seed=seed), tr.x, tr.y, config, val=(va.x, va.y))


def test_same_seed_gives_identical_runs(digits):
    a, b = trainer_for(digits), trainer_for(digits)
    ra, rb = a.run(), b.run()
    np.testing.assert_array_equal(a.model.params, b.model.params)
    assert ra["val_loss"] == rb["val_loss"]
    c = trainer_for(digits, seed=1)
    c.run()
    assert not np.array_equal(a.model.params, c.model.params)


@pytest.mark.parametrize("name", ["sgd", "momentum", "adagrad", "adadelta", "rmsprop", "adam"])
def test_each_optimizer_lowers_the_loss_on_digits(digits, name):
    lr = {"sgd": 0.1, "momentum": 0.05, "adagrad": 0.05, "adadelta": 1.0, "rmsprop": 0.002, "adam": 0.005}[name]
    t = trainer_for(digits, optimizer=name, hyper={"lr": lr}, epochs=3)
    before, _ = evaluate(t.model, *t.val, "cross_entropy")
    result = t.run()
    assert result["val_loss"] < 0.6 * before, (name, before, result["val_loss"])
    assert result["val_accuracy"] > 0.8


def test_optimizer_list_covers_the_curriculum():
    assert {"sgd", "momentum", "adagrad", "adadelta", "rmsprop", "adam"} <= set(OPTIMIZERS)


@pytest.mark.parametrize("batch", [1, "full", 64])
def test_batch_modes_sgd_bgd_mbgd(digits, batch):
    n = len(digits[0])
    expected = {1: n, "full": 1, 64: -(-n // 64)}[batch]
    t = trainer_for(digits, batch_size=batch, epochs=1)
    steps = []
    t.callbacks.append(lambda e: e["event"] == "batch" and steps.append(e["batch"]))
    t.run()
    assert len(steps) == expected == t.optimizer.t


def test_events_and_history(digits):
    t = trainer_for(digits, epochs=2)
    events = []
    t.callbacks.append(events.append)
    t.run()
    kinds = [e["event"] for e in events]
    assert kinds[0] == "start" and kinds[-1] == "done" and kinds.count("epoch") == 2
    ep = [e for e in events if e["event"] == "epoch"][-1]
    assert ep["epoch"] == 2 and 0 <= ep["val_accuracy"] <= 1 and ep["samples_per_s"] > 0
    assert [h["epoch"] for h in t.history["epochs"]] == [1, 2]
    assert len(t.history["batches"]) == 2 * -(-len(digits[0]) // 32)


def test_stop_then_resume_mid_epoch_is_exact(digits):
    straight = trainer_for(digits, epochs=2)
    straight.run()

    t = trainer_for(digits, epochs=2)
    t.callbacks.append(lambda e: e["event"] == "batch" and e["epoch"] == 1 and e["batch"] == 17 and t.stop())
    assert t.run()["event"] == "stopped"
    assert t.epochs_done == 0 and t.state()["in_epoch"]["batch"] == 17
    # a fresh trainer from the saved pieces goes on where the first stopped
    tr, va = digits
    m = Model(mlp(tr.sample_shape, 10))
    m.params[:] = t.model.params
    opt = type(t.optimizer)(**t.optimizer.hyper)
    opt.load_state_dict(t.optimizer.state_dict())
    again = Trainer(m, tr.x, tr.y, t.config, val=(va.x, va.y), optimizer=opt, history=t.history, state=t.state())
    again.run(2)
    np.testing.assert_array_equal(again.model.params, straight.model.params)
    assert again.epochs_done == 2
    assert [h["val_loss"] for h in again.history["epochs"]] == [h["val_loss"] for h in straight.history["epochs"]]


def test_pause_blocks_between_batches_until_resumed(digits):
    t = trainer_for(digits, epochs=1)
    paused_at = []

    def on(e):
        if e["event"] == "batch" and e["batch"] == 5 and not paused_at:
            t.pause()
            paused_at.append(e["batch"])
    t.callbacks.append(on)
    seen = []
    t.callbacks.append(lambda e: e["event"] == "batch" and seen.append(e["batch"]))
    th = threading.Thread(target=t.run)
    th.start()
    th.join(0.5)
    assert th.is_alive() and t.paused and seen[-1] == 5
    t.resume()
    th.join(20)
    assert not th.is_alive() and seen[-1] == -(-len(digits[0]) // 32)


def test_nan_stops_with_the_layer_named():
    net = (Network().add("in", "Input", {"shape": [2]}).add("hidden", "Dense", {"units": 8}, after="in")
           .add("out", "Dense", {"units": 1}, after="hidden"))
    x = np.array([[1e30, 1e30]] * 8, np.float32)
    y = np.ones((8, 1), np.float32)
    t = Trainer(Model(net), x, y, TrainConfig(loss="mse", optimizer="sgd", hyper={"lr": 1.0}, val_split=0))
    with pytest.raises(TrainingError, match=r"epoch 1, batch 1.*(loss became|gradient).*lower learning rate"):
        t.run(1)


def test_gradient_of_a_layer_named_when_it_breaks(digits):
    t = trainer_for(digits, epochs=1)
    t.model.layers["dense2"].w["kernel"][0, 0] = np.nan
    with pytest.raises(TrainingError, match="dense2|output|dense1"):
        t.run(1)


def test_clip_norm_limits_the_update():
    net = Network().add("in", "Input", {"shape": [1]}).add("out", "Dense", {"units": 1}, after="in")
    x, y = np.array([[100.0]], np.float32), np.array([[0.0]], np.float32)
    m = Model(net)
    m.params[:] = [1.0, 0.0]
    t = Trainer(m, x, y, TrainConfig(loss="mse", optimizer="sgd", hyper={"lr": 1.0}, clip_norm=0.5, val_split=0))
    t.run(1)
    step = np.array([1.0, 0.0]) - m.params
    assert np.linalg.norm(step) == pytest.approx(0.5, rel=1e-5)


def test_wrong_target_kind_is_refused_before_training():
    x = np.zeros((10, 2), np.float32)
    targets = np.zeros((10, 5), np.float32)  # 5 values per sample for a network with 3 outputs
    with pytest.raises(TrainingError, match="loss 'mse'"):
        Trainer(Model(mlp((2,), 3)), x, targets, TrainConfig(loss="mse"))
    with pytest.raises(TrainingError, match="loss 'cross_entropy'.*12"):
        Trainer(Model(mlp((2,), 3)), x, np.full(10, 12), TrainConfig(loss="cross_entropy"))


def test_regression_epochs_report_the_mean_absolute_error_and_resume_it_exactly():
    """For real-valued targets the epoch metric is the MAE (accuracy is None): the validation
    MAE is the model's mean |output − target| after the epoch, the training MAE the mean over
    its batches, and a run stopped mid-epoch and resumed reports the same numbers."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((300, 3)).astype(np.float32)
    y = (x @ np.array([[1.0], [-2.0], [0.5]], np.float32) + 0.3).astype(np.float32)
    net = Network().add("in", "Input", {"shape": [3]}).add("h", "Dense", {"units": 8}, after="in").add(
        "t", "Tanh", after="h").add("out", "Dense", {"units": 1}, after="t")
    cfg = TrainConfig(loss="mse", epochs=2, batch_size=32, hyper={"lr": 0.01}, seed=0)

    def make():
        return Trainer(Model(net, seed=0), x[:240], y[:240], cfg, val=(x[240:], y[240:]))

    straight = make()
    straight.run()
    e = straight.history["epochs"][-1]
    assert e["train_accuracy"] is None and e["val_accuracy"] is None
    direct = float(np.mean(np.abs(straight.model.predict(x[240:]) - y[240:])))
    assert e["val_mae"] == pytest.approx(direct, rel=1e-5) and e["train_mae"] > 0
    t = make()
    t.callbacks.append(lambda ev: ev["event"] == "batch" and ev["epoch"] == 2 and ev["batch"] == 3 and t.stop())
    assert t.run()["event"] == "stopped"
    again = Trainer(t.model, x[:240], y[:240], cfg, val=(x[240:], y[240:]), optimizer=t.optimizer,
                    history=t.history, state=t.state())
    again.run(1)
    assert [h["train_mae"] for h in again.history["epochs"]] == [h["train_mae"] for h in straight.history["epochs"]]


def test_integer_valued_regression_targets_report_the_mae_every_epoch():
    """Targets 0…4 of a regression data set look like class labels batch by batch (a last batch
    of one sample with target 1 even passes as a binary label): the metric is decided once per
    run, from the data's task, so every epoch reports the MAE and never an accuracy."""
    rng = np.random.default_rng(1)
    x = rng.standard_normal((225, 2)).astype(np.float32)
    y = np.clip(np.round(x[:, :1] + 2), 0, 4).astype(np.float32)
    y[-1] = 1.0
    net = Network().add("in", "Input", {"shape": [2]}).add("out", "Dense", {"units": 1}, after="in")
    cfg = TrainConfig(loss="mse", epochs=3, batch_size=32, hyper={"lr": 0.01}, seed=0, val_split=0.0)
    t = Trainer(Model(net, seed=0), x, y, cfg, val=(x[:40], y[:40]), task="regression")
    t.run()
    assert all(e["train_accuracy"] is None and e["val_accuracy"] is None for e in t.history["epochs"])
    assert all(e["train_mae"] > 0 and e["val_mae"] > 0 for e in t.history["epochs"])
    from dlstudio.engine import metrics as L
    out, labels = np.array([[0.9]]), np.array([[1.0]])
    assert L.metric_for(out, labels, "mse") == "accuracy"                      # no task known: a 0/1 target
    assert L.metric_for(out, labels, "mse", task="regression") == "mae"
    assert L.metric_for(out, labels, "mae") == "mae"
