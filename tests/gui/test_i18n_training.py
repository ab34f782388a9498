"""The training panel and the live views in Simplified Chinese (issue 12, area `training`).

The app runs in zh_CN, a small network trains for an epoch, and the Training dock (controls,
progress, setup, curves), the Train menu and every live view (feature maps, gates, weights,
regions, evaluation, predict) speak Chinese: no English word is left outside the allowlist except
text other areas translate (the data sources' help and options, the data's class names), which is
left out before looking. The source `training.ts` is complete and keeps every {field}; messages raised
with a `Text` keep their template on the way to the window. English is installed again after.
"""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from training_helpers import ready, run

from dlstudio.data import available
from dlstudio.engine.losses import LOSSES
from dlstudio.engine.optimizers import OPTIMIZERS
from dlstudio.gui import i18n
from dlstudio.gui.i18n.build import field_mismatches, read_ts, ts_path
from dlstudio.gui.i18n.scan import english_words, visible_texts
from dlstudio.gui.training.weights_view import weight_label
from dlstudio.i18n import message
from dlstudio.i18n import tr as mark
from dlstudio.spec import Network

HAN = re.compile(r"[\u4e00-\u9fff]")
MNEMONIC = re.compile(r"&(?![a-z]+;|#\d+;)")
# sources that need no Chinese: file formats, code names, symbols and punctuation
LATIN_OK = {"PNG…", "CSV…", "SGD (1)", "⚠ {problem}", "{help}."}
# names the glossary and the field keep in Latin script (Logistic 损失, AdaBoost, SVM)
ALLOW = {"Logistic", "AdaBoost", "SVM"}


@pytest.fixture
def zh(qapp):
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    yield
    i18n.install(qapp, "en")


def chinese(text: str) -> bool:
    return bool(HAN.search(text or ""))


def small_cnn() -> Network:
    net = Network(name="cnn")
    net.add("in", "Input", {"shape": [1, 8, 8]}, pos=(0, 0))
    net.add("conv", "Conv2D", {"filters": 4, "kernel_size": 3, "padding": "same"}, after="in", pos=(0, 90))
    net.add("relu", "ReLU", after="conv", pos=(0, 180))
    net.add("pool", "MaxPool2D", {"pool_size": 2}, after="relu", pos=(0, 270))
    net.add("flat", "Flatten", after="pool", pos=(0, 360))
    net.add("out", "Dense", {"units": 10}, after="flat", pos=(0, 450))
    return net


def small_lstm() -> Network:
    net = Network(name="lstm")
    net.add("in", "Input", {"shape": [8, 8]}, pos=(0, 0))
    net.add("lstm", "LSTM", {"units": 6}, after="in", pos=(0, 90))
    net.add("out", "Dense", {"units": 10}, after="lstm", pos=(0, 180))
    return net


def other_areas_texts(win) -> list[str]:
    """What other areas translate, shown whole: the data sources' help and options (the core's)."""
    setup = win.training.hub.setup
    tips = [setup.source.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(setup.source.count())]
    return [t for t in [setup.source_help.text(), *tips] if t]


def class_names(win) -> list[str]:
    """The data's class names (data, or the core's to translate), longest first."""
    ds = win.training.hub.setup.dataset
    names = [i18n.tr_text(c) for c in (ds.classes if ds is not None else [])]
    return sorted((n for n in names if re.search("[A-Za-z]", n)), key=len, reverse=True)


def leftover_english(win, texts, allow) -> list[tuple[str, str, list[str]]]:
    whole, cut = set(other_areas_texts(win)), class_names(win)
    out = []
    for where, text in texts:
        if text in whole:
            continue
        for name in cut:
            text = text.replace(name, " ")
        words = english_words(MNEMONIC.sub("", text), ALLOW | set(allow))
        if words:
            out.append((where, text, words))
    return out


def allowed(win) -> set[str]:
    """Names that stay as they are: node ids, the network's name, data sources' and losses' and
    optimizers' code names (and their parts: fashion-mnist, cross_entropy)."""
    names = {n.id for n in win.doc.network.nodes} | {win.doc.network.name}
    names |= {a["name"] for a in available()} | set(LOSSES) | set(OPTIMIZERS)
    return names | {w for name in names for w in re.findall(r"[A-Za-z]+", name)}


