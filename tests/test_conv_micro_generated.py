"""The register-tiled micro-kernels: the committed conv_micro.py is what gen_micro.py writes, and
each kernel equals the obvious sum over taps (float64 reference) on a tile with odd offsets."""
import numpy as np
import pytest

from dlstudio.engine import conv_tiling as conv_tiled
from dlstudio.engine import gen_micro
from dlstudio.engine.kernels.conv_micro import micro_6x16, micro_8x48


def test_committed_file_is_generated():
    with open(gen_micro.path(), encoding="utf-8") as f:
        assert f.read() == gen_micro.source(), "run: python -m dlstudio.engine.gen_micro"


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("taps", [1, 7, 37])
@pytest.mark.parametrize("micro,fb,qb", [(micro_6x16, 6, 16), (micro_8x48, 8, 48)], ids=["6x16", "8x48"])
def test_micro_kernel_matches_the_sum_over_taps(dtype, taps, micro, fb, qb):
    """Both tiles, whichever this machine's drivers use (the other is called directly here)."""
    conv_tiled.ready(dtype)
    rng = np.random.default_rng(taps)
    xs = rng.standard_normal(600).astype(dtype)
    offs = rng.integers(0, 400, taps).astype(np.int64)
    wp = rng.standard_normal((taps, fb)).astype(dtype)
    out = np.full((fb, 3 * qb), np.nan, dtype)
    q0 = qb + 3
    micro(xs, offs, wp, q0, out)
    ref = np.zeros((fb, qb))
    for t in range(taps):
        ref += np.outer(wp[t].astype(np.float64), xs[offs[t] + q0: offs[t] + q0 + qb])
    tol = 1e-5 if dtype == np.float32 else 1e-12
    np.testing.assert_allclose(out[:, q0:q0 + qb], ref, rtol=tol, atol=tol * np.abs(ref).max())
    assert np.isnan(out[:, :q0]).all() and np.isnan(out[:, q0 + qb:]).all()  # nothing else written


def test_pack_pads_filters_with_zeros_tap_major():
    w2 = np.arange(7 * 5, dtype=np.float32).reshape(7, 5)
    wp = conv_tiled.pack(w2)
    fb = conv_tiled.FB
    assert wp.shape == (-(-7 // fb), 5, fb)
    assert wp[0, 3, 2] == w2[2, 3] and wp[6 // fb, 4, 6 % fb] == w2[6, 4]
    assert (wp[-1, :, 7 % fb or fb:] == 0).all() and (wp[-1, :, :7 % fb or fb] != 0).any()


@pytest.mark.slow
def test_micro_kernel_is_vectorized(tmp_path):
    """`ready()` compiles the micro-kernel with the SLP vectorizer: its assembly holds packed FMAs
    (QB / 8 or QB / 16 per filter and tap), not scalar ones, and 512-bit ones (zmm) where the CPU
    has AVX-512. In a fresh interpreter with an empty cache, as Numba shows no assembly for a
    function loaded from its cache."""
    import json
    import os
    import subprocess
    import sys
    code = ("import json, re, numpy as np\n"
            "from dlstudio.engine import conv_tiling as T\n"
            "T.ready(np.float32)\n"
            "asm = T.micro.inspect_asm(T.micro.signatures[0])\n"
            "print(json.dumps({'packed': len(re.findall(r'vfmadd\\w*ps', asm)),"
            " 'scalar': len(re.findall(r'vfmadd\\w*ss', asm)),"
            " 'zmm': len(re.findall(r'vfmadd\\w*ps[^\\n]*zmm', asm))}))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True,
                         env={**os.environ, "NUMBA_CACHE_DIR": str(tmp_path)})
    counts = json.loads(out.stdout.strip().splitlines()[-1])
    assert counts["packed"] >= 2 * conv_tiled.FB and counts["scalar"] == 0, counts
    from dlstudio.engine.vector_width import WIDE_TILE, has_avx512
    if has_avx512():
        assert (conv_tiled.FB, conv_tiled.QB) == WIDE_TILE
        assert counts["zmm"] >= conv_tiled.FB * conv_tiled.QB // 16, counts   # every FMA 16 wide
