"""Test configuration: headless Qt, and one Numba cache shared by the whole session."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
