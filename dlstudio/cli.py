"""The `dlstudio` command: train, summary, evaluate, predict, bench, experiment.

User mistakes print one line to stderr and exit with code 2 (no traceback).
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path

EXIT_USER = 2


def _batch_size(text: str):
    if text == "full":
        return "full"
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a positive whole number or 'full', got {text!r}") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number or 'full', got {text!r}")
    return v


def _positive_int(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if v < 0:
        raise argparse.ArgumentTypeError(f"must not be negative, got {text!r}")
    return v


def _seeds(text: str) -> list[int]:
    try:
        seeds = [int(t) for t in text.split(",") if t.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be whole numbers separated by commas, got {text!r}") from None
    if not seeds or any(s < 0 for s in seeds) or len(set(seeds)) != len(seeds):
        raise argparse.ArgumentTypeError(f"must be different whole numbers ≥ 0, got {text!r}")
    return seeds


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, like every other user mistake
        self.print_usage(sys.stderr)
        print(f"dlstudio: error: {message}", file=sys.stderr)
        sys.exit(EXIT_USER)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="dlstudio", description="Build, train and inspect neural networks.")
    p.add_argument("--version", action="version", version=_version())
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    o = sub.add_parser("open", help="open a model (.dls) or network (.json) in the app")
    o.add_argument("file", metavar="FILE")

    t = sub.add_parser("train", help="train a preset, a network .json or a model .dls")
    t.add_argument("spec", metavar="SPEC", help="preset name (e.g. mlp), network .json or model .dls")
    t.add_argument("--data", metavar="DATA", help="data set, e.g. digits, spirals, npz:FILE, csv:FILE")
    t.add_argument("--epochs", type=_positive_int)
    t.add_argument("--batch-size", type=_batch_size, help="samples per step: 1 (SGD), k (MBGD) or 'full' (BGD)")
    t.add_argument("--loss")
    t.add_argument("--optimizer")
    t.add_argument("--lr", type=float, help="learning rate")
    t.add_argument("--seed", type=int)
    t.add_argument("--val-split", type=float, help="fraction of the data held out for validation")
    t.add_argument("--clip-norm", type=float, help="clip gradients to this global L2 norm")
    t.add_argument("--out", metavar="FILE.dls", help="save the trained model here (a .dls SPEC is updated in place)")
    t.add_argument("--json", action="store_true", help="print JSON Lines: one object per epoch, then 'done'")

    s = sub.add_parser("summary", help="per layer: output shape, parameters, MACs, FLOPs")
    s.add_argument("spec", metavar="SPEC")
    s.add_argument("--data", metavar="DATA", help="shape a preset for this data (default: the preset's own)")
    s.add_argument("--json", action="store_true")

    e = sub.add_parser("evaluate", help="loss and accuracy (or mean absolute error) of a saved model on a data set")
    e.add_argument("model", metavar="FILE.dls")
    e.add_argument("--data", metavar="DATA", required=True)
    e.add_argument("--json", action="store_true")

    pr = sub.add_parser("predict", help="write the network's outputs for every sample")
    pr.add_argument("model", metavar="FILE.dls")
    pr.add_argument("--data", metavar="DATA", required=True)
    pr.add_argument("--out", metavar="PRED.npy|PRED.csv", required=True)

    x = sub.add_parser("experiment", help="run experiments that test the curriculum's claims (no argument: list them)")
    x.add_argument("experiment", metavar="NAME|FILE.json", nargs="?", help="a built-in name or an experiment .json")
    x.add_argument("--all", action="store_true", help="run every built-in experiment, in claim order")
    x.add_argument("--json", action="store_true", help="print one JSON result object per experiment")
    x.add_argument("--out", metavar="DIR", help="save DIR/NAME.json and PNGs of the evidence plots")
    x.add_argument("--seeds", type=_seeds, help="override the seeds, e.g. 0,1,2")

    dg = sub.add_parser("diagram", help="draw the network as a diagram: PNG, SVG or PDF")
    dg.add_argument("spec", metavar="SPEC")
    dg.add_argument("out", metavar="OUT.png|OUT.svg|OUT.pdf")
    dg.add_argument("--data", metavar="DATA", help="shape a preset for this data (default: the preset's own)")

    ex = sub.add_parser("export", help="write the network with its weights as ONNX (.onnx) or a PyTorch script (.py)")
    ex.add_argument("spec", metavar="SPEC", help="a model .dls (its weights), a network .json or a preset (fresh weights)")
    ex.add_argument("out", metavar="OUT.onnx|OUT.py")
    ex.add_argument("--to", choices=("onnx", "pytorch"), help="the format (default: from OUT's extension)")
    ex.add_argument("--data", metavar="DATA", help="shape a preset for this data (default: the preset's own)")

    sub.add_parser("lab", help="the Lab: concept pages computed by the engine (dlstudio lab [PAGE])")
    b = sub.add_parser("bench", help="the engine benchmark suite (with PyTorch side by side if installed)")
    b.add_argument("--case", action="append", help="run only this case (repeatable)")
    b.add_argument("--json", action="store_true")
    b.add_argument("--repeat", type=int, default=3, help="timed repeats per case (best is reported)")
    b.add_argument("--memory", action="store_true",
                   help="peak memory of LeNet-5 (60,000 images) and ResNet (50,000) training, in fresh processes")
    b.add_argument("--gui", action="store_true",
                   help="train LeNet-5 in the app (offscreen, every live view open): UI stall and throughput")
    return p


def _version() -> str:
    from . import __version__
    return f"dlstudio {__version__}"


def _wants_app_language(argv: list[str]) -> bool:
    """`dlstudio --lang zh_CN [SPEC]` opens the app (the command line's own messages stay English)."""
    return argv[0] == "--lang" or argv[0].startswith("--lang=")


def _opens_a_spec(argv: list[str]) -> bool:
    """`dlstudio SPEC` opens the app on a preset, or on a network / model file that exists
    (docs/app.md); anything else is read as a command (a typo gets the command list)."""
    from .zoo import preset_names
    spec = argv[0]
    return spec in preset_names() or (spec.lower().endswith((".dls", ".json", ".onnx")) and os.path.isfile(spec))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if (not argv or argv[0] in ("open", "lab") or "--screenshot" in argv or _wants_app_language(argv)
            or _opens_a_spec(argv)):
        # the app; Qt is imported only here
        from .gui.app import main as gui_main
        return gui_main(argv)
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return 0
    from .run import UserError
    try:
        return {"train": cmd_train, "summary": cmd_summary, "evaluate": cmd_evaluate,
                "predict": cmd_predict, "diagram": cmd_diagram, "export": cmd_export, "bench": cmd_bench, "experiment": cmd_experiment}[args.command](args)
    except UserError as e:
        print(f"dlstudio: error: {e}", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        print("dlstudio: interrupted", file=sys.stderr)
        return 130


# ---- train ---------------------------------------------------------------------------------
def cmd_train(args) -> int:
    from .engine.trainer import TrainingError, batch_mode
    from .run import UserError, is_model_file, prepare
    run = prepare(args.spec, args.data, epochs=args.epochs, batch_size=args.batch_size, loss=args.loss,
                  optimizer=args.optimizer, lr=args.lr, seed=args.seed, val_split=args.val_split,
                  clip_norm=args.clip_norm, progress=_download_progress())
    out = args.out or (args.spec if is_model_file(args.spec) else None)
    cfg = run.config
    if not args.json:
        print(f"{run.network.name}: {run.model.num_params:,} parameters · data {run.dataset.source} "
              f"({len(run.train)} train / {len(run.val)} val) · loss {cfg.loss} · {cfg.optimizer} "
              f"{_hyper(run.trainer.optimizer.hyper)} · {batch_mode(cfg.batch_size)} batch {run.trainer.batch}",
              flush=True)

    def on_event(ev):
        if ev["event"] != "epoch":
            return
        if args.json:
            print(json.dumps({k: ev[k] for k in ("event", "epoch", "train_loss", "train_accuracy", "val_loss",
                                                   "val_accuracy", "train_mae", "val_mae", "samples_per_s")}),
                  flush=True)
        else:
            acc = "" if ev["val_accuracy"] is None else f"  val acc {ev['val_accuracy']:.4f}"
            if ev.get("val_mae") is not None:
                acc = f"  val MAE {ev['val_mae']:.4g}"
            elif ev.get("train_mae") is not None:
                acc = f"  MAE {ev['train_mae']:.4g}"
            val = "" if ev["val_loss"] is None else f"  val loss {ev['val_loss']:.4f}"
            print(f"epoch {ev['epoch']:4d}  loss {ev['train_loss']:.4f}{val}{acc}  "
                  f"{ev['samples_per_s']:,.0f} samples/s", flush=True)

    run.trainer.callbacks.append(on_event)
    previous = signal.signal(signal.SIGINT, lambda *a: run.trainer.stop())
    try:
        result = run.trainer.run(cfg.epochs)
    except TrainingError as e:
        raise UserError(str(e)) from None
    finally:
        signal.signal(signal.SIGINT, previous)
    if out:
        run.save(out)
    done = {"event": "done", "epochs_done": run.trainer.epochs_done, "stopped": result["event"] == "stopped",
            "val_loss": result.get("val_loss"), "val_accuracy": result.get("val_accuracy"),
            "val_mae": result.get("val_mae"), "train_loss": result.get("train_loss"), "saved": out}
    if args.json:
        print(json.dumps(done), flush=True)
    else:
        if result["event"] == "stopped":
            print(f"stopped after {run.trainer.epochs_done} full epoch(s); the model keeps its place in the epoch")
        print(f"saved {out}" if out else "not saved (use --out FILE.dls to keep the model)")
    return 130 if result["event"] == "stopped" else 0


def _hyper(h: dict) -> str:
    return ", ".join(f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}" for k, v in h.items())


# ---- summary -------------------------------------------------------------------------------
def cmd_summary(args) -> int:
    from .summary import network_for_summary, summary_rows
    net = network_for_summary(args.spec, args.data)
    rows, total, problems = summary_rows(net)
    if args.json:
        print(json.dumps({"name": net.name, "layers": rows, "total": total,
                          "problems": [str(p) for p in problems]}))
        return EXIT_USER if problems else 0
    headers = ("layer", "type", "output shape", "params", "MACs", "FLOPs")
    table = [(r["id"], r["type"], "×".join(map(str, r["shape"])) if r["shape"] else "?",
              f"{r['params']:,}", f"{r['macs']:,}", f"{r['flops']:,}") for r in rows]
    widths = [max([len(h), *(len(t[i]) for t in table)]) for i, h in enumerate(headers)]  # no rows: headers
    right = (False, False, False, True, True, True)

    def line(cells):
        return "  ".join(c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right))

    print(f"{net.name}")
    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for t in table:
        print(line(t))
    print("  ".join("-" * w for w in widths))
    print(line(("total", "", "", f"{total['params']:,}", f"{total['macs']:,}", f"{total['flops']:,}")))
    print(f"trainable {total['trainable']:,} · non-trainable {total['non_trainable']:,}")
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    return EXIT_USER if problems else 0


# ---- evaluate / predict --------------------------------------------------------------------
def _download_progress():
    """A progress line on stderr while a data set downloads (first use of mnist etc.)."""
    def report(done: int, total: int, name: str) -> None:
        if not sys.stderr.isatty() and done and done != total:
            return  # keep logs short: only the start and end of each file
        pct = f"{100 * done / total:5.1f}%" if total else f"{done / 1e6:.1f} MB"
        end = "\n" if total and done >= total else "\r"
        print(f"downloading {name}: {pct}", end=end, file=sys.stderr, flush=True)
    return report


def _data_for(bundle, data: str, model):
    from .run import UserError, load_data
    recorded = bundle.training.get("data", {}).get("preprocessing")
    ds = load_data(data, seed=bundle.training.get("config", {}).get("seed", 0), preprocessing=recorded,
                   progress=_download_progress())
    try:
        model.check_input(ds.x[:1])
    except ValueError as e:
        raise UserError(str(e)) from None
    return ds


def cmd_evaluate(args) -> int:
    from .engine.trainer import evaluate_metrics
    from .run import UserError, model_for_inference
    model, bundle = model_for_inference(args.model)
    ds = _data_for(bundle, args.data, model)
    loss = bundle.training.get("config", {}).get("loss", "cross_entropy" if ds.task == "classification" else "mse")
    try:
        m = evaluate_metrics(model, ds.x, ds.y, loss, task=ds.task)
    except ValueError as e:
        raise UserError(f"these data do not fit the model: {e}") from None
    value, acc, mae = m["loss"], m["accuracy"], m["mae"]
    result = {"event": "evaluate", "samples": len(ds), "loss": loss, "value": value, "accuracy": acc, "mae": mae}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{len(ds)} samples · {loss} {value:.4f}" + ("" if acc is None else f" · accuracy {acc:.4f}")
              + ("" if mae is None else f" · mean absolute error {mae:.4g}"))
    return 0


