"""Update the translation sources and build the catalogues the app loads.

    python -m dlstudio.gui.i18n.build              update zh_CN/*.ts from the code (pyside6-lupdate),
                                                   then compile dlstudio_zh_CN.qm (pyside6-lrelease)
                                                   and print how much of each area is translated
    python -m dlstudio.gui.i18n.build --area app   update only that area's .ts, then compile
    python -m dlstudio.gui.i18n.build --no-update  only compile (what CI and a fresh checkout need)
    python -m dlstudio.gui.i18n.build --check 95   also fail unless every area is ≥ 95 % translated and
                                                   every translation keeps its source's {fields}
    python -m dlstudio.gui.i18n.build --untranslated AREA     the sources still to translate (JSON)
    python -m dlstudio.gui.i18n.build --fill AREA FILE.json   set translations {"source": "译文"}

An area is one `.ts` file for one part of the code (AREAS), so translators of different parts do
not edit the same file. The text of the built-in experiments is not Python: `experiments` sources
are read from their JSON files here (title, claim, run labels, verdict sentences, plot labels).
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import string
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
PKG = os.path.dirname(os.path.dirname(HERE))          # …/dlstudio
LANGS = ("zh_CN",)

# area -> source globs, relative to the dlstudio package; a file belongs to the first area that
# names it (so the experiments' code is not also in `core` and `lab`)
AREAS = {
    "expcode": ["experiments/**/*.py", "gui/lab/experiment*.py", "gui/lab/evidence*.py"],
    "lab": ["gui/lab/**/*.py", "engine/lab/**/*.py"],
    "core": ["i18n.py", "run.py", "summary.py", "spec/**/*.py", "data/**/*.py", "io/**/*.py",
             "zoo/**/*.py", "engine/**/*.py"],
    "app": ["gui/*.py", "gui/canvas/**/*.py", "gui/inspector/**/*.py"],
    "training": ["gui/training/**/*.py"],
    "experiments": [],                                  # from experiments/builtin/*.json
}


def ts_path(area: str, lang: str) -> str:
    return os.path.join(HERE, lang, f"{area}.ts")


def _files(area: str) -> set[str]:
    files: set[str] = set()
    for pattern in AREAS[area]:
        files |= set(glob.glob(os.path.join(PKG, pattern), recursive=True))
    return {f for f in files if "__pycache__" not in f}


def sources(area: str) -> list[str]:
    files = _files(area)
    for earlier in AREAS:
        if earlier == area:
            break
        files -= _files(earlier)
    return sorted(files)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: it comes with PySide6-Essentials (pip install PySide6-Essentials)")
    return found


def experiment_texts() -> list[str]:
    """Every text a built-in experiment shows, in file order (deduplicated)."""
    out: list[str] = []

    def add(s):
        if isinstance(s, str) and s.strip() and s not in out:
            out.append(s)

    for path in sorted(glob.glob(os.path.join(PKG, "experiments", "builtin", "*.json"))):
        with open(path, encoding="utf-8") as f:
            exp = json.load(f)
        add(exp.get("title"))
        add(exp.get("claim"))
        add(exp.get("notes"))
        for run in exp.get("runs", []):
            add(run.get("label"))
        for rule in exp.get("verdict", []):
            add(rule.get("because"))
        for plot in exp.get("plots", []):
            for key in ("title", "x", "y"):
                add(plot.get(key))
    return out


def _write_experiments_ts(path: str, lang: str) -> None:
    """Make / update the experiments' .ts like lupdate would: keep translations, drop obsolete."""
    old = read_ts(path) if os.path.exists(path) else {}
    root = ET.Element("TS", version="2.1", language=lang)
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = ""
    for text in experiment_texts():
        msg = ET.SubElement(ctx, "message")
        ET.SubElement(msg, "source").text = text
        tr = ET.SubElement(msg, "translation")
        if old.get(text):
            tr.text = old[text]
        else:
            tr.set("type", "unfinished")
    _write(root, path)


def read_ts(path: str) -> dict[str, str | None]:
    """source -> finished translation (None when unfinished)."""
    out: dict[str, str | None] = {}
    for msg in ET.parse(path).getroot().iter("message"):
        src = msg.findtext("source") or ""
        t = msg.find("translation")
        done = t is not None and t.get("type") not in ("unfinished", "obsolete", "vanished") and (t.text or "")
        out[src] = t.text if done else None
    return out


def _write(root: ET.Element, path: str) -> None:
    ET.indent(root)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        f.write(ET.tostring(root, encoding="unicode"))
        f.write("\n")


