"""The convolution micro-kernels' inner loops written directly as LLVM vector code.

The first micro-kernels were scalar code (hundreds of named sums) that LLVM's SLP vectorizer packed
into vector registers. That worked, but the SLP search grows fast with the number of statements:
an 8 × 48 tile took 7 s to compile and a 5 × 5-tap weight-gradient block 16 s, most of a cold
start. Here each tile is an intrinsic that emits the loop with explicit `<W x float>` vectors,
broadcasts and `llvm.fma` — nothing to search for, so it compiles in a fraction of a second, and
the vector width is what the code says (512-bit `zmm` registers for W = 16 floats).

Both tiles keep their sums in stack slots that LLVM's mem2reg turns into vector registers:

- `forward_tile(fb, qb, w)` — out[f, q0 + j] = Σ_t wp[t, f] · xs[offs[t] + q0 + j] for f < fb,
  j < qb: per tap qb / w vector loads of inputs, fb broadcast weights, fb · qb / w FMAs.
- `weight_grad_tile(rb, kw, w)` — o[(r0 + r)·kw + j, l] += Σ_q xs[rowoffs[r0 + r] + j + q] · dv[q, l]
  for r < rb, j < kw, l < w: per position one vector load of w filters' dy, rb · kw broadcast
  inputs and FMAs.

`rows_tile` (the recurrent layers' products) is the forward tile's pattern on plain matrices;
`window_sum` sums masked, shifted windows of rows in registers (the input gradient's col2im);
`fma_chain` only multiplies and adds in registers (the bench's FMA limit); the other tiles are
data moves (transposes, Winograd transforms, masked bias runs).

Arrays must be C-contiguous (the typing refuses others); no index is checked, as in the kernels
that call these (engine/kernels/conv_micro.py).
"""
from __future__ import annotations

from . import config  # noqa: F401  (before numba: sets the cache dir)

from llvmlite import ir  # noqa: E402
from numba import types  # noqa: E402
from numba.core import cgutils  # noqa: E402
from numba.core.errors import TypingError  # noqa: E402
from numba.extending import intrinsic  # noqa: E402


def _need_c(name, t, ndim):
    if not isinstance(t, types.Array) or t.layout != "C" or t.ndim != ndim:
        raise TypingError(f"{name} must be a C-contiguous {ndim}-d array, got {t}")


def _splat(builder, value, w):
    vty = ir.VectorType(value.type, w)
    one = builder.insert_element(ir.Constant(vty, ir.Undefined), value, ir.Constant(ir.IntType(32), 0))
    return builder.shuffle_vector(one, ir.Constant(vty, ir.Undefined), ir.Constant(ir.VectorType(ir.IntType(32), w), [0] * w))


def _vec_ptr(builder, ptr, w):
    return builder.bitcast(ptr, ir.VectorType(ptr.type.pointee, w).as_pointer())


def _vload(builder, base, at, w):
    return builder.load(_vec_ptr(builder, builder.gep(base, [at]), w), align=4)


def _vstore(builder, value, base, at, w):
    builder.store(value, _vec_ptr(builder, builder.gep(base, [at]), w), align=4)


def _fma(builder, a, b, c):
    """a·b + c on vectors, one rounding (llvm.fma; llvmlite's builder.fma takes scalars only)."""
    vty = a.type
    suffix = f"v{vty.count}f{32 if isinstance(vty.element, ir.FloatType) else 64}"
    fn = cgutils.get_or_insert_function(builder.module, ir.FunctionType(vty, [vty, vty, vty]), f"llvm.fma.{suffix}")
    return builder.call(fn, [a, b, c])


def _accumulate(builder, slot, a, b):
    """slot ← a·b + slot (a stack-slot vector sum)."""
    builder.store(_fma(builder, a, b, builder.load(slot)), slot)


def _zeros(builder, vty, count):
    return [cgutils.alloca_once_value(builder, ir.Constant(vty, None)) for _ in range(count)]


def _mark_wide(builder, w, itemsize):
    if w * itemsize * 8 > 256:   # let the backend keep 512-bit vectors whole (see vector_width.py)
        attrs = builder.function.attributes
        set.add(attrs, '"prefer-vector-width"="512"')


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
            mty = ir.VectorType(ir.IntType(1), w)
            mod = builder.module
            suffix = "f32" if isinstance(fty, ir.FloatType) else "f64"
            load_fn = cgutils.get_or_insert_function(
                mod, ir.FunctionType(vty, [vty.as_pointer(), i32, mty, vty]),
                f"llvm.masked.load.v{w}{suffix}.p0v{w}{suffix}")
            store_fn = cgutils.get_or_insert_function(
                mod, ir.FunctionType(ir.VoidType(), [vty, vty.as_pointer(), i32, mty]),
                f"llvm.masked.store.v{w}{suffix}.p0v{w}{suffix}")
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


