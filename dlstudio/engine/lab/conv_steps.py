"""Convolution and pooling, one output cell at a time: the numbers of the Lab's stepper page.

The output grid is the engine's own: a tiny network Input → Conv2D / MaxPool2D / AvgPool2D is
compiled into a `Model`, the kernel and bias are written into its weights and the input is run
forward. Output sizes, padding and parameter / FLOP counts come from the spec's catalogue (its
shape rule, `resolve_padding` and cost rules). This module adds only the per-cell explanation:
which input cells a window covers, the products and their sum plus bias (convolution), the
window's maximum or its mean over real elements (pooling).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...i18n import QT_TR_NOOP, tr
from ...spec import Cost, Network, NetworkError, analyze
from ...spec.layers.conv import resolve_padding
from ..model import Model
from .texts import composed, joined

KINDS = ("Conv2D", "MaxPool2D", "AvgPool2D")
NODE = "layer"

Padding = str | tuple[tuple[int, int], tuple[int, int]]


class StepperError(ValueError):
    """Settings or values the stepper cannot use; the message says what to change."""


@dataclass(frozen=True)
class Setup:
    """One layer's settings: kind, window (kh, kw), strides (sh, sw) and padding."""
    kind: str = "Conv2D"
    kernel_size: tuple[int, int] = (3, 3)
    strides: tuple[int, int] = (1, 1)
    padding: Padding = "valid"

    def params(self, filters: int) -> dict:
        """The layer's params as a network document writes them."""
        pad = self.padding if isinstance(self.padding, str) else [list(p) for p in self.padding]
        common = {"strides": list(self.strides), "padding": pad}
        if self.kind == "Conv2D":
            return {"filters": int(filters), "kernel_size": list(self.kernel_size), **common}
        if self.kind in KINDS:
            return {"pool_size": list(self.kernel_size), **common}
        raise StepperError(f"unknown layer kind {self.kind!r}; choose one of {', '.join(KINDS)}")


@dataclass(frozen=True)
class Result:
    """A layer run on one (C, H, W) input by the engine, with the catalogue's numbers."""
    setup: Setup
    x: np.ndarray                        # (C, H, W) as the engine saw it
    kernel: np.ndarray | None            # (F, C, kh, kw) for Conv2D
    bias: np.ndarray | None              # (F,) for Conv2D
    output: np.ndarray                   # (F or C, OH, OW): the engine's forward
    out_shape: tuple[int, int, int]      # the catalogue's shape rule for the same settings
    pads: tuple[tuple[int, int], tuple[int, int]]   # ((top, bottom), (left, right))
    cost: Cost

    @property
    def cells(self) -> list[tuple[int, int, int]]:
        """Every output cell (channel, row, col) in stepping order."""
        k, oh, ow = self.output.shape
        return [(f, r, c) for f in range(k) for r in range(oh) for c in range(ow)]

    def padded(self) -> tuple[np.ndarray, np.ndarray]:
        """The zero-padded input (C, Hp, Wp) and a (Hp, Wp) mask that is True on real cells."""
        (pt, pb), (pl, pr) = self.pads
        c, h, w = self.x.shape
        xp = np.zeros((c, h + pt + pb, w + pl + pr), np.float64)
        xp[:, pt:pt + h, pl:pl + w] = self.x
        real = np.zeros(xp.shape[1:], bool)
        real[pt:pt + h, pl:pl + w] = True
        return xp, real

    def window(self, row: int, col: int) -> tuple[int, int, int, int]:
        """The window of output (row, col) on the padded input: (top, left, height, width)."""
        kh, kw = self.setup.kernel_size
        sh, sw = self.setup.strides
        return row * sh, col * sw, kh, kw


@dataclass(frozen=True)
class Term:
    """One input cell of a window; row / col are input coordinates (outside 0..H-1 = padding)."""
    channel: int
    row: int
    col: int
    x: float
    w: float | None
    padded: bool


