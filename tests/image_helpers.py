"""Test helpers for image data: Qt images, a tiny PNG encoder (for files Qt cannot write:
tRNS, 16-bit, palettes), idx files."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage, QImageWriter


# ================================================================ helpers: Qt images

def qimage_from(a: np.ndarray) -> QImage:
    a = np.ascontiguousarray(a)
    h, w = a.shape[:2]
    if a.ndim == 2:
        fmt = QImage.Format_Grayscale16 if a.dtype == np.uint16 else QImage.Format_Grayscale8
    else:
        fmt = {(3, np.uint8): QImage.Format_RGB888, (4, np.uint8): QImage.Format_RGBA8888,
               (4, np.uint16): QImage.Format_RGBA64}[(a.shape[2], a.dtype.type)]
    return QImage(a.data, w, h, a.strides[0], fmt).copy()  # copy: own the pixels


def qimage_pixels(img: QImage, fmt=QImage.Format_RGBA8888, dtype=np.uint8, c=4) -> np.ndarray:
    img = img.convertToFormat(fmt)
    h, w = img.height(), img.width()
    rows = np.frombuffer(img.constBits(), np.uint8, img.sizeInBytes()).reshape(h, -1)
    return rows[:, :w * c * np.dtype(dtype).itemsize].copy().view(dtype).reshape(h, w, c)


def qt_load(path) -> QImage:
    img = QImage(str(path))
    assert not img.isNull(), f"Qt cannot read {path}"
    return img


def photo(h: int, w: int, seed: int = 0) -> np.ndarray:
    """A colourful test picture: smooth waves, noise and a sharp red rectangle."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:h, 0:w]
    a = np.stack([128 + 100 * np.sin(x / 7.0), 128 + 100 * np.cos(y / 5.0), (x * y) % 256], -1)
    a = a + rng.normal(0, 10, (h, w, 3))
    a[h // 3:h // 2, w // 4:w // 2] = [250, 20, 30]
    return np.clip(a, 0, 255).astype(np.uint8)


# ================================================================ helpers: a PNG writer

def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _pack_rows(samples: np.ndarray, depth: int) -> np.ndarray:
    """(h, w, c) samples -> (h, rowbytes) uint8."""
    h = samples.shape[0]
    if depth == 16:
        return samples.astype(">u2").view(np.uint8).reshape(h, -1)
    if depth == 8:
        return samples.astype(np.uint8).reshape(h, -1)
    per = 8 // depth
    flat = samples.reshape(h, -1).astype(np.uint16)
    pad = (-flat.shape[1]) % per
    flat = np.pad(flat, ((0, 0), (0, pad))).reshape(h, -1, per)
    shifts = np.arange(8 - depth, -1, -depth)
    return (flat << shifts).sum(-1).astype(np.uint8)


def _filter_rows(rows: np.ndarray, bpp: int, kinds) -> bytes:
    out = bytearray()
    prev = np.zeros(rows.shape[1], dtype=np.int32)
    for y, row in enumerate(rows.astype(np.int32)):
        kind = kinds[y % len(kinds)]
        left = np.concatenate([np.zeros(bpp, np.int32), row[:-bpp]])
        upleft = np.concatenate([np.zeros(bpp, np.int32), prev[:-bpp]])
        if kind == 0:
            pred = 0
        elif kind == 1:
            pred = left
        elif kind == 2:
            pred = prev
        elif kind == 3:
            pred = (left + prev) // 2
        else:
            p = left + prev - upleft
            pa, pb, pc = np.abs(p - left), np.abs(p - prev), np.abs(p - upleft)
            pred = np.where((pa <= pb) & (pa <= pc), left, np.where(pb <= pc, prev, upleft))
        out.append(kind)
        out += ((row - pred) % 256).astype(np.uint8).tobytes()
        prev = row
    return bytes(out)


ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
         (0, 1, 1, 2))


def encode_png(samples: np.ndarray, ctype: int, depth: int, kinds=(0, 1, 2, 3, 4),
               interlace: bool = False, palette=None, trns=None) -> bytes:
    """A PNG of (h, w, c) samples with the given colour type, bit depth and filter types."""
    h, w, c = samples.shape
    bpp = max(1, c * depth // 8)
    raw = b""
    for x0, y0, dx, dy in (ADAM7 if interlace else ((0, 0, 1, 1),)):
        sub = samples[y0::dy, x0::dx]
        if sub.size:
            raw += _filter_rows(_pack_rows(sub, depth), bpp, kinds)
    out = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, ctype,
                                                               0, 0, int(interlace)))
    if palette is not None:
        out += png_chunk(b"PLTE", np.asarray(palette, np.uint8).tobytes())
    if trns is not None:
        out += png_chunk(b"tRNS", np.asarray(trns, np.uint8).tobytes())
    comp = zlib.compress(raw, 6)
    half = len(comp) // 2  # two IDAT chunks: the decoder must join them
    return out + png_chunk(b"IDAT", comp[:half]) + png_chunk(b"IDAT", comp[half:]) + png_chunk(b"IEND", b"")


def idx_bytes(a: np.ndarray, code: int = 0x08) -> bytes:
    dt = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}[code]
    head = bytes([0, 0, code, a.ndim]) + struct.pack(f">{a.ndim}I", *a.shape)
    return head + a.astype(dt).tobytes()


def mnist_like(n: int = 20, seed: int = 0):
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8)
    labels = (np.arange(n) % 10).astype(np.uint8)
    return images, labels


def save_qt(path: Path, a: np.ndarray, fmt: bytes | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    w = QImageWriter(str(path), fmt or path.suffix[1:].encode())
    w.setQuality(95)
    assert w.write(qimage_from(a)), path
    return path
