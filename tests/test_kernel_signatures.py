"""Cold start: a LeNet-5 epoch compiles each Numba kernel for one signature only (the first run's
compile time is the sum over signatures). Counted in a fresh interpreter with an empty compile
cache: signatures compiled by other tests in this process would count too, and a kernel loaded
from the cache does not list the kernels it calls."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, sys
import numpy as np
from numba.core.registry import CPUDispatcher
from dlstudio.engine.model import Model
from dlstudio.engine.trainer import TrainConfig, Trainer
from dlstudio.engine.warmup import compile_network
from dlstudio.zoo import build_preset
from numba.core import event
net = build_preset("lenet5", (1, 28, 28), 10)[0]
assert compile_network(net, batch_size=32)       # as the app does when a network opens
compiled = []
class Count(event.Listener):
    def on_start(self, ev): compiled.append(ev.data["dispatcher"].py_func.__name__)
    def on_end(self, ev): pass
event.register("numba:compile", Count())
rng = np.random.default_rng(0)
x = rng.random((150, 1, 28, 28), dtype=np.float32)
y = rng.integers(0, 10, 150)
model = Model(net, seed=0)
Trainer(model, x[:118], y[:118], TrainConfig(batch_size=32, epochs=1), val=(x[118:], y[118:])).run(1)
model.predict(x[:1])
out = {"after warm-up": compiled}
for name, mod in list(sys.modules.items()):
    if name.startswith("dlstudio.engine"):
        for attr, v in vars(mod).items():
            if isinstance(v, CPUDispatcher) and v.__module__ == name and v.signatures:
                out[name.rsplit(".", 1)[-1] + "." + attr] = [str(s) for s in v.signatures]
print(json.dumps(out))
"""


@pytest.mark.slow
def test_a_lenet5_epoch_compiles_every_kernel_once_and_the_warm_up_all_of_them(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               NUMBA_CACHE_DIR=str(tmp_path / "numba"))
    run = subprocess.run([sys.executable, "-c", _CHILD], check=False, capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=900)
    assert run.returncode == 0, run.stderr[-2000:]
    sigs = json.loads(run.stdout.strip().splitlines()[-1])
    assert sigs.pop("after warm-up") == []      # the warm-up compiled everything the run calls
    # compiled, not loaded: the functions that the convolution kernels call are listed
    assert "conv.to_columns" in sigs and "conv_micro.micro_8x16" in sigs and len(sigs) >= 12
    # small helpers are inlined into their kernels (Numba IR), not compiled on their own: each
    # function compiled costs a fixed ~0.05-0.1 s and LLVM optimises its code again in every caller
    assert not {"conv._chunk", "conv._copy_run", "conv_tiled._sweep", "pool._max_plane_2x2"} & set(sigs)
    # only what the network uses: LeNet-5's 2×2 / stride-2 pooling never needs the general loop
    assert "pool.maxpool2d_forward_2x2" in sigs and "pool.maxpool2d_forward" not in sigs
    twice = {k: v for k, v in sigs.items() if len(v) > 1}
    assert not twice, f"compiled for more than one signature: {twice}"
    # prange wrappers pass int64 chunk numbers as the serial calls do: one signature serves both
    assert sum(len(v) for v in sigs.values()) == len(sigs)
    assert not any(k.startswith("winograd") for k in sigs)      # LeNet-5 never needs Winograd


def test_warm_up_stops_when_cancelled_and_checks_the_batch():
    from dlstudio.engine.warmup import compile_network
    from dlstudio.spec import Network
    net = Network().add("in", "Input", {"shape": [3]}).add("out", "Dense", {"units": 2}, after="in")
    assert compile_network(net, batch_size=4, loss="mse", cancelled=lambda: True) is False
    assert compile_network(net, batch_size=4, loss="mse") is True       # targets shaped like the output
    with pytest.raises(ValueError, match="batch_size"):
        compile_network(net, batch_size=0)
