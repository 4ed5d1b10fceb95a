"""The compiler's tricky pure parts, through its front door: cycles, construction order, handler order."""

from __future__ import annotations

import pytest

from blueprint import Blueprint
from codegen import CompilationFailed, compile_blueprint
from tests.codegen.unit import graph_app


def _compile(bp: Blueprint) -> object:
    return compile_blueprint(bp, reference="graph_app:blueprint", output="out.py")


def test_a_cycle_is_reported_once_as_a_chain_in_dependency_order() -> None:
    with pytest.raises(CompilationFailed) as failure:
        _compile(graph_app.cyclic())
    codes = [diagnostic.code for diagnostic in failure.value.diagnostics]
    assert codes == ["E203"]
    message = failure.value.diagnostics[0].message
    assert "`tests.codegen.unit.graph_app.a` builds `A`, which needs `C`" in message
    assert "`tests.codegen.unit.graph_app.c` builds `C`, which needs `B`" in message
    assert "`tests.codegen.unit.graph_app.b` builds `B`, which needs `A`" in message


def test_singletons_are_built_dependencies_first_whatever_the_registration_order() -> None:
    compiled = compile_blueprint(graph_app.singletons(), reference="graph_app:singletons", output="out.py")
    order = [compiled.callables.specs[instance.component].qualname for instance in compiled.plan.singletons]
    assert order == ["pool", "cache", "mailer"]
    source = compiled.source
    assert source.index("pool = ") < source.index("cache = ") < source.index("mailer = ")


def test_error_handlers_are_tried_nested_first_then_most_specific_first() -> None:
    compiled = compile_blueprint(graph_app.singletons(), reference="graph_app:singletons", output="out.py")
    routes = {compiled.components.components[r].path: r for r in compiled.components.routes}
    names = {
        path: [compiled.callables.specs[h].qualname for h in compiled.plan.handlers_by_component[route]]
        for path, route in routes.items()
    }
    assert names["/"] == ["storage_error", "app_error"]
    assert names["/nested"] == ["missing_row", "storage_error", "app_error"]


def test_generation_is_deterministic() -> None:
    first = compile_blueprint(graph_app.singletons(), reference="graph_app:singletons", output="out.py")
    second = compile_blueprint(graph_app.singletons(), reference="graph_app:singletons", output="out.py")
    assert first.source == second.source
