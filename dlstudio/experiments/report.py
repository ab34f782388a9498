"""Plain-text views of experiments for the command line: the list, and a result's table and verdict."""
from __future__ import annotations

from .format import Experiment

VERDICT_WORDS = {"supported": "supported", "not_supported": "not supported here", "depends": "depends"}


def by_claim(exps: list[Experiment]) -> list[Experiment]:
    """Experiments in claim order (those without a claim number last, by name)."""
    return sorted(exps, key=lambda e: (e.claim_id is None, e.claim_id or 0, e.name))


def list_text(exps: list[Experiment]) -> str:
    """One line per experiment: name, claim number, title."""
    width = max((len(e.name) for e in exps), default=4)
    lines = [f"{e.name:<{width}}  {('#' + str(e.claim_id)) if e.claim_id else '-':>4}  {e.title}"
             for e in by_claim(exps)]
    lines.append("run one with: dlstudio experiment NAME  (or a .json file; --all runs every one)")
    return "\n".join(lines)


def header_text(exp: Experiment) -> str:
    """The experiment's name, title, claim and the article's words."""
    tag = f"claim {exp.claim_id} · " if exp.claim_id else ""
    text = f"{tag}{exp.name}: {exp.title}\n  claim: {exp.claim}"
    if exp.article.get("quote"):
        lines = exp.article.get("lines", [])
        where = f" (line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))})" if lines else ""
        text += f"\n  article{where}: {exp.article['quote']}"
    return text


def _fmt(v) -> str:
    return "n/a" if v is None else f"{v:.4g}"


def result_text(exp: Experiment, result: dict) -> str:
    """The figures table (mean over seeds, min–max in brackets) and the verdict with its reason."""
    cols = ["run", *exp.figures]
    rows = []
    for run in exp.runs:
        cells = [run.label]
        for f in exp.figures:
            fig = result["figures"][f"{run.id}.{f}"]
            spread = "" if fig["n"] < 2 or fig["min"] == fig["max"] else f" ({_fmt(fig['min'])}–{_fmt(fig['max'])})"
            cells.append(f"{_fmt(fig['mean'])}{spread}{' ' + fig['unit'] if fig['unit'] else ''}")
        rows.append(cells)
    widths = [max(len(str(r[i])) for r in [cols, *rows]) for i in range(len(cols))]
    out = ["  " + "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip() for r in [cols, *rows]]
    if result["stopped"]:
        out.append(f"  (stopped after {result['seconds']:.1f} s: figures of the finished runs only)")
    else:
        seeds = ", ".join(str(s) for s in result["seeds"])
        out.append(f"  (mean over seeds {seeds}, min–max in brackets; {result['seconds']:.1f} s)")
    out.append(f"  verdict: {VERDICT_WORDS.get(result['verdict'], 'no verdict')} — {result['because']}")
    return "\n".join(out)
