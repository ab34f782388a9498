"""Layer families; importing this package registers every type in the catalogue."""
from . import activation, conv, core, merge, norm, pool, recurrent  # noqa: F401
