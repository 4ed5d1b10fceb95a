"""The benchmark's inputs are valid blueprints: a benchmark of compile errors would measure nothing."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from codegen_harness import ROOT, run_codegen, subprocess_env


def _bench_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "codegen_bench_under_test", ROOT / "tests" / "benchmarks" / "codegen_bench.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _bench_module()


@pytest.mark.parametrize("size", [1, 10, 25])
def test_synthetic_source_has_the_requested_routes(size: int) -> None:
    source = bench.synthetic_blueprint_source(size)
    tree = ast.parse(source)
    routes = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "route"
    ]
    assert len(routes) == size


def test_synthetic_source_rejects_an_empty_blueprint() -> None:
    with pytest.raises(ValueError, match="at least one route"):
        bench.synthetic_blueprint_source(0)


def test_synthetic_blueprint_of_ten_routes_compiles(tmp_path: Path) -> None:
    target = bench.write_synthetic_blueprint(tmp_path, 10)
    env = subprocess_env(PYTHONPATH=f"{ROOT}:{tmp_path}")
    result = run_codegen("generate", target, "--output", str(tmp_path / "server_sdk.py"), env=env)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr.lower(), result.stderr
    compile((tmp_path / "server_sdk.py").read_text(), "server_sdk.py", "exec")


def test_realistic_blueprint_compiles_without_warnings(tmp_path: Path) -> None:
    result = run_codegen("generate", bench.REALISTIC_TARGET, "--output", str(tmp_path / "sdk.py"))
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr.lower(), result.stderr
