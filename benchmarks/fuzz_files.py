"""Fuzz the loaders: fixed-seed mutants of a small valid network document and of a small .dls
(its JSON members edited, or its bytes flipped). Each must end in DocumentError / ModelFileError or
a correct load + analysis; anything else is listed and the exit status is 1.

    python benchmarks/fuzz_files.py --n 5000 [--seed 15] [--trained 200]

`--trained N` (issue 15 item 9) also makes N mutants of a .dls that dlstudio trained (its
training.json edited, or an optimizer array dropped, reshaped or replaced): each must be refused,
or load and then evaluate and train one epoch of a tiny set ending in success or a user error."""
from __future__ import annotations

import argparse
import collections
import contextlib
import io
import json
import os
import random
import sys
import tempfile
import traceback
import zipfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))   # run from a checkout
from dlstudio.io import ModelBundle, ModelFileError, load_model, save_model
from dlstudio.spec import Network
from dlstudio.spec.document import DocumentError
from dlstudio.summary import summary_rows

DOC = {"format": "dlstudio-network", "version": 1, "name": "s",
       "nodes": [{"id": "in", "type": "Input", "params": {"shape": [1, 6, 6]}},
                 {"id": "c", "type": "Conv2D", "params": {"filters": 2, "kernel_size": 3}},
                 {"id": "a", "type": "LeakyReLU", "params": {"alpha": 0.1}},
                 {"id": "f", "type": "Flatten"},
                 {"id": "d", "type": "Dense", "params": {"units": 3}}],
       "edges": [["in", "c"], ["c", "a"], ["a", "f"], ["f", "d"]]}
LEAVES = [None, True, 0, -1, 1, 3, 2 ** 40, 10 ** 20, 0.5, 1e308, "", "x", "in", "Dense", [], {},
          [1, 2], [[1, 2], [3]], {"a": 1}, "same", [0], [1, 1, 1, 1, 1]]
LITERALS = ["NaN", "Infinity", "1e400", "9" * 200, "[" * 500 + "]" * 500]


def mutate(rng: random.Random, value):
    if isinstance(value, dict) and value and rng.random() < 0.8:
        out, k = dict(value), rng.choice(list(value))
        if rng.random() < 0.15:
            del out[k]
        else:
            out[k] = mutate(rng, value[k])
        return out
    if isinstance(value, list) and value and rng.random() < 0.8:
        out, i = list(value), rng.randrange(len(value))
        out[i] = mutate(rng, out[i]) if rng.random() < 0.8 else rng.choice(LEAVES)
        return out
    return rng.choice(LEAVES)


def mutant_text(rng: random.Random, doc) -> str:
    for _ in range(rng.randint(1, 3)):
        doc = mutate(rng, doc)
    text = json.dumps(doc)
    if rng.random() < 0.2:           # a literal Python's json would not write
        text = text.replace("3", rng.choice(LITERALS), 1)
    return text


def check_document(text: str) -> str:
    try:
        net = Network.from_json(text)
    except DocumentError:
        return "refused"
    summary_rows(net)
    return "analysed"


def valid_dls(path: str) -> None:
    rng = np.random.default_rng(0)
    weights = {"c.kernel": rng.standard_normal((2, 1, 3, 3)).astype(np.float32), "c.bias": np.zeros(2, np.float32),
               "d.kernel": rng.standard_normal((32, 3)).astype(np.float32), "d.bias": np.zeros(3, np.float32)}
    save_model(path, ModelBundle(DOC, weights, training={"config": {"lr": 0.1, "epochs": 2}},
                                 history={"batches": [1.0, 0.5]}))


def check_dls(rng: random.Random, src: str, dst: str) -> str:
    with zipfile.ZipFile(src) as z:
        members = {n: z.read(n) for n in z.namelist()}
    name = rng.choice(sorted(members))
    if name.endswith(".json") and rng.random() < 0.8:
        members[name] = mutant_text(rng, json.loads(members[name])).encode()
    else:
        data = bytearray(members[name])
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        members[name] = bytes(data)
    with zipfile.ZipFile(dst, "w") as z:
        for n, d in members.items():
            z.writestr(n, d)
    try:
        bundle = load_model(dst)
    except ModelFileError:
        return "refused"
    summary_rows(Network.from_dict(bundle.network))
    return "loaded"


