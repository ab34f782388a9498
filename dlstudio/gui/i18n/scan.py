"""Find the text a window shows, and the English words left in it (for the translation tests).

    texts = visible_texts(window)              # [(where, text), …] of every visible widget, menu,
                                               # tooltip, header, placeholder, plot title, axis, legend
    [(w, t, english_words(t)) for w, t in texts if english_words(t)]

An English word is a run of two or more Latin letters that is not on the allowlist: layer type
names (from the catalogue), loss / optimizer / activation code names, units, file extensions and
formula symbols. Single letters (x, y, W, b, t) are formula symbols and always allowed.
"""
from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

WORD = re.compile(r"[A-Za-z][A-Za-z]+")
TAG = re.compile(r"<[^>]*>|&[a-z]+;|&#\d+;")

#: always allowed: code names, units, formats, product names, symbols written in Latin letters
ALLOW = {
    # product, formats, extensions, libraries
    "dlstudio", "dls", "json", "csv", "npz", "png", "svg", "pdf", "onnx", "idx", "gz", "jpg", "jpeg",
    "bmp", "gif", "webp", "tiff", "txt", "py", "PyTorch", "torch", "torchrun", "ONNX", "Numba", "numpy",
    "NumPy", "Qt", "CPU", "GPU", "CUDA", "RSS", "MNIST", "CIFAR", "Netron", "onnxruntime", "pip",
    "install", "DLSTUDIO_LANG", "LANG", "English", "UCI", "Fashion", "UTF", "SVM", "AdaBoost",
    # code names of losses, optimizers, activations, metrics
    "SGD", "BGD", "MBGD", "Momentum", "Adagrad", "Adadelta", "RMSprop", "Adam", "MSE", "MAE", "BCE",
    "CrossEntropy", "BinaryCrossEntropy", "Huber", "ReLU", "LeakyReLU", "ELU", "PReLU", "Sigmoid",
    "Tanh", "tanh", "sigmoid", "relu", "softmax", "Softmax", "Softplus", "GELU", "Swish", "Linear",
    "logits", "argmax", "max", "min", "exp", "log", "ln", "sqrt", "sign", "mse", "mae",
    "sgd", "adam", "momentum", "rmsprop", "adagrad", "adadelta", "bgd", "mbgd", "lr", "eps",
    "FLOPs", "FLOP", "MACs", "MAC", "GFLOP", "GFLOPs", "AUC", "ROC", "RNN", "LSTM", "CNN", "MLP",
    "LeNet", "AlexNet", "Inception", "ResNet", "BN", "FC", "NaN", "nan", "inf", "Xavier", "Glorot",
    "Kaiming", "He", "Winograd", "torchvision", "omp", "tbb", "workqueue", "Nesterov", "Smooth", "Logistic", "Hinge", "im", "col", "GEMM", "BLAS", "Ctrl", "Shift", "Alt", "Del", "Esc",
    "Space", "Tab", "Enter", "Return", "Backspace", "PgUp", "PgDown", "Home", "End", "Meta", "Cmd",
    # units
    "ms", "px", "MB", "GB", "KB", "GiB", "MiB", "KiB", "Hz", "dB", "pt", "it", "fps",
    # formula symbols written as words
    "dL", "dw", "dx", "db", "dy", "dh", "dc", "Wx", "Wh", "Wf", "Wi", "Wo", "Wc", "bf", "bi", "bo", "bc",
    "ht", "ct", "xt", "vt", "mt", "gt", "st", "yt", "hT", "xT", "out", "len", "SxS", "HxW",
}


def code_names() -> set[str]:
    """Code names written as code: losses and optimizers (`binary_cross_entropy`, `adam`) and the
    data sources (`spirals`, `digits`, `fashion-mnist`)."""
    from dlstudio.data.registry import _known_names
    from dlstudio.engine.losses import LOSSES
    from dlstudio.engine.optimizers import OPTIMIZERS
    return set(LOSSES) | set(OPTIMIZERS) | set(_known_names())


def catalogue_names() -> set[str]:
    """Layer type names and data / preset code names, which stay in Latin script."""
    from dlstudio.spec.catalogue import all_types
    names = set(all_types())
    try:
        from dlstudio.zoo import PRESETS
        names |= set(PRESETS)
    except ImportError:  # pragma: no cover
        pass
    out = set()
    for name in names:
        out.add(name)
        out.update(WORD.findall(name))
    return out


