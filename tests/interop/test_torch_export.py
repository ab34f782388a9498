"""PyTorch export: the generated script's module equals the engine, its first steps equal
dlstudio's, a 2-process torchrun (gloo) run writes a .dls that dlstudio evaluates and continues."""
import importlib.util
import json
import os
import socket
import subprocess
import sys

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from dlstudio.engine.model import Model  # noqa: E402
from dlstudio.io import torch_runtime as R  # noqa: E402
from dlstudio.io.torch_export import write_training_script  # noqa: E402
from dlstudio.run import UserError, prepare  # noqa: E402
from dlstudio.spec import Network  # noqa: E402


def _script(tmp_path, run, name="train"):
    dls = tmp_path / f"{name}.dls"
    run.save(dls)
    out = tmp_path / f"{name}.py"
    write_training_script(str(dls), str(out))
    spec = importlib.util.spec_from_file_location(f"gen_{name}", out)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod, out


def _parity(tmp_path, run, n=8):
    mod, _ = _script(tmp_path, run)
    net = mod.Net()
    R.load_weights(net, run.network.to_dict(), run.model.weights())
    net.eval()
    x = run.dataset.x[:n]
    with torch.no_grad():
        got = net(torch.from_numpy(np.ascontiguousarray(x, np.float32))).numpy()
    want = run.model.predict(x)
    assert got.shape == want.shape
    return float(np.max(np.abs(got - want)))


@pytest.mark.parametrize("spec,data", [("mlp", "spirals"), ("lenet5", "digits:28"), ("lstm", "adding"),
                                       ("rnn", "adding")])
def test_forward_equals_engine(tmp_path, spec, data):
    run = prepare(spec, data, epochs=1)
    assert _parity(tmp_path, run) < 1e-4


RESNET = {"format": "dlstudio-network", "version": 1, "name": "tiny-res", "nodes": [
    {"id": "in", "type": "Input", "params": {"shape": [1, 8, 8]}},
    {"id": "c1", "type": "Conv2D", "params": {"filters": 4, "kernel_size": 3, "strides": 2, "padding": "same"}},
    {"id": "bn1", "type": "BatchNorm"}, {"id": "r1", "type": "ReLU"},
    {"id": "c2", "type": "Conv2D", "params": {"filters": 4, "kernel_size": 2, "padding": "same"}},
    {"id": "bn-2", "type": "BatchNorm"}, {"id": "add", "type": "Add"}, {"id": "r2", "type": "ReLU"},
    {"id": "ap", "type": "AvgPool2D", "params": {"pool_size": 3, "strides": 2, "padding": [[1, 0], [0, 1]]}},
    {"id": "mp", "type": "MaxPool2D", "params": {"pool_size": 2, "padding": "same"}},
    {"id": "cat", "type": "Concatenate"}, {"id": "gap", "type": "GlobalAvgPool2D"},
    {"id": "out", "type": "Dense", "params": {"units": 10}}, {"id": "sm", "type": "Softmax"}],
    "edges": [["in", "c1"], ["c1", "bn1"], ["bn1", "r1"], ["r1", "c2"], ["c2", "bn-2"], ["bn-2", "add"],
              ["r1", "add"], ["add", "r2"], ["r2", "ap"], ["r2", "mp"], ["ap", "cat"], ["mp", "cat"],
              ["cat", "gap"], ["gap", "out"], ["out", "sm"]]}


def test_residual_batchnorm_forward_equals_engine(tmp_path):
    f = tmp_path / "res.json"
    f.write_text(json.dumps(RESNET))
    run = prepare(str(f), "digits:8", epochs=1)
    rng = np.random.default_rng(3)
    for s in run.model.slots:        # non-trivial moving statistics and affine parameters
        v = run.model.view(s)
        if s.weight in ("moving_mean", "beta", "gamma"):
            v[...] = rng.normal(0.5, 0.3, v.shape)
        elif s.weight == "moving_var":
            v[...] = rng.uniform(0.5, 2.0, v.shape)
    assert _parity(tmp_path, run) < 1e-4


@pytest.mark.parametrize("optimizer,hyper", [("sgd", {"lr": 0.1, "momentum": 0.9}), ("adam", {"lr": 0.01}),
                                             ("sgd", {"lr": 0.1, "momentum": 0.9, "nesterov": True}),
                                             ("adagrad", {"lr": 0.05}), ("adadelta", {"lr": 1.0}),
                                             ("rmsprop", {"lr": 0.01})])