def update(area: str, lang: str) -> None:
    path = ts_path(area, lang)
    if area == "experiments":
        _write_experiments_ts(path, lang)
        return
    files = sources(area)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as lst:
        lst.write("\n".join(files))
    try:
        subprocess.run([_tool("pyside6-lupdate"), f"@{lst.name}", "-no-obsolete", "-locations", "none",
                        "-target-language", lang, "-ts", path], check=True, capture_output=True, text=True)
    finally:
        os.unlink(lst.name)


def fill(area: str, lang: str, mapping: dict[str, str]) -> tuple[int, list[str]]:
    """Set translations from {source: translation}; returns (how many set, sources not found)."""
    path = ts_path(area, lang)
    tree = ET.parse(path)
    seen, done = set(), 0
    for msg in tree.getroot().iter("message"):
        src = msg.findtext("source") or ""
        if mapping.get(src):
            t = msg.find("translation")
            if t is None:
                t = ET.SubElement(msg, "translation")
            t.text = mapping[src]
            t.attrib.pop("type", None)
            seen.add(src)
            done += 1
    _write(tree.getroot(), path)
    return done, sorted(set(mapping) - seen)


def compile_qm(lang: str, out: str | None = None) -> str:
    """Compile every area's .ts into one catalogue (by default the one the app loads)."""
    out = out or os.path.join(HERE, f"dlstudio_{lang}.qm")
    files = [ts_path(a, lang) for a in AREAS if os.path.exists(ts_path(a, lang))]
    # written beside and then renamed over: a running app keeps the catalogue it has mapped
    fd, tmp = tempfile.mkstemp(suffix=".qm", dir=os.path.dirname(os.path.abspath(out)))
    os.close(fd)
    try:
        subprocess.run([_tool("pyside6-lrelease"), *files, "-qm", tmp], check=True, capture_output=True, text=True)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def _fields(text: str):
    """The {fields} of a format template with their specs and conversions, sorted; None if malformed."""
    try:
        return sorted((name, spec or "", conv or "") for _, name, spec, conv in string.Formatter().parse(text)
                      if name is not None)
    except ValueError:
        return None


def field_mismatches(area: str, lang: str) -> list[tuple[str, str]]:
    """(source, translation) of every finished translation whose {fields} differ from its source's:
    the app would fail to format it (and fall back to English)."""
    return [(src, tr) for src, tr in read_ts(ts_path(area, lang)).items()
            if tr and _fields(src) != _fields(tr)]


def coverage(area: str, lang: str) -> tuple[int, int]:
    """(translated, total) source texts of an area."""
    path = ts_path(area, lang)
    if not os.path.exists(path):
        return 0, 0
    entries = read_ts(path)
    return sum(1 for v in entries.values() if v), len(entries)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m dlstudio.gui.i18n.build", description=__doc__.split("\n\n")[0])
    p.add_argument("--no-update", action="store_true", help="do not run lupdate; only compile the .qm")
    p.add_argument("--check", type=float, metavar="PERCENT", help="fail unless every area is translated this far")
    p.add_argument("--untranslated", metavar="AREA", help="print the untranslated sources of AREA as JSON")
    p.add_argument("--fill", nargs=2, metavar=("AREA", "FILE.json"), help="set translations from a JSON object")
    p.add_argument("--area", choices=list(AREAS), action="append",
                   help="update only this area's .ts (repeatable); default: every area")
    p.add_argument("--lang", default="zh_CN", choices=LANGS)
    args = p.parse_args(argv)
    lang = args.lang
    if args.untranslated:
        entries = read_ts(ts_path(args.untranslated, lang))
        json.dump({k: "" for k, v in entries.items() if not v}, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if args.fill:
        area, file = args.fill
        with open(file, encoding="utf-8") as f:
            n, missing = fill(area, lang, json.load(f))
        print(f"{area}: {n} translations set" + (f"; not in the sources: {missing}" if missing else ""))
        return 0
    if not args.no_update:
        for area in args.area or AREAS:
            update(area, lang)
    qm = compile_qm(lang)
    worst = 100.0
    total_done = total_all = 0
    for area in AREAS:
        done, total = coverage(area, lang)
        total_done, total_all = total_done + done, total_all + total
        share = 100.0 * done / total if total else 100.0
        worst = min(worst, share)
        print(f"{area:12s} {done:5d} / {total:5d}  {share:5.1f} %")
    print(f"{'all':12s} {total_done:5d} / {total_all:5d}  "
          f"{100.0 * total_done / max(total_all, 1):5.1f} %   -> {os.path.relpath(qm)}")
    if args.check is not None:
        broken = [(area, src) for area in AREAS for src, _ in field_mismatches(area, lang)]
        for area, src in broken:
            print(f"{area}: the translation of {src!r} has other {{fields}} than its source", file=sys.stderr)
        if worst < args.check or broken:
            if worst < args.check:
                print(f"an area is below {args.check:g} % translated", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
