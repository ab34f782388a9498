"""Recurrence kernels for SimpleRNN and LSTM: whole sequences, samples in parallel.

The layer computes the input projection x_t W + b of every time step as one large matrix
product before these kernels run (`matmul` below when it is big), and the weight gradients after
(`weight_grads`); what is left is the part that is truly sequential in time — h_{t-1} U and the
gate arithmetic — which is independent across samples. The drivers are chunk kernels
`driver(k, chunks, …)` over tiles of RM samples (`engine.chunks.run_chunks` runs the chunks on
parallel threads; chunk 0 of 1 is the serial call for batches too small to pay for threads); a
chunk writes only its own samples' slices and its own scratch rows. Every product (no BLAS in the
kernels, DESIGN §6) goes through one register tile, `vector_ir.rows_tile`: RM rows (8 samples
with AVX-512, 4 with AVX2) by two vectors of columns, its sums in registers, so each vector of U
loaded from cache serves RM samples. It replaced a four-row product that LLVM vectorised in
256-bit halves and that loaded and stored its sums for every four rows of U: LSTM (100, 32, 128,
64) training 4,000 → 6,200–6,600 sequences/s on 2 cores (Zen 5), SimpleRNN 85,000 → 150,000.

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

from .. import vector_ir
from ..config import JIT
from ..vector_width import recurrent_tile


@njit(inline="always", **JIT)
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


@njit(inline="always", **JIT)
def _sigmoid64(v, one):
    e = math.exp(-abs(v))
    s = one / (one + e)
    return s if v >= 0 else e * s


# The element-wise helpers take whole 1-D views and loop from 0 with nothing else written:
# an index like `lo + j`, or many written arrays in one loop (too many run-time alias checks),
# keeps LLVM from vectorising.

@njit(inline="always", **JIT)
def _tanh_inplace(z):
    if z.itemsize == 4:
        for j in range(z.shape[0]):
            z[j] = _tanh32(z[j])
    else:
        for j in range(z.shape[0]):
            z[j] = math.tanh(z[j])


@njit(inline="always", **JIT)
def _tanh_into(src, dst):
    """dst = tanh(src) for two distinct arrays (an in-place call would fail the alias check)."""
    if src.itemsize == 4:
        for j in range(src.shape[0]):
            dst[j] = _tanh32(src[j])
    else:
        for j in range(src.shape[0]):
            dst[j] = math.tanh(src[j])


@njit(inline="always", **JIT)
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


@njit(inline="always", **JIT)
def _zero(v):
    for j in range(v.shape[0]):
        v[j] = 0


# ---- the products: register tiles of RM rows ------------------------------------------------

RM, V = recurrent_tile()
_tile_2 = vector_ir.rows_tile(RM, 2, V)
_tile_1 = vector_ir.rows_tile(RM, 1, V)
_row_2 = vector_ir.rows_tile(1, 2, V)
_row_1 = vector_ir.rows_tile(1, 1, V)


@njit(inline="always", **JIT)
def _product(a, a_rows, ks, b, o, o_rows, r):
    """o[o_rows[s] + j] += Σ_i a[a_rows[s] + i·ks] · b[i, j] for rows s < r (r ≤ RM) and every
    column j of b: a full tile of RM rows in register tiles of 2·V columns (one of V and a scalar
    loop for what is left), or r ≤ RM − 1 rows one at a time."""
    j_n = b.shape[1]
    j1 = j_n - j_n % V
    j2 = j1 - j1 % (2 * V)
    if r == RM:
        for j0 in range(0, j2, 2 * V):
            _tile_2(a, a_rows, ks, b, j0, o, o_rows)
        if j1 > j2:
            _tile_1(a, a_rows, ks, b, j2, o, o_rows)
    else:
        for s in range(r):
            ar = a_rows[s:s + 1]
            orow = o_rows[s:s + 1]
            for j0 in range(0, j2, 2 * V):
                _row_2(a, ar, ks, b, j0, o, orow)
            if j1 > j2:
                _row_1(a, ar, ks, b, j2, o, orow)
    if j1 < j_n:
        for s in range(r):
            ob = o_rows[s]
            for i in range(b.shape[0]):
                av = a[a_rows[s] + i * ks]
                for j in range(j1, j_n):
                    o[ob + j] += av * b[i, j]


@njit(inline="always", **JIT)
def _tiles(n):
    return (n + RM - 1) // RM


@njit(inline="always", **JIT)
def _recur(n0, r, t, H, Uk, Z, rows):
    """Z[n, t] += H[n, t − 1] @ Uk for the samples n0 … n0 + r − 1 of a tile (t ≥ 1); rows is
    (2, RM) scratch for the rows' offsets."""
    t_n, u, g = Z.shape[1], H.shape[2], Z.shape[2]
    for s in range(r):
        rows[0, s] = ((n0 + s) * t_n + t - 1) * u
        rows[1, s] = ((n0 + s) * t_n + t) * g
    _product(H.reshape(-1), rows[0], 1, Uk, Z.reshape(-1), rows[1], r)