def training_texts(win) -> list[tuple[str, str]]:
    """The Train menu, the Training dock and every live view tab (each shown in turn)."""
    hub = win.training.hub
    texts = []   # (the menu's title is the main window's)
    for act in win.train_menu.actions():
        if not act.isSeparator():
            texts += [("train menu item", act.text()), ("train menu tip", act.statusTip())]
    texts += [("live view tab", win.bottom_tabs.tabText(win.bottom_tabs.indexOf(v))) for v, _ in hub.tabs]
    for page in (hub.setup, hub.curves):
        hub.panel.tabs.setCurrentWidget(page)
        texts += visible_texts(hub.panel)
    for view, _ in hub.tabs:
        if win.bottom_tabs.isTabVisible(win.bottom_tabs.indexOf(view)):
            win.bottom_tabs.setCurrentWidget(view)
            texts += visible_texts(view)
    return texts


def test_training_ts_is_complete_and_keeps_every_field():
    entries = read_ts(ts_path("training", "zh_CN"))
    assert len(entries) > 250
    unfinished = [s for s, t in entries.items() if not t]
    assert not unfinished, unfinished[:5]
    assert not field_mismatches("training", "zh_CN")
    for source, text in entries.items():
        assert source.count("&") == text.count("&"), (source, text)
        assert chinese(text) or source in LATIN_OK, (source, text)
    # the glossary's terms
    assert entries["forget gate"] == "遗忘门" and entries["input gate"] == "输入门"
    assert entries["output gate"] == "输出门" and entries["Learning rate"] == "学习率"
    assert entries["Loss"] == "损失函数" and entries["Confusion matrix (rows: true class)"].startswith("混淆矩阵")


def test_messages_keep_their_template_to_the_window(zh):
    error = ValueError(mark("Cannot write {path}: {error}").format(path="/tmp/x.csv", error="disk full"))
    text = message(error)
    assert text == "Cannot write /tmp/x.csv: disk full"        # the English text is unchanged
    assert i18n.tr_text(text) == "无法写入 /tmp/x.csv：disk full"
    assert message(KeyError("x")) == "'x'"                      # other errors: their str
    assert weight_label("conv.kernel") == "conv.权重" and weight_label("lstm.recurrent_kernel") == "lstm.循环权重"
    assert weight_label("odd") == "odd"


def test_english_stays_as_it_was():
    assert weight_label("conv.kernel") == "conv.kernel" and weight_label("bn.gamma") == "bn.gamma"
    error = ValueError(mark("Cannot write {path}").format(path="a"))
    assert i18n.tr_text(message(error)) == "Cannot write a"


@pytest.mark.slow
def test_cnn_training_and_its_views_speak_chinese(zh, make_window, qtbot):
    win = make_window(small_cnn())
    c = ready(win, qtbot, data="digits", epochs=1)
    hub = c.hub
    assert hub.panel.start_button.text() == "开始" and hub.panel.tabs.tabText(0) == "设置"
    assert "就绪：" in hub.setup.problems.text() and "个参数" in hub.setup.problems.text()
    win.bottom_tabs.setCurrentWidget(hub.maps)
    run(c, qtbot)
    assert hub.panel.progress.format().startswith("已完成 · 1 个轮次"), hub.panel.progress.format()
    assert hub.panel.start_button.text() == "继续训练" and win.engine_label.text() == "引擎：空闲"
    assert hub.maps.maps.title.startswith("conv：4 个 8×8 通道")
    win.bottom_tabs.setCurrentWidget(hub.evaluation)
    qtbot.waitUntil(lambda: hub.evaluation.result is not None, timeout=60_000)
    assert hub.evaluation.summary.text().startswith("验证集") and "准确率" in hub.evaluation.summary.text()
    win.bottom_tabs.setCurrentWidget(hub.predict)
    qtbot.waitUntil(lambda: hub.predict.result is not None, timeout=60_000)
    assert hub.weights.weight.currentText() == "conv.权重" and hub.weights.weight.currentData() == "conv.kernel"
    texts = training_texts(win)
    assert len(texts) > 60
    left = leftover_english(win, texts, allowed(win))
    assert not left, left


