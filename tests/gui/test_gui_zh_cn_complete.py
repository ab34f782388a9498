"""The app in Simplified Chinese is complete: every text a user can see is Chinese.

The app runs with the zh_CN catalogue; the test opens every dock, every tab (nested ones too),
every menu, the dialogs (new, open, save, unsaved changes, recovery, errors, about, shortcuts,
export), a short training run, evaluation and predict, and every Lab page including the
experiments; it collects the visible texts (labels, buttons, menu items, tooltips, headers,
placeholders, plot titles, axes, legends) and fails on any English word outside the allowlist
of `dlstudio.gui.i18n.scan` (layer type names, code names of losses and optimizers, units,
formulas, file extensions). The catalogue must also be ≥ 95 % translated in every area.
"""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QTabWidget

from dlstudio.gui import i18n
from dlstudio.gui.i18n import build
from dlstudio.gui.i18n.scan import english_words, visible_texts

from training_helpers import ready, run

pytestmark = pytest.mark.slow


class Seen:
    """Every (where, text) the app showed; English words are looked up at the end."""

    def __init__(self):
        self.texts: list[tuple[str, str]] = []

    def add(self, where: str, text) -> None:
        if isinstance(text, str) and text.strip():
            self.texts.append((where, text))

    def widget(self, name: str, w) -> None:
        QApplication.processEvents()
        for where, text in visible_texts(w):
            self.add(f"{name}: {where}", text)

    def every_tab(self, name: str, root) -> None:
        """Scan `root` with each tab of each tab widget showing in turn (two levels deep)."""
        self.widget(name, root)
        for tabs in root.findChildren(QTabWidget):
            if not tabs.isVisibleTo(root):
                continue
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                self.widget(f"{name} › {tabs.tabText(i)}", root)
                for inner in tabs.widget(i).findChildren(QTabWidget):
                    for j in range(inner.count()):
                        inner.setCurrentIndex(j)
                        self.widget(f"{name} › {tabs.tabText(i)} › {inner.tabText(j)}", root)

    def english(self, names=frozenset()) -> list[str]:
        """Texts with English words; `names` (ids from the document) are removed first."""
        import re
        strip = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                           + r")(?![\w-])") if names else None
        out, done = [], set()
        for where, text in self.texts:
            words = english_words(strip.sub(" ", text) if strip else text)
            if words and text not in done:
                done.add(text)
                out.append(f"{where}: {text!r} → {words}")
        return out


def document_names() -> set[str]:
    """Names a user's document holds, content and not UI: the node ids and network names of every
    preset and the run ids and node ids of every built-in experiment."""
    import glob
    import json
    import os

    import dlstudio.experiments as experiments
    from dlstudio.gui.gallery import preset_network
    from dlstudio.zoo import PRESETS
    names = set()
    for name in PRESETS:
        net = preset_network(name)
        names.update(n.id for n in net.nodes)
        names.add(net.name)
    for path in glob.glob(os.path.join(os.path.dirname(experiments.__file__), "builtin", "*.json")):
        with open(path, encoding="utf-8") as f:
            for run in json.load(f).get("runs", []):
                names.add(run.get("id", ""))
                net = run.get("network")
                if isinstance(net, dict):
                    names.update(node.get("id", "") for node in net.get("nodes", []))
    names.discard("")
    return names


