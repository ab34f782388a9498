"""Conv2D on NCHW batches: direct convolution kernels (kernels/conv.py; the forward pass register-tiled
in kernels/conv_tiled.py, driven by conv_tiling.py), no im2col, no BLAS.

Weights: kernel (filters, in_channels, kh, kw), bias (filters,). Padding "valid", "same"
(TensorFlow's split, odd pixel bottom / right) or [[top, bottom], [left, right]]; strides ≥ 1
per axis. float32 and float64 batches are computed in their own dtype.

Small work (batch 1, or tiny shapes) runs the serial kernels: launching the thread pool costs
more than it saves there. The training forward pass keeps its input; the weight gradient copies
each sample of it into zero-padded column planes again. The scratch arrays are reused while the
batch size stays the same.
"""
from __future__ import annotations

import numpy as np

from .. import config
from ..init import bias_init, kernel_init
from .. import conv_tiling as KT
from ..chunks import run_chunks, sample_counter, threads_for
from ..conv_winograd import Winograd
from ...spec.layers.conv import resolve_padding
from .base import Layer, engine_layer

#: Winograd F(2×2, 3×3) (the forward pass, the input gradient of "same" layers, and the weight
#: gradient — WINOGRAD_DW_MIN_TILES) for 3×3 stride-1
#: layers with at least WINOGRAD_MIN_CHANNELS channels in and out, and at least WINOGRAD_MIN_WORK for
#: (the fewer channels) × (the shorter output side); None: never. Against the tiled direct kernels
#: (2026-12-06, AMD EPYC with AVX-512, batch 64, one thread, forward): 32→64 on 16×16 1.27×,
#: 32→32 on 32×32 1.28×, 64→64 on 16×16 1.41×, 128→128 on 8×8 1.24×, 64→64 on 8×8 1.08×; 48→64 on
#: 8×8 1.03×, 32→64 on 8×8 0.96×, 32→32 on 8×8 0.78×, 16→16 on 32×32 0.79×, 8→16 on 32×32 0.62×
#: (docs/speed.md).
WINOGRAD_MIN_CHANNELS: int | None = 32
WINOGRAD_MIN_WORK = 512
#: and whose 16 transformed inputs and outputs of one sample, 16·(C + F)·tiles values, fit in this
#: many bytes: beyond the caches it gains nothing (64→64 on 56×56 1.70×, on 112×112 0.93×, on
#: 224×224 1.00×, batch 8 / 2 / 1) and its scratch grows (≈ 100 MB a thread at 224×224).
WINOGRAD_MAX_BYTES = 8 << 20
#: The weight gradient by Winograd for such layers with even output sides and at least this many
#: 2×2 tiles a sample (its 16 products contract over the tiles).
WINOGRAD_DW_MIN_TILES = 64


