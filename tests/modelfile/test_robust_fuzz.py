"""Issue 15: a fixed-seed corpus of 300 mutants of a small network document and a small .dls (made
by benchmarks/fuzz_files.py) each ends in DocumentError / ModelFileError or a correct load — never
another exception. The larger run: `python benchmarks/fuzz_files.py --n 5000`."""
from __future__ import annotations

import importlib.util
from pathlib import Path


def _fuzz_module():
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz_files.py"
    spec = importlib.util.spec_from_file_location("dls_fuzz_files", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fuzzed_documents_and_model_files_end_in_the_documented_error():
    counts, failures = _fuzz_module().run(300, seed=15)
    assert not failures, failures[0]
    assert sum(counts.values()) == 300
    for kind in ("document", "dls"):       # the corpus reaches both outcomes of both loaders
        assert counts[f"{kind} refused"] > 10, counts
    assert counts["document analysed"] > 5 and counts["dls loaded"] > 5, counts
