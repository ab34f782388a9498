"""Recurrence kernels for SimpleRNN and LSTM: whole sequences, samples in parallel.

The layer computes the input projection x_t W + b of every time step as one large matrix
product before these kernels run, and the weight gradients as large products after (with
`matmul` below when they are big); what is left is the part that is truly sequential in time —
h_{t-1} U and the gate arithmetic — which is independent across samples. The drivers are chunk
kernels `driver(k, chunks, …)` over tiles of four samples (`engine.chunks.run_chunks` runs the
chunks on parallel threads; chunk 0 of 1 is the serial call for batches too small to pay for
threads); a chunk writes only its own samples' slices and its own scratch rows. h_{t-1} U is
hand-written (no BLAS in the kernels, DESIGN §6) as a four-sample product, so each element of U
loaded from cache serves four samples (`_vecmat_acc4`, ~3x the rate of one vector × matrix at a
time).

Layouts (N samples, T steps, U units, G = gates · U):
  Z   (N, T, G)  in: x_t W + b.  LSTM: overwritten with the activated gates i, f, g, o.
                 SimpleRNN: gets h_{t-1} U added, so it holds the pre-activation.
  Uk  (U, G)     the recurrent kernel.   UT (G, U): its transpose, contiguous (dh = dz Uᵀ).
  H   (N, T, U)  out: hidden state of every step.      C, TC (N, T, U): LSTM cell state, tanh(c).
  DH  (N, Td, U) d(loss)/dH: Td = T (return_sequences) or 1 (only the last step is an output).
  DZ  (N, T, G)  out: d(loss)/dz for every step — the layer turns it into dW, dU, db, dx.
  WH, WC (N, U)  per-sample work rows (dh, dc carried back in time).

Activations: float32 uses `_tanh32`, a branch-free rational approximation that vectorises
(calls to libm's tanhf / expf do not, and at these sizes cost more than the matrix work), and
sigmoid(x) = (1 + tanh(x / 2)) / 2; float64 (gradient checks) uses libm's tanh and a stable exp
form of the sigmoid. The gates of a step are computed by one vectorised pass per gate over its
quarter of z rather than by a single loop: a loop writing seven arrays exceeds LLVM's budget
of run-time alias checks and stays scalar (measured 7x slower). Every constant is made in the
arrays' own dtype, so float32 is never promoted to float64.
"""
from __future__ import annotations

import math

import numpy as np

from .. import config  # noqa: F401  (before numba)
from numba import njit

from ..config import JIT


@njit(**JIT)
def _tanh32(v):
    """tanh for float32 without libm: x·P(x²)/Q(x²) on [-9, 9] (|tanh| rounds to 1 beyond).

    Branch-free so the loops calling it vectorise. The coefficients are a rational
    least-relative-error fit made for this module; error ≤ 4e-7 absolute in float32
    (libm's tanhf: 6e-8), odd, and |result| ≤ 1.
    """
    x = min(max(v, np.float32(-9.0)), np.float32(9.0))
    s = x * x
    p = np.float32(1.3419853e-08)
    p = p * s + np.float32(2.0661284e-05)
    p = p * s + np.float32(3.4989974e-03)
    p = p * s + np.float32(1.3383981e-01)
    p = p * s + np.float32(1.0)
    q = np.float32(7.8047419e-07)
    q = q * s + np.float32(3.2910405e-04)
    q = q * s + np.float32(2.5890211e-02)
    q = q * s + np.float32(4.6717303e-01)
    q = q * s + np.float32(1.0)
    return min(max(x * p / q, np.float32(-1.0)), np.float32(1.0))


@njit(**JIT)
def _sigmoid64(v, one):
    e = math.exp(-abs(v))
    s = one / (one + e)
    return s if v >= 0 else e * s


# The element-wise helpers take whole 1-D views and loop from 0 with nothing else written:
# an index like `lo + j`, or many written arrays in one loop (too many run-time alias checks),
# keeps LLVM from vectorising.

