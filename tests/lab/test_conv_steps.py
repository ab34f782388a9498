"""The conv / pool stepper's numbers: its output is the engine layer's forward, every explained
cell adds up to that output, sizes and counts are the catalogue's (and the curriculum's)."""
import math

import numpy as np
import pytest

from dlstudio.engine.lab import conv_steps as cs
from dlstudio.engine.layers.base import ENGINE_LAYERS
from dlstudio.spec import catalogue


def tf_pads(padding, size, kernel, strides):
    """TensorFlow's padding, derived here independently of the spec."""
    if padding == "valid":
        return [(0, 0), (0, 0)]
    if padding == "same":
        out = []
        for n, k, s in zip(size, kernel, strides):
            total = max((math.ceil(n / s) - 1) * s + k - n, 0)
            out.append((total // 2, total - total // 2))
        return out
    return [tuple(p) for p in padding]


def direct_layer(kind, params, in_shape, weights, dtype):
    """The engine layer built straight from the catalogue (no Model), weights bound by hand."""
    lt = catalogue.get(kind)
    p = lt.schema.normalize(params, kind)
    out = lt.output_shape(p, [in_shape])
    layer = ENGINE_LAYERS[kind]("l", p, [in_shape], out, dtype)
    layer.bind({k: np.asarray(v, dtype) for k, v in weights.items()}, {})
    layer.need_dx = False
    return layer


def windows(x, pads, kernel, strides, fill):
    """(C, OH, OW, kh·kw) windows of x padded with `fill` (numpy, float64)."""
    (pt, pb), (pl, pr) = pads
    xp = np.pad(x.astype(np.float64), ((0, 0), (pt, pb), (pl, pr)), constant_values=fill)
    kh, kw = kernel
    sh, sw = strides
    oh, ow = (xp.shape[1] - kh) // sh + 1, (xp.shape[2] - kw) // sw + 1
    w = np.empty((x.shape[0], oh, ow, kh * kw))
    for r in range(oh):
        for c in range(ow):
            w[:, r, c] = xp[:, r * sh:r * sh + kh, c * sw:c * sw + kw].reshape(x.shape[0], -1)
    return w, xp


def random_case(seed, pool=False):
    rng = np.random.default_rng(seed)
    c = int(rng.integers(1, 4))
    h, w = (int(v) for v in rng.integers(3, 9, 2))
    kernel = tuple(int(v) for v in rng.integers(1, 5, 2))
    strides = tuple(int(v) for v in rng.integers(1, 4, 2))
    mode = ["valid", "same", "explicit"][seed % 3]
    if mode == "explicit":
        padding = ((int(rng.integers(0, 3)), int(rng.integers(0, 3))), (int(rng.integers(0, 3)), 1))
    else:
        padding = mode
    pads = tf_pads(padding, (h, w), kernel, strides)
    kernel = tuple(min(k, n + a + b) for k, n, (a, b) in zip(kernel, (h, w), pads))
    x = rng.integers(-4, 6, (c, h, w)).astype(np.float32) + rng.choice([0, 0.5], (c, h, w)).astype(np.float32)
    kind = ("MaxPool2D", "AvgPool2D")[seed % 2] if pool else "Conv2D"
    return cs.Setup(kind, kernel, strides, padding), x, rng


CONV_SEEDS = list(range(12))


@pytest.mark.parametrize("seed", CONV_SEEDS)
def test_conv_output_is_the_engine_layer_and_every_cell_adds_up(seed):
    setup, x, rng = random_case(seed)
    f = int(rng.integers(1, 4))
    k = rng.integers(-2, 3, (f, x.shape[0], *setup.kernel_size)).astype(np.float32)
    b = rng.integers(-2, 3, f).astype(np.float32)
    res = cs.run(setup, x, k, b)

    pad = setup.padding if isinstance(setup.padding, str) else [list(p) for p in setup.padding]
    layer = direct_layer("Conv2D", {"filters": f, "kernel_size": list(setup.kernel_size),
                                    "strides": list(setup.strides), "padding": pad},
                         x.shape, {"kernel": k, "bias": b}, np.float32)
    expected = layer.forward([x[None]], training=False)[0]
    assert res.output.dtype == np.float32
    np.testing.assert_array_equal(res.output, expected)
    assert res.out_shape == expected.shape == layer.out_shape

    # an independent NumPy convolution (float64) with TensorFlow's padding
    pads = tf_pads(setup.padding, x.shape[1:], setup.kernel_size, setup.strides)
    assert [tuple(p) for p in res.pads] == [tuple(p) for p in pads]
    win, _ = windows(x, pads, setup.kernel_size, setup.strides, 0.0)
    ref = np.einsum("crsk,fck->frs", win, k.reshape(f, x.shape[0], -1).astype(np.float64)) + b[:, None, None]
    np.testing.assert_allclose(res.output, ref, rtol=1e-6, atol=1e-5)

    for ch, r, c in res.cells:
        e = cs.explain(res, ch, r, c)
        assert len(e.terms) == x.shape[0] * setup.kernel_size[0] * setup.kernel_size[1]
        assert e.value == pytest.approx(float(res.output[ch, r, c]), rel=1e-6, abs=1e-5)
        assert sum(t.x * t.w for t in e.terms) + e.bias == pytest.approx(e.value)
        for t in e.terms:
            inside = 0 <= t.row < x.shape[1] and 0 <= t.col < x.shape[2]
            assert t.padded == (not inside)
            assert t.x == (float(x[t.channel, t.row, t.col]) if inside else 0.0)


@pytest.mark.parametrize("seed", list(range(12)))
def test_pooling_output_is_the_engine_layer_max_and_mean_over_real_elements(seed):
    setup, x, _ = random_case(seed, pool=True)
    res = cs.run(setup, x)
    pad = setup.padding if isinstance(setup.padding, str) else [list(p) for p in setup.padding]
    layer = direct_layer(setup.kind, {"pool_size": list(setup.kernel_size), "strides": list(setup.strides),
                                      "padding": pad}, x.shape, {}, np.float32)
    np.testing.assert_array_equal(res.output, layer.forward([x[None]], training=False)[0])

    pads = tf_pads(setup.padding, x.shape[1:], setup.kernel_size, setup.strides)
    win, _ = windows(x, pads, setup.kernel_size, setup.strides, np.nan)
    real = ~np.isnan(win)
    with np.errstate(all="ignore"):
        if setup.kind == "MaxPool2D":
            ref = np.where(real.any(-1), np.max(np.where(real, win, -np.inf), -1), 0.0)
        else:
            ref = np.where(real.any(-1), np.nansum(win, -1) / np.maximum(real.sum(-1), 1), 0.0)
    np.testing.assert_allclose(res.output, ref, rtol=1e-6, atol=1e-6)

    for ch, r, c in res.cells:
        e = cs.explain(res, ch, r, c)
        assert {t.channel for t in e.terms} == {ch}
        assert len(e.real_terms) == int(real[ch, r, c].sum())
        assert e.value == pytest.approx(float(res.output[ch, r, c]), rel=1e-6, abs=1e-6)


def test_average_at_a_same_padded_border_divides_by_real_elements_only():
    x = np.arange(1, 26, dtype=np.float32).reshape(1, 5, 5)
    res = cs.run(cs.Setup("AvgPool2D", (3, 3), (1, 1), "same"), x)
    e = cs.explain(res, 0, 0, 0)
    assert len(e.real_terms) == 4 and len(e.terms) == 9
    assert e.value == pytest.approx((1 + 2 + 6 + 7) / 4)
    assert res.output[0, 0, 0] == pytest.approx((1 + 2 + 6 + 7) / 4)
    assert "/ 4" in e.text() and "5 padding cells ignored" in e.text()


def test_max_never_picks_padding():
    x = -np.ones((1, 3, 3), np.float32)
    res = cs.run(cs.Setup("MaxPool2D", (2, 2), (2, 2), ((1, 1), (1, 1))), x)
    np.testing.assert_array_equal(res.output, -np.ones((1, 2, 2)))
    assert cs.explain(res, 0, 0, 0).value == -1.0


def test_the_curriculums_first_window_gives_one():
    p = cs.PRESETS[0]
    np.testing.assert_array_equal(p.x[0, :3, :3], [[1, 0, 2], [5, 4, 2], [3, 4, 5]])
    np.testing.assert_array_equal(p.kernel[0, 0], [[-1, 0, 1]] * 3)
    res = cs.run(p.setup, p.x, p.kernel, p.bias)
    # the seed: (-1)x1 + 0x0 + 1x2 + (-1)x5 + 0x4 + 1x2 + (-1)x3 + 0x4 + 1x5 + 1 = 1
    assert res.output[0, 0, 0] == 1
    assert cs.explain(res, 0, 0, 0).text().endswith("bias 1 = 1")


@pytest.mark.parametrize("i", range(len(cs.PRESETS)))
def test_presets_run_and_stack_one_output_per_kernel(i):
    p = cs.PRESETS[i]
    res = cs.run(p.setup, p.x, p.kernel, p.bias)
    want = p.kernel.shape[0] if p.setup.kind == "Conv2D" else p.x.shape[0]
    assert res.output.shape[0] == want


def test_worked_example_numbers():
    ex = cs.worked_example()
    assert ex.conv_out == (100, 32, 32)
    assert ex.conv_params == 2800
    assert ex.conv_flops == 5_427_200
    assert ex.conv_macs == 32 * 32 * 100 * 27
    assert ex.dense_params == 60
    assert "2,800" in ex.text() and "5,427,200" in ex.text() and "60" in ex.text()


def test_cost_line_is_the_catalogues_count():
    x = np.zeros((3, 6, 7), np.float32)
    res = cs.run(cs.Setup("Conv2D", (3, 2), (2, 1), "same"), x, np.zeros((4, 3, 3, 2)), np.zeros(4))
    oh, ow = math.ceil(6 / 2), 7
    assert res.cost.params == 4 * 3 * 3 * 2 + 4
    assert res.cost.flops == 4 * oh * ow * (2 * 3 * 3 * 2 - 1)
    assert f"= {res.cost.flops:,}" in cs.cost_formula(res)


@pytest.mark.parametrize("padding,h_line", [
    ("valid", "H: ⌊(7 − 3) / 2⌋ + 1 = 3"),
    ("same", "H: ⌈7 / 2⌉ = 4"),
    (((2, 1), (0, 3)), "H: ⌊(7 + 2 + 1 − 3) / 2⌋ + 1 = 4"),
])
def test_size_formula_is_filled_in(padding, h_line):
    res = cs.run(cs.Setup("MaxPool2D", (3, 3), (2, 2), padding), np.zeros((1, 7, 6), np.float32))
    lines = cs.size_formula(res)
    assert lines[0].startswith(h_line)
    pads = tf_pads(padding, (7, 6), (3, 3), (2, 2))
    assert res.output.shape[1:] == tuple((n + a + b - 3) // 2 + 1 for n, (a, b) in zip((7, 6), pads))


def test_bad_settings_are_clear_errors():
    x = np.zeros((1, 4, 4), np.float32)
    with pytest.raises(cs.StepperError, match="larger than its padded"):
        cs.run(cs.Setup("Conv2D", (5, 5)), x, np.zeros((1, 1, 5, 5)), np.zeros(1))
    with pytest.raises(cs.StepperError, match="kernel must be"):
        cs.run(cs.Setup("Conv2D", (3, 3)), x, np.zeros((1, 2, 3, 3)), np.zeros(1))
    with pytest.raises(cs.StepperError, match="unknown layer kind"):
        cs.run(cs.Setup("Dense"), x)
    res = cs.run(cs.Setup("MaxPool2D", (2, 2), (2, 2)), x)
    with pytest.raises(cs.StepperError, match="no output cell"):
        cs.explain(res, 0, 2, 0)


def test_float64_matches_a_float64_reference():
    rng = np.random.default_rng(5)
    x, k, b = rng.standard_normal((2, 5, 6)), rng.standard_normal((2, 2, 3, 3)), rng.standard_normal(2)
    setup = cs.Setup("Conv2D", (3, 3), (2, 1), ((1, 0), (2, 1)))
    res = cs.run(setup, x, k, b, dtype=np.float64)
    assert res.output.dtype == np.float64
    for ch, r, c in res.cells:
        assert cs.explain(res, ch, r, c).value == pytest.approx(res.output[ch, r, c], rel=1e-12, abs=1e-12)
