"""Training settings a network starts with: its preset's defaults and data that fit its input."""
from __future__ import annotations

from dlstudio.engine.trainer import TrainConfig

_PRESET_NAMES: dict = {}


def suggest_spec(name: str, input_shape: tuple | None) -> str:
    """A DATA string for `name` shaped for the network's input where the source can adapt."""
    s = tuple(input_shape or ())
    if name in ("digits", "shapes") and len(s) == 3 and s[0] == 1 and s[1] == s[2]:
        lo = 8 if name == "digits" else 16
        if lo <= s[1] <= 64 and not (name == "digits" and s[1] == 8):
            return f"{name}:{s[1]}"
    if name == "digits-seq" and len(s) == 2 and s[0] == s[1] and 8 < s[0] <= 64:
        return f"digits-seq?size={s[0]}"
    if name == "adding" and len(s) == 2 and s[1] == 2 and s[0] != 50:
        return f"adding:{s[0]}"
    if name == "sine" and len(s) == 2 and s[1] == 1 and s[0] != 50:
        return f"sine?length={s[0]}"
    return name


def preset_for(network):
    """The preset this network was built from (matched by name), or None."""
    from dlstudio.zoo import PRESETS
    if not _PRESET_NAMES:
        for p in PRESETS.values():
            for shape in ([p.default_shape] if p.default_shape else []) + [(1, 28, 28), (50, 2), (2,)]:
                try:
                    _PRESET_NAMES[p.build(tuple(shape), p.default_outputs or 10).name] = p
                    break
                except Exception:  # a preset that does not take this shape: try the next
                    continue
    return _PRESET_NAMES.get(network.name)


def preset_config(preset, loss: str) -> TrainConfig:
    d = preset.defaults
    return TrainConfig(loss=loss, optimizer=d.get("optimizer", "adam"), hyper=dict(d.get("hyper", {})),
                       batch_size=d.get("batch_size", 32), epochs=d.get("epochs", 10), seed=0,
                       clip_norm=d.get("clip_norm"))


def data_for(network, shape: tuple) -> str | None:
    """The data a network trains on by default: its preset's, shaped for it, or one that fits."""
    p = preset_for(network)
    if p is not None and p.default_data:
        name = p.default_data.split(":")[0].split("?")[0]
        if _kind_fits(name, tuple(shape or ())):
            spec = suggest_spec(name, shape)
            arg = p.default_data.split(":", 1)[1].split("?")[0] if ":" in p.default_data else ""
            if spec == name and arg.isdigit() and int(arg) in tuple(shape or ()):
                spec = p.default_data
            return spec
    return default_spec(shape)


def _kind_fits(name: str, s: tuple) -> bool:
    if name in ("digits", "shapes", "mnist", "fashion-mnist"):
        return len(s) == 3
    if name in ("adding", "sine"):
        return len(s) == 2 and s[1] == (2 if name == "adding" else 1)
    if name == "digits-seq":
        return len(s) == 2 and s[0] == s[1]
    return s == (2,)


def default_spec(shape: tuple) -> str | None:
    """A data set that fits a network's input shape, for a first run."""
    s = tuple(shape or ())
    if len(s) == 3 and s[1] == s[2]:
        if s[0] == 1:
            return suggest_spec("digits" if 8 <= s[1] <= 64 else "shapes", s)
        if s[0] == 3 and 16 <= s[1] <= 64:
            return f"shapes:{s[1]}?color=1"
    if len(s) == 2:
        if s[1] == 2:
            return suggest_spec("adding", s)
        if s[1] == 1:
            return suggest_spec("sine", s)
        if s[0] == s[1]:
            return suggest_spec("digits-seq", s)
    if s == (2,):
        return "spirals"
    return None
