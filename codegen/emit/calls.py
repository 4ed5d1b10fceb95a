"""Statements every part of a generated module writes: a component's call, an assignment, its comment."""

from __future__ import annotations

from blueprint import Location

from ..analyses.user_components import UserComponent
from ..model import CallableSpec, GeneratorKind
from ..paths import project_relative
from .format import Call, Expr, statement
from .names import Imports


def component_call(imports: Imports, spec: CallableSpec, arguments: list[Expr]) -> Call:
    """`app_routes.subscribe(form, state.pool)`: a component called by its import path."""
    return Call(imports.callable_path(spec.module, spec.qualname), tuple(arguments))


def assignment(
    indent: str, name: str, call: Call, spec: CallableSpec, teardowns: str = "teardowns"
) -> list[str]:
    """`name = call`, awaited when async; a generator is entered into `teardowns`, which closes it later."""
    if spec.generator is GeneratorKind.SYNC:
        return statement(indent, f"{name} = ", Call(f"{teardowns}.enter", (call,)))
    if spec.generator is GeneratorKind.ASYNC:
        return statement(indent, f"{name} = await ", Call(f"{teardowns}.enter_async", (call,)))
    return statement(indent, f"{name} = {'await ' if spec.is_async else ''}", call)


def registration_comment(indent: str, component: UserComponent, spec: CallableSpec, root: str) -> list[str]:
    """`# transaction: request-scoped, registered at app/blueprint.py:19`."""
    what = str(component.lifecycle) if component.lifecycle is not None else str(component.kind)
    return [f"{indent}# {spec.qualname}: {what}, {registered(component.location, root)}"]


def registered(location: Location | None, root: str) -> str:
    """`registered at app/blueprint.py:19`, or `registered by ApiKit at app/blueprint.py:25` for a kit's."""
    by = f"by {location.via} " if location is not None and location.via is not None else ""
    return f"registered {by}at {site(location, root)}"


def site(location: Location | None, root: str) -> str:
    """`app/blueprint.py:19`: a registration site, relative to the project root (see `codegen.paths`)."""
    if location is None:
        return "?"
    return f"{project_relative(location.file, root)}:{location.line}"