def cmd_predict(args) -> int:
    import numpy as np
    from .run import UserError, model_for_inference
    model, bundle = model_for_inference(args.model)
    ds = _data_for(bundle, args.data, model)
    pred = model.predict(ds.x)
    out = Path(args.out)
    if out.suffix not in (".npy", ".csv"):
        raise UserError(f"--out must end in .npy or .csv, got {out.name}")
    try:
        if out.suffix == ".npy":
            np.save(out, pred)
        else:
            np.savetxt(out, pred.reshape(len(pred), -1), delimiter=",", fmt="%.7g")
    except OSError as e:
        raise UserError(f"cannot write {out}: {e}") from None
    print(f"wrote {len(pred)} predictions of shape {list(pred.shape[1:])} to {out}", file=sys.stderr)
    return 0


# ---- diagram -------------------------------------------------------------------------------
def cmd_diagram(args) -> int:
    import os
    from .run import UserError
    from .summary import network_for_summary
    if Path(args.out).suffix.lower() not in (".png", ".svg", ".pdf"):
        raise UserError(f"the diagram must end in .png, .svg or .pdf, got {Path(args.out).name}")
    net = network_for_summary(args.spec, args.data)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "dlstudio"])  # noqa: F841
    from .gui.diagram import DiagramError, save_diagram
    try:
        out = save_diagram(net, args.out)
    except (DiagramError, OSError) as e:
        raise UserError(str(e)) from None
    print(f"wrote {out}", file=sys.stderr)
    return 0


