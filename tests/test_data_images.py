"""Tests for image data: shapes, idx files, MNIST downloads (against a local HTTP server),
the PNG and JPEG decoders (compared with Qt's), folder:DIR, and resize / normalize."""

from __future__ import annotations

import gzip
import hashlib
import http.server
import json
import socket
import struct
import threading
import zlib
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage, QImageWriter

from dlstudio.data import DataError, available, load_dataset, split
from dlstudio.data import download, mnist
from dlstudio.data.images import read_image
from dlstudio.data.jpeg import JPEGError, decode_jpeg
from dlstudio.data.png import PNGError, decode_png
from dlstudio.data.registry import parse_spec

RNG = np.random.default_rng(1234)


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

def _chunk(kind: bytes, body: bytes) -> bytes:
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
    out = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, ctype,
                                                               0, 0, int(interlace)))
    if palette is not None:
        out += _chunk(b"PLTE", np.asarray(palette, np.uint8).tobytes())
    if trns is not None:
        out += _chunk(b"tRNS", np.asarray(trns, np.uint8).tobytes())
    comp = zlib.compress(raw, 6)
    half = len(comp) // 2  # two IDAT chunks: the decoder must join them
    return out + _chunk(b"IDAT", comp[:half]) + _chunk(b"IDAT", comp[half:]) + _chunk(b"IEND", b"")


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


# ================================================================ shapes

def test_shapes_defaults():
    ds = load_dataset("shapes")
    assert ds.name == "shapes" and ds.source == "shapes" and ds.task == "classification"
    assert ds.x.shape == (3000, 1, 28, 28) and ds.x.dtype == np.float32
    assert ds.y.dtype == np.int64 and ds.preprocessing == {}
    assert ds.classes[:4] == ["circle", "square", "triangle", "cross"] and ds.num_classes >= 5
    assert 0.0 <= ds.x.min() and ds.x.max() <= 1.0
    counts = np.bincount(ds.y)
    assert counts.max() - counts.min() <= 1 and (np.diff(ds.y) != 0).sum() > 100
    # bright shapes on a dark background that covers most of the image
    fg = (ds.x > 0.5).mean(axis=(1, 2, 3))
    assert 0.03 < fg.min() and fg.max() < 0.6


def test_shapes_seeds_sizes_options():
    a, b, c = (load_dataset("shapes?n=70", seed=s) for s in (4, 4, 5))
    np.testing.assert_array_equal(a.x, b.x)
    assert not np.array_equal(a.x, c.x)
    ds = load_dataset("shapes:16?n=140&color=1&noise=0", seed=2)
    assert ds.x.shape == (140, 3, 16, 16) and ds.source == "shapes:16?n=140&color=1&noise=0.0"
    np.testing.assert_array_equal(load_dataset(ds.source, seed=2).x, ds.x)
    assert load_dataset("shapes:64?n=7").x.shape == (7, 1, 64, 64)
    assert load_dataset("shapes:28?color=0").source == "shapes"
    # colour: each shape has its own hue, so the channels differ
    fg = ds.x.max(axis=(2, 3))
    assert np.abs(fg[:, 0] - fg[:, 1]).mean() > 0.1 and fg.std(axis=0).min() > 0.1
    # noise 0: the background is flat, so most pixels equal the image's darkest value
    flat = (ds.x == ds.x.min(axis=(2, 3), keepdims=True)).mean()
    assert flat > 0.3
    noisy = load_dataset("shapes?n=70&noise=0.2")
    assert noisy.x.std() > load_dataset("shapes?n=70&noise=0").x.std()


def test_shapes_have_sharp_edges():
    x = load_dataset("shapes?n=140&noise=0").x[:, 0]
    gx = np.abs(np.diff(x, axis=2))
    gy = np.abs(np.diff(x, axis=1))
    # every image has a strong edge (an edge filter's feature map lights up) ...
    assert np.minimum(gx.max(axis=(1, 2)), gy.max(axis=(1, 2))).min() > 0.3
    # ... and edges are thin: few pixels change much
    assert (gx > 0.2).mean() < 0.15


