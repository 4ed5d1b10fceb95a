"""Render diagnostics as plain text (rustc/Pavex style, colour only when asked) or as JSON.

Output is deterministic: the same diagnostics give the same bytes, so UI tests can snapshot it.
"""

from __future__ import annotations

import linecache
from collections.abc import Iterable, Sequence

from .diagnostic import Diagnostic, Label, Severity

_COLORS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m"}
_BOLD, _BLUE, _RESET = "\x1b[1m", "\x1b[1;34m", "\x1b[0m"
_MAX_SPAN_LINES = 6


def render_text(diagnostics: Iterable[Diagnostic], *, color: bool) -> str:
    """Every diagnostic, separated by a blank line, each ending with a newline."""
    return "\n".join(_render_one(diagnostic, color) for diagnostic in diagnostics)


def render_json(diagnostics: Iterable[Diagnostic]) -> str:
    """A JSON list: `code`, `severity`, `message`, `labels` (file/line/column/...), `help`."""
    import json  # imported on first use: only `--format json` needs it

    payload = [
        {
            "code": diagnostic.code,
            "severity": str(diagnostic.severity),
            "message": diagnostic.message,
            "labels": [
                {
                    "file": label.file,
                    "line": label.line,
                    "column": label.column,
                    "end_line": label.end_line,
                    "end_column": label.end_column,
                    "message": label.message,
                }
                for label in diagnostic.labels
            ],
            "help": list(diagnostic.help),
        }
        for diagnostic in diagnostics
    ]
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def summary(diagnostics: Sequence[Diagnostic]) -> str:
    """`2 errors, 1 warning`: the closing line of a report."""
    errors = sum(1 for diagnostic in diagnostics if diagnostic.is_error)
    warnings = len(diagnostics) - errors
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return ", ".join(parts)


def _render_one(diagnostic: Diagnostic, color: bool) -> str:
    severity = diagnostic.severity.name
    title, *details = diagnostic.message.split("\n")
    head = f"{severity}[{diagnostic.code}]: "
    if color:
        head = f"{_COLORS[diagnostic.severity]}{head}{_RESET}{_BOLD}{title}{_RESET}"
    else:
        head = f"{head}{title}"
    lines = [head, *(f"  {detail}" for detail in details)]
    width = max((len(str(label.end_line)) for label in diagnostic.labels), default=1)
    for label in diagnostic.labels:
        lines.extend(_snippet(label, width, color))
    if diagnostic.labels and diagnostic.help:
        lines.append(f"{' ' * width} |")
    for text in diagnostic.help:
        prefix = f"{' ' * width} = help: "
        lines.append((f"{_BLUE}{prefix}{_RESET}" if color else prefix) + text)
    return "\n".join(lines) + "\n"


def _snippet(label: Label, width: int, color: bool) -> list[str]:
    gutter = " " * width
    lines = [f"{gutter}--> {label.file}:{label.line}:{label.column}", f"{gutter} |"]
    numbers = list(range(label.line, label.end_line + 1))
    if len(numbers) > _MAX_SPAN_LINES:
        numbers = [*numbers[:3], -1, *numbers[-2:]]
    for index, number in enumerate(numbers):
        if number == -1:
            lines.append(f"{'.' * width} |")
            continue
        text = linecache.getline(label.file, number).rstrip("\n").rstrip()
        lines.append(f"{number:>{width}} | {text}")
        start = label.column - 1 if number == label.line else len(text) - len(text.lstrip())
        end = label.end_column - 1 if number == label.end_line else len(text)
        end = max(end, start + 1)
        marks = " " * start + "^" * (end - start)
        if color:
            marks = f"{_COLORS[Severity.ERROR]}{marks}{_RESET}"
        is_last = index == len(numbers) - 1
        lines.append(f"{gutter} | {marks}{' ' + label.message if is_last and label.message else ''}")
    return lines