def _masked_fns(builder, vty, w, suffix):
    i32 = ir.IntType(32)
    mty = ir.VectorType(ir.IntType(1), w)
    mod = builder.module
    load_fn = cgutils.get_or_insert_function(
        mod, ir.FunctionType(vty, [vty.as_pointer(), i32, mty, vty]), f"llvm.masked.load.v{w}{suffix}.p0v{w}{suffix}")
    store_fn = cgutils.get_or_insert_function(
        mod, ir.FunctionType(ir.VoidType(), [vty, vty.as_pointer(), i32, mty]),
        f"llvm.masked.store.v{w}{suffix}.p0v{w}{suffix}")
    return load_fn, store_fn


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
            suffix = "f32" if isinstance(fty, ir.FloatType) else "f64"
            load_fn, store_fn = _masked_fns(builder, vty, w, suffix)
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


def fma_chain(w: int, sums: int):
    """The FMA units' limit: sums independent vectors of w values, each updated v ← v·a + b for
    `steps` rounds, all in registers (no loads or stores in the loop); returns the sum of every
    lane, so that nothing is optimised away. 2·w·sums FLOPs a round (bench/peak.py)."""

    @intrinsic
    def run(typingctx, steps, a, b):
        if not isinstance(a, types.Float) or b != a:
            raise TypingError("a and b must be floats of one type")
        sig = a(types.intp, a, a)

        def codegen(context, builder, sig, args):
            steps, a_, b_ = args
            fty = context.get_value_type(sig.args[1])
            _mark_wide(builder, w, sig.args[1].bitwidth // 8)
            vty = ir.VectorType(fty, w)
            av, bv = _splat(builder, a_, w), _splat(builder, b_, w)
            # distinct starting values (equal chains could be merged into one)
            acc = [cgutils.alloca_once_value(builder, ir.Constant(vty, [1.0 + (k * w + i) / (w * sums)
                                                                        for i in range(w)]))
                   for k in range(sums)]
            with cgutils.for_range(builder, steps):
                for slot in acc:
                    builder.store(_fma(builder, builder.load(slot), av, bv), slot)
            total = builder.load(acc[0])
            for slot in acc[1:]:
                total = builder.fadd(total, builder.load(slot))
            out = builder.extract_element(total, ir.Constant(ir.IntType(32), 0))
            for i in range(1, w):
                out = builder.fadd(out, builder.extract_element(total, ir.Constant(ir.IntType(32), i)))
            return out
        return sig, codegen
    return run


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


def rows_tile(mb: int, nv: int, w: int):
    """The recurrent layers' product tile: mb rows by nv vectors of w columns —
    o[o_rows[r] + j0 + c] += Σ_(i < K) a[a_rows[r] + i·ks] · b[i, j0 + c] for r < mb, c < nv·w
    (K = b.shape[0]). Per step i: nv vector loads of b's row, mb broadcasts, mb · nv FMAs. A row of
    a is read ks values apart (ks = 1 for a @ b, the row length of a for aᵀ @ b). The sums start
    from o: every load of o comes before any store, so rows named twice (a short tile's repeated
    row) get the same, right value."""

    @intrinsic
    def tile(typingctx, a, a_rows, ks, b, j0, o, o_rows):
        _need_c("a", a, 1)
        _need_c("a_rows", a_rows, 1)
        _need_c("b", b, 2)
        _need_c("o", o, 1)
        _need_c("o_rows", o_rows, 1)
        sig = types.void(a, a_rows, types.intp, b, types.intp, o, o_rows)

        def codegen(context, builder, sig, args):
            a_t, ar_t, _, b_t, _, o_t, or_t = sig.args
            aa = context.make_array(a_t)(context, builder, args[0])
            ra = context.make_array(ar_t)(context, builder, args[1])
            ba = context.make_array(b_t)(context, builder, args[3])
            oa = context.make_array(o_t)(context, builder, args[5])
            orows = context.make_array(or_t)(context, builder, args[6])
            ks, j0 = args[2], args[4]
            _mark_wide(builder, w, a_t.dtype.bitwidth // 8)
            intp = context.get_value_type(types.intp)
            dsts, acc = [], []
            for r in range(mb):
                row = builder.load(builder.gep(orows.data, [ir.Constant(intp, r)]))
                base = builder.add(row, j0)
                for v in range(nv):
                    dst = _vec_ptr(builder, builder.gep(oa.data, [builder.add(base, ir.Constant(intp, v * w))]), w)
                    dsts.append(dst)
                    acc.append(cgutils.alloca_once_value(builder, builder.load(dst, align=4)))
            arows = [builder.gep(aa.data, [builder.load(builder.gep(ra.data, [ir.Constant(intp, r)]))])
                     for r in range(mb)]
            steps, bcols = cgutils.unpack_tuple(builder, ba.shape, 2)
            bj = builder.gep(ba.data, [j0])
            with cgutils.for_range(builder, steps) as loop:
                i = loop.index
                brow = builder.gep(bj, [builder.mul(i, bcols)])
                bv = [_vload(builder, brow, ir.Constant(intp, v * w), w) for v in range(nv)]
                at = builder.mul(i, ks)
                for r in range(mb):
                    s = _splat(builder, builder.load(builder.gep(arows[r], [at])), w)
                    for v in range(nv):
                        _accumulate(builder, acc[r * nv + v], s, bv[v])
            for dst, slot in zip(dsts, acc):
                builder.store(builder.load(slot), dst, align=4)
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


def winograd_input_tile(w: int):
    """Winograd F(2×2, 3×3)'s input transform for w consecutive tiles of a row: with d[i, j] the
    vector xs[b + ((i mod 2)·2 + j mod 2)·plane + (i div 2)·row + j div 2 + src] (a channel's four
    stride-2 phase planes, rows of `row` values), v[o + e·estep + dst … + w] = (Bᵀ d B)[e // 4, e % 4].
    Bᵀ = [[1, 0, −1, 0], [0, 1, 1, 0], [0, −1, 1, 0], [0, 1, 0, −1]]."""

    @intrinsic
    def tile(typingctx, xs, b, plane, row, v, o, estep, src, dst):
        _need_c("xs", xs, 1)
        _need_c("v", v, 1)
        sig = types.void(xs, types.intp, types.intp, types.intp, v, types.intp, types.intp, types.intp,
                         types.intp)

        def codegen(context, builder, sig, args):
            xa = context.make_array(sig.args[0])(context, builder, args[0])
            va = context.make_array(sig.args[4])(context, builder, args[4])
            b, plane, row, _, o, estep, src, dst = args[1:]
            _mark_wide(builder, w, sig.args[0].dtype.bitwidth // 8)
            intp = context.get_value_type(types.intp)
            start = builder.add(b, src)
            d = [[None] * 4 for _ in range(4)]
            for i in range(4):
                for j in range(4):
                    at = builder.add(start, builder.mul(plane, ir.Constant(intp, (i % 2) * 2 + j % 2)))
                    if i // 2:
                        at = builder.add(at, row)
                    if j // 2:
                        at = builder.add(at, ir.Constant(intp, 1))
                    d[i][j] = _vload(builder, xa.data, at, w)

            def bt(a0, a1, a2, a3):
                return (builder.fsub(a0, a2), builder.fadd(a1, a2), builder.fsub(a2, a1), builder.fsub(a1, a3))
            cols = [bt(d[0][j], d[1][j], d[2][j], d[3][j]) for j in range(4)]     # Bᵀ d, by columns
            first = builder.add(o, dst)
            for r in range(4):
                vals = bt(cols[0][r], cols[1][r], cols[2][r], cols[3][r])         # (Bᵀ d) B, row r
                for s in range(4):
                    at = builder.add(first, builder.mul(estep, ir.Constant(intp, 4 * r + s)))
                    _vstore(builder, vals[s], va.data, at, w)
            return context.get_dummy_value()
        return sig, codegen
    return tile


def winograd_output_tile(w: int):
    """Winograd F(2×2, 3×3)'s output transform for w consecutive tiles of one filter: with M[e] the
    vector m[q + e·estep … + w], ot[r·2 + s, p … + w] = bias + (Aᵀ M A)[r, s]
    (Aᵀ = [[1, 1, 1, 0], [0, 1, −1, −1]]); ot has rows of `ostep` values."""

    @intrinsic
    def tile(typingctx, m, q, estep, bias, ot, p, ostep):
        _need_c("m", m, 1)
        _need_c("ot", ot, 1)
        sig = types.void(m, types.intp, types.intp, m.dtype, ot, types.intp, types.intp)

        def codegen(context, builder, sig, args):
            ma = context.make_array(sig.args[0])(context, builder, args[0])
            oa = context.make_array(sig.args[4])(context, builder, args[4])
            q, estep, bias, _, p, ostep = args[1:]
            _mark_wide(builder, w, sig.args[0].dtype.bitwidth // 8)
            intp = context.get_value_type(types.intp)
            mv = [_vload(builder, ma.data, builder.add(q, builder.mul(estep, ir.Constant(intp, e))), w)
                  for e in range(16)]
            add, sub = builder.fadd, builder.fsub
            u0 = [add(add(mv[s], mv[4 + s]), mv[8 + s]) for s in range(4)]            # Aᵀ M, row 0
            u1 = [sub(sub(mv[4 + s], mv[8 + s]), mv[12 + s]) for s in range(4)]        # row 1
            b = _splat(builder, bias, w)
            outs = []
            for u in (u0, u1):
                outs.append(add(b, add(add(u[0], u[1]), u[2])))
                outs.append(add(b, sub(sub(u[1], u[2]), u[3])))
            for k, val in enumerate(outs):
                _vstore(builder, val, oa.data, builder.add(p, builder.mul(ostep, ir.Constant(intp, k))), w)
            return context.get_dummy_value()
        return sig, codegen
    return tile


def winograd_dy_tile(w: int):
    """The weight gradient's output-gradient transform for w filters of one 2×2 tile: with
    a, b = dt[q … + w], dt[q + w …] (the tile's top row, position-major: w filters a position) and
    c, d the same r values on, z[o + (4i + j)·es … + w] = (A dY Aᵀ)[i, j]
    (A = [[1, 0], [1, 1], [1, −1], [0, −1]]: rows of A dY (a, b), (a + c, b + d), (a − c, b − d),
    (−c, −d); a row (u0, u1) times Aᵀ is (u0, u0 + u1, u0 − u1, −u1))."""

    @intrinsic
    def tile(typingctx, dt, q, r, z, o, es):
        _need_c("dt", dt, 1)
        _need_c("z", z, 1)
        sig = types.void(dt, types.intp, types.intp, z, types.intp, types.intp)

        def codegen(context, builder, sig, args):
            da = context.make_array(sig.args[0])(context, builder, args[0])
            za = context.make_array(sig.args[3])(context, builder, args[3])
            q, r, _, o, es = args[1:]
            _mark_wide(builder, w, sig.args[0].dtype.bitwidth // 8)
            intp = context.get_value_type(types.intp)
            wc = ir.Constant(intp, w)
            a = _vload(builder, da.data, q, w)
            b = _vload(builder, da.data, builder.add(q, wc), w)
            c = _vload(builder, da.data, builder.add(q, r), w)
            d = _vload(builder, da.data, builder.add(builder.add(q, r), wc), w)
            add, sub, neg = builder.fadd, builder.fsub, builder.fneg
            rows = [(a, b), (add(a, c), add(b, d)), (sub(a, c), sub(b, d)), (neg(c), neg(d))]
            for i, (u0, u1) in enumerate(rows):
                for j, val in enumerate((u0, add(u0, u1), sub(u0, u1), neg(u1))):
                    at = builder.add(o, builder.mul(es, ir.Constant(intp, 4 * i + j)))
                    _vstore(builder, val, za.data, at, w)
            return context.get_dummy_value()
        return sig, codegen
    return tile


def interleave_tile(w: int):
    """dst[d + 2t] = src[a + t], dst[d + 2t + 1] = src[b + t] for t < w: two rows of w values
    interleaved by one shuffle into 2w."""

    @intrinsic
    def tile(typingctx, src, a, b, dst, d):
        _need_c("src", src, 1)
        _need_c("dst", dst, 1)
        sig = types.void(src, types.intp, types.intp, dst, types.intp)

        def codegen(context, builder, sig, args):
            sa = context.make_array(sig.args[0])(context, builder, args[0])
            da = context.make_array(sig.args[3])(context, builder, args[3])
            _mark_wide(builder, 2 * w, sig.args[0].dtype.bitwidth // 8)
            x = _vload(builder, sa.data, args[1], w)
            y = _vload(builder, sa.data, args[2], w)
            mask = ir.Constant(ir.VectorType(ir.IntType(32), 2 * w), [t // 2 + (w if t % 2 else 0) for t in range(2 * w)])
            _vstore(builder, builder.shuffle_vector(x, y, mask), da.data, args[4], 2 * w)
            return context.get_dummy_value()
        return sig, codegen
    return tile