@njit(**JIT)
def _tanh_inplace(z):
    if z.itemsize == 4:
        for j in range(z.shape[0]):
            z[j] = _tanh32(z[j])
    else:
        for j in range(z.shape[0]):
            z[j] = math.tanh(z[j])


@njit(**JIT)
def _tanh_into(src, dst):
    """dst = tanh(src) for two distinct arrays (an in-place call would fail the alias check)."""
    if src.itemsize == 4:
        for j in range(src.shape[0]):
            dst[j] = _tanh32(src[j])
    else:
        for j in range(src.shape[0]):
            dst[j] = math.tanh(src[j])


@njit(**JIT)
def _sigmoid_inplace(z):
    """sigmoid(z) = 1/2 + tanh(z/2)/2 in float32 (vectorised); float64 through exp, stably."""
    if z.itemsize == 4:
        half = np.float32(0.5)
        for j in range(z.shape[0]):
            z[j] = half + half * _tanh32(half * z[j])
    else:
        one = z.dtype.type(1)
        for j in range(z.shape[0]):
            z[j] = _sigmoid64(z[j], one)


@njit(**JIT)
def _vecmat_acc4(v0, v1, v2, v3, m, o0, o1, o2, o3):
    """o_s += v_s @ m for four samples s in one sweep over m (K, J).

    Each element of m, once loaded, serves four samples and each pass over the outputs does
    four rows of m, so the loop runs on registers rather than on loads and stores: about
    three times the multiply-add rate of one vector × matrix at a time.
    """
    k_n = m.shape[0]
    j_n = m.shape[1]
    k4 = k_n - k_n % 4
    for k in range(0, k4, 4):
        a0 = v0[k]
        a1 = v0[k + 1]
        a2 = v0[k + 2]
        a3 = v0[k + 3]
        b0 = v1[k]
        b1 = v1[k + 1]
        b2 = v1[k + 2]
        b3 = v1[k + 3]
        c0 = v2[k]
        c1 = v2[k + 1]
        c2 = v2[k + 2]
        c3 = v2[k + 3]
        d0 = v3[k]
        d1 = v3[k + 1]
        d2 = v3[k + 2]
        d3 = v3[k + 3]
        m0 = m[k]
        m1 = m[k + 1]
        m2 = m[k + 2]
        m3 = m[k + 3]
        for j in range(j_n):
            w0 = m0[j]
            w1 = m1[j]
            w2 = m2[j]
            w3 = m3[j]
            o0[j] += a0 * w0 + a1 * w1 + a2 * w2 + a3 * w3
            o1[j] += b0 * w0 + b1 * w1 + b2 * w2 + b3 * w3
            o2[j] += c0 * w0 + c1 * w1 + c2 * w2 + c3 * w3
            o3[j] += d0 * w0 + d1 * w1 + d2 * w2 + d3 * w3
    for k in range(k4, k_n):
        a0 = v0[k]
        b0 = v1[k]
        c0 = v2[k]
        d0 = v3[k]
        m0 = m[k]
        for j in range(j_n):
            w0 = m0[j]
            o0[j] += a0 * w0
            o1[j] += b0 * w0
            o2[j] += c0 * w0
            o3[j] += d0 * w0


@njit(**JIT)
def _zero(v):
    for j in range(v.shape[0]):
        v[j] = 0


# A parallel iteration owns a tile of four consecutive samples (fewer in the last tile of a
# batch whose size is not a multiple of four). For the missing samples of a short tile the
# four-sample product reads the first sample's row and writes to rows of `spare`, a scratch
# array of that iteration, so the same code serves every tile.

@njit(**JIT)
def _tiles(n):
    return (n + 3) // 4


@njit(**JIT)
def _in3(A, n0, t, k, r):
    """Input row A[n0 + k, t] of tile sample k, or the first sample's for a missing one."""
    return A[n0 + k, t] if k < r else A[n0, t]


