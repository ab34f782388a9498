"""Loading data sets in a background thread, with download progress and a small cache.

Generating or decoding a data set (or downloading MNIST the first time) can take seconds; it
runs in a thread of its own so the window stays responsive and shows progress. Loading uses
NumPy only (no parallel engine kernels), so it may overlap with training.
"""
from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, QThread, Signal, Slot

from dlstudio.data import DataError, load_dataset
from dlstudio.i18n import message

from ..i18n import tr

CACHE_SIZE = 4


class _Loader(QObject):
    sigProgress = Signal(int, int, int, str)     # token, done bytes, total bytes, file name
    sigDone = Signal(int, object, object)        # token, Dataset or None, error message (str or Text)

    @Slot(int, str, int, object)
    def load(self, token: int, spec: str, seed: int, preprocessing) -> None:
        try:
            ds = load_dataset(spec, seed=seed, preprocessing=preprocessing,
                              progress=lambda d, t, name: self.sigProgress.emit(token, d, t, name))
        except DataError as e:
            self.sigDone.emit(token, None, message(e))
        except Exception as e:  # a damaged file or an unexpected failure: say it, keep going
            self.sigDone.emit(token, None, tr("cannot load {spec}: {error}").format(spec=spec, error=e))
        else:
            self.sigDone.emit(token, ds, "")


class DataLoader(QObject):
    """`request(spec, seed, preprocessing)` loads in the background; `sigLoaded` / `sigFailed`
    answer the latest request only (earlier ones are dropped)."""
    sigLoading = Signal(str)                 # spec
    sigProgress = Signal(str)                # a progress message ("downloading mnist … 42 %")
    sigLoaded = Signal(object)               # Dataset
    sigFailed = Signal(str, object)          # spec, message (str, or a Text for `tr_text`)
    _sigLoad = Signal(int, str, int, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("dlstudio-data")
        self._loader = _Loader()
        self._loader.moveToThread(self._thread)
        self._sigLoad.connect(self._loader.load)
        self._loader.sigDone.connect(self._done)
        self._loader.sigProgress.connect(self._progress)
        self._thread.start()
        self._token = 0
        self._pending: dict[int, tuple] = {}
        self._cache: OrderedDict = OrderedDict()
        self.loading = False

    def request(self, spec: str, seed: int = 0, preprocessing: dict | None = None) -> None:
        key = (spec, seed, repr(preprocessing))
        self._token += 1
        if key in self._cache:
            self._cache.move_to_end(key)
            self.loading = False
            self.sigLoaded.emit(self._cache[key])
            return
        self._pending[self._token] = key
        self.loading = True
        self.sigLoading.emit(spec)
        self._sigLoad.emit(self._token, spec, seed, preprocessing)

    @Slot(int, int, int, str)
    def _progress(self, token: int, done: int, total: int, name: str) -> None:
        if token == self._token:
            pct = f"{100 * done / total:.0f} %" if total else f"{done / 1e6:.1f} MB"
            self.sigProgress.emit(tr("Downloading {name}… {progress}").format(name=name, progress=pct))

    @Slot(int, object, object)
    def _done(self, token: int, ds, error) -> None:
        key = self._pending.pop(token, None)
        if ds is not None and key is not None:
            self._cache[key] = ds
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        if token != self._token:
            return
        self.loading = False
        if ds is None:
            self.sigFailed.emit(key[0] if key else "", error)
        else:
            self.sigLoaded.emit(ds)

    def shutdown(self) -> None:
        self._thread.quit()
        self._thread.wait()
