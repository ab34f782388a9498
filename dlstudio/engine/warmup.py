"""Compile a network's kernels before any data is there: a cold start moved off the Start button.

Numba compiles a kernel for the types of its arguments (dtype, number of dimensions, layout),
not their sizes, and which kernels a layer calls depends on the batch size only through the
parallel / serial choice. So a training step on a batch of zeros of the run's batch size, an
optimizer step and inference passes compile (or load from the disk cache) every kernel a real run
of the network will call — `Model.infer` (evaluation, predict) calls the same kernels as the
inference `forward` (tests/test_kernel_signatures.py). The app does this in its training worker
as soon as a network is open.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from . import losses as L
from .model import Model
from .optimizers import make_optimizer


def _targets(model: Model, loss, n: int) -> np.ndarray:
    """Zero targets the loss accepts: class labels if it takes them, else zeros like the output."""
    labels = np.zeros(n, np.int64)
    start = model.fused_start(loss)
    out = model.values[start] if start else model.values[model.output_id]
    try:
        loss(out, labels, fused=start is not None)
        return labels
    except ValueError:
        return np.zeros((n, *model.output_shape), model.dtype)


def compile_network(network, batch_size: int = 32, loss: str = "cross_entropy", optimizer: str = "adam",
                    hyper: dict | None = None, inference_batch: int | None = None, single: bool = True,
                    cancelled: Callable[[], bool] = lambda: False) -> bool:
    """Run every kernel a training run of `network` calls once, on zeros, on a throw-away model:
    a training step of `batch_size` samples with the optimizer's update, an inference pass of
    `inference_batch` samples (default: the model's own evaluation batch) and, with `single`,
    one of a single sample (the app's probes and predictions). `cancelled()` is asked between
    steps; returns False if it said so, else True."""
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive whole number, not {batch_size!r}")
    model = Model(network, seed=0)
    loss_fn = L.get_loss(loss)
    opt = make_optimizer(optimizer, **(hyper or {}))
    x = np.zeros((batch_size, *model.input_shape), model.dtype)
    with np.errstate(all="ignore"):
        model.forward(x, training=False)
        y = _targets(model, loss_fn, batch_size)
        if cancelled():
            return False
        model.train_step_grads(x, y, loss_fn)
        opt.step(model.params, model.grads)
        sizes = [inference_batch or model.inference_batch()] + ([1] if single else [])
        for n in sizes:
            if cancelled():
                return False
            model.forward(np.zeros((n, *model.input_shape), model.dtype), training=False)
    return True
