"""The verdict rule language: small arithmetic over measured figures, parsed with `ast`.

A rule's `when` is an expression such as
    linear.acc.max <= 0.6 and relu.acc.min >= 0.95
made of numbers, figure references `run.figure.stat` (stat: mean, min, max, std, n),
+ - * / (and unary -), comparisons (chained too), and / or / not, parentheses and calls to
abs, min, max, log10. Nothing else is accepted: no names, attribute access beyond a reference,
subscripts, strings, lambdas or other calls. It is never passed to eval().

A rule's `because` is a sentence with `{run.figure.stat:FORMAT}` fields, e.g.
"linear stack {linear.acc.mean:.2f} vs ReLU {relu.acc.mean:.2f}".
"""
from __future__ import annotations

import ast
import math
import operator
import string
from typing import Callable, Mapping

from ..i18n import tr

STATS = ("mean", "min", "max", "std", "n")
FUNCTIONS: dict[str, Callable[..., float]] = {"abs": abs, "min": min, "max": max, "log10": math.log10}
VERDICTS = ("supported", "not_supported", "depends")

_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_COMPARE = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
            ast.Eq: operator.eq, ast.NotEq: operator.ne}


class RuleError(ValueError):
    """A rule cannot be parsed or evaluated; the message says which part and why."""


Lookup = Callable[[str, str, str], float]   # (run, figure, stat) -> value


def parse_rule(text: str) -> ast.Expression:
    """Parse `text` and check it uses only the whitelisted constructs."""
    if not isinstance(text, str) or not text.strip():
        raise RuleError(tr("a rule must be a non-empty expression"))
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as e:
        raise RuleError(tr("cannot parse {rule!r}: {error}").format(rule=text, error=e.msg)) from None
    _check(tree.body, text)
    return tree


def references(tree: ast.AST) -> list[tuple[str, str, str]]:
    """Every `run.figure.stat` reference in a parsed rule, in order."""
    return [_ref(n) for n in ast.walk(tree) if isinstance(n, ast.Attribute) and _ref(n)]


def _ref(node: ast.AST) -> tuple[str, str, str] | None:
    if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute)
            and isinstance(node.value.value, ast.Name)):
        return node.value.value.id, node.value.attr, node.attr
    return None


def _check(node: ast.AST, text: str) -> None:
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise RuleError(tr("{rule!r}: only numbers may be written in a rule, not {value!r}")
                            .format(rule=text, value=node.value))
    elif isinstance(node, ast.Attribute):
        ref = _ref(node)
        if ref is None:
            raise RuleError(tr("{rule!r}: {part!r} is not a figure reference run.figure.stat")
                            .format(rule=text, part=ast.unparse(node)))
        if ref[2] not in STATS:
            raise RuleError(tr("{rule!r}: {part!r} ends in {stat!r}; the statistic must be one of {known}")
                            .format(rule=text, part=ast.unparse(node), stat=ref[2], known=", ".join(STATS)))
    elif isinstance(node, ast.Name):
        raise RuleError(tr("{rule!r}: the bare name {name!r} is not allowed; refer to a figure as run.figure.stat")
                        .format(rule=text, name=node.id))
    elif isinstance(node, ast.BinOp):
        if type(node.op) not in _BINARY:
            raise RuleError(tr("{rule!r}: the operator in {part!r} is not allowed (use + - * /)")
                            .format(rule=text, part=ast.unparse(node)))
        _check(node.left, text)
        _check(node.right, text)
    elif isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, (ast.USub, ast.UAdd, ast.Not)):
            raise RuleError(tr("{rule!r}: the operator in {part!r} is not allowed")
                            .format(rule=text, part=ast.unparse(node)))
        _check(node.operand, text)
    elif isinstance(node, ast.BoolOp):
        for v in node.values:
            _check(v, text)
    elif isinstance(node, ast.Compare):
        for op in node.ops:
            if type(op) not in _COMPARE:
                raise RuleError(tr("{rule!r}: the comparison in {part!r} is not allowed")
                                .format(rule=text, part=ast.unparse(node)))
        for v in (node.left, *node.comparators):
            _check(v, text)
    elif isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            raise RuleError(tr("{rule!r}: only the functions {known} may be called, not {part!r}")
                            .format(rule=text, known=", ".join(FUNCTIONS), part=ast.unparse(node.func)))
        if node.keywords or not node.args:
            raise RuleError(tr("{rule!r}: {function}() takes one or more plain arguments")
                            .format(rule=text, function=node.func.id))
        for a in node.args:
            _check(a, text)
    else:
        raise RuleError(tr("{rule!r}: {part!r} is not allowed in a rule").format(rule=text, part=ast.unparse(node)))


