"""Weight initialisers, chosen per layer type and seeded by the model's generator.

- Dense / Conv2D kernels: He normal (std √(2 / fan_in)) when a ReLU-family activation reads the
  layer, Glorot (Xavier) uniform (limit √(6 / (fan_in + fan_out))) otherwise.
- Recurrent kernels: Glorot uniform for the input kernel, a small uniform (±1/√units) for the
  recurrent kernel.
- Biases zero (an LSTM's forget-gate bias 1, so the cell remembers by default).
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


def kernel_init(rng, shape, fan_in: int, fan_out: int, next_types: list[str], dtype) -> np.ndarray:
    if next_types and all(t in RELU_FAMILY for t in next_types):
        return he_normal(rng, shape, fan_in, dtype)
    return glorot_uniform(rng, shape, fan_in, fan_out, dtype)
