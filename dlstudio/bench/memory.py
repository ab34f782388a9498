"""Peak memory of a training run, measured in a fresh interpreter (`dlstudio bench --memory`).

The child generates random 8-bit images and integer labels, held as the image loaders hold
them (uint8 pixels in a ScaledImages, divided by 255 batch by batch), builds a preset's model and a
Trainer (the engine's data path: no validation split, Adam), trains a fixed number of batches,
evaluates a fifth of the set as an epoch's end does with a validation split, and prints one JSON
line: its peak resident set (VmHWM of /proc/self/status, or ru_maxrss
where /proc is missing) and the resident set after each stage, so a peak can be traced to the
stage that made it. The parent runs it with `python -m dlstudio.bench.memory`.
"""
from __future__ import annotations

import json
import subprocess
import sys

# (case name, preset, sample shape, images, batch, batches, goal in MB)
MEMORY_CASES = (
    ("lenet5_memory", "lenet5", (1, 28, 28), 60_000, 32, 100, 300),
    ("resnet_memory", "resnet", (3, 32, 32), 50_000, 64, 10, 1000),
)


def _status_mb(field: str) -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024          # kB → MB
    except OSError:
        pass
    return None


def _peak_mb() -> float:
    hwm = _status_mb("VmHWM")
    if hwm is not None:
        return hwm
    import resource
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024 if sys.platform == "darwin" else 1024)   # bytes on macOS, kB on Linux


def child(preset: str, shape: tuple, n: int, batch: int, batches: int) -> dict:
    """Train `batches` batches of `preset` on `n` random images of `shape`; the memory figures."""
    stages = {"start": _status_mb("VmRSS")}
    import numpy as np
    from ..engine.model import Model
    from ..engine.trainer import TrainConfig, Trainer, evaluate_metrics
    from ..data.scaled import ScaledImages
    from ..zoo import build_preset
    stages["imports"] = _status_mb("VmRSS")
    rng = np.random.default_rng(0)
    x = ScaledImages(rng.integers(0, 256, (n, *shape), dtype=np.uint8), 255)
    y = rng.integers(0, 10, n)
    stages["data"] = _status_mb("VmRSS")
    model = Model(build_preset(preset, shape, 10)[0], seed=0)
    stages["model"] = _status_mb("VmRSS")
    trainer = Trainer(model, x, y, TrainConfig(batch_size=batch, epochs=1, val_split=0.0))
    stages["trainer"] = _status_mb("VmRSS")
    done = [0]

    def stop_after(event: dict) -> None:
        if event["event"] == "batch":
            done[0] += 1
            if done[0] >= batches:
                trainer.stop()
    trainer.callbacks.append(stop_after)
    trainer.run(1)
    stages["trained"] = _status_mb("VmRSS")
    evaluate_metrics(model, x.select(slice(0, n // 5 or 1)), y[:n // 5 or 1], "cross_entropy")
    stages["evaluated"] = _status_mb("VmRSS")
    return {"peak_mb": round(_peak_mb(), 1), "batches": done[0], "data_mb": round(x.nbytes / 2**20, 1),
            "data_dtype": str(x.raw.dtype),
            "stages_mb": {k: (round(v, 1) if v is not None else None) for k, v in stages.items()},
            "torch_loaded": "torch" in sys.modules}


def measure(preset: str, shape: tuple, n: int, batch: int, batches: int, timeout: float = 900.0) -> dict:
    """Run `child` in a fresh interpreter and return its figures."""
    if n < 1 or batch < 1 or batches < 1:
        raise ValueError(f"images, batch and batches must be positive, got {n}, {batch}, {batches}")
    args = [sys.executable, "-m", "dlstudio.bench.memory", preset, ",".join(map(str, shape)),
            str(n), str(batch), str(batches)]
    out = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(f"the memory measurement of {preset} failed: {out.stderr.strip()[-800:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def memory_cases() -> list[dict]:
    """Both memory cases: LeNet-5 on 60,000 1×28×28 images, the small ResNet on 50,000 3×32×32."""
    results = []
    for name, preset, shape, n, batch, batches, goal in MEMORY_CASES:
        r = measure(preset, shape, n, batch, batches)
        results.append({"case": name, "preset": preset, "shape": list(shape), "images": n, "batch": batch,
                        "unit": "MB", "goal_mb": goal, **r})
    return results


if __name__ == "__main__":
    p, s, count, b, nb = sys.argv[1:6]
    print(json.dumps(child(p, tuple(int(v) for v in s.split(",")), int(count), int(b), int(nb))))
