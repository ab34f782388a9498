"""The app's entry point: `dlstudio` opens the window; `--screenshot PATH` renders it to a PNG.

    dlstudio [SPEC]                          open the app (SPEC: preset name, network .json, model .dls)
    dlstudio --lang zh_CN [SPEC]             … in a language (else DLSTUDIO_LANG, View → Language, the system's)
    dlstudio open FILE                       the same, for a file
    dlstudio lab [PAGE]                      the Lab (concept pages computed by the engine)
    dlstudio --screenshot PATH lab:PAGE      render one Lab page offscreen and exit
    dlstudio --screenshot PATH [SPEC]        render the window offscreen and exit
             [--size 1400x900] [--theme system|light|dark] [--select NODE_ID]
             [--train EPOCHS [--data DATA]] [--view maps|gates|weights|evaluation|predict] [--sample N]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile

from dlstudio.i18n import LANGUAGES, normalize_language

EXIT_USER = 2
VIEWS = ("maps", "gates", "weights", "evaluation", "predict")


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be WIDTHxHEIGHT, e.g. 1400x900, got {text!r}") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise argparse.ArgumentTypeError(f"must be between 200 and 8000 pixels each way, got {text!r}")
    return w, h


def _language(text: str) -> str:
    lang = normalize_language(text)
    if lang is None:
        raise argparse.ArgumentTypeError(f"unknown language {text!r}; the app speaks {', '.join(LANGUAGES)}")
    return lang


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="dlstudio", description="The dlstudio desktop app.")
    p.add_argument("spec", nargs="?", metavar="SPEC", help="preset name, network .json or model .dls to open")
    p.add_argument("--screenshot", metavar="PATH", help="render the window to this PNG and exit")
    p.add_argument("--size", type=_size, default=(1400, 900), help="window size for --screenshot (WxH)")
    p.add_argument("--theme", choices=("system", "light", "dark"), help="colour theme")
    p.add_argument("--select", metavar="NODE_ID", help="select this layer (for --screenshot)")
    p.add_argument("--train", type=int, metavar="EPOCHS", help="train this many epochs before --screenshot")
    p.add_argument("--data", metavar="DATA", help="the data to train on for --train (default: the network's own)")
    p.add_argument("--view", choices=VIEWS, help="the live view to show for --screenshot")
    p.add_argument("--sample", type=int, default=0, help="the sample the live views look at (for --screenshot)")
    p.add_argument("--lang", type=_language, metavar="LANG",
                   help=f"the app's language: {', '.join(LANGUAGES)} (default: DLSTUDIO_LANG, the setting, the system's)")
    if argv[:1] == ["open"]:
        argv = argv[1:]
    elif argv[:1] == ["lab"]:  # `dlstudio lab [PAGE]` is `dlstudio lab:PAGE`
        rest = argv[1:]
        page = rest.pop(0) if rest and not rest[0].startswith("-") else ""
        argv = [f"lab:{page}", *rest]
    args = p.parse_args(argv)
    args.lab = args.spec[4:] if args.spec and args.spec.startswith("lab:") else None
    return args


def _loadable(name: str) -> bool:
    import ctypes
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def display_problem(environ=None, loadable=None) -> str | None:
    """Why Qt could not open a window here, said before Qt tries (it would abort the process with
    a hint to reinstall), or None. Linux only: other systems always have their platform."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return ("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set). Start "
                "dlstudio from a desktop session; on a machine without one, `dlstudio --screenshot OUT.png` "
                "renders the window to a file and the command line (`dlstudio train …`) needs no display.")
    if not env.get("WAYLAND_DISPLAY"):
        from .xcb_check import missing_libraries, missing_message
        missing = missing_libraries(loadable or _loadable)
        if missing:
            return missing_message(missing)
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    if args.screenshot and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    problem = display_problem()
    if problem:
        print(f"dlstudio: error: {problem}", file=sys.stderr)
        return EXIT_USER

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from .main_window import app_settings

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "dlstudio"])
    app.setOrganizationName("dlstudio")
    app.setApplicationName("dlstudio")
    from . import i18n
    if not args.screenshot:
        settings = app_settings()
        i18n.install(app, i18n.choose(args.lang, settings))
        return _run(app, args, settings)
    # never read or write the user's settings for a screenshot, and leave the app as it was
    palette, style = QPalette(app.palette()), app.style().name()
    try:
        with tempfile.TemporaryDirectory(prefix="dlstudio-shot-") as scratch:
            QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch)
            # a screenshot is English unless --lang or DLSTUDIO_LANG says otherwise (not the locale)
            i18n.install(app, args.lang or normalize_language(os.environ.get("DLSTUDIO_LANG")) or "en")
            return _run(app, args, app_settings())
    finally:
        i18n.install(app, "en")
        app.setStyle(style)
        app.setPalette(palette)


