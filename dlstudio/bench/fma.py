"""The kernel `peak.fma_peak` times: vector FMA chains in registers, one call per engine thread."""
from __future__ import annotations

from ..engine import config  # noqa: F401  (before numba: sets the cache dir)

import numpy as np  # noqa: E402
from numba import njit  # noqa: E402

from ..engine.config import JIT  # noqa: E402
from ..engine.vector_ir import fma_chain  # noqa: E402
from ..engine.vector_width import has_avx512  # noqa: E402

#: vectors of W float32 values (512-bit with AVX-512, else 256-bit) and SUMS chains: enough to
#: cover the FMA latency on every unit (12 and more measure the same on the Zen 5), few enough
#: to stay in registers (32 with AVX-512, 16 with AVX2: two hold the multiplier and the addend)
W, SUMS = (16, 16) if has_avx512() else (8, 12)
FLOPS_PER_STEP = 2 * W * SUMS
_chain = fma_chain(W, SUMS)


@njit(**JIT)
def burn(k, chunks, steps, out):
    """out[k] = the lanes' sum after `steps` rounds of v ← v·a + b on SUMS vectors (chunk k)."""
    out[k] = _chain(steps, np.float32(0.9999999), np.float32(1e-7))
