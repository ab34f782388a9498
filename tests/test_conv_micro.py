"""The convolution micro-kernels (LLVM vector tiles, kernels/conv_micro.py) against the obvious sums
(float64 reference) on tiles with odd offsets, and their assembly."""
import numpy as np
import pytest

from dlstudio.engine import conv_tiling as conv_tiled
from dlstudio.engine.kernels import conv_micro
from dlstudio.engine.kernels.conv_micro import micro_6x8, micro_6x16, micro_8x16, micro_8x48

DW = [(8, 3, 16), (5, 5, 16), (12, 1, 16), (4, 3, 8), (2, 5, 8), (8, 1, 8)]   # every weight-gradient tile in conv_micro.py


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("taps", [1, 7, 37])
@pytest.mark.parametrize("micro,fb,qb", [(micro_6x16, 6, 16), (micro_6x8, 6, 8), (micro_8x48, 8, 48),
                                         (micro_8x16, 8, 16)], ids=["6x16", "6x8", "8x48", "8x16"])
def test_micro_kernel_matches_the_sum_over_taps(dtype, taps, micro, fb, qb):
    """Both tiles and their one-vector last tiles, whichever this machine's drivers use (the others
    are called directly here)."""
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


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("rb,kw,v", DW, ids=[f"dwt_{rb}x{kw}_{v}" for rb, kw, v in DW])
def test_weight_gradient_micro_kernels_match_the_sum_over_positions(dtype, rb, kw, v):
    """Every GEMM-form weight-gradient kernel (both tiles' ones, whichever this machine uses):
    o[(r0 + r)·kw + j, l] += Σ_q xs[rowoffs[r0 + r] + j·step + q] · dv[q, l], on odd row offsets, a step of
    23 and 37 positions,
    adding to what o held and writing nothing else."""
    kernel = getattr(conv_micro, f"dwt_{rb}x{kw}_{v}")
    rng = np.random.default_rng(rb * 10 + kw)
    length, r0 = 37, 2
    xs = rng.standard_normal(400).astype(dtype)
    rowoffs = rng.integers(0, 300, r0 + rb + 1).astype(np.int64)
    dv = rng.standard_normal((length, v)).astype(dtype)
    o = np.full(((r0 + rb + 1) * kw, v), np.nan, dtype)
    o[r0 * kw:(r0 + rb) * kw] = 1.0
    step = 23
    kernel(dv, xs, rowoffs, step, r0, o)
    for r in range(r0, r0 + rb):
        for j in range(kw):
            x = xs[rowoffs[r] + j * step: rowoffs[r] + j * step + length].astype(np.float64)
            ref = 1.0 + x @ dv.astype(np.float64)
            tol = 1e-5 if dtype == np.float32 else 1e-12
            np.testing.assert_allclose(o[r * kw + j], ref, rtol=tol, atol=tol * np.abs(ref).max())
    assert np.isnan(o[:r0 * kw]).all() and np.isnan(o[(r0 + rb) * kw:]).all()   # nothing else written


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("taps", [1, 37])
@pytest.mark.parametrize("v", [8, 16])
def test_turned_around_tiles_match_the_sum_over_taps(dtype, taps, v):
    """bcast_10xV: V filters in a vector, 10 positions broadcast, out position-major."""
    kernel = getattr(conv_micro, f"bcast_10x{v}")
    rng = np.random.default_rng(taps + v)
    xs = rng.standard_normal(600).astype(dtype)
    offs = rng.integers(0, 400, taps).astype(np.int64)
    wp = rng.standard_normal((taps, v)).astype(dtype)
    out = np.full((40, v), np.nan, dtype)
    q = 13
    kernel(xs, offs, wp, q, out)
    ref = sum(np.outer(xs[offs[t] + q: offs[t] + q + 10].astype(np.float64), wp[t]) for t in range(taps))
    tol = 1e-5 if dtype == np.float32 else 1e-12
    np.testing.assert_allclose(out[q:q + 10], ref, rtol=tol, atol=tol * np.abs(ref).max())
    assert np.isnan(out[:q]).all() and np.isnan(out[q + 10:]).all()   # nothing else written


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("n", [0, 1, 10, 16, 35])
def test_bias_rows_add_the_bias_relu_and_write_only_n_values(dtype, n):
    from dlstudio.engine.kernels.conv_tiled import W, bias_row
    from numba import njit

    @njit
    def run(src, s, dst, d, n, b, relu):
        bias_row(src, s, dst, d, n, b, relu)
    src = np.random.default_rng(n).standard_normal(60).astype(dtype)
    src[3] = np.nan
    for relu in (0, 1):
        dst = np.full(80, 7.0, dtype)
        run(src, 2, dst, 5, n, dtype(0.25), relu)
        want = src[2:2 + n] + dtype(0.25)
        if relu:
            want = np.where(want > 0, want, 0)             # as the ReLU layer: NaN → 0
        np.testing.assert_array_equal(dst[5:5 + n], want)
        assert (dst[:5] == 7).all() and (dst[5 + n:] == 7).all(), W


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("w", [8, 16])
def test_transpose_tiles_turn_a_block_around_and_write_nothing_else(dtype, w):
    """dst[d + j·w + i] = src[s + i·stride + j] (dy made position-major for the weight gradient),
    at odd offsets and an odd stride."""
    kernel = getattr(conv_micro, f"transpose_{w}")
    rng = np.random.default_rng(w)
    src = rng.standard_normal(w * 37 + 50).astype(dtype)
    dst = np.full(w * w + 20, np.nan, dtype)
    s, stride, d = 5, 37, 9
    kernel(src, s, stride, dst, d)
    block = np.array([src[s + i * stride: s + i * stride + w] for i in range(w)])
    np.testing.assert_array_equal(dst[d:d + w * w].reshape(w, w), block.T)
    assert np.isnan(dst[:d]).all() and np.isnan(dst[d + w * w:]).all()


