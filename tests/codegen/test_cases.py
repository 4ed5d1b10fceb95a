"""The compiler through its front door: every case folder in, its snapshot out (see codegen_harness.py)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from codegen_harness import (
    EXPLANATIONS_DIR,
    ROOT,
    Case,
    assert_snapshot,
    case_params,
    diagnostic_catalogue,
    discover_cases,
    run_codegen,
    sanitise,
    subprocess_env,
    update_requested,
)

CASES = discover_cases()
PASSING = [case for case in CASES if case.passes]
FAILING = [case for case in CASES if not case.passes]
USAGE_ERRORS = [case for case in CASES if case.exit_code == 2]
MINIMAL = next(case for case in CASES if case.name == "minimal_app")
RICH = next(case for case in CASES if case.name == "every_middleware_kind")


def _generate(case: Case, output: Path, *extra: str, env: dict[str, str] | None = None) -> Any:
    return run_codegen("generate", case.target, "--output", str(output), *extra, env=env)


def _json_diagnostics(result: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    """The `--format json` list, from whichever stream the CLI printed it on."""
    text = result.stdout.strip() or result.stderr.strip()
    payload = json.loads(text)
    assert isinstance(payload, list), f"--format json must print a list of diagnostics, got {payload!r}"
    return payload


# --- the catalogue is covered ------------------------------------------------------------------------


def test_case_folders_are_well_formed() -> None:
    for case in CASES:
        assert (case.path / "blueprint.py").is_file() or case.module != "blueprint", case.name
        assert case.description.strip(), f"{case.name}: describe what the case shows"
        if case.expect == "fail":
            assert case.codes, f"{case.name}: a failing case names the codes it expects"
            assert any(code.startswith("E") for code in case.codes), case.name


def test_every_diagnostic_code_has_a_case() -> None:
    covered = {code for case in CASES for code in case.codes}
    missing = sorted(set(diagnostic_catalogue()) - covered)
    assert not missing, f"codes without a test case: {missing}"


def test_cases_name_only_catalogued_codes() -> None:
    catalogue = diagnostic_catalogue()
    for case in CASES:
        unknown = set(case.codes) - set(catalogue)
        assert not unknown, f"{case.name}: {sorted(unknown)} are not in HACKING.md's table"


# --- snapshots -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", case_params(CASES))
def test_case_output_matches_snapshot(case: Case, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    update = update_requested(request.config)
    output = tmp_path / "server_sdk.py"
    result = _generate(case, output)
    stderr = sanitise(result.stderr, tmp_path)
    assert result.returncode == case.exit_code, (
        f"exit code {result.returncode}, expected {case.exit_code}\n{stderr}"
    )
    assert "Traceback (most recent call last)" not in result.stderr, stderr
    assert_snapshot(case.expected / "stderr.txt", stderr, update=update)
    if case.passes:
        assert output.is_file(), "a passing case writes the module"
        generated = sanitise(output.read_text(encoding="utf-8"), tmp_path)
        assert_snapshot(case.expected / "server_sdk.py", generated, update=update)
    else:
        assert not output.exists(), "a failing case must not write a module"


@pytest.mark.parametrize("case", case_params([c for c in CASES if c.exit_code != 2]))
def test_json_diagnostics_name_the_expected_codes(case: Case, tmp_path: Path) -> None:
    result = _generate(case, tmp_path / "server_sdk.py", "--format", "json")
    assert result.returncode == case.exit_code, result.stderr
    diagnostics = _json_diagnostics(result) if (result.stdout.strip() or result.stderr.strip()) else []
    assert sorted(d["code"] for d in diagnostics) == sorted(case.codes)
    for diagnostic in diagnostics:
        _assert_json_shape(diagnostic)


def _assert_json_shape(diagnostic: dict[str, Any]) -> None:
    assert set(diagnostic) >= {"code", "severity", "message", "labels", "help"}, diagnostic
    expected_severity = "warning" if diagnostic["code"].startswith("W") else "error"
    assert diagnostic["severity"] == expected_severity
    assert isinstance(diagnostic["message"], str) and diagnostic["message"].strip()
    assert diagnostic["labels"], "every diagnostic points at the user's code"
    for label in diagnostic["labels"]:
        assert isinstance(label["file"], str)
        assert not os.path.isabs(label["file"]) or label["file"].startswith(str(ROOT)), label
        assert (ROOT / label["file"]).is_file(), f"label names a file that does not exist: {label}"
        assert isinstance(label["line"], int) and label["line"] >= 1
        assert isinstance(label["column"], int) and label["column"] >= 1
    help_ = diagnostic["help"]
    assert isinstance(help_, str | list), "help is text or a list of lines"
    assert help_, "every diagnostic says how to fix it"


@pytest.mark.parametrize("case", case_params(USAGE_ERRORS))
def test_unknown_blueprint_reference_is_one_line(case: Case, tmp_path: Path) -> None:
    result = _generate(case, tmp_path / "server_sdk.py")
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert case.target.split(":")[0] in lines[0] or case.attr in lines[0], lines[0]


# --- the generated modules ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", case_params(PASSING))
def test_generation_is_deterministic(case: Case, tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "server_sdk.py", tmp_path / "b" / "server_sdk.py"
    first.parent.mkdir()
    second.parent.mkdir()
    assert _generate(case, first, env=subprocess_env(PYTHONHASHSEED="1")).returncode == 0
    assert _generate(case, second, env=subprocess_env(PYTHONHASHSEED="4242")).returncode == 0
    assert sanitise(first.read_text(), first.parent) == sanitise(second.read_text(), second.parent)


@pytest.mark.parametrize("case", case_params(PASSING))
def test_generated_module_does_no_reflection(case: Case) -> None:
    source = (case.expected / "server_sdk.py").read_text(encoding="utf-8")
    assert "inspect" not in source
    forbidden_names = {"inspect", "importlib", "get_type_hints", "signature", "__annotations__", "getattr"}
    forbidden_calls = {"eval", "exec", "globals", "locals", "__import__", "getattr", "type"}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            assert not {a.name.split(".")[0] for a in node.names} & {"inspect", "importlib", "typing"}
        elif isinstance(node, ast.ImportFrom):
            assert (node.module or "").split(".")[0] not in {"inspect", "importlib"}
            assert not {a.name for a in node.names} & forbidden_names
        elif isinstance(node, ast.Name):
            assert node.id not in forbidden_names, f"reflection at line {node.lineno}: {node.id}"
        elif isinstance(node, ast.Attribute):
            assert node.attr not in forbidden_names, f"reflection at line {node.lineno}: .{node.attr}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in forbidden_calls, f"dynamic lookup at line {node.lineno}"


@pytest.mark.parametrize("case", case_params(PASSING))
def test_generated_module_imports_and_exposes_its_entry_points(case: Case) -> None:
    # Importing builds the router: a template or route the runtime rejects would fail here, not at start-up.
    script = (
        "import runpy, sys; module = runpy.run_path(sys.argv[1]); "
        "missing = {'ROUTER', 'ApplicationState', 'build_application_state', 'shutdown', 'asgi_app'} - set(module); "
        "sys.exit(f'missing: {sorted(missing)}' if missing else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(case.expected / "server_sdk.py")],
        cwd=ROOT,
        env=subprocess_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("case", case_params(PASSING))
def test_generated_module_passes_ruff(case: Case) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", str(case.expected / "server_sdk.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="session")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache of our own: no race with a concurrent `mypy` run on the repository's `.mypy_cache`."""
    return tmp_path_factory.mktemp("mypy-cache")


