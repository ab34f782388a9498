"""Procedural 2-D classification sets: spirals, circles, xor, moons, blobs.

Every generator takes the number of samples, the noise (standard deviation of the Gaussian
jitter added to each coordinate, in the units of the returned data, which lie roughly in
[-1, 1]) and a NumPy random generator, and returns float32 points (N, 2), int64 labels (N,)
and class names. Classes are balanced (the remainder of N / K goes to the first classes) and
samples come in random order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from ..i18n import tr


@dataclass(frozen=True)
class Generator:
    name: str
    help: str
    make: Callable  # (n, k, noise, rng) -> (x, y, classes)
    n: int          # default number of samples
    noise: float    # default noise
    k: int | None = None          # default number of classes when it is an option, else None
    k_range: tuple[int, int] = (2, 2)
    k_word: str = ""             # what K counts, for help text ("arms", "blobs")

    @property
    def fixed_classes(self) -> int:
        return self.k if self.k is not None else self.k_range[0]


def _class_sizes(n: int, k: int) -> np.ndarray:
    sizes = np.full(k, n // k, dtype=np.int64)
    sizes[: n % k] += 1
    return sizes


def _labels(n: int, k: int) -> np.ndarray:
    return np.repeat(np.arange(k, dtype=np.int64), _class_sizes(n, k))


def _finish(x: np.ndarray, y: np.ndarray, noise: float, rng: np.random.Generator):
    x = x + rng.normal(0.0, noise, size=x.shape) if noise > 0 else x
    order = rng.permutation(len(y))
    return np.ascontiguousarray(x[order], dtype=np.float32), y[order]


def spirals(n: int, k: int, noise: float, rng: np.random.Generator):
    """K arms winding one full turn out from the centre (radius 0.15 to 1)."""
    y = _labels(n, k)
    t = rng.random(n)
    radius = 0.15 + 0.85 * t
    angle = 2 * np.pi * (y / k + t)
    x = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    x, y = _finish(x, y, noise, rng)
    return x, y, [tr("arm {i}").format(i=i) for i in range(k)]


def circles(n: int, k: int, noise: float, rng: np.random.Generator):
    """An outer ring (radius 1, class 0) around an inner ring (radius 0.5, class 1)."""
    y = _labels(n, 2)
    angle = rng.random(n) * 2 * np.pi
    radius = np.where(y == 0, 1.0, 0.5)
    x = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    x, y = _finish(x, y, noise, rng)
    return x, y, [tr("outer"), tr("inner")]


def xor(n: int, k: int, noise: float, rng: np.random.Generator):
    """Points in the four quadrants: class 0 where x and y have the same sign, 1 where not."""
    y = _labels(n, 2)
    # |coordinate| in [0.1, 1], kept off the axes so the classes do not touch before the noise.
    mag = 0.1 + 0.9 * rng.random((n, 2))
    sx = rng.choice(np.array([-1.0, 1.0]), size=n)
    sy = np.where(y == 0, sx, -sx)
    x = mag * np.stack([sx, sy], axis=1)
    x, y = _finish(x, y, noise, rng)
    return x, y, [tr("same sign"), tr("opposite sign")]


def moons(n: int, k: int, noise: float, rng: np.random.Generator):
    """Two interleaving half circles (upper: class 0, lower: class 1), centred, width 2."""
    y = _labels(n, 2)
    t = rng.random(n) * np.pi
    upper = np.stack([np.cos(t), np.sin(t)], axis=1)
    lower = np.stack([1.0 - np.cos(t), 0.5 - np.sin(t)], axis=1)
    x = np.where((y == 0)[:, None], upper, lower)
    x = (x - np.array([0.5, 0.25])) / 1.5
    x, y = _finish(x, y, noise, rng)
    return x, y, [tr("upper"), tr("lower")]


def blobs(n: int, k: int, noise: float, rng: np.random.Generator):
    """K round Gaussian clusters whose centres sit evenly on a circle of radius 0.7."""
    y = _labels(n, k)
    phase = rng.random() * 2 * np.pi
    angle = phase + 2 * np.pi * np.arange(k) / k
    centres = 0.7 * np.stack([np.cos(angle), np.sin(angle)], axis=1)
    x = centres[y]
    x, y = _finish(x, y, noise, rng)
    return x, y, [tr("blob {i}").format(i=i) for i in range(k)]


GENERATORS: dict[str, Generator] = {
    g.name: g
    for g in (
        Generator("spirals", tr("K interleaved spiral arms, one turn each"), spirals,
                  n=1500, noise=0.04, k=3, k_range=(2, 10), k_word=tr("arms")),
        Generator("circles", tr("a ring inside a ring"), circles, n=1000, noise=0.08),
        Generator("xor", tr("the four quadrants: same sign vs opposite sign"), xor,
                  n=1000, noise=0.05),
        Generator("moons", tr("two interleaving half circles"), moons, n=1000, noise=0.07),
        Generator("blobs", tr("K Gaussian clusters"), blobs,
                  n=1000, noise=0.15, k=3, k_range=(2, 10), k_word=tr("blobs")),
    )
}
