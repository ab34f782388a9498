"""Light and dark themes, and the canvas colours derived from the current palette.

"system" keeps the platform's palette (so the app follows the desktop's light / dark
setting); "light" and "dark" install a Fusion palette. Canvas items never hard-code
backgrounds: they ask `colors(palette)` at paint time, so a theme switch repaints correctly.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

MODES = ("system", "light", "dark")

# Category hues (one per palette group); lightness is adapted to the theme in `accent`.
GROUP_HUES = {"Input": 170, "Core": 215, "Convolution": 200, "Pooling": 185, "Normalization": 275,
              "Activation": 30, "Recurrent": 130, "Merge": 325}

_system_palette: QPalette | None = None


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def accent(group: str, palette: QPalette) -> QColor:
    hue = GROUP_HUES.get(group, 215)
    return QColor.fromHsl(hue, 150, 150) if is_dark(palette) else QColor.fromHsl(hue, 170, 95)


def node_fill(group: str, palette: QPalette) -> QColor:
    """A block's background: the node colour tinted with its group's accent (cached)."""
    key = (palette.cacheKey(), group)
    found = _fill_cache.get(key)
    if found is None:
        if len(_fill_cache) > 256:
            _fill_cache.clear()
        c = colors(palette)
        found = _fill_cache[key] = mix(c.node, accent(group, palette), 0.16 if is_dark(palette) else 0.07)
    return found


_fill_cache: dict = {}


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """a blended towards b by t (0 = a, 1 = b)."""
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t, 1.0)


@dataclass(frozen=True)
class CanvasColors:
    background: QColor
    grid_minor: QColor
    grid_major: QColor
    node: QColor
    node_border: QColor
    text: QColor
    dim_text: QColor
    edge: QColor
    selection: QColor
    error: QColor
    port: QColor


_colors_cache: dict[int, CanvasColors] = {}


def colors(palette: QPalette) -> CanvasColors:
    """The canvas colours for a palette (cached: items ask on every paint)."""
    key = palette.cacheKey()
    found = _colors_cache.get(key)
    if found is None:
        if len(_colors_cache) > 32:
            _colors_cache.clear()
        found = _colors_cache[key] = _colors(palette)
    return found


def _colors(palette: QPalette) -> CanvasColors:
    role = QPalette.ColorRole
    window, base, text = palette.color(role.Window), palette.color(role.Base), palette.color(role.Text)
    dark = is_dark(palette)
    background = mix(window, base, 0.35) if not dark else mix(window, base, 0.6)
    node = base if not dark else mix(window, text, 0.08)
    return CanvasColors(
        background=background,
        grid_minor=mix(background, text, 0.05), grid_major=mix(background, text, 0.10),
        node=node, node_border=mix(node, text, 0.28), text=text, dim_text=mix(node, text, 0.62),
        edge=mix(background, text, 0.55), selection=palette.color(role.Highlight),
        error=QColor("#ff6b6b") if dark else QColor("#d32f2f"), port=mix(node, text, 0.45))


def _fusion_palette(dark: bool) -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    if dark:
        values = {role.Window: "#2b2d30", role.WindowText: "#e6e6e6", role.Base: "#1f2023",
                  role.AlternateBase: "#2b2d30", role.ToolTipBase: "#3a3d41", role.ToolTipText: "#f0f0f0",
                  role.Text: "#e6e6e6", role.Button: "#35373b", role.ButtonText: "#e6e6e6",
                  role.BrightText: "#ffffff", role.Highlight: "#3d8fd6", role.HighlightedText: "#ffffff",
                  role.Link: "#6cb6ff", role.PlaceholderText: "#8b8d91", role.Light: "#45484d",
                  role.Midlight: "#3a3d41", role.Mid: "#2f3135", role.Dark: "#1a1b1d", role.Shadow: "#000000"}
        disabled = "#7a7c80"
    else:
        values = {role.Window: "#eff0f1", role.WindowText: "#1d1f22", role.Base: "#ffffff",
                  role.AlternateBase: "#f5f6f7", role.ToolTipBase: "#ffffdc", role.ToolTipText: "#1d1f22",
                  role.Text: "#1d1f22", role.Button: "#f3f4f5", role.ButtonText: "#1d1f22",
                  role.BrightText: "#ffffff", role.Highlight: "#2f7fd0", role.HighlightedText: "#ffffff",
                  role.Link: "#1f6fbf", role.PlaceholderText: "#8a8d91", role.Light: "#ffffff",
                  role.Midlight: "#e3e4e6", role.Mid: "#b8babd", role.Dark: "#9c9ea1", role.Shadow: "#6b6d70"}
        disabled = "#9a9ca0"
    for r, c in values.items():
        p.setColor(r, QColor(c))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor(disabled))
    return p


def apply(app: QApplication, mode: str = "system") -> None:
    """Install a theme. "system" restores the palette the platform gave the application."""
    global _system_palette
    if mode not in MODES:
        raise ValueError(f"theme must be one of {', '.join(MODES)}, got {mode!r}")
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
    app.setStyle("Fusion")
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt ≥ 6.8: tell the style which scheme we want
        scheme = {"system": Qt.ColorScheme.Unknown, "light": Qt.ColorScheme.Light,
                  "dark": Qt.ColorScheme.Dark}[mode]
        hints.setColorScheme(scheme)
    if mode == "system":
        app.setPalette(_system_palette)
    else:
        app.setPalette(_fusion_palette(mode == "dark"))
