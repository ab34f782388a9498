"""Presets: functions that return network documents, adapted to the data they will train on."""
from .presets import PRESETS, Preset, build_preset, preset_names

__all__ = ["PRESETS", "Preset", "build_preset", "preset_names"]
