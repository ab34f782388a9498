"""An experiment file: load the JSON, check every field, and give back an `Experiment`.

The format is documented in docs/experiments.md. Every mistake is one `ExperimentError`
whose message names the file and the field, e.g.
    "my.json: runs[1].settings.lr must be a positive number, got 'abc'".
"""
from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..i18n import tr
from ..spec import DocumentError, Network
from . import verdict as V

FORMAT = "dlstudio-experiment"
VERSION = 1
BUILTIN_DIR = Path(__file__).resolve().parent / "builtin"

TOP_KEYS = {"format", "version", "name", "title", "claim_id", "claim", "article", "data", "val_split",
            "data_seed", "seeds", "defaults", "runs", "measure", "options", "figures", "verdict", "plots",
            "notes"}
REQUIRED = ("format", "version", "name", "title", "claim", "runs", "measure", "figures", "verdict")
# settings every measure understands; a measure adds its own (see measures.measure(settings=...))
BASE_SETTINGS = {"epochs": 10, "batch_size": 32, "optimizer": "adam", "lr": None, "hyper": {},
                 "loss": None, "clip_norm": None}
PLOT_KEYS = {"title", "series", "x", "y", "log_y", "runs"}
_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class ExperimentError(ValueError):
    """The experiment cannot be loaded or run; one readable sentence naming the file and field."""


def message_of(error: Exception) -> str:
    """An exception's message as it was raised: a `dlstudio.i18n.Text` stays one (so the app can
    translate it), anything else becomes its `str`."""
    args = getattr(error, "args", ())
    return args[0] if len(args) == 1 and isinstance(args[0], str) else str(error)


@dataclass
class Run:
    """One network (or setting) an experiment compares, with its settings merged over the defaults."""
    id: str
    label: str
    network: dict | None           # the run's "network" entry: {"preset"|"document"|"file"|"chain": ...}
    settings: dict
    base_dir: Path | None = None   # where a {"file": ...} network is looked up

    def network_document(self, sample_shape, outputs: int) -> Network:
        """The run's network, adapted to data with this sample shape and this many outputs."""
        return build_network(self.network, tuple(sample_shape), int(outputs), self.base_dir, self.id)


@dataclass
class Experiment:
    name: str
    title: str
    claim: str
    article: dict
    claim_id: int | None
    data: str | None
    seeds: list[int]
    runs: list[Run]
    measure: str
    options: dict
    figures: dict[str, str]
    verdict: list[dict]
    plots: list[dict]
    raw: dict
    path: str | None
    val_split: float = 0.25
    data_seed: int = 0

    def run(self, run_id: str) -> Run:
        for r in self.runs:
            if r.id == run_id:
                return r
        raise KeyError(run_id)


# ---- loading --------------------------------------------------------------------------------
def builtin_names() -> list[str]:
    """Sorted names of the built-in experiments."""
    return sorted(p.stem for p in BUILTIN_DIR.glob("*.json"))


def load_experiment(name_or_path: str) -> Experiment:
    """A built-in experiment by name, or an experiment file by path."""
    p = Path(name_or_path)
    if name_or_path in builtin_names():
        p = BUILTIN_DIR / f"{name_or_path}.json"
    elif not p.is_file():
        known = ", ".join(builtin_names()) or tr("none")
        raise ExperimentError(tr("no experiment {name!r}: give a built-in name ({known}) or a .json file")
                              .format(name=name_or_path, known=known))
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ExperimentError(tr("{file}: cannot read: {error}").format(file=str(p), error=e)) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as e:
        raise ExperimentError(tr("{file}: not valid JSON (line {line}, column {column}: {error})")
                              .format(file=str(p), line=e.lineno, column=e.colno, error=e.msg)) from None
    return experiment_from_dict(raw, path=str(p))


