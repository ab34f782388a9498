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


def forward_tile(fb: int, qb: int, w: int):
    """The forward micro-kernel's tile: fb filters × qb positions in vectors of w values."""
    if qb % w:
        raise ValueError("qb must be a multiple of w")
    nv = qb // w

    @intrinsic
    def tile(typingctx, xs, offs, wp, q0, out):
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
            q0 = args[3]
            fty = context.get_value_type(xs_t.dtype)
            _mark_wide(builder, w, xs_t.dtype.bitwidth // 8)
            vty = ir.VectorType(fty, w)
            intp = context.get_value_type(types.intp)
            acc = _zeros(builder, vty, fb * nv)
            taps = cgutils.unpack_tuple(builder, oa.shape, 1)[0]
            wcols = cgutils.unpack_tuple(builder, wa.shape, 2)[1]
            with cgutils.for_range(builder, taps) as loop:
                t = loop.index
                off = builder.load(builder.gep(oa.data, [t]))
                xp = builder.gep(xa.data, [builder.add(off, q0)])
                vecs = [builder.load(_vec_ptr(builder, builder.gep(xp, [ir.Constant(intp, m * w)]), w), align=4)
                        for m in range(nv)]
                wrow = builder.gep(wa.data, [builder.mul(t, wcols)])
                for f in range(fb):
                    wf = _splat(builder, builder.load(builder.gep(wrow, [ir.Constant(intp, f)])), w)
                    for m in range(nv):
                        _accumulate(builder, acc[f * nv + m], wf, vecs[m])
            ocols = cgutils.unpack_tuple(builder, ya.shape, 2)[1]
            for f in range(fb):
                row = builder.gep(ya.data, [builder.add(builder.mul(ir.Constant(intp, f), ocols), q0)])
                for m in range(nv):
                    dst = _vec_ptr(builder, builder.gep(row, [ir.Constant(intp, m * w)]), w)
                    builder.store(builder.load(acc[f * nv + m]), dst, align=4)
            return context.get_dummy_value()
        return sig, codegen
    return tile


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
                rows.append(builder.load(_vec_ptr(builder, builder.gep(sa.data, [at]), w), align=4))
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
                builder.store(rows[j], _vec_ptr(builder, builder.gep(da.data, [at]), w), align=4)
            return context.get_dummy_value()
        return sig, codegen
    return tile
