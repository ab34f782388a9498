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

Where each tile lives: `conv_tiles` (forward, turned-around, weight gradient, transpose, bias
runs, window sums), `winograd_tiles` (the F(2×2, 3×3) transforms), `matrix_tiles` (the recurrent
product tile, the FMA chains); `_llvm` has the pieces they are built from.
"""
from .conv_tiles import (bias_run, broadcast_tile, forward_tile, transpose_tile,  # noqa: F401
                         weight_grad_tile, window_sum)
from .matrix_tiles import fma_chain, rows_tile  # noqa: F401
from .winograd_tiles import (interleave_tile, winograd_dy_tile, winograd_input_tile,  # noqa: F401
                             winograd_output_tile)
