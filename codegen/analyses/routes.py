"""Pass 6 — routing: templates, conflicts, route parameters, fallback regions: `RouteDb`.

What this pass guarantees: every route template and nesting prefix is valid (E301); no two routes answer the
same path shape with overlapping methods (E302, `ANY` overlaps everything); every `RouteParams[T]` a route
needs has a dataclass or Struct `T` whose fields are parameters of the route's template (E303); each path
prefix has at most one fallback (E305). It also names every endpoint, deterministically.

Strategy: templates are parsed by the router itself (`framework.routing.parse_template`), so the compiler and
the runtime can never disagree on what a valid template is; conflicts compare `template_shape`, which erases
parameter names. A fallback region is a path prefix: the root, plus every `nest_at` prefix.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic, DiagnosticSink, Label, Severity
from ..diagnostics.source import parameter_label, registered_at
from ..model import ComponentId, ScopeId
from .call_graph import CallGraphDb, FromInstance, Instance
from .reflect import CallableDb
from .user_components import UserComponentDb


@dataclass(frozen=True, slots=True)
class FallbackRegion:
    """Requests under `prefix` matching no route: answered by `fallback`, or the default 404, in `scope`."""

    prefix: str
    scope: ScopeId
    fallback: ComponentId | None


@dataclass(frozen=True, slots=True)
class RouteDb:
    endpoint_names: dict[ComponentId, str]
    """Every route has a unique Python function name: `get_subscriptions_confirm`."""
    scope_names: dict[ScopeId, str]
    """Every scope has a unique name: `root`, `admin`."""
    fallback_regions: tuple[FallbackRegion, ...]
    """Root first; prefixes sorted."""


def build_route_db(
    components: UserComponentDb, callables: CallableDb, graph: CallGraphDb, sink: DiagnosticSink
) -> RouteDb:
    from framework import routing

    valid: dict[ComponentId, str] = {}
    _prefixes_are_valid(components, routing, sink)
    for route_id in components.routes:
        route = components.components[route_id]
        assert route.path is not None and route.own_path is not None
        try:
            routing.parse_template(route.path)
        except routing.InvalidTemplate as error:
            _invalid_template(route.own_path, str(error), route.location, sink)
            continue
        valid[route_id] = routing.template_shape(route.path)
    _routes_do_not_conflict(components, valid, sink)
    _route_params_match_templates(components, callables, graph, valid, sink)
    regions = _fallback_regions(components, callables, sink)
    return RouteDb(_endpoint_names(components), _scope_names(components), regions)


def _prefixes_are_valid(components: UserComponentDb, routing: Any, sink: DiagnosticSink) -> None:
    for scope in components.scopes.values():
        prefix = scope.own_prefix
        if prefix is None or scope.nested_at is None:
            continue
        problem = None
        if not prefix.startswith("/"):
            problem = f"`{prefix}`: a prefix starts with `/`."
        elif prefix.endswith("/"):
            problem = f"`{prefix}`: a prefix doesn't end with `/` (routes under it start with one)."
        else:
            try:
                segments = routing.parse_template(prefix)
            except routing.InvalidTemplate as error:
                problem = str(error)
            else:
                if any(not isinstance(s, routing.StaticSegment) for s in segments):
                    problem = f"`{prefix}`: a prefix is literal path text, without parameters."
        if problem is not None:
            _invalid_template(prefix, problem, scope.nested_at, sink)


def _invalid_template(template: str, problem: str, location: Any, sink: DiagnosticSink) -> None:
    sink.push(
        Diagnostic(
            "E301",
            Severity.ERROR,
            f"`{template}` is not a valid path template.\n{problem}",
            (registered_at(location, "registered here"),),
            (
                "a template is `/`-separated segments, each literal text, `{name}`, or (last only) `{*name}`, "
                "e.g. `/subscriptions/{subscription_id}`",
            ),
        )
    )


def _routes_do_not_conflict(
    components: UserComponentDb, shapes: dict[ComponentId, str], sink: DiagnosticSink
) -> None:
    by_shape: dict[str, list[ComponentId]] = {}
    for route_id, shape in shapes.items():
        by_shape.setdefault(shape, []).append(route_id)
    for ids in by_shape.values():
        for index, first_id in enumerate(ids):
            first = components.components[first_id]
            for second_id in ids[index + 1 :]:
                second = components.components[second_id]
                assert first.method_guard is not None and second.method_guard is not None
                if not first.method_guard.overlaps(second.method_guard):
                    continue
                same = first.path == second.path
                sink.push(
                    Diagnostic(
                        "E302",
                        Severity.ERROR,
                        f"The routes `{first.method_guard} {first.path}` and `{second.method_guard} {second.path}` "
                        "conflict.\n"
                        + (
                            "They have the same path and overlapping methods, so a request could match either."
                            if same
                            else "Their templates differ only in parameter names and their methods overlap, "
                            "so a request could match either."
                        ),
                        (
                            registered_at(first.location, "the first route was registered here"),
                            registered_at(second.location, "the second one here"),
                        ),
                        ("remove one of them, or give them disjoint methods (e.g. `GET` and `POST`)",),
                    )
                )


_PARAM = re.compile(r"\{\*?([^{}]+)\}")


def _route_params_match_templates(
    components: UserComponentDb,
    callables: CallableDb,
    graph: CallGraphDb,
    valid: dict[ComponentId, str],
    sink: DiagnosticSink,
) -> None:
    try:
        from framework.extractors import RouteParams
    except ImportError:  # a runtime without extractors has no RouteParams to check
        return
    for route_id in valid:
        route = components.components[route_id]
        assert route.path is not None
        names = set(_PARAM.findall(route.path))
        for instance in _instances_needed(components, graph, route_id):
            if instance.key.origin is not RouteParams or not instance.key.args:
                continue
            target = instance.key.args[0].origin
            fields = _fields_of(target)
            shown = instance.key.args[0].display()
            # `_parameter_taking` parses the component's source: it is called only to report a problem.
            if fields is None:
                _route_params_problem(
                    route,
                    _parameter_taking(components, callables, route_id, instance),
                    f"`RouteParams[{shown}]` needs a dataclass or a `msgspec.Struct`, and `{shown}` is neither.",
                    "turn it into a dataclass (`@dataclass`) whose fields are the template's parameters",
                    sink,
                )
                continue
            for name in fields:
                if name not in names:
                    listed = ", ".join(f"`{{{n}}}`" for n in sorted(names)) or "none"
                    _route_params_problem(
                        route,
                        _parameter_taking(components, callables, route_id, instance),
                        f"`{shown}` has a field `{name}`, but the template `{route.path}` has no `{{{name}}}` "
                        f"parameter (it has {listed}).",
                        f"rename the field to one of the template's parameters, or add `{{{name}}}` to the template",
                        sink,
                    )


def _route_params_problem(
    route: Any, taken_at: Label | None, problem: str, fix: str, sink: DiagnosticSink
) -> None:
    sink.push(
        Diagnostic(
            "E303",
            Severity.ERROR,
            f"The route `{route.method_guard} {route.path}` can't extract its route parameters.\n{problem}",
            tuple(
                label
                for label in (registered_at(route.location, "the route was registered here"), taken_at)
                if label is not None
            ),
            (fix,),
        )
    )


def _parameter_taking(
    components: UserComponentDb, callables: CallableDb, route_id: ComponentId, instance: Instance
) -> Label | None:
    """The parameter of the route's handler (or of one of its middlewares) annotated with `instance`'s type."""
    for component in (route_id, *components.chain_by_route[route_id]):
        spec = callables.specs[component]
        for param in spec.params:
            if param.key == instance.key:
                return parameter_label(spec.target, param.name, "extracted here")
    return None


def _instances_needed(
    components: UserComponentDb, graph: CallGraphDb, route_id: ComponentId
) -> list[Instance]:
    roots = [route_id, *components.chain_by_route[route_id]]
    found: list[Instance] = []
    pending = [
        a.source.instance
        for r in roots
        for a in graph.arguments.get(r, ())
        if isinstance(a.source, FromInstance)
    ]
    while pending:
        instance = pending.pop()
        if instance in found:
            continue
        found.append(instance)
        pending.extend(
            a.source.instance
            for a in graph.instances[instance].arguments
            if isinstance(a.source, FromInstance)
        )
    return found


def _fields_of(target: Any) -> tuple[str, ...] | None:
    if dataclasses.is_dataclass(target) and isinstance(target, type):
        return tuple(field.name for field in dataclasses.fields(target))
    struct_fields = getattr(target, "__struct_fields__", None)
    if isinstance(struct_fields, tuple):
        return struct_fields
    return None


def _fallback_regions(
    components: UserComponentDb, callables: CallableDb, sink: DiagnosticSink
) -> tuple[FallbackRegion, ...]:
    by_prefix: dict[str, list[ScopeId]] = {}
    for scope in components.scopes.values():
        by_prefix.setdefault(scope.prefix, []).append(scope.id)
    regions: list[FallbackRegion] = []
    for prefix in sorted(by_prefix):
        scopes = by_prefix[prefix]
        fallbacks = [f for s in scopes for f in components.fallbacks_by_scope.get(s, ())]
        if len(fallbacks) > 1:
            first, *others = (components.components[f] for f in fallbacks)
            sink.push(
                Diagnostic(
                    "E305",
                    Severity.ERROR,
                    f"There are {len(fallbacks)} fallbacks for the requests under `{prefix or '/'}`: "
                    + ", ".join(f"`{callables.specs[f].path}`" for f in fallbacks)
                    + ".\nRequests matching no route under a prefix go to one fallback, so I can't tell which.",
                    tuple(
                        registered_at(c.location, "a fallback was registered here") for c in (first, *others)
                    ),
                    (
                        "keep one fallback per prefix; to answer a sub-tree differently, nest it with its own "
                        "prefix (`bp.nest_at('/admin', admin)`) and register the fallback there",
                    ),
                )
            )
        fallback = fallbacks[0] if len(fallbacks) == 1 else None
        home = components.components[fallback].scope if fallback is not None else min(scopes)
        regions.append(FallbackRegion(prefix, home, fallback))
    return tuple(regions)


def _endpoint_names(components: UserComponentDb) -> dict[ComponentId, str]:
    names: dict[ComponentId, str] = {}
    taken: set[str] = set()
    for route_id in components.routes:
        route = components.components[route_id]
        assert route.method_guard is not None and route.path is not None
        guard = route.method_guard
        method = "any" if guard.methods is None else "_".join(sorted(m.lower() for m in guard.methods))
        path = re.sub(r"[^0-9a-zA-Z]+", "_", route.path).strip("_").lower() or "index"
        names[route_id] = _unique(f"{method}_{path}", taken)
    return names


def _scope_names(components: UserComponentDb) -> dict[ScopeId, str]:
    names: dict[ScopeId, str] = {}
    taken: set[str] = set()
    for scope in components.scopes.values():
        base = re.sub(r"[^0-9a-zA-Z]+", "_", scope.prefix).strip("_").lower()
        if scope.parent is None:
            base = "root"
        elif scope.own_prefix is None:
            base = f"{names[scope.parent]}_nested"
        names[scope.id] = _unique(base or "root", taken)
    return names


def _unique(base: str, taken: set[str]) -> str:
    name, counter = base, 2
    while name in taken:
        name = f"{base}_{counter}"
        counter += 1
    taken.add(name)
    return name
