"""Run an experiment: every (run, seed) through its measure, figures gathered over seeds, verdict.

No Qt: progress goes out through `on_event(dict)` from the calling thread (see the package
docstring for the events), and `should_stop()` is polled between batches / units.
"""
from __future__ import annotations

import math
import time
from typing import Callable

import numpy as np

from ..data import DataError, load_dataset, split
from ..i18n import tr
from . import verdict as V
from .format import Experiment, ExperimentError, Run, message_of
from .measures import MEASURES, Context, Outcome, figure_value


def load_data(exp: Experiment):
    """(whole, train, val) for the experiment's data, loaded and split with its data seed; Nones
    when it has no data."""
    if exp.data is None:
        return None, None, None
    try:
        ds = load_dataset(exp.data, seed=exp.data_seed)
        train, val = split(ds, exp.val_split, exp.data_seed)
    except DataError as e:
        raise ExperimentError(tr("{where}: data: {error}").format(where=exp.path or exp.name,
                                                                  error=message_of(e))) from None
    return ds, train, val


def network_for(exp: Experiment, run: Run | str, data=None):
    """The run's network built for the experiment's data (for opening it in the builder)."""
    run = exp.run(run) if isinstance(run, str) else run
    ds = data if data is not None else load_data(exp)[0]
    from ..run import outputs_for
    if ds is None:
        raise ExperimentError(tr("run {run!r}: the experiment has no data to shape its network").format(run=run.id))
    return run.network_document(ds.sample_shape, outputs_for(ds))


def run_experiment(exp: Experiment, on_event: Callable[[dict], None] | None = None,
                   should_stop: Callable[[], bool] | None = None, seeds: list[int] | None = None) -> dict:
    """Run every (run, seed) pair and return the JSON-safe result (see docs/experiments.md)."""
    emit = on_event or (lambda ev: None)
    stop = should_stop or (lambda: False)
    seeds = list(exp.seeds if seeds is None else seeds)
    if not seeds:
        raise ExperimentError(tr("{name}: no seeds to run").format(name=exp.name))
    fn = MEASURES[exp.measure]
    t0 = time.perf_counter()
    ds, train, val = load_data(exp)
    units = [(r, s) for r in exp.runs for s in seeds]
    outcomes: dict[str, list[Outcome]] = {r.id: [] for r in exp.runs}
    stopped = False
    for k, (run, seed) in enumerate(units):
        if stop():
            stopped = True
            break
        text = tr("{label} · seed {seed}").format(label=run.label, seed=seed)
        emit({"event": "progress", "done": k, "total": len(units), "run": run.id, "seed": seed, "text": text,
              "phase": "start"})
        ctx = Context(experiment=exp, run=run, seed=seed, settings=run.settings, options=exp.options,
                      data=ds, train=train, val=val, emit=emit, should_stop=stop)
        outcome = fn(ctx)
        if outcome.stopped or stop():
            stopped = True
            break
        outcomes[run.id].append(outcome)
        emit({"event": "progress", "done": k + 1, "total": len(units), "run": run.id, "seed": seed,
              "text": tr("{unit}: done").format(unit=text), "phase": "end"})
    result = _result(exp, outcomes, seeds, stopped, time.perf_counter() - t0)
    emit({"event": "done", "result": result})
    return result


def gather(values: list[float], unit: str = "") -> dict:
    """mean / min / max / std / n of one figure over seeds (NaNs left out of the statistics)."""
    v = np.array(values, dtype=np.float64)
    good = v[np.isfinite(v)]
    stats = {"mean": float(good.mean()) if good.size else None,
             "min": float(good.min()) if good.size else None,
             "max": float(good.max()) if good.size else None,
             "std": float(good.std()) if good.size else None, "n": int(good.size)}
    return {**stats, "values": [_num(x) for x in values], "unit": unit}


UNITS = {"seconds": "s", "samples_per_s": "samples/s", "params": "", "epochs_done": "epochs"}


def _unit(path: str) -> str:
    if path.startswith("epochs_to."):
        return "epochs"
    return UNITS.get(path, "s" if path.endswith("seconds") else "")


def _result(exp: Experiment, outcomes: dict[str, list[Outcome]], seeds: list[int], stopped: bool,
            seconds: float) -> dict:
    figures: dict[str, dict] = {}
    series: dict[str, dict] = {}
    for run in exp.runs:
        outs = outcomes[run.id]
        for fname, path in exp.figures.items():
            figures[f"{run.id}.{fname}"] = gather([figure_value(path, o, exp.options) for o in outs], _unit(path))
        names = sorted({n for o in outs for n in o.series})
        series[run.id] = {n: {"x": [float(x) for x in _longest_x(outs, n)],
                              "y": [[_num(y) for y in o.series.get(n, ([], []))[1]] for o in outs]}
                          for n in names}
    columns = ["run", *exp.figures]
    rows = [[run.label, *(figures[f"{run.id}.{f}"]["mean"] for f in exp.figures)] for run in exp.runs]
    verdict, because, template, error = None, "", "", None
    if stopped:
        because = tr("stopped before every run finished; no verdict")
    else:
        try:
            rule = V.deciding_rule(exp.verdict, V.lookup_in(figures))
            template = rule.get("because", "")
            verdict, because = rule["then"], V.format_because(template, V.lookup_in(figures))
        except V.RuleError as e:
            error = str(e)
            because = tr("the verdict could not be computed: {error}").format(error=message_of(e))
    # because_template: the rule's sentence before its figures were filled in (the app translates
    # it, then fills it in the same way)
    result = {"name": exp.name, "title": exp.title, "claim": exp.claim, "claim_id": exp.claim_id,
              "article": dict(exp.article), "verdict": verdict, "because": because,
              "because_template": template, "figures": figures,
              "series": series, "table": {"columns": columns, "rows": rows}, "seconds": seconds,
              "seeds": list(seeds), "stopped": stopped, "machine": machine()}
    if error:
        result["error"] = error
    return result


def _longest_x(outs: list[Outcome], name: str) -> list:
    xs = [o.series[name][0] for o in outs if name in o.series]
    return max(xs, key=len) if xs else []


def _num(v):
    if v is None:
        return None
    v = float(v)
    return v if math.isfinite(v) else None


def machine() -> dict:
    """The numbers of threads and the threading layer the engine runs with."""
    import numba
    try:
        layer = numba.threading_layer()
    except ValueError:   # no parallel function has run yet
        layer = numba.config.THREADING_LAYER
    return {"threads": int(numba.get_num_threads()), "threading_layer": str(layer)}
