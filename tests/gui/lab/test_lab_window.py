"""The Lab as a whole: opened from Help, the toolbar and the "Explain" links; every page builds,
shows and hides cleanly; `dlstudio lab` and `--screenshot … lab:PAGE` on the command line."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from dlstudio.gui.lab import PAGE_KEYS, PAGES, TOPICS, page_for
from dlstudio.gui.lab.links import explain_link, topic_of


def test_every_topic_names_a_page_and_links_round_trip():
    assert set(TOPICS.values()) <= set(PAGE_KEYS)
    for topic in TOPICS:
        link = explain_link(topic)
        href = link.split("'")[1]
        assert topic_of(href) == topic
    assert explain_link("BatchNorm") == "" and page_for("BatchNorm") is None
    assert topic_of("https://example.org") is None


def test_help_menu_and_toolbar_open_the_lab(window, qtbot):
    menu_texts = [a.text() for a in window.menuBar().actions()]
    help_menu = window.menuBar().actions()[menu_texts.index("&Help")].menu()
    assert window.acts.lab in help_menu.actions()
    assert window.acts.lab in window.toolbar.actions()
    window.acts.lab.trigger()
    lab = window.lab
    assert lab is not None and lab.isVisible()
    assert lab.current == PAGE_KEYS[0]
    window.acts.lab.trigger()  # a second time: the same window, same page
    assert window.lab is lab and lab.current == PAGE_KEYS[0]


@pytest.mark.parametrize("topic, page", [("optimizer:adam", "optimizers"), ("loss:hinge", "losses"),
                                         ("Conv2D", "conv"), ("LSTM", "lstm"), ("batch:sgd", "optimizers")])
def test_explain_shows_the_page_for_the_topic(window, qtbot, topic, page):
    window.explain(topic)
    assert window.lab.isVisible() and window.lab.current == page


def test_palette_and_inspector_links_explain_the_layer(window, qtbot):
    pal = window.palette_panel
    pal.tree.setCurrentItem(pal.item_for("MaxPool2D"))
    assert "lab:MaxPool2D" in pal.help.text()
    pal.help.linkActivated.emit("lab:MaxPool2D")
    assert window.lab.current == "conv"
    pal.tree.setCurrentItem(pal.item_for("BatchNorm"))
    assert "lab:" not in pal.help.text()  # no page explains it: no link

    conv = next(n.id for n in window.doc.network.nodes if n.type == "Conv2D")
    window.scene.select_ids([conv])
    insp = window.inspector
    assert "lab:Conv2D" in insp.explain_label.text()
    window.lab.show_page("losses")
    insp.explain_label.linkActivated.emit("lab:Conv2D")
    assert window.lab.current == "conv"


def test_training_setup_links_explain_loss_optimizer_and_batch_mode(window, qtbot):
    setup = window.training.hub.setup
    setup.optimizer.setCurrentIndex(setup.optimizer.findData("rmsprop"))
    assert "lab:optimizer:rmsprop" in setup.optimizer_help.text()
    setup.optimizer_help.linkActivated.emit("lab:optimizer:rmsprop")
    assert window.lab.current == "optimizers"
    setup.loss.setCurrentIndex(setup.loss.findData("mae"))
    assert "lab:loss:mae" in setup.loss_help.text()
    setup.loss_help.linkActivated.emit("lab:loss:mae")
    assert window.lab.current == "losses"
    setup.mode_bgd.setChecked(True)
    assert "lab:batch:bgd" in setup.batch_help.text()


def test_every_page_builds_shows_and_hides(qtbot):
    from dlstudio.gui.lab.window import LabWindow
    lab = LabWindow()
    qtbot.addWidget(lab)
    lab.resize(1024, 700)
    lab.show()
    shown = []
    lab.sigPageShown.connect(shown.append)
    for key, title, _ in PAGES:
        page = lab.show_page(key)
        assert lab.stack.currentWidget() is page and page.key == key and page.title == title
        assert page.intro.strip(), f"{key} has no explanation"
        assert lab.list.currentItem().text() == title
        qtbot.wait(20)
    assert shown == list(PAGE_KEYS)
    lab.list.setCurrentRow(0)  # choosing in the list shows the page
    assert lab.current == PAGE_KEYS[0]
    lab.close()


def test_lab_screenshot_and_unknown_pages(qapp, tmp_path, settings_dir, capsys):
    from dlstudio.gui.app import main
    path = tmp_path / "conv.png"
    assert main(["--screenshot", str(path), "--size", "1100x720", "lab:conv"]) == 0
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1100, 720)
    assert main(["--screenshot", str(path), "lab:nope"]) == 2
    assert "no Lab page 'nope'" in capsys.readouterr().err


def test_the_lab_command_reaches_the_app(monkeypatch):
    from dlstudio import cli
    from dlstudio.gui import app
    seen = []
    monkeypatch.setattr(app, "main", lambda argv: seen.append(argv) or 0)
    assert cli.main(["lab", "optimizers"]) == 0
    assert seen == [["lab", "optimizers"]]
    args = app.parse_args(["lab", "optimizers"])
    assert args.lab == "optimizers"
    assert app.parse_args(["lab"]).lab == "" and app.parse_args(["mlp"]).lab is None