def test_pack_pads_filters_with_zeros_tap_major():
    w2 = np.arange(7 * 5, dtype=np.float32).reshape(7, 5)
    wp = conv_tiled.pack(w2)
    fb = conv_tiled.FB
    assert wp.shape == (-(-7 // fb), 5, fb)
    assert wp[0, 3, 2] == w2[2, 3] and wp[6 // fb, 4, 6 % fb] == w2[6, 4]
    assert (wp[-1, :, 7 % fb or fb:] == 0).all() and (wp[-1, :, :7 % fb or fb] != 0).any()


@pytest.mark.slow
def test_micro_kernels_are_vector_code(tmp_path):
    """The forward tile and the weight-gradient tile this machine uses compile to packed FMAs only
    (QB / W per filter and tap; one per tap), 512-bit ones (zmm) where the CPU has AVX-512, and
    each in well under the seconds the scalar-code version took. In a fresh interpreter with an
    empty cache, as Numba shows no assembly for a function loaded from its cache."""
    import json
    import os
    import subprocess
    import sys
    code = ("import json, re, time, numpy as np\n"
            "from dlstudio.engine.kernels import conv_tiled as T\n"
            "from numba import types as t\n"
            "f = t.Array(t.float32, 1, 'C'); f2 = t.Array(t.float32, 2, 'C'); i = t.Array(t.int64, 1, 'C')\n"
            "out = {}\n"
            "for name, fn, sig in (('fwd', T.micro, (f, i, f2, t.int64, f2)), ('dw', T.DW3, (f2, f, i, t.int64, t.int64, f2))):\n"
            "    c = time.process_time(); fn.compile(sig); c = time.process_time() - c\n"
            "    asm = fn.inspect_asm(fn.signatures[0])\n"
            "    out[name] = {'packed': len(re.findall(r'vfmadd\\w*ps', asm)),"
            " 'scalar': len(re.findall(r'vfmadd\\w*ss', asm)),"
            " 'zmm': len(re.findall(r'vfmadd\\w*ps[^\\n]*zmm', asm)), 'seconds': c}\n"
            "print(json.dumps(out))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True,
                         env={**os.environ, "NUMBA_CACHE_DIR": str(tmp_path)})
    counts = json.loads(run.stdout.strip().splitlines()[-1])
    from dlstudio.engine.kernels import conv_tiled as T
    from dlstudio.engine.vector_width import WIDE_TILE, has_avx512
    lanes = 16 if T.WIDE else 8
    fwd, dw = counts["fwd"], counts["dw"]
    assert fwd["packed"] >= T.FB * T.QB // lanes and fwd["scalar"] == 0, counts
    assert dw["packed"] >= T.RB3 * 3 and dw["scalar"] == 0, counts
    assert fwd["seconds"] < 3 and dw["seconds"] < 3, counts
    if has_avx512():
        assert (T.FB, T.QB) == WIDE_TILE
        assert fwd["zmm"] == fwd["packed"] and dw["zmm"] == dw["packed"], counts   # every FMA 16 wide


def test_avx512_is_read_from_the_features_numba_compiles_for():
    from dlstudio.engine.vector_width import has_avx512
    assert has_avx512("+sse2,+avx2,+avx512f,+avx512bw")
    assert not has_avx512("+sse2,+avx2,-avx512f,+fma")
    assert not has_avx512("")


@pytest.mark.slow
def test_the_other_tile_passes_the_convolution_reference_tests(tmp_path):
    """This machine's drivers use one tile; the convolution tests again, in a fresh interpreter,
    with the other (AVX2's 6 × 16 where the CPU has AVX-512; on other CPUs the same tile twice)."""
    import os
    import subprocess
    import sys
    env = {**os.environ, "DLSTUDIO_CONV_TILE": "narrow", "NUMBA_CACHE_DIR": str(tmp_path / "numba")}
    check = ("from dlstudio.engine.kernels import conv_tiled as K; "
             "assert (K.FB, K.QB) == (6, 16) and K.micro.__name__ == 'micro_6x16'")
    subprocess.run([sys.executable, "-c", check], env=env, check=True, timeout=120)
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                          os.path.join(os.path.dirname(__file__), "test_conv.py")],
                         env=env, capture_output=True, text=True, timeout=1200)
    assert run.returncode == 0, run.stdout[-3000:]
    assert " passed" in run.stdout and " failed" not in run.stdout
