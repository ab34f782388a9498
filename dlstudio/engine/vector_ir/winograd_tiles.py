"""Winograd F(2×2, 3×3)'s transforms as vector tiles (kernels/winograd.py): the input tiles
Bᵀ d B, the output tiles Aᵀ M A, the output gradient's A dY Aᵀ, and two rows interleaved."""
from __future__ import annotations

from .. import config  # noqa: F401  (before numba: sets the cache dir)

from llvmlite import ir  # noqa: E402
from numba import types  # noqa: E402
from numba.extending import intrinsic  # noqa: E402

from ._llvm import _need_c, _splat, _vload, _vstore, _mark_wide  # noqa: E402


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
