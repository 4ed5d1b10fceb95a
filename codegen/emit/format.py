"""Lay out generated statements the way `ruff format` would, so generated files pass `ruff format --check`.

Generated statements have few shapes: a call (possibly awaited, assigned or returned, with calls as
arguments) and a `def` signature. For those, the formatter's rules are short: keep the line when it fits;
otherwise split at the call's own bracket and put the arguments on one indented line; if they still don't
fit, one argument per line with a trailing comma. A `def` splits at its parameter list and, when it has a
single parameter, gets a trailing comma (the "magic trailing comma" then keeps one per line).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

LINE_LENGTH = 110
INDENT = "    "


@dataclass(frozen=True, slots=True)
class Call:
    """`function(arguments)`; `function` may carry a prefix such as `lambda: `."""

    function: str
    arguments: tuple[Expr, ...] = ()


Expr: TypeAlias = Call | str


def render(expr: Expr) -> str:
    if isinstance(expr, str):
        return expr
    return f"{expr.function}({', '.join(render(argument) for argument in expr.arguments)})"


def statement(indent: str, head: str, expr: Expr, tail: str = "") -> list[str]:
    """`head + expr + tail` at `indent`, split like the formatter when too long."""
    line = f"{indent}{head}{render(expr)}{tail}"
    if len(line) <= LINE_LENGTH or isinstance(expr, str):
        return [line]
    inner = indent + INDENT
    opener = f"{indent}{head}{expr.function}("
    if (not expr.arguments or len(opener) > LINE_LENGTH) and head.strip():
        wrapped = _parenthesized(indent, head, expr, tail)
        if wrapped is not None:
            return wrapped
    if not expr.arguments:
        return [line]
    body: list[str]
    if len(expr.arguments) == 1:
        body = statement(inner, "", expr.arguments[0])
    else:
        joined = f"{inner}{', '.join(render(argument) for argument in expr.arguments)}"
        if len(joined) <= LINE_LENGTH:
            body = [joined]
        else:
            body = [text for argument in expr.arguments for text in statement(inner, "", argument, ",")]
    return [f"{indent}{head}{expr.function}(", *body, f"{indent}){tail}"]


def _parenthesized(indent: str, head: str, expr: Call, tail: str) -> list[str] | None:
    """`x = (` / `    call()` / `)`: the formatter's choice when splitting at the call's bracket can't help."""
    keyword = head
    prefix = ""
    if keyword.endswith("await "):
        keyword, prefix = keyword[: -len("await ")], "await "
    if not (keyword.endswith("= ") or keyword == "return "):
        return None
    inner = statement(indent + INDENT, prefix, expr)
    if len(inner[0]) > LINE_LENGTH:
        return None  # the parentheses would not make the first line fit: the formatter doesn't add them
    return [f"{indent}{keyword}(", *inner, f"{indent}){tail}"]


def signature(indent: str, head: str, parameters: list[str], tail: str) -> list[str]:
    """`head(parameters)tail`, e.g. `async def f(` ... `) -> Response:`."""
    line = f"{indent}{head}({', '.join(parameters)}){tail}"
    if len(line) <= LINE_LENGTH:
        return [line]
    inner = indent + INDENT
    joined = f"{inner}{', '.join(parameters)}"
    if len(parameters) > 1 and len(joined) <= LINE_LENGTH:
        body = [joined]
    else:
        body = [f"{inner}{parameter}," for parameter in parameters]
    return [f"{indent}{head}(", *body, f"{indent}){tail}"]