def test_shapes_are_learnable():
    """Random 5x5 conv filters + ReLU + global pooling + ridge regression: a cheap stand-in
    for a small CNN, which reaches >= 0.95 too (checked with LeNet-5, ~0.99)."""
    train, val = split(load_dataset("shapes"), 0.2, seed=0)
    rng = np.random.default_rng(0)
    filters = rng.normal(size=(25, 48)).astype(np.float32)
    filters -= filters.mean(0)

    def features(x):
        out = []
        for i in range(0, len(x), 500):
            win = np.lib.stride_tricks.sliding_window_view(x[i:i + 500, 0], (5, 5), axis=(1, 2))
            r = np.maximum(win.reshape(-1, 25) @ filters, 0).reshape(len(win), -1, 48)
            out.append(np.concatenate([r.max(1), r.mean(1), np.sqrt((r * r).mean(1))], 1))
        return np.concatenate(out)

    ft, fv = features(train.x), features(val.x)
    mu, sd = ft.mean(0), ft.std(0) + 1e-6
    ft = np.hstack([(ft - mu) / sd, np.ones((len(ft), 1))])
    fv = np.hstack([(fv - mu) / sd, np.ones((len(fv), 1))])
    w = np.linalg.solve(ft.T @ ft + np.eye(ft.shape[1]), ft.T @ np.eye(train.num_classes)[train.y])
    assert (np.argmax(fv @ w, 1) == val.y).mean() >= 0.95


@pytest.mark.parametrize("spec, words", [
    ("shapes:8", ["between 16 and 64"]),
    ("shapes:65", ["between 16 and 64"]),
    ("shapes:big", ["whole number"]),
    ("shapes?n=3", ["between 7 and"]),
    ("shapes?color=red", ["1 or 0"]),
    ("shapes?noise=0.9", ["between 0 and 0.3"]),
    ("shapes?sides=3", ["unknown option 'sides'", "n, color, noise, resize, normalize"]),
    ("shapes:64?n=1000000&color=1", ["MB"]),
])
def test_shapes_errors(spec, words):
    with pytest.raises(DataError) as err:
        load_dataset(spec)
    for w in words:
        assert w in str(err.value)


# ================================================================ idx files

def idx_bytes(a: np.ndarray, code: int = 0x08) -> bytes:
    dt = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}[code]
    head = bytes([0, 0, code, a.ndim]) + struct.pack(f">{a.ndim}I", *a.shape)
    return head + a.astype(dt).tobytes()


def mnist_like(n: int = 20, seed: int = 0):
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8)
    labels = (np.arange(n) % 10).astype(np.uint8)
    return images, labels


def test_idx_raw_and_gz(tmp_path):
    images, labels = mnist_like()
    (tmp_path / "i.gz").write_bytes(gzip.compress(idx_bytes(images)))
    (tmp_path / "l").write_bytes(idx_bytes(labels))
    ds = load_dataset(f"idx:{tmp_path / 'i.gz'},{tmp_path / 'l'}")
    assert ds.x.shape == (20, 1, 28, 28) and ds.x.dtype == np.float32
    np.testing.assert_allclose(ds.x[:, 0] * 255, images, atol=1e-4)
    assert ds.y.tolist() == labels.tolist() and ds.classes == [str(i) for i in range(10)]
    assert ds.preprocessing == {"scale": 1 / 255} and ds.name == "i.gz"
    assert ds.source == f"idx:{(tmp_path / 'i.gz').resolve()},{(tmp_path / 'l').resolve()}"
    again = load_dataset(ds.source + "?normalize=standard")
    assert abs(float(again.x.mean())) < 1e-4 and "normalize" in again.preprocessing
    # other dtypes keep their values; int32 labels are fine
    (tmp_path / "f").write_bytes(idx_bytes(np.full((3, 4, 5), 2.5), 0x0D))
    (tmp_path / "fl").write_bytes(idx_bytes(np.array([0, 1, 1]), 0x0C))
    fl = load_dataset(f"idx:{tmp_path / 'f'},{tmp_path / 'fl'}")
    assert fl.x.shape == (3, 1, 4, 5) and fl.x.max() == 2.5 and fl.preprocessing == {}
    # a comma inside a path: the cut where both files exist wins
    odd = tmp_path / "a,b"
    odd.mkdir()
    (odd / "i").write_bytes(idx_bytes(images))
    assert len(load_dataset(f"idx:{odd / 'i'},{tmp_path / 'l'}")) == 20


