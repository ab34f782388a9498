"""Weight initialisers, chosen per layer type and seeded by the model's generator.

- Dense / Conv2D: He normal kernel (std √(2 / fan_in)) and zero bias when a ReLU-family
  activation reads the layer; otherwise a Glorot (Xavier) uniform kernel (limit
  √(6 / (fan_in + fan_out))) and a bias uniform on ±1/√fan_in (PyTorch's default bias). A zero
  bias there made a tanh network an odd function of its input at the start (f(−x) = −f(x)), and
  the `mlp` preset on `spirals` then stalled near chance on some seeds (14 of 40 below 0.9
  validation accuracy; 0 of 40 with the random bias, docs/presets.md). Glorot keeps the signal's
  variance through a deep tanh chain, which PyTorch's U(±1/√fan_in) kernel does not (variance
  1/3 per layer: an 8-layer tanh chain's first layer got 1/175–1/40 of the last one's gradient).
- Recurrent kernels: Glorot uniform for the input kernel, a small uniform (±1/√units) for the
  recurrent kernel; biases zero (an LSTM's forget-gate bias 1, so the cell remembers by default).
"""
from __future__ import annotations

import numpy as np

RELU_FAMILY = {"ReLU", "LeakyReLU", "ELU"}


def he_normal(rng: np.random.Generator, shape, fan_in: int, dtype) -> np.ndarray:
    return (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(dtype)


def glorot_uniform(rng: np.random.Generator, shape, fan_in: int, fan_out: int, dtype) -> np.ndarray:
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, shape).astype(dtype)


def small_uniform(rng: np.random.Generator, shape, scale: float, dtype) -> np.ndarray:
    return rng.uniform(-scale, scale, shape).astype(dtype)


def fan_in_uniform(rng: np.random.Generator, shape, fan_in: int, dtype) -> np.ndarray:
    """U(±1/√fan_in): PyTorch's default for nn.Linear / nn.Conv2d biases (and weights)."""
    return small_uniform(rng, shape, 1.0 / np.sqrt(fan_in), dtype)


def feeds_relu(next_types: list[str]) -> bool:
    return bool(next_types) and all(t in RELU_FAMILY for t in next_types)


def kernel_init(rng, shape, fan_in: int, fan_out: int, next_types: list[str], dtype) -> np.ndarray:
    if feeds_relu(next_types):
        return he_normal(rng, shape, fan_in, dtype)
    return glorot_uniform(rng, shape, fan_in, fan_out, dtype)


def bias_init(rng, shape, fan_in: int, next_types: list[str], dtype) -> np.ndarray:
    """Zero before a ReLU (He's rule), else U(±1/√fan_in). Drawn after the kernel."""
    if feeds_relu(next_types):
        return np.zeros(shape, dtype)
    return fan_in_uniform(rng, shape, fan_in, dtype)
