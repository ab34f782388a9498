"""Engine layer implementations; importing this package registers them."""
from . import activation, core  # noqa: F401
from .base import ENGINE_LAYERS, Layer, engine_layer

__all__ = ["ENGINE_LAYERS", "Layer", "engine_layer"]
