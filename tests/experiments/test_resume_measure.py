"""The "resume" measure (claim 20): through the real .dls file the resumed curve is the straight
one; a broken save (weights re-initialised on loading) and a weights-only reload are detected as
different, and the re-initialised contrast is what a fresh run gives."""
import numpy as np
import pytest

from dlstudio.engine.model import Model
from dlstudio.experiments import ExperimentError, experiment_from_dict, run_experiment
from dlstudio.experiments.measures import resume as resume_measure
from dlstudio.experiments.verdict import decide, lookup_in
from dlstudio.io.modelfile import ModelBundle, load_model
from dlstudio.spec import Network

RULES = [{"when": "a.diff.max > 1e-6 or a.wdiff.max > 1e-6", "then": "not_supported",
          "because": "{a.diff.max}"},
         {"then": "supported", "because": "{a.diff.max}"}]


def _doc(**settings):
    return {"format": "dlstudio-experiment", "version": 1, "name": "res", "title": "Resume", "claim": "c",
            "data": "blobs?n=120", "seeds": [0, 1],
            "defaults": {"epochs": 4, "batch_size": 16, "optimizer": "adam", "lr": 0.05, **settings},
            "runs": [{"id": "a", "label": "mlp", "network": {"chain": [
                ["Dense", {"units": 8}], ["ReLU", {}], ["Dropout", {"rate": 0.3}], ["Dense", {"units": "outputs"}]]}}],
            "measure": "resume",
            "figures": {"diff": "max_abs_diff", "wdiff": "weights_max_abs_diff", "gap": "restart_gap", "k": "resume_at"},
            "verdict": RULES}


def _run(**settings):
    exp = experiment_from_dict(_doc(**settings))
    r = run_experiment(exp)
    assert (r["verdict"], r["because"]) == decide(exp.verdict, lookup_in(r["figures"]))
    return r


def _max_diff(a, b):
    return float(np.max(np.abs(np.subtract(a, b))))


def test_resumed_from_the_file_continues_the_straight_run_exactly():
    r = _run()
    s = r["series"]["a"]
    for k in range(2):
        straight, resumed = s["train_loss"]["y"][k], s["train_loss_resumed"]["y"][k]
        restart = s["train_loss_restart"]["y"][k]
        assert len(straight) == len(resumed) == 4 and straight == resumed
        assert r["figures"]["a.diff"]["values"][k] == _max_diff(straight, resumed) == 0.0
        assert restart[:2] == straight[:2]                  # the same first k epochs
        # re-initialised with the run's seed, it repeats the straight run's first epochs
        assert restart[2:] == pytest.approx(straight[:2], rel=1e-5)
        assert r["figures"]["a.gap"]["values"][k] == pytest.approx(_max_diff(straight[2:], restart[2:]))
    assert r["figures"]["a.wdiff"]["max"] == 0.0
    assert r["figures"]["a.gap"]["min"] > 1e-4
    assert r["figures"]["a.k"]["values"] == [2.0, 2.0]      # default: half the epochs
    assert r["verdict"] == "supported"


def test_a_broken_save_that_reinitialises_is_detected(monkeypatch):
    def broken_load(path):
        b = load_model(path)
        fresh = Model(Network.from_dict(b.network), seed=123).weights()
        return ModelBundle(network=b.network, weights=fresh, training=b.training,
                           optimizer_slots=b.optimizer_slots, history=b.history)

    monkeypatch.setattr(resume_measure, "load_model", broken_load)
    r = _run()
    assert r["figures"]["a.diff"]["min"] > 1e-3 and r["figures"]["a.wdiff"]["min"] > 1e-3
    assert r["verdict"] == "not_supported"


def test_the_measure_saves_and_reads_a_real_model_file(monkeypatch):
    paths = []

    def spy(path):
        paths.append(path)
        assert path.suffix == ".dls" and path.is_file() and path.stat().st_size > 0
        return load_model(path)

    monkeypatch.setattr(resume_measure, "load_model", spy)
    _run()
    assert len(paths) == 2 and not any(p.exists() for p in paths)   # one per seed, cleaned up


def test_weights_only_loses_the_optimizer_state_and_differs():
    r = _run(keep="weights", resume_at=1)
    assert r["figures"]["a.k"]["values"] == [1.0, 1.0]
    assert r["figures"]["a.diff"]["min"] > 1e-6          # Adam's moments and the shuffling restart
    s = r["series"]["a"]
    assert s["train_loss"]["y"][0][:1] == s["train_loss_resumed"]["y"][0][:1]
    assert r["verdict"] == "not_supported"


@pytest.mark.parametrize("settings,match", [({"resume_at": 0}, "resume_at"), ({"resume_at": 4}, "resume_at"),
                                            ({"resume_at": 1.5}, "resume_at"), ({"keep": "all"}, "keep")])
def test_bad_settings_are_refused(settings, match):
    with pytest.raises(ExperimentError, match=match):
        run_experiment(experiment_from_dict(_doc(**settings)))
