#!/usr/bin/env python3
"""The project's two entry points: `python3 dev.py run` and `python3 dev.py test`.

Each creates (or updates) the virtual environment at `.venv/`, installs the project in editable mode with
its dev extras when `pyproject.toml` changed since the last install, then runs the newsletter app or the
whole test suite. Only the standard library is used here, so a fresh machine with Python 3.11+ is enough.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"

TYPED_PACKAGES = ["framework", "blueprint", "codegen", "app"]
GENERATED_MODULES = [("app.blueprint:blueprint", "app/server_sdk.py")]


def _install_fingerprint() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_environment() -> None:
    """Create `.venv/` and install the project into it, unless it is already up to date."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be started by an older python3
        sys.exit(f"Python 3.11 or newer is required (this is {sys.version.split()[0]}).")
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv/ ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    fingerprint = _install_fingerprint()
    if STAMP.exists() and STAMP.read_text() == fingerprint:
        return
    print("Installing the project and its dev dependencies into .venv/ ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "-U", "pip"], check=True)
    subprocess.run([*pip, "install", "-e", ".[dev]"], check=True, cwd=ROOT)
    STAMP.write_text(fingerprint)


def _step(title: str, command: list[str]) -> bool:
    print(f"\n==> {title}: {' '.join(command)}", flush=True)
    return subprocess.run(command, cwd=ROOT).returncode == 0


def run_tests(pytest_args: list[str]) -> int:
    """Lint, type checks, generated-code freshness and the test suite; every step runs, any failure fails."""
    python = str(PYTHON)
    steps: list[tuple[str, list[str]]] = [
        ("lint", [python, "-m", "ruff", "check", "."]),
        ("format", [python, "-m", "ruff", "format", "--check", "."]),
        ("types", [python, "-m", "mypy", *TYPED_PACKAGES]),
    ]
    for blueprint, output in GENERATED_MODULES:
        if (ROOT / output).exists() or (ROOT / output).parent.joinpath("blueprint.py").exists():
            steps.append(
                (f"freshness of {output}", [python, "-m", "codegen", "check", blueprint, "--output", output])
            )
    steps.append(("tests", [python, "-m", "pytest", *pytest_args]))
    failed = [title for title, command in steps if not _step(title, command)]
    if failed:
        print(f"\nFAILED: {', '.join(failed)}", flush=True)
        return 1
    print("\nAll checks passed.", flush=True)
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test"}:
        print("usage: python3 dev.py run [app serve options] | test [pytest options]", file=sys.stderr)
        return 2
    ensure_environment()
    if argv[0] == "test":
        return run_tests(argv[1:])
    os.chdir(ROOT)
    os.execv(str(PYTHON), [str(PYTHON), "-m", "app", "serve", *argv[1:]])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