@engine_layer("Conv2D")
class Conv2D(Layer):
    #: None: parallel kernels when the work is large enough; True / False: always / never.
    parallel: bool | None = None
    #: A parallel call needs at least this many multiply-adds over the batch; below it (measured:
    #: ~6 µs of work) the serial kernel is as fast and does not wake the thread pool.
    min_parallel_work = config.PARALLEL_MIN_WORK

    def __init__(self, node_id, params, in_shapes, out_shape, dtype):
        super().__init__(node_id, params, in_shapes, out_shape, dtype)
        c, h, w = (int(v) for v in in_shapes[0])
        f, oh, ow = (int(v) for v in out_shape)
        kh, kw = (int(v) for v in params["kernel_size"])
        sh, sw = (int(v) for v in params["strides"])
        (pt, pb), (pl, pr) = resolve_padding(params["padding"], (h, w), (kh, kw), (sh, sw))
        ah, aw = min(sh, kh), min(sw, kw)             # phases some tap reads
        hq, wq = -(-(h + pt + pb) // sh), -(-(w + pl + pr) // sw)
        ps = hq * wq
        self.shapes = (c, h, w, f, oh, ow, kh, kw)
        # 3×3 stride-1 layers with WINOGRAD_MIN_CHANNELS channels in and out: Winograd F(2×2, 3×3)
        self.winograd = ((kh, kw, sh, sw) == (3, 3, 1, 1) and WINOGRAD_MIN_CHANNELS is not None
                         and min(c, f) >= WINOGRAD_MIN_CHANNELS
                         and min(c, f) * min(oh, ow) >= WINOGRAD_MIN_WORK
                         and 16 * (c + f) * -(-oh // 2) * -(-ow // 2) * np.dtype(dtype).itemsize
                         <= WINOGRAD_MAX_BYTES)
        self.pads = ((pt, pb), (pl, pr))
        self.wino = Winograd(c, h, w, f, oh, ow, pt, pl, dtype) if self.winograd else None
        rq = oh + (kh - 1) // sh                      # rows of a column plane
        self.offs = KT.column_offsets(c, kh, kw, sh, rq, ow)
        self.length = oh * ow                         # output positions per filter
        self.sample_size = c * ah * kw * rq * ow      # column-plane values per sample
        self.row_size = self.sample_size + KT.tail(self.length)  # and the zeros the last tiles read
        # the forward pass of a stride-1 layer without padding ("valid", LeNet-5's C3) reads x in
        # place, "wide": outputs in rows of w of which ow are kept, no copy into column planes
        # (`conv_fwd` C3 against PyTorch, runs alternated: 0.82-0.98x on column planes, 0.93-1.01x
        # wide — copying its short rows cost more than computing the junk columns)
        self.fwd_wide = sh == sw == 1 and pt == pb == pl == pr == 0
        if self.fwd_wide:
            self.fwd_offs = ((np.arange(c)[:, None, None] * h + np.arange(kh)[:, None]) * w
                             + np.arange(kw)).reshape(-1).astype(np.int64)
            self.fwd_length = (oh - 1) * w + ow
            self.fwd_row = c * h * w + KT.tail(self.fwd_length)
        else:
            self.fwd_offs, self.fwd_length, self.fwd_row = self.offs, self.length, self.row_size
        # ... and by the turned-around tile where its rows are whole tiles and its filters whole
        # vectors (conv_tiling.bcast_applies)
        self.fwd_bcast = KT.bcast_applies(self.fwd_wide, f, ow)
        self.geo = KT.geometry(sh, sw, pt, pl, hq, wq, oh, ow, kh, kw, ah, aw, rq,
                               w if self.fwd_wide else ow, self.fwd_wide)
        # the input gradient of other layers, tiled for every stride: dy's wide rows placed between
        # zero margins (rows of dy_row values), correlated phase plane by phase plane (ps values
        # each) with the kernel taps that read that plane
        self.dx_len = KT.padded(ps)
        self.dy_row = KT.margin(kh, kw, wq, sh, sw) + self.dx_len + KT.W   # (+ the last vector's overrun)
        self.dx_plan = KT.DxPlan(f, kh, kw, sh, sw, wq, self.dy_row)
        # stride 1, "same" padding: dx as a forward pass over dy's column planes
        self.dx_fwd = (KT.DxAsForward(c, h, w, f, kh, kw, pt, pl)
                       if KT.DxAsForward.applies(sh, sw, kh, kw, self.pads) else None)
        # other stride-1 layers (no padding: LeNet-5's C3): dx by columns, Wᵀ dy then col2im
        self.dx_cols = (KT.DxScatter(c, h, w, f, oh, ow, kh, kw, pt, pl)
                        if KT.DxScatter.applies(sh, sw, kh, kw, self.pads, c, oh, ow, np.dtype(dtype).itemsize)
                        else None)
        # and by Winograd where the forward pass uses it (dy's F channels in, C out)
        self.dx_wino = (Winograd(f, oh, ow, c, h, w, kh - 1 - pt, kw - 1 - pl, dtype)
                        if self.winograd and self.dx_fwd is not None else None)
        # the weight gradient by Winograd too where the forward pass uses it, the output sides are
        # even and a sample has at least WINOGRAD_DW_MIN_TILES 2×2 tiles (one thread, batch 64,
        # Winograd / direct: 32→64 on 16×16 1.23×, 32→32 on 32×32 1.30×, 64→64 on 16×16 1.36×,
        # 64→64 on 8×8 0.98×: its products run over too few positions)
        self.dw_wino = (self.winograd and oh % 2 == 0 and ow % 2 == 0
                        and oh * ow // 4 >= WINOGRAD_DW_MIN_TILES)
        # the weight gradient in GEMM form: rows of taps (kernel rows c·kh + i of stride-1 layers
        # 3 or 5 wide, else single taps) and the taps per row
        self.dw_step = rq * ow                        # a column plane: one kernel column to the next
        self.dw_rows, self.dw_width = KT.weight_grad_plan(self.offs, kw, self.dw_step)
        self.macs = f * oh * ow * c * kh * kw         # multiply-adds per sample
        self._buf: dict[str, np.ndarray] = {}
        self._x: np.ndarray | None = None    # the training forward pass's input, for dW

    # ---- weights ---------------------------------------------------------------------------
    def init(self, rng, next_types):
        c, _, _, f, _, _, kh, kw = self.shapes
        self.w["kernel"][...] = kernel_init(rng, (f, c, kh, kw), c * kh * kw, f * kh * kw,
                                            next_types, self.dtype)
        if "bias" in self.w:
            self.w["bias"][...] = bias_init(rng, f, c * kh * kw, next_types, self.dtype)

    # ---- helpers ---------------------------------------------------------------------------
    def _scratch(self, name: str, shape: tuple, dtype=None) -> np.ndarray:
        """A reusable array (contents undefined) — reallocated only when the shape changes."""
        dtype = self.dtype if dtype is None else dtype
        a = self._buf.get(name)
        if a is None or a.shape != shape or a.dtype != dtype:
            a = self._buf[name] = np.empty(shape, dtype)
        return a

    def _rows(self, name: str, n: int, size: int | None = None) -> np.ndarray:
        """n scratch rows of `size` values (default: column planes and their tail), zero-filled
        once: the tails are never written."""
        size = self.row_size if size is None else size
        a = self._buf.get(name)
        if a is None or a.shape != (n, size) or a.dtype != self.dtype:
            a = self._buf[name] = np.zeros((n, size), self.dtype)
        return a

    def _chunks(self, n: int) -> int:
        """1 for the serial kernels, else the number of threads (at most one per sample)."""
        if self.parallel is None:
            return threads_for(n * self.macs, n, self.min_parallel_work)
        return threads_for(1, n, 0) if self.parallel else 1

    def _bias(self) -> np.ndarray:
        b = self.w.get("bias")
        if b is None:
            b = self._buf.get("zero_bias")
            if b is None or b.dtype != self.dtype:
                b = self._buf["zero_bias"] = np.zeros(self.shapes[3], self.dtype)
        return b

    # ---- passes ----------------------------------------------------------------------------
    def forward(self, inputs, training):
        x = inputs[0]
        if x.dtype != self.dtype or not x.flags.c_contiguous:
            x = np.ascontiguousarray(x, self.dtype)
        if training:
            self._x = x            # the weight gradient makes the column planes again from it
        return self._conv(x, self.w["kernel"], self._bias(), False)

    def forward_fused(self, x: np.ndarray, scale: np.ndarray | None = None,
                      shift: np.ndarray | None = None, relu: bool = False) -> np.ndarray:
        """Inference only: relu?(scale · (conv(x) + bias) + shift), per filter — a BatchNorm in
        inference mode folded into the kernel and the bias (scale and shift None: none), and a
        ReLU applied as the outputs are written (engine/inference.py)."""
        if x.dtype != self.dtype or not x.flags.c_contiguous:
            x = np.ascontiguousarray(x, self.dtype)
        kernel, bias = self.w["kernel"], self._bias()
        if scale is not None:
            kernel = (kernel * scale[:, None, None, None]).astype(self.dtype)
            bias = (bias * scale + shift).astype(self.dtype)
        return self._conv(x, kernel, bias, relu)

    def _conv(self, x, kernel, bias, relu):
        n = x.shape[0]
        c, h, w, f, oh, ow, kh, kw = self.shapes
        chunks = self._chunks(n)
        if self.wino is not None:
            return self.wino(x, kernel, bias, chunks, relu=relu)
        y = np.empty((n, f, oh, ow), self.dtype)
        if self.fwd_bcast:
            rows = (oh - 1) * w + max(-(-ow // KT.PB) * KT.PB, -(-ow // KT.V) * KT.V)
            wpv = KT.pack_vectors(kernel.reshape(f, c * kh * kw))
            xbs = self._rows("xbs", chunks, c * h * w + KT.PB)     # the sample and what its last tile reads
            pm = self._scratch("pm", (chunks, rows, KT.V))
            blk = self._scratch("blk", (chunks, KT.V * KT.V))
            run_chunks(KT.forward_bcast_chunk, chunks, sample_counter(), x, wpv, bias, self.fwd_offs, self.geo,
                       int(relu), xbs, pm, blk, y)
            return y
        wpk = KT.pack(kernel.reshape(f, c * kh * kw))
        xcs = self._rows("xfs", chunks, self.fwd_row)
        yw = self._scratch("yw", (chunks, wpk.shape[0], KT.FB, KT.padded(self.fwd_length)))
        run_chunks(KT.forward_tiled_chunk, chunks, sample_counter(), x, wpk, bias, self.fwd_offs, self.geo,
                   int(relu), xcs, yw, y)
        return y

    def backward(self, dout):
        x = self._x
        if x is None:
            raise RuntimeError(f"Conv2D '{self.id}': backward needs a forward pass in training mode first")
        dy = dout
        if dy.dtype != self.dtype or not dy.flags.c_contiguous:
            dy = np.ascontiguousarray(dy, self.dtype)
        n = dy.shape[0]
        if n != x.shape[0]:
            raise ValueError(f"Conv2D '{self.id}': the gradient has batch {n}, "
                             f"the forward pass had {x.shape[0]}")
        c, h, w, f, oh, ow, kh, kw = self.shapes
        chunks = self._chunks(n)
        need_dx = bool(self.need_dx)
        gw = self.g["kernel"].reshape(f, c * kh * kw)
        gb = self.g.get("bias")
        if gb is None:
            gb = self._scratch("unused_db", (f,))
        if self.dw_wino:
            self.wino.weight_grad(dy, x, chunks, self.g["kernel"], gb)
        else:
            self._weight_grad(dy, x, chunks, gw, gb)
        if not need_dx:
            return [None]
        if self.dx_fwd is not None:
            return [self._dx_as_forward(dy, chunks)]
        if self.dx_cols is not None:
            return [self._dx_by_columns(dy, chunks)]
        dyp = self._buf.get("dyp")
        if dyp is None or dyp.shape != (chunks, f * self.dy_row) or dyp.dtype != self.dtype:
            dyp = self._buf["dyp"] = np.zeros((chunks, f * self.dy_row), self.dtype)  # margins stay 0
        plan = self.dx_plan
        wpx = plan.pack(self.w["kernel"])
        dx = np.empty((n, c, h, w), self.dtype)
        dxw = self._scratch("dxw", (chunks, wpx.shape[0], KT.FB, self.dx_len))
        run_chunks(KT.backward_dx_chunk, chunks, sample_counter(), dy, wpx, plan.offs, plan.bounds, plan.phases,
                   self.geo, dyp, dxw, dx)
        return [dx]

    def _dx_as_forward(self, dy, chunks):
        """dx of a stride-1 layer by the forward kernel (conv_tiling.DxAsForward)."""
        c, h, w = self.shapes[:3]
        g = self.dx_fwd
        zero = self._buf.get("dx_zero_bias")
        if zero is None or zero.dtype != self.dtype:
            zero = self._buf["dx_zero_bias"] = np.zeros(c, self.dtype)
        if self.dx_wino is not None:
            return self.dx_wino(dy, KT.turn(self.w["kernel"]), zero, chunks)
        wpk = g.pack(self.w["kernel"])
        dx = np.empty((dy.shape[0], c, h, w), self.dtype)
        rows = self._rows("dx_cols", chunks, g.row_size)
        yw = self._scratch("dx_yw", (chunks, wpk.shape[0], KT.FB, KT.padded(g.length)))
        run_chunks(KT.forward_tiled_chunk, chunks, sample_counter(), dy, wpk, zero, g.offs, g.geo, 0, rows, yw, dx)
        return dx

    def _dx_by_columns(self, dy, chunks):
        """dx of a stride-1 layer by columns (conv_tiling.DxScatter)."""
        c, h, w = self.shapes[:3]
        g = self.dx_cols
        dx = np.empty((dy.shape[0], c, h, w), self.dtype)
        xs = self._rows("dx_scatter_dy", chunks, g.xs_size)
        cols = self._scratch("dx_scatter_cols", (chunks, g.blocks, KT.FB, g.lp))
        run_chunks(KT.backward_dx_scatter_chunk, chunks, sample_counter(), dy, g.pack(self.w["kernel"]), g.offs,
                   g.toffs, g.tlo, g.thi, g.bounds, g.taps, xs, cols, dx)
        return dx

    def _weight_grad(self, dy, x, chunks, gw, gb):
        """gw (F, T), gb ← the weight and bias gradients by the GEMM-form kernels (kernels/conv_tiled.py):
        each chunk sums its samples into dWᵀ in blocks of V filters; the blocks are added and turned here."""
        c, _, _, f, _, _, kh, kw = self.shapes
        width = self.dw_width
        db_parts = self._scratch("db_parts", (chunks, f), np.float64)
        v = KT.V
        blocks, taps = -(-f // v), c * kh * kw
        dyt = self._buf.get("dyt")
        if dyt is None or dyt.shape != (chunks, blocks, self.length, v) or dyt.dtype != self.dtype:
            # the junk columns and padding filters are never written: they must start (and stay) zero
            dyt = self._buf["dyt"] = np.zeros((chunks, blocks, self.length, v), self.dtype)
        parts = self._scratch("dwt_parts", (chunks, blocks, len(self.dw_rows) * width, v))   # padded rows too
        run_chunks(KT.WEIGHT_GRAD[width], chunks, self.dw_step, dy, x, self.geo, self._rows("xcs", chunks),
                   self.dw_rows, dyt, parts, db_parts)
        gb[...] = db_parts.sum(axis=0)
        total = parts[0, :, :taps] if chunks == 1 else parts[:, :, :taps].sum(axis=0)
        gw.reshape(f, taps)[...] = total.transpose(0, 2, 1).reshape(blocks * v, taps)[:f]
