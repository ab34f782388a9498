"""Image files read through Pillow: what users get for progressive and CMYK JPEG, EXIF
orientation, PNG tRNS / 16-bit / palette, BMP, GIF, WebP and TIFF, and the loading budget."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from image_helpers import encode_png, photo, png_chunk

from dlstudio.data import DataError
from dlstudio.data.images import read_image


def blocks(h: int = 32, w: int = 48) -> np.ndarray:
    """Flat 8x8 colour blocks: JPEG keeps them within a few levels."""
    rng = np.random.default_rng(7)
    cells = rng.integers(0, 256, (h // 8, w // 8, 3), dtype=np.uint8)
    return np.repeat(np.repeat(cells, 8, 0), 8, 1)


def save(tmp_path, name: str, img: Image.Image, **kw):
    p = tmp_path / name
    img.save(p, **kw)
    return p


@pytest.mark.parametrize("progressive", [False, True])
def test_jpeg_baseline_and_progressive(tmp_path, progressive):
    a = blocks()
    p = save(tmp_path, "a.jpg", Image.fromarray(a), quality=95, progressive=progressive,
             subsampling=0)
    assert (b"\xff\xc2" in p.read_bytes()) == progressive  # SOF2 marks a progressive JPEG
    x, depth = read_image(p)
    assert depth == 8 and x.shape == (32, 48, 3)
    assert np.abs(x * 255 - a).mean() < 2.0


def test_jpeg_cmyk(tmp_path):
    a = blocks()
    p = save(tmp_path, "c.jpg", Image.fromarray(a).convert("CMYK"), quality=95)
    x, _ = read_image(p)
    assert x.shape == (32, 48, 3) and np.abs(x * 255 - a).mean() < 3.0


@pytest.mark.parametrize("orientation, turn", [(1, lambda a: a), (3, lambda a: np.rot90(a, 2)),
                                               (6, lambda a: np.rot90(a, -1)),
                                               (8, lambda a: np.rot90(a, 1))])
def test_jpeg_exif_orientation_is_applied(tmp_path, orientation, turn):
    a = blocks(16, 32)
    exif = Image.Exif()
    exif[0x0112] = orientation
    p = save(tmp_path, "o.jpg", Image.fromarray(a), quality=95, subsampling=0, exif=exif)
    x, _ = read_image(p)
    want = turn(a)
    assert x.shape == want.shape
    assert np.abs(x * 255 - want).mean() < 2.0


def test_png_trns_grey_and_rgb_make_transparent_pixels_black(tmp_path):
    grey = np.array([[[10], [200]], [[200], [77]]], np.uint8)
    p = tmp_path / "g.png"
    p.write_bytes(encode_png(grey, 0, 8, trns=[0, 200]))  # grey 200 is transparent
    x, _ = read_image(p)
    np.testing.assert_allclose(x[..., 0] * 255, [[10, 0], [0, 77]], atol=1e-3)
    rgb = np.array([[[1, 2, 3], [9, 9, 9]]], np.uint8)
    p.write_bytes(encode_png(rgb, 2, 8, trns=[0, 9, 0, 9, 0, 9]))
    x, _ = read_image(p)
    np.testing.assert_allclose(x * 255, [[[1, 2, 3], [0, 0, 0]]], atol=1e-3)


def test_png_palette_with_alpha(tmp_path):
    palette = [[255, 0, 0], [0, 255, 0], [0, 0, 255]]
    idx = np.array([[[0], [1]], [[2], [0]]], np.uint8)
    p = tmp_path / "p.png"
    p.write_bytes(encode_png(idx, 3, 8, palette=palette, trns=[255, 0, 128]))
    x, depth = read_image(p)
    assert depth == 8 and x.shape == (2, 2, 3)
    want = np.array([[[255, 0, 0], [0, 0, 0]], [[0, 0, 128 * 255 / 255], [255, 0, 0]]])
    np.testing.assert_allclose(x * 255, want, atol=0.6)


def test_png_16_bit_grey_keeps_its_precision(tmp_path):
    a = np.array([[[0], [1]], [[40000], [65535]]], np.uint16)
    p = tmp_path / "s.png"
    p.write_bytes(encode_png(a, 0, 16))
    x, depth = read_image(p)
    assert depth == 16
    np.testing.assert_allclose(x[..., 0] * 65535, a[..., 0], atol=1e-2)


@pytest.mark.parametrize("fmt, ext, mode", [("BMP", "bmp", "RGB"), ("GIF", "gif", "P"),
                                            ("WEBP", "webp", "RGB"), ("TIFF", "tif", "RGB"),
                                            ("TIFF", "tiff", "L"), ("PNG", "png", "RGBA")])
def test_lossless_formats_load_with_the_exact_pixels(tmp_path, fmt, ext, mode):
    a = photo(10, 14)
    if mode == "P":  # few colours so the GIF palette holds them exactly
        a = (a // 64) * 64
        img = Image.fromarray(a).quantize(64, dither=Image.Dither.NONE)
        want = np.asarray(img.convert("RGB"))
    elif mode == "L":
        img = Image.fromarray(a[..., 0])
        want = a[..., :1]
    elif mode == "RGBA":
        alpha = np.full((10, 14, 1), 255, np.uint8)
        alpha[0, 0] = 0
        img = Image.fromarray(np.concatenate([a, alpha], -1))
        want = a.copy()
        want[0, 0] = 0
    else:
        img, want = Image.fromarray(a), a
    kw = {"lossless": True} if fmt == "WEBP" else {}
    p = save(tmp_path, f"i.{ext}", img, format=fmt, **kw)
    x, depth = read_image(p)
    assert depth == 8 and x.shape == want.shape
    np.testing.assert_allclose(x * 255, want, atol=1e-3)


def test_huge_declared_png_is_refused_before_decoding(tmp_path):
    # 16000x16000 16-bit RGBA declared in the header; a tiny body
    head = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 16000, 16000, 16, 6, 0, 0, 0))
    body = png_chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + png_chunk(b"IEND", b"")
    p = tmp_path / "huge.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + head + body)
    with pytest.raises(DataError, match="loading budget") as err:
        read_image(p)
    assert "huge.png" in str(err.value) and "DLSTUDIO_LOAD_BUDGET" in str(err.value)


def test_budget_setting_applies_to_images(tmp_path, monkeypatch):
    p = save(tmp_path, "b.png", Image.fromarray(photo(64, 64)))
    assert read_image(p)[0].shape == (64, 64, 3)
    monkeypatch.setenv("DLSTUDIO_LOAD_BUDGET", "32K")  # 64*64 pixels * 16 bytes = 64 KiB
    with pytest.raises(DataError, match="loading budget"):
        read_image(p)


def test_image_errors(tmp_path):
    good = io.BytesIO()
    Image.fromarray(photo(8, 8)).save(good, "PNG")
    cases = {"text.png": (b"hello, not an image", "not an image format"),
             "cut.png": (good.getvalue()[:60], "damaged"),
             "empty.jpg": (b"", "not an image format")}
    for name, (data, words) in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        with pytest.raises(DataError, match=words) as err:
            read_image(p)
        assert name in str(err.value)
    with pytest.raises(DataError, match="cannot read"):
        read_image(tmp_path / "missing.png")
