"""Datasets read from the user's files: ``npz:PATH`` and ``csv:PATH``."""

from __future__ import annotations

import csv
import math
import zipfile
from pathlib import Path

import numpy as np

from ..i18n import message, tr
from .dataset import DataError

MAX_CSV_CLASSES = 50
CSV_PARSE_FACTOR = 32  # peak memory while parsing a CSV, per byte of the file
TASK_CHOICES = ("auto", "classification", "regression")
REMAP_HINT = tr("remap them first, e.g. with numpy: "
                "classes, y = np.unique(y, return_inverse=True)")


def resolve_path(path: str, kind: str) -> Path:
    if not path:
        raise DataError(tr("{kind}: needs a file path, e.g. {kind}:data/train.{kind}").format(kind=kind))
    p = Path(path).expanduser().resolve()
    if not p.exists():
        raise DataError(tr("{kind} file not found: {p}. Check the path (relative paths are resolved "
                           "from the current folder)").format(kind=kind, p=p))
    if not p.is_file():
        raise DataError(tr("{kind} path is not a file: {p}").format(kind=kind, p=p))
    return p


def check_labels(labels: np.ndarray, where) -> list[str]:
    """Check classification labels are integers 0..K-1 with every value used; return names.

    ``where(i)`` describes sample ``i`` for error messages (an index or a line number).
    """
    if labels.size == 0:
        return []
    values = np.unique(labels)
    k = len(values)
    bad = np.flatnonzero((labels < 0) | (labels >= k))
    if bad.size:
        i = int(bad[0])
        raise DataError(
            tr("class labels must be the integers 0..{last} ({k} distinct labels found), but {sample} "
               "has label {label:g}; {remap}, or treat the target as a number with "
               "?task=regression").format(
                last=k - 1, k=k, sample=where(i), label=labels[i], remap=REMAP_HINT))
    return [str(i) for i in range(k)]


def _check_task(task: str) -> str:
    if task not in TASK_CHOICES:
        raise DataError(tr("task must be one of {tasks}, not {task!r}").format(
                            tasks=', '.join(TASK_CHOICES), task=task))
    return task


# ---------------------------------------------------------------- npz

def _read_npz(p: Path) -> dict[str, np.ndarray]:
    if not zipfile.is_zipfile(p):
        raise DataError(
            tr("{p} is not an .npz file (not a zip archive). Save your arrays with numpy.savez(path, "
               "x=x, y=y)").format(p=p))
    _check_npz_sizes(p)
    try:
        with np.load(p, allow_pickle=False) as z:
            names = list(z.files)
            arrays = {}
            for name in ("x", "y", "classes"):
                if name in names:
                    arrays[name] = z[name]
    except ValueError as exc:
        if "pickle" in str(exc):
            raise DataError(
                tr("{p} holds object (pickled) arrays, which are not loaded for safety; save plain "
                   "numeric arrays").format(p=p)) from exc
        raise DataError(tr("{p} is damaged or not an .npz file ({exc})").format(p=p, exc=message(exc))) from exc
    except (OSError, zipfile.BadZipFile, EOFError, KeyError, NotImplementedError,
            RuntimeError) as exc:
        raise DataError(tr("{p} is damaged or not an .npz file ({exc})").format(p=p, exc=message(exc))) from exc
    for name, a in arrays.items():
        if not isinstance(a, np.ndarray):  # a member that is not a .npy array comes back raw
            raise DataError(tr("{p} is damaged or not an .npz file: '{name}' is not a NumPy array").format(
                                p=p, name=name))
    for name in ("x", "y"):
        if name not in arrays:
            found = ", ".join(names) if names else "no arrays"
            raise DataError(
                tr("{p} has no array named '{name}' (found: {found}). Save the inputs as x and the "
                   "targets as y: numpy.savez(path, x=inputs, y=targets)").format(
                    p=p, name=name, found=found))
    return arrays


def _check_npz_sizes(p: Path) -> None:
    """Check the arrays' declared sizes against the loading budget before NumPy allocates."""
    from .budget import check_budget
    try:
        with zipfile.ZipFile(p) as zf:
            for name in ("x", "y", "classes"):
                if f"{name}.npy" not in zf.namelist():
                    continue
                with zf.open(f"{name}.npy") as f:
                    version = np.lib.format.read_magic(f)
                    read = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                            else np.lib.format.read_array_header_2_0)
                    shape, _, dtype = read(f)
                need = dtype.itemsize
                for d in shape:
                    need *= int(d)
                check_budget(tr("array '{name}' in {p}").format(name=name, p=p), need)
    except DataError:
        raise
    except (ValueError, OSError, zipfile.BadZipFile, EOFError, KeyError, NotImplementedError,
            RuntimeError) as exc:  # RuntimeError: encrypted member; NotImplementedError: method
        raise DataError(tr("{p} is damaged or not an .npz file ({exc})").format(p=p, exc=message(exc))) from exc


