"""Shared machinery of the compiler's black-box tests: case discovery, the CLI as a subprocess, snapshots.

Strategy: every case is a package under `tests/codegen/cases/<name>/`, loaded by the compiler as
`tests.codegen.cases.<name>.blueprint:blueprint` with the repository root as the working directory, so the
file paths in diagnostics are relative and identical on every machine, and case modules never collide (each
has its own dotted name). Outputs go to a temporary directory whose path is replaced by nothing in what we
compare, so a snapshot never contains a machine-specific path.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = Path(__file__).resolve().parent / "cases"
CASES_PACKAGE = "tests.codegen.cases"
HACKING = ROOT / "HACKING.md"
EXPLANATIONS_DIR = ROOT / "codegen" / "explanations"

_CODE_ROW = re.compile(r"^\|\s*([EW]\d{3})\s*\|\s*(.+?)\s*\|\s*$")


@dataclass(frozen=True, slots=True)
class Case:
    """One folder under `cases/`: a blueprint in, a snapshot out (see `case.toml`)."""

    name: str
    path: Path
    description: str
    expect: str
    codes: tuple[str, ...]
    module: str
    attr: str
    exit_code: int
    graph_route: str | None

    @property
    def target(self) -> str:
        """The `MODULE:ATTR` the CLI is given."""
        return f"{CASES_PACKAGE}.{self.name}.{self.module}:{self.attr}"

    @property
    def expected(self) -> Path:
        return self.path / "expected"

    @property
    def passes(self) -> bool:
        return self.expect == "pass"


def load_case(path: Path) -> Case:
    """Read `case.toml`, rejecting a malformed one loudly (a typo there would silently weaken a test)."""
    data = tomllib.loads((path / "case.toml").read_text(encoding="utf-8"))
    known = {"description", "expect", "codes", "module", "attr", "exit_code", "graph_route"}
    unknown = set(data) - known
    if unknown:
        msg = f"{path.name}/case.toml: unknown keys {sorted(unknown)}"
        raise ValueError(msg)
    expect = data["expect"]
    if expect not in {"pass", "fail"}:
        msg = f"{path.name}/case.toml: expect must be 'pass' or 'fail', not {expect!r}"
        raise ValueError(msg)
    default_exit = 0 if expect == "pass" else 1
    return Case(
        name=path.name,
        path=path,
        description=data["description"],
        expect=expect,
        codes=tuple(data.get("codes", ())),
        module=data.get("module", "blueprint"),
        attr=data.get("attr", "blueprint"),
        exit_code=int(data.get("exit_code", default_exit)),
        graph_route=data.get("graph_route"),
    )


def discover_cases() -> list[Case]:
    """Every case folder, sorted by name so test ids are stable."""
    return [load_case(p) for p in sorted(CASES_DIR.iterdir()) if (p / "case.toml").is_file()]


def case_params(cases: list[Case]) -> list[object]:
    return [pytest.param(case, id=case.name) for case in cases]


def diagnostic_catalogue() -> dict[str, str]:
    """The code -> title table of HACKING.md, the single source of truth for diagnostic codes."""
    table: dict[str, str] = {}
    for line in HACKING.read_text(encoding="utf-8").splitlines():
        match = _CODE_ROW.match(line)
        if match:
            table[match.group(1)] = match.group(2)
    return table


def subprocess_env(**overrides: str) -> dict[str, str]:
    """A stable environment: no colour, repository root importable, a fixed hash seed unless overridden."""
    env = dict(os.environ)
    env.pop("FORCE_COLOR", None)
    env.update({"NO_COLOR": "1", "PYTHONHASHSEED": "0", "COLUMNS": "120", "PYTHONDONTWRITEBYTECODE": "1"})
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env.update(overrides)
    return env


def run_codegen(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m codegen ARGS` from the repository root, as a user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "codegen", *args],
        cwd=ROOT,
        env=env or subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def sanitise(text: str, *tmp_dirs: Path) -> str:
    """Drop machine-specific path prefixes (temporary directories, the checkout's location)."""
    for tmp in tmp_dirs:
        for form in {str(tmp), str(tmp.resolve())}:
            text = text.replace(form + os.sep, "").replace(form, "")
    return text.replace(str(ROOT) + os.sep, "").replace(str(ROOT), ".")


def update_requested(config: pytest.Config) -> bool:
    """Snapshots are rewritten only on request: `pytest --update-snapshots` or `UPDATE_SNAPSHOTS=1`."""
    flag = bool(config.getoption("--update-snapshots", default=False))
    return flag or os.environ.get("UPDATE_SNAPSHOTS") == "1"


def assert_snapshot(expected: Path, actual: str, *, update: bool) -> None:
    """Compare `actual` with the file `expected`; on mismatch write `<expected>.new` and fail with a diff."""
    new = expected.with_name(expected.name + ".new")
    if update:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(actual, encoding="utf-8")
        new.unlink(missing_ok=True)
        return
    if expected.is_file():
        current = expected.read_text(encoding="utf-8")
        if current == actual:
            new.unlink(missing_ok=True)
            return
        diff = "".join(
            difflib.unified_diff(
                current.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=str(expected.relative_to(ROOT)),
                tofile=str(new.relative_to(ROOT)),
            )
        )
        reason = f"snapshot mismatch (see {new.name}):\n{diff}"
    else:
        reason = f"no snapshot yet at {expected.relative_to(ROOT)}; the actual output is in {new.name}"
    new.parent.mkdir(parents=True, exist_ok=True)
    new.write_text(actual, encoding="utf-8")
    pytest.fail(f"{reason}\nRun `pytest tests/codegen --update-snapshots` once the new output is right.")
