"""The rule language: arithmetic, references, the whitelist and clear errors."""
import math

import pytest

from dlstudio.experiments.verdict import (RuleError, because_fields, decide, evaluate, format_because, lookup_in,
                                          parse_rule, references)

FIGS = {"a.acc": {"mean": 0.9, "min": 0.8, "max": 1.0, "std": 0.1, "n": 3, "values": [0.8, 0.9, 1.0]},
        "b.acc": {"mean": 0.5, "min": 0.4, "max": 0.6, "std": 0.05, "n": 3, "values": [0.4, 0.5, 0.6]},
        "b.zero": {"mean": 0.0, "min": 0.0, "max": 0.0, "std": 0.0, "n": 3, "values": [0, 0, 0]},
        "b.none": {"mean": None, "min": None, "max": None, "std": None, "n": 0, "values": [None]}}
LOOK = lookup_in(FIGS)


@pytest.mark.parametrize("text, expected", [
    ("1 + 2 * 3", 7),
    ("(1 + 2) * 3", 9),
    ("8 - 2 - 1", 5),
    ("8 / 4 / 2", 1.0),
    ("-2 * -3", 6),
    ("1 < 2 < 3", True),
    ("1 < 3 < 2", False),
    ("not 1 > 2 and 3 > 2", True),
    ("1 > 2 or 2 > 1 and 0 > 1", False),
    ("(1 > 2 or 2 > 1) and 1 == 1", True),
    ("abs(-2) + min(3, 1) + max(1, 5)", 8),
    ("log10(1000)", 3.0),
    ("2 != 2.0", False),
])
def test_arithmetic_and_precedence(text, expected):
    assert evaluate(text, LOOK) == expected


def test_references_read_the_figures():
    assert evaluate("a.acc.mean - b.acc.mean", LOOK) == pytest.approx(FIGS["a.acc"]["mean"] - FIGS["b.acc"]["mean"])
    assert evaluate("a.acc.min >= 0.8 and b.acc.max <= 0.6", LOOK) is True
    assert evaluate("a.acc.n + b.acc.std", LOOK) == pytest.approx(3.05)
    tree = parse_rule("a.acc.mean > 2 * b.acc.max")
    assert sorted(references(tree)) == [("a", "acc", "mean"), ("b", "acc", "max")]


@pytest.mark.parametrize("text", [
    "__import__('os')", "open('x')", "exec('1')", "x", "a.acc", "a.acc.mean.real", "(1).real",
    "a.acc.median", "[1, 2][0]", "'text'", "lambda: 1", "1 if 2 else 3", "2 ** 10", "7 // 2", "7 % 2",
    "a.acc.__class__", "min(*[1])", "abs(x=1)", "1 in [1]", "True", "a.acc.mean is 1", "{1: 2}",
    "a.acc.mean.__class__.__bases__", "math.log10(2)",
])
def test_whitelist_refuses(text):
    with pytest.raises(RuleError):
        parse_rule(text)
    with pytest.raises(RuleError):
        evaluate(text, LOOK)


def test_division_by_zero_and_missing_values_are_clear():
    with pytest.raises(RuleError, match="division by zero"):
        evaluate("a.acc.mean / b.zero.mean", LOOK)
    with pytest.raises(RuleError, match="b.none.mean has no measured value"):
        evaluate("b.none.mean > 1", LOOK)
    with pytest.raises(RuleError, match="no figure c.acc"):
        evaluate("c.acc.mean > 1", LOOK)
    with pytest.raises(RuleError, match="log10"):
        evaluate("log10(b.zero.mean)", LOOK)
    with pytest.raises(RuleError, match="cannot parse"):
        parse_rule("1 +")


def test_because_is_formatted_from_the_figures():
    text = "a {a.acc.mean:.2f} vs b {b.acc.min:.1%} (n={a.acc.n}) {b.none.mean:.2f}"
    assert because_fields(text) == [("a", "acc", "mean"), ("b", "acc", "min"), ("a", "acc", "n"),
                                    ("b", "none", "mean")]
    assert format_because(text, LOOK) == (f"a {FIGS['a.acc']['mean']:.2f} vs b {FIGS['b.acc']['min']:.1%} "
                                          f"(n={FIGS['a.acc']['n']}) n/a")
    for bad in ("{a.acc}", "{a.acc.mean!r}", "{0}", "{a.acc.mean", "{a.acc.best}"):
        with pytest.raises(RuleError):
            because_fields(bad)


def test_first_true_rule_decides():
    rules = [{"when": "a.acc.mean < b.acc.mean", "then": "not_supported", "because": "no"},
             {"when": "a.acc.min > b.acc.max", "then": "supported", "because": "{a.acc.min:.1f} > {b.acc.max:.1f}"},
             {"then": "depends", "because": "fallback"}]
    assert decide(rules, LOOK) == ("supported", "0.8 > 0.6")
    rules[1]["when"] = "a.acc.min > 0.95"
    assert decide(rules, LOOK) == ("depends", "fallback")
    assert math.isclose(evaluate("a.acc.mean", LOOK), 0.9)
