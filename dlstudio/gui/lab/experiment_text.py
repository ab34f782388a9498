"""An experiment in a few words for the Experiments page: its runs (network, settings), its claim
and where the article says it, the progress of a run; all in the app's language."""
from __future__ import annotations

import html
import os
import re

from ..i18n import QT_TR_NOOP, tr

# the built-in measures' names as the page shows them (a name not listed is shown as it is)
MEASURE_NAMES = {"train": QT_TR_NOOP("train"), "gradients": QT_TR_NOOP("gradients"), "init": QT_TR_NOOP("init"),
                 "outliers": QT_TR_NOOP("outliers"), "shifted": QT_TR_NOOP("shifted"),
                 "resume": QT_TR_NOOP("resume"), "through_time": QT_TR_NOOP("through_time")}


def measure_name(name: str) -> str:
    """The measure's name in the app's language (its code name in English)."""
    return tr(MEASURE_NAMES[name]) if name in MEASURE_NAMES else name


def identifiers(experiment) -> set[str]:
    """The words of the names an experiment file defines and its rules use — run ids, figure names
    and paths, the data set, settings and options — which the page shows as they are written
    (like code); for checks that look for untranslated words."""
    if experiment is None:
        return set()
    bits = [experiment.name, experiment.measure, experiment.data or ""]
    for run in experiment.runs:
        bits.append(run.id)
        for key, value in run.settings.items():
            bits += [key, str(value)]
        if run.network:
            value = next(iter(run.network.values()))
            bits.append(str(value.get("name", "")) if isinstance(value, dict) else str(value))
    for name, path in experiment.figures.items():
        bits += [name, path]
    for key, value in experiment.options.items():
        bits += [key, str(value)]
    return {w for b in bits for w in re.findall(r"[A-Za-z]+", b)}


def describe_network(net: dict | None) -> str:
    """A run's network entry in a few words: "preset mlp", "Dense 64 → ReLU → Dense outputs"."""
    if not net:
        return "—"
    kind, value = next(iter(net.items()))
    if kind == "preset":
        return tr("preset {name}").format(name=value)
    if kind == "file":
        return tr("file {name}").format(name=os.path.basename(str(value)))
    if kind == "document":
        if not isinstance(value, dict):
            return tr("network")
        nodes = value.get("nodes", [])
        return tr("{name} ({count} nodes)").format(name=value.get("name") or tr("network"), count=len(nodes))
    parts = []
    for item in value:
        params = item[1] if len(item) > 1 else {}
        main = next((params[k] for k in ("units", "filters", "rate", "alpha", "pool_size") if k in params), None)
        if main == "outputs":   # the chain's placeholder for the data's number of outputs
            main = tr("outputs")
        parts.append(item[0] if main is None else f"{item[0]} {main}")
    return " → ".join(parts)


def describe_settings(settings: dict) -> str:
    """A run's training settings in one line: "adam, lr 0.01, batch 32, 40 epochs"."""
    s = dict(settings)
    out = [str(s.pop("optimizer", "adam"))]
    lr = s.pop("lr", None)
    out.append(tr("lr {lr}").format(lr=f"{lr:g}") if isinstance(lr, (int, float)) else tr("default lr"))
    for k, v in (s.pop("hyper", None) or {}).items():
        out.append(f"{k} {v:g}" if isinstance(v, float) else f"{k} {v}")
    b = s.pop("batch_size", None)
    if b is not None:
        out.append(tr("full batch") if b == "full" else tr("batch {size}").format(size=b))
    e = s.pop("epochs", None)
    if e is not None:
        out.append(tr("1 epoch") if e == 1 else tr("{count} epochs").format(count=e))
    loss = s.pop("loss", None)
    if loss:
        out.append(str(loss))
    clip = s.pop("clip_norm", None)
    if clip:
        out.append(tr("clip {norm}").format(norm=f"{clip:g}"))
    out += [f"{k} {v}" for k, v in s.items() if v is not None]
    return ", ".join(out)