# ---- export --------------------------------------------------------------------------------
def cmd_export(args) -> int:
    from .run import UserError
    fmt = args.to or {".onnx": "onnx", ".py": "pytorch"}.get(Path(args.out).suffix.lower())
    if fmt is None:
        raise UserError(f"say the format with --to onnx|pytorch, or end OUT in .onnx or .py (got {Path(args.out).name})")
    if fmt == "pytorch":
        from .io.torch_export import write_training_script
        write_training_script(args.spec, args.out, data=args.data)
        print(f"wrote {args.out}", file=sys.stderr)
        return 0
    from .io.onnx_export import ExportError, export_onnx
    from .run import is_model_file, model_for_inference
    from .summary import network_for_summary
    if is_model_file(args.spec):
        model, _bundle = model_for_inference(args.spec)
        net, weights, origin = model.network, model.weights(), "its trained weights"
    else:
        net, weights, origin = network_for_summary(args.spec, args.data), None, "fresh (untrained) weights"
    try:
        export_onnx(net, weights, args.out)
    except ExportError as e:
        raise UserError(str(e)) from None
    except OSError as e:
        raise UserError(f"cannot write {args.out}: {getattr(e, 'strerror', None) or e}") from None
    print(f"wrote {args.out}: {net.name} with {origin} (ONNX opset 17, dynamic batch)", file=sys.stderr)
    return 0


