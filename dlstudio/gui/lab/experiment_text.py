"""An experiment's runs in a few words, for the Experiments page's table."""
from __future__ import annotations

import os


def describe_network(net: dict | None) -> str:
    """A run's network entry in a few words: "preset mlp", "Dense 64 → ReLU → Dense outputs"."""
    if not net:
        return "—"
    kind, value = next(iter(net.items()))
    if kind == "preset":
        return f"preset {value}"
    if kind == "file":
        return f"file {os.path.basename(str(value))}"
    if kind == "document":
        nodes = value.get("nodes", []) if isinstance(value, dict) else []
        return f"{value.get('name') or 'network'} ({len(nodes)} nodes)" if isinstance(value, dict) else "network"
    parts = []
    for item in value:
        params = item[1] if len(item) > 1 else {}
        main = next((params[k] for k in ("units", "filters", "rate", "alpha", "pool_size") if k in params), None)
        parts.append(item[0] if main is None else f"{item[0]} {main}")
    return " → ".join(parts)


def describe_settings(settings: dict) -> str:
    """A run's training settings in one line: "adam, lr 0.01, batch 32, 40 epochs"."""
    s = dict(settings)
    out = [str(s.pop("optimizer", "adam"))]
    lr = s.pop("lr", None)
    out.append(f"lr {lr:g}" if isinstance(lr, (int, float)) else "default lr")
    for k, v in (s.pop("hyper", None) or {}).items():
        out.append(f"{k} {v:g}" if isinstance(v, float) else f"{k} {v}")
    b = s.pop("batch_size", None)
    if b is not None:
        out.append("full batch" if b == "full" else f"batch {b}")
    e = s.pop("epochs", None)
    if e is not None:
        out.append(f"{e} epoch{'s' if e != 1 else ''}")
    loss = s.pop("loss", None)
    if loss:
        out.append(str(loss))
    clip = s.pop("clip_norm", None)
    if clip:
        out.append(f"clip {clip:g}")
    out += [f"{k} {v}" for k, v in s.items() if v is not None]
    return ", ".join(out)
