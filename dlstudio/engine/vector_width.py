"""Which register tile the convolution micro-kernels use on this machine.

With AVX-512 (32 registers of 16 floats) the tiles are 8 filters × 48 positions for the forward
pass and 16 filters per vector for the weight gradient; with AVX2 (16 registers of 8 floats),
6 × 16 and 8 filters. The tiles themselves are LLVM vector code (engine/vector_ir/). LLVM's x86
tuning for AVX-512 Intel CPUs prefers 256-bit vectors ("prefer-256-bit"), so its vectorizers never
build 16-float vectors by themselves; vector_ir writes them out and marks the functions
"prefer-vector-width"="512".
"""
from __future__ import annotations

import os

from . import config  # noqa: F401  (before numba: sets the cache dir)


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
    Numba at a cache folder of its own (config.py: "narrow-" before the sources' key)."""
    if os.environ.get("DLSTUDIO_CONV_TILE") == "narrow":
        return NARROW_TILE
    return WIDE_TILE if has_avx512() else NARROW_TILE


#: (rows, vector width) of the recurrent layers' product tile (vector_ir.rows_tile, two vectors of
#: columns): 8 rows × 32 columns keeps 16 vectors of 16 floats as sums, so a row of U or W read from
#: cache serves eight samples (measured 1.4–1.6× the four-row, LLVM-vectorised product it replaced);
#: with AVX2, 4 rows × 16 columns keeps 8 of its 16 registers.
WIDE_ROWS = (8, 16)
NARROW_ROWS = (4, 8)


def recurrent_tile() -> tuple[int, int]:
    """The recurrent product tile for this machine (DLSTUDIO_CONV_TILE=narrow forces AVX2's too)."""
    return NARROW_ROWS if conv_tile() != WIDE_TILE else WIDE_ROWS
