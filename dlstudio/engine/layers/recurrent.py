"""SimpleRNN and LSTM on sequences (N, T, F), with probes of the last forward pass.

SimpleRNN: h_t = tanh(x_t W + h_{t-1} U + b).  LSTM: z_t = x_t W + h_{t-1} U + b split into
i, f, g, o (each `units` wide, in that order); i, f, o = sigmoid, g = tanh;
c_t = f ⊙ c_{t-1} + i ⊙ g; h_t = o ⊙ tanh(c_t). h_0 = c_0 = 0. The output is every h_t
(N, T, U) with return_sequences, else the last one (N, U).

How the work is split (DESIGN §6):
- forward: the input projection of every time step is ONE matrix product (N·T, F) @ W + b,
  then `kernels.recurrent` runs the recurrence, parallel over tiles of samples, h_{t-1} U by a
  register tile of the kernels and each step's gates computed in vectorised passes;
- backward: the kernel runs back-propagation through time per sample (parallel) and yields
  dZ (N, T, G) for every step; then [dW; dU; db] = [Xᵀ; H_prevᵀ; 1ᵀ] dZ (H_prev: the hidden
  states shifted one step, h_{-1} = 0) in one pass of `kernels.recurrent.weight_grads`, which
  reads X and H in place (no transposed copies), and dx = dZ Wᵀ one product;
- the projection and dx go to BLAS while small and to `kernels.recurrent.matmul` (the engine's
  thread pool, engine/chunks.py) when large: a multi-threaded OpenBLAS call leaves its threads
  spinning, and on few cores they starve the parallel kernels that follow (`_matmul`);
- a batch too small to pay for threads (one tile, or little work) runs each kernel as chunk 0
  of 1 on the calling thread.

Initialisation: kernel Glorot uniform (fan_in F, fan_out gates·U); recurrent_kernel small
uniform ±1/√U (`init.small_uniform`: cheap, keeps h_{t-1} U at the scale of x_t W at the start);
bias 0, except an LSTM's forget-gate bias (the second quarter) = 1 so the cell remembers by
default.

Probes: the layer keeps the arrays of its last forward pass; `probe(sample)` returns float32
copies for one sample — LSTM {"i", "f", "g", "o", "c", "h"}, SimpleRNN {"h", "z"} (z the
pre-activation x_t W + h_{t-1} U + b), each (T, U).
"""
from __future__ import annotations

import numpy as np

from .. import config  # noqa: F401  (before numba: sets the cache dir)
import numba  # noqa: E402

from ..chunks import run_chunks, threads_for
from ..init import glorot_uniform, small_uniform
from ..kernels import recurrent as K
from .base import Layer, engine_layer


# Products with fewer multiply-adds than this go to BLAS, which runs them on the calling thread
# (OpenBLAS goes multi-threaded above 4 · 65536 = 262144); larger ones to kernels.recurrent.matmul.
BLAS_MAX_WORK = 1 << 18


