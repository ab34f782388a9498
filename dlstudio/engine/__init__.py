"""The Numba-compiled CPU engine: layers, losses, optimizers, the compiled model, the trainer.

Never imports Qt.
"""
from . import config  # noqa: F401  (sets the Numba cache dir before numba is imported)
