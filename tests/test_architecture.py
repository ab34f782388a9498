"""House rules that keep the layers apart."""
import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "dlstudio"
QT = ("PySide6", "PyQt5", "PyQt6", "pyqtgraph", "shiboken6")


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


@pytest.mark.parametrize("package", ["spec", "engine", "data", "io", "zoo"])
def test_nothing_outside_gui_imports_qt(package):
    files = list((PKG / package).rglob("*.py"))
    assert files
    for f in files:
        bad = [m for m in imported_modules(f) if m.split(".")[0] in QT]
        assert not bad, f"{f.relative_to(PKG)} imports {bad}"


def test_spec_is_pure_python():
    for f in (PKG / "spec").rglob("*.py"):
        bad = [m for m in imported_modules(f) if m.split(".")[0] in ("numpy", "numba", *QT)]
        assert not bad, f"{f.relative_to(PKG)} imports {bad}"


def test_kernels_hold_only_compiled_functions():
    for f in (PKG / "engine" / "kernels").glob("*.py"):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                decos = [ast.unparse(d) for d in node.decorator_list]
                assert any(d.startswith("njit") for d in decos), f"{f.name}:{node.name} is not @njit"


def test_every_engine_layer_is_in_the_catalogue():
    from dlstudio.engine.layers import ENGINE_LAYERS
    from dlstudio.spec import all_types
    assert set(ENGINE_LAYERS) <= set(all_types())
