"""Which register tile the convolution micro-kernel uses on this machine, and the marker that lets
LLVM use 512-bit vectors in it.

LLVM's x86 tuning for AVX-512 Intel CPUs prefers 256-bit vectors ("prefer-256-bit"): its
vectorizers then build at most 8-float vectors, which halves the peak of a multiply-add-bound
kernel. A function carrying the attribute "prefer-vector-width"="512" is vectorized 16 floats
wide. Numba has no way to set a function attribute, so `wide_vectors()` is an intrinsic that
adds it to the function it is compiled into (the micro-kernel; drivers that inline it keep its
512-bit instructions, as explicit vector code is not narrowed).
"""
from __future__ import annotations

import os

from . import config  # noqa: F401  (before numba: sets the cache dir)

from numba import types  # noqa: E402
from numba.extending import intrinsic  # noqa: E402

#: (filters, positions) of the micro-kernel's tile: 8 × 48 keeps 24 vectors of 16 floats as sums
#: (+ 3 loads and a broadcast: 28 of AVX-512's 32 registers); 6 × 16 keeps 12 vectors of 8 floats
#: within AVX2's 16.
WIDE_TILE = (8, 48)
NARROW_TILE = (6, 16)


def compile_features() -> str:
    """The CPU features Numba compiles for: NUMBA_CPU_FEATURES if set, else the host's."""
    import numba  # noqa: F401  (initialises LLVM)
    from numba.core import config as numba_config
    if numba_config.CPU_FEATURES is not None:
        return numba_config.CPU_FEATURES
    from llvmlite import binding
    return binding.get_host_cpu_features().flatten()


def has_avx512(features: str | None = None) -> bool:
    feats = (compile_features() if features is None else features).split(",")
    return "+avx512f" in feats


def conv_tile() -> tuple[int, int]:
    """The tile for this machine; DLSTUDIO_CONV_TILE=narrow forces the AVX2 tile, for comparisons
    and tests. Compiled drivers do not record which tile they call, so with it config.py points
    Numba at a cache folder of its own (unless NUMBA_CACHE_DIR is set: then choose a fresh one)."""
    if os.environ.get("DLSTUDIO_CONV_TILE") == "narrow":
        return NARROW_TILE
    return WIDE_TILE if has_avx512() else NARROW_TILE


@intrinsic
def wide_vectors(typingctx):
    """Mark the function being compiled "prefer-vector-width"="512" (no code of its own)."""
    sig = types.void()

    def codegen(context, builder, sig, args):
        attrs = builder.function.attributes
        set.add(attrs, '"prefer-vector-width"="512"')   # llvmlite validates only known names
        return context.get_dummy_value()
    return sig, codegen
