"""dlstudio — build neural networks visually and train them on a Numba-compiled CPU engine."""

import os as _os

__version__ = "0.1.0"

# The engine parallelises with Numba's thread pool. OpenBLAS's own threads busy-wait after
# every call and starve Numba's on small machines (LeNet-5 trained 5× slower with both pools
# on 2 cores), so BLAS runs single-threaded unless the user says otherwise. This must happen
# before NumPy loads OpenBLAS; engine/config.py covers the case where it was loaded earlier.
_os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