def _numeric(a: np.ndarray, name: str, p: Path) -> None:
    if a.dtype == bool or np.issubdtype(a.dtype, np.integer) or np.issubdtype(a.dtype, np.floating):
        return
    raise DataError(tr("array '{name}' in {p} has dtype {dtype}; it must be numeric (integers, floats "
                       "or booleans)").format(name=name, p=p, dtype=a.dtype))


def load_npz(path: str, task: str = "auto"):
    """Read ``x`` (N, ...) and ``y`` (N,) or (N, ...) from an .npz file.

    Returns (x, y, task, classes, path). Integer or boolean y means classification, float y
    regression, unless ``task`` forces one. A 1-D x becomes (N, 1); a 1-D regression y becomes
    (N, 1); integer y of shape (N, 1) becomes (N,).
    """
    task = _check_task(task)
    p = resolve_path(path, "npz")
    arrays = _read_npz(p)
    x, y = arrays["x"], arrays["y"]
    _numeric(x, "x", p)
    _numeric(y, "y", p)
    if x.ndim == 0 or y.ndim == 0:
        raise DataError(tr("x and y in {p} must have a leading sample axis (N, ...)").format(p=p))
    if x.shape[0] != y.shape[0]:
        raise DataError(tr("x in {p} has {n_x} samples but y has {n_y}; they must have "
                           "the same first dimension N").format(
                            p=p, n_x=x.shape[0], n_y=y.shape[0]))
    if x.shape[0] == 0:
        raise DataError(tr("{p} holds no samples (N = 0)").format(p=p))
    if x.ndim == 1:
        x = x[:, None]
    with np.errstate(over="ignore"):
        x = x.astype(np.float32)
    bad = ~np.isfinite(x)
    if bad.any():
        i = int(np.argwhere(bad)[0][0])
        raise DataError(tr("x in {p} contains NaN or infinite values (or values too large for float32), "
                           "first in sample {i}; clean or impute them first").format(p=p, i=i))
    is_int = y.dtype == bool or np.issubdtype(y.dtype, np.integer)
    if task == "auto":
        task = "classification" if is_int else "regression"
    if task == "classification":
        y = _npz_labels(y, is_int, p)
        classes = check_labels(y, lambda i: tr("sample {i}").format(i=i))
        y = y.astype(np.int64)
        classes = _npz_class_names(arrays.get("classes"), len(classes), p) or classes
        return x, y, task, classes, p
    with np.errstate(over="ignore"):
        y = y.astype(np.float32)
    if not np.isfinite(y).all():
        raise DataError(tr("y in {p} contains NaN or infinite values; regression targets must be finite "
                           "numbers").format(p=p))
    if y.ndim == 1:
        y = y[:, None]
    return x, y, task, [], p


def _npz_labels(y: np.ndarray, is_int: bool, p: Path) -> np.ndarray:
    if y.ndim == 2 and y.shape[1] == 1:
        y = y[:, 0]
    if y.ndim != 1:
        raise DataError(
            tr("classification labels in {p} must have shape (N,), but y has shape {shape}. Give one "
               "integer label per sample, or store y as floats (or add ?task=regression) for a "
               "multi-value regression target").format(p=p, shape=y.shape))
    if not is_int:
        if not np.isfinite(y).all() or not np.all(y == np.round(y)):
            raise DataError(
                tr("y in {p} has non-integer values, so it cannot be used as class labels; store "
                   "integer labels 0..K-1, or drop ?task=classification").format(p=p))
    if y.dtype == bool:
        y = y.astype(np.int64)
    return y


def _npz_class_names(names, k: int, p: Path) -> list[str]:
    if names is None or k == 0:
        return []
    if names.ndim != 1 or names.dtype.kind not in "US" or len(names) != k:
        raise DataError(
            tr("the optional 'classes' array in {p} must be a 1-D array of {k} strings (one name per "
               "label), not {dtype} of shape {shape}").format(
                p=p, k=k, dtype=names.dtype, shape=names.shape))
    return [n.decode() if isinstance(n, bytes) else str(n) for n in names.tolist()]


