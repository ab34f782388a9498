"""Median of several `dlstudio bench --json` runs, case by case.

    for i in 1 2 3; do dlstudio bench --json > run$i.jsonl; done
    python benchmarks/median.py run1.jsonl run2.jsonl run3.jsonl            # a Markdown table
    python benchmarks/median.py run*.jsonl --json > median.jsonl            # or JSON lines

A case row is matched across runs by its case name, batch and shape (and filters / sequence
sizes where it has them). Rates, ratios and peak shares are each the median over the runs; the
table also shows the lowest and highest ratio, since this machine's speed drifts between runs.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys

KEY_FIELDS = ("case", "batch", "shape", "filters", "kernel", "seq", "features", "hidden")
VALUE_FIELDS = ("dlstudio", "torch", "ratio", "gflops", "torch_gflops", "share", "torch_share",
                "peak_gflops", "fma_share", "fma_gflops")


def key(row: dict) -> str:
    return json.dumps({k: row[k] for k in KEY_FIELDS if k in row}, sort_keys=True)


def medians(paths: list[str]) -> list[dict]:
    runs: dict[str, list[dict]] = {}
    order: list[str] = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line.startswith("{"):
                    continue
                row = json.loads(line)
                if "case" not in row:
                    continue
                k = key(row)
                if k not in runs:
                    runs[k] = []
                    order.append(k)
                runs[k].append(row)
    out = []
    for k in order:
        rows = runs[k]
        m = {f: rows[0][f] for f in KEY_FIELDS + ("unit",) if f in rows[0]}
        m["runs"] = len(rows)
        for f in VALUE_FIELDS:
            vals = [r[f] for r in rows if r.get(f) is not None]
            if vals:
                m[f] = round(statistics.median(vals), 3)
        ratios = [r["ratio"] for r in rows if r.get("ratio") is not None]
        if ratios:
            m["ratio_min"], m["ratio_max"] = min(ratios), max(ratios)
        out.append(m)
    return out


def table(rows: list[dict]) -> str:
    lines = ["| case | batch | dlstudio | PyTorch | ratio (median) | ratio range | runs |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        unit = r.get("unit", "")
        lines.append(f"| `{r['case']}` {r.get('shape', '')} | {r.get('batch', '')} | "
                     f"{r.get('dlstudio', '')} {unit} | {r.get('torch', '–')} | "
                     f"{r.get('ratio', '–')}× | {r.get('ratio_min', '–')}–{r.get('ratio_max', '–')} | {r['runs']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", help="outputs of `dlstudio bench --json`")
    ap.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    args = ap.parse_args(argv)
    try:
        rows = medians(args.files)
    except (OSError, ValueError) as e:    # a missing file, or a line that is not JSON
        print(f"cannot read the benchmark runs: {e}", file=sys.stderr)
        return 1
    if not rows:
        print("no benchmark rows in " + ", ".join(args.files), file=sys.stderr)
        return 1
    print("\n".join(json.dumps(r) for r in rows) if args.json else table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
