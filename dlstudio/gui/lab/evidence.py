"""An experiment's evidence: its plots filling live, the measured figures and the verdict.

`EvidenceView` draws the experiment's `plots` (one `EvidencePlot` each: the runs overlaid, a thin
line per seed and a bold mean) from the framework's `series` events, and at the end shows the
result: the verdict as a coloured badge with the sentence that gives the deciding numbers, and a
table of the figures (mean, range, per seed) plus the measure's own table if it has one.
`save_evidence_pngs` renders the same plots of a finished result to PNG files (the command line's
`dlstudio experiment --out DIR`).
"""
from __future__ import annotations

import html
import math
import os
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import theme
from ..i18n import QT_TR_NOOP, tr, tr_text
from .evidence_plots import EvidencePlot, run_color
from .experiment_text import describe_figure

PNG_SIZE = (900, 560)   # width, height of each evidence PNG

VERDICTS = {"supported": (QT_TR_NOOP("Supported"), "#2e7d32", "#66bb6a"),
            "not_supported": (QT_TR_NOOP("Not supported here"), "#c62828", "#ef5350"),
            "depends": (QT_TR_NOOP("It depends"), "#a86b00", "#ffb74d")}
# units of the figures (from the runner), as the table shows them
UNITS = {"epochs": QT_TR_NOOP("epochs"), "samples/s": QT_TR_NOOP("samples/s")}
# state shown while there is no verdict
STATES = {"idle": QT_TR_NOOP("Not run yet"), "running": QT_TR_NOOP("Running…"), "stopped": QT_TR_NOOP("Stopped"),
          "failed": QT_TR_NOOP("Failed")}


def verdict_text(verdict: str | None, state: str = "idle") -> str:
    """What the badge says (in the app's language): the verdict's words, or the run's state while
    there is no verdict."""
    if verdict in VERDICTS:
        return tr(VERDICTS[verdict][0])
    return tr(STATES[state]) if state in STATES else state


def because_text(result: dict) -> str:
    """The sentence that gives the verdict's reason, in the app's language: the deciding rule's
    `because` translated first, then filled with the measured figures (as the runner filled the
    English one); other sentences (stopped, no verdict) are translated whole."""
    because = result.get("because") or ""
    template = result.get("because_template")
    if template and result.get("verdict"):
        from dlstudio.experiments.verdict import RuleError, format_because, lookup_in
        translated = tr(template)
        if translated != template:
            try:
                return format_because(translated, lookup_in(result.get("figures") or {}))
            except (RuleError, ValueError, KeyError):   # a translation with a wrong field: the English
                pass
    return tr_text(because)


def run_labels(experiment) -> list[tuple[str, str]]:
    """(run id, its label in the app's language) of each run."""
    return [(r.id, tr(r.label) if r.label else r.id) for r in (getattr(experiment, "runs", None) or [])]


def number(value, unit: str = "") -> str:
    """A figure for the table: 4 significant digits, "—" when missing."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—" if value is None else str(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        text = f"{value:,}"
    elif isinstance(value, float):
        text = f"{value:,.0f}" if abs(value) >= 10_000 else f"{value:.4g}"
    else:
        text = str(value)
    return f"{text} {unit}".strip() if unit else text


def plot_specs(experiment, series_names=()) -> list[dict]:
    """The experiment's plot specs; without any, one plot per series name."""
    specs = [p for p in (getattr(experiment, "plots", None) or []) if isinstance(p, dict)]
    return specs or [{"title": n, "series": n, "x": "", "y": n} for n in series_names]