def evaluate(text: str, lookup: Lookup):
    """The value of a rule (a bool for a condition, a number for arithmetic)."""
    tree = parse_rule(text)
    try:
        return _eval(tree.body, lookup)
    except ZeroDivisionError:
        raise RuleError(tr("{rule!r}: division by zero").format(rule=text)) from None
    except (ValueError, OverflowError, TypeError) as e:
        raise RuleError(tr("{rule!r}: {error}").format(rule=text, error=_message(e))) from None


def _message(error: Exception) -> str:
    """The exception's message as raised (a translatable `Text` stays one)."""
    return error.args[0] if len(error.args) == 1 and isinstance(error.args[0], str) else str(error)


def _eval(node: ast.AST, lookup: Lookup):
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Attribute):
        v = lookup(*_ref(node))
        if v is None or (isinstance(v, float) and math.isnan(v)):
            raise RuleError(tr("{figure} has no measured value").format(figure=ast.unparse(node)))
        return v
    if isinstance(node, ast.BinOp):
        return _BINARY[type(node.op)](_eval(node.left, lookup), _eval(node.right, lookup))
    if isinstance(node, ast.UnaryOp):
        v = _eval(node.operand, lookup)
        return (not v) if isinstance(node.op, ast.Not) else (-v if isinstance(node.op, ast.USub) else +v)
    if isinstance(node, ast.BoolOp):
        if isinstance(node.op, ast.And):
            return all(bool(_eval(v, lookup)) for v in node.values)
        return any(bool(_eval(v, lookup)) for v in node.values)
    if isinstance(node, ast.Compare):
        left = _eval(node.left, lookup)
        for op, right_node in zip(node.ops, node.comparators):
            right = _eval(right_node, lookup)
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Call):
        args = [_eval(a, lookup) for a in node.args]
        if node.func.id == "log10" and (len(args) != 1 or args[0] <= 0):
            raise RuleError(tr("log10 needs one positive argument, got {values}").format(values=args))
        if node.func.id == "abs" and len(args) != 1:
            raise RuleError(tr("abs takes one argument"))
        return FUNCTIONS[node.func.id](*args)
    raise RuleError(tr("{part!r} is not allowed in a rule").format(part=ast.unparse(node)))   # unreachable after _check


def because_fields(text: str) -> list[tuple[str, str, str]]:
    """The `{run.figure.stat}` references in a `because` sentence (checks its syntax)."""
    refs = []
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as e:
        raise RuleError(tr("{rule!r}: {error}").format(rule=text, error=str(e))) from None
    for _, field, _, conversion in parts:
        if field is None:
            continue
        bits = field.split(".")
        if len(bits) != 3 or not all(b.isidentifier() for b in bits) or conversion:
            raise RuleError(tr("{sentence!r}: {{{field}}} is not a figure reference run.figure.stat")
                            .format(sentence=text, field=field))
        if bits[2] not in STATS:
            raise RuleError(tr("{sentence!r}: {{{field}}} ends in {stat!r}; the statistic must be one of {known}")
                            .format(sentence=text, field=field, stat=bits[2], known=", ".join(STATS)))
        refs.append(tuple(bits))
    return refs


def format_because(text: str, lookup: Lookup) -> str:
    """`text` with each `{run.figure.stat:spec}` replaced by the measured value."""
    out = []
    for literal, field, spec, _ in string.Formatter().parse(text):
        out.append(literal)
        if field is None:
            continue
        v = lookup(*field.split("."))
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out.append("n/a")
            continue
        try:
            out.append(format(v, spec or ""))
        except ValueError as e:
            raise RuleError(tr("{sentence!r}: cannot format {field} with {spec!r}: {error}")
                            .format(sentence=text, field=field, spec=spec, error=str(e))) from None
    return "".join(out)


def deciding_rule(rules: list[dict], lookup: Lookup) -> dict:
    """The first rule whose `when` holds; the last rule is the fallback."""
    for rule in rules:
        when = rule.get("when")
        if when is None or evaluate(when, lookup):
            return rule
    raise RuleError(tr("no rule applied and there is no fallback rule"))


def decide(rules: list[dict], lookup: Lookup) -> tuple[str, str]:
    """(verdict, because) from the deciding rule, its sentence filled with the figures."""
    rule = deciding_rule(rules, lookup)
    return rule["then"], format_because(rule.get("because", ""), lookup)


def lookup_in(figures: Mapping[str, Mapping]) -> Lookup:
    """A lookup over a result's `figures` ({"run.figure": {"mean", "min", "max", "std", "n", ...}})."""
    def look(run: str, figure: str, stat: str):
        try:
            f = figures[f"{run}.{figure}"]
        except KeyError:
            raise RuleError(tr("there is no figure {run}.{figure}").format(run=run, figure=figure)) from None
        if stat == "n":
            return f.get("n", len(f.get("values", [])))
        return f.get(stat)
    return look
