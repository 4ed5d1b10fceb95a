"""Generated modules read like hand-written code: they pass ruff, ruff format and mypy --strict as emitted.

The sample blueprint exercises every shape the emitter writes: stage functions, `Next` closures, early
returns, post-processing, error branches that build values, observers, teardowns, nested scopes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from codegen import compile_blueprint
from tests.codegen.unit import graph_app, sample_app

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def generated_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    directory = tmp_path_factory.mktemp("generated")
    files = []
    for name, bp in (("sample_sdk", sample_app.blueprint()), ("graph_sdk", graph_app.singletons())):
        path = directory / f"{name}.py"
        path.write_text(
            compile_blueprint(bp, reference=f"{name}:bp", output=path.name).source, encoding="utf-8"
        )
        files.append(path)
    return files


def test_generated_modules_pass_ruff(generated_files: list[Path]) -> None:
    config = str(ROOT / "pyproject.toml")
    lint = _run(str(BIN / "ruff"), "check", "--config", config, *map(str, generated_files))
    assert lint.returncode == 0, lint.stdout
    formatting = _run(str(BIN / "ruff"), "format", "--check", "--config", config, *map(str, generated_files))
    assert formatting.returncode == 0, formatting.stdout


def test_generated_modules_pass_mypy_strict(generated_files: list[Path]) -> None:
    result = _run(sys.executable, "-m", "mypy", "--strict", "--no-incremental", *map(str, generated_files))
    assert result.returncode == 0, result.stdout


def test_generated_modules_do_no_reflection(generated_files: list[Path]) -> None:
    for path in generated_files:
        source = path.read_text(encoding="utf-8")
        assert "inspect" not in source
        assert "get_type_hints" not in source
        assert max(len(line) for line in source.splitlines() if not line.lstrip().startswith("#")) <= 110