@pytest.mark.parametrize("case", case_params(PASSING))
def test_generated_module_passes_mypy_strict(case: Case, tmp_path: Path, mypy_cache: Path) -> None:
    # Copied under a unique module name so mypy sees one `server_sdk` per run, checked with the repo on its path.
    module = tmp_path / f"server_sdk_{case.name}.py"
    module.write_text((case.expected / "server_sdk.py").read_text(encoding="utf-8"), encoding="utf-8")
    command = ["--strict", "--no-error-summary", "--cache-dir", str(mypy_cache), str(module)]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", *command],
        cwd=ROOT,
        env=subprocess_env(MYPYPATH=str(ROOT)),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, sanitise(result.stdout + result.stderr, tmp_path)


# --- generate writes only what changed; check is for CI ----------------------------------------------------


def test_generate_does_not_rewrite_an_unchanged_module(tmp_path: Path) -> None:
    output = tmp_path / "server_sdk.py"
    assert _generate(MINIMAL, output).returncode == 0
    os.utime(output, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    assert _generate(MINIMAL, output).returncode == 0
    assert output.stat().st_mtime_ns == 1_000_000_000_000_000_000


def test_generate_rewrites_a_changed_module(tmp_path: Path) -> None:
    output = tmp_path / "server_sdk.py"
    output.write_text("# stale\n")
    assert _generate(MINIMAL, output).returncode == 0
    assert sanitise(output.read_text(), tmp_path) == (MINIMAL.expected / "server_sdk.py").read_text()


def test_check_passes_on_a_fresh_module(tmp_path: Path) -> None:
    output = tmp_path / "server_sdk.py"
    assert _generate(MINIMAL, output).returncode == 0
    result = run_codegen("check", MINIMAL.target, "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert sanitise(output.read_text(), tmp_path) == (MINIMAL.expected / "server_sdk.py").read_text()


def test_check_fails_on_a_stale_module_and_leaves_it_alone(tmp_path: Path) -> None:
    output = tmp_path / "server_sdk.py"
    assert _generate(MINIMAL, output).returncode == 0
    stale = output.read_text() + "# edited by hand\n"
    output.write_text(stale)
    result = run_codegen("check", MINIMAL.target, "--output", str(output))
    assert result.returncode == 1
    assert "server_sdk.py" in result.stdout + result.stderr, "the message names the stale file"
    assert output.read_text() == stale, "check never writes"


def test_check_fails_on_a_missing_module(tmp_path: Path) -> None:
    output = tmp_path / "server_sdk.py"
    result = run_codegen("check", MINIMAL.target, "--output", str(output))
    assert result.returncode == 1
    assert not output.exists()


def test_check_fails_on_a_blueprint_with_errors(tmp_path: Path) -> None:
    broken = next(case for case in FAILING if case.exit_code == 1)
    output = tmp_path / "server_sdk.py"
    output.write_text("# whatever was there\n")
    result = run_codegen("check", broken.target, "--output", str(output))
    assert result.returncode == 1
    assert all(code in result.stderr + result.stdout for code in broken.codes)


# --- explain -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(diagnostic_catalogue()))
def test_explain_prints_the_explanation(code: str) -> None:
    result = run_codegen("explain", code)
    assert result.returncode == 0, result.stderr
    explanation = (EXPLANATIONS_DIR / f"{code}.md").read_text(encoding="utf-8")
    assert result.stdout.strip() == explanation.strip()


@pytest.mark.parametrize(("code", "title"), sorted(diagnostic_catalogue().items()))
def test_explanation_title_matches_the_catalogue(code: str, title: str) -> None:
    first_line = (EXPLANATIONS_DIR / f"{code}.md").read_text(encoding="utf-8").splitlines()[0]
    plain_title = title.split(" (")[0].replace("`", "")
    assert first_line.startswith(f"# {code}: "), first_line
    assert first_line.removeprefix(f"# {code}: ").lower() == plain_title.lower()


def test_explanations_exist_only_for_catalogued_codes() -> None:
    assert {p.stem for p in EXPLANATIONS_DIR.glob("*.md")} == set(diagnostic_catalogue())


@pytest.mark.parametrize("code", ["E999", "X001", "e201x", ""])
def test_explain_rejects_an_unknown_code(code: str) -> None:
    result = run_codegen("explain", code)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


# --- graph -------------------------------------------------------------------------------------------------

GRAPH_FORMATS = {"text": "graph.txt", "mermaid": "graph.mmd", "dot": "graph.dot"}


@pytest.mark.parametrize("case", case_params([c for c in PASSING if c.graph_route]))
@pytest.mark.parametrize("fmt", sorted(GRAPH_FORMATS))
def test_graph_of_a_route(case: Case, fmt: str, request: pytest.FixtureRequest) -> None:
    assert case.graph_route is not None
    result = run_codegen("graph", case.target, "--route", case.graph_route, "--format", fmt)
    assert result.returncode == 0, result.stderr
    _assert_graph_syntax(fmt, result.stdout)
    snapshot = case.expected / GRAPH_FORMATS[fmt]
    assert_snapshot(snapshot, sanitise(result.stdout), update=update_requested(request.config))


@pytest.mark.parametrize("fmt", sorted(GRAPH_FORMATS))
def test_graph_of_the_application_state(fmt: str) -> None:
    result = run_codegen("graph", RICH.target, "--format", fmt)
    assert result.returncode == 0, result.stderr
    _assert_graph_syntax(fmt, result.stdout)


def test_graph_of_an_unknown_route_is_a_usage_error() -> None:
    result = run_codegen("graph", MINIMAL.target, "--route", "DELETE /nowhere")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_graph_of_a_blueprint_with_errors_reports_them() -> None:
    broken = next(case for case in FAILING if case.name == "missing_constructor_for_handler_input")
    result = run_codegen("graph", broken.target, "--route", "POST /subscriptions")
    assert result.returncode == 1
    assert "E201" in result.stdout + result.stderr


# --- the command line itself ---------------------------------------------------------------------------


def test_no_command_is_a_usage_error() -> None:
    result = run_codegen()
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_console_script_runs_the_same_cli() -> None:
    script = Path(sys.executable).with_name("codegen")
    result = subprocess.run([str(script), "explain", "W001"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == run_codegen("explain", "W001").stdout


def test_check_accepts_json_format(tmp_path: Path) -> None:
    broken = next(case for case in FAILING if case.name == "several_errors_reported_together")
    result = run_codegen("check", broken.target, "--output", str(tmp_path / "sdk.py"), "--format", "json")
    assert result.returncode == 1
    assert sorted(d["code"] for d in _json_diagnostics(result)) == sorted(broken.codes)


def _assert_graph_syntax(fmt: str, text: str) -> None:
    assert text.strip(), "an empty graph"
    if fmt == "dot":
        assert text.lstrip().startswith("digraph") and text.rstrip().endswith("}")
        assert "->" in text
    elif fmt == "mermaid":
        assert text.lstrip().split()[0] in {"graph", "flowchart"}
        assert "-->" in text
