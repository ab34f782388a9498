"""Kernel cases: one Conv2D layer alone, forward or backward, in GFLOP/s (float32, batch 64).

FLOPs are 2 per multiply-add: forward N·F·OH·OW·C·kh·kw·2, backward twice that (dx and
dkernel). PyTorch: F.conv2d, and autograd.grad of its output with respect to input, weight and
bias. The report divides both rates by the machine's GEMM peak (the "share" column).
"""
from __future__ import annotations

import numpy as np

from .core import best_rate, torch_module, with_ratio

BATCH = 64
CONV_SHAPES = (  # (input [C, H, W], filters, kernel, padding, the same padding for torch)
    ((6, 14, 14), 16, 5, "valid", 0),     # LeNet-5 C3
    ((32, 16, 16), 64, 3, "same", 1),     # a 32 → 64 3×3 'same' conv
)


def conv_flops(shape: tuple, filters: int, kernel: int, out_hw: tuple, batch: int, backward: bool) -> int:
    """FLOPs of one Conv2D pass over a batch: 2 per multiply-add, the backward pass twice the forward."""
    c = shape[0]
    macs = batch * filters * out_hw[0] * out_hw[1] * c * kernel * kernel
    return 2 * macs * (2 if backward else 1)


def conv_layer_case(case: str, backward: bool, repeat: int, shapes=CONV_SHAPES, batch: int = BATCH,
                    training: bool = True) -> list[dict]:
    """GFLOP/s of one Conv2D layer's forward, or backward (dx, dkernel, dbias), per shape.
    `training` picks the forward the trainer uses (the inference forward may take another path)."""
    return [_one_conv(case, backward, repeat, s, batch, training) for s in shapes]


def _one_conv(case: str, backward: bool, repeat: int, spec: tuple, batch: int, training: bool) -> dict:
    from ..engine.model import Model
    from ..spec import Network
    torch = torch_module()
    shape, filters, k, padding, torch_padding = spec
    net = Network().add("in", "Input", {"shape": list(shape)}).add(
        "conv", "Conv2D", {"filters": filters, "kernel_size": k, "padding": padding}, after="in")
    layer = Model(net, seed=0).layers["conv"]
    layer.need_dx = True                      # measure the input gradient too
    rng = np.random.default_rng(0)
    x = rng.standard_normal((batch, *shape), dtype=np.float32)
    dy = rng.standard_normal((batch, *layer.out_shape), dtype=np.float32)
    flops = conv_flops(shape, filters, k, layer.out_shape[1:], batch, backward)
    layer.forward([x], True)

    def ours():
        if backward:
            layer.backward(dy)
        else:
            layer.forward([x], training)
        return flops

    r = {"case": case, "batch": batch, "shape": list(shape), "filters": filters, "kernel": [k, k],
         "padding": padding, "unit": "GFLOP/s", "dlstudio": best_rate(ours, repeat) / 1e9}
    if torch is not None:
        conv2d = torch.nn.functional.conv2d
        tx = torch.from_numpy(x).requires_grad_(backward)
        tw = torch.from_numpy(layer.w["kernel"].copy()).requires_grad_(backward)
        tb = torch.from_numpy(layer.w["bias"].copy()).requires_grad_(backward)
        out = conv2d(tx, tw, tb, padding=torch_padding)
        g = torch.from_numpy(dy)

        def theirs():
            if backward:
                torch.autograd.grad(out, (tx, tw, tb), g, retain_graph=True)
            else:
                with torch.no_grad():
                    conv2d(tx, tw, tb, padding=torch_padding)
            return flops

        r["torch"] = best_rate(theirs, repeat) / 1e9
    return with_ratio(r, 1e9)


def conv_fwd(repeat: int) -> list[dict]:
    """Conv2D training forward: LeNet-5 C3 (6 → 16, 5×5 on 14×14) and 32 → 64 3×3 'same' on 16×16."""
    return conv_layer_case("conv_fwd", False, repeat)


def conv_infer(repeat: int) -> list[dict]:
    """Conv2D inference forward on the conv_fwd shapes (C3 by the turned-around tile, 32 → 64 by Winograd)."""
    return conv_layer_case("conv_infer", False, repeat, training=False)


def conv_bwd(repeat: int) -> list[dict]:
    """Conv2D backward (dx, dkernel, dbias) on the conv_fwd shapes."""
    return conv_layer_case("conv_bwd", True, repeat)
