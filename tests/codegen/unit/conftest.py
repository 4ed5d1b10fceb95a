"""Fixtures of the compiler's unit tests: compile a sample blueprint and import the module it generates."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from blueprint import Blueprint
from codegen import compile_blueprint


@pytest.fixture(autouse=True)
def check_invariants(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every compilation in these tests also checks the invariants of the compiler's databases."""
    monkeypatch.setenv("CODEGEN_DEBUG", "1")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def generated(tmp_path: Path) -> Iterator[Callable[[Blueprint], ModuleType]]:
    """Compile a blueprint, write its module to a temporary file, import it; purged afterwards."""
    names: list[str] = []

    def build(bp: Blueprint) -> ModuleType:
        compiled = compile_blueprint(bp, reference="sample:blueprint", output="sample_sdk.py")
        name = f"_generated_sdk_{len(names)}_{abs(hash(tmp_path)) % 10**6}"
        path = tmp_path / f"{name}.py"
        path.write_text(compiled.source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        names.append(name)
        spec.loader.exec_module(module)
        return module

    yield build
    for name in names:
        sys.modules.pop(name, None)
