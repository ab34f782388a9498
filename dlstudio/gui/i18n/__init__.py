"""The app's languages: choosing one, installing Qt's translators, translating text.

    from dlstudio.gui.i18n import tr          # in the app's own code, at the moment text is shown
    label.setText(tr("Learning rate"))
    status.showMessage(tr("Saved {path}").format(path=p))

    from dlstudio.gui.i18n import tr_text     # for text from the Qt-free packages (dlstudio.i18n.Text)
    problems.addItem(tr_text(str_or_text))

Every call uses the empty context, so Qt's `pyside6-lupdate` (which files a bare `tr("…")` under
the empty context) and the runtime agree. Translations: `zh_CN/*.ts` beside this file, compiled
into `dlstudio_zh_CN.qm` by `python -m dlstudio.gui.i18n.build` (docs/translating.md).

The language: `--lang`, else the environment variable DLSTUDIO_LANG, else the setting
`ui/language` (View → Language; applied at the next start), else the system locale; English when
none of them names a language the app has.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from dlstudio.i18n import LANGUAGES, QT_TR_NOOP, Text, normalize_language  # noqa: F401

HERE = os.path.dirname(os.path.abspath(__file__))
SETTING = "ui/language"
_installed: list[QTranslator] = []
_current = "en"
_locale_before: list = []     # the default QLocale before a translation changed it


def tr(text: str, disambiguation: str | None = None) -> str:
    """`text` in the app's language (a literal: lupdate finds it here)."""
    return QCoreApplication.translate("", text, disambiguation)


def tr_text(text) -> str:
    """Text from the Qt-free packages in the app's language: a `Text` is translated by its template
    and formatted with its (translated) arguments; a plain string is looked up whole."""
    if text is None:
        return ""
    if isinstance(text, Text):
        template = QCoreApplication.translate("", text.template)
        if not text.args and not text.kwargs:
            return template
        args = [tr_text(a) if isinstance(a, Text) else a for a in text.args]
        kwargs = {k: tr_text(v) if isinstance(v, Text) else v for k, v in text.kwargs.items()}
        try:
            return template.format(*args, **kwargs)
        except (IndexError, KeyError, ValueError):   # a translation with a wrong field: fall back
            return str.format(text.template, *args, **kwargs)
    text = str(text)
    return QCoreApplication.translate("", text) if text else text


def choose(cli: str | None = None, settings=None, environ=None) -> str:
    """The language to start in (see the module's doc): 'en' or 'zh_CN'."""
    env = os.environ if environ is None else environ
    for candidate in (cli, env.get("DLSTUDIO_LANG"),
                      settings.value(SETTING, "") if settings is not None else None):
        lang = normalize_language(candidate)
        if lang:
            return lang
    return normalize_language(QLocale.system().name()) or "en"


def catalogue_path(lang: str) -> str:
    return os.path.join(HERE, f"dlstudio_{lang}.qm")


def install(app, lang: str) -> str:
    """Install the translators for `lang` (the app's, then Qt's own dialogs'); returns the
    language in effect ('en' when `lang` has no catalogue)."""
    global _current
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    _current = "en"
    if _locale_before:
        QLocale.setDefault(_locale_before.pop())
    if lang == "en" or lang not in LANGUAGES:
        return "en"
    mine = QTranslator(app)
    if not mine.load(catalogue_path(lang)):
        return "en"
    _installed.append(mine)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", qt_dir):
        _installed.append(qt)
    for t in _installed:
        app.installTranslator(t)
    _locale_before.append(QLocale())
    QLocale.setDefault(QLocale(lang))
    _current = lang
    return lang


def current() -> str:
    """The language in effect ('en' or 'zh_CN')."""
    return _current