@dataclass(frozen=True)
class CellExplanation:
    """How one output cell is computed, written out term by term."""
    kind: str
    channel: int
    row: int
    col: int
    terms: tuple[Term, ...]
    bias: float | None
    value: float

    @property
    def real_terms(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if not t.padded)

    def text(self) -> str:
        """e.g. "1×(−1) + 0×0 + … + bias 1 = 1", "max(1, 5, 4, 2) = 5", "(1 + 5) / 2 = 3"."""
        if self.kind == "Conv2D":
            groups = []
            channels = sorted({t.channel for t in self.terms})
            for ch in channels:
                prods = " + ".join(f"{fmt(t.x)}×{fmt(t.w, True)}" for t in self.terms if t.channel == ch)
                groups.append(tr("[ch {channel}] {products}").format(channel=ch, products=prods)
                              if len(channels) > 1 else prods)
            return tr("{terms} + bias {bias} = {value}").format(terms=joined(" + ", groups),
                                                                 bias=fmt(self.bias, True), value=fmt(self.value))
        real = self.real_terms
        skipped = len(self.terms) - len(real)
        note = ""
        if skipped:
            note = joined("", ["   ", tr("(1 padding cell ignored)") if skipped == 1
                               else tr("({n} padding cells ignored)").format(n=skipped)])
        if not real:
            return tr("the window lies wholly in the padding: 0")
        vals = ", ".join(fmt(t.x) for t in real)
        if self.kind == "MaxPool2D":
            return composed("max({values}) = {value}{note}", values=vals, value=fmt(self.value), note=note)
        return composed("({terms}) / {n} = {value}{note}", terms=" + ".join(fmt(t.x, True) for t in real),
                        n=len(real), value=fmt(self.value), note=note)


def fmt(v: float | None, paren: bool = False) -> str:
    """A short number: whole numbers without decimals, others to 4 significant digits."""
    if v is None:
        return ""
    v = float(v)
    s = str(int(v)) if v == int(v) and abs(v) < 1e9 else f"{v:.4g}"
    s = s.replace("-", "−")
    return f"({s})" if paren and v < 0 else s


def _network(setup: Setup, in_shape: tuple[int, int, int], filters: int) -> Network:
    return (Network(name="conv stepper")
            .add("in", "Input", {"shape": [int(v) for v in in_shape]})
            .add(NODE, setup.kind, setup.params(filters), after="in"))


def run(setup: Setup, x: np.ndarray, kernel: np.ndarray | None = None, bias: np.ndarray | None = None,
        dtype=np.float32) -> Result:
    """Run the engine's layer on x (C, H, W); Conv2D takes kernel (F, C, kh, kw) and bias (F,)."""
    x = np.asarray(x, dtype)
    if x.ndim != 3:
        raise StepperError(tr("the input must be [C, H, W], got shape {shape}").format(shape=list(x.shape)))
    filters = 1
    if setup.kind == "Conv2D":
        if kernel is None or bias is None:
            raise StepperError(tr("Conv2D needs a kernel and a bias"))
        kernel, bias = np.asarray(kernel, dtype), np.asarray(bias, dtype)
        want = (kernel.shape[0], x.shape[0], *setup.kernel_size)
        if kernel.ndim != 4 or kernel.shape != want or bias.shape != (kernel.shape[0],):
            raise StepperError(tr("the kernel must be [filters, {c}, {kh}, {kw}] and the bias [filters]; "
                                  "got {kernel} and {bias}").format(c=x.shape[0], kh=setup.kernel_size[0],
                                                                     kw=setup.kernel_size[1],
                                                                     kernel=list(kernel.shape),
                                                                     bias=list(bias.shape)))
        filters = kernel.shape[0]
    net = _network(setup, x.shape, filters)
    try:
        model = Model(net, dtype=dtype)
    except NetworkError as e:
        problems = analyze(net).problems
        if len(problems) == 1 and problems[0].node == NODE:
            raise StepperError(problems[0].message) from None   # the catalogue's words, still marked
        raise StepperError(str(e).removeprefix(f"{NODE}: ")) from None
    if setup.kind == "Conv2D":
        model.set_weights({f"{NODE}.kernel": kernel, f"{NODE}.bias": bias})
    y = model.forward(x[None], training=False)[0]
    a = model.analysis
    h, w = x.shape[1:]
    pads = resolve_padding(a.params[NODE]["padding"], (h, w), setup.kernel_size, setup.strides)
    return Result(setup=setup, x=x.copy(), kernel=None if kernel is None else kernel.copy(),
                  bias=None if bias is None else bias.copy(), output=np.array(y),
                  out_shape=tuple(int(v) for v in a.shapes[NODE]),
                  pads=tuple(tuple(int(v) for v in p) for p in pads), cost=a.costs[NODE])


