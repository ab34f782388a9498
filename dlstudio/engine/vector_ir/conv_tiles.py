"""The convolution's tiles: the forward tile and its turned-around form (one tap loop, two
ways to step and store), the weight gradient's GEMM tile, a register transpose, masked bias
runs and the input gradient's window sums (kernels/conv_micro.py, kernels/conv_tiled.py)."""
from __future__ import annotations

from .. import config  # noqa: F401  (before numba: sets the cache dir)

from llvmlite import ir  # noqa: E402
from numba import types  # noqa: E402
from numba.core import cgutils  # noqa: E402
from numba.extending import intrinsic  # noqa: E402

from ._llvm import _need_c, _splat, _vec_ptr, _vload, _vstore, _accumulate, _zeros, _mark_wide, _masked_fns  # noqa: E402


def _tap_tile(w: int, sums: int, tap, store):
    """An intrinsic tile(xs, offs, wp, q, out) that keeps `sums` vectors of w values in registers:
    for every tap t, tap(builder, xp, wrow, acc, intp) with xp → xs[offs[t] + q] and wrow → wp[t]
    accumulates into acc; then store(builder, acc, out's data, its row length, q, intp). The
    forward tile and the turned-around one differ only in those two steps."""

    @intrinsic
    def tile(typingctx, xs, offs, wp, q, out):
        _need_c("xs", xs, 1)
        _need_c("offs", offs, 1)
        _need_c("wp", wp, 2)
        _need_c("out", out, 2)
        sig = types.void(xs, offs, wp, types.intp, out)

        def codegen(context, builder, sig, args):
            xs_t, offs_t, wp_t, _, out_t = sig.args
            xa = context.make_array(xs_t)(context, builder, args[0])
            oa = context.make_array(offs_t)(context, builder, args[1])
            wa = context.make_array(wp_t)(context, builder, args[2])
            ya = context.make_array(out_t)(context, builder, args[4])
            q = args[3]
            _mark_wide(builder, w, xs_t.dtype.bitwidth // 8)
            vty = ir.VectorType(context.get_value_type(xs_t.dtype), w)
            intp = context.get_value_type(types.intp)
            acc = _zeros(builder, vty, sums)
            taps = cgutils.unpack_tuple(builder, oa.shape, 1)[0]
            wcols = cgutils.unpack_tuple(builder, wa.shape, 2)[1]
            with cgutils.for_range(builder, taps) as loop:
                t = loop.index
                off = builder.load(builder.gep(oa.data, [t]))
                xp = builder.gep(xa.data, [builder.add(off, q)])
                tap(builder, xp, builder.gep(wa.data, [builder.mul(t, wcols)]), acc, intp)
            store(builder, acc, ya.data, cgutils.unpack_tuple(builder, ya.shape, 2)[1], q, intp)
            return context.get_dummy_value()
        return sig, codegen
    return tile


def forward_tile(fb: int, qb: int, w: int):
    """The forward micro-kernel's tile: fb filters × qb positions in vectors of w values —
    out[f, q0 + j] = Σ_t wp[t, f] · xs[offs[t] + q0 + j]."""
    if qb % w:
        raise ValueError("qb must be a multiple of w")
    nv = qb // w

    def tap(builder, xp, wrow, acc, intp):
        vecs = [builder.load(_vec_ptr(builder, builder.gep(xp, [ir.Constant(intp, m * w)]), w), align=4)
                for m in range(nv)]
        for f in range(fb):
            wf = _splat(builder, builder.load(builder.gep(wrow, [ir.Constant(intp, f)])), w)
            for m in range(nv):
                _accumulate(builder, acc[f * nv + m], wf, vecs[m])

    def store(builder, acc, out, ocols, q0, intp):
        for f in range(fb):
            row = builder.gep(out, [builder.add(builder.mul(ir.Constant(intp, f), ocols), q0)])
            for m in range(nv):
                dst = _vec_ptr(builder, builder.gep(row, [ir.Constant(intp, m * w)]), w)
                builder.store(builder.load(acc[f * nv + m]), dst, align=4)

    return _tap_tile(w, fb * nv, tap, store)


def broadcast_tile(pb: int, w: int):
    """The forward micro-kernel turned around, for layers with few filters and short rows: w filters
    in one vector, pb positions broadcast — out[q + p, :] = Σ_t wp[t, :] · xs[offs[t] + q + p] for
    p < pb (out position-major, rows of w). Any run of pb positions, no whole vectors of them."""

    def tap(builder, xp, wrow, acc, intp):
        wv = _vload(builder, wrow, ir.Constant(intp, 0), w)
        for p in range(pb):
            xv = _splat(builder, builder.load(builder.gep(xp, [ir.Constant(intp, p)])), w)
            _accumulate(builder, acc[p], wv, xv)

    def store(builder, acc, out, ocols, q, intp):
        for p in range(pb):
            at = builder.mul(builder.add(q, ir.Constant(intp, p)), ocols)
            _vstore(builder, builder.load(acc[p]), out, at, w)

    return _tap_tile(w, pb, tap, store)


def weight_grad_tile(rb: int, kw: int, w: int):
    """The weight gradient's tile: rb kernel rows × kw taps by w filters (one vector)."""

    @intrinsic
    def tile(typingctx, dv, xs, rowoffs, step, r0, o):
        _need_c("dv", dv, 2)
        _need_c("xs", xs, 1)
        _need_c("rowoffs", rowoffs, 1)
        _need_c("o", o, 2)
        sig = types.void(dv, xs, rowoffs, types.intp, types.intp, o)

        def codegen(context, builder, sig, args):
            dv_t, xs_t, ro_t, _, _, o_t = sig.args
            da = context.make_array(dv_t)(context, builder, args[0])
            xa = context.make_array(xs_t)(context, builder, args[1])
            ra = context.make_array(ro_t)(context, builder, args[2])
            oa = context.make_array(o_t)(context, builder, args[5])
            step, r0 = args[3], args[4]
            fty = context.get_value_type(xs_t.dtype)
            _mark_wide(builder, w, xs_t.dtype.bitwidth // 8)
            vty = ir.VectorType(fty, w)
            intp = context.get_value_type(types.intp)
            acc = _zeros(builder, vty, rb * kw)
            bases = []
            for r in range(rb):
                off = builder.load(builder.gep(ra.data, [builder.add(r0, ir.Constant(intp, r))]))
                bases.append(builder.gep(xa.data, [off]))
            positions, dcols = cgutils.unpack_tuple(builder, da.shape, 2)
            with cgutils.for_range(builder, positions) as loop:
                q = loop.index
                d = builder.load(_vec_ptr(builder, builder.gep(da.data, [builder.mul(q, dcols)]), w), align=4)
                for r in range(rb):
                    xp = builder.gep(bases[r], [q])
                    for j in range(kw):
                        at = builder.mul(step, ir.Constant(intp, j))
                        x = _splat(builder, builder.load(builder.gep(xp, [at])), w)
                        _accumulate(builder, acc[r * kw + j], x, d)
            ocols = cgutils.unpack_tuple(builder, oa.shape, 2)[1]
            for r in range(rb):
                for j in range(kw):
                    row = builder.add(builder.mul(builder.add(r0, ir.Constant(intp, r)), ir.Constant(intp, kw)),
                                      ir.Constant(intp, j))
                    dst = _vec_ptr(builder, builder.gep(oa.data, [builder.mul(row, ocols)]), w)
                    old = builder.load(dst, align=4)
                    builder.store(builder.fadd(old, builder.load(acc[r * kw + j])), dst, align=4)
            return context.get_dummy_value()
        return sig, codegen
    return tile


def transpose_tile(w: int):
    """A w × w block turned around in vector registers: dst[d + j·w + i] = src[s + i·stride + j] for
    i, j < w — w vector loads (rows i), log2(w) rounds of w two-vector shuffles (each round swaps the
    off-diagonal quarters of every 2b × 2b block, b = w/2 … 1), w vector stores (rows j)."""
    if w & (w - 1):
        raise ValueError("w must be a power of two")

    @intrinsic
    def tile(typingctx, src, s, stride, dst, d):
        _need_c("src", src, 1)
        _need_c("dst", dst, 1)
        sig = types.void(src, types.intp, types.intp, dst, types.intp)

        def codegen(context, builder, sig, args):
            src_t, _, _, dst_t, _ = sig.args
            sa = context.make_array(src_t)(context, builder, args[0])
            da = context.make_array(dst_t)(context, builder, args[3])
            s, stride, d = args[1], args[2], args[4]
            _mark_wide(builder, w, src_t.dtype.bitwidth // 8)
            intp = context.get_value_type(types.intp)
            rows = []
            for i in range(w):
                at = builder.add(s, builder.mul(stride, ir.Constant(intp, i)))
                rows.append(_vload(builder, sa.data, at, w))
            i32v = ir.VectorType(ir.IntType(32), w)
            b = w // 2
            while b >= 1:
                lo = ir.Constant(i32v, [j if (j // b) % 2 == 0 else w + j - b for j in range(w)])
                hi = ir.Constant(i32v, [j + b if (j // b) % 2 == 0 else w + j for j in range(w)])
                for i in range(w):
                    if (i // b) % 2 == 0:
                        a, c = rows[i], rows[i + b]
                        rows[i], rows[i + b] = builder.shuffle_vector(a, c, lo), builder.shuffle_vector(a, c, hi)
                b //= 2
            for j in range(w):
                at = builder.add(d, ir.Constant(intp, j * w))
                _vstore(builder, rows[j], da.data, at, w)
            return context.get_dummy_value()
        return sig, codegen
    return tile


def bias_run(w: int):
    """dst[d + v] = src[s + v] + b for v < n, through a ReLU (v if v > 0 else 0) if relu ≠ 0: in
    vectors of w values, the last one masked — a short output row (10 values of LeNet-5's C3) is
    one masked load, add and store where a compiled loop would run it scalar (it vectorises only
    whole multiples of its unrolled vector width)."""

    @intrinsic
    def run(typingctx, src, s, dst, d, n, b, relu):
        _need_c("src", src, 1)
        _need_c("dst", dst, 1)
        sig = types.void(src, types.intp, dst, types.intp, types.intp, src.dtype, types.intp)

        def codegen(context, builder, sig, args):
            sa = context.make_array(sig.args[0])(context, builder, args[0])
            da = context.make_array(sig.args[2])(context, builder, args[2])
            s_, d_, n_, b_, relu_ = args[1], args[3], args[4], args[5], args[6]
            fty = context.get_value_type(sig.args[0].dtype)
            _mark_wide(builder, w, sig.args[0].dtype.bitwidth // 8)
            vty = ir.VectorType(fty, w)
            intp = context.get_value_type(types.intp)
            i32 = ir.IntType(32)
            bv = _splat(builder, b_, w)
            zero = ir.Constant(vty, None)
            lanes = ir.Constant(ir.VectorType(intp, w), list(range(w)))
            load_fn, store_fn = _masked_fns(builder, vty, w)
            do_relu = builder.icmp_signed("!=", relu_, ir.Constant(intp, 0))
            nvec = builder.sdiv(builder.add(n_, ir.Constant(intp, w - 1)), ir.Constant(intp, w))
            with cgutils.for_range(builder, nvec) as loop:
                at = builder.mul(loop.index, ir.Constant(intp, w))
                left = builder.sub(n_, at)
                mask = builder.icmp_signed("<", lanes, _splat(builder, left, w))
                sp = _vec_ptr(builder, builder.gep(sa.data, [builder.add(s_, at)]), w)
                dp = _vec_ptr(builder, builder.gep(da.data, [builder.add(d_, at)]), w)
                v = builder.fadd(builder.call(load_fn, [sp, ir.Constant(i32, 4), mask, zero]), bv)
                pos = builder.fcmp_ordered(">", v, zero)
                v = builder.select(do_relu, builder.select(pos, v, zero), v)
                builder.call(store_fn, [v, dp, ir.Constant(i32, 4), mask])
            return context.get_dummy_value()
        return sig, codegen
    return run


def window_sum(w: int, rb: int):
    """dst[d + r·dstride + v] = Σ_(t0 ≤ t < t1) (src[base + r·cstride + offs[t] + x0 + v]
    if lo[t] ≤ x0 + v < hi[t] else 0) for v < n (n ≤ w) and rows r < rb (a row r ≥ rows repeats the
    last one): one vector of rb rows each, summed from shifted, masked windows (the input
    gradient's col2im, each tap's window of its column row kept in a register and stored once;
    rb rows share the masks and keep rb sums in flight). Lanes outside a window are never read."""

    @intrinsic
    def run(typingctx, src, base, cstride, offs, lo, hi, t0, t1, x0, dst, d, dstride, n, rows):
        _need_c("src", src, 1)
        _need_c("offs", offs, 1)
        _need_c("lo", lo, 1)
        _need_c("hi", hi, 1)
        _need_c("dst", dst, 1)
        ip = types.intp
        sig = types.void(src, ip, ip, offs, lo, hi, ip, ip, ip, dst, ip, ip, ip, ip)

        def codegen(context, builder, sig, args):
            sa = context.make_array(sig.args[0])(context, builder, args[0])
            oa = context.make_array(sig.args[3])(context, builder, args[3])
            la = context.make_array(sig.args[4])(context, builder, args[4])
            ha = context.make_array(sig.args[5])(context, builder, args[5])
            da = context.make_array(sig.args[9])(context, builder, args[9])
            base, cstride, t0, t1, x0 = args[1], args[2], args[6], args[7], args[8]
            d, dstride, n, rows = args[10], args[11], args[12], args[13]
            fty = context.get_value_type(sig.args[0].dtype)
            _mark_wide(builder, w, sig.args[0].dtype.bitwidth // 8)
            vty = ir.VectorType(fty, w)
            intp = context.get_value_type(types.intp)
            load_fn, store_fn = _masked_fns(builder, vty, w)
            i32 = ir.IntType(32)
            zero = ir.Constant(vty, None)
            index = ir.Constant(ir.VectorType(i32, w), list(range(w)))     # lane numbers: 32-bit compares
            lanes = builder.add(index, _splat(builder, builder.trunc(x0, i32), w))
            last = builder.sub(rows, ir.Constant(intp, 1))
            rs = []
            for r in range(rb):
                c = ir.Constant(intp, r)
                rs.append(builder.select(builder.icmp_signed("<", c, rows), c, last))
            starts = [builder.add(builder.add(base, x0), builder.mul(r, cstride)) for r in rs]
            acc = [cgutils.alloca_once_value(builder, zero) for _ in range(rb)]
            with cgutils.for_range_slice(builder, t0, t1, ir.Constant(intp, 1), intp, inc=True) as (t, _):
                off = builder.load(builder.gep(oa.data, [t]))
                lo_v = _splat(builder, builder.trunc(builder.load(builder.gep(la.data, [t])), i32), w)
                hi_v = _splat(builder, builder.trunc(builder.load(builder.gep(ha.data, [t])), i32), w)
                mask = builder.and_(builder.icmp_signed(">=", lanes, lo_v), builder.icmp_signed("<", lanes, hi_v))
                for r in range(rb):
                    ptr = _vec_ptr(builder, builder.gep(sa.data, [builder.add(starts[r], off)]), w)
                    v = builder.call(load_fn, [ptr, ir.Constant(i32, 4), mask, zero])
                    builder.store(builder.fadd(builder.load(acc[r]), v), acc[r])
            keep = builder.icmp_signed("<", index, _splat(builder, builder.trunc(n, i32), w))
            for r in range(rb):
                at = builder.add(d, builder.mul(rs[r], dstride))
                builder.call(store_fn, [builder.load(acc[r]), _vec_ptr(builder, builder.gep(da.data, [at]), w),
                                        ir.Constant(i32, 4), keep])
            return context.get_dummy_value()
        return sig, codegen
    return run
