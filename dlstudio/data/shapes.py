"""``shapes``: procedural images of simple shapes, rasterised in NumPy.

Each image holds one shape of a random size, position, rotation and stroke on a darker, slightly
noisy background. Shapes are drawn from signed distances on the pixel grid with one pixel of
antialiasing, so their edges are crisp: good for watching conv filters turn into edge detectors.
"""

from __future__ import annotations

import numpy as np

from ..i18n import tr

# the class names, marked for translation (the app shows them translated)
CLASSES = [tr("circle"), tr("square"), tr("triangle"), tr("cross"), tr("ring"), tr("star"), tr("bar")]
DEFAULT_SIZE, MIN_SIZE, MAX_SIZE = 28, 16, 64
DEFAULT_N = 3000
DEFAULT_NOISE = 0.05
MAX_NOISE = 0.3
RADIUS = (0.26, 0.42)    # outer radius as a fraction of the image size
STROKE = (0.30, 0.45)    # ring, cross and bar thickness as a fraction of the radius


def _box(u, v, bx, by):
    """Signed distance (in radius units) to an axis-aligned box with half sides bx, by."""
    dx = np.abs(u) - bx
    dy = np.abs(v) - by
    outside = np.hypot(np.maximum(dx, 0.0), np.maximum(dy, 0.0))
    return outside + np.minimum(np.maximum(dx, dy), 0.0)


def _polygon(u, v, verts):
    """Distance-like value for a convex polygon (counter-clockwise vertices): the largest
    signed distance to an edge line. Exact inside and along edges, which is all the
    antialiasing needs."""
    d = None
    for i in range(len(verts)):
        (x0, y0), (x1, y1) = verts[i], verts[(i + 1) % len(verts)]
        ex, ey = x1 - x0, y1 - y0
        length = np.hypot(ex, ey)
        nx, ny = ey / length, -ex / length      # outward normal for counter-clockwise order
        di = (u - x0) * nx + (v - y0) * ny
        d = di if d is None else np.maximum(d, di)
    return d


def _regular(k, radius, phase):
    a = phase + 2 * np.pi * np.arange(k) / k
    return np.stack([radius * np.cos(a), radius * np.sin(a)], axis=1)


_TRIANGLE = _regular(3, 1.0, np.pi / 2)


STAR_INNER = 0.45  # inner vertices of the star, as a fraction of its outer radius
_SECTOR = np.pi / 5


def _star(u, v):
    """Exact signed distance to a five-pointed star with one tip straight up: fold the angle
    into one half-arm, then measure to the edge from the tip to the inner vertex."""
    rho = np.hypot(u, v)
    a = np.arctan2(u, v)                              # 0 at the top tip
    a = np.abs((a + _SECTOR) % (2 * _SECTOR) - _SECTOR)
    qx, qy = rho * np.cos(a), rho * np.sin(a)
    ix, iy = STAR_INNER * np.cos(_SECTOR), STAR_INNER * np.sin(_SECTOR)
    ex, ey = ix - 1.0, iy                             # edge from the tip (1, 0) to (ix, iy)
    h = np.clip(((qx - 1.0) * ex + qy * ey) / (ex * ex + ey * ey), 0.0, 1.0)
    dist = np.hypot(qx - 1.0 - h * ex, qy - h * ey)
    outside = ex * qy - ey * (qx - 1.0) < 0          # on the far side of the edge from the centre
    return np.where(outside, dist, -dist)


def _distance(cls: str, u, v, t):
    """Signed distance in radius units for class ``cls``; ``t`` is the stroke (m, 1, 1)."""
    if cls == "circle":
        return np.hypot(u, v) - 0.9
    if cls == "ring":
        return np.abs(np.hypot(u, v) - (1.0 - t / 2)) - t / 2
    if cls == "square":
        return _box(u, v, 0.72, 0.72)
    if cls == "triangle":
        return _polygon(u, v, _TRIANGLE)
    if cls == "cross":
        return np.minimum(_box(u, v, 1.0, t / 2), _box(u, v, t / 2, 1.0))
    if cls == "star":
        return _star(u, v)
    if cls == "bar":
        return _box(u, v, 1.0, t / 2)
    raise ValueError(cls)


def _rotation(cls: str, m: int, rng) -> np.ndarray:
    if cls == "bar":  # stays roughly horizontal: that is what tells it from a rotated cross arm
        return rng.uniform(-np.pi / 9, np.pi / 9, m)
    return rng.uniform(0, 2 * np.pi, m)


def _colours(m: int, colour: bool, rng):
    """Foreground and background colours (m, C): bright shapes on dark backgrounds."""
    if not colour:
        return rng.uniform(0.7, 1.0, (m, 1)), rng.uniform(0.0, 0.25, (m, 1))
    hue = rng.random(m)
    sat = rng.uniform(0.6, 1.0, m)
    val = rng.uniform(0.8, 1.0, m)
    k = (hue[:, None] * 6 + np.array([5.0, 3.0, 1.0])) % 6   # HSV -> RGB, vectorised
    fg = val[:, None] - (val * sat)[:, None] * np.clip(np.minimum(k, 4 - k), 0, 1)
    bg = rng.uniform(0.0, 0.2, (m, 1)) + rng.uniform(-0.05, 0.05, (m, 3))
    return fg, np.clip(bg, 0.0, 1.0)


def make_shapes(n: int = DEFAULT_N, size: int = DEFAULT_SIZE, colour: bool = False,
                noise: float = DEFAULT_NOISE, rng: np.random.Generator | None = None):
    """Images float32 (n, C, size, size) in [0, 1] (C = 3 with ``colour``, else 1), labels
    int64 (n,) balanced over the classes and in random order, and the class names."""
    rng = np.random.default_rng(0) if rng is None else rng
    k = len(CLASSES)
    sizes = np.full(k, n // k)
    sizes[: n % k] += 1
    c = 3 if colour else 1
    x = np.empty((n, c, size, size), dtype=np.float32)
    y = np.repeat(np.arange(k, dtype=np.int64), sizes)
    grid = np.arange(size, dtype=np.float64) + 0.5
    start = 0
    for label, m in enumerate(sizes):
        if m == 0:
            continue
        cls = CLASSES[label]
        r = rng.uniform(*RADIUS, m) * size
        cx = rng.uniform(r + 1, size - r - 1)
        cy = rng.uniform(r + 1, size - r - 1)
        angle = _rotation(cls, m, rng)
        t = rng.uniform(*STROKE, m)[:, None, None]
        cos, sin = np.cos(angle)[:, None, None], np.sin(angle)[:, None, None]
        dx = (grid[None, None, :] - cx[:, None, None]) / r[:, None, None]
        dy = (cy[:, None, None] - grid[None, :, None]) / r[:, None, None]   # y points up
        u = dx * cos + dy * sin
        v = dy * cos - dx * sin
        dist = _distance(cls, u, v, t) * r[:, None, None]                    # in pixels
        cover = np.clip(0.5 - dist, 0.0, 1.0)[:, None]                       # (m, 1, S, S)
        fg, bg = _colours(m, colour, rng)
        img = bg[:, :, None, None] + (fg - bg)[:, :, None, None] * cover
        if noise > 0:
            img = img + rng.normal(0.0, noise, img.shape)
        x[start:start + m] = np.clip(img, 0.0, 1.0)
        start += m
    order = rng.permutation(n)
    return x[order], y[order], list(CLASSES)
