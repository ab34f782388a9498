"""The main window and the builder in Simplified Chinese (issue 12, area `app`).

The app runs in zh_CN: menus, toolbar, docks, palette, inspector, summary, problems, canvas
tooltips, the preset gallery and the dialogs speak Chinese, and no English word is left outside
the allowlist — except text that other areas translate (the catalogue's help, the analysis'
problems, the training views, the Lab), which is cut out before looking. The translation source
`app.ts` is complete and keeps every {field}. Afterwards English is installed again.
"""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from dlstudio.gui import i18n
from dlstudio.gui import palette as palette_module
from dlstudio.gui.files import ask_weights_choice, weights_problem
from dlstudio.gui.i18n.build import field_mismatches, read_ts, ts_path
from dlstudio.gui.i18n.scan import english_words, visible_texts
from dlstudio.spec import Network, all_types
from dlstudio.zoo import PRESETS

HAN = re.compile(r"[\u4e00-\u9fff]")
FIELD = re.compile(r"\{\w*\}")
MNEMONIC = re.compile(r"&(?![a-z]+;|#\d+;)")   # the & of an accelerator, not of an entity
ALLOW = {"English",   # the language's own name in View → Language
         "digits"}    # the bundled data's code name (digits:28), which the user types


@pytest.fixture
def zh(qapp):
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    yield
    i18n.install(qapp, "en")


def other_areas_texts(win=None) -> list[str]:
    """English that other areas translate: the catalogue's help, presets' help, problems."""
    texts = [lt.help for lt in all_types().values()]
    texts += [p.help for lt in all_types().values() for p in lt.schema.params]
    texts += [p.help for p in PRESETS.values()]
    if win is not None:
        texts += [p.message for p in win.doc.analysis.problems]
    texts += [i18n.tr_text(t) for t in texts]   # as they read once translated (their area's words)
    return sorted({t for t in texts if t}, key=len, reverse=True)


def leftover_english(texts, cut, allow=()) -> list[tuple[str, str, list[str]]]:
    out = []
    for where, text in texts:
        for other in cut:
            text = text.replace(other, " ")
        words = english_words(MNEMONIC.sub("", text), ALLOW | set(allow))
        if words:
            out.append((where, text, words))
    return out


def chinese(text: str) -> bool:
    return bool(HAN.search(text or ""))


def builder_texts(win) -> list[tuple[str, str]]:
    """What the builder shows: menu bar, toolbar, palette, inspector, summary, problems, status."""
    texts = [("title", win.windowTitle())]
    for act in win.menuBar().actions():
        texts.append(("menu", act.text()))
        if act.menu() is win.train_menu:
            continue   # filled by the training area
        for sub in act.menu().actions():
            if sub.isSeparator():
                continue
            texts += [("menu item", sub.text()), ("menu tip", sub.toolTip())]
            if sub.menu() is not None:
                texts += [("submenu item", a.text()) for a in sub.menu().actions() if not a.isSeparator()]
    texts += [("dock", d.windowTitle()) for d in win.docks]
    texts += [("summary tab", win.bottom_tabs.tabText(k)) for k in (0, 1)]
    for widget in (win.toolbar, win.palette_panel, win.inspector, win.summary, win.problems, win.statusBar()):
        texts += visible_texts(widget)
    return texts


def test_app_ts_is_complete_and_keeps_every_field():
    entries = read_ts(ts_path("app", "zh_CN"))
    assert len(entries) > 200
    missing = [s for s, t in entries.items() if not t]
    assert not missing, missing[:10]
    wrong = field_mismatches("app", "zh_CN")
    assert not wrong, wrong[:5]
    english = [(s, t) for s, t in entries.items() if english_words(FIELD.sub(" ", t), ALLOW)]
    assert not english, english[:5]


def test_the_builder_speaks_chinese(zh, make_window, qtbot):
    win = make_window()
    win.scene.select_ids(["c1"])
    qtbot.wait(10)   # the inspector's new fields are shown by the event loop
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus[:3] == ["文件(&F)", "编辑(&E)", "视图(&V)"] and "帮助(&H)" in menus
    assert [d.windowTitle() for d in win.docks][:3] == ["层面板", "属性", "概要"]
    assert win.bottom_tabs.tabText(0) == "概要" and win.bottom_tabs.tabText(1) == "问题"
    assert win.totals_label.text().endswith("FLOPs") and "个参数" in win.totals_label.text()
    assert win.problems_label.text() == "✓ 没有问题"
    assert win.acts.new.text() == "新建(&N)…" and chinese(win.acts.lab.toolTip())
    assert win.acts.new.iconText() == "新建"       # the toolbar without the accelerator suffix
    assert win.palette_panel.groups["Convolution"].text(0) == "卷积"
    assert win.palette_panel.search.placeholderText() == "搜索层…"
    assert win.summary.model.headerData(2, Qt.Orientation.Horizontal) == "输出形状"
    labels = [t for _, t in visible_texts(win.inspector)]
    assert "卷积核大小" in labels and "步长" in labels and "设置" in labels
    left = leftover_english(builder_texts(win), other_areas_texts(win), win.doc.ids())
    assert not left, left[:8]