TRAIN_DATA = "spirals?n=90"


def trained_dls(path: str) -> None:
    from dlstudio.cli import main as cli
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli(["train", "mlp", "--data", TRAIN_DATA, "--epochs", "1", "--out", path]) == 0


def mutant_optimizer(rng: random.Random, data: bytes) -> bytes:
    arrays = dict(np.load(io.BytesIO(data)))
    key = rng.choice(sorted(arrays))
    how = rng.randrange(3)
    if how == 0:
        del arrays[key]
    elif how == 1:
        arrays[key] = arrays[key].reshape(-1)[: max(1, arrays[key].size // 2)]
    else:
        arrays[key] = np.full(arrays[key].shape, rng.choice([0.0, -1.0, 1e30]), arrays[key].dtype)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def check_trained(rng: random.Random, src: str, dst: str) -> str:
    """A mutant of a trained file: refused, or it evaluates and trains (a UserError, or a divergence
    from e.g. a learning rate of 10^20, is an answer)."""
    from dlstudio.cli import main as cli
    from dlstudio.engine.trainer import TrainingError
    from dlstudio.run import UserError, prepare
    with zipfile.ZipFile(src) as z:
        members = {n: z.read(n) for n in z.namelist()}
    if rng.random() < 0.75:
        members["training.json"] = mutant_text(rng, json.loads(members["training.json"])).encode()
    else:
        members["optimizer.npz"] = mutant_optimizer(rng, members["optimizer.npz"])
    with zipfile.ZipFile(dst, "w") as z:
        for n, d in members.items():
            z.writestr(n, d)
    try:
        load_model(dst)
    except ModelFileError:
        return "refused"
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        if cli(["evaluate", dst, "--data", TRAIN_DATA]) != 0:
            return "evaluate refused"
    try:
        run = prepare(dst, TRAIN_DATA)
    except UserError:
        return "train refused"
    try:
        run.trainer.run(1)
    except TrainingError:            # a divergence, reported as `dlstudio train` reports it
        return "train diverged"
    return "trained"


def run_trained(n: int, seed: int = 15) -> tuple[collections.Counter, list[str]]:
    rng = random.Random(seed)
    counts: collections.Counter = collections.Counter()
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = os.path.join(tmp, "trained.dls"), os.path.join(tmp, "m.dls")
        trained_dls(src)
        for i in range(n):
            try:
                outcome = check_trained(rng, src, dst)
            except Exception as e:       # noqa: BLE001 — the point is to catch anything else
                outcome = "FAILED"
                failures.append(f"trained #{i}: {type(e).__name__}: {e}\n{traceback.format_exc(limit=3)}")
            counts[f"trained {outcome}"] += 1
    return counts, failures


def run(n: int, seed: int = 15) -> tuple[collections.Counter, list[str]]:
    rng = random.Random(seed)
    counts: collections.Counter = collections.Counter()
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = os.path.join(tmp, "ok.dls"), os.path.join(tmp, "m.dls")
        valid_dls(src)
        for i in range(n):
            kind = "document" if i % 2 == 0 else "dls"
            try:
                outcome = check_document(mutant_text(rng, DOC)) if kind == "document" else check_dls(rng, src, dst)
            except Exception as e:       # noqa: BLE001 — the point is to catch anything else
                outcome = "FAILED"
                failures.append(f"{kind} #{i}: {type(e).__name__}: {e}\n{traceback.format_exc(limit=3)}")
            counts[f"{kind} {outcome}"] += 1
    return counts, failures


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--trained", type=int, default=0, help="mutants of a trained .dls, evaluated and trained")
    args = ap.parse_args(argv)
    counts, failures = run(args.n, args.seed)
    if args.trained:
        more, more_failures = run_trained(args.trained, args.seed)
        counts.update(more)
        failures += more_failures
    for k, v in sorted(counts.items()):
        print(f"{k:22} {v}")
    for f in failures[:20]:
        print(f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