class _Recurrent(Layer):
    gates = 1

    def __init__(self, node_id, params, in_shapes, out_shape, dtype):
        super().__init__(node_id, params, in_shapes, out_shape, dtype)
        self.units = int(params["units"])
        self.return_sequences = bool(params["return_sequences"])
        self._buf: dict[str, np.ndarray] = {}
        self._x = None
        self._h = None
        self._no_bias = np.zeros(0, self.dtype)

    # ---- weights ---------------------------------------------------------------------------
    def init(self, rng, next_types):
        f, gu = self.w["kernel"].shape
        u = self.units
        self.w["kernel"][...] = glorot_uniform(rng, (f, gu), f, gu, self.dtype)
        self.w["recurrent_kernel"][...] = small_uniform(rng, (u, gu), 1.0 / np.sqrt(u), self.dtype)
        self.w["bias"][...] = 0

    # ---- helpers ---------------------------------------------------------------------------
    def _buffer(self, name: str, shape: tuple) -> np.ndarray:
        """A work array kept between calls (reallocated when the batch shape changes)."""
        b = self._buf.get(name)
        if b is None or b.shape != shape:
            b = self._buf[name] = np.empty(shape, self.dtype)
        return b

    def _chunks(self, n: int, t: int) -> int:
        """Threads for the recurrence: 1 (serial) for one tile of samples (K.RM, see
        kernels.recurrent) or little work, else one per thread, at most one per tile."""
        u = self.units
        return threads_for(n * t * self.gates * u * (u + 1), -(-n // K.RM))

    def _matmul(self, a: np.ndarray, b: np.ndarray, out: np.ndarray, bias: np.ndarray | None = None) -> None:
        """out = a @ b (+ bias), all C-contiguous: BLAS when small, else `kernels.recurrent.matmul`.

        Below BLAS_MAX_WORK multiply-adds OpenBLAS stays on the calling thread; above it, it
        wakes its own thread pool, which then spins next to Numba's and slows every parallel
        kernel of the step (see the module docstring), so large products run in Numba's pool.
        """
        if a.shape[0] * a.shape[1] * b.shape[1] < BLAS_MAX_WORK:
            np.matmul(a, b, out=out)
            if bias is not None:
                out += bias
        else:
            chunks = max(1, min((a.shape[0] + 3) // 4, numba.get_num_threads()))
            run_chunks(K.matmul, chunks, a, b, out, self._no_bias if bias is None else bias)

    def _project(self, x: np.ndarray) -> np.ndarray:
        """Z = x W + b for every step at once: (N·T, F) @ (F, G) → (N, T, G)."""
        n, t, f = x.shape
        self._x = x = np.ascontiguousarray(x, dtype=self.dtype)
        z = self._buffer("z", (n, t, self.gates * self.units))
        self._matmul(x.reshape(n * t, f), self.w["kernel"], z.reshape(n * t, -1), self.w["bias"])
        return z

    def _output(self, h: np.ndarray) -> np.ndarray:
        return h if self.return_sequences else h[:, -1].copy()

    def _dout(self, dout: np.ndarray) -> np.ndarray:
        d = np.ascontiguousarray(dout, dtype=self.dtype)
        return d if self.return_sequences else d.reshape(d.shape[0], 1, d.shape[-1])

    def _weight_grads(self, dz: np.ndarray) -> list[np.ndarray | None]:
        """dW, dU, db from dZ (N, T, G) in one pass of `kernels.recurrent.weight_grads`
        ([dW; dU; db] = [Xᵀ; H_prevᵀ; 1ᵀ] dZ, H_prev the hidden states one step back, h_(−1) = 0);
        returns [dx or None] (dx = dZ Wᵀ)."""
        n, t, gu = dz.shape
        u = self.units
        f = self._x.shape[2]
        out = self._buffer("dwub", (f + u + 1, gu))
        tiles = -(-f // K.RM) + -(-u // K.RM)
        run_chunks(K.weight_grads, threads_for(n * t * (f + u + 1) * gu, tiles), self._x, self._h, dz, out)
        self.g["kernel"][...] = out[:f]
        self.g["recurrent_kernel"][...] = out[f:f + u]
        self.g["bias"][...] = out[f + u]
        if not self.need_dx:
            return [None]
        dx = np.empty((n * t, f), self.dtype)
        self._matmul(dz.reshape(n * t, gu), np.ascontiguousarray(self.w["kernel"].T), dx)
        return [dx.reshape(n, t, f)]

    def _sample(self, sample: int) -> int:
        if self._h is None:
            raise RuntimeError(f"{self.type_name} '{self.id}': nothing to probe before a forward pass")
        n = self._h.shape[0]
        if not -n <= sample < n:
            raise IndexError(f"{self.type_name} '{self.id}': sample {sample} out of range — "
                             f"the last forward pass had {n}")
        return sample % n


@engine_layer("SimpleRNN")
class SimpleRNN(_Recurrent):
    gates = 1

    def forward(self, inputs, training):
        z = self._project(inputs[0])
        n, t, u = z.shape
        h = np.empty((n, t, u), self.dtype)
        run_chunks(K.rnn_forward, self._chunks(n, t), z, self.w["recurrent_kernel"], h)
        self._h = h
        return self._output(h)

    def backward(self, dout):
        h = self._h
        n, t, u = h.shape
        dz = self._buffer("dz", h.shape)
        ut = np.ascontiguousarray(self.w["recurrent_kernel"].T)
        wh = self._buffer("wh", (n, u))
        run_chunks(K.rnn_backward, self._chunks(n, t), h, ut, self._dout(dout), dz, wh)
        return self._weight_grads(dz)

    def probe(self, sample: int) -> dict:
        s = self._sample(sample)
        return {"h": self._h[s].astype(np.float32), "z": self._buf["z"][s].astype(np.float32)}


@engine_layer("LSTM")
class LSTM(_Recurrent):
    gates = 4

    def init(self, rng, next_types):
        super().init(rng, next_types)
        u = self.units
        self.w["bias"][u:2 * u] = 1

    def forward(self, inputs, training):
        a = self._project(inputs[0])  # becomes the activated gates
        n, t, _ = a.shape
        u = self.units
        c = self._buffer("c", (n, t, u))
        tc = self._buffer("tanh_c", (n, t, u))
        h = np.empty((n, t, u), self.dtype)
        run_chunks(K.lstm_forward, self._chunks(n, t), a, self.w["recurrent_kernel"], c, tc, h)
        self._h = h
        return self._output(h)

    def backward(self, dout):
        h = self._h
        n, t, u = h.shape
        a = self._buf["z"]
        dz = self._buffer("dz", a.shape)
        ut = np.ascontiguousarray(self.w["recurrent_kernel"].T)
        wh = self._buffer("wh", (n, u))
        wc = self._buffer("wc", (n, u))
        run_chunks(K.lstm_backward, self._chunks(n, t), a, self._buf["c"], self._buf["tanh_c"], ut,
                   self._dout(dout), dz, wh, wc)
        return self._weight_grads(dz)

    def probe(self, sample: int) -> dict:
        s = self._sample(sample)
        u = self.units
        a = self._buf["z"][s]
        out = {k: a[:, j * u:(j + 1) * u].astype(np.float32) for j, k in enumerate("ifgo")}
        out["c"] = self._buf["c"][s].astype(np.float32)
        out["h"] = self._h[s].astype(np.float32)
        return out
