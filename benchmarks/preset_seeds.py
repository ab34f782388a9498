"""Seed sweep: every preset trained with its defaults on its default data (the MLP on spirals), once per seed, against
the figure the documentation promises for it (docs/presets.md, "Every seed").

    python benchmarks/preset_seeds.py --seeds 10                  # every preset (the CNNs take long)
    python benchmarks/preset_seeds.py --seeds 10 --preset mlp --preset lstm
    python benchmarks/preset_seeds.py --seeds 3 --first-seed 7 --json

`--seed S` of `dlstudio train` seeds the data (procedural sets), the split, the initialisation and
the batch order; this runs exactly `dlstudio train PRESET --data DATA --seed S`. Prints one line
per run, then per preset the worst, mean and best figure and how many seeds met the promise. The
exit status is 1 when a seed misses it.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))   # run from a checkout
from dlstudio.run import prepare
from dlstudio.zoo.presets import PRESETS

# The data each preset's promise is about: its default data, except the MLP's (README: `spirals`).
DATA = {"mlp": "spirals"}
# preset -> (metric of the last epoch, "min" (at least) or "max" (at most), documented bound)
PROMISES = {
    "mlp": ("val_accuracy", "min", 0.98),
    "lenet5": ("val_accuracy", "min", 0.97),
    "alexnet": ("val_accuracy", "min", 0.95),
    "inception": ("val_accuracy", "min", 0.95),
    "resnet": ("val_accuracy", "min", 0.95),
    "rnn": ("val_loss", "min", 0.01),         # the plain RNN does not bridge 50 steps as the LSTM does
    "lstm": ("val_loss", "max", 0.01),
    "lstm-stacked": ("val_accuracy", "min", 0.95),
}


def train_once(preset: str, seed: int) -> tuple[float, float]:
    """(the promised metric after the last epoch, seconds) for one seed."""
    t = time.perf_counter()
    run = prepare(preset, data_of(preset), seed=seed)
    run.trainer.run(run.config.epochs)
    last = run.trainer.history["epochs"][-1]
    return float(last[PROMISES[preset][0]]), time.perf_counter() - t


def data_of(preset: str) -> str:
    return DATA.get(preset) or PRESETS[preset].default_data


def kept(preset: str, value: float) -> bool:
    _, side, bound = PROMISES[preset]
    return value >= bound if side == "min" else value <= bound


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, default=10, help="number of seeds (default 10)")
    ap.add_argument("--first-seed", type=int, default=0)
    ap.add_argument("--preset", action="append", choices=sorted(PROMISES),
                    help="preset to sweep (repeatable; default: all of them)")
    ap.add_argument("--json", action="store_true", help="one JSON object per run and per preset")
    args = ap.parse_args(argv)
    if args.seeds < 1:
        ap.error("--seeds must be at least 1")
    failed = False
    for preset in args.preset or list(PROMISES):
        metric, side, bound = PROMISES[preset]
        values = []
        for seed in range(args.first_seed, args.first_seed + args.seeds):
            value, seconds = train_once(preset, seed)
            values.append(value)
            line = {"preset": preset, "seed": seed, metric: round(value, 5), "kept": kept(preset, value),
                    "seconds": round(seconds, 1)}
            print(json.dumps(line) if args.json else
                  f"{preset:13s} seed {seed:3d}  {metric} {value:.4f}  {seconds:6.1f} s", flush=True)
        ok = sum(kept(preset, v) for v in values)
        failed |= ok < len(values)
        summary = {"preset": preset, "data": data_of(preset), "metric": metric,
                   "promise": f"{'>=' if side == 'min' else '<='} {bound}", "seeds": len(values), "kept": ok,
                   "min": round(min(values), 5), "mean": round(sum(values) / len(values), 5),
                   "max": round(max(values), 5)}
        print(json.dumps(summary) if args.json else
              f"== {preset} on {summary['data']}: {metric} min {summary['min']:.4f} mean {summary['mean']:.4f} "
              f"max {summary['max']:.4f}; {summary['promise']} on {ok}/{len(values)} seeds", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
