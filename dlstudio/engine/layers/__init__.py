"""Engine layer implementations; importing this package registers them."""
from . import activation, conv, core, merge, norm, pool  # noqa: F401
from . import recurrent  # noqa: F401
from .base import ENGINE_LAYERS, Layer, engine_layer

__all__ = ["ENGINE_LAYERS", "Layer", "engine_layer"]