def explain(result: Result, channel: int, row: int, col: int) -> CellExplanation:
    """The window of output cell (channel, row, col), its terms and their value (in float64)."""
    k, oh, ow = result.output.shape
    if not (0 <= channel < k and 0 <= row < oh and 0 <= col < ow):
        raise StepperError(tr("no output cell ({channel}, {row}, {col}); the output is {k}×{oh}×{ow}").format(
            channel=channel, row=row, col=col, k=k, oh=oh, ow=ow))
    kind = result.setup.kind
    top, left, kh, kw = result.window(row, col)
    (pt, _), (pl, _) = result.pads
    _, h, w = result.x.shape
    x = result.x.astype(np.float64)
    channels = range(x.shape[0]) if kind == "Conv2D" else [channel]
    terms = []
    for ch in channels:
        for i in range(kh):
            for j in range(kw):
                r, c = top + i - pt, left + j - pl
                real = 0 <= r < h and 0 <= c < w
                wv = float(result.kernel[channel, ch, i, j]) if kind == "Conv2D" else None
                terms.append(Term(ch, r, c, float(x[ch, r, c]) if real else 0.0, wv, not real))
    bias = None
    if kind == "Conv2D":
        bias = float(result.bias[channel])
        value = float(sum(t.x * t.w for t in terms)) + bias
    else:
        real = [t.x for t in terms if not t.padded]
        if not real:
            value = 0.0
        elif kind == "MaxPool2D":
            value = max(real)
        else:
            value = sum(real) / len(real)
    return CellExplanation(kind, channel, row, col, tuple(terms), bias, value)


# ---- the catalogue's arithmetic, written out with numbers ----------------------------------

def size_formula(result: Result) -> list[str]:
    """One line per axis: the output-size rule of the padding mode with this layer's numbers."""
    setup = result.setup
    _, h, w = result.x.shape
    _, oh, ow = result.out_shape
    lines = []
    for axis, n, k, s, (a, b), out in (
            ("H", h, setup.kernel_size[0], setup.strides[0], result.pads[0], oh),
            ("W", w, setup.kernel_size[1], setup.strides[1], result.pads[1], ow)):
        if setup.padding == "valid":
            lines.append(f"{axis}: ⌊({n} − {k}) / {s}⌋ + 1 = {out}")
        elif setup.padding == "same":
            if not a + b:
                split = tr("(no padding needed)")
            elif axis == "H":
                split = tr("(padding ({out} − 1)·{s} + {k} − {n} = {total}: {a} top, {b} bottom)").format(
                    out=out, s=s, k=k, n=n, total=a + b, a=a, b=b)
            else:
                split = tr("(padding ({out} − 1)·{s} + {k} − {n} = {total}: {a} left, {b} right)").format(
                    out=out, s=s, k=k, n=n, total=a + b, a=a, b=b)
            lines.append(composed("{axis}: ⌈{n} / {s}⌉ = {out}   {split}", axis=axis, n=n, s=s, out=out,
                                  split=split))
        else:
            lines.append(f"{axis}: ⌊({n} + {a} + {b} − {k}) / {s}⌋ + 1 = {out}")
    return lines


def cost_formula(result: Result) -> str:
    """Parameters and FLOPs by the catalogue's convention, the formula filled in."""
    setup, cost = result.setup, result.cost
    c = result.x.shape[0]
    k, oh, ow = result.output.shape
    kh, kw = setup.kernel_size
    if setup.kind == "Conv2D":
        return tr("params = {k}·({c}·{kh}·{kw}) + {k} = {params}    "
                  "FLOPs = {k}·{oh}·{ow}·(2·{c}·{kh}·{kw} − 1) = {flops}   (bias adds not counted)").format(
            k=k, c=c, kh=kh, kw=kw, oh=oh, ow=ow, params=f"{cost.params:,}", flops=f"{cost.flops:,}")
    if setup.kind == "MaxPool2D":
        return tr("params = {params}    FLOPs = {k}·{oh}·{ow}·({kh}·{kw} − 1) = {flops}   "
                  "(comparisons per output)").format(params=cost.params, k=k, oh=oh, ow=ow, kh=kh, kw=kw,
                                                     flops=f"{cost.flops:,}")
    return tr("params = {params}    FLOPs = {k}·{oh}·{ow}·({kh}·{kw}) = {flops}   "
              "(adds and one divide per output)").format(params=cost.params, k=k, oh=oh, ow=ow, kh=kh, kw=kw,
                                                         flops=f"{cost.flops:,}")


