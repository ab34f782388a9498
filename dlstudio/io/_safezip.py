"""Defensive reading of zip containers and ``.npz`` archives from untrusted files.

Used by :mod:`dlstudio.io.modelfile`. Everything here assumes the bytes may be hostile: sizes
are capped from the zip directory *and* while bytes stream out, the directory itself is capped
before :mod:`zipfile` parses it, and ``.npy`` arrays are parsed by hand (header through numpy's
safe literal parser, data straight into a preallocated numeric array) so no pickle is ever
touched. Problems are raised as :class:`BadFile` with a message in user terms; the caller adds
the path and turns it into its public exception.
"""
from __future__ import annotations

import math
import struct
import tempfile
import zipfile

import numpy as np
from ..i18n import message, tr

CHUNK = 1 << 20                  # bytes per read
SPOOL_IN_MEMORY = 32 << 20       # npz members up to this size are spooled in memory, larger on disk
DIRECTORY_BYTES_PER_ENTRY = 400  # zip directory room allowed per array (fixed part, name, extras)
NPY_HEADER_MAX = 10_000          # bytes of an .npy header dict (numpy's own default limit)
_NPY_PREAMBLE = 6 + 2 + 4        # magic, version, header length (v2 width)

_EOCD = struct.Struct("<4s4H2LH")          # end of central directory record (22 bytes)
_EOCD64_LOCATOR = struct.Struct("<4sLQL")  # zip64 end of central directory locator (20 bytes)
_EOCD64 = struct.Struct("<4sQ2H2L4Q")      # zip64 end of central directory record (56 bytes)


class BadFile(Exception):
    """What is wrong with the file, in user terms (without the path)."""


def human_size(n: int) -> str:
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


class CappedReader:
    """A read-only stream that raises :class:`BadFile` as soon as more than `limit` bytes come out."""

    def __init__(self, raw, limit: int, too_big: str):
        self.raw, self.limit, self.too_big, self.count = raw, limit, too_big, 0

    def read(self, n: int | None = -1) -> bytes:
        room = self.limit - self.count
        if n is None or n < 0 or n > room:
            n = room + 1                 # one byte past the cap is enough to notice a breach
        data = self.raw.read(n)
        self.count += len(data)
        if self.count > self.limit:
            raise BadFile(self.too_big)
        return data


def read_capped(raw, limit: int, too_big: str) -> bytes:
    """All of `raw`, refusing to hold more than `limit` bytes."""
    reader, parts = CappedReader(raw, limit, too_big), []
    while chunk := reader.read(CHUNK):
        parts.append(chunk)
    return b"".join(parts)


def spool_capped(raw, limit: int, too_big: str):
    """Copy `raw` to a seekable temporary file (in memory while small), refusing more than `limit` bytes."""
    reader = CappedReader(raw, limit, too_big)
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)
    try:
        while chunk := reader.read(CHUNK):
            spool.write(chunk)
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    return spool


def _directory_extent(f) -> tuple[int, int] | None:
    """(entries, directory bytes) as the zip's end records state them — found the way zipfile
    finds them — or None when there is no end record (then zipfile itself refuses the file)."""
    f.seek(0, 2)
    size = f.tell()
    if size < _EOCD.size:
        return None
    f.seek(size - _EOCD.size)
    tail = f.read(_EOCD.size)
    if tail[:4] == b"PK\x05\x06" and tail[-2:] == b"\0\0":
        start = size - _EOCD.size
    else:                                             # an archive comment: search the last 64 KiB
        base = max(size - (1 << 16) - _EOCD.size, 0)
        f.seek(base)
        data = f.read()
        found = data.rfind(b"PK\x05\x06")
        if found < 0 or len(data) - found < _EOCD.size:
            return None
        tail, start = data[found:found + _EOCD.size], base + found
    fields = _EOCD.unpack(tail)
    entries, dir_bytes = fields[4], fields[5]
    loc = start - _EOCD64_LOCATOR.size
    if loc >= _EOCD64.size:                            # zip64: the real numbers live in its record
        f.seek(loc)
        if _EOCD64_LOCATOR.unpack(f.read(_EOCD64_LOCATOR.size))[0] == b"PK\x06\x07":
            f.seek(loc - _EOCD64.size)
            rec = _EOCD64.unpack(f.read(_EOCD64.size))
            if rec[0] == b"PK\x06\x06":
                entries, dir_bytes = rec[7], rec[8]
    return entries, dir_bytes