@njit(inline="always", **JIT)
def _back(n0, r, t, DZ, UT, WH, rows):
    """WH[n] = DZ[n, t] @ UT (dz_t Uᵀ, the gradient reaching h_(t−1)) for the samples of a tile."""
    t_n, g, u = DZ.shape[1], DZ.shape[2], WH.shape[1]
    for s in range(r):
        _zero(WH[n0 + s])
        rows[0, s] = ((n0 + s) * t_n + t) * g
        rows[1, s] = (n0 + s) * u
    _product(DZ.reshape(-1), rows[0], 1, UT, WH.reshape(-1), rows[1], r)


# ---- the big products (input projection, weight gradients, dx) -------------------------------

@njit(**JIT)
def matmul(k, chunks, A, B, out, bias):
    """out = A @ B (+ bias when bias has B.shape[1] entries; pass an empty array for none).

    A (M, K), B (K, J), out (M, J), all C-contiguous; chunk k of `chunks` blocks of row tiles (one
    per thread), so every chunk writes only its own rows. The reduction runs in chunks of rows of B
    small enough to stay in L2 while every row tile of the range uses them. It runs on the
    engine's thread pool: the layers use it for their large products instead of BLAS, whose own
    thread pool keeps spinning after each call and fights the engine's threads for the cores
    (measured on 2 cores: LSTM training 8-15x slower).
    """
    m, k_n = A.shape
    j_n = B.shape[1]
    tiles = _tiles(m)
    t0 = tiles * k // chunks
    t1 = tiles * (k + 1) // chunks
    for i in range(RM * t0, min(RM * t1, m)):
        o = out[i]
        if bias.shape[0] > 0:
            for j in range(j_n):
                o[j] = bias[j]
        else:
            _zero(o)
    af = A.reshape(-1)
    of = out.reshape(-1)
    a_rows = np.empty(RM, np.intp)
    o_rows = np.empty(RM, np.intp)
    kc = max(16, 32768 // max(j_n, 1))      # ~128 KiB of B (float32) per chunk
    for k0 in range(0, k_n, kc):
        bc = B[k0:min(k0 + kc, k_n)]
        for p in range(t0, t1):
            i = RM * p
            r = min(RM, m - i)
            for s in range(r):
                a_rows[s] = (i + s) * k_n + k0
                o_rows[s] = (i + s) * j_n
            _product(af, a_rows, 1, bc, of, o_rows, r)


@njit(**JIT)
def weight_grads(k, chunks, X, H, DZ, out):
    """The weight gradients of a recurrent layer in one pass over dZ, without transposing anything:

    out[:F] = Σ_n X[n]ᵀ DZ[n] (dW), out[F:F + U] = Σ_n H[n, :T−1]ᵀ DZ[n, 1:] (dU: h_(t−1) meets
    dz_t, h_(−1) = 0), out[F + U] = Σ_(n, t) DZ[n, t] (db), with X (N, T, F), H (N, T, U),
    DZ (N, T, G), out (F + U + 1, G). Chunk k owns its share of the row tiles of dW and of dU (the
    last chunk db too) and goes through the samples in order, so the sums, and their bits, do not
    depend on the number of chunks. A sample's T rows of dZ stay in cache while every tile of the
    chunk uses them.
    """
    n_, t_n, f = X.shape
    u = H.shape[2]
    g = DZ.shape[2]
    xf = X.reshape(-1)
    hf = H.reshape(-1)
    of = out.reshape(-1)
    xt = _tiles(f)
    ht = _tiles(u)
    x0, x1 = xt * k // chunks, xt * (k + 1) // chunks
    h0, h1 = ht * k // chunks, ht * (k + 1) // chunks
    last = k == chunks - 1
    for row in range(RM * x0, min(RM * x1, f)):
        _zero(out[row])
    for row in range(f + RM * h0, f + min(RM * h1, u)):
        _zero(out[row])
    if last:
        _zero(out[f + u])
    ones = np.ones(1, DZ.dtype)
    a_rows = np.zeros(RM, np.intp)
    o_rows = np.empty(RM, np.intp)
    for n in range(n_):
        dzn = DZ[n]
        for p in range(x0, x1):
            kr = RM * p
            r = min(RM, f - kr)
            for s in range(r):
                a_rows[s] = n * t_n * f + kr + s
                o_rows[s] = (kr + s) * g
            _product(xf, a_rows, f, dzn, of, o_rows, r)
        if t_n > 1:
            dzs = dzn[1:]
            for p in range(h0, h1):
                kr = RM * p
                r = min(RM, u - kr)
                for s in range(r):
                    a_rows[s] = n * t_n * u + kr + s
                    o_rows[s] = (f + kr + s) * g
                _product(hf, a_rows, u, dzs, of, o_rows, r)
        if last:
            a_rows[0] = 0
            o_rows[0] = (f + u) * g
            _product(ones, a_rows, 0, dzn, of, o_rows, 1)


# ---- SimpleRNN ------------------------------------------------------------------------------

@njit(**JIT)
def rnn_forward(k, chunks, Z, Uk, H):
    """h_t = tanh(z_t + h_{t-1} U), h_0 = 0, samples in parallel (Z gets h_{t-1} U added)
    (chunk k of `chunks` runs of sample tiles)."""
    n_ = Z.shape[0]
    rows = np.empty((2, RM), np.intp)
    tiles = _tiles(n_)
    for p in range(tiles * k // chunks, tiles * (k + 1) // chunks):
        n0 = RM * p
        r = min(RM, n_ - n0)
        for t in range(Z.shape[1]):
            if t > 0:
                _recur(n0, r, t, H, Uk, Z, rows)
            for n in range(n0, n0 + r):
                _tanh_into(Z[n, t], H[n, t])


@njit(inline="always", **JIT)
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
def rnn_backward(k, chunks, H, UT, DH, DZ, WH):
    """Back-propagation through time: DZ = d(loss)/d(pre-activation) of every step
    (chunk k of `chunks` runs of sample tiles)."""
    n_ = DZ.shape[0]
    rows = np.empty((2, RM), np.intp)
    tiles = _tiles(n_)
    for p in range(tiles * k // chunks, tiles * (k + 1) // chunks):
        n0 = RM * p
        r = min(RM, n_ - n0)
        for t in range(DZ.shape[1] - 1, -1, -1):
            for n in range(n0, n0 + r):
                _rnn_dz(n, t, H, DH, DZ, WH)
            if t > 0:
                _back(n0, r, t, DZ, UT, WH, rows)


# ---- LSTM -----------------------------------------------------------------------------------

@njit(inline="always", **JIT)
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
def lstm_forward(k, chunks, Z, Uk, C, TC, H):
    """LSTM over whole sequences, samples in parallel; Z (x W + b) becomes the gates i, f, g, o
    (chunk k of `chunks` runs of sample tiles)."""
    n_ = Z.shape[0]
    rows = np.empty((2, RM), np.intp)
    tiles = _tiles(n_)
    for p in range(tiles * k // chunks, tiles * (k + 1) // chunks):
        n0 = RM * p
        r = min(RM, n_ - n0)
        for t in range(Z.shape[1]):
            if t > 0:
                _recur(n0, r, t, H, Uk, Z, rows)
            for n in range(n0, n0 + r):
                _lstm_cell(n, t, Z, C, TC, H)


@njit(inline="always", **JIT)
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
def lstm_backward(k, chunks, A, C, TC, UT, DH, DZ, WH, WC):
    """Back-propagation through time: DZ = d(loss)/d(gate pre-activations) of every step
    (chunk k of `chunks` runs of sample tiles)."""
    n_ = DZ.shape[0]
    rows = np.empty((2, RM), np.intp)
    tiles = _tiles(n_)
    for p in range(tiles * k // chunks, tiles * (k + 1) // chunks):
        n0 = RM * p
        r = min(RM, n_ - n0)
        for t in range(DZ.shape[1] - 1, -1, -1):
            for n in range(n0, n0 + r):
                _lstm_dz(n, t, A, C, TC, DH, DZ, WH, WC)
            if t > 0:
                _back(n0, r, t, DZ, UT, WH, rows)
