"""The text renderer: a title with severity and code, the why, labelled snippets, help lines; JSON alike."""

from __future__ import annotations

import json
from pathlib import Path

from codegen.diagnostics import Diagnostic, Label, Severity
from codegen.diagnostics.render import render_json, render_text, summary


def _diagnostic(path: Path) -> Diagnostic:
    return Diagnostic(
        "E201",
        Severity.ERROR,
        "I can't find a constructor for `EmailClient`.\nI need it to invoke your request handler `subscribe`.",
        (
            Label(str(path), 2, 5, 2, 17, "registered here"),
            Label(str(path), 4, 1, 5, 8, "spans two lines"),
        ),
        ("register one", "or declare it prebuilt"),
    )


def test_text_has_title_why_snippets_and_help(tmp_path: Path) -> None:
    path = tmp_path / "bp.py"
    path.write_text("def blueprint():\n    bp.route(x)\n\nfirst = (\n    last)\n", encoding="utf-8")
    assert render_text([_diagnostic(path)], color=False) == (
        "ERROR[E201]: I can't find a constructor for `EmailClient`.\n"
        "  I need it to invoke your request handler `subscribe`.\n"
        f" --> {path}:2:5\n"
        "  |\n"
        "2 |     bp.route(x)\n"
        "  |     ^^^^^^^^^^^^ registered here\n"
        f" --> {path}:4:1\n"
        "  |\n"
        "4 | first = (\n"
        "  | ^^^^^^^^^\n"
        "5 |     last)\n"
        "  |     ^^^ spans two lines\n"
        "  |\n"
        "  = help: register one\n"
        "  = help: or declare it prebuilt\n"
    )


def test_colour_is_only_added_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "bp.py"
    path.write_text("a\nb\n", encoding="utf-8")
    assert "\x1b[" not in render_text([_diagnostic(path)], color=False)
    assert "\x1b[1;31mERROR[E201]: " in render_text([_diagnostic(path)], color=True)


def test_json_lists_code_severity_message_labels_and_help(tmp_path: Path) -> None:
    (entry,) = json.loads(render_json([_diagnostic(tmp_path / "bp.py")]))
    assert entry["code"] == "E201"
    assert entry["severity"] == "error"
    assert entry["message"].startswith("I can't find a constructor")
    assert entry["labels"][1] == {
        "file": str(tmp_path / "bp.py"),
        "line": 4,
        "column": 1,
        "end_line": 5,
        "end_column": 8,
        "message": "spans two lines",
    }
    assert entry["help"] == ["register one", "or declare it prebuilt"]


def test_summary_counts_errors_and_warnings() -> None:
    warning = Diagnostic("W001", Severity.WARNING, "unused")
    error = Diagnostic("E201", Severity.ERROR, "missing")
    assert summary([error, warning, warning]) == "1 error, 2 warnings"
