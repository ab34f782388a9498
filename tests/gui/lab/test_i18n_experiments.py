"""The Experiments page in Simplified Chinese (issue 12, areas `expcode` and `experiments`).

With zh_CN installed, every built-in experiment shows its title, claim, run labels, plot titles and
axes in Chinese, and no English word is left outside the names the experiment file defines (run
ids, figure names, data sets, settings — shown as written, like code), the loss code names and the
article's own Latin words. A short experiment run from the page ends with a Chinese verdict whose
sentence is the rule's translated template filled with the measured figures. Errors from the
Qt-free package (a bad experiment file, a bad rule) are translated by template; English is
byte-for-byte what it was. Afterwards English is installed again.
"""
from __future__ import annotations

import re
import string

import pytest

from dlstudio.engine.losses import LOSSES
from dlstudio.experiments import (
    ExperimentError,
    experiment_from_dict,
    load_experiment,
    message_of,
)
from dlstudio.experiments import verdict as V
from dlstudio.gui import i18n
from dlstudio.gui.i18n.build import experiment_texts, field_mismatches, read_ts, ts_path
from dlstudio.gui.i18n.scan import english_words, visible_texts
from dlstudio.gui.lab.evidence import VERDICTS
from dlstudio.gui.lab.experiment_text import describe_figure, identifiers
from dlstudio.gui.lab.experiments import NAME_ROLE

HAN = re.compile(r"[\u4e00-\u9fff]")
# loss code names, and the glossary's Latin term (Logistic 损失)
LOSS_WORDS = {w for name in LOSSES for w in re.findall(r"[A-Za-z]+", name)} | {"Logistic"}


@pytest.fixture
def zh(qapp):
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    yield
    i18n.install(qapp, "en")


def chinese(text: str) -> bool:
    return bool(HAN.search(text or ""))


def leftovers(page) -> list[tuple[str, str, list[str]]]:
    """English words the page shows, outside the experiment's own names, loss code names and the
    words of the article's quote (the curriculum's Chinese text has a few Latin words)."""
    exp = page.experiment
    allow = identifiers(exp) | LOSS_WORDS | set(re.findall(r"[A-Za-z]+", exp.article.get("quote", "")))
    return [(w, t, e) for w, t in visible_texts(page) if (e := english_words(t, allow))]


def test_the_catalogues_are_complete_and_keep_every_field():
    for area in ("expcode", "experiments"):
        entries = read_ts(ts_path(area, "zh_CN"))
        assert entries, area
        missing = [s for s, t in entries.items() if not t]
        assert not missing, (area, missing[:5])
        assert not field_mismatches(area, "zh_CN"), area
    # the experiments' catalogue holds the texts of every built-in as they are now
    assert set(experiment_texts()) <= set(read_ts(ts_path("experiments", "zh_CN")))


def test_every_builtin_shows_in_chinese(zh, qtbot, lab_page):
    page = lab_page("experiments", size=(1280, 800))
    assert page.run_button.text() == "运行" and page.stop_button.text() == "停止"
    assert page.open_button.text() == "打开实验文件…"
    assert page.evidence.badge.text() == "尚未运行" and page.progress.format() == "尚未运行"
    headers = [page.runs.horizontalHeaderItem(c).text() for c in range(4)]
    assert headers == ["运行", "标签", "网络", "设置"]
    for i in range(page.list.count()):
        item = page.list.item(i)
        page.list.setCurrentRow(i)
        exp = page.experiment
        assert exp is not None and exp.name == item.data(NAME_ROLE)
        assert chinese(item.text()) and chinese(item.toolTip()), exp.name
        assert chinese(page.claim.text()) and "论断" in page.claim.text(), exp.name
        for r in range(page.runs.rowCount()):
            label = page.runs.item(r, 1).text()
            assert label == i18n.tr(exp.runs[r].label)
        for plot in page.evidence.plots:
            for text in (plot.plot.titleLabel.text, plot.plot.getAxis("bottom").labelText,
                         plot.plot.getAxis("left").labelText):
                assert not english_words(text, identifiers(exp)), (exp.name, text)
        assert leftovers(page) == [], exp.name