def experiment_from_dict(raw, path: str | None = None) -> Experiment:
    """Check a parsed experiment document and build the `Experiment`."""
    where = path or "experiment"

    def err(field_name: str, what: str) -> ExperimentError:
        return ExperimentError(tr("{where}: {field} {what}").format(where=where, field=field_name, what=what))

    def unknown_key(known) -> str:
        return tr("is not a known key (known: {known})").format(known=", ".join(known))

    if not isinstance(raw, dict):
        raise ExperimentError(tr("{where}: an experiment must be a JSON object").format(where=where))
    unknown = sorted(set(raw) - TOP_KEYS)
    if unknown:
        raise err(unknown[0], unknown_key(sorted(TOP_KEYS)))
    for k in REQUIRED:
        if k not in raw:
            raise err(k, tr("is missing"))
    if raw["format"] != FORMAT:
        raise err("format", tr("must be {expected!r}, got {value!r}").format(expected=FORMAT, value=raw["format"]))
    if raw["version"] != VERSION:
        raise err("version", tr("must be {version} (this dlstudio reads version {version}), got {value!r}")
                  .format(version=VERSION, value=raw["version"]))
    for k in ("name", "title", "claim"):
        if not isinstance(raw[k], str) or not raw[k].strip():
            raise err(k, tr("must be a non-empty string"))
    claim_id = raw.get("claim_id")
    if claim_id is not None and (isinstance(claim_id, bool) or not isinstance(claim_id, int) or claim_id < 1):
        raise err("claim_id", tr("must be a positive whole number or null, got {value!r}").format(value=claim_id))
    article = raw.get("article", {})
    if not isinstance(article, dict) or set(article) - {"lines", "quote"}:
        raise err("article", tr("must be an object with 'lines' (a list of line numbers) and 'quote'"))
    lines = article.get("lines", [])
    if not isinstance(lines, list) or not all(_is_int(x) and x > 0 for x in lines):
        raise err("article.lines", tr("must be a list of line numbers, got {value!r}").format(value=lines))
    if not isinstance(article.get("quote", ""), str):
        raise err("article.quote", tr("must be a string"))
    data = raw.get("data")
    if data is not None and (not isinstance(data, str) or not data.strip()):
        raise err("data", tr("must be a data set name such as 'spirals?n=600', got {value!r}").format(value=data))
    val_split = raw.get("val_split", 0.25)
    if not _is_number(val_split) or not 0 <= val_split <= 0.9:
        raise err("val_split", tr("must be a number from 0 to 0.9, got {value!r}").format(value=val_split))
    data_seed = raw.get("data_seed", 0)
    if not _is_int(data_seed) or data_seed < 0:
        raise err("data_seed", tr("must be a whole number ≥ 0, got {value!r}").format(value=data_seed))
    seeds = raw.get("seeds", [0])
    if (not isinstance(seeds, list) or not seeds or not all(_is_int(s) and s >= 0 for s in seeds)
            or len(set(seeds)) != len(seeds)):
        raise err("seeds", tr("must be a non-empty list of different whole numbers ≥ 0, got {value!r}")
                  .format(value=seeds))

    from .measures import MEASURES
    measure = raw["measure"]
    if measure not in MEASURES:
        raise err("measure", tr("{value!r} is not a known measure (known: {known})")
                  .format(value=measure, known=", ".join(sorted(MEASURES))))
    fn = MEASURES[measure]
    allowed_settings = {**BASE_SETTINGS, **getattr(fn, "settings", {})}
    options = raw.get("options", {})
    if not isinstance(options, dict):
        raise err("options", tr("must be an object"))
    known_options = getattr(fn, "options", {})
    for k in options:
        if k not in known_options:
            raise err(f"options.{k}", tr("is not an option of the {measure!r} measure (known: {known})")
                      .format(measure=measure, known=", ".join(sorted(known_options)) or tr("none")))
    options = {**copy.deepcopy(known_options), **options}

    defaults = raw.get("defaults", {})
    if not isinstance(defaults, dict):
        raise err("defaults", tr("must be an object"))
    _check_settings(defaults, allowed_settings, "defaults", err)
    base_dir = Path(path).resolve().parent if path else None
    runs_raw = raw["runs"]
    if not isinstance(runs_raw, list) or not runs_raw:
        raise err("runs", tr("must be a non-empty list"))
    runs: list[Run] = []
    for i, r in enumerate(runs_raw):
        at = f"runs[{i}]"
        if not isinstance(r, dict):
            raise err(at, tr("must be an object with 'id', 'label' and usually 'network'"))
        bad = sorted(set(r) - {"id", "label", "network", "settings"})
        if bad:
            raise err(f"{at}.{bad[0]}", unknown_key(("id", "label", "network", "settings")))
        rid = r.get("id")
        if not isinstance(rid, str) or not _ID.match(rid):
            raise err(f"{at}.id", tr("must be a name of letters, digits and _ (not starting with a digit), "
                                     "got {value!r}").format(value=rid))
        if any(x.id == rid for x in runs):
            raise err(f"{at}.id", tr("{value!r} is used twice").format(value=rid))
        label = r.get("label", rid)
        if not isinstance(label, str):
            raise err(f"{at}.label", tr("must be a string"))
        net = r.get("network")
        if net is None and getattr(fn, "needs_network", True):
            raise err(f"{at}.network", tr("is missing (the {measure!r} measure trains a network)").format(measure=measure))
        if net is not None:
            _check_network(net, f"{at}.network", err, base_dir)
        settings = r.get("settings", {})
        if not isinstance(settings, dict):
            raise err(f"{at}.settings", tr("must be an object"))
        _check_settings(settings, allowed_settings, f"{at}.settings", err)
        merged = {**copy.deepcopy(allowed_settings), **copy.deepcopy(defaults), **copy.deepcopy(settings)}
        merged["hyper"] = {**defaults.get("hyper", {}), **settings.get("hyper", {})}
        runs.append(Run(rid, label, copy.deepcopy(net), merged, base_dir))
    if data is None and getattr(fn, "needs_data", True):
        raise err("data", tr("is missing (the {measure!r} measure needs a data set)").format(measure=measure))

    figures = raw["figures"]
    if not isinstance(figures, dict) or not figures:
        raise err("figures", tr("must be an object of name → path, e.g. {\"acc\": \"final.val_accuracy\"}"))
    check_path = getattr(fn, "check_figure", None)
    for k, v in figures.items():
        if not _ID.match(k) or k in V.STATS:
            raise err(f"figures.{k}", tr("must be named with letters, digits and _ (and not a statistic name)"))
        if not isinstance(v, str) or not v:
            raise err(f"figures.{k}", tr("must be a path such as 'final.val_accuracy', got {value!r}").format(value=v))
        if check_path is not None:
            problem = check_path(v)
            if problem:
                raise err(f"figures.{k}", problem)
    run_ids = {r.id for r in runs}
    rules = raw["verdict"]
    if not isinstance(rules, list) or not rules:
        raise err("verdict", tr("must be a non-empty list of rules"))
    for i, rule in enumerate(rules):
        at = f"verdict[{i}]"
        if not isinstance(rule, dict):
            raise err(at, tr("must be an object with 'when', 'then' and 'because'"))
        bad = sorted(set(rule) - {"when", "then", "because"})
        if bad:
            raise err(f"{at}.{bad[0]}", unknown_key(("when", "then", "because")))
        if rule.get("then") not in V.VERDICTS:
            raise err(f"{at}.then", tr("must be one of {known}, got {value!r}")
                      .format(known=", ".join(V.VERDICTS), value=rule.get("then")))
        if not isinstance(rule.get("because", ""), str):
            raise err(f"{at}.because", tr("must be a string"))
        refs = []
        if "when" in rule:
            try:
                refs += V.references(V.parse_rule(rule["when"]))
            except V.RuleError as e:
                raise err(f"{at}.when", tr("is not a valid rule: {error}").format(error=message_of(e))) from None
        try:
            refs += V.because_fields(rule.get("because", ""))
        except V.RuleError as e:
            raise err(f"{at}.because", tr("is not a valid sentence: {error}").format(error=message_of(e))) from None
        for run_id, fig, _ in refs:
            if run_id not in run_ids:
                raise err(at, tr("refers to {run}.{figure}, but there is no run {run!r} (runs: {known})")
                          .format(run=run_id, figure=fig, known=", ".join(sorted(run_ids))))
            if fig not in figures:
                raise err(at, tr("refers to {run}.{figure}, but there is no figure {figure!r} (figures: {known})")
                          .format(run=run_id, figure=fig, known=", ".join(figures)))
        last = i == len(rules) - 1
        if ("when" not in rule) != last:
            raise err(at, tr("is the fallback and must come last") if not last
                      else tr("must be a fallback rule without 'when' (the last rule always applies)"))
    plots = raw.get("plots", [])
    if not isinstance(plots, list):
        raise err("plots", tr("must be a list"))
    for i, p in enumerate(plots):
        if not isinstance(p, dict) or not isinstance(p.get("series"), str):
            raise err(f"plots[{i}]", tr("must be an object with at least 'series' (a curve name such as "
                                        "'val_accuracy')"))
        bad = sorted(set(p) - PLOT_KEYS)
        if bad:
            raise err(f"plots[{i}].{bad[0]}", unknown_key(sorted(PLOT_KEYS)))
        for r in p.get("runs", []):
            if r not in run_ids:
                raise err(f"plots[{i}].runs", tr("names an unknown run {value!r}").format(value=r))
    return Experiment(name=raw["name"], title=raw["title"], claim=raw["claim"],
                      article={"lines": list(lines), "quote": article.get("quote", "")}, claim_id=claim_id,
                      data=data, seeds=list(seeds), runs=runs, measure=measure, options=options,
                      figures=dict(figures), verdict=copy.deepcopy(rules), plots=copy.deepcopy(plots),
                      raw=copy.deepcopy(raw), path=path, val_split=float(val_split), data_seed=int(data_seed))


