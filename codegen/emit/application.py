"""The request-independent parts of a generated module: `ApplicationState`, its start-up and shutdown, the
router built once at import, and the ASGI entry points.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analyses.call_graph import CallGraphDb, FromInstance, FromTypeArgument, Instance
from ..analyses.plan import PlanDb
from ..analyses.reflect import CallableDb
from ..analyses.user_components import UserComponentDb
from .calls import assignment, component_call, registration_comment
from .format import INDENT, Call, Expr, signature, statement
from .names import Imports


@dataclass(frozen=True, slots=True)
class Application:
    """What these parts read: the analyses, the module's imports and the state's slot names."""

    imports: Imports
    components: UserComponentDb
    callables: CallableDb
    graph: CallGraphDb
    plan: PlanDb
    slots: dict[Instance, str]
    """Every prebuilt type and every singleton an endpoint needs, with its `ApplicationState` field."""
    teardowns_type: str


def state_class(app: Application) -> list[str]:
    lines = [
        f"@{app.imports.use('dataclasses')}.dataclass(slots=True)",
        "class ApplicationState:",
        f'{INDENT}"""The singletons and prebuilt values, built once by `build_application_state`."""',
        "",
    ]
    for instance, slot in app.slots.items():
        lines.append(f"{INDENT}{slot}: {app.imports.type_expression(instance.key)}")
    lines.append(f"{INDENT}teardowns: {app.teardowns_type}")
    return lines


def build_state(app: Application) -> list[str]:
    """`build_application_state(<prebuilt values>)`: singletons in dependency order; on failure, the ones
    already built are torn down before the error propagates."""
    params = [f"{app.slots[i]}: {app.imports.type_expression(i.key)}" for i in app.plan.prebuilt]
    lines = signature("", "async def build_application_state", params, " -> ApplicationState:")
    lines.append(
        f'{INDENT}"""Build every singleton, dependencies first; `shutdown(state)` tears them down."""'
    )
    lines.append(f"{INDENT}teardowns = {app.teardowns_type}()")
    body: list[str] = []
    for instance in app.plan.singletons:
        spec = app.callables.specs[instance.component]
        body += registration_comment(
            INDENT * 2, app.components.components[instance.component], spec, app.imports.project_root
        )
        call = component_call(app.imports, spec, _singleton_arguments(app, instance))
        body += assignment(INDENT * 2, app.slots[instance], call, spec)
    if body:
        lines += [f"{INDENT}try:", *body]
        lines += [
            f"{INDENT}except BaseException as error:",
            f"{INDENT * 2}teardowns.failed(error)",
            f"{INDENT * 2}await teardowns.close()",
            f"{INDENT * 2}raise",
        ]
    arguments: list[Expr] = [f"{slot}={slot}" for slot in app.slots.values()]
    lines += statement(INDENT, "return ", Call("ApplicationState", (*arguments, "teardowns=teardowns")))
    return lines


def _singleton_arguments(app: Application, instance: Instance) -> list[Expr]:
    result: list[Expr] = []
    for argument in app.graph.instances[instance].arguments:
        source = argument.source
        if isinstance(source, FromInstance):
            value = app.slots[source.instance]
        elif isinstance(source, FromTypeArgument):
            value = app.imports.type_expression(source.key)
        else:  # the call graph pass reports request-time inputs of singletons (E204)
            msg = f"a singleton argument from {source!r}"
            raise AssertionError(msg)
        result.append(f"{argument.name}={value}" if argument.keyword_only else value)
    return result


def shutdown() -> list[str]:
    return [
        "async def shutdown(state: ApplicationState) -> None:",
        f'{INDENT}"""Tear the singletons down, in reverse order of construction."""',
        f"{INDENT}await state.teardowns.close()",
    ]


def router(app: Application) -> list[str]:
    """`ROUTER`, built once at import: every route with its blueprint's 405 endpoint, then the fallbacks."""
    lines = [f"ROUTER = {app.imports.use('framework.routing')}.Router()"]
    not_allowed = app.plan.method_not_allowed_by_scope
    for endpoint in app.plan.endpoints:
        if endpoint.route is None:
            continue
        route = app.components.components[endpoint.route]
        assert route.method_guard is not None and route.path is not None
        methods = route.method_guard.methods
        guard = (
            "None" if methods is None else "frozenset({" + ", ".join(f'"{m}"' for m in sorted(methods)) + "})"
        )
        arguments: tuple[Expr, ...] = (
            _string(route.path),
            guard,
            endpoint.name,
            f"method_not_allowed={not_allowed[route.scope]}",
        )
        lines += statement("", "", Call("ROUTER.route", arguments))
    for endpoint in app.plan.endpoints:
        if endpoint.fallback_prefix is not None:
            lines += statement(
                "", "", Call("ROUTER.fallback", (_string(endpoint.fallback_prefix), endpoint.name))
            )
    return lines


def asgi_functions(app: Application) -> list[list[str]]:
    """`asgi_app(state)` for a ready state, and `asgi_app_with_lifespan(<prebuilt>)` building it at start-up."""
    asgi = app.imports.use("framework.asgi")
    ready = [
        f"def asgi_app(state: ApplicationState) -> {asgi}.AsgiApp:",
        f'{INDENT}"""An ASGI 3 application serving the routes above with a ready `state`."""',
        f"{INDENT}return {asgi}.AsgiApp(ROUTER, state, shutdown=shutdown)",
    ]
    params = [f"{app.slots[i]}: {app.imports.type_expression(i.key)}" for i in app.plan.prebuilt]
    arguments = ", ".join(app.slots[i] for i in app.plan.prebuilt)
    lifespan = signature("", "def asgi_app_with_lifespan", params, f" -> {asgi}.AsgiApp:")
    lifespan += [
        f'{INDENT}"""An ASGI 3 application that builds its state at lifespan start-up from the prebuilt values."""',
        "",
        f"{INDENT}async def build() -> ApplicationState:",
        f"{INDENT * 2}return await build_application_state({arguments})",
        "",
        f"{INDENT}return {asgi}.AsgiApp(ROUTER, build=build, shutdown=shutdown)",
    ]
    return [ready, lifespan]


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