# ---- bench ---------------------------------------------------------------------------------
def cmd_bench(args) -> int:
    if args.gui:  # the app's responsiveness while it trains (gui/training/bench_gui.py)
        from .gui.training.bench_gui import run as run_gui_bench
        return run_gui_bench(as_json=args.json, cases=args.case)
    from .bench import run_cases
    return run_cases(args.case, as_json=args.json, repeat=args.repeat, memory=args.memory)


# ---- experiment ----------------------------------------------------------------------------
def cmd_experiment(args) -> int:
    from .experiments import ExperimentError, builtin_names, load_experiment, run_experiment
    from .experiments.report import by_claim, header_text, list_text, result_text
    from .run import UserError
    try:
        if args.all and args.experiment:
            raise UserError("give an experiment or --all, not both")
        if not args.all and not args.experiment:
            print(list_text([load_experiment(n) for n in builtin_names()]))
            return 0
        if args.all:
            exps = by_claim([load_experiment(n) for n in builtin_names()])
        else:
            exps = [load_experiment(args.experiment)]
    except ExperimentError as e:
        raise UserError(str(e)) from None
    out = Path(args.out) if args.out else None
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UserError(f"cannot create {out}: {e}") from None
    stop = {"flag": False}

    def interrupt(*_):
        stop["flag"] = True

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        for exp in exps:
            if not args.json:
                print(header_text(exp), flush=True)

            def progress(ev):
                if ev["event"] == "progress" and ev.get("phase") == "start" and not args.json:
                    print(f"  [{ev['done']}/{ev['total']}] {ev['text']}", file=sys.stderr, flush=True)

            try:
                result = run_experiment(exp, on_event=progress, should_stop=lambda: stop["flag"], seeds=args.seeds)
            except ExperimentError as e:
                raise UserError(str(e)) from None
            if args.json:
                print(json.dumps(result, ensure_ascii=False), flush=True)
            else:
                print(result_text(exp, result) + "\n", flush=True)
            if out is not None:
                _save_experiment(result, exp, out, quiet=args.json)
            if result["stopped"]:
                print("dlstudio: experiment stopped", file=sys.stderr)
                return 130
    finally:
        signal.signal(signal.SIGINT, previous)
    return 0


def _save_experiment(result: dict, exp, out: Path, quiet: bool) -> None:
    from .run import UserError
    path = out / f"{exp.name}.json"
    try:
        path.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError as e:
        raise UserError(f"cannot write {path}: {e}") from None
    saved = [path]
    try:
        import os
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from .gui.lab.evidence import save_evidence_pngs
        saved += list(save_evidence_pngs(result, exp, out))
    except Exception as e:  # noqa: BLE001 — no Qt here must not lose the JSON
        print(f"dlstudio: wrote {path} but no PNGs: {type(e).__name__}: {e}", file=sys.stderr)
    if not quiet:
        print("  saved " + ", ".join(str(p) for p in saved), flush=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