# ---- checks ---------------------------------------------------------------------------------
def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _check_settings(s: dict, allowed: dict, at: str, err) -> None:
    for k, v in s.items():
        if k not in allowed:
            raise err(f"{at}.{k}", tr("is not a known setting (known: {known})").format(known=", ".join(sorted(allowed))))
        if k == "epochs" and (not _is_int(v) or v < 1):
            raise err(f"{at}.epochs", tr("must be a whole number ≥ 1, got {value!r}").format(value=v))
        elif k == "batch_size" and v != "full" and (not _is_int(v) or v < 1):
            raise err(f"{at}.batch_size", tr("must be a whole number ≥ 1 or 'full', got {value!r}").format(value=v))
        elif k == "lr" and v is not None and (not _is_number(v) or not v > 0):
            raise err(f"{at}.lr", tr("must be a positive number, got {value!r}").format(value=v))
        elif k == "clip_norm" and v is not None and (not _is_number(v) or not v > 0):
            raise err(f"{at}.clip_norm", tr("must be a positive number or null, got {value!r}").format(value=v))
        elif k == "hyper" and (not isinstance(v, dict) or not all(_is_number(x) or isinstance(x, bool)
                                                                     for x in v.values())):
            raise err(f"{at}.hyper", tr("must be an object of optimizer hyperparameters, got {value!r}").format(value=v))
        elif k == "optimizer":
            from ..engine.optimizers import OPTIMIZERS
            if v not in OPTIMIZERS:
                raise err(f"{at}.optimizer", tr("{value!r} is not a known optimizer (known: {known})")
                          .format(value=v, known=", ".join(OPTIMIZERS)))
        elif k == "loss" and v is not None:
            from ..engine.losses import LOSSES
            if v not in LOSSES:
                raise err(f"{at}.loss", tr("{value!r} is not a known loss (known: {known})")
                          .format(value=v, known=", ".join(LOSSES)))
    if "optimizer" in s or "hyper" in s or "lr" in s:
        from ..engine.optimizers import make_optimizer
        opt = s.get("optimizer", "adam")
        hyper = {**s.get("hyper", {}), **({"lr": s["lr"]} if s.get("lr") is not None else {})}
        if "optimizer" in s:
            try:
                make_optimizer(opt, **hyper)
            except (ValueError, TypeError) as e:
                raise err(f"{at}.hyper", tr("does not suit {optimizer}: {error}")
                          .format(optimizer=opt, error=message_of(e))) from None