@njit(**JIT)
def _out3(A, n0, t, k, r, spare):
    """Output row A[n0 + k, t] of tile sample k, or a scratch row for a missing one."""
    return A[n0 + k, t] if k < r else spare[k - r]


@njit(**JIT)
def _out2(A, n0, k, r, spare):
    return A[n0 + k] if k < r else spare[k - r]


@njit(**JIT)
def _recur4(n0, r, t, V, M, O, spare):
    """O[n, t] += V[n, t - 1] @ M for the samples n of a tile (t ≥ 1)."""
    _vecmat_acc4(V[n0, t - 1], _in3(V, n0, t - 1, 1, r), _in3(V, n0, t - 1, 2, r), _in3(V, n0, t - 1, 3, r), M,
                 O[n0, t], _out3(O, n0, t, 1, r, spare), _out3(O, n0, t, 2, r, spare), _out3(O, n0, t, 3, r, spare))


@njit(**JIT)
def _back4(n0, r, t, DZ, MT, WH, spare):
    """WH[n] = DZ[n, t] @ MT (= dz_t Uᵀ, the gradient reaching h_{t-1}) for the samples of a tile."""
    for n in range(n0, n0 + r):
        _zero(WH[n])
    _vecmat_acc4(DZ[n0, t], _in3(DZ, n0, t, 1, r), _in3(DZ, n0, t, 2, r), _in3(DZ, n0, t, 3, r), MT,
                 WH[n0], _out2(WH, n0, 1, r, spare), _out2(WH, n0, 2, r, spare), _out2(WH, n0, 3, r, spare))


# ---- the big products (input projection, weight gradients, dx) -------------------------------

