"""A baseline JPEG decoder in NumPy: Huffman-coded sequential DCT, 8-bit samples.

Grey (one component) and YCbCr (three components, any sampling factors such as 4:4:4, 4:2:2
and 4:2:0), interleaved or one scan per component, restart markers. Chroma is upsampled with
the triangle ("fancy") filter most decoders use. ``decode_jpeg`` returns (H, W, C) uint8 with
C = 1 or 3. Progressive, lossless, arithmetic-coded, 12-bit and CMYK files raise JPEGError.
"""

from __future__ import annotations

import struct

import numpy as np

from .digits import resize_bilinear

ZIGZAG = sorted(range(64), key=lambda n: (n // 8 + n % 8,
                                           n // 8 if (n // 8 + n % 8) % 2 else -(n // 8)))
_u = np.arange(8)
IDCT = np.where(_u[:, None] == 0, np.sqrt(1 / 8), np.sqrt(2 / 8)) * \
    np.cos((2 * _u[None, :] + 1) * _u[:, None] * np.pi / 16)   # rows: frequency u, cols: x
MAX_PIXELS = 1 << 26


def _ceil(a: int, b: int) -> int:
    return -(-a // b)


class JPEGError(ValueError):
    """The bytes are not a JPEG this decoder can read; the message says why."""


def _huffman_table(counts: bytes, symbols: bytes) -> list:
    """A 65536-entry lookup: the next 16 bits -> (code length << 8) | symbol, 0 if invalid."""
    table = [0] * 65536
    code, k = 0, 0
    for length in range(1, 17):
        for _ in range(counts[length - 1]):
            if code >= 1 << length:
                raise JPEGError("a Huffman table is invalid")
            lo = code << (16 - length)
            hi = (code + 1) << (16 - length)
            table[lo:hi] = [(length << 8) | symbols[k]] * (hi - lo)
            code += 1
            k += 1
        code <<= 1
    return table


class _Frame:
    def __init__(self, body: bytes, file_size: int):
        precision, self.height, self.width, n = struct.unpack(">BHHB", body[:6])
        if precision != 8:
            raise JPEGError(f"{precision}-bit JPEG samples are not supported, only 8-bit")
        if self.height == 0 or self.width == 0:
            raise JPEGError("JPEG files whose height is given later (DNL) are not supported")
        if self.width * self.height > MAX_PIXELS:
            raise JPEGError(f"the image is too large ({self.width}x{self.height})")
        if n not in (1, 3):
            raise JPEGError(f"JPEG with {n} colour components is not supported (only grey and "
                            "YCbCr/RGB; CMYK is not); re-save it as RGB")
        if len(body) < 6 + 3 * n:
            raise JPEGError("the frame header is truncated")
        self.ids, self.h, self.v, self.tq = [], [], [], []
        for i in range(n):
            cid, hv, tq = body[6 + 3 * i:9 + 3 * i]
            if not (1 <= hv >> 4 <= 4 and 1 <= hv & 15 <= 4):
                raise JPEGError("invalid sampling factors")
            self.ids.append(cid)
            self.h.append(hv >> 4)
            self.v.append(hv & 15)
            self.tq.append(tq)
        self.hmax, self.vmax = max(self.h), max(self.v)
        self.mcux = _ceil(self.width, 8 * self.hmax)
        self.mcuy = _ceil(self.height, 8 * self.vmax)
        blocks = [self.mcuy * v * self.mcux * h for h, v in zip(self.h, self.v)]
        if sum(blocks) > 4 * file_size:  # every block takes at least two bits
            raise JPEGError(f"the file is too short for a {self.width}x{self.height} image "
                            "(truncated or damaged)")
        self.coefs = [[0] * (n * 64) for n in blocks]


def _segments(data: bytes, pos: int):
    """The entropy-coded data after an SOS, split at restart markers; and where it ends."""
    segments, cur = [], bytearray()
    while True:
        j = data.find(b"\xff", pos)
        if j < 0 or j + 1 >= len(data):
            raise JPEGError("the file is truncated (the image data has no end marker)")
        cur += data[pos:j]
        nxt = data[j + 1]
        if nxt == 0:
            cur.append(0xFF)
            pos = j + 2
        elif 0xD0 <= nxt <= 0xD7:
            segments.append(bytes(cur))
            cur = bytearray()
            pos = j + 2
        elif nxt == 0xFF:
            pos = j + 1
        else:
            segments.append(bytes(cur))
            return segments, j


def _bits(segment: bytes) -> tuple[str, int]:
    n = 8 * len(segment)
    text = bin(int.from_bytes(segment, "big") | (1 << n))[3:] if n else ""
    return text + "1" * 48, n


def _scan(frame: _Frame, comps: list, tables: dict, segments: list, interval: int) -> None:
    """Decode one scan's coefficients into ``frame.coefs`` (zig-zag undone)."""
    zz = ZIGZAG
    # per MCU, a list of (index in the scan, block offset) in decoding order
    if len(comps) == 1:
        c = comps[0][0]
        bw = _ceil(_ceil(frame.width * frame.h[c], frame.hmax), 8)
        bh = _ceil(_ceil(frame.height * frame.v[c], frame.vmax), 8)
        stride = frame.mcux * frame.h[c]
        mcus = [[(0, (r * stride + q) * 64)] for r in range(bh) for q in range(bw)]
    else:
        mcus = [[(k, ((my * frame.v[c] + by) * frame.mcux * frame.h[c] + mx * frame.h[c] + bx) * 64)
                 for k, (c, _, _) in enumerate(comps)
                 for by in range(frame.v[c]) for bx in range(frame.h[c])]
                for my in range(frame.mcuy) for mx in range(frame.mcux)]
    dc_tabs = [tables[(0, td)] for _, td, _ in comps]
    ac_tabs = [tables[(1, ta)] for _, _, ta in comps]
    stores = [frame.coefs[c] for c, _, _ in comps]
    seg_index, bits, end, p = 0, "", 0, 0
    pred = [0] * len(comps)
    for m, units in enumerate(mcus):
        if m == 0 or (interval and m % interval == 0):
            if seg_index >= len(segments):
                raise JPEGError("the image data ends early (missing restart segments)")
            bits, end = _bits(segments[seg_index])
            seg_index += 1
            p = 0
            pred = [0] * len(comps)
        for k, base in units:
            store, dct, act = stores[k], dc_tabs[k], ac_tabs[k]
            e = dct[int(bits[p:p + 16], 2)]
            if not e:
                raise JPEGError("the image data is damaged (bad Huffman code)")
            p += e >> 8
            s = e & 255
            diff = 0
            if s:
                diff = int(bits[p:p + s], 2)
                if bits[p] == "0":
                    diff -= (1 << s) - 1
                p += s
            pred[k] += diff
            store[base] = pred[k]
            i = 1
            while i < 64:
                e = act[int(bits[p:p + 16], 2)]
                if not e:
                    raise JPEGError("the image data is damaged (bad Huffman code)")
                p += e >> 8
                rs = e & 255
                s = rs & 15
                if not s:
                    if rs != 0xF0:
                        break
                    i += 16
                    continue
                i += rs >> 4
                if i > 63:
                    raise JPEGError("the image data is damaged (coefficient out of range)")
                val = int(bits[p:p + s], 2)
                if bits[p] == "0":
                    val -= (1 << s) - 1
                p += s
                store[base + zz[i]] = val
                i += 1
        if p > end:
            raise JPEGError("the image data is truncated or damaged")


def _plane(frame: _Frame, c: int, quant: np.ndarray) -> np.ndarray:
    rows, cols = frame.mcuy * frame.v[c], frame.mcux * frame.h[c]
    coef = np.array(frame.coefs[c], dtype=np.float64).reshape(rows * cols, 8, 8) * quant
    pix = IDCT.T @ coef @ IDCT + 128.0
    pix = pix.reshape(rows, cols, 8, 8).transpose(0, 2, 1, 3).reshape(rows * 8, cols * 8)
    ch = _ceil(frame.height * frame.v[c], frame.vmax)
    cw = _ceil(frame.width * frame.h[c], frame.hmax)
    pix = pix[:ch, :cw]
    if (frame.v[c], frame.h[c]) != (frame.vmax, frame.hmax):
        pix = resize_bilinear(pix, ch * (frame.vmax // frame.v[c]), cw * (frame.hmax // frame.h[c]))
    return pix[:frame.height, :frame.width]


def decode_jpeg(data: bytes) -> np.ndarray:
    if not data.startswith(b"\xff\xd8"):
        raise JPEGError("not a JPEG file (no start-of-image marker)")
    quant: dict = {}
    tables: dict = {}
    frame = None
    interval = 0
    adobe_rgb = scanned = False
    pos = 2
    while True:
        while data[pos:pos + 2] == b"\xff\xff":
            pos += 1
        if scanned and pos + 2 > len(data):
            break  # a missing end-of-image marker after the image data is tolerated
        if pos + 2 > len(data) or data[pos] != 0xFF:
            raise JPEGError("the file is truncated or damaged (expected a marker)")
        marker = data[pos + 1]
        if marker == 0xD9:
            break
        if pos + 4 > len(data):
            raise JPEGError("the file is truncated")
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        body = data[pos + 4:pos + 2 + length]
        if len(body) < length - 2:
            raise JPEGError("the file is truncated")
        pos += 2 + length
        if marker in (0xC0, 0xC1):
            frame = _Frame(body, len(data))
        elif marker == 0xC2:
            raise JPEGError("progressive JPEG is not supported; re-save the image as a "
                            "baseline (standard) JPEG or as PNG")
        elif 0xC3 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            raise JPEGError("this kind of JPEG (lossless, hierarchical or arithmetic-coded) is "
                            "not supported; re-save the image as a baseline JPEG or as PNG")
        elif marker == 0xDB:
            _read_quant(body, quant)
        elif marker == 0xC4:
            _read_huffman(body, tables)
        elif marker == 0xDD:
            interval = struct.unpack(">H", body[:2])[0]
        elif marker == 0xEE and body[:5] == b"Adobe" and len(body) >= 12:
            adobe_rgb = body[11] == 0
        elif marker == 0xDA:
            if frame is None:
                raise JPEGError("image data comes before the frame header")
            comps = _scan_header(body, frame, tables)
            segments, pos = _segments(data, pos)
            _scan(frame, comps, tables, segments, interval)
            scanned = True
    if frame is None:
        raise JPEGError("the file has no image (no frame header)")
    planes = []
    for c in range(len(frame.ids)):
        if frame.tq[c] not in quant:
            raise JPEGError("a quantisation table is missing")
        planes.append(_plane(frame, c, quant[frame.tq[c]]))
    img = np.stack(planes, axis=-1)
    if img.shape[-1] == 3 and not adobe_rgb and frame.ids != [82, 71, 66]:
        y, cb, cr = img[..., 0], img[..., 1] - 128.0, img[..., 2] - 128.0
        img = np.stack([y + 1.402 * cr, y - 0.344136 * cb - 0.714136 * cr, y + 1.772 * cb], -1)
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


def _read_quant(body: bytes, quant: dict) -> None:
    i = 0
    while i < len(body):
        pq, tq = body[i] >> 4, body[i] & 15
        size = 128 if pq else 64
        raw = body[i + 1:i + 1 + size]
        if len(raw) < size:
            raise JPEGError("a quantisation table is truncated")
        vals = np.frombuffer(raw, ">u2" if pq else np.uint8).astype(np.float64)
        table = np.zeros(64)
        table[ZIGZAG] = vals
        quant[tq] = table.reshape(8, 8)
        i += 1 + size


def _read_huffman(body: bytes, tables: dict) -> None:
    i = 0
    while i + 17 <= len(body):
        tc, th = body[i] >> 4, body[i] & 15
        counts = body[i + 1:i + 17]
        total = sum(counts)
        symbols = body[i + 17:i + 17 + total]
        if len(symbols) < total:
            raise JPEGError("a Huffman table is truncated")
        tables[(tc, th)] = _huffman_table(counts, symbols)
        i += 17 + total


def _scan_header(body: bytes, frame: _Frame, tables: dict) -> list:
    n = body[0]
    comps = []
    for k in range(n):
        cid, t = body[1 + 2 * k:3 + 2 * k]
        if cid not in frame.ids:
            raise JPEGError("a scan refers to an unknown colour component")
        if (0, t >> 4) not in tables or (1, t & 15) not in tables:
            raise JPEGError("a Huffman table is missing")
        comps.append((frame.ids.index(cid), t >> 4, t & 15))
    return comps