GZIP_MAGIC = b"\x1f\x8b"


def test_idx_errors(tmp_path):
    images, labels = mnist_like(5)
    good_i, good_l = tmp_path / "i", tmp_path / "l"
    good_i.write_bytes(idx_bytes(images))
    good_l.write_bytes(idx_bytes(labels))

    def case(name, data) -> Path:
        p = tmp_path / name
        p.write_bytes(data)
        return p

    cases = {
        "missing": (f"{tmp_path / 'nope'},{good_l}", ["not found", "nope"]),
        "no comma": (str(good_i), ["comma"]),
        "magic": (f"{case('m', b'PK' + idx_bytes(images)[2:])},{good_l}", ["not an idx file"]),
        "dtype": (f"{case('d', bytes([0, 0, 0x07]) + idx_bytes(images)[3:])},{good_l}",
                  ["unsupported", "0x07"]),
        "truncated": (f"{case('t', idx_bytes(images)[:-10])},{good_l}", ["truncated"]),
        "header cut": (f"{case('h', idx_bytes(images)[:9])},{good_l}", ["truncated"]),
        "extra": (f"{case('e', idx_bytes(images) + b'xx')},{good_l}", ["2 bytes more"]),
        "count": (f"{good_i},{case('c', idx_bytes(labels[:4]))}", ["5 images", "4 labels"]),
        "label dims": (f"{good_i},{case('ld', idx_bytes(images))}", ["one dimension"]),
        "float labels": (f"{good_i},{case('fl', idx_bytes(np.zeros(5), 0x0D))}", ["integers"]),
        "image dims": (f"{case('id', idx_bytes(labels))},{good_l}", ["3 dimensions"]),
        "bad gzip": (f"{case('g.gz', GZIP_MAGIC + b'junk' * 10)},{good_l}", ["damaged"]),
        "option": (f"{good_i},{good_l}?size=3", ["unknown option 'size'"]),
    }
    for label, (arg, words) in cases.items():
        with pytest.raises(DataError) as err:
            load_dataset(f"idx:{arg}")
        for w in words:
            assert w in str(err.value), (label, str(err.value))


# ================================================================ downloads (local server)