# ---------------------------------------------------------------- csv

def _number(text: str) -> float | None:
    try:
        v = float(text)
    except ValueError:
        return None
    return v


def _split_rows(p: Path):
    """Yield (line number, fields) for every non-empty, non-comment line."""
    from .budget import check_budget
    # parsing keeps every field as a Python string: up to ~32 bytes per byte of text
    check_budget(tr("the CSV file {p}").format(p=p), CSV_PARSE_FACTOR * p.stat().st_size)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(tr("{p} is not a UTF-8 text file ({exc}); save it as plain-text CSV").format(
                            p=p, exc=message(exc))) \
            from exc
    lines = raw.splitlines()
    first = next((ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")), None)
    if first is None:
        return []
    delimiter = next((d for d in (",", ";", "\t") if d in first), None)
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if delimiter is None:
            fields = line.split()
        else:
            fields = next(csv.reader([line], delimiter=delimiter))
        rows.append((number, [f.strip() for f in fields]))
    return rows


def load_csv(path: str, task: str = "auto"):
    """Read numeric columns with the target in the last one.

    Returns (x float32 (N, F), y, task, classes, path, header or None). The first row is a
    header when any of its fields is not a number. Comma, semicolon, tab or whitespace
    separated (chosen from the first line); blank lines and lines starting with # are skipped.
    With task "auto" the target is a class label when every value is a whole number and there
    are at most 50 distinct values, otherwise a regression target.
    """
    task = _check_task(task)
    p = resolve_path(path, "csv")
    rows = _split_rows(p)
    if not rows:
        raise DataError(tr("{p} is empty: it needs rows of numbers with the target in the last column").format(
                            p=p))
    header = None
    first_line, first = rows[0]
    if any(_number(f) is None for f in first):
        header, rows = first, rows[1:]
        if not rows:
            raise DataError(tr("{p} has a header (line {first_line}) but no data rows").format(
                                p=p, first_line=first_line))
    width = len(header) if header is not None else len(rows[0][1])
    if width < 2:
        raise DataError(tr("{p} has only one column; it needs at least one input column and the target "
                           "in the last column").format(p=p))
    values = np.empty((len(rows), width), dtype=np.float64)
    for r, (line, fields) in enumerate(rows):
        if len(fields) != width:
            raise DataError(tr("{p}, line {line}: expected {width} values (like "
                               "{like}), found {found}; every row needs "
                               "the same number of columns").format(
                                p=p, line=line, width=width,
                                like=tr("the header") if header is not None else tr("the first row"),
                                found=len(fields)))
        for c, text in enumerate(fields):
            v = _number(text)
            if v is None or not math.isfinite(v):
                col = tr("column {n}").format(n=c + 1)
                if header is not None and header[c]:
                    col = tr("column {n} ({name})").format(n=c + 1, name=header[c])
                what = (tr("an empty value") if not text
                        else tr("{text!r}, which is not a finite number").format(text=text))
                raise DataError(tr("{p}, line {line}, {col}: {what}; all values must be numbers").format(
                                    p=p, line=line, col=col, what=what))
            values[r, c] = v
    with np.errstate(over="ignore"):
        x = values[:, :-1].astype(np.float32)
    if not np.isfinite(x).all():
        raise DataError(tr("{p} has values too large for float32").format(p=p))
    target = values[:, -1]
    whole = bool(np.all(target == np.round(target)))
    if task == "auto":
        few = len(np.unique(target)) <= MAX_CSV_CLASSES
        task = "classification" if whole and few else "regression"
    if task == "classification":
        if not whole:
            r = int(np.flatnonzero(target != np.round(target))[0])
            raise DataError(tr("{p}, line {line}: target {target:g} is not a whole "
                               "number, so it cannot be a class label; drop ?task=classification for a "
                               "regression target").format(
                                p=p, line=rows[r][0], target=target[r]))
        classes = check_labels(target, lambda i: tr("line {line}").format(line=rows[i][0]))
        return x, target.astype(np.int64), task, classes, p, header
    with np.errstate(over="ignore"):
        y = target.astype(np.float32)[:, None]
    if not np.isfinite(y).all():
        raise DataError(tr("{p} has target values too large for float32").format(p=p))
    return x, y, task, [], p, header