def open_zip(f, what: str, max_entries: int, max_dir_bytes: int, hint: str = "") -> zipfile.ZipFile:
    """Open a zip from a seekable binary file after checking that its directory is of sane size;
    refuses duplicate names, encryption and compression other than stored / deflated. `hint` is
    added to the message when the bytes are not a zip at all."""
    try:
        extent = _directory_extent(f)
        f.seek(0)
    except (OSError, ValueError, struct.error) as e:
        raise BadFile(tr("{what} is not a readable zip archive ({error}){hint}").format(
                          what=what, error=message(e), hint=hint)) from e
    if extent is not None and (extent[0] > max_entries or extent[1] > max_dir_bytes):
        raise BadFile(tr("{what} lists more entries than allowed (at most {max_entries})").format(
                          what=what, max_entries=max_entries))
    try:
        zf = zipfile.ZipFile(f)
    except Exception as e:            # zipfile raises many kinds on crafted input
        raise BadFile(tr("{what} is not a readable zip archive ({error}){hint}").format(
                          what=what, error=message(e), hint=hint)) from e
    try:
        infos = zf.infolist()
        if len(infos) > max_entries:
            raise BadFile(tr("{what} lists more entries than allowed (at most {max_entries})").format(
                              what=what, max_entries=max_entries))
        seen = set()
        for info in infos:
            if info.filename in seen:
                raise BadFile(tr("{what} holds {filename!r} twice").format(
                                  what=what, filename=info.filename))
            seen.add(info.filename)
            if info.flag_bits & 0x1:
                raise BadFile(tr("{what} holds an encrypted member {filename!r}").format(
                                  what=what, filename=info.filename))
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise BadFile(tr("{what} stores {filename!r} with a compression method dlstudio does "
                                 "not read (only stored and deflate are supported)").format(
                                  what=what, filename=info.filename))
    except BaseException:
        zf.close()
        raise
    return zf


def read_npz(f, what: str, budget: int, max_arrays: int) -> dict[str, np.ndarray]:
    """The numeric arrays of an .npz held in the seekable file `f`, by key.

    At most `budget` bytes of array data in all (checked against the directory before reading and
    enforced while reading); only float / int arrays; object arrays (pickles) are refused unread.
    """
    zf = open_zip(f, what, max_arrays, max_arrays * DIRECTORY_BYTES_PER_ENTRY + 65536)
    with zf:
        infos = zf.infolist()
        for info in infos:
            if not info.filename.endswith(".npy") or info.filename == ".npy":
                raise BadFile(tr("{what} holds {filename!r}, which is not an .npy array").format(
                                  what=what, filename=info.filename))
        if sum(info.file_size for info in infos) > budget:
            raise BadFile(tr("{what} unpacks to more than the {size} allowed").format(
                              what=what, size=human_size(budget)))
        arrays = {}
        for info in infos:
            key = info.filename[:-4]
            label = tr("{what}, array {key!r}").format(what=what, key=key)
            with zf.open(info) as raw:
                arrays[key] = read_npy(raw, info.file_size, label)
        return arrays


def read_npy(raw, size: int, what: str) -> np.ndarray:
    """One numeric array in .npy format from the stream `raw` that holds exactly `size` bytes."""
    reader = CappedReader(raw, min(size, _NPY_PREAMBLE + NPY_HEADER_MAX),
                          tr("{what} has an .npy header that is too large").format(what=what))
    try:
        version = np.lib.format.read_magic(reader)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(reader, max_header_size=NPY_HEADER_MAX)
        elif version == (2, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(reader, max_header_size=NPY_HEADER_MAX)
        else:
            raise BadFile(tr("{what} uses .npy format version {major}.{minor}, which "
                             "dlstudio does not read").format(
                              what=what, major=version[0], minor=version[1]))
    except BadFile:
        raise
    except Exception as e:            # numpy reports a bad header as ValueError (sometimes others)
        raise BadFile(tr("{what} is not a valid .npy array ({error})").format(
            what=what, error=message(e))) from e
    if dtype.hasobject:
        raise BadFile(tr("{what} holds Python objects (pickled data), which dlstudio never loads").format(
                          what=what))
    if dtype.fields is not None or dtype.subdtype is not None or dtype.kind not in "fiu":
        raise BadFile(tr("{what} holds {dtype} values; only float and integer arrays are allowed").format(
                          what=what, dtype=dtype))
    if not all(isinstance(d, int) and d >= 0 for d in shape):
        raise BadFile(tr("{what} has an invalid shape {shape!r}").format(what=what, shape=shape))
    nbytes = math.prod(shape) * dtype.itemsize
    if reader.count + nbytes != size:
        raise BadFile(tr("{what} is truncated or padded (its size does not match its shape {shape})").format(
                          what=what, shape=tuple(shape)))
    reader.limit, reader.too_big = size, tr("{what} holds more data than its shape {shape} needs").format(
        what=what, shape=tuple(shape))
    try:
        flat = np.empty(math.prod(shape), dtype=dtype)
    except ValueError as e:           # a shape numpy cannot represent
        raise BadFile(tr("{what} has an invalid shape {shape} ({error})").format(
                          what=what, shape=tuple(shape), error=message(e))) from e
    buf, pos = memoryview(flat.view(np.uint8)), 0
    while pos < nbytes:
        chunk = reader.read(min(CHUNK, nbytes - pos))
        if not chunk:
            raise BadFile(tr("{what} is truncated").format(what=what))
        buf[pos:pos + len(chunk)] = chunk
        pos += len(chunk)
    if reader.read(1):
        raise BadFile(tr("{what} holds more data than its shape {shape} needs").format(
                          what=what, shape=tuple(shape)))
    return flat.reshape(shape[::-1]).T if fortran else flat.reshape(shape)
