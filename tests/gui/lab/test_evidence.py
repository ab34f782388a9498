"""The evidence view and PNGs: the curves drawn are the mean over seeds of what the experiment
measured, the figures and the verdict are the result's, and the PNG files are real pictures."""
from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from dlstudio.experiments import load_experiment, run_experiment
from dlstudio.gui.lab.evidence import (
    PNG_SIZE,
    EvidenceView,
    _light_palette,
    number,
    save_evidence_pngs,
    verdict_text,
)
from dlstudio.gui.lab.evidence_plots import mean_curve, run_color

DOC = {"format": "dlstudio-experiment", "version": 1, "name": "evi", "title": "Evidence test",
       "claim": "More units fit spirals better.", "data": "spirals?n=100", "seeds": [0, 1, 2],
       "defaults": {"epochs": 2, "batch_size": 25, "optimizer": "adam", "lr": 0.02},
       "runs": [{"id": "small", "label": "Dense 2", "network": {"chain": [["Dense", {"units": 2}], ["Tanh", {}],
                                                                          ["Dense", {"units": "outputs"}]]}},
                {"id": "big", "label": "Dense 16", "network": {"chain": [["Dense", {"units": 16}], ["Tanh", {}],
                                                                         ["Dense", {"units": "outputs"}]]}}],
       "measure": "train", "figures": {"acc": "final.val_accuracy"},
       "verdict": [{"when": "big.acc.mean > small.acc.mean", "then": "supported", "because": "{big.acc.mean:.3f}"},
                   {"then": "depends", "because": "{big.acc.mean:.3f} vs {small.acc.mean:.3f}"}],
       "plots": [{"title": "Training loss", "series": "train_loss", "x": "epoch", "y": "loss", "log_y": True},
                 {"title": "Validation accuracy", "series": "val_accuracy", "x": "epoch", "y": "accuracy"}]}


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    path = tmp_path_factory.mktemp("evidence") / "evi.json"
    path.write_text(json.dumps(DOC), encoding="utf-8")
    exp = load_experiment(str(path))
    return exp, run_experiment(exp)


def test_mean_curve_is_the_mean_over_the_points_every_seed_has():
    a = (np.arange(5.0), np.array([1.0, 2.0, 3.0, 4.0, 5.0]))
    b = (np.arange(3.0), np.array([3.0, np.nan, 5.0]))
    x, y = mean_curve([a, b, (np.zeros(0), np.zeros(0))])
    np.testing.assert_array_equal(x, [0.0, 1.0, 2.0])
    np.testing.assert_allclose(y, [2.0, 2.0, 4.0])   # a NaN seed is left out of that point's mean
    assert mean_curve([])[0].size == 0


def test_result_is_drawn_tabled_and_judged(qtbot, measured):
    exp, result = measured
    view = EvidenceView()
    qtbot.addWidget(view)
    view.set_experiment(exp)
    assert [p.series for p in view.plots] == ["train_loss", "val_accuracy"]
    assert view.badge.text() == verdict_text(None, "idle")
    view.set_result(result)
    for plot in view.plots:
        for rid in ("small", "big"):
            ys = np.array(result["series"][rid][plot.series]["y"], np.float64)
            assert ys.shape == (3, 2)
            _, y = plot.mean_of(rid)
            np.testing.assert_allclose(y, ys.mean(axis=0))
            assert len(plot.thin) == 6                     # a thin line per (run, seed)
    assert view.badge.text() == verdict_text(result["verdict"]) != ""
    rows = view.figure_rows()
    assert [r[:2] for r in rows] == [["small", "acc (final.val_accuracy)"], ["big", "acc (final.val_accuracy)"]]
    for r in rows:
        fig = result["figures"][f"{r[0]}.acc"]
        assert r[2] == number(fig["mean"]) and r[3] == f"{number(fig['min'])} – {number(fig['max'])}"
    assert not view.extra.isVisibleTo(view)           # the result's table repeats the figures' means


@pytest.mark.parametrize("verdict, text", [("supported", "Supported"), ("not_supported", "Not supported here"),
                                           ("depends", "It depends")])
def test_badge_words_and_colours(qtbot, measured, verdict, text):
    exp, result = measured
    view = EvidenceView()
    qtbot.addWidget(view)
    view.set_experiment(exp)
    view.set_result(dict(result, verdict=verdict, because="because 0.93 ≥ 0.9"))
    assert view.badge.text() == text and view.because.text() == "Because 0.93 ≥ 0.9"
    assert view.badge.property("verdict") == verdict
    view.set_result(dict(result, verdict=None, stopped=True, because=""))
    assert view.badge.text() == "Stopped" and "no verdict" in view.because.text()


def test_extra_table_and_log_axis_without_positive_values(qtbot, measured):
    exp, result = measured
    view = EvidenceView()
    qtbot.addWidget(view)
    view.show()
    view.set_experiment(exp)
    view.set_curve("small", 0, "train_loss", [1, 2, 3], [0.5, 0.0, -1.0])   # the log plot shows only 0.5
    view.refresh()
    np.testing.assert_allclose(view.plots[0].mean_of("small")[1], [0.5, 0.0, -1.0])
    view.set_result(dict(result, table={"columns": ["batch", "samples/s"], "rows": [[64, 12345.7], [100, 999.0]]}))
    assert view.extra.isVisible() and view.extra.rowCount() == 2
    assert view.extra.item(0, 1).text() == "12,346"


def test_pngs_have_the_right_size_and_show_the_curves(qtbot, measured, tmp_path):
    exp, result = measured
    paths = save_evidence_pngs(result, exp, tmp_path / "out")
    assert [p.name for p in paths] == ["evi-1.png", "evi-2.png"]
    for p in paths:
        img = QImage(str(p))
        assert (img.width(), img.height()) == PNG_SIZE
        a = np.frombuffer(img.convertToFormat(QImage.Format.Format_RGB32).constBits(), np.uint8)
        a = a.reshape(img.height(), img.width(), 4)[:, :, 2::-1].astype(int)    # BGRA in memory → RGB
        assert len(np.unique(a.reshape(-1, 3), axis=0)) > 20            # not blank
        for i in range(2):                                              # each run's colour is drawn
            c = QColor(run_color(i, _light_palette()))
            near = np.abs(a - np.array([c.red(), c.green(), c.blue()])).sum(axis=2) < 40
            assert near.sum() > 50