def test_a_run_from_the_page_ends_with_a_chinese_verdict(zh, qtbot, lab_page):
    page = lab_page("experiments", size=(1280, 800))
    page.select("linear-stack")
    exp = page.experiment
    exp.data, exp.seeds = "spirals?n=120", [0]        # small and short: the point is the text
    for run in exp.runs:
        run.settings["epochs"] = 2
    page.start()
    assert page.progress.format().startswith("正在启动")
    qtbot.waitUntil(lambda: page.result is not None, timeout=90_000)
    result = page.result
    badge = page.evidence.badge.text()
    assert badge == i18n.tr(VERDICTS[result["verdict"]][0]) and chinese(badge)
    # the rule's sentence translated first, then filled with the same figures as the English one
    rule = next(r for r in exp.verdict if r["then"] == result["verdict"] and r["because"] == result["because_template"])
    assert V.format_because(rule["because"], V.lookup_in(result["figures"])) == result["because"]
    zh_template = i18n.tr(rule["because"])
    assert chinese(zh_template)
    because = page.evidence.because.text()
    assert because == V.format_because(zh_template, V.lookup_in(result["figures"]))
    fields = [(f, spec) for _, f, spec, _ in string.Formatter().parse(rule["because"]) if f]
    assert fields
    for f, spec in fields:   # every measured number of the English sentence is in the Chinese one
        value = V.format_because("{" + f + (":" + spec if spec else "") + "}", V.lookup_in(result["figures"]))
        assert value in because, (f, value, because)
    assert page.progress.format() == "完成"
    titles = [p.plot.titleLabel.text for p in page.evidence.plots]
    assert titles == ["验证准确率", "训练损失"]
    assert {p.plot.getAxis("bottom").labelText for p in page.evidence.plots} == {"轮次"}
    assert [h.text() for h in (page.evidence.figures.horizontalHeaderItem(c) for c in range(4))] == \
        ["运行", "指标", "均值", "各随机种子的范围"]
    assert page.evidence.figures.rowCount() == len(exp.runs) * len(exp.figures)
    rows = {(r[0], r[1]) for r in page.evidence.figure_rows()}
    assert ("relu", "acc（验证准确率最大值）") in rows and ("relu", "参数量") in rows
    assert leftovers(page) == []


def test_errors_from_the_experiments_package_are_translated_by_template(zh):
    doc = load_experiment("linear-stack").raw
    bad = dict(doc, runs=[dict(doc["runs"][0], settings={"lr": "abc"})])
    with pytest.raises(ExperimentError) as info:
        experiment_from_dict(bad, path="my.json")
    english = str(info.value)
    assert english == "my.json: runs[0].settings.lr must be a positive number, got 'abc'"
    shown = i18n.tr_text(message_of(info.value))
    assert shown == "my.json：runs[0].settings.lr 必须是正数，实际为 'abc'"
    with pytest.raises(V.RuleError) as info:
        V.evaluate("a.acc.mean / (a.acc.mean - a.acc.mean) > 1", V.lookup_in({"a.acc": {"mean": 0.5}}))
    assert str(info.value) == "'a.acc.mean / (a.acc.mean - a.acc.mean) > 1': division by zero"
    assert i18n.tr_text(message_of(info.value)) == "'a.acc.mean / (a.acc.mean - a.acc.mean) > 1'：除以零"


def test_figure_paths_read_as_written_in_english_and_as_words_in_chinese(qapp):
    paths = ["max.val_accuracy", "final.train_loss", "min.val_mae", "roughness.train_loss_batch",
             "last_3_mean.val_loss", "epochs_to.val_accuracy>=0.9", "epochs_to.val_loss<=0.35", "params",
             "acc_shift_1", "max.no_such_curve"]
    assert [describe_figure(p) for p in paths] == paths
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    try:
        zh = [describe_figure(p) for p in paths]
    finally:
        i18n.install(qapp, "en")
    assert zh[:8] == ["验证准确率最大值", "最终训练损失", "验证 MAE最小值", "每批次训练损失波动度",
                      "验证损失最后 3 个值的均值", "验证准确率 ≥ 0.9 所需轮次", "验证损失 ≤ 0.35 所需轮次", "参数量"]
    assert zh[8:] == ["acc_shift_1", "no_such_curve最大值"]      # names no table knows: as written
