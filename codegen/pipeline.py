"""The compiler's driver — and its table of contents.

    load -> user components -> reflect -> shapes -> constructibles -> call graph -> routes -> unused
         -> plan -> emit

Each pass takes the frozen results of the passes before it, pushes diagnostics into the sink and keeps
going; `sink.raise_if_errors()` is a checkpoint where later passes would otherwise see garbage. Every
problem found before a checkpoint is reported together. Unused registrations are only looked for in a
blueprint without errors: while part of the graph is broken, "unused" would mostly be a consequence.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from blueprint import Blueprint

from .analyses.call_graph import CallGraphDb, build_call_graph_db
from .analyses.constructibles import build_constructible_db
from .analyses.plan import PlanDb, build_plan_db
from .analyses.reflect import CallableDb, build_callable_db
from .analyses.routes import RouteDb, build_route_db
from .analyses.shapes import build_shape_db
from .analyses.unused import detect_unused
from .analyses.user_components import UserComponentDb, build_user_component_db
from .diagnostics import Diagnostic, DiagnosticSink
from .emit import EmitInput, emit_module
from .model.primitives import framework_types


@dataclass(frozen=True, slots=True)
class CompiledApp:
    """The result of a successful compilation: the module's text, the warnings, and the analyses."""

    source: str
    warnings: tuple[Diagnostic, ...]
    components: UserComponentDb
    callables: CallableDb
    graph: CallGraphDb
    routes: RouteDb
    plan: PlanDb


def compile_blueprint(blueprint: Blueprint, *, reference: str, output: str) -> CompiledApp:
    """Analyse `blueprint` and generate its server SDK; raises `CompilationFailed` listing every error.

    `reference` (`app.blueprint:blueprint`) and `output` (`app/server_sdk.py`) only feed the header.
    """
    sink = DiagnosticSink()
    framework = framework_types()
    components = build_user_component_db(blueprint, sink)
    _check(components.check_invariants)
    callables = build_callable_db(components, sink)
    shapes = build_shape_db(components, callables, framework, sink)
    constructibles = build_constructible_db(components, callables, sink)
    graph = build_call_graph_db(components, callables, shapes, constructibles, framework, sink)
    _check(graph.check_invariants)
    routes = build_route_db(components, callables, graph, sink)
    sink.raise_if_errors()

    detect_unused(components, callables, graph, sink)

    plan = build_plan_db(components, callables, shapes, graph, routes, sink)
    _check(lambda: plan.check_invariants(graph))
    sink.raise_if_errors()

    source = emit_module(EmitInput(reference, output, components, callables, graph, routes, plan))
    return CompiledApp(source, sink.drain(), components, callables, graph, routes, plan)


def _check(check_invariants: Callable[[], None]) -> None:
    """Run a database's invariant checks in debug runs (`CODEGEN_DEBUG=1`; the unit tests set it)."""
    if os.environ.get("CODEGEN_DEBUG") == "1":
        check_invariants()
