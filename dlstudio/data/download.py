"""Downloading data files into the user's cache: mirrors, checksums, resume, retries, progress.

Only urllib. A file is written to ``NAME.part`` next to its final place and renamed once it is
complete and its checksum matches; an interrupted download resumes with an HTTP Range request
when the server supports it.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable, Optional

from ..i18n import message, tr
from .dataset import DataError

Progress = Optional[Callable[[int, int, str], None]]

RETRIES = 3            # attempts per mirror on connection errors
RETRY_DELAY = 1.0      # seconds before the first retry; doubles each time
TIMEOUT = 30.0         # seconds without data before a connection counts as failed
CHUNK = 64 * 1024
USER_AGENT = "dlstudio-data/1"


def cache_dir() -> Path:
    """Where downloaded datasets live: $DLSTUDIO_DATA_DIR, else $XDG_CACHE_HOME/dlstudio/datasets,
    else ~/.cache/dlstudio/datasets."""
    own = os.environ.get("DLSTUDIO_DATA_DIR")
    if own:
        return Path(own).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "dlstudio" / "datasets"


def file_digest(path: Path, algorithm: str) -> str:
    h = hashlib.new(algorithm)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def check_file(path: Path, checksum: str | None) -> bool:
    """True when ``path`` matches ``checksum`` ("md5:HEX" or "sha256:HEX"; None accepts any)."""
    if checksum is None:
        return True
    algorithm, _, expected = checksum.partition(":")
    return file_digest(path, algorithm) == expected.lower()


class _Transient(Exception):
    """A connection problem worth retrying."""


def _open(url: str, start: int):
    headers = {"User-Agent": USER_AGENT}
    if start:
        headers["Range"] = f"bytes={start}-"
    req = urllib.request.Request(url, headers=headers)
    return urllib.request.urlopen(req, timeout=TIMEOUT)  # noqa: S310 - http(s) URLs only


def _resume_start(resp, start: int, part: Path) -> int:
    """How many bytes of the .part file to keep, given the server's answer to our request."""
    if resp.status != 206:
        return 0  # 200: the server sent the whole file; start over
    first = resp.headers.get("Content-Range", "").split(" ")[-1].split("-")[0]
    if start and first.isdigit() and int(first) == start:
        return start
    part.unlink(missing_ok=True)  # a range we did not ask for: start again from scratch
    raise _Transient(f"the server sent an unexpected range ({first or '?'}-)")


def _fetch_once(url: str, part: Path, name: str, progress: Progress) -> None:
    start = part.stat().st_size if part.exists() else 0
    try:
        resp = _open(url, start)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and start:  # nothing left to send: the .part file may be complete
            exc.close()
            return
        exc.close()
        raise
    with resp:
        keep = _resume_start(resp, start, part)
        length = resp.headers.get("Content-Length")
        total = keep + int(length) if length and length.isdigit() else 0
        done = keep
        with open(part, "ab" if keep else "wb") as out:
            if progress:
                progress(done, total, name)
            while True:
                try:
                    block = resp.read(CHUNK)
                except (OSError, http.client.HTTPException) as exc:
                    raise _Transient(str(exc) or type(exc).__name__) from exc
                if not block:
                    break
                out.write(block)
                done += len(block)
                if progress:
                    progress(done, total, name)
        if total and done < total:
            raise _Transient(f"the connection closed after {done:,} of {total:,} bytes")


def _describe(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        return str(exc.reason)
    return str(exc) or type(exc).__name__


def _fetch_with_retries(url: str, part: Path, name: str, progress: Progress) -> None:
    delay = RETRY_DELAY
    for attempt in range(RETRIES):
        try:
            _fetch_once(url, part, name, progress)
            return
        except urllib.error.HTTPError:
            raise  # the server answered: retrying the same URL will not help
        except (urllib.error.URLError, _Transient, socket.timeout, ConnectionError,
                http.client.HTTPException) as exc:
            offline = isinstance(getattr(exc, "reason", None), socket.gaierror)
            if attempt == RETRIES - 1 or offline:  # a failed name lookup will not heal soon
                raise _Transient(_describe(exc)) from exc
            time.sleep(delay)
            delay *= 2


def fetch(name: str, mirrors: list[str], dest: Path, checksum: str | None = None,
          progress: Progress = None, hint: str = "") -> Path:
    """Download ``name`` from the first mirror that has it into ``dest`` / name.

    ``mirrors`` are base URLs (``name`` is appended). Returns the final path. Raises
    DataError naming each URL that failed and why, followed by ``hint``.
    """
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataError(tr("cannot create the data folder {dest}: {exc}").format(
                            dest=dest, exc=message(exc))) from exc
    target = dest / name
    part = dest / (name + ".part")
    failures = []
    for base in mirrors:
        url = base if base.endswith(name) else base.rstrip("/") + "/" + name
        fresh_tries = 2 if part.exists() and part.stat().st_size else 1
        for _ in range(fresh_tries):  # a resumed file that fails its check is fetched anew
            try:
                _fetch_with_retries(url, part, name, progress)
            except (urllib.error.HTTPError, _Transient) as exc:
                failures.append(f"{url}: {_describe(exc)}")
                if isinstance(exc, urllib.error.HTTPError):
                    exc.close()
                break
            except OSError as exc:
                raise DataError(tr("cannot write {part}: {exc}").format(part=part, exc=message(exc))) from exc
            if check_file(part, checksum):
                os.replace(part, target)
                return target
            part.unlink(missing_ok=True)
        else:
            failures.append(tr("{url}: the file's checksum does not match the published one "
                               "({checksum}); the downloaded file was deleted").format(
                                url=url, checksum=checksum))
    listed = "\n  ".join(failures)
    if hint:
        raise DataError(tr("could not download {name}:\n  {failures}\n{hint}").format(
            name=name, failures=listed, hint=hint))
    raise DataError(tr("could not download {name}:\n  {failures}").format(name=name, failures=listed))