@dataclass(frozen=True)
class WorkedExample:
    """The curriculum's counting example, computed by the catalogue."""
    conv_out: tuple[int, ...]
    conv_params: int
    conv_macs: int
    conv_flops: int
    dense_params: int
    dense_flops: int

    def text(self) -> str:
        c, h, w = self.conv_out
        return tr("32×32×3 image → Conv2D(100, kernel 3, stride 1, same): output {h}×{w}×{c}; "
                  "params 3·3·3·100 + 100 = {conv_params}; MACs {h}·{w}·{c}·27 = {macs}; "
                  "FLOPs {h}·{w}·{c}·(2·27 − 1) = {flops}.   "
                  "Dense 5 → 10: params 5·10 + 10 = {dense_params}.").format(
            h=h, w=w, c=c, conv_params=f"{self.conv_params:,}", macs=f"{self.conv_macs:,}",
            flops=f"{self.conv_flops:,}", dense_params=self.dense_params)


def worked_example() -> WorkedExample:
    """32×32×3 through Conv2D(100, 3, same), and Dense 5 → 10, as the summary counts them."""
    conv = (Network().add("in", "Input", {"shape": [3, 32, 32]})
            .add("conv", "Conv2D", {"filters": 100, "kernel_size": 3, "strides": 1, "padding": "same"},
                 after="in"))
    dense = Network().add("in", "Input", {"shape": [5]}).add("fc", "Dense", {"units": 10}, after="in")
    a, b = analyze(conv), analyze(dense)
    a.raise_first()
    b.raise_first()
    cc, dc = a.costs["conv"], b.costs["fc"]
    return WorkedExample(a.shapes["conv"], cc.params, cc.macs, cc.flops, dc.params, dc.flops)


# ---- the curriculum's presets ---------------------------------------------------------------

@dataclass(frozen=True)
class Preset:
    name: str
    setup: Setup
    x: np.ndarray
    kernel: np.ndarray | None = None
    bias: np.ndarray | None = None


# The seed's 5×5×1 example: its first window [[1,0,2],[5,4,2],[3,4,5]] with the kernel below and
# bias 1 gives 1. The other cells are ours (the article shows them only in a figure).
_X1 = np.array([[1, 0, 2, 3, 1],
                [5, 4, 2, 0, 2],
                [3, 4, 5, 1, 0],
                [2, 1, 0, 3, 4],
                [0, 2, 1, 4, 3]], np.float32)[None]
_K1 = np.array([[-1, 0, 1]] * 3, np.float32)
_X3 = np.stack([_X1[0],
                np.array([[0, 1, 1, 2, 0], [2, 0, 1, 0, 1], [1, 3, 0, 2, 2], [0, 1, 2, 1, 0],
                          [2, 0, 1, 0, 1]], np.float32),
                np.array([[2, 1, 0, 0, 1], [0, 1, 3, 1, 0], [1, 0, 2, 0, 1], [3, 1, 0, 2, 1],
                          [0, 2, 1, 1, 0]], np.float32)])
_K3 = np.stack([_K1, np.array([[0, 1, 0], [1, -1, 1], [0, 1, 0]], np.float32),
                np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1]], np.float32)])
_K3B = np.array([[0, 1, 0], [0, 1, 0], [0, 1, 0]], np.float32)
_K3_2 = np.stack([_K3, np.stack([_K3B, -_K3B, np.ones((3, 3), np.float32)])])

PRESETS: tuple[Preset, ...] = (
    Preset(QT_TR_NOOP("5×5×1 input, one 3×3 kernel, bias 1"), Setup("Conv2D"), _X1, _K1[None, None],
           np.array([1], np.float32)),
    Preset(QT_TR_NOOP("3 channels, one 3×3×3 kernel"), Setup("Conv2D"), _X3, _K3[None], np.array([1], np.float32)),
    Preset(QT_TR_NOOP("3 channels, two kernels (outputs stacked)"), Setup("Conv2D"), _X3, _K3_2,
           np.array([1, 0], np.float32)),
    Preset(QT_TR_NOOP("Max pooling 2×2, stride 2, same"), Setup("MaxPool2D", (2, 2), (2, 2), "same"), _X1),
    Preset(QT_TR_NOOP("Average pooling 3×3, stride 2, same"), Setup("AvgPool2D", (3, 3), (2, 2), "same"), _X1),
)
