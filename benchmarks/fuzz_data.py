"""Fuzz the data-file readers: mutants of small valid npz / idx / idx.gz / csv / image files
must each load or end in a DataError, never another exception.

    python benchmarks/fuzz_data.py --count 20000 --seed 1   # with dlstudio installed

Prints the outcome counts and every file that raised something else (kept in --keep DIR).
"""

from __future__ import annotations

import argparse
import gzip
import io
import shutil
import struct
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

import numpy as np
from PIL import Image

from dlstudio.data import DataError, load_dataset
from dlstudio.data.images import read_image


def seeds() -> dict[str, bytes]:
    rng = np.random.default_rng(0)
    x, y = rng.random((8, 3)), np.arange(8) % 2
    npz = io.BytesIO()
    np.savez(npz, x=x, y=y)
    img = rng.integers(0, 256, (6, 6, 3), dtype=np.uint8)
    out = {"npz": npz.getvalue(),
           "csv": "".join(f"{a:.3f},{b:.3f},{c}\n" for (a, b, _), c in zip(x, y)).encode()}
    for fmt in ("png", "jpeg", "gif", "bmp", "webp", "tiff"):
        buf = io.BytesIO()
        Image.fromarray(img).save(buf, fmt.upper())
        out[fmt] = buf.getvalue()
    grey = img[..., 0]
    idx = bytes([0, 0, 8, 3]) + struct.pack(">3I", 1, 6, 6) + grey.tobytes()
    out["idx"] = idx
    out["idxgz"] = gzip.compress(bytes([0, 0, 8, 1, 0, 0, 0, 1, 0]), mtime=0)
    return out


def mutate(data: bytes, rng) -> bytes:
    b = bytearray(data)
    for _ in range(int(rng.integers(1, 8))):
        i = int(rng.integers(len(b))) if b else 0
        op = int(rng.integers(5))
        if op == 0 and b:
            b[i] ^= 1 << int(rng.integers(8))
        elif op == 1:
            del b[i:i + int(rng.integers(1, 64))]
        elif op == 2:
            b[i:i] = rng.integers(0, 256, int(rng.integers(1, 16)), dtype=np.uint8).tobytes()
        elif op == 3 and len(b) > 4:
            j = min(i, len(b) - 4)
            b[j:j + 4] = struct.pack(">I", int(rng.choice([0, 1, 2**31, 2**32 - 1,
                                                            int(rng.integers(2**32))])))
        elif op == 4:
            b = b[:i]
    return bytes(b)


def run(count: int, seed: int, work: Path, keep: Path | None) -> int:
    rng = np.random.default_rng(seed)
    corpus = seeds()
    kinds = sorted(corpus)
    images = work / "images.idx"
    images.write_bytes(corpus["idx"])
    ok = errors = 0
    bad = []
    t = time.perf_counter()
    for n in range(count):
        kind = kinds[n % len(kinds)]
        p = work / f"m{n}.{kind}"
        p.write_bytes(mutate(corpus[kind], rng))
        try:
            if kind in ("npz", "csv"):
                load_dataset(f"{kind}:{p}")
            elif kind == "idx":
                load_dataset(f"idx:{p},{images}")
            elif kind == "idxgz":
                load_dataset(f"idx:{images},{p}")
            else:
                read_image(p)
            ok += 1
        except DataError:
            errors += 1
        except Exception:  # noqa: BLE001 - the point is to find these
            bad.append((p.name, traceback.format_exc(limit=3)))
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(p, keep / p.name)
        p.unlink()
    dt = time.perf_counter() - t
    print(f"{count} mutants in {dt:.1f} s: {ok} loaded, {errors} DataError, {len(bad)} other")
    for name, tb in bad[:20]:
        print(f"--- {name}\n{tb}")
    return 1 if bad else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="copy files raising other exceptions here")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")  # Pillow warns about every damaged TIFF tag
    with tempfile.TemporaryDirectory() as d:
        return run(args.count, args.seed, Path(d), args.keep)


if __name__ == "__main__":
    sys.exit(main())
