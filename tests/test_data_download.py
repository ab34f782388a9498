"""MNIST and Fashion-MNIST downloads against a local HTTP server on 127.0.0.1: progress, cache,
checksums, resume, retries, cancel, offline errors."""

from __future__ import annotations

import gzip
import hashlib
import http.server
import socket
import threading
from pathlib import Path

import numpy as np
import pytest

from image_helpers import idx_bytes, mnist_like

from dlstudio.data import DataError, load_dataset
from dlstudio.data import download, mnist


# ================================================================ downloads (local server)

class FileServer:
    """A ThreadingHTTPServer on 127.0.0.1 serving ``files`` (name -> bytes), with Range support
    (unless ``ranges`` is False) and the first ``drop`` responses cut off half way."""

    def __init__(self, files: dict, ranges: bool = True, drop: int = 0):
        self.files, self.ranges, self.drop = files, ranges, drop
        self.requests: list[tuple[str, str | None]] = []
        self.sent = 0
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                name = self.path.rsplit("/", 1)[-1]
                rng = self.headers.get("Range")
                server.requests.append((name, rng))
                data = server.files.get(name)
                if data is None:
                    self.send_error(404)
                    return
                start = 0
                if rng and server.ranges:
                    start = int(rng.split("=")[1].split("-")[0])
                    if start >= len(data):
                        self.send_response(416)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                else:
                    self.send_response(200)
                body = data[start:]
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if server.drop > 0:
                    server.drop -= 1
                    body = body[:len(body) // 2]
                    self.close_connection = True
                server.sent += len(body)  # before writing: the client may finish first
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/mnist/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


def dead_url() -> str:
    """A local URL where nothing listens: connections are refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/mnist/"


def mnist_files(n_train=20, n_test=10) -> dict[str, bytes]:
    tr_i, tr_l = mnist_like(n_train, seed=1)
    te_i, te_l = mnist_like(n_test, seed=2)
    return {"train-images-idx3-ubyte.gz": gzip.compress(idx_bytes(tr_i), mtime=0),
            "train-labels-idx1-ubyte.gz": gzip.compress(idx_bytes(tr_l), mtime=0),
            "t10k-images-idx3-ubyte.gz": gzip.compress(idx_bytes(te_i), mtime=0),
            "t10k-labels-idx1-ubyte.gz": gzip.compress(idx_bytes(te_l), mtime=0)}


@pytest.fixture
def served(tmp_path, monkeypatch):
    """Start servers on demand; point mnist and fashion-mnist at them; stop them afterwards."""
    files = mnist_files()
    monkeypatch.setenv("DLSTUDIO_DATA_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(download, "RETRY_DELAY", 0.0)
    monkeypatch.setattr(download, "TIMEOUT", 5.0)
    table = {k: "sha256:" + hashlib.sha256(v).hexdigest() for k, v in files.items()}
    monkeypatch.setitem(mnist.CHECKSUMS, "mnist", dict(table))
    monkeypatch.setitem(mnist.CHECKSUMS, "fashion-mnist", dict(table))
    servers = []

    def start(mirror_env="DLSTUDIO_MNIST_MIRROR", **kw) -> FileServer:
        srv = FileServer(files, **kw)
        servers.append(srv)
        monkeypatch.setenv(mirror_env, srv.url)
        return srv

    start.files = files
    start.cache = tmp_path / "cache"
    yield start
    for srv in servers:
        srv.close()


def test_mnist_download_progress_and_cache(served):
    srv = served()
    calls = []
    ds = load_dataset("mnist", progress=lambda done, total, name: calls.append((done, total, name)))
    assert ds.name == "mnist" and ds.source == "mnist" and ds.classes == [str(i) for i in range(10)]
    assert ds.x.shape == (20, 1, 28, 28) and ds.x.dtype == np.float32 and ds.y.dtype == np.int64
    images, labels = mnist_like(20, seed=1)
    np.testing.assert_allclose(ds.x[:, 0] * 255, images, atol=1e-4)
    assert ds.y.tolist() == labels.tolist() and ds.preprocessing == {"scale": 1 / 255}
    folder = served.cache / "mnist"
    assert sorted(p.name for p in folder.iterdir()) == ["train-images-idx3-ubyte.gz",
                                                         "train-labels-idx1-ubyte.gz"]
    for name in ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"):
        mine = [(d, t) for d, t, n in calls if n == name]
        size = len(served.files[name])
        assert mine and mine[-1] == (size, size)
        assert all(b[0] >= a[0] for a, b in zip(mine, mine[1:]))
    assert len(srv.requests) == 2
    test = load_dataset("mnist?split=test", seed=3)
    assert len(test) == 10 and test.source == "mnist?split=test" and len(srv.requests) == 4
    # a second load reads the cache: no request, even with the server gone
    srv.close()
    again = load_dataset("mnist")
    np.testing.assert_array_equal(again.x, ds.x)
    assert len(srv.requests) == 4


def test_fashion_mnist_and_manual_placement(served, monkeypatch):
    served(mirror_env="DLSTUDIO_FASHION_MNIST_MIRROR")
    ds = load_dataset("fashion-mnist?split=test")
    assert ds.classes[0] == "T-shirt/top" and ds.classes[9] == "Ankle boot" and len(ds) == 10
    # files put into the cache by hand are used without any network
    manual = served.cache / "mnist"
    manual.mkdir(parents=True)
    (manual / "t10k-images-idx3-ubyte.gz").write_bytes(served.files["t10k-images-idx3-ubyte.gz"])
    (manual / "t10k-labels-idx1-ubyte").write_bytes(
        gzip.decompress(served.files["t10k-labels-idx1-ubyte.gz"]))  # unpacked works too
    monkeypatch.setenv("DLSTUDIO_MNIST_MIRROR", dead_url())
    assert len(load_dataset("mnist?split=test")) == 10


def test_mnist_checksum_mismatch_deletes_the_file(served, monkeypatch):
    served()
    wrong = "sha256:" + "0" * 64
    monkeypatch.setitem(mnist.CHECKSUMS["mnist"], "train-images-idx3-ubyte.gz", wrong)
    with pytest.raises(DataError) as err:
        load_dataset("mnist")
    assert "checksum" in str(err.value) and "deleted" in str(err.value)
    folder = served.cache / "mnist"
    assert not (folder / "train-images-idx3-ubyte.gz").exists()
    assert not (folder / "train-images-idx3-ubyte.gz.part").exists()


def test_mnist_damaged_cache_file_is_fetched_again(served):
    srv = served()
    folder = served.cache / "mnist"
    folder.mkdir(parents=True)
    (folder / "train-labels-idx1-ubyte.gz").write_bytes(b"garbage")
    assert len(load_dataset("mnist")) == 20
    assert ("train-labels-idx1-ubyte.gz", None) in srv.requests


@pytest.mark.parametrize("ranges", [True, False])
def test_mnist_resumes_a_partial_download(served, ranges):
    srv = served(ranges=ranges)
    name = "train-images-idx3-ubyte.gz"
    data = served.files[name]
    folder = served.cache / "mnist"
    folder.mkdir(parents=True)
    (folder / (name + ".part")).write_bytes(data[:1000])
    calls = []
    load_dataset("mnist", progress=lambda d, t, n: calls.append((d, t, n)))
    assert (folder / name).read_bytes() == data and not (folder / (name + ".part")).exists()
    assert (name, "bytes=1000-") in srv.requests
    labels = len(served.files["train-labels-idx1-ubyte.gz"])
    if ranges:  # only the missing part was sent, and progress starts from what was there
        assert srv.sent == len(data) - 1000 + labels
        assert [c for c in calls if c[2] == name][0] == (1000, len(data), name)
    else:       # the server ignored the Range header: the whole file again
        assert srv.sent == len(data) + labels


def test_mnist_cancel_from_progress_keeps_the_part_file(served):
    served()

    class Cancel(Exception):
        pass

    def cancel(done, total, name):
        if done > 0:
            raise Cancel

    with pytest.raises(Cancel):
        load_dataset("mnist", progress=cancel)
    part = served.cache / "mnist" / "train-images-idx3-ubyte.gz.part"
    assert part.stat().st_size > 0
    assert len(load_dataset("mnist")) == 20 and not part.exists()


def test_mnist_retries_a_dropped_connection(served):
    srv = served(drop=1)
    assert len(load_dataset("mnist")) == 20
    name = "train-images-idx3-ubyte.gz"
    half = len(served.files[name]) // 2
    assert srv.requests[:2] == [(name, None), (name, f"bytes={half}-")]


def test_mnist_offline_error(served, monkeypatch):
    url = dead_url()
    monkeypatch.setenv("DLSTUDIO_MNIST_MIRROR", f"{url}, {dead_url()}")
    with pytest.raises(DataError) as err:
        load_dataset("mnist")
    text = str(err.value)
    for words in (url + "train-images-idx3-ubyte.gz", "internet connection",
                  str(served.cache / "mnist"), "t10k-labels-idx1-ubyte.gz"):
        assert words in text
    assert not list((served.cache / "mnist").glob("*.gz"))


def test_mnist_missing_on_server_and_bad_options(served):
    srv = served()
    srv.files = {}
    with pytest.raises(DataError, match="HTTP 404"):
        load_dataset("mnist")
    for spec, words in (("mnist?split=val", "train or test"), ("mnist:28", "no ':' argument"),
                        ("fashion-mnist?size=3", "unknown option")):
        with pytest.raises(DataError, match=words):
            load_dataset(spec)


def test_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("DLSTUDIO_DATA_DIR", str(tmp_path / "own"))
    assert download.cache_dir() == tmp_path / "own"
    monkeypatch.delenv("DLSTUDIO_DATA_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert download.cache_dir() == tmp_path / "xdg" / "dlstudio" / "datasets"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert download.cache_dir() == Path.home() / ".cache" / "dlstudio" / "datasets"
    assert mnist.folder("fashion-mnist").name == "fashion-mnist"
    # the published checksums are the real ones (MD5 of the original files)
    assert mnist.CHECKSUMS["mnist"]["train-images-idx3-ubyte.gz"] == \
        "md5:f68b3c2dcbeaaa9fbdd348bbdeb94873"
    assert mnist.mirrors("mnist")[0].startswith("https://")
