"""benchmarks/median.py: the median of several `dlstudio bench --json` runs, case by case."""
import importlib.util
import json
from pathlib import Path

spec = importlib.util.spec_from_file_location("bench_median", Path(__file__).parents[1] / "benchmarks" / "median.py")
median = importlib.util.module_from_spec(spec)
spec.loader.exec_module(median)


def _run(tmp_path, name, rows):
    p = tmp_path / name
    p.write_text("threads: 2 (a header line the reader skips)\n" + "\n".join(json.dumps(r) for r in rows))
    return str(p)


def test_median_per_case_matched_by_batch_and_shape(tmp_path, capsys):
    def rows(a16, a64, conv):
        return [{"case": "lenet5_train", "batch": 16, "shape": [1, 28, 28], "unit": "images/s",
                 "dlstudio": a16, "torch": 100.0, "ratio": a16 / 100},
                {"case": "lenet5_train", "batch": 64, "shape": [1, 28, 28], "unit": "images/s",
                 "dlstudio": a64, "torch": 200.0, "ratio": a64 / 200},
                {"case": "conv_fwd", "batch": 64, "shape": [6, 14, 14], "filters": 16, "dlstudio": conv,
                 "torch": None, "ratio": None}]
    files = [_run(tmp_path, "a", rows(150, 100, 10)), _run(tmp_path, "b", rows(90, 300, 30)),
             _run(tmp_path, "c", rows(120, 200, 20))]
    out = {(r["case"], r["batch"]): r for r in median.medians(files)}
    assert out["lenet5_train", 16]["dlstudio"] == 120 and out["lenet5_train", 16]["ratio"] == 1.2
    assert (out["lenet5_train", 16]["ratio_min"], out["lenet5_train", 16]["ratio_max"]) == (0.9, 1.5)
    assert out["lenet5_train", 64]["dlstudio"] == 200 and out["lenet5_train", 64]["runs"] == 3
    assert out["conv_fwd", 64]["dlstudio"] == 20 and "ratio" not in out["conv_fwd", 64]
    assert median.main(files) == 0
    assert "| `lenet5_train` [1, 28, 28] | 16 | 120 images/s | 100.0 | 1.2× | 0.9–1.5 | 3 |" in capsys.readouterr().out


def test_no_rows_is_an_error(tmp_path):
    assert median.main([_run(tmp_path, "empty", [])]) == 1


def test_a_missing_file_or_a_broken_line_is_a_message_not_a_traceback(tmp_path, capsys):
    assert median.main([str(tmp_path / "absent.jsonl")]) == 1
    assert "cannot read the benchmark runs" in capsys.readouterr().err
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"case": "mlp_train", "dlstudio": 1\n')
    assert median.main([str(broken)]) == 1
    assert "cannot read the benchmark runs" in capsys.readouterr().err
