"""``text:PATH`` — character-level next-character prediction from a UTF-8 text file.

Every window of ``seq_len`` characters is one sample, one-hot encoded over the file's
vocabulary; its target is the index of the character that follows the window.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import numpy as np

from ..i18n import tr
from .dataset import DataError, Dataset
from .options import whole_number

MAX_VOCAB = 256               # at most this many distinct characters, placeholder included
PLACEHOLDER = "\ufffd"        # the rarer characters beyond MAX_VOCAB become this one
MAX_ONEHOT_BYTES = 512 * 2**20  # x is N * seq_len * V float32 values: keep it under 512 MiB
MAX_FILE_BYTES = 64 * 2**20   # read at most this much of a file (see max_chars for more)
MAX_SEQ_LEN = 10_000
MAX_CHARS = MAX_FILE_BYTES // 4  # a UTF-8 character takes at most 4 bytes
DEFAULT_SEQ_LEN = 32




def _resolve(path) -> Path:
    if path is None or not str(path).strip():
        raise DataError(tr("text: needs a file path, e.g. text:books/poems.txt"))
    p = Path(str(path).strip()).expanduser().resolve()
    if not p.exists():
        raise DataError(tr("text file not found: {p}. Check the path (relative paths are resolved from "
                           "the current folder)").format(p=p))
    if not p.is_file():
        raise DataError(tr("text path is not a file: {p}").format(p=p))
    return p


def read_text(p: Path, max_chars: int | None = None) -> str:
    """The file's characters: UTF-8 (a leading byte-order mark is dropped), CRLF and CR line
    ends turned into LF, at most ``max_chars`` characters from the start."""
    limit = MAX_FILE_BYTES if max_chars is None else 4 * max_chars + 4
    size = p.stat().st_size
    if max_chars is None and size > MAX_FILE_BYTES:
        raise DataError(tr("{p} is {mib:.0f} MiB; text: reads at most {max_mib} MiB. "
                           "Use a shorter file, or only its start with ?chars=N").format(
                            p=p, mib=size / 2 ** 20, max_mib=MAX_FILE_BYTES // 2 ** 20))
    with open(p, "rb") as f:
        raw = f.read(limit)
    if not raw:
        raise DataError(tr("{p} is empty; text: needs a UTF-8 text file with some characters").format(p=p))
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise DataError(tr("{p} looks like a binary file, not text: it contains a NUL byte at byte "
                           "offset {nul}. text: needs a UTF-8 text file").format(p=p, nul=nul))
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:  # final only when the whole file was read: a cut may split the last character
        chars = decoder.decode(raw, final=len(raw) >= size)
    except UnicodeDecodeError as exc:
        raise DataError(tr("{p} is not UTF-8 text: invalid byte 0x{byte:02x} at byte offset {start} "
                           "(a binary file, or text in another encoding; save it as UTF-8)").format(
                            p=p, byte=raw[exc.start], start=exc.start)) from None
    if chars.startswith("\ufeff"):
        chars = chars[1:]
    chars = chars.replace("\r\n", "\n").replace("\r", "\n")
    return chars if max_chars is None else chars[:max_chars]


def vocabulary(chars: str) -> tuple[list[str], bool]:
    """Sorted distinct characters; beyond MAX_VOCAB, the most frequent MAX_VOCAB - 1 are kept
    (ties: lower code point first) and the rest share PLACEHOLDER. Returns (vocab, capped)."""
    codes = np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32)
    distinct, counts = np.unique(codes, return_counts=True)
    if len(distinct) <= MAX_VOCAB:
        return [chr(c) for c in distinct], False
    order = np.lexsort((distinct, -counts))  # by count descending, then code point
    keep = {chr(c) for c in distinct[order[:MAX_VOCAB - 1]]} | {PLACEHOLDER}
    return sorted(keep), True


def encode(chars: str, vocab: list[str]) -> np.ndarray:
    """int64 index of every character in ``vocab`` (characters not in it: the placeholder)."""
    codes = np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32)
    vocab_codes = np.array([ord(c) for c in vocab], dtype=np.uint32)
    idx = np.searchsorted(vocab_codes, codes)
    idx = np.minimum(idx, len(vocab) - 1)
    missing = vocab_codes[idx] != codes
    if missing.any():
        idx[missing] = vocab.index(PLACEHOLDER)
    return idx.astype(np.int64)


def text(path, seq_len: int = DEFAULT_SEQ_LEN, step: int | None = None,
         max_chars: int | None = None) -> Dataset:
    """Next-character prediction from a UTF-8 text file.

    Windows of ``seq_len`` characters start every ``step`` characters (default: ``seq_len``,
    so windows do not overlap); x is float32 (N, seq_len, V) one-hot, y int64 (N,) the index
    of the character after each window, classes the V characters. ``max_chars`` uses only the
    start of the file.
    """
    seq_len = whole_number(seq_len, tr("the text window length len"), 1, MAX_SEQ_LEN)
    step = seq_len if step is None else whole_number(step, tr("the text window step"), 1, MAX_CHARS)
    if max_chars is not None:
        max_chars = whole_number(max_chars, tr("the number of characters chars"), 2, MAX_CHARS)
    p = _resolve(path)
    chars = read_text(p, max_chars)
    if len(chars) < seq_len + 1:
        raise DataError(tr("{p} has {n_chars} characters, too few for windows of {seq_len} and the "
                           "character after them (need at least {need}); use a longer text or a "
                           "shorter window with ?len=").format(
                            p=p, n_chars=len(chars), seq_len=seq_len, need=seq_len + 1))
    vocab, capped = vocabulary(chars)
    v = len(vocab)
    n = (len(chars) - seq_len - 1) // step + 1
    need = n * seq_len * v * 4
    if need > MAX_ONEHOT_BYTES:
        raise DataError(
            tr("{p} would give a one-hot input of {n:,} windows x {seq_len} characters x {v} symbols = "
               "{need_mib:,.0f} MiB, over the {max_mib} MiB limit. Use a shorter file, a "
               "shorter window (?len=), a larger step (?step=) or only the start of the file (?chars=)").format(
                p=p, n=n, seq_len=seq_len, v=v, need_mib=need / 2 ** 20,
                max_mib=MAX_ONEHOT_BYTES // 2 ** 20))
    idx = encode(chars, vocab)
    starts = np.arange(n, dtype=np.int64) * step
    windows = idx[starts[:, None] + np.arange(seq_len)]
    x = np.zeros((n, seq_len, v), dtype=np.float32)
    np.put_along_axis(x, windows[:, :, None], np.float32(1.0), axis=2)
    y = idx[starts + seq_len]
    opts = []
    if seq_len != DEFAULT_SEQ_LEN:
        opts.append(f"len={seq_len}")
    if step != seq_len:
        opts.append(f"step={step}")
    if max_chars is not None:
        opts.append(f"chars={max_chars}")
    source = f"text:{p}" + ("?" + "&".join(opts) if opts else "")
    prep = {"vocab": "".join(vocab), "encoding": "one-hot", "seq_len": seq_len, "step": step,
            "chars": len(chars)}
    if capped:
        prep["placeholder"] = PLACEHOLDER
    return Dataset(name=p.name, source=source, x=x, y=y, task="classification",
                   classes=list(vocab), preprocessing=prep)
