"""dlstudio — build neural networks visually and train them on a Numba-compiled CPU engine."""

__version__ = "0.1.0"