class EvidenceView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.experiment = None
        self.plots: list[EvidencePlot] = []
        self.result: dict | None = None
        self.grid_host = QWidget()
        self.grid = QHBoxLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        self.legend = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText, objectName="evidenceLegend")
        self.placeholder = QLabel(tr("Choose an experiment."), alignment=Qt.AlignmentFlag.AlignCenter)
        self.grid.addWidget(self.placeholder)
        self.badge = QLabel(objectName="verdictBadge", alignment=Qt.AlignmentFlag.AlignCenter)
        self.badge.setMinimumWidth(150)
        self.because = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.because.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.because.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.figures = self._table([tr("Run"), tr("Figure"), tr("Mean"), tr("Range over seeds")])
        self.figures.horizontalHeader().setStretchLastSection(False)
        self.figures.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.figures.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.extra = self._table([])
        self.extra.hide()
        verdict_col = QVBoxLayout()
        verdict_col.setSpacing(4)
        verdict_col.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        verdict_col.addWidget(self.because)
        verdict_col.addStretch(1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addLayout(verdict_col, 2)
        bottom.addWidget(self.figures, 3)
        bottom.addWidget(self.extra, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        lay.addWidget(self.legend)
        lay.addWidget(self.grid_host, 1)
        lay.addLayout(bottom)
        self.state = "idle"
        self.set_state("idle")

    @staticmethod
    def _table(columns: list[str]) -> QTableWidget:
        t = QTableWidget(0, len(columns))
        t.setHorizontalHeaderLabels(columns)
        t.verticalHeader().hide()
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(True)
        t.verticalHeader().setDefaultSectionSize(22)
        t.setMinimumHeight(90)
        t.setMaximumHeight(140)
        return t

    # ---- the experiment ---------------------------------------------------------------------
    def set_experiment(self, experiment) -> None:
        """Show an empty evidence frame for `experiment` (its plots, no data, no verdict)."""
        self.experiment = experiment
        self.result = None
        for p in self.plots:
            self.grid.removeWidget(p.widget)
            p.widget.deleteLater()
        self.plots = []
        specs = plot_specs(experiment)
        self.placeholder.setVisible(not specs)
        self.placeholder.setText(tr("This experiment draws no plots: its evidence is the table.")
                                 if experiment is not None else tr("Choose an experiment."))
        runs = run_labels(experiment)
        for spec in specs:
            plot = EvidencePlot(spec, runs, self.palette())
            self.grid.addWidget(plot.widget, 1)
            self.plots.append(plot)
        self._fill_legend()
        self._fill_figures({})
        self._fill_extra(None)
        self.set_state("idle")

    def _fill_legend(self) -> None:
        """One line naming each run in its colour (shared by all the plots)."""
        runs = run_labels(self.experiment)
        several = len(getattr(self.experiment, "seeds", None) or []) > 1
        parts = [f"<span style='color:{run_color(i, self.palette()).name()}; font-size:13pt'>━</span>&nbsp;"
                 f"<b>{html.escape(rid)}</b>: {html.escape(label)}" for i, (rid, label) in enumerate(runs)]
        note = " &nbsp;·&nbsp; " + tr("thin lines: single seeds, bold: their mean") if several and runs else ""
        self.legend.setText(" &nbsp;&nbsp; ".join(parts) + note)
        self.legend.setVisible(bool(parts))

    def clear_data(self) -> None:
        """Forget the curves and the result (a new run starts)."""
        self.result = None
        for p in self.plots:
            p.clear()
        self._fill_figures({})
        self._fill_extra(None)

    def set_curve(self, run: str, seed, name: str, x, y) -> None:
        """A (run, seed)'s curve `name` so far; drawn at the next `refresh`."""
        for p in self.plots:
            if p.series == name:
                p.set_curve(run, seed, x, y)

    def refresh(self) -> None:
        for p in self.plots:
            if p.dirty:
                p.refresh()

    def set_state(self, state: str, verdict: str | None = None) -> None:
        """The badge: a verdict, or the run's state ("idle", "running", "stopped", "failed")."""
        self.state = state
        dark = theme.is_dark(self.palette())
        if verdict in VERDICTS:
            _, light_c, dark_c = VERDICTS[verdict]
            bg, fg = QColor(dark_c if dark else light_c), QColor("#101010" if dark else "#ffffff")
        else:
            pal = self.palette()
            bg = theme.mix(pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.Text), 0.18)
            fg = pal.color(QPalette.ColorRole.Text)
        self.badge.setText(verdict_text(verdict, state))
        self.badge.setProperty("verdict", verdict or state)
        self.badge.setStyleSheet(f"QLabel#verdictBadge {{ background: {bg.name()}; color: {fg.name()}; "
                                 "border-radius: 9px; padding: 4px 14px; font-weight: bold; }")
        if verdict is None:
            self.because.setText("")

    def set_result(self, result: dict) -> None:
        """The finished (or stopped) result: complete curves, figures, table and verdict."""
        self.result = result
        seeds = list(result.get("seeds") or [])
        for rid, named in (result.get("series") or {}).items():
            for name, curve in (named or {}).items():
                x = curve.get("x") or []
                for i, y in enumerate(curve.get("y") or []):
                    xs = x[i] if x and isinstance(x[0], list) else x
                    if xs and y:
                        self.set_curve(rid, seeds[i] if i < len(seeds) else i, name, xs, y)
        self.refresh()
        self._fill_figures(result.get("figures") or {})
        self._fill_extra(result.get("table"))
        verdict = result.get("verdict")
        state = "stopped" if result.get("stopped") else ("done" if verdict else "failed")
        self.set_state(state, verdict)
        self.because.setText(self._because(result))

    @staticmethod
    def _because(result: dict) -> str:
        because = because_text(result).strip()
        if result.get("stopped") and not because:
            because = tr("Stopped before the end: no verdict.")
        elif because and not result.get("stopped") and result.get("verdict") is None:
            because = tr("No verdict: {reason}").format(reason=because)
        return because[:1].upper() + because[1:]

    def show_failure(self, message: str) -> None:
        self.set_state("failed")
        self.because.setText(message)

    # ---- tables -----------------------------------------------------------------------------
    def _fill_figures(self, figures: dict) -> None:
        t = self.figures
        t.setRowCount(0)
        for key, fig in figures.items():
            run, _, name = key.partition(".")
            fig = fig if isinstance(fig, dict) else {"mean": fig}
            unit = str(fig.get("unit") or "")
            unit = tr(UNITS[unit]) if unit in UNITS else unit
            lo, hi = fig.get("min"), fig.get("max")
            values = fig.get("values") or []
            row = t.rowCount()
            t.insertRow(row)
            path = (getattr(self.experiment, "figures", None) or {}).get(name, "")
            if path and path != name:
                label = tr("{name} ({path})").format(name=name, path=describe_figure(path))
            else:
                label = describe_figure(name) if name else key
            cells = [run, label, number(fig.get("mean"), unit),
                     "" if lo is None and hi is None else f"{number(lo)} – {number(hi)}"]
            tip = tr("{name} = {path}\nper seed: {values}").format(name=name, path=path,
                                                                   values=", ".join(number(v) for v in values))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if path:
                    item.setToolTip(f"{name} = {path}")
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                t.setItem(row, col, item)

    def _fill_extra(self, table: dict | None) -> None:
        t = self.extra
        columns = list((table or {}).get("columns") or [])
        rows = list((table or {}).get("rows") or [])
        figure_names = {k.partition(".")[2] for k in ((self.result or {}).get("figures") or {})}
        redundant = set(map(str, columns[1:])) <= figure_names   # the figures' means again
        t.setVisible(bool(columns and rows) and not redundant)
        t.setColumnCount(len(columns))
        t.setHorizontalHeaderLabels([str(c) for c in columns])
        t.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(list(row)[:len(columns)]):
                t.setItem(r, c, QTableWidgetItem(number(value)))

    def figure_rows(self) -> list[list[str]]:
        """The figures table as text (what a user reads)."""
        return [[self.figures.item(r, c).text() for c in range(self.figures.columnCount())]
                for r in range(self.figures.rowCount())]

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            for p in self.plots:
                p.apply_theme(self.palette())
            self._fill_legend()
            verdict = (self.result or {}).get("verdict")
            self.badge.setStyleSheet("")
            self.set_state(self.state, verdict)
            if self.result is not None and self.result.get("because"):
                self.because.setText(self._because(self.result))


# ---- PNG export -------------------------------------------------------------------------------
def _light_palette() -> QPalette:
    pal = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#ffffff"), (QPalette.ColorRole.Base, "#ffffff"),
                        (QPalette.ColorRole.Text, "#1d1f22"), (QPalette.ColorRole.WindowText, "#1d1f22")):
        pal.setColor(role, QColor(color))
    return pal


