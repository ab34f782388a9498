"""Opening or editing a network compiles its kernels in the training worker right away, before
Start is pressed; the same network is not warmed up twice, and a run is not delayed by it."""
from __future__ import annotations

import threading

from training_helpers import mlp_xor, ready, relu_net, run

import dlstudio.gui.training.controller as controller_mod


def test_a_network_is_compiled_in_the_worker_once_before_start(make_window, qtbot, monkeypatch):
    calls = []
    real = controller_mod.compile_network

    def recording(net, batch, loss, *args, **kwargs):
        calls.append(({n.type for n in net.nodes}, batch, loss,
                      threading.current_thread() is threading.main_thread()))
        return real(net, batch, loss, *args, **kwargs)

    monkeypatch.setattr(controller_mod, "compile_network", recording)
    win = make_window(mlp_xor())
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=20_000)     # the network opened with the window
    c = ready(win, qtbot, batch=32, loss="cross_entropy")
    c.hub.document_replaced()                                   # as when a file is opened
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=20_000)    # other settings: compiled for them
    types, batch, loss, in_gui_thread = calls[1]
    assert "Dense" in types and batch == 32 and loss == "cross_entropy" and not in_gui_thread
    c.hub.document_replaced()                                   # the same again: nothing to do
    win.doc.replace(relu_net())                                 # new layer types: warmed up again
    c.hub.network_edited()
    qtbot.waitUntil(lambda: len(calls) == 3, timeout=20_000)
    assert "ReLU" in calls[2][0]
    run(c, qtbot)                                               # training is not held up
    assert len(calls) == 3 and c.state == "idle"