@pytest.mark.slow
def test_lstm_gates_and_regions_speak_chinese(zh, make_window, qtbot):
    win = make_window(small_lstm())
    c = ready(win, qtbot, data="digits-seq", epochs=1)
    hub = c.hub
    win.bottom_tabs.setCurrentWidget(hub.gates)
    run(c, qtbot)
    qtbot.waitUntil(lambda: hub.gates.shown("f") is not None, timeout=60_000)
    titles = [h.plot.titleLabel.text for h in hub.gates.heatmaps.values()]
    assert any(t.startswith("遗忘门 f") for t in titles) and any(t.startswith("细胞状态 c") for t in titles)
    assert hub.gates.legend.items and hub.gates.legend.items[0][1].text == "单元 0"
    texts = training_texts(win)
    left = leftover_english(win, texts, allowed(win))
    assert not left, left
    # points in the plane: the Regions tab and a message-only feature maps view
    mlp = Network(name="mlp")
    mlp.add("in", "Input", {"shape": [2]}, pos=(0, 0))
    mlp.add("h", "Dense", {"units": 8}, after="in", pos=(0, 90))
    mlp.add("t", "Tanh", after="h", pos=(0, 180))
    mlp.add("out", "Dense", {"units": 2}, after="t", pos=(0, 270))
    win2 = make_window(mlp)
    c2 = ready(win2, qtbot, data="xor?n=200", epochs=1)
    win2.bottom_tabs.setCurrentWidget(c2.hub.regions)
    run(c2, qtbot)
    qtbot.waitUntil(lambda: c2.hub.regions.regions is not None, timeout=60_000)
    assert chinese(c2.hub.regions.units_caption.text())
    left = leftover_english(win2, training_texts(win2), allowed(win2))
    assert not left, left


@pytest.mark.slow
def test_regression_views_questions_and_dialogs_speak_chinese(zh, make_window, qtbot, dialogs, tmp_path):
    net = Network(name="adder")
    net.add("in", "Input", {"shape": [10, 2]}, pos=(0, 0))
    net.add("lstm", "LSTM", {"units": 8}, after="in", pos=(0, 90))
    net.add("out", "Dense", {"units": 1}, after="lstm", pos=(0, 180))
    win = make_window(net)
    c = ready(win, qtbot, data="adding:10?n=200", epochs=1)
    run(c, qtbot)
    hub = c.hub
    ev, p = hub.evaluation, hub.predict
    win.bottom_tabs.setCurrentWidget(ev)
    qtbot.waitUntil(lambda: ev.result is not None and ev.result["kind"] == "regression", timeout=60_000)
    assert ev.wrong_label.text() == "误差最大的样本" and "平均绝对误差" in ev.summary.text()
    assert hub.curves.p_acc.titleLabel.text == "平均绝对误差"
    win.bottom_tabs.setCurrentWidget(p)
    qtbot.waitUntil(lambda: p.result is not None, timeout=60_000)
    assert p.answer.text().startswith("输出 ") and "目标 " in p.answer.text()
    assert p.seq_plot.getPlotItem().titleLabel.text == "此样本随时间的变化"
    left = leftover_english(win, training_texts(win), allowed(win))
    assert not left, left
    # every optimizer's settings
    for name in OPTIMIZERS:
        hub.setup.optimizer.setCurrentText(name)
        left = leftover_english(win, visible_texts(hub.setup), allowed(win))
        assert not left, (name, left)
        if "nesterov" in hub.setup.hyper_widgets:
            assert hub.setup.hyper_form.labelForField(hub.setup.hyper_widgets["nesterov"]).text() == "Nesterov 动量"
    hub.setup.optimizer.setCurrentText("adam")
    # a question while a run goes on, and the curves' export dialog
    c.hub.setup.epochs.setValue(100_000)
    assert c.start(False)
    qtbot.waitUntil(lambda: c.state == "training", timeout=60_000)
    dialogs.answers["question"].append(QMessageBox.StandardButton.Yes)
    assert c.confirm_drop()
    assert dialogs.asked[-1][1].startswith("正在训练: 停止这次训练？")
    dialogs.answers["save"].append(str(tmp_path / "curves.csv"))
    hub.curves.export_csv_dialog()
    assert dialogs.asked[-1] == ("save", "将曲线保存为 CSV") and (tmp_path / "curves.csv").exists()
