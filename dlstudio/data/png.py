"""A PNG decoder in NumPy and zlib.

All colour types (grey, grey + alpha, RGB, RGBA, palette), bit depths 1-16, the five scanline
filters, and Adam7 interlacing. ``decode_png`` returns (H, W, C) uint8 (bit depths up to 8;
grey below 8 bits is scaled to 0-255) or uint16 (16-bit files), with C = 1, 2, 3 or 4 channels
(palette images give RGB, or RGBA when the palette has transparency).
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
         (0, 1, 1, 2))
MAX_PIXELS = 1 << 28


class PNGError(ValueError):
    """The bytes are not a PNG this decoder can read; the message says why."""


def _chunks(data: bytes):
    pos = len(SIGNATURE)
    while pos < len(data):
        if pos + 8 > len(data):
            raise PNGError("the file is truncated (a chunk header is cut off)")
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc = data[pos + 8 + length:pos + 12 + length]
        if len(body) < length or len(crc) < 4:
            raise PNGError(f"the file is truncated (inside a {kind.decode('latin-1')} chunk)")
        if zlib.crc32(kind + body) != struct.unpack(">I", crc)[0]:
            raise PNGError(f"the {kind.decode('latin-1')} chunk is damaged (CRC mismatch)")
        yield kind, body
        if kind == b"IEND":
            return
        pos += 12 + length
    raise PNGError("the file is truncated (no IEND chunk)")


def _unfilter(raw: memoryview, height: int, rowbytes: int, bpp: int) -> np.ndarray:
    """Undo the per-scanline filters: (height, rowbytes) uint8."""
    out = np.zeros((height, rowbytes), dtype=np.uint8)
    prev = np.zeros(rowbytes, dtype=np.uint8)
    stride = rowbytes + 1
    for y in range(height):
        kind = raw[y * stride]
        line = np.frombuffer(raw, np.uint8, rowbytes, y * stride + 1)
        if kind == 0:
            cur = line
        elif kind == 1:
            cur = np.cumsum(line.reshape(-1, bpp), axis=0, dtype=np.uint8).reshape(-1)
        elif kind == 2:
            cur = line + prev
        elif kind in (3, 4):
            cur = np.array(_sequential(kind, line.tolist(), prev.tolist(), bpp), dtype=np.uint8)
        else:
            raise PNGError(f"scanline {y} has the unknown filter type {kind}")
        out[y] = cur
        prev = out[y]
    return out


def _sequential(kind: int, line: list, prev: list, bpp: int) -> list:
    """Average (3) and Paeth (4) filters: each byte depends on the one to its left."""
    cur = line
    if kind == 3:
        for i in range(len(cur)):
            left = cur[i - bpp] if i >= bpp else 0
            cur[i] = (cur[i] + ((left + prev[i]) >> 1)) & 0xFF
        return cur
    for i in range(len(cur)):
        if i >= bpp:
            a, b, c = cur[i - bpp], prev[i], prev[i - bpp]
        else:
            a, b, c = 0, prev[i], 0
        p = a + b - c
        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
        pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
        cur[i] = (cur[i] + pred) & 0xFF
    return cur


def _samples(rows: np.ndarray, width: int, depth: int, channels: int) -> np.ndarray:
    """Unfiltered bytes (h, rowbytes) -> samples (h, width, channels)."""
    h = rows.shape[0]
    if depth == 16:
        return rows.view(">u2").astype(np.uint16).reshape(h, width, channels)
    if depth == 8:
        return rows.reshape(h, width, channels)
    shifts = np.arange(8 - depth, -1, -depth, dtype=np.uint8)
    vals = (rows[:, :, None] >> shifts) & np.uint8((1 << depth) - 1)
    return vals.reshape(h, -1)[:, :width, None]


def decode_png(data: bytes) -> np.ndarray:
    if not data.startswith(SIGNATURE):
        raise PNGError("not a PNG file (wrong signature)")
    header = palette = alpha = None
    idat = []
    for kind, body in _chunks(data):
        if kind == b"IHDR":
            if len(body) != 13:
                raise PNGError("the IHDR chunk has the wrong length")
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            if len(body) % 3 or not body:
                raise PNGError("the palette (PLTE chunk) has a bad length")
            palette = np.frombuffer(body, np.uint8).reshape(-1, 3)
        elif kind == b"tRNS":
            alpha = np.frombuffer(body, np.uint8)
        elif kind == b"IDAT":
            idat.append(body)
    if header is None:
        raise PNGError("the file has no IHDR chunk")
    width, height, depth, ctype, comp, filt, interlace = header
    if ctype not in CHANNELS or depth not in DEPTHS[ctype]:
        raise PNGError(f"colour type {ctype} with bit depth {depth} is not valid PNG")
    if comp != 0 or filt != 0 or interlace not in (0, 1):
        raise PNGError("unknown compression, filter or interlace method")
    if width == 0 or height == 0 or width * height > MAX_PIXELS:
        raise PNGError(f"unsupported image size {width}x{height}")
    if not idat:
        raise PNGError("the file has no image data (IDAT chunk)")
    channels = CHANNELS[ctype]
    bits = channels * depth
    bpp = max(1, bits // 8)
    passes = ADAM7 if interlace else ((0, 0, 1, 1),)
    sizes = []
    for x0, y0, dx, dy in passes:
        pw, ph = (width - x0 + dx - 1) // dx, (height - y0 + dy - 1) // dy
        sizes.append((pw, ph, (pw * bits + 7) // 8))
    expected = sum(ph * (rb + 1) for pw, ph, rb in sizes if pw and ph)
    try:
        raw = zlib.decompressobj().decompress(b"".join(idat), expected)
    except zlib.error as exc:
        raise PNGError(f"the image data is damaged ({exc})") from exc
    if len(raw) < expected:
        raise PNGError("the image data is truncated")
    raw = memoryview(raw)
    out = np.zeros((height, width, channels), np.uint16 if depth == 16 else np.uint8)
    pos = 0
    for (x0, y0, dx, dy), (pw, ph, rb) in zip(passes, sizes):
        if not pw or not ph:
            continue
        rows = _unfilter(raw[pos:pos + ph * (rb + 1)], ph, rb, bpp)
        out[y0::dy, x0::dx] = _samples(rows, pw, depth, channels)
        pos += ph * (rb + 1)
    if ctype == 3:
        return _apply_palette(out[:, :, 0], palette, alpha)
    if depth < 8:
        out *= np.uint8(255 // ((1 << depth) - 1))
    return out


def _apply_palette(index: np.ndarray, palette, alpha) -> np.ndarray:
    if palette is None:
        raise PNGError("a palette image without a palette (PLTE chunk)")
    if int(index.max()) >= len(palette):
        raise PNGError(f"a pixel uses palette entry {int(index.max())} but the palette has "
                       f"only {len(palette)} entries")
    if alpha is None or not len(alpha):
        return palette[index]
    table = np.full((len(palette), 4), 255, dtype=np.uint8)
    table[:, :3] = palette
    n = min(len(alpha), len(palette))
    table[:n, 3] = alpha[:n]
    return table[index]
