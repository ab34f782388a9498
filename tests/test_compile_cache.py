"""The compile cache folder is keyed by the engine's compiled sources: Numba checks only the
timestamp of the file defining a cached function, so a change to a helper inlined from another
module would otherwise keep running the old compiled code."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from dlstudio.engine import config

ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / "dlstudio" / "engine"


def _copy_engine(tmp_path) -> Path:
    dst = tmp_path / "engine"
    shutil.copytree(ENGINE, dst, ignore=shutil.ignore_patterns("__pycache__"))
    return dst


def test_the_key_changes_with_any_compiled_module_and_only_with_those(tmp_path):
    eng = _copy_engine(tmp_path)
    key = config.compiled_sources_key(eng)
    assert key == config.compiled_sources_key(ENGINE)
    helper = eng / "kernels" / "conv.py"
    helper.write_text(helper.read_text() + "\n# a change to a helper that other modules inline\n")
    changed = config.compiled_sources_key(eng)
    assert changed != key
    plain = eng / "layers" / "base.py"            # Python only: no compiled code in it
    assert b"@njit" not in plain.read_bytes()
    plain.write_text(plain.read_text() + "\n# comment\n")
    assert config.compiled_sources_key(eng) == changed


def _cache_dir_in_child(env) -> str:
    code = "import os; from dlstudio.engine import config; print(os.environ['NUMBA_CACHE_DIR'])"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=120, check=True)
    return run.stdout.strip()


def test_a_chosen_cache_dir_gets_a_subfolder_once_not_again_in_child_processes(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DLSTUDIO_CONV_TILE"}
    env["NUMBA_CACHE_DIR"] = str(tmp_path)
    first = _cache_dir_in_child(env)
    key = config.compiled_sources_key(ENGINE)
    assert first == str(tmp_path / f"dlstudio-{key}")
    env["NUMBA_CACHE_DIR"] = first                 # what a child of that process inherits
    assert _cache_dir_in_child(env) == first
    env["DLSTUDIO_CONV_TILE"] = "narrow"           # the other tile's drivers never share a folder
    env["NUMBA_CACHE_DIR"] = str(tmp_path)
    assert _cache_dir_in_child(env) == str(tmp_path / f"dlstudio-narrow-{key}")


def test_numba_imported_before_dlstudio_still_caches_in_the_keyed_folder(tmp_path):
    # numba reads NUMBA_CACHE_DIR at its own import; without config telling it afterwards, the
    # kernels were cached beside their sources (no version key, no tile: the narrow tile's tests
    # loaded kernels compiled for the wide one and crashed)
    env = {k: v for k, v in os.environ.items() if k not in ("NUMBA_CACHE_DIR",)}
    env["DLSTUDIO_CONV_TILE"] = "narrow"
    env["XDG_CACHE_HOME"] = str(tmp_path)
    code = ("import numba, os; from dlstudio.engine.kernels import conv_tiled as K; "
            "print(os.environ['NUMBA_CACHE_DIR']); print(K.forward_tiled_chunk._cache._cache_path)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=120, check=True)
    chosen, used = run.stdout.strip().splitlines()[-2:]
    assert os.path.basename(chosen).startswith("narrow-")
    assert used.startswith(chosen + os.sep)


def test_the_default_cache_dir_is_kept_by_child_processes(tmp_path):
    """A child process (the memory benchmark, the tests' subprocesses) inherits the folder its
    parent chose and must use it, not start an empty one inside it."""
    env = {k: v for k, v in os.environ.items() if k not in ("DLSTUDIO_CONV_TILE", "NUMBA_CACHE_DIR")}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    parent = _cache_dir_in_child(env)
    assert parent.endswith(config.compiled_sources_key(ENGINE))
    env["NUMBA_CACHE_DIR"] = parent
    assert _cache_dir_in_child(env) == parent


def test_old_cache_folders_are_pruned_but_never_the_current_one(tmp_path):
    old, recent, current = tmp_path / "aaaa", tmp_path / "bbbb", tmp_path / "cccc"
    for d in (old, recent, current):
        d.mkdir()
        (d / "f.nbi").write_text("x")
    month_ago = os.path.getmtime(recent) - 40 * 86400
    os.utime(old, (month_ago, month_ago))
    os.utime(current, (month_ago, month_ago))
    config._prune(tmp_path, keep="cccc")
    assert not old.exists() and recent.exists() and current.exists()


def _tuned_in_child(env) -> str:
    code = "from dlstudio.engine import config; print(config.ALLOCATOR_TUNED)"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120, check=True).stdout.strip()


def test_the_allocator_is_tuned_on_glibc_unless_asked_not_to():
    env = {k: v for k, v in os.environ.items() if k != "DLSTUDIO_MALLOC"}
    expected = "True" if sys.platform.startswith("linux") and os.confstr("CS_GNU_LIBC_VERSION") else "False"
    assert _tuned_in_child(env) == expected
    env["DLSTUDIO_MALLOC"] = "default"
    assert _tuned_in_child(env) == "False"
