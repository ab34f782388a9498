"""Plain-matrix tiles: the recurrent layers' product tile (kernels/recurrent.py) and the FMA
chains that measure the cores' limit (bench/fma.py)."""
from __future__ import annotations

from .. import config  # noqa: F401  (before numba: sets the cache dir)

from llvmlite import ir  # noqa: E402
from numba import types  # noqa: E402
from numba.core import cgutils  # noqa: E402
from numba.extending import intrinsic  # noqa: E402
from numba.core.errors import TypingError  # noqa: E402

from ._llvm import _need_c, _splat, _vec_ptr, _vload, _fma, _accumulate, _mark_wide  # noqa: E402


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
