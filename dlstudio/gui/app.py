"""The app's entry point: `dlstudio` opens the window; `--screenshot PATH` renders it to a PNG.

    dlstudio [SPEC]                          open the app (SPEC: preset name, network .json, model .dls)
    dlstudio open FILE                       the same, for a file
    dlstudio --screenshot PATH [SPEC]        render the window offscreen and exit
             [--size 1400x900] [--theme system|light|dark] [--select NODE_ID]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile

EXIT_USER = 2


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be WIDTHxHEIGHT, e.g. 1400x900, got {text!r}") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise argparse.ArgumentTypeError(f"must be between 200 and 8000 pixels each way, got {text!r}")
    return w, h


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="dlstudio", description="The dlstudio desktop app.")
    p.add_argument("spec", nargs="?", metavar="SPEC", help="preset name, network .json or model .dls to open")
    p.add_argument("--screenshot", metavar="PATH", help="render the window to this PNG and exit")
    p.add_argument("--size", type=_size, default=(1400, 900), help="window size for --screenshot (WxH)")
    p.add_argument("--theme", choices=("system", "light", "dark"), help="colour theme")
    p.add_argument("--select", metavar="NODE_ID", help="select this layer (for --screenshot)")
    if argv[:1] == ["open"]:
        argv = argv[1:]
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    if args.screenshot and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from .main_window import app_settings

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "dlstudio"])
    app.setOrganizationName("dlstudio")
    app.setApplicationName("dlstudio")
    if not args.screenshot:
        return _run(app, args, app_settings())
    # never read or write the user's settings for a screenshot, and leave the app as it was
    palette, style = QPalette(app.palette()), app.style().name()
    try:
        with tempfile.TemporaryDirectory(prefix="dlstudio-shot-") as scratch:
            QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch)
            return _run(app, args, app_settings())
    finally:
        app.setStyle(style)
        app.setPalette(palette)


def _run(app, args: argparse.Namespace, settings) -> int:
    from . import gallery, theme
    from .main_window import MainWindow

    mode = args.theme or settings.value("ui/theme", "system")
    theme.apply(app, mode if mode in theme.MODES else "system")
    network = None
    if args.spec and not args.spec.lower().endswith((".json", ".dls")):
        from dlstudio.zoo import PRESETS
        if args.spec not in PRESETS:
            print(f"dlstudio: error: unknown network {args.spec!r}: give a preset "
                  f"({', '.join(sorted(PRESETS))}), a network .json or a model .dls", file=sys.stderr)
            return EXIT_USER
        network = gallery.preset_network(args.spec)
    elif args.spec and not os.path.isfile(args.spec):
        print(f"dlstudio: error: no such file: {args.spec}", file=sys.stderr)
        return EXIT_USER
    win = MainWindow(settings=settings)
    try:
        if network is not None:
            win.files.load_network(network, layout=True)
        elif args.spec:
            if args.screenshot:
                from .files import FileError, read_file
                try:
                    net, bundle = read_file(args.spec)
                except FileError as e:
                    print(f"dlstudio: error: {e}", file=sys.stderr)
                    return EXIT_USER
                win.files.load_network(net, os.path.abspath(args.spec), bundle)
            else:
                win.files.open_path(args.spec, ask=False)
        if args.screenshot:
            return screenshot(win, args.screenshot, args.size, args.select)
        win.show()
        win.files.offer_recovery()
        return app.exec()
    finally:
        if args.screenshot:
            win.files.autosave_timer.stop()
            win.stack.setClean()
            win.close()
            win.deleteLater()
            app.processEvents()


def screenshot(win, path: str, size: tuple[int, int], select: str | None = None) -> int:
    """Render the window at `size` to a PNG; a layer is selected so the inspector shows something."""
    from PySide6.QtWidgets import QApplication
    win.resize(*size)
    win.show()
    for _ in range(3):
        QApplication.processEvents()
    ids = win.doc.ids()
    if select is None:
        select = next((n.id for n in win.doc.network.nodes if n.type == "Conv2D"), ids[1] if len(ids) > 1 else None)
    if select is not None:
        if select not in ids:
            print(f"dlstudio: error: --select: no layer {select!r} (layers: {', '.join(ids)})", file=sys.stderr)
            return EXIT_USER
        win.scene.select_ids([select])
    win.view.show_start()
    QApplication.processEvents()
    image = win.grab()
    if not image.save(path, "PNG"):
        print(f"dlstudio: error: cannot write {path}", file=sys.stderr)
        return EXIT_USER
    print(f"wrote {path} ({image.width()}×{image.height()})", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
