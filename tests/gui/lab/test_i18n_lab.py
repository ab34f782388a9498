"""The Lab in Simplified Chinese (issue 12, area `lab`).

Every concept page opens in zh_CN with its title, explanation, controls, tabs, plot labels and
legends in Chinese, and no English word is left outside a short allowlist (loss code names, proper
names of test functions and optimizers, the glossary's Latin terms). The text the engine's Lab
modules produce (step-by-step sentences, errors) is translated by template with its numbers kept.
`lab.ts` is complete and keeps every {field}. Afterwards English is installed again.
"""
from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtWidgets import QTabWidget

from dlstudio.engine.lab import conv_steps as cs
from dlstudio.engine.lab import losses as L
from dlstudio.engine.lab import lstm_cell as E
from dlstudio.engine.losses import LOSSES
from dlstudio.gui import i18n
from dlstudio.gui.i18n.build import field_mismatches, read_ts, ts_path
from dlstudio.gui.i18n.scan import english_words, visible_texts
from dlstudio.gui.lab import PAGES

HAN = re.compile(r"[\u4e00-\u9fff]")
# code names of the losses (the list on the Losses page) and of Nesterov momentum, the glossary's Latin terms
ALLOW = ({w for name in LOSSES for w in re.findall(r"[A-Za-z]+", name)}
         | {"Nesterov", "Smooth", "Logistic", "Hinge"})
PAGE_KEYS = [k for k, _, _ in PAGES if k != "experiments"]      # the experiments page: area expcode


@pytest.fixture
def zh(qapp):
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    yield
    i18n.install(qapp, "en")


def chinese(text: str) -> bool:
    return bool(HAN.search(text or ""))


def _leftovers(page, skip=()) -> list[tuple[str, str, list[str]]]:
    """English words in what `page` shows, outside ALLOW; widgets in `skip` (owned by other areas)
    are left out."""
    cut = {t for s in skip for _, t in visible_texts(s)}
    texts = [(w, t) for w, t in visible_texts(page) if t not in cut]
    return [(w, t, e) for w, t in texts if (e := english_words(t, ALLOW))]


def _walk(page, qapp):
    """Yield after showing each tab of each tab widget of the page (and each training-step stage)."""
    qapp.processEvents()
    yield
    for tabs in page.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            qapp.processEvents()
            yield
    if page.key == "step":
        for i in range(5):
            page.set_stage(i)
            qapp.processEvents()
            yield
    if page.key == "conv":
        page.example_btn.setChecked(True)
        qapp.processEvents()
        yield


@pytest.mark.slow
def test_every_lab_page_speaks_chinese(zh, qapp, lab_page):
    found = []
    for key in PAGE_KEYS:
        page = lab_page(key, size=(1280, 820))
        win = page.window()
        assert chinese(win.windowTitle()) and chinese(page.heading.text()) and chinese(page.intro_label.text())
        titles = [win.list.item(i).text() for i in range(win.list.count())]
        assert all(chinese(t) for t in titles), titles
        skip = [page.view] if key == "regions" else []      # the regions view: area `training`
        for _ in _walk(page, qapp):
            found += [(key, *f) for f in _leftovers(page, skip)]
        page.shutdown()
    assert not found, "\n".join(f"{k} · {w}: {e} in {t!r}" for k, w, t, e in found[:30])


def test_key_controls_are_translated(zh, lab_page):
    conv = lab_page("conv")
    assert conv.step_btn.text() == "单步 ▶" and conv.pad_mode.currentText() == "不填充"
    assert conv.pad_mode.currentData() == "valid"           # the mode itself stays the code name
    assert "偏置 1 = 1" in conv.sum_label.text()             # the engine's sentence, translated
    conv.pad_mode.setCurrentIndex(conv.pad_mode.findData("same"))
    assert "全零填充" in conv.formula_label.text() and "⌈5 / 1⌉ = 5" in conv.formula_label.text()
    losses = lab_page("losses")
    assert [losses.tabs.tabText(i) for i in range(3)] == ["值与梯度", "异常值", "激活函数 + 损失函数"]
    regions = lab_page("regions")
    regions.stop()
    regions.data.setCurrentIndex(regions.data.findData("xor"))
    assert regions.data.currentText() == "异或" and regions.dataset is not None and len(regions.dataset) == 400


def test_engine_sentences_translate_with_their_numbers(zh):
    res = cs.run(cs.PRESETS[1].setup, cs.PRESETS[1].x, cs.PRESETS[1].kernel, cs.PRESETS[1].bias)
    english = cs.explain(res, 0, 0, 0).text()
    chinese_text = i18n.tr_text(english)
    assert "[ch 1]" in english and "[通道 1]" in chinese_text and "偏置" in chinese_text
    assert re.findall(r"−?\d+", english.replace("[ch ", "[")) == re.findall(r"−?\d+", chinese_text)
    assert "参数量" in i18n.tr_text(cs.cost_formula(res))
    with pytest.raises(cs.StepperError) as err:
        cs.run(cs.Setup("Conv2D"), np.zeros((2, 2)))
    assert i18n.tr_text(err.value.args[0]) == "输入必须是 [C, H, W]，实际形状为 [2, 2]"
    reason = L.availability("hinge", "regression", 1.0)
    assert reason.startswith("hinge is a classification loss") and i18n.tr_text(reason).startswith("hinge 是分类")
    reading = E.reading(E.compare_through_time(10, units=4))
    assert reading.startswith("At t=1") and i18n.tr_text(reading).startswith("在 t=1 处")


def test_lab_ts_is_complete_and_keeps_fields():
    entries = read_ts(ts_path("lab", "zh_CN"))
    assert len(entries) > 300
    missing = [s for s, t in entries.items() if not t]
    assert not missing, missing[:10]
    bad = field_mismatches("lab", "zh_CN")
    assert not bad, bad[:10]
