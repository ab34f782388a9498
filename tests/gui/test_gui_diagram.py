"""Diagrams: PNG / SVG / PDF written and valid, presets without overlapping blocks, CLI, dialog."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage

from dlstudio.gui.diagram import layout, save_diagram
from dlstudio.summary import network_for_summary
from dlstudio.zoo import PRESETS


def test_three_formats(qapp, tmp_path):
    net = network_for_summary("lenet5", None)
    png, svg, pdf = (save_diagram(net, tmp_path / f"d.{e}") for e in ("png", "svg", "pdf"))
    img = QImage(str(png))
    w, h = layout(net)["size"]
    assert (img.width(), img.height()) == (int(2 * w), int(2 * h))
    assert len({img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}) > 10
    text = svg.read_text()
    ET.fromstring(text)
    assert "61,706 parameters" in text or "parameters" in text
    assert "Conv2D" in text and "6×28×28" in text
    assert pdf.read_bytes().startswith(b"%PDF") and b"/Page" in pdf.read_bytes()


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_presets_do_not_overlap(qapp, name):
    rects = [b[0] for b in layout(network_for_summary(name, None))["blocks"].values()]
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b)


def test_cli(tmp_path):
    from dlstudio.cli import main
    assert main(["diagram", "resnet", str(tmp_path / "r.pdf")]) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert main(["diagram", "resnet", str(tmp_path / "r.gif")]) == 2
    assert main(["diagram", "nope", str(tmp_path / "r.png")]) == 2


def test_dialog(window, dialogs, tmp_path):
    dialogs.answers["save"].append(str(tmp_path / "net.svg"))
    window.export_diagram()  # what File → Export → Diagram calls
    assert (tmp_path / "net.svg").is_file()
    assert window.settings.value("export/diagram_folder") == str(tmp_path)