@njit(**JIT)
def _matmul_rows(A, B, out, bias, t0, t1, spare):
    """out[i] = bias + A[i] @ B for the rows i of row tiles t0..t1-1 (tiles of four rows).

    The reduction runs in chunks of rows of B small enough to stay in L2 while every tile of
    the range uses them, so B is read from memory about once per call, not once per tile.
    """
    m = A.shape[0]
    k_n = A.shape[1]
    j_n = B.shape[1]
    for i in range(4 * t0, min(4 * t1, m)):
        o = out[i]
        if bias.shape[0] > 0:
            for j in range(j_n):
                o[j] = bias[j]
        else:
            _zero(o)
    kc = max(16, 32768 // max(j_n, 1))      # ~128 KiB of B (float32) per chunk
    for k0 in range(0, k_n, kc):
        k1 = min(k0 + kc, k_n)
        bc = B[k0:k1]
        for t in range(t0, t1):
            i = 4 * t
            r = min(4, m - i)
            a0 = A[i, k0:k1]
            a1 = A[i + 1, k0:k1] if r > 1 else a0
            a2 = A[i + 2, k0:k1] if r > 2 else a0
            a3 = A[i + 3, k0:k1] if r > 3 else a0
            _vecmat_acc4(a0, a1, a2, a3, bc, out[i], out[i + 1] if r > 1 else spare[0],
                         out[i + 2] if r > 2 else spare[1], out[i + 3] if r > 3 else spare[2])


@njit(**JIT)
def matmul(k, chunks, A, B, out, bias):
    """out = A @ B (+ bias when bias has B.shape[1] entries; pass an empty array for none).

    A (M, K), B (K, J), out (M, J), all C-contiguous; chunk k of `chunks` blocks of output rows
    (one per thread), so every chunk writes only its own rows; the multiply-adds are the
    four-row product of the recurrence (~60-100 GMAC/s per core here, OpenBLAS sgemm ~55). It runs on the engine's thread pool: the layers use it for
    their large products instead of BLAS, whose own thread pool keeps spinning after each call
    and fights the engine's threads for the cores (measured on 2 cores: LSTM training 8-15x slower).
    """
    tiles = (A.shape[0] + 3) // 4
    spare = np.empty((3, B.shape[1]), out.dtype)
    _matmul_rows(A, B, out, bias, tiles * k // chunks, tiles * (k + 1) // chunks, spare)


# ---- SimpleRNN ------------------------------------------------------------------------------

@njit(**JIT)
def _rnn_forward_tile(p, Z, Uk, H):
    n0 = 4 * p
    r = min(4, Z.shape[0] - n0)
    spare = np.empty((4 - r, Z.shape[2]), Z.dtype)
    for t in range(Z.shape[1]):
        if t > 0:
            _recur4(n0, r, t, H, Uk, Z, spare)
        for n in range(n0, n0 + r):
            _tanh_into(Z[n, t], H[n, t])


@njit(**JIT)
def rnn_forward(k, chunks, Z, Uk, H):
    """h_t = tanh(z_t + h_{t-1} U), h_0 = 0, samples in parallel (Z gets h_{t-1} U added)
    (chunk k of `chunks` runs of sample tiles)."""
    tiles = _tiles(Z.shape[0])
    for p in range(tiles * k // chunks, tiles * (k + 1) // chunks):
        _rnn_forward_tile(p, Z, Uk, H)


@njit(**JIT)
def _rnn_dz(n, t, H, DH, DZ, WH):
    """dz_t = dh_t ⊙ (1 − h_t²) for one sample; dh_t = what came back + the output's gradient."""
    t_n = H.shape[1]
    every_step = DH.shape[1] == t_n
    one = H.dtype.type(1)
    dh = WH[n]
    if t == t_n - 1:        # nothing comes back from the future
        _zero(dh)
    if every_step or t == t_n - 1:
        dout = DH[n, t if every_step else 0]
        for u in range(dh.shape[0]):
            dh[u] += dout[u]
    h = H[n, t]
    dz = DZ[n, t]
    for u in range(dz.shape[0]):
        dz[u] = dh[u] * (one - h[u] * h[u])


@njit(**JIT)
def _rnn_backward_tile(p, H, UT, DH, DZ, WH):
    n0 = 4 * p
    r = min(4, H.shape[0] - n0)
    spare = np.empty((4 - r, H.shape[2]), H.dtype)
    for t in range(H.shape[1] - 1, -1, -1):
        for n in range(n0, n0 + r):
            _rnn_dz(n, t, H, DH, DZ, WH)
        if t > 0:
            _back4(n0, r, t, DZ, UT, WH, spare)


@njit(**JIT)
def rnn_backward(k, chunks, H, UT, DH, DZ, WH):
    """Back-propagation through time: DZ = d(loss)/d(pre-activation) of every step
    (chunk k of `chunks` runs of sample tiles)."""
    tiles = _tiles(H.shape[0])
    for p in range(tiles * k // chunks, tiles * (k + 1) // chunks):
        _rnn_backward_tile(p, H, UT, DH, DZ, WH)


# ---- LSTM -----------------------------------------------------------------------------------

@njit(**JIT)
def _lstm_cell(n, t, Z, C, TC, H):
    """One step of one sample once z_t is complete: gates in place, then c_t, tanh(c_t), h_t."""
    u_n = H.shape[2]
    z = Z[n, t]
    zi = z[:u_n]
    zf = z[u_n:2 * u_n]
    zg = z[2 * u_n:3 * u_n]
    zo = z[3 * u_n:]
    # the four gates: one vectorised pass each over its quarter of z
    _sigmoid_inplace(zi)
    _sigmoid_inplace(zf)
    _tanh_inplace(zg)
    _sigmoid_inplace(zo)
    c = C[n, t]
    if t > 0:
        cp = C[n, t - 1]
        for u in range(u_n):
            c[u] = zf[u] * cp[u] + zi[u] * zg[u]
    else:
        for u in range(u_n):
            c[u] = zi[u] * zg[u]
    tc = TC[n, t]
    _tanh_into(c, tc)
    h = H[n, t]
    for u in range(u_n):
        h[u] = zo[u] * tc[u]


@njit(**JIT)
def _lstm_forward_tile(p, Z, Uk, C, TC, H):
    n0 = 4 * p
    r = min(4, Z.shape[0] - n0)
    spare = np.empty((4 - r, Z.shape[2]), Z.dtype)
    for t in range(Z.shape[1]):
        if t > 0:
            _recur4(n0, r, t, H, Uk, Z, spare)
        for n in range(n0, n0 + r):
            _lstm_cell(n, t, Z, C, TC, H)


@njit(**JIT)
def lstm_forward(k, chunks, Z, Uk, C, TC, H):
    """LSTM over whole sequences, samples in parallel; Z (x W + b) becomes the gates i, f, g, o
    (chunk k of `chunks` runs of sample tiles)."""
    tiles = _tiles(Z.shape[0])
    for p in range(tiles * k // chunks, tiles * (k + 1) // chunks):
        _lstm_forward_tile(p, Z, Uk, C, TC, H)


@njit(**JIT)
def _lstm_dz(n, t, A, C, TC, DH, DZ, WH, WC):
    """dz_t (gate pre-activations) of one sample from dh_t and dc_t; leaves dc_{t-1} in WC."""
    t_n = A.shape[1]
    u_n = C.shape[2]
    one = A.dtype.type(1)
    every_step = DH.shape[1] == t_n
    dh = WH[n]
    dc = WC[n]
    if t == t_n - 1:        # nothing comes back from the future
        _zero(dh)
        _zero(dc)
    if every_step or t == t_n - 1:
        dout = DH[n, t if every_step else 0]
        for u in range(u_n):
            dh[u] += dout[u]
    a = A[n, t]
    ai = a[:u_n]
    af = a[u_n:2 * u_n]
    ag = a[2 * u_n:3 * u_n]
    ao = a[3 * u_n:]
    dz = DZ[n, t]
    di = dz[:u_n]
    df = dz[u_n:2 * u_n]
    dg = dz[2 * u_n:3 * u_n]
    do = dz[3 * u_n:]
    tc = TC[n, t]
    # short passes, each writing one array, so that every one of them vectorises
    for u in range(u_n):
        dc[u] += dh[u] * ao[u] * (one - tc[u] * tc[u])
    for u in range(u_n):
        do[u] = dh[u] * tc[u] * ao[u] * (one - ao[u])
    for u in range(u_n):
        di[u] = dc[u] * ag[u] * ai[u] * (one - ai[u])
    for u in range(u_n):
        dg[u] = dc[u] * ai[u] * (one - ag[u] * ag[u])
    if t > 0:
        cp = C[n, t - 1]
        for u in range(u_n):
            df[u] = dc[u] * cp[u] * af[u] * (one - af[u])
        for u in range(u_n):
            dc[u] *= af[u]
    else:
        _zero(df)           # c_{-1} = 0


@njit(**JIT)
def _lstm_backward_tile(p, A, C, TC, UT, DH, DZ, WH, WC):
    n0 = 4 * p
    r = min(4, A.shape[0] - n0)
    spare = np.empty((4 - r, C.shape[2]), C.dtype)
    for t in range(A.shape[1] - 1, -1, -1):
        for n in range(n0, n0 + r):
            _lstm_dz(n, t, A, C, TC, DH, DZ, WH, WC)
        if t > 0:
            _back4(n0, r, t, DZ, UT, WH, spare)


@njit(**JIT)
def lstm_backward(k, chunks, A, C, TC, UT, DH, DZ, WH, WC):
    """Back-propagation through time: DZ = d(loss)/d(gate pre-activations) of every step
    (chunk k of `chunks` runs of sample tiles)."""
    tiles = _tiles(A.shape[0])
    for p in range(tiles * k // chunks, tiles * (k + 1) // chunks):
        _lstm_backward_tile(p, A, C, TC, UT, DH, DZ, WH, WC)