class FileServer:
    """A ThreadingHTTPServer on 127.0.0.1 serving ``files`` (name -> bytes), with Range support
    (unless ``ranges`` is False) and the first ``drop`` responses cut off half way."""

    def __init__(self, files: dict, ranges: bool = True, drop: int = 0):
        self.files, self.ranges, self.drop = files, ranges, drop
        self.requests: list[tuple[str, str | None]] = []
        self.sent = 0
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                name = self.path.rsplit("/", 1)[-1]
                rng = self.headers.get("Range")
                server.requests.append((name, rng))
                data = server.files.get(name)
                if data is None:
                    self.send_error(404)
                    return
                start = 0
                if rng and server.ranges:
                    start = int(rng.split("=")[1].split("-")[0])
                    if start >= len(data):
                        self.send_response(416)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                else:
                    self.send_response(200)
                body = data[start:]
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if server.drop > 0:
                    server.drop -= 1
                    body = body[:len(body) // 2]
                    self.close_connection = True
                server.sent += len(body)  # before writing: the client may finish first
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/mnist/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


def dead_url() -> str:
    """A local URL where nothing listens: connections are refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/mnist/"


def mnist_files(n_train=20, n_test=10) -> dict[str, bytes]:
    tr_i, tr_l = mnist_like(n_train, seed=1)
    te_i, te_l = mnist_like(n_test, seed=2)
    return {"train-images-idx3-ubyte.gz": gzip.compress(idx_bytes(tr_i), mtime=0),
            "train-labels-idx1-ubyte.gz": gzip.compress(idx_bytes(tr_l), mtime=0),
            "t10k-images-idx3-ubyte.gz": gzip.compress(idx_bytes(te_i), mtime=0),
            "t10k-labels-idx1-ubyte.gz": gzip.compress(idx_bytes(te_l), mtime=0)}


@pytest.fixture
def served(tmp_path, monkeypatch):
    """Start servers on demand; point mnist and fashion-mnist at them; stop them afterwards."""
    files = mnist_files()
    monkeypatch.setenv("DLSTUDIO_DATA_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(download, "RETRY_DELAY", 0.0)
    monkeypatch.setattr(download, "TIMEOUT", 5.0)
    table = {k: "sha256:" + hashlib.sha256(v).hexdigest() for k, v in files.items()}
    monkeypatch.setitem(mnist.CHECKSUMS, "mnist", dict(table))
    monkeypatch.setitem(mnist.CHECKSUMS, "fashion-mnist", dict(table))
    servers = []

    def start(mirror_env="DLSTUDIO_MNIST_MIRROR", **kw) -> FileServer:
        srv = FileServer(files, **kw)
        servers.append(srv)
        monkeypatch.setenv(mirror_env, srv.url)
        return srv

    start.files = files
    start.cache = tmp_path / "cache"
    yield start
    for srv in servers:
        srv.close()


def test_mnist_download_progress_and_cache(served):
    srv = served()
    calls = []
    ds = load_dataset("mnist", progress=lambda done, total, name: calls.append((done, total, name)))
    assert ds.name == "mnist" and ds.source == "mnist" and ds.classes == [str(i) for i in range(10)]
    assert ds.x.shape == (20, 1, 28, 28) and ds.x.dtype == np.float32 and ds.y.dtype == np.int64
    images, labels = mnist_like(20, seed=1)
    np.testing.assert_allclose(ds.x[:, 0] * 255, images, atol=1e-4)
    assert ds.y.tolist() == labels.tolist() and ds.preprocessing == {"scale": 1 / 255}
    folder = served.cache / "mnist"
    assert sorted(p.name for p in folder.iterdir()) == ["train-images-idx3-ubyte.gz",
                                                         "train-labels-idx1-ubyte.gz"]
    for name in ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"):
        mine = [(d, t) for d, t, n in calls if n == name]
        size = len(served.files[name])
        assert mine and mine[-1] == (size, size)
        assert all(b[0] >= a[0] for a, b in zip(mine, mine[1:]))
    assert len(srv.requests) == 2
    test = load_dataset("mnist?split=test", seed=3)
    assert len(test) == 10 and test.source == "mnist?split=test" and len(srv.requests) == 4
    # a second load reads the cache: no request, even with the server gone
    srv.close()
    again = load_dataset("mnist")
    np.testing.assert_array_equal(again.x, ds.x)
    assert len(srv.requests) == 4


def test_fashion_mnist_and_manual_placement(served, monkeypatch):
    served(mirror_env="DLSTUDIO_FASHION_MNIST_MIRROR")
    ds = load_dataset("fashion-mnist?split=test")
    assert ds.classes[0] == "T-shirt/top" and ds.classes[9] == "Ankle boot" and len(ds) == 10
    # files put into the cache by hand are used without any network
    manual = served.cache / "mnist"
    manual.mkdir(parents=True)
    (manual / "t10k-images-idx3-ubyte.gz").write_bytes(served.files["t10k-images-idx3-ubyte.gz"])
    (manual / "t10k-labels-idx1-ubyte").write_bytes(
        gzip.decompress(served.files["t10k-labels-idx1-ubyte.gz"]))  # unpacked works too
    monkeypatch.setenv("DLSTUDIO_MNIST_MIRROR", dead_url())
    assert len(load_dataset("mnist?split=test")) == 10


def test_mnist_checksum_mismatch_deletes_the_file(served, monkeypatch):
    served()
    wrong = "sha256:" + "0" * 64
    monkeypatch.setitem(mnist.CHECKSUMS["mnist"], "train-images-idx3-ubyte.gz", wrong)
    with pytest.raises(DataError) as err:
        load_dataset("mnist")
    assert "checksum" in str(err.value) and "deleted" in str(err.value)
    folder = served.cache / "mnist"
    assert not (folder / "train-images-idx3-ubyte.gz").exists()
    assert not (folder / "train-images-idx3-ubyte.gz.part").exists()


def test_mnist_damaged_cache_file_is_fetched_again(served):
    srv = served()
    folder = served.cache / "mnist"
    folder.mkdir(parents=True)
    (folder / "train-labels-idx1-ubyte.gz").write_bytes(b"garbage")
    assert len(load_dataset("mnist")) == 20
    assert ("train-labels-idx1-ubyte.gz", None) in srv.requests


@pytest.mark.parametrize("ranges", [True, False])
def test_mnist_resumes_a_partial_download(served, ranges):
    srv = served(ranges=ranges)
    name = "train-images-idx3-ubyte.gz"
    data = served.files[name]
    folder = served.cache / "mnist"
    folder.mkdir(parents=True)
    (folder / (name + ".part")).write_bytes(data[:1000])
    calls = []
    load_dataset("mnist", progress=lambda d, t, n: calls.append((d, t, n)))
    assert (folder / name).read_bytes() == data and not (folder / (name + ".part")).exists()
    assert (name, "bytes=1000-") in srv.requests
    labels = len(served.files["train-labels-idx1-ubyte.gz"])
    if ranges:  # only the missing part was sent, and progress starts from what was there
        assert srv.sent == len(data) - 1000 + labels
        assert [c for c in calls if c[2] == name][0] == (1000, len(data), name)
    else:       # the server ignored the Range header: the whole file again
        assert srv.sent == len(data) + labels


def test_mnist_cancel_from_progress_keeps_the_part_file(served):
    served()

    class Cancel(Exception):
        pass

    def cancel(done, total, name):
        if done > 0:
            raise Cancel

    with pytest.raises(Cancel):
        load_dataset("mnist", progress=cancel)
    part = served.cache / "mnist" / "train-images-idx3-ubyte.gz.part"
    assert part.stat().st_size > 0
    assert len(load_dataset("mnist")) == 20 and not part.exists()


def test_mnist_retries_a_dropped_connection(served):
    srv = served(drop=1)
    assert len(load_dataset("mnist")) == 20
    name = "train-images-idx3-ubyte.gz"
    half = len(served.files[name]) // 2
    assert srv.requests[:2] == [(name, None), (name, f"bytes={half}-")]


def test_mnist_offline_error(served, monkeypatch):
    url = dead_url()
    monkeypatch.setenv("DLSTUDIO_MNIST_MIRROR", f"{url}, {dead_url()}")
    with pytest.raises(DataError) as err:
        load_dataset("mnist")
    text = str(err.value)
    for words in (url + "train-images-idx3-ubyte.gz", "internet connection",
                  str(served.cache / "mnist"), "t10k-labels-idx1-ubyte.gz"):
        assert words in text
    assert not list((served.cache / "mnist").glob("*.gz"))


def test_mnist_missing_on_server_and_bad_options(served):
    srv = served()
    srv.files = {}
    with pytest.raises(DataError, match="HTTP 404"):
        load_dataset("mnist")
    for spec, words in (("mnist?split=val", "train or test"), ("mnist:28", "no ':' argument"),
                        ("fashion-mnist?size=3", "unknown option")):
        with pytest.raises(DataError, match=words):
            load_dataset(spec)


def test_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("DLSTUDIO_DATA_DIR", str(tmp_path / "own"))
    assert download.cache_dir() == tmp_path / "own"
    monkeypatch.delenv("DLSTUDIO_DATA_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert download.cache_dir() == tmp_path / "xdg" / "dlstudio" / "datasets"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert download.cache_dir() == Path.home() / ".cache" / "dlstudio" / "datasets"
    assert mnist.folder("fashion-mnist").name == "fashion-mnist"
    # the published checksums are the real ones (MD5 of the original files)
    assert mnist.CHECKSUMS["mnist"]["train-images-idx3-ubyte.gz"] == \
        "md5:f68b3c2dcbeaaa9fbdd348bbdeb94873"
    assert mnist.mirrors("mnist")[0].startswith("https://")


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
    bad_filter = bad_filter[:8 + 25] + _chunk(b"IDAT", zlib.compress(raw)) + _chunk(b"IEND", b"")
    palette_range = encode_png(np.full((2, 2, 1), 3, np.uint8), 3, 8, palette=[[1, 2, 3]] * 2)
    cases = {
        "signature": (b"\x89PNX" + good[4:], "signature"),
        "crc": (bytes(bad_crc), "CRC"),
        "truncated": (good[:idat + 10], "truncated"),
        "no iend": (good[:-12], "truncated"),
        "filter": (bad_filter, "filter type 7"),
        "palette": (palette_range, "palette entry 3"),
        "no idat": (good[:8 + 25] + _chunk(b"IEND", b""), "no image data"),
        "depth": (good[:8] + _chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 3, 2, 0, 0, 0))
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


# ================================================================ folder:DIR

def save_qt(path: Path, a: np.ndarray, fmt: bytes | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    w = QImageWriter(str(path), fmt or path.suffix[1:].encode())
    w.setQuality(95)
    assert w.write(qimage_from(a)), path
    return path


@pytest.fixture
def image_folder(tmp_path) -> Path:
    root = tmp_path / "pets"
    for i in range(3):
        save_qt(root / "cat" / f"c{i}.png", photo(12, 12, seed=i))
    for i in range(2):
        save_qt(root / "dog" / f"d{i}.JPG", photo(12, 12, seed=10 + i), b"jpeg")
    save_qt(root / "eel" / "e.png", photo(20, 16, seed=20)[..., 0].copy())  # grey, other size
    (root / "eel" / "notes.txt").write_text("ignored")
    (root / ".hidden").mkdir()  # hidden folders are not classes
    return root


def test_folder_classes_sizes_colour(image_folder):
    ds = load_dataset(f"folder:{image_folder}")
    assert ds.classes == ["cat", "dog", "eel"] and ds.y.tolist() == [0, 0, 0, 1, 1, 2]
    assert ds.name == "pets" and ds.source == f"folder:{image_folder.resolve()}"
    assert ds.x.shape == (6, 3, 12, 12) and ds.x.dtype == np.float32  # the most common size
    np.testing.assert_allclose(ds.x[0].transpose(1, 2, 0) * 255, photo(12, 12, seed=0), atol=1e-3)
    jpeg = qimage_pixels(qt_load(image_folder / "dog" / "d0.JPG"))[..., :3]
    assert np.abs(ds.x[3].transpose(1, 2, 0) * 255 - jpeg).max() <= 3.01
    eel = ds.x[5]  # a grey image in a colour set: three equal channels, resized
    np.testing.assert_array_equal(eel[0], eel[2])
    assert ds.preprocessing == {"scale": 1 / 255, "resize": 12, "interpolation": "bilinear"}
    grey = load_dataset(f"folder:{image_folder}?color=0&size=8")
    assert grey.x.shape == (6, 1, 8, 8) and grey.source.endswith("?size=8&color=0")
    np.testing.assert_array_equal(load_dataset(grey.source).x, grey.x)
    lum = photo(12, 12, seed=0) @ np.array([0.299, 0.587, 0.114])
    small = load_dataset(f"folder:{image_folder}?color=0").x[0, 0] * 255
    np.testing.assert_allclose(small, lum, atol=1e-3)


def test_folder_grey_default_alpha_and_16_bit(tmp_path):
    root = tmp_path / "g"
    save_qt(root / "a" / "1.png", photo(6, 5)[..., 0].copy())
    save_qt(root / "b" / "2.png", np.repeat(photo(6, 5)[..., 1:2], 3, -1))  # RGB but grey
    ds = load_dataset(f"folder:{root}")
    assert ds.x.shape == (2, 1, 6, 5) and ds.preprocessing == {"scale": 1 / 255}
    rgba = np.zeros((6, 5, 4), np.uint8)
    rgba[..., :3] = 200
    rgba[:, :2, 3] = 255  # left opaque, right fully transparent: over black
    save_qt(root / "c" / "3.png", rgba)
    wide = np.full((6, 5), 65535, np.uint16)
    save_qt(root / "d" / "4.png", wide)
    ds = load_dataset(f"folder:{root}?color=1")
    assert ds.x.shape == (4, 3, 6, 5)
    np.testing.assert_allclose(ds.x[2, :, :, :2], 200 / 255, atol=1e-6)
    assert ds.x[2, :, :, 2:].max() == 0 and ds.x[3].min() == 1.0
    assert ds.preprocessing["scale"] == [1 / 255, 1 / 65535]


def test_folder_errors(tmp_path, image_folder):
    (tmp_path / "empty").mkdir()
    loose = tmp_path / "loose"
    save_qt(loose / "x.png", photo(4, 4))
    no_images = tmp_path / "noimg"
    (no_images / "a").mkdir(parents=True)
    (no_images / "a" / "readme.txt").write_text("x")
    bad = tmp_path / "bad"
    save_qt(bad / "a" / "ok.png", photo(4, 4))
    (bad / "b").mkdir()
    (bad / "b" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    gif = tmp_path / "gif"
    save_qt(gif / "a" / "ok.png", photo(4, 4))
    (gif / "b").mkdir()
    (gif / "b" / "fake.jpg").write_bytes(b"GIF89a" + b"\x00" * 20)
    cases = {
        "missing": (tmp_path / "nope", ["not found"]),
        "file": (loose / "x.png", ["is a file"]),
        "empty": (tmp_path / "empty", ["no class sub-folders", "DIR/cat/1.png"]),
        "loose": (loose, ["1 images directly", "sub-folder per class"]),
        "no images": (no_images, ["no PNG or JPEG images", "readme.txt"]),
        "broken": (bad, ["broken.png"]),
        "gif": (gif, ["fake.jpg", "GIF"]),
    }
    for label, (path, words) in cases.items():
        with pytest.raises(DataError) as err:
            load_dataset(f"folder:{path}")
        for w in words:
            assert w in str(err.value), (label, str(err.value))
    with pytest.raises(DataError, match="needs a folder path"):
        load_dataset("folder:")
    with pytest.raises(DataError, match="between 4 and 512"):
        load_dataset(f"folder:{image_folder}?size=2")
    with pytest.raises(DataError, match="unknown option 'colour'"):
        load_dataset(f"folder:{image_folder}?colour=1")


# ================================================================ resize and normalize

def test_normalize_standard_and_json_record():
    ds = load_dataset("shapes?n=700&color=1&normalize=standard")
    assert ds.source == "shapes?n=700&color=1&normalize=standard"
    np.testing.assert_allclose(ds.x.mean(axis=(0, 2, 3)), 0, atol=1e-4)
    np.testing.assert_allclose(ds.x.std(axis=(0, 2, 3)), 1, atol=1e-3)
    norm = ds.preprocessing["normalize"]
    assert len(norm["mean"]) == 3 and len(norm["std"]) == 3
    assert json.loads(json.dumps(ds.preprocessing)) == ds.preprocessing
    raw = load_dataset("shapes?n=700&color=1")
    mean = raw.x.mean(axis=(0, 2, 3), dtype=np.float64)
    np.testing.assert_allclose(norm["mean"], mean, rtol=1e-5)
    assert load_dataset("shapes?n=70&normalize=none").preprocessing == {}


def test_recorded_preprocessing_is_applied_not_recomputed():
    train = load_dataset("shapes?n=700&normalize=standard", seed=0)
    record = json.loads(json.dumps(train.preprocessing))  # as a model file keeps it
    other = load_dataset("shapes?n=70", seed=9, preprocessing=record)
    raw = load_dataset("shapes?n=70", seed=9).x
    mean, std = record["normalize"]["mean"][0], record["normalize"]["std"][0]
    np.testing.assert_allclose(other.x, (raw - np.float32(mean)) / np.float32(std), atol=1e-6)
    assert other.preprocessing == train.preprocessing
    same = load_dataset("shapes?n=70&normalize=standard", seed=9, preprocessing=record)
    np.testing.assert_array_equal(same.x, other.x)  # the record's numbers, not this data's
    assert not np.allclose(same.x, load_dataset("shapes?n=70&normalize=standard", seed=9).x)
    off = load_dataset("shapes?n=70&normalize=none", seed=9, preprocessing=record)
    np.testing.assert_array_equal(off.x, raw)
    # the record's size is used when the DATA string gives none
    small = load_dataset("digits:16")
    again = load_dataset("digits", preprocessing=small.preprocessing)
    assert again.x.shape == (1797, 1, 16, 16)
    np.testing.assert_allclose(again.x, small.x, atol=1e-6)
    # records without resize or normalize change nothing
    np.testing.assert_array_equal(load_dataset("digits", preprocessing={"scale": 1 / 16}).x,
                                  load_dataset("digits").x)


def test_resize_option(tmp_path):
    images, labels = mnist_like(6)
    (tmp_path / "i").write_bytes(idx_bytes(images))
    (tmp_path / "l").write_bytes(idx_bytes(labels))
    ds = load_dataset(f"idx:{tmp_path / 'i'},{tmp_path / 'l'}?resize=14&normalize=standard")
    assert ds.x.shape == (6, 1, 14, 14)
    assert ds.source.endswith("?resize=14&normalize=standard")
    assert ds.preprocessing["resize"] == 14 and ds.preprocessing["scale"] == 1 / 255
    np.testing.assert_array_equal(load_dataset(ds.source).x, ds.x)
    big = load_dataset("shapes:16?n=14&resize=32")
    assert big.x.shape == (14, 1, 32, 32) and big.source == "shapes:16?n=14&resize=32"


def test_preprocessing_errors():
    colour = load_dataset("shapes?n=70&color=1&normalize=standard").preprocessing
    cases = [
        ("shapes?n=70", colour, "3 channel"),
        ("shapes?n=70&normalize=standard", {"scale": 1.0}, "trained without normalize"),
        ("shapes?n=70", {"normalize": {"mean": [0.1]}}, "bad 'normalize'"),
        ("shapes?n=70", {"normalize": {"mean": [0.1], "std": [0.0]}}, "std above 0"),
        ("shapes?n=70", {"resize": "big"}, "bad 'resize'"),
        ("shapes?n=70", [1, 2], "must be a dict"),
        ("shapes?resize=2", None, "between 4 and 512"),
        ("shapes?normalize=minmax", None, "standard, none"),
        ("digits?normalize=z", None, "standard, none"),
    ]
    for spec, record, words in cases:
        with pytest.raises(DataError, match=words):
            load_dataset(spec, preprocessing=record)


# ================================================================ names and syntax

def test_parse_paths_with_question_marks():
    assert parse_spec("folder:/data/what?/x?size=8") == ("folder", "/data/what?/x", {"size": "8"})
    assert parse_spec("folder:/data/what?x") == ("folder", "/data/what?x", {})
    assert parse_spec("idx:a,b?resize=8") == ("idx", "a,b", {"resize": "8"})


def test_available_lists_image_sources():
    entries = {e["name"]: e for e in available()}
    for name in ("shapes", "mnist", "fashion-mnist", "idx", "folder"):
        assert entries[name]["task"] == "classification"
        assert "normalize" in entries[name]["options"]
    with pytest.raises(DataError, match="folder:"):
        load_dataset(str(Path(__file__).parent))  # a bare folder path gets a hint