NETWORK_KINDS = ("preset", "document", "file", "chain")


def _check_network(net, at: str, err, base_dir: Path | None) -> None:
    if not isinstance(net, dict) or len(net) != 1 or next(iter(net)) not in NETWORK_KINDS:
        raise err(at, tr("must be one of {\"preset\": NAME}, {\"document\": {...}}, {\"file\": PATH} "
                         "or {\"chain\": [[TYPE, PARAMS], ...]}"))
    kind, value = next(iter(net.items()))
    if kind == "preset":
        from ..zoo import PRESETS
        if value not in PRESETS:
            raise err(f"{at}.preset", tr("{value!r} is not a preset (known: {known})")
                      .format(value=value, known=", ".join(sorted(PRESETS))))
    elif kind == "document":
        try:
            Network.from_dict(value)
        except DocumentError as e:
            raise err(f"{at}.document", tr("is not a valid network: {error}").format(error=message_of(e))) from None
    elif kind == "file":
        if not isinstance(value, str):
            raise err(f"{at}.file", tr("must be a path to a network .json"))
        p = Path(value) if base_dir is None else base_dir / value
        if not p.is_file():
            raise err(f"{at}.file", tr("names no file ({file})").format(file=str(p)))
    else:
        from ..spec import all_types
        if not isinstance(value, list) or not value:
            raise err(f"{at}.chain", tr("must be a non-empty list of [TYPE, PARAMS]"))
        for j, item in enumerate(value):
            if (not isinstance(item, list) or not 1 <= len(item) <= 2 or not isinstance(item[0], str)
                    or (len(item) == 2 and not isinstance(item[1], dict))):
                raise err(f"{at}.chain[{j}]", tr("must be [TYPE, PARAMS], got {value!r}").format(value=item))
            if item[0] not in all_types() or item[0] == "Input":
                raise err(f"{at}.chain[{j}]", tr("{value!r} is not a layer type (the Input is added from the data)")
                          .format(value=item[0]))


