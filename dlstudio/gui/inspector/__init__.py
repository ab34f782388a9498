"""The inspector: a form generated from the selected layer's params schema."""
from .form import Inspector

__all__ = ["Inspector"]
