"""What every vector tile is made of: argument checks, vector loads and stores, broadcasts, FMAs,
masked loads and stores, and the function attribute that keeps 512-bit vectors whole."""
from __future__ import annotations

from .. import config  # noqa: F401  (before numba: sets the cache dir)

from llvmlite import ir  # noqa: E402
from numba import types  # noqa: E402
from numba.core import cgutils  # noqa: E402
from numba.core.errors import TypingError  # noqa: E402


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


def _masked_fns(builder, vty, w):
    """llvm.masked.load / llvm.masked.store for vectors of w values of vty's element type."""
    i32 = ir.IntType(32)
    mty = ir.VectorType(ir.IntType(1), w)
    suffix = "f32" if isinstance(vty.element, ir.FloatType) else "f64"
    load_fn = cgutils.get_or_insert_function(
        builder.module, ir.FunctionType(vty, [vty.as_pointer(), i32, mty, vty]),
        f"llvm.masked.load.v{w}{suffix}.p0v{w}{suffix}")
    store_fn = cgutils.get_or_insert_function(
        builder.module, ir.FunctionType(ir.VoidType(), [vty, vty.as_pointer(), i32, mty]),
        f"llvm.masked.store.v{w}{suffix}.p0v{w}{suffix}")
    return load_fn, store_fn
