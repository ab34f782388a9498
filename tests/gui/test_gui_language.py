"""Choosing the app's language: --lang, DLSTUDIO_LANG, the setting, View → Language."""
from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from dlstudio import cli
from dlstudio.gui import i18n
from dlstudio.gui.app import parse_args
from dlstudio.gui.i18n.scan import english_words
from dlstudio.i18n import Text, normalize_language, tr


@pytest.fixture
def english():
    yield
    i18n.install(QApplication.instance(), "en")


def test_normalize_language():
    assert normalize_language("zh_CN.UTF-8") == "zh_CN"
    assert normalize_language("zh-CN") == "zh_CN"
    assert normalize_language("en_US") == "en"
    assert normalize_language("C") == "en"
    assert normalize_language("fr_FR") is None
    assert normalize_language("") is None


def test_choose_order(tmp_path):
    s = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    s.setValue(i18n.SETTING, "zh_CN")
    assert i18n.choose("en", s, {"DLSTUDIO_LANG": "zh_CN"}) == "en"         # --lang first
    assert i18n.choose(None, s, {"DLSTUDIO_LANG": "en"}) == "en"            # then the environment
    assert i18n.choose(None, s, {}) == "zh_CN"                              # then the setting
    s.setValue(i18n.SETTING, "")
    assert i18n.choose(None, s, {}) in ("en", "zh_CN")                      # then the system's


def test_lang_option_parsed_and_refused():
    assert parse_args(["--lang", "zh-CN", "lenet5"]).lang == "zh_CN"
    assert parse_args(["lenet5"]).lang is None
    with pytest.raises(SystemExit) as e:
        parse_args(["--lang", "klingon"])
    assert e.value.code == 2


def test_cli_routes_lang_to_the_app(monkeypatch):
    seen = []
    monkeypatch.setattr("dlstudio.gui.app.main", lambda argv: seen.append(argv) or 0)
    assert cli.main(["--lang", "zh_CN", "lenet5"]) == 0
    assert cli.main(["--lang=zh_CN"]) == 0
    assert seen == [["--lang", "zh_CN", "lenet5"], ["--lang=zh_CN"]]


def test_install_translates_and_uninstalls(qapp, english):
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    assert i18n.current() == "zh_CN"
    assert i18n.tr("Cancel") != "Cancel" or QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"
    assert i18n.install(qapp, "en") == "en"
    assert i18n.tr("&File") == "&File"


def test_tr_text_formats_the_translated_template(qapp, english):
    text = tr("{layer} needs {what}").format(layer="Conv2D", what=tr("an image"))
    assert isinstance(text, Text) and text == "Conv2D needs an image"
    assert text.template == "{layer} needs {what}" and text.kwargs["layer"] == "Conv2D"
    assert i18n.tr_text(text) == "Conv2D needs an image"        # no translation: the English
    assert i18n.tr_text(None) == ""


def test_english_words_allowlist():
    assert english_words("学习率 0.01 · Adam · Conv2D 3×3 · 12 ms") == []
    assert english_words("<b>训练</b> model.dls") == []
    assert english_words("Learning rate 学习率") == ["Learning", "rate"]


def test_view_language_menu_saves_and_offers_restart(window, qtbot, monkeypatch, english):
    monkeypatch.delenv("DLSTUDIO_LANG", raising=False)
    win = window
    assert set(win.language_actions) == {"", "en", "zh_CN"}
    titles = [a.text() for a in win.language_menu.actions()]
    assert "简体中文" in titles and "English" in titles
    from dlstudio.gui.language_menu import choose_language
    box = choose_language(win, "zh_CN")
    assert win.settings.value(i18n.SETTING) == "zh_CN"
    assert win.language_actions["zh_CN"].isChecked()
    assert isinstance(box, QMessageBox) and box.isVisible()
    restarted = []
    monkeypatch.setattr("dlstudio.gui.language_menu.restart_app", lambda w: restarted.append(w))
    later = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole][0]
    later.click()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert restarted == []
    # choosing the language already in effect only says it was saved
    assert choose_language(win, "en") is None
    assert win.settings.value(i18n.SETTING) == "en"


def test_environment_variable_wins_and_says_so(window, monkeypatch, english):
    monkeypatch.setenv("DLSTUDIO_LANG", "en")
    from dlstudio.gui.language_menu import choose_language
    box = choose_language(window, "zh_CN")
    assert box is not None and "DLSTUDIO_LANG" in box.text()
    box.close()


def test_screenshot_in_chinese_is_translated(tmp_path, english):
    """`dlstudio --lang zh_CN --screenshot` renders the window with the zh_CN catalogue installed."""
    from dlstudio.gui.app import main as gui_main
    out = tmp_path / "zh.png"
    seen = {}
    import dlstudio.gui.app as app_mod
    real = app_mod.screenshot

    def spy(win, *a, **k):
        seen["file_menu"] = win.menuBar().actions()[0].text()
        seen["lang"] = i18n.current()
        return real(win, *a, **k)

    app_mod.screenshot = spy
    try:
        assert gui_main(["--lang", "zh_CN", "--screenshot", str(out), "mlp"]) == 0
    finally:
        app_mod.screenshot = real
    assert out.exists() and seen["lang"] == "zh_CN"
    assert i18n.current() == "en"                               # left as it was
    assert os.path.getsize(out) > 1000


def test_committed_catalogue_is_built_from_the_sources(tmp_path):
    """dlstudio_zh_CN.qm is what `python -m dlstudio.gui.i18n.build --no-update` makes of the .ts files."""
    from dlstudio.gui.i18n import build
    fresh = build.compile_qm("zh_CN", str(tmp_path / "fresh.qm"))
    with open(fresh, "rb") as f, open(i18n.catalogue_path("zh_CN"), "rb") as g:
        assert f.read() == g.read(), "run: python -m dlstudio.gui.i18n.build --no-update"


def test_field_mismatches_finds_a_translation_that_drops_a_field(monkeypatch):
    from dlstudio.gui.i18n import build
    monkeypatch.setattr(build, "read_ts", lambda path: {
        "Saved {path}": "已保存 {path}", "{n:,} layers": "{n} 个层", "Epoch {epoch}": "轮次",
        "unfinished {x}": None})
    assert build.field_mismatches("app", "zh_CN") == [("{n:,} layers", "{n} 个层"), ("Epoch {epoch}", "轮次")]
