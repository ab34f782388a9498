"""The "shifted" measure (claim 17): image shifting against a plain loop, the shifted accuracy
against the engine's evaluation done by hand, and bad options refused."""
import numpy as np
import pytest

from dlstudio.engine.model import Model
from dlstudio.engine.trainer import evaluate_metrics
from dlstudio.experiments import ExperimentError, experiment_from_dict, run_experiment
from dlstudio.experiments.measures.shifted import shift_images, shifted_accuracy
from dlstudio.spec import Network


def _slow_shift(x, rows, cols):
    """Pixel by pixel: out[i, j] = x[i - rows, j - cols] when that is inside the image, else 0."""
    out = np.zeros_like(x)
    h, w = x.shape[-2:]
    for i in range(h):
        for j in range(w):
            si, sj = i - rows, j - cols
            if 0 <= si < h and 0 <= sj < w:
                out[..., i, j] = x[..., si, sj]
    return out


@pytest.mark.parametrize("rows,cols", [(0, 0), (0, 1), (0, -1), (1, 0), (-2, 0), (1, -2), (3, 3), (-4, 0),
                                       (0, 9)])
def test_shift_images_matches_a_pixel_loop(rows, cols):
    x = np.random.default_rng(0).random((2, 3, 4, 4)).astype(np.float32)
    got = shift_images(x, rows, cols)
    assert got.shape == x.shape and got.dtype == x.dtype
    np.testing.assert_array_equal(got, _slow_shift(x, rows, cols))


def test_shift_moves_a_single_pixel_where_expected():
    x = np.zeros((1, 1, 5, 5), np.float32)
    x[0, 0, 2, 2] = 1
    right, up = shift_images(x, 0, 1), shift_images(x, -1, 0)
    assert right[0, 0, 2, 3] == 1 and right.sum() == 1
    assert up[0, 0, 1, 2] == 1 and up.sum() == 1
    assert shift_images(x, 0, 3).sum() == 0    # moved out of the image, nothing wraps round


def test_shift_refuses_non_images():
    with pytest.raises(ValueError, match="images"):
        shift_images(np.zeros((4, 3)), 1, 0)


def _net():
    net = Network(name="t")
    net.add("in", "Input", {"shape": [1, 5, 5]})
    net.add("f", "Flatten", {}, after="in")
    net.add("d", "Dense", {"units": 3}, after="f")
    return net


def test_shifted_accuracy_is_the_mean_over_four_directions():
    rng = np.random.default_rng(2)
    x, y = rng.random((30, 1, 5, 5)).astype(np.float32), rng.integers(0, 3, 30)
    model = Model(_net(), seed=1)

    def acc(images):
        return np.mean(np.argmax(model.predict(images), axis=1) == y)

    assert shifted_accuracy(model, x, y, 0, "cross_entropy") == pytest.approx(acc(x))
    by_hand = np.mean([acc(_slow_shift(x, r, c)) for r, c in ((0, 2), (0, -2), (2, 0), (-2, 0))])
    assert shifted_accuracy(model, x, y, 2, "cross_entropy") == pytest.approx(by_hand)
    assert evaluate_metrics(model, x, y, "cross_entropy")["accuracy"] == pytest.approx(acc(x))


def _doc(**over):
    doc = {"format": "dlstudio-experiment", "version": 1, "name": "shift", "title": "Shift", "claim": "c",
           "data": "digits", "seeds": [0], "defaults": {"epochs": 1, "lr": 0.01},
           "runs": [{"id": "d", "label": "dense", "network": {"chain": [["Flatten", {}], ["Dense", {"units": "outputs"}]]}}],
           "measure": "shifted", "options": {"shifts": [0, 1, 3]},
           "figures": {"acc": "acc_shift_0", "acc3": "acc_shift_3", "drop3": "drop_shift_3", "params": "params"},
           "verdict": [{"then": "depends", "because": "{d.acc.mean:.3f} {d.acc3.mean:.3f}"}]}
    doc.update(over)
    return doc


def test_the_measure_records_the_curve_and_the_drops():
    r = run_experiment(experiment_from_dict(_doc()))
    curve = r["series"]["d"]["shifted_accuracy"]
    assert curve["x"] == [0, 1, 3]
    ys = curve["y"][0]
    f = {k: v["values"][0] for k, v in r["figures"].items()}
    assert f["d.acc"] == pytest.approx(ys[0]) and f["d.acc3"] == pytest.approx(ys[2])
    assert f["d.drop3"] == pytest.approx(ys[0] - ys[2])
    assert f["d.params"] == 64 * 10 + 10
    assert 0.5 < f["d.acc"] <= 1 and f["d.acc3"] < f["d.acc"]    # a dense net on 8×8 digits: 3 px hurt


@pytest.mark.parametrize("shifts", [[], [0, 0], [-1], [0, 9], "1", [0, 1.5], [True]])
def test_bad_shifts_are_refused(shifts):
    with pytest.raises(ExperimentError, match="shifts"):
        run_experiment(experiment_from_dict(_doc(options={"shifts": shifts})))


def test_non_image_data_is_refused():
    doc = _doc(data="blobs?n=60")
    doc["runs"][0]["network"] = {"chain": [["Dense", {"units": "outputs"}]]}
    with pytest.raises(ExperimentError, match="image classification"):
        run_experiment(experiment_from_dict(doc))