def english_words(text: str, allow: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The English words in `text` (outside ALLOW, `allow` and the catalogue's names)."""
    plain = TAG.sub(" ", text or "")
    plain = re.sub(r"\(&\w\)", "", plain).replace("&&", "\0").replace("&", "").replace("\0", "&")  # accelerators
    plain = re.sub(r"\b[\w.-]+\.(?:json|dls|csv|npz|png|svg|pdf|onnx|py|gz|txt)\b", " ", plain)  # file names
    plain = _code_pattern().sub(" ", plain)
    plain = re.sub(r"'[\w.-]+'|`[^`]*`", " ", plain)                       # quoted code values: 'same'
    plain = re.sub(r"\b[A-Za-z_]+\d\w*", " ", plain)                       # names with digits: conv1, act2
    plain = re.sub(r"[?&]?\b[A-Za-z_]\w*=[\w.,-]*", " ", plain)          # options: ?normalize=standard
    plain = re.sub(r"https?://\S+", " ", plain)
    plain = re.sub(r"\S*[/\\]\S*", " ", plain)                      # paths
    known = ALLOW | set(allow) | _names()
    lower = {w.lower() for w in known}
    return [w for w in WORD.findall(plain) if w not in known and w.lower() not in lower]


_cache: dict[str, object] = {}


def _code_pattern() -> re.Pattern:
    if "code" not in _cache:
        names = sorted(code_names(), key=len, reverse=True)
        _cache["code"] = re.compile(r"(?<![A-Za-z_])(?:" + "|".join(map(re.escape, names)) + r")(?![A-Za-z_])")
    return _cache["code"]  # type: ignore[return-value]


def _names() -> set[str]:
    if "names" not in _cache:
        _cache["names"] = catalogue_names()
    return _cache["names"]  # type: ignore[return-value]


def _menu_texts(menu: QMenu, where: str, out: list) -> None:
    for act in menu.actions():
        if act.isSeparator() or not act.isVisible():
            continue
        out.append((f"{where} › menu", act.text()))
        if act.toolTip() and act.toolTip() != act.text().replace("&", ""):
            out.append((f"{where} › menu tooltip", act.toolTip()))
        if act.menu():
            _menu_texts(act.menu(), f"{where} › {act.text()}", out)


def _model_texts(view: QAbstractItemView, where: str, out: list) -> None:
    from PySide6.QtCore import QModelIndex, Qt
    model = view.model()
    if model is None:
        return
    root = QModelIndex()

    def columns(parent):
        try:
            return model.columnCount(parent)
        except TypeError:                    # a list model (its columnCount is private in PySide)
            return 1

    cols = min(columns(root), 50)
    for i in range(cols):
        v = model.headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(v, str):
            out.append((f"{where} header", v))
    budget = [2000]

    def walk(parent, depth):
        for r in range(min(model.rowCount(parent), 300)):
            for c in range(min(columns(parent), 50)):
                if budget[0] <= 0:
                    return
                budget[0] -= 1
                idx = model.index(r, c, parent)
                for role, name in ((Qt.ItemDataRole.DisplayRole, "item"),
                                   (Qt.ItemDataRole.ToolTipRole, "item tooltip")):
                    v = model.data(idx, role)
                    if isinstance(v, str) and v:
                        out.append((f"{where} {name}", v))
            if depth < 3:
                walk(model.index(r, 0, parent), depth + 1)

    walk(root, 0)


def _plot_texts(widget, where: str, out: list) -> None:
    """pyqtgraph: plot titles, axis labels, legend entries and text items."""
    import pyqtgraph as pg
    items = []
    if isinstance(widget, pg.PlotWidget):
        items = [widget.getPlotItem()]
    elif isinstance(widget, pg.GraphicsLayoutWidget):
        items = [i for i in widget.ci.items if isinstance(i, pg.PlotItem)]
    elif isinstance(widget, pg.GraphicsView) and widget.scene() is not None:
        items = [i for i in widget.scene().items() if isinstance(i, pg.PlotItem)]
    for plot in items:
        if not plot.isVisible():
            continue
        if plot.titleLabel.isVisible() and plot.titleLabel.text:
            out.append((f"{where} plot title", plot.titleLabel.text))
        for name in ("left", "bottom", "right", "top"):
            axis = plot.getAxis(name) if name in plot.axes else None
            if axis is not None and axis.isVisible() and axis.labelText:
                out.append((f"{where} axis", axis.labelText))
        legend = plot.legend
        if legend is not None and legend.isVisible():
            for _sample, label in legend.items:
                out.append((f"{where} legend", label.text))
        for item in plot.items:
            if isinstance(item, pg.TextItem) and item.isVisible():
                out.append((f"{where} text", item.toPlainText()))
    if widget.scene() is not None:
        for item in widget.scene().items():
            if isinstance(item, pg.TextItem) and item.isVisible() and item.scene() is widget.scene():
                out.append((f"{where} text", item.toPlainText()))


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for everything `root` and its visible children show a user."""
    import pyqtgraph as pg
    out: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    if hasattr(root, "menuBar") and callable(root.menuBar):
        for act in root.menuBar().actions():
            out.append(("menu bar", act.text()))
            if act.menu():
                _menu_texts(act.menu(), act.text(), out)
    for w in widgets:
        if not w.isVisibleTo(root) and w is not root:
            continue
        where = type(w).__name__ + (f"#{w.objectName()}" if w.objectName() else "")
        if w.toolTip():
            out.append((f"{where} tooltip", w.toolTip()))
        if isinstance(w, QLabel) or isinstance(w, QAbstractButton):
            out.append((where, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((where, w.title()))
        elif isinstance(w, QLineEdit):
            out.append((f"{where} placeholder", w.placeholderText()))
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            out.append((where, w.toPlainText()))
            out.append((f"{where} placeholder", w.placeholderText()))
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                out.append((f"{where} item", w.itemText(i)))
                tip = w.itemData(i, 3)  # ToolTipRole
                if isinstance(tip, str):
                    out.append((f"{where} item tooltip", tip))
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                out.append((f"{where} tab", w.tabText(i)))
                out.append((f"{where} tab tooltip", w.tabToolTip(i)))
        elif isinstance(w, QDockWidget):
            out.append((f"{where} title", w.windowTitle()))
        elif isinstance(w, QAbstractItemView):
            _model_texts(w, where, out)
        elif isinstance(w, pg.GraphicsView):
            _plot_texts(w, where, out)
        if w.isWindow() and w.windowTitle():
            out.append((f"{where} window title", w.windowTitle()))
    return [(where, text) for where, text in out if isinstance(text, str) and text.strip()]


def english_in(root: QWidget, allow: set[str] | frozenset[str] = frozenset()) -> list[tuple[str, str, list[str]]]:
    """Every (where, text, words) whose text still has English words."""
    found = []
    seen = set()
    for where, text in visible_texts(root):
        words = english_words(text, allow)
        if words and (where, text) not in seen:
            seen.add((where, text))
            found.append((where, text, words))
    return found