def test_palette_help_context_menu_and_canvas_tooltips(zh, make_window, monkeypatch):
    win = make_window()
    pal = win.palette_panel
    pal.tree.setCurrentItem(pal.item_for("Conv2D"))
    assert "设置：卷积核数, 卷积核大小" in pal.help.text() and "(卷积)" in pal.help.text()
    shown = []


    class Menu(QMenu):
        def exec(self, *args):
            shown.extend(x.text() for x in self.actions())

    monkeypatch.setattr(palette_module, "QMenu", Menu)
    pal._context_menu(pal.tree.visualItemRect(pal.item_for("Dense")).center())
    assert shown == ["在选中项之后添加 Dense", "在实验室中讲解"]
    node = win.scene.nodes["c1"]
    tips = [("node", node.toolTip()), ("port", node.in_ports[0].toolTip()), ("out", node.out_port.toolTip()),
            ("settings", node.settings_text), ("params", node.params_text)]
    tips += [("edge", e.toolTip()) for e in list(win.scene.edges.values())[:2]]
    assert "全零填充" in node.settings_text and "个卷积核" in node.settings_text
    assert not leftover_english(tips, other_areas_texts(win), win.doc.ids())


def test_edits_refusals_and_undo_texts(zh, make_window, qtbot):
    win = make_window()
    win.add_after_selection("Dense")
    assert win.stack.undoText() == "添加 Dense" and win.acts.undo.text() == "撤销(&U) 添加 Dense"
    assert not win.editor.connect("c1", "c1")
    assert win.statusBar().currentMessage() == "无法连接：层不能连接到自身。"
    assert win.editor.rename_problem("c1", "s2") == "标识名 's2' 已被另一个层使用"
    win.scene.select_ids(["c1", "s2"])
    qtbot.wait(10)
    assert "已选中 2 个层。" in [t for _, t in visible_texts(win.inspector)]
    win.scene.select_ids(["c1"])
    ed = win.inspector.editors["kernel_size"]
    ed.setText("3×?")
    ed.sigEdited.emit()
    assert win.inspector.error_of("kernel_size") == ("'?' 不是整数——请输入"
                                                     "一个数或 h×w，例如 3 或 3×5")
    pad = win.inspector.editors["padding"]
    assert [pad.mode.itemText(k) for k in range(3)] == ["不填充", "全零填充", "自定义填充"]
    pad.mode.setCurrentIndex(2)
    assert pad.value() == [[0, 0], [0, 0]]  # the value is kept by its code, not by its label
    assert pad.minimumSizeHint().width() <= 200   # the four sides fit a 300 px inspector
    win.editor.set_param("c1", "kernel_size", 3)
    assert win.stack.undoText() == "修改 c1 的卷积核大小"
    win.editor.disconnect("input", "c1")
    n = win.problems.problem_count()
    assert n and win.bottom_tabs.tabText(1) == f"问题 ({n})"
    assert f"{n} 个问题" in win.problems_label.text()


def test_gallery_and_dialogs_speak_chinese(zh, make_window, dialogs, monkeypatch, tmp_path):
    from dlstudio.gui.gallery import PresetGallery
    win = make_window()
    gallery = PresetGallery(win)
    gallery.show()
    assert gallery.windowTitle() == "新建网络" and gallery.list.item(0).text() == "空白"
    gallery.select("mlp")
    assert "个层" in gallery.about.text()
    left = leftover_english(visible_texts(gallery), other_areas_texts())
    gallery.close()
    assert not left, left[:5]

    said = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda p, t, x, *a: said.append((t, x))))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda p, t, x, *a: said.append((t, x))))
    win.show_shortcuts()
    win.show_about()
    assert said[0][0] == "键盘快捷键" and "打开实验室" in said[0][1] and said[1][0] == "关于 dlstudio"
    asked_files = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda p, caption, path, filters, *a: asked_files.append((caption, filters))
                                     or ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda p, caption, path, filters, *a: asked_files.append((caption, filters))
                                     or ("", "")))
    win.export_diagram()
    win.export_onnx()
    win.summary.export_dialog()
    win.files.save_as()
    win.files.open_dialog()
    assert [c for c, _ in asked_files] == ["导出结构图", "导出 ONNX 模型", "导出概要", "保存网络",
                                           "打开网络或模型"]
    assert asked_files[0][1] == "PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)"
    assert "模型文件 (*.dls)" in asked_files[-1][1]

    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: boxes.append(
        [self.windowTitle(), self.text(), self.informativeText()] + [b.text() for b in self.buttons()]) or 0)
    problem = weights_problem(win.doc.network, {})
    assert problem.startswith("带权重的层已改变（新增：c1.")
    ask_weights_choice(win, problem)
    assert boxes[0][0] == "权重已不匹配" and "将网络保存为 .json…" in boxes[0]
    win.add_after_selection("ReLU")                               # unsaved changes
    dialogs.answers["question"].append(QMessageBox.StandardButton.Cancel)
    assert not win.files.maybe_save()
    kind, text = dialogs.asked[-1]
    assert text.startswith("未保存的更改: 是否保存对 ")
    texts = [("box", t) for box in boxes for t in box[:2] + box[3:]] + [("question", text), *said]
    for caption, filters in asked_files:
        texts += [("file dialog", caption), ("file dialog", re.sub(r"\([^)]*\)", " ", filters))]
    weight_names = ["kernel", "bias"]
    left = leftover_english(texts, other_areas_texts(win), win.doc.ids() + ["lenet"] + weight_names)
    assert not left, left[:5]


def test_english_is_unchanged_without_a_catalogue(make_window):
    assert i18n.current() == "en"
    win = make_window(Network(name="tiny"))
    assert [a.text() for a in win.menuBar().actions()][:2] == ["&File", "&Edit"]
    assert win.docks[0].windowTitle() == "Layers" and win.problems_label.text() == "✓ no problems"
    assert win.windowTitle() == "tiny (unsaved)[*] — dlstudio"
    assert QApplication.translate("", "Layers") == "Layers"
