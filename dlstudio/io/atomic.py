"""Writing a file all at once: a temporary file beside it, fsynced, then renamed over it. A crash or
an error part way leaves the old file as it was. No Qt here."""
from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from ..i18n import tr


@contextmanager
def atomic_write(path, binary: bool = True):
    """Yield a file open for writing; when the block ends without an error it replaces `path`
    (through a symbolic link, the file it points to) keeping that file's permissions. On any
    error the temporary file is removed and `path` is untouched. Raises FileNotFoundError /
    IsADirectoryError with the path in the message for a missing folder or a folder in the way."""
    path = os.fspath(path)
    target = os.path.realpath(path) if os.path.islink(path) else path
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(folder):
        raise FileNotFoundError(tr("Cannot save {path}: the folder {folder} does not exist").format(
                                    path=path, folder=folder))
    if os.path.isdir(target):
        raise IsADirectoryError(tr("Cannot save {path}: it is a folder").format(path=path))
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = _new_file_mode()
    _remove_stale_temporaries(folder, os.path.basename(target))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"})) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        try:
            os.chmod(tmp, mode)
        except OSError:               # some file systems have no permission bits
            pass
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(folder)


STALE_SECONDS = 600     # a temporary file untouched this long is left over from a killed save


def _remove_stale_temporaries(folder: str, name: str) -> None:
    """Delete `.NAME.XXXX.tmp` files of this target (left by a save that was killed) not modified for
    STALE_SECONDS, so a save still running in another process keeps its file."""
    import time
    prefix = "." + name + "."
    try:
        entries = os.listdir(folder)
    except OSError:
        return
    now = time.time()
    for e in entries:
        if not (e.startswith(prefix) and e.endswith(".tmp")) or len(e) != len(prefix) + 8 + 4:
            continue
        full = os.path.join(folder, e)
        try:
            if os.path.isfile(full) and not os.path.islink(full) and now - os.stat(full).st_mtime > STALE_SECONDS:
                os.unlink(full)
        except OSError:
            pass


def write_text_atomic(path, text: str) -> None:
    with atomic_write(path, binary=False) as f:
        f.write(text)


def _new_file_mode() -> int:
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _fsync_dir(folder: str) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
