"""The `--help` texts shown on the CLI reference page are the CLI's real output.

The page includes `tests/docs/cli/*.txt`; this test reruns each command and compares. When the CLI changes
on purpose, refresh the files with `UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/docs`, and read the diff.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys

import pytest
from docs_sources import ROOT

SNAPSHOTS = ROOT / "tests" / "docs" / "cli"
COMMANDS = {
    "codegen": [],
    "generate": ["generate"],
    "check": ["check"],
    "graph": ["graph"],
    "explain": ["explain"],
}
# argparse wraps help to the terminal's width, and Python 3.14 colours it on terminals: pin both.
_ENVIRONMENT = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "PYTHON_COLORS": "0"}


def _help(arguments: list[str]) -> str:
    completed = subprocess.run(
        [sys.executable, "-m", "codegen", *arguments, "--help"],
        cwd=ROOT,
        env=_ENVIRONMENT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_snapshot_is_current(name: str) -> None:
    actual = _help(COMMANDS[name])
    snapshot = SNAPSHOTS / f"{name}-help.txt"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(actual, encoding="utf-8")
    expected = snapshot.read_text(encoding="utf-8") if snapshot.is_file() else ""
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), actual.splitlines(keepends=True), str(snapshot), "actual"
            )
        )
        pytest.fail(
            f"{snapshot.relative_to(ROOT)} is not the CLI's help; if the change is intended, run "
            f"`UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/docs`.\n{diff}"
        )