def build_network(net: dict | None, sample_shape: tuple, outputs: int, base_dir: Path | None,
                  run_id: str = "run") -> Network:
    """Build a run's network entry for data with this sample shape and this many outputs."""
    if net is None:
        raise ExperimentError(tr("run {run!r} has no network").format(run=run_id))
    kind, value = next(iter(net.items()))
    try:
        if kind == "preset":
            from ..zoo import build_preset
            return build_preset(value, sample_shape, outputs)[0]
        if kind == "document":
            return Network.from_dict(value)
        if kind == "file":
            p = Path(value) if base_dir is None else base_dir / value
            return Network.from_json(p.read_text(encoding="utf-8"))
        doc = Network(name=run_id)
        doc.add("input", "Input", {"shape": list(sample_shape)}, pos=(0, 0))
        prev, counts = "input", {}
        for i, item in enumerate(value):
            type_, params = item[0], dict(item[1]) if len(item) > 1 else {}
            params = {k: (outputs if v == "outputs" else v) for k, v in params.items()}
            counts[type_] = counts.get(type_, 0) + 1
            nid = f"{type_.lower()}{counts[type_]}"
            doc.add(nid, type_, params, after=prev, pos=(0, 60 * (i + 1)))
            prev = nid
        return doc
    except (DocumentError, OSError, UnicodeDecodeError, KeyError) as e:
        raise ExperimentError(tr("run {run!r}: cannot build its network: {error}")
                              .format(run=run_id, error=message_of(e))) from None
