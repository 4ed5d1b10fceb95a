"""The CLI's contract: exit codes, write-if-changed, `check`, one-line usage errors, JSON diagnostics."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

from codegen.__main__ import main
from tests.codegen.unit import graph_app

GOOD = "tests.codegen.unit.graph_app:singletons"
CYCLIC = "tests.codegen.unit.graph_app:cyclic"


def test_generate_writes_once_and_check_accepts_it(tmp_path: Path) -> None:
    output = tmp_path / "sdk.py"
    assert main(["generate", GOOD, "--output", str(output)]) == 0
    written = output.stat().st_mtime_ns
    assert main(["generate", GOOD, "--output", str(output)]) == 0
    assert output.stat().st_mtime_ns == written  # unchanged content: the file is left alone
    assert main(["check", GOOD, "--output", str(output)]) == 0


def test_check_fails_on_a_stale_or_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "sdk.py"
    assert main(["check", GOOD, "--output", str(output)]) == 1
    output.write_text("# edited by hand\n", encoding="utf-8")
    assert main(["check", GOOD, "--output", str(output)]) == 1
    assert "is not up to date — regenerate with `python -m codegen generate" in capsys.readouterr().err


def test_an_unloadable_reference_is_a_one_line_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "no_such_module:blueprint", "--output", "x.py"]) == 2
    assert main(["generate", "tests.codegen.unit.graph_app:A", "--output", "x.py"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 2
    assert all(line.startswith("ERROR[E100]: ") for line in err.splitlines())


def test_json_diagnostics_carry_code_labels_and_help(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", CYCLIC, "--output", str(tmp_path / "sdk.py"), "--format", "json"]) == 1
    (diagnostic,) = json.loads(capsys.readouterr().err)
    assert diagnostic["code"] == "E203"
    assert diagnostic["severity"] == "error"
    lines, first = inspect.getsourcelines(graph_app.cyclic)
    registrations = {first + i for i, line in enumerate(lines) if "bp.request_scoped(" in line}
    assert {label["line"] for label in diagnostic["labels"]} == registrations
    assert {label["file"] for label in diagnostic["labels"]} == {"tests/codegen/unit/graph_app.py"}
    assert diagnostic["help"]
    assert not (tmp_path / "sdk.py").exists()


def test_explain_prints_the_explanation_or_refuses_an_unknown_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["explain", "E999"]) == 2
    assert "not a diagnostic code" in capsys.readouterr().err
    if (Path(__file__).parents[3] / "codegen" / "explanations" / "E201.md").is_file():
        assert main(["explain", "e201"]) == 0
        assert capsys.readouterr().out


def test_graph_of_a_route_and_of_the_application_state(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", GOOD, "--route", "GET /nested"]) == 0
    route = capsys.readouterr().out
    assert route.splitlines()[0] == "GET /nested"
    assert "Mailer (singleton, tests.codegen.unit.graph_app.mailer)" in route
    assert main(["graph", GOOD, "--format", "dot"]) == 0
    assert capsys.readouterr().out.startswith('digraph "build_application_state" {')
    assert main(["graph", GOOD, "--route", "GET /nowhere"]) == 2