def _run(app, args: argparse.Namespace, settings) -> int:
    from . import gallery, theme
    from .main_window import MainWindow

    mode = args.theme or settings.value("ui/theme", "system")
    theme.apply(app, mode if mode in theme.MODES else "system")
    if args.lab is not None:
        return _run_lab(app, args)
    network = None
    if args.spec and not args.spec.lower().endswith((".json", ".dls", ".onnx")):
        from dlstudio.zoo import PRESETS
        if args.spec not in PRESETS:
            print(f"dlstudio: error: unknown network {args.spec!r}: give a preset "
                  f"({', '.join(sorted(PRESETS))}), a network .json or a model .dls", file=sys.stderr)
            return EXIT_USER
        network = gallery.preset_network(args.spec) if not args.data else _preset_for_data(args.spec, args.data)
        if network is None:
            return EXIT_USER
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
            if args.train:
                code = train_for_screenshot(win, args)
                if code:
                    return code
            return screenshot(win, args.screenshot, args.size, args.select, args.view)
        win.show()
        win.files.offer_recovery()
        return app.exec()
    finally:
        if args.screenshot:
            win.files.autosave_timer.stop()
            win.stack.setClean()
            win.files.results_dirty = False
            win.close()
            win.deleteLater()
            app.processEvents()


def _run_lab(app, args: argparse.Namespace) -> int:
    """`dlstudio lab [PAGE]`: the Lab on its own; with --screenshot, one page rendered to a PNG."""
    from .lab import PAGE_KEYS
    from .lab.window import LabWindow
    key = args.lab or PAGE_KEYS[0]
    if key not in PAGE_KEYS:
        print(f"dlstudio: error: no Lab page {key!r}; the pages are {', '.join(PAGE_KEYS)}", file=sys.stderr)
        return EXIT_USER
    win = LabWindow()
    if args.screenshot:
        win.resize(*args.size)
    win.show()
    page = win.show_page(key)
    if not args.screenshot:
        return app.exec()
    try:
        _wait(lambda: False, page.shot_seconds)
        image = win.grab()
        if not image.save(args.screenshot, "PNG"):
            print(f"dlstudio: error: cannot write {args.screenshot}", file=sys.stderr)
            return EXIT_USER
        print(f"wrote {args.screenshot} ({image.width()}×{image.height()})", file=sys.stderr)
        return 0
    finally:
        win.close()
        win.deleteLater()
        app.processEvents()


def _preset_for_data(name: str, data: str):
    """The preset shaped for DATA (its input shape, outputs and loss), or None with an error."""
    from dlstudio.run import UserError, load_data, outputs_for
    from dlstudio.zoo import build_preset
    try:
        ds = load_data(data)
    except UserError as e:
        print(f"dlstudio: error: {e}", file=sys.stderr)
        return None
    return build_preset(name, ds.sample_shape, outputs_for(ds))[0]


def _wait(condition, seconds: float) -> bool:
    import time

    from PySide6.QtWidgets import QApplication
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)
    return condition()


def train_for_screenshot(win, args) -> int:
    """Train `args.train` epochs in the window (offscreen) so the screenshot shows a real run."""
    win.resize(*args.size)
    win.show()
    c = win.training
    win.acts.train_panel.trigger()
    if args.data:
        c.hub.setup.set_data_spec(args.data)
    if not _wait(lambda: c.hub.setup.dataset is not None and not c.loader.loading, 600):
        print(f"dlstudio: error: cannot load the data: {c.hub.setup.data_error or 'timed out'}", file=sys.stderr)
        return EXIT_USER
    c.hub.setup.epochs.setValue(args.train)
    c.hub.set_sample(args.sample)
    if args.view:
        from PySide6.QtCore import Qt
        win.bottom_tabs.setCurrentWidget(getattr(c.hub, args.view))
        win.resizeDocks([win.docks[2]], [int(args.size[1] * 0.5)], Qt.Orientation.Vertical)
    if not c.start(True):
        print(f"dlstudio: error: cannot train: {'; '.join(c.problems()) or c.last_error}", file=sys.stderr)
        return EXIT_USER
    _wait(lambda: c.state == "idle", 3600)
    if c.last_error:
        print(f"dlstudio: error: {c.last_error}", file=sys.stderr)
        return EXIT_USER
    c.hub.panel.tabs.setCurrentWidget(c.hub.curves)
    _wait(lambda: False, 1.0)  # the last probe, evaluation and predictions arrive
    return 0


def screenshot(win, path: str, size: tuple[int, int], select: str | None = None, view: str | None = None) -> int:
    """Render the window at `size` to a PNG; a layer is selected so the inspector shows something."""
    from PySide6.QtWidgets import QApplication
    win.resize(*size)
    win.show()
    if view:
        win.bottom_tabs.setCurrentWidget(getattr(win.training.hub, view))
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
    if win.training.prepared:  # the live views ask the worker for the selected layer
        _wait(lambda: False, 0.8)
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