def _application():
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a command-line export needs no screen
        app = QApplication([])
    return app


def save_evidence_pngs(result: dict, experiment, out_dir) -> list[Path]:
    """Render each of the experiment's plots of a finished `result` to `out_dir/<name>-<k>.png`
    (k from 1, PNG_SIZE pixels, light background); returns the paths written."""
    app = _application()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    names = sorted({n for named in (result.get("series") or {}).values() for n in (named or {})})
    specs = plot_specs(experiment, names)
    runs = run_labels(experiment) or [(rid, rid) for rid in (result.get("series") or {})]
    name = str(result.get("name") or getattr(experiment, "name", "experiment"))
    seeds = list(result.get("seeds") or [])
    verdict = verdict_text(result.get("verdict"), "stopped" if result.get("stopped") else "failed")
    written = []
    for k, spec in enumerate(specs, 1):
        title = tr(str(result.get("title") or getattr(experiment, "title", "") or name))
        plot_title = tr(str(spec.get("title", spec.get("series", ""))))
        spec = dict(spec, title=tr("{experiment}: {plot} — {verdict}").format(experiment=title, plot=plot_title,
                                                                            verdict=verdict))
        plot = EvidencePlot(spec, runs, _light_palette(), legend=True)
        for rid, named in (result.get("series") or {}).items():
            curve = (named or {}).get(plot.series)
            if not curve:
                continue
            x = curve.get("x") or []
            for i, y in enumerate(curve.get("y") or []):
                xs = x[i] if x and isinstance(x[0], list) else x
                plot.set_curve(rid, seeds[i] if i < len(seeds) else i, xs, y)
        plot.refresh()
        w = plot.widget
        w.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        w.resize(*PNG_SIZE)
        w.show()
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}-{k}.png"
        image = w.grab().toImage()
        if image.width() != PNG_SIZE[0] or image.height() != PNG_SIZE[1]:  # a high-DPI screen
            image = image.scaled(*PNG_SIZE, Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        if not image.save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")
        w.hide()
        w.deleteLater()
        written.append(path)
    app.processEvents()
    return written
