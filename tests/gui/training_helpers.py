"""Helpers for the training tests: tiny networks, a ready training panel, one run waited for."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from dlstudio.spec import Network
from dlstudio.zoo import build_preset

Yes, Discard, Save = (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Discard,
                      QMessageBox.StandardButton.Save)
RUN_MS = 60_000


def mlp_xor() -> Network:
    return build_preset("mlp", (2,), 2)[0]


def relu_net() -> Network:
    net = Network(name="relu")
    net.add("in", "Input", {"shape": [2]}, pos=(0, 0))
    net.add("d1", "Dense", {"units": 16}, after="in", pos=(0, 90))
    net.add("r", "ReLU", after="d1", pos=(0, 180))
    net.add("out", "Dense", {"units": 2}, after="r", pos=(0, 270))
    return net


def ready(win, qtbot, data="xor?n=200", epochs=3, batch=32, optimizer=None, lr=None, loss=None):
    """Show the training panel with this data and settings; returns the controller."""
    c = win.training
    win.acts.train_panel.trigger()
    s = c.hub.setup
    if s.spec.text() != data or s.dataset is None:
        s.set_data_spec(data)
    qtbot.waitUntil(lambda: s.dataset is not None and not c.loader.loading, timeout=20_000)
    if optimizer:
        s.optimizer.setCurrentText(optimizer)
    if loss:
        s.loss.setCurrentText(loss)
    if lr is not None:
        s.lr.setCurrentText(str(lr))
    s.epochs.setValue(epochs)
    s.batch.setCurrentText(str(batch))
    return c


def trained(kind, message):
    return kind != "prepared"  # a look at the model (for a live view) is no run


def run(c, qtbot, fresh=None, expect="done"):
    with qtbot.waitSignal(c.sigRunFinished, timeout=RUN_MS, check_params_cb=trained) as blocker:
        assert c.start(fresh)
    assert blocker.args[0] == expect, blocker.args
    return blocker.args
