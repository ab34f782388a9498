"""The PNG and JPEG decoders, compared with Qt's on every colour type, depth, filter,
interlacing, subsampling and restart interval, and their errors on damaged files."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pytest
from PySide6.QtGui import QImage, QImageWriter

from image_helpers import encode_jpeg, encode_png, png_chunk, photo, qimage_from, qimage_pixels, qt_load

from dlstudio.data import DataError
from dlstudio.data.images import read_image
from dlstudio.data.jpeg import JPEGError, decode_jpeg
from dlstudio.data.png import PNGError, decode_png

RNG = np.random.default_rng(1234)


# ================================================================ PNG

def as_rgba(d: np.ndarray) -> np.ndarray:
    top = np.iinfo(d.dtype).max
    c = d.shape[-1]
    if c in (1, 2):
        d = np.concatenate([d[..., :1]] * 3 + [d[..., 1:]], -1)
    if d.shape[-1] == 3:
        d = np.concatenate([d, np.full(d.shape[:2] + (1,), top, d.dtype)], -1)
    return d


def qt_rgba(path, sixteen: bool) -> np.ndarray:
    img = qt_load(path)
    if sixteen:
        return qimage_pixels(img, QImage.Format_RGBA64, np.uint16)
    return qimage_pixels(img, QImage.Format_RGBA8888)


PNG_KINDS = [(0, 1), (0, 2), (0, 4), (0, 8), (0, 16), (2, 8), (2, 16), (3, 1), (3, 2), (3, 4),
             (3, 8), (4, 8), (4, 16), (6, 8), (6, 16)]


@pytest.mark.parametrize("ctype, depth", PNG_KINDS)
@pytest.mark.parametrize("interlace", [False, True])
def test_png_all_colour_types_depths_filters(tmp_path, ctype, depth, interlace):
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[ctype]
    h, w = 11, 13  # odd sizes: partial bytes at sub-byte depths, short Adam7 passes
    top = (1 << depth) - 1
    rng = np.random.default_rng(ctype * 100 + depth)
    dtype = np.uint16 if depth == 16 else np.uint8
    samples = rng.integers(0, top + 1, (h, w, channels)).astype(dtype)
    samples[0, :, 0] = np.arange(w) % (top + 1)  # gradients so that every filter matters
    palette = trns = None
    if ctype == 3:
        palette = rng.integers(0, 256, (top + 1, 3))
        trns = rng.integers(0, 256, min(top + 1, 5))  # shorter than the palette: rest opaque
        table = np.concatenate([palette, np.full((top + 1, 1), 255)], 1)
        table[:len(trns), 3] = trns
        expected = table[samples[..., 0]].astype(np.uint8)
    elif ctype == 0 and depth < 8:
        expected = (samples * (255 // top)).astype(np.uint8)
    else:
        expected = samples
    for kinds in ((0, 1, 2, 3, 4), (1,), (2,), (3,), (4,)):
        data = encode_png(samples, ctype, depth, kinds, interlace, palette, trns)
        got = decode_png(data)
        np.testing.assert_array_equal(got, expected)
        assert got.dtype == (np.uint16 if depth == 16 else np.uint8)
    path = tmp_path / "x.png"
    path.write_bytes(data)
    np.testing.assert_array_equal(as_rgba(got), qt_rgba(path, depth == 16))


@pytest.mark.parametrize("fmt", ["RGB32", "ARGB32", "Grayscale8", "Grayscale16", "RGBA64",
                                 "Indexed8", "Mono"])
def test_png_written_by_qt(tmp_path, fmt):
    a = photo(23, 31, seed=5)
    alpha = np.linspace(0, 255, 31).astype(np.uint8)[None, :].repeat(23, 0)
    img = qimage_from(np.concatenate([a, alpha[..., None]], -1))
    img = img.convertToFormat(getattr(QImage, f"Format_{fmt}"))
    path = tmp_path / "q.png"
    assert img.save(str(path))
    got = decode_png(path.read_bytes())
    sixteen = fmt in ("Grayscale16", "RGBA64")
    assert got.dtype == (np.uint16 if sixteen else np.uint8)
    np.testing.assert_array_equal(as_rgba(got), qt_rgba(path, sixteen))


def test_png_tiny_and_large_interlaced():
    for h, w in ((1, 1), (1, 9), (9, 1), (3, 2)):
        a = RNG.integers(0, 256, (h, w, 3)).astype(np.uint8)
        np.testing.assert_array_equal(decode_png(encode_png(a, 2, 8, interlace=True)), a)
    big = photo(64, 80)
    np.testing.assert_array_equal(decode_png(encode_png(big, 2, 8, (4, 3), True)), big)


def test_png_errors(tmp_path):
    good = encode_png(photo(8, 8), 2, 8)
    ihdr_end = 8 + 8 + 13 + 4
    bad_crc = bytearray(good)
    bad_crc[ihdr_end - 1] ^= 0xFF
    idat = good.index(b"IDAT")
    bad_filter = encode_png(photo(8, 8), 2, 8, (0,))
    raw = zlib.decompress(b"".join(body for body in [_idat(bad_filter)]))
    raw = bytes([7]) + raw[1:]
    bad_filter = bad_filter[:8 + 25] + png_chunk(b"IDAT", zlib.compress(raw)) + png_chunk(b"IEND", b"")
    palette_range = encode_png(np.full((2, 2, 1), 3, np.uint8), 3, 8, palette=[[1, 2, 3]] * 2)
    cases = {
        "signature": (b"\x89PNX" + good[4:], "signature"),
        "crc": (bytes(bad_crc), "CRC"),
        "truncated": (good[:idat + 10], "truncated"),
        "no iend": (good[:-12], "truncated"),
        "filter": (bad_filter, "filter type 7"),
        "palette": (palette_range, "palette entry 3"),
        "no idat": (good[:8 + 25] + png_chunk(b"IEND", b""), "no image data"),
        "depth": (good[:8] + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 3, 2, 0, 0, 0))
                  + good[8 + 25:], "bit depth 3"),
    }
    for label, (data, words) in cases.items():
        with pytest.raises(PNGError, match=words):
            decode_png(data)
        path = tmp_path / f"{label.replace(' ', '_')}.png"
        path.write_bytes(data)
        with pytest.raises(DataError) as err:  # read_image names the file
            read_image(path)
        assert str(path) in str(err.value) and words in str(err.value), label


def _idat(png: bytes) -> bytes:
    pos, out = 8, b""
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        if kind == b"IDAT":
            out += png[pos + 8:pos + 8 + length]
        pos += 12 + length
    return out


# ================================================================ JPEG

def assert_close_to_qt(got: np.ndarray, path, grey: bool = False):
    if grey:
        ref = qimage_pixels(qt_load(path), QImage.Format_Grayscale8, c=1)
    else:
        ref = qimage_pixels(qt_load(path))[..., :3]
    assert got.shape == ref.shape and got.dtype == np.uint8
    err = np.abs(got.astype(int) - ref)
    assert err.max() <= 3 and err.mean() < 1.0, (err.max(), err.mean())


@pytest.mark.parametrize("quality", [30, 90, 100])
def test_jpeg_written_by_qt(tmp_path, quality):
    a = photo(37, 53)
    path = tmp_path / "q.jpg"
    w = QImageWriter(str(path), b"jpeg")
    w.setQuality(quality)
    assert w.write(qimage_from(a))
    got = decode_jpeg(path.read_bytes())
    assert_close_to_qt(got, path)
    assert np.abs(got.astype(int) - a).mean() < 25  # and it is the picture
    grey = tmp_path / "g.jpg"
    w = QImageWriter(str(grey), b"jpeg")
    w.setQuality(quality)
    assert w.write(qimage_from(a[..., 1].copy()))
    g = decode_jpeg(grey.read_bytes())
    assert g.shape == (37, 53, 1)
    assert_close_to_qt(g, grey, grey=True)


@pytest.mark.parametrize("sampling", [(1, 1), (2, 1), (2, 2), (1, 2)])
@pytest.mark.parametrize("restart, interleaved", [(0, True), (3, True), (2, False)])
def test_jpeg_subsampling_restarts_scans(tmp_path, sampling, restart, interleaved):
    a = photo(29, 45, seed=3)
    path = tmp_path / "e.jpg"
    path.write_bytes(encode_jpeg(a, sampling, restart, interleaved))
    got = decode_jpeg(path.read_bytes())
    assert_close_to_qt(got, path)
    assert np.abs(got.astype(int) - a).mean() < 15


def test_jpeg_odd_sizes_and_grey(tmp_path):
    for h, w in ((1, 1), (9, 17), (16, 8)):
        for img in (photo(h, w), photo(h, w)[..., 0].copy()):
            path = tmp_path / f"o{h}_{w}_{img.ndim}.jpg"
            path.write_bytes(encode_jpeg(img, (2, 2), restart=1))
            assert_close_to_qt(decode_jpeg(path.read_bytes()), path, grey=img.ndim == 2)


def test_jpeg_errors(tmp_path):
    a = qimage_from(photo(16, 16))
    prog = tmp_path / "p.jpg"
    w = QImageWriter(str(prog), b"jpeg")
    w.setProgressiveScanWrite(True)
    assert w.write(a)
    cmyk = tmp_path / "c.jpg"
    w = QImageWriter(str(cmyk), b"jpeg")
    w.setSubType(b"CMYK")
    assert w.write(a.convertToFormat(QImage.Format_CMYK8888))
    good = encode_jpeg(photo(16, 16))
    sof = good.index(b"\xff\xc0")
    cases = {
        "progressive": (prog.read_bytes(), ["progressive", "baseline", "PNG"]),
        "cmyk": (cmyk.read_bytes(), ["4 colour components", "CMYK"]),
        "12-bit": (good[:sof + 4] + b"\x0c" + good[sof + 5:], ["12-bit"]),
        "lossless": (good[:sof + 1] + b"\xc3" + good[sof + 2:], ["lossless"]),
        "truncated": (good[:len(good) // 2], ["truncated"]),
        "huge": (good[:sof + 5] + struct.pack(">HH", 4000, 4000) + good[sof + 9:], ["too short"]),
        "no frame": (b"\xff\xd8\xff\xd9", ["no frame"]),
        "garbage": (b"\xff\xd8garbage", ["marker"]),
        "bad code": (good[:-40] + b"\xff" * 8 + good[-2:], ["damaged"]),
    }
    for label, (data, words) in cases.items():
        with pytest.raises(JPEGError) as err:
            decode_jpeg(data)
        for word in words:
            assert word in str(err.value), (label, str(err.value))
        path = tmp_path / f"{label}.jpg"
        path.write_bytes(data)
        with pytest.raises(DataError, match=label.split()[0][:4]):
            read_image(path)  # the message names the file: its name is the label
