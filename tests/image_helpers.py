"""Test helpers for image data: Qt images, tiny PNG and JPEG encoders (to feed the decoders
files Qt cannot write), idx files."""

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


# ================================================================ helpers: a baseline JPEG writer

def ceil(a: int, b: int) -> int:
    return -(-a // b)


def _zigzag():
    return sorted(range(64), key=lambda n: (n // 8 + n % 8,
                                           n // 8 if (n // 8 + n % 8) % 2 else -(n // 8)))


def _dct_matrix():
    u = np.arange(8)
    return np.where(u[:, None] == 0, np.sqrt(1 / 8), np.sqrt(2 / 8)) * \
        np.cos((2 * u[None, :] + 1) * u[:, None] * np.pi / 16)


def _flat_huffman(symbols, length):
    """Every symbol gets a code of the same length (valid: fewer than 2**length - 1 codes)."""
    counts = [0] * 16
    counts[length - 1] = len(symbols)
    codes = {s: format(i, f"0{length}b") for i, s in enumerate(symbols)}
    return bytes(counts) + bytes(symbols), codes


DC_SYMBOLS = list(range(12))
AC_SYMBOLS = [0x00, 0xF0] + [(r << 4) | s for r in range(16) for s in range(1, 11)]


def encode_jpeg(rgb: np.ndarray, sampling=(2, 2), restart: int = 0, interleaved: bool = True,
                q: int = 3) -> bytes:
    """Baseline JPEG: YCbCr with luma sampling ``sampling`` (h, v) and chroma 1x1, or grey for
    (h, w) input; flat quantisation ``q``; optional restart interval; one scan per component
    when not ``interleaved``."""
    grey = rgb.ndim == 2
    img = rgb.astype(np.float64)
    if grey:
        planes, factors = [img], [(1, 1)]
    else:
        r, g, b = img[..., 0], img[..., 1], img[..., 2]
        y = 0.299 * r + 0.587 * g + 0.114 * b
        planes = [y, 128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
                  128 + 0.5 * r - 0.418688 * g - 0.081312 * b]
        factors = [sampling, (1, 1), (1, 1)]
    H, W = img.shape[:2]
    hmax, vmax = max(f[0] for f in factors), max(f[1] for f in factors)
    mcux, mcuy = ceil(W, 8 * hmax), ceil(H, 8 * vmax)
    C, zz = _dct_matrix(), _zigzag()
    comp_blocks = []
    for plane, (h, v) in zip(planes, factors):
        padded = np.pad(plane, ((0, mcuy * 8 * vmax - H), (0, mcux * 8 * hmax - W)), mode="edge")
        fy, fx = vmax // v, hmax // h
        small = padded.reshape(padded.shape[0] // fy, fy, padded.shape[1] // fx, fx).mean((1, 3))
        rows, cols = small.shape[0] // 8, small.shape[1] // 8
        blocks = small.reshape(rows, 8, cols, 8).transpose(0, 2, 1, 3) - 128
        coef = np.rint((C @ blocks @ C.T) / q).astype(int).reshape(rows, cols, 64)[..., zz]
        comp_blocks.append(coef)
    dc_table, dc_codes = _flat_huffman(DC_SYMBOLS, 4)
    ac_table, ac_codes = _flat_huffman(AC_SYMBOLS, 8)

    def bits_of(v):
        s = abs(v).bit_length()
        return s, (format(v if v > 0 else v + (1 << s) - 1, f"0{s}b") if s else "")

    def block_bits(coef, pred):
        s, extra = bits_of(int(coef[0]) - pred)
        out = [dc_codes[s], extra]
        run = 0
        for k in range(1, 64):
            v = int(coef[k])
            if v == 0:
                run += 1
                continue
            while run > 15:
                out.append(ac_codes[0xF0])
                run -= 16
            s, extra = bits_of(v)
            out += [ac_codes[(run << 4) | s], extra]
            run = 0
        if run:
            out.append(ac_codes[0x00])
        return "".join(out)

    def flush(bits):
        bits += "1" * (-len(bits) % 8)
        data = int(bits, 2).to_bytes(len(bits) // 8, "big") if bits else b""
        return data.replace(b"\xff", b"\xff\x00")

    def scan(units_per_mcu, comps):
        out, bits, preds = b"", "", {c: 0 for c in comps}
        for m, units in enumerate(units_per_mcu):
            if restart and m and m % restart == 0:
                out += flush(bits) + bytes([0xFF, 0xD0 + (m // restart - 1) % 8])
                bits, preds = "", {c: 0 for c in comps}
            for c, (r, col) in units:
                coef = comp_blocks[c][r, col]
                bits += block_bits(coef, preds[c])
                preds[c] = int(coef[0])
        return out + flush(bits)

    n = len(planes)
    out = b"\xff\xd8" + b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + bytes([q] * 64)
    out += b"\xff\xc0" + struct.pack(">HBHHB", 8 + 3 * n, 8, H, W, n)
    for i, (h, v) in enumerate(factors):
        out += bytes([i + 1, (h << 4) | v, 0])
    out += b"\xff\xc4" + struct.pack(">H", 2 + 1 + len(dc_table)) + b"\x00" + dc_table
    out += b"\xff\xc4" + struct.pack(">H", 2 + 1 + len(ac_table)) + b"\x10" + ac_table
    if restart:
        out += b"\xff\xdd" + struct.pack(">HH", 4, restart)
    if interleaved:
        units = []
        for my in range(mcuy):
            for mx in range(mcux):
                units.append([(c, (my * v + by, mx * h + bx)) for c, (h, v) in enumerate(factors)
                              for by in range(v) for bx in range(h)])
        groups = [(list(range(n)), units)]
    else:
        groups = []
        for c, (h, v) in enumerate(factors):
            bw, bh = ceil(ceil(W * h, hmax), 8), ceil(ceil(H * v, vmax), 8)
            groups.append(([c], [[(c, (r, col))] for r in range(bh) for col in range(bw)]))
    for comps, units in groups:
        out += b"\xff\xda" + struct.pack(">HB", 6 + 2 * len(comps), len(comps))
        out += b"".join(bytes([c + 1, 0x00]) for c in comps) + b"\x00\x3f\x00"
        out += scan(units, comps)
    return out + b"\xff\xd9"


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