def claim_html(exp) -> str:
    """The page's head: title, claim, the article's words and where they are, data, measure, seeds."""
    number = tr("Claim {number}:").format(number=exp.claim_id) if exp.claim_id else tr("Claim:")
    lines = exp.article.get("lines") or []
    where = ""
    if lines:
        listed = ", ".join(str(n) for n in lines)
        where = (tr("article lines {lines}") if len(lines) > 1 else tr("article line {lines}")).format(lines=listed)
    quote = html.escape(exp.article.get("quote") or "")
    seeds = ", ".join(str(s) for s in exp.seeds)
    parts = [f"<b>{html.escape(tr(exp.title))}</b>",
             f"<b>{number}</b> {html.escape(tr(exp.claim))}"]
    if quote or where:
        parts.append(f"<span style='opacity:0.8'>「{quote}」 — {where}</span>" if quote else where)
    several = len(exp.seeds) > 1
    if exp.data:
        run = (tr("data <b>{data}</b> · measure <b>{measure}</b> · seeds {seeds}") if several
               else tr("data <b>{data}</b> · measure <b>{measure}</b> · seed {seeds}"))
    else:
        run = (tr("measure <b>{measure}</b> · seeds {seeds}") if several
               else tr("measure <b>{measure}</b> · seed {seeds}"))
    parts.append(run.format(data=html.escape(exp.data or ""), measure=html.escape(measure_name(exp.measure)),
                            seeds=seeds))
    return "<br>".join(parts)


def unit_text(run, seed, seeds: list) -> str:
    """"run relu, seed 2 of 3" (or the parts of it that are known)."""
    if seed is not None and seed in seeds:
        index = tr("seed {index} of {count}").format(index=seeds.index(seed) + 1, count=len(seeds))
    elif seed is not None:
        index = tr("seed {seed}").format(seed=seed)
    else:
        index = None
    if run is None:
        return index or ""
    if index is None:
        return tr("run {run}").format(run=run)
    return tr("run {run}, {seed}").format(run=run, seed=index)


# curves and directly measured figures the measures provide, as the figures table names them
FIGURE_WORDS = {
    "val_accuracy": QT_TR_NOOP("val_accuracy"), "train_accuracy": QT_TR_NOOP("train_accuracy"),
    "val_loss": QT_TR_NOOP("val_loss"), "train_loss": QT_TR_NOOP("train_loss"),
    "train_loss_batch": QT_TR_NOOP("train_loss_batch"), "val_mae": QT_TR_NOOP("val_mae"),
    "train_mae": QT_TR_NOOP("train_mae"), "epoch_seconds": QT_TR_NOOP("epoch_seconds"),
    "samples_per_s": QT_TR_NOOP("samples_per_s"), "clean_mae": QT_TR_NOOP("clean_mae"),
    "train_loss_resumed": QT_TR_NOOP("train_loss_resumed"), "train_loss_restart": QT_TR_NOOP("train_loss_restart"),
    "shifted_accuracy": QT_TR_NOOP("shifted_accuracy"), "grad_norm": QT_TR_NOOP("grad_norm"),
    "grad_through_time": QT_TR_NOOP("grad_through_time"),
    "params": QT_TR_NOOP("params"), "seconds": QT_TR_NOOP("seconds"), "epochs_done": QT_TR_NOOP("epochs_done"),
    "diverged": QT_TR_NOOP("diverged"), "saturated": QT_TR_NOOP("saturated"), "distinct": QT_TR_NOOP("distinct"),
    "grad_first": QT_TR_NOOP("grad_first"), "grad_last": QT_TR_NOOP("grad_last"),
    "grad_ratio": QT_TR_NOOP("grad_ratio"), "max_abs_diff": QT_TR_NOOP("max_abs_diff"),
    "weights_max_abs_diff": QT_TR_NOOP("weights_max_abs_diff"), "restart_gap": QT_TR_NOOP("restart_gap"),
}
_LAST_K = re.compile(r"^last_(\d+)_mean$")
_EPOCHS_TO = re.compile(r"^epochs_to\.([A-Za-z_][A-Za-z0-9_]*)(>=|<=)(.+)$")


def _word(name: str) -> str:
    return tr(FIGURE_WORDS[name]) if name in FIGURE_WORDS else name


def describe_figure(path: str) -> str:
    """A figure path ("max.val_accuracy", "epochs_to.val_loss<=0.35", "params") in the app's
    language; in English it is the path as written."""
    m = _EPOCHS_TO.match(path)
    if m:
        series, op, value = m.groups()
        template = tr("epochs_to.{series}>={value}") if op == ">=" else tr("epochs_to.{series}<={value}")
        return template.format(series=_word(series), value=value)
    head, dot, series = path.partition(".")
    if not dot:
        return _word(path)
    k = _LAST_K.match(head)
    if k:
        return tr("last_{k}_mean.{series}").format(k=k.group(1), series=_word(series))
    templates = {"final": tr("final.{series}"), "max": tr("max.{series}"), "min": tr("min.{series}"),
                 "last_k_mean": tr("last_k_mean.{series}"), "roughness": tr("roughness.{series}")}
    if head in templates:
        return templates[head].format(series=_word(series))
    return path
