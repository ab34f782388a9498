"""Diagrams: PNG / SVG / PDF written and valid, presets without overlapping blocks, CLI, dialog."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage

from dlstudio.gui.diagram import FONTS, INSET_L, INSET_R, SPACE, _font, layout, save_diagram
from dlstudio.spec import Network
from dlstudio.summary import network_for_summary
from dlstudio.zoo import PRESETS


def test_three_formats(qapp, tmp_path):
    net = network_for_summary("lenet5", None)
    png, svg, pdf = (save_diagram(net, tmp_path / f"d.{e}") for e in ("png", "svg", "pdf"))
    img = QImage(str(png))
    w, h = layout(net).size
    assert (img.width(), img.height()) == (int(2 * w), int(2 * h))
    assert len({img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}) > 10
    text = svg.read_text()
    ET.fromstring(text)
    assert "61,706 parameters" in text or "parameters" in text
    assert "Conv2D" in text and "6×28×28" in text
    assert pdf.read_bytes().startswith(b"%PDF") and b"/Page" in pdf.read_bytes()


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_presets_do_not_overlap(qapp, name):
    rects = [b.rect for b in layout(network_for_summary(name, None)).blocks.values()]
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


def _chain(n: int) -> Network:
    net = Network(name="deep chain")
    net.add("in", "Input", {"shape": [16]})
    prev = "in"
    for k in range(n):
        net.add(f"dense_{k}", "Dense", {"units": 16}, after=prev)
        net.add(f"relu_{k}", "ReLU", after=f"dense_{k}")
        prev = f"relu_{k}"
    return net


def test_a_long_chain_wraps_into_bands_near_a_slides_shape(qapp):
    d = layout(_chain(20))  # 41 blocks: one column would be about 18 times taller than wide
    w, h = d.size
    bands = {b.band for b in d.blocks.values()}
    assert len(bands) >= 3 and 0.4 <= h / w <= 1.6
    # every band continues where the one before ended: the last block of band k feeds the first of k + 1
    order = [n.id for n in _chain(20).nodes]
    band_seq = [d.blocks[i].band for i in order]
    assert band_seq == sorted(band_seq)
    short = layout(_chain(2))
    assert {b.band for b in short.blocks.values()} == {0}  # a short network stays one column


def test_wraps_never_cut_a_residual_block(qapp):
    net = network_for_summary("resnet18-full", None)
    d = layout(net)
    assert len({b.band for b in d.blocks.values()}) >= 2
    for s, t in net.edges:  # an edge that changes band leaves the last block of its band
        if d.blocks[s].band != d.blocks[t].band:
            assert d.blocks[t].band == d.blocks[s].band + 1
            same = [b.rect.bottom() for b in d.blocks.values() if b.band == d.blocks[s].band]
            assert d.blocks[s].rect.bottom() == max(same)


@pytest.mark.parametrize("name", ["resnet", "alexnet-full", "googlenet-full", "lenet5"])
def test_no_text_is_cut_short(qapp, name):
    from PySide6.QtGui import QFontMetricsF
    net = network_for_summary(name, None)
    d = layout(net)
    m = {k: QFontMetricsF(_font(*v)) for k, v in FONTS.items()}
    for nid, b in d.blocks.items():
        assert any(t == nid for items, _ in b.rows for t, _, _ in items)  # the id is shown, whole
        inner = b.rect.width() - INSET_L - INSET_R
        for items, right in b.rows:
            used = sum(m[k].horizontalAdvance(t) for t, k, _ in items) + SPACE * max(0, len(items) - 1)
            assert used + (SPACE + m["small"].horizontalAdvance(right) if right else 0) <= inner + 0.5, (nid, items)