def test_first_steps_equal_dlstudio(tmp_path, optimizer, hyper):
    run = prepare("mlp", "spirals", optimizer=optimizer, batch_size=16)
    run.config.hyper = hyper
    run.trainer.optimizer.set_hyper(**hyper)
    mod, _ = _script(tmp_path, run)
    net = mod.Network = mod.Net()
    doc = run.network.to_dict()
    R.load_weights(net, doc, run.model.weights())
    opt = R.make_optimizer(optimizer, hyper, [p for p in net.parameters() if p.requires_grad])
    m, loss = run.model, run.trainer.loss
    rng = np.random.default_rng(0)
    for _ in range(3):
        idx = rng.choice(len(run.train), 16, replace=False)
        xb, yb = run.train.x[idx], run.train.y[idx]
        value, _ = m.train_step_grads(xb, yb, loss)
        run.trainer.optimizer.step(m.params, m.grads)
        t = R.loss_value("cross_entropy", net(torch.from_numpy(xb)), yb, False)
        opt.zero_grad()
        t.backward()
        opt.step()
        assert abs(t.item() - value) < 1e-5
    got = R.module_weights(net, doc)
    for k, v in m.weights().items():
        assert np.max(np.abs(got[k] - v)) < 1e-5, k


def test_optimizer_state_round_trip(tmp_path):
    run = prepare("mlp", "spirals", optimizer="adam", epochs=1)
    run.trainer.run(1)
    mod, _ = _script(tmp_path, run)
    net, doc = mod.Net(), run.network.to_dict()
    R.load_weights(net, doc, run.model.weights())
    opt = R.make_optimizer("adam", run.config.hyper, list(net.parameters()))
    st = run.trainer.optimizer.state_dict()
    slots = {k: run.model.split_flat(v) for k, v in st["slots"].items()}
    R.load_optimizer_state(opt, net, doc, "adam", st["step"], slots)
    back, step = R.optimizer_state(opt, net, doc, "adam")
    assert step == st["step"]
    for k in slots:
        for w in slots[k]:
            np.testing.assert_array_equal(back[k][w], slots[k][w])


def test_torchrun_two_processes_then_dlstudio_evaluates_and_continues(tmp_path):
    run = prepare("mlp", "spirals", epochs=1, batch_size=32)
    _, script = _script(tmp_path, run)
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    if os.path.exists("/sys/class/net/lo"):
        env["GLOO_SOCKET_IFNAME"] = "lo"    # both ranks on this machine: loopback, whatever the hostname
    with socket.socket() as sock:          # a free port: a fixed one may still be held by the last run
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    torchrun = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node=2",
                "--master_addr", "127.0.0.1", "--master_port", str(port)]
    r = subprocess.run([*torchrun, str(script), "--epochs", "1", "--out", "t.dls"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=300, env=env)
    assert r.returncode == 0, r.stderr[:3000] + "\n…\n" + r.stderr[-3000:]
    lines = [json.loads(s) for s in r.stdout.splitlines() if s.startswith("{")]
    done = [e for e in lines if e["event"] == "done"][-1]
    assert done["epochs_done"] == 1
    cli = [sys.executable, "-m", "dlstudio.cli"]
    ev = subprocess.run([*cli, "evaluate", "t.dls", "--data", "spirals", "--json"], cwd=tmp_path,
                        capture_output=True, text=True, timeout=120)
    assert ev.returncode == 0, ev.stderr
    result = json.loads(ev.stdout.splitlines()[-1])
    assert abs(result["accuracy"] - done["data_accuracy"]) < 1e-3
    assert abs(result["value"] - done["data_loss"]) < 1e-4
    tr = subprocess.run([*cli, "train", "t.dls", "--epochs", "1", "--json"], cwd=tmp_path,
                        capture_output=True, text=True, timeout=120)
    assert tr.returncode == 0, tr.stderr
    ends = [json.loads(s) for s in tr.stdout.splitlines() if s.startswith("{")]
    assert ends[-1]["epochs_done"] == 2


def test_user_errors(tmp_path):
    run = prepare("mlp", "spirals", epochs=1)
    run.save(tmp_path / "m.dls")
    with pytest.raises(UserError, match=r"\.py"):
        write_training_script(str(tmp_path / "m.dls"), str(tmp_path / "train.txt"))
    with pytest.raises(UserError):
        write_training_script(str(tmp_path / "missing.dls"), str(tmp_path / "train.py"))


def test_preset_gets_fresh_weights_and_says_so(tmp_path):
    out = tmp_path / "p.py"
    write_training_script("mlp", str(out), data="spirals")
    assert "FRESH weights" in out.read_text()
    assert (tmp_path / "p.init.dls").is_file()


def test_script_without_torch_says_which_pip_install(tmp_path):
    run = prepare("mlp", "spirals", epochs=1)
    _, script = _script(tmp_path, run)
    block = tmp_path / "block"
    block.mkdir()
    (block / "torch.py").write_text("raise ImportError('no torch here')\n")
    env = {**os.environ, "PYTHONPATH": f"{block}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60, env=env)
    assert r.returncode != 0
    assert "pip install 'dlstudio[torch]'" in r.stderr and "Traceback" not in r.stderr