@pytest.fixture
def chinese(qapp):
    assert i18n.install(qapp, "zh_CN") == "zh_CN", "the zh_CN catalogue is missing: python -m dlstudio.gui.i18n.build"
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def recorded(monkeypatch, dialogs):
    """Message boxes and file dialogs record their texts (after the `dialogs` fixture's answers)."""
    seen = Seen()

    def box(kind, answer):
        def show(parent, title, text, *a, **k):
            seen.add(f"{kind} title", title)
            seen.add(f"{kind} text", text)
            return answer(parent, title, text, *a, **k) if callable(answer) else answer
        return staticmethod(show)

    Ok = QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "warning", box("warning", dialogs.warning))
    monkeypatch.setattr(QMessageBox, "critical", box("critical", Ok))
    monkeypatch.setattr(QMessageBox, "information", box("information", Ok))
    monkeypatch.setattr(QMessageBox, "about", box("about", None))
    monkeypatch.setattr(QMessageBox, "question", box("question", QMessageBox.StandardButton.Cancel))

    def file_dialog(kind):
        def ask(parent, caption="", folder="", filters="", *a, **k):
            seen.add(f"{kind} caption", caption)
            for f in filters.split(";;"):
                seen.add(f"{kind} filter", f)
            return "", ""
        return staticmethod(ask)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", file_dialog("open"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", file_dialog("save"))
    return seen


def test_catalogue_is_95_percent_translated_in_every_area():
    for area in build.AREAS:
        done, total = build.coverage(area, "zh_CN")
        assert total == 0 or done >= 0.95 * total, f"{area}: {done} of {total} translated"


def test_every_visible_text_is_chinese(chinese, recorded, make_window, qtbot, tmp_path):
    seen = recorded
    win = make_window()
    win.resize(1400, 900)
    # the builder: every dock shown, a layer selected, every menu
    for dock in win.docks:
        dock.show()
        dock.raise_()
        seen.every_tab(f"dock {dock.objectName()}", win)
    win.select_and_show([win.doc.network.nodes[1].id])     # the inspector shows a layer
    seen.widget("selected", win)

    qtbot.waitUntil(lambda: not win.training.active, timeout=60_000)   # a live view's look at the model
    # dialogs: about, shortcuts, open and save (file dialogs), a damaged file, unsaved changes
    win.acts.about.trigger()
    win.acts.shortcuts.trigger()
    win.acts.open.trigger()
    win.acts.save_as.trigger()
    for export in (win.acts.export_onnx, win.acts.export_diagram, win.acts.export_csv):
        export.trigger()                      # their save dialogs (answered with no file)
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json")
    win.files.open_path(str(bad), ask=False)
    win.acts.delete.trigger()                 # a change, so that opening asks about it
    win.files.open_path(str(bad), ask=True)   # "save changes?" (answered Cancel)
    win.files.autosave()
    win.files.offer_recovery()                # "restore the unsaved network?" (answered Cancel)
    kinds = {where.split()[0] for where, _ in seen.texts}
    assert {"about", "information", "open", "save", "warning", "question"} <= kinds, (kinds, seen.texts[-12:])
    from dlstudio.gui.gallery import PresetGallery
    gallery = PresetGallery(win)
    gallery.show()
    seen.widget("gallery", gallery)
    gallery.close()

    # training: a short run, then every tab of the training panel (evaluation, predict, …)
    from dlstudio.zoo import build_preset
    win.files.load_network(build_preset("mlp", (2,), 3)[0], layout=True)
    c = ready(win, qtbot, data="spirals?n=150", epochs=1, batch=32)
    run(c, qtbot)
    seen.every_tab("after a run", win)

    # the Lab: every page, the experiments page included
    from dlstudio.gui.lab import PAGE_KEYS
    from dlstudio.gui.lab.window import LabWindow
    lab = LabWindow()
    lab.resize(1400, 900)
    lab.show()
    for key in PAGE_KEYS:
        page = lab.show_page(key)
        qtbot.wait(200)
        seen.every_tab(f"lab {key}", lab)
        assert page is not None
    lab.close()
    lab.deleteLater()

    english = seen.english(document_names())
    assert len(seen.texts) > 300, "the scan saw too little: is the window showing?"
    assert not english, f"{len(english)} texts with English words:\n" + "\n".join(english[:150])


def test_scan_fails_on_english(make_window, qtbot):
    """The check can fail: in English the same scan finds English words."""
    win = make_window()
    seen = Seen()
    seen.widget("english window", win)
    assert len(seen.english()) > 20
