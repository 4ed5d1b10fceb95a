"""Pass 7 — plan what each endpoint builds, where, and what it shares: `PlanDb`.

What this pass guarantees: every route, every fallback region and every blueprint with routes (for its 405
answer) has an `EndpointPlan`: its stages (the middlewares of its chain, outermost first, then the handler),
and for each stage the request-scoped instances it builds and those it receives from earlier stages. A
request-scoped instance is built once, in the outermost stage that needs it (so an early return of a
pre-processing middleware skips what only later stages need), and handed down to the stages after it
that use it — including the `except` branches of error handlers and observers, which build what the request
doesn't have yet from what it has. The application state lists the singletons endpoints need, in
construction order.

Strategy: for each stage, compute the request-scoped closure of its component's inputs (through transients,
which are rebuilt at every use and so belong to the stage that uses them); an instance's *home* is the first
stage whose closure contains it. Error handlers choose by exception class at run time, in the order Python's
`except` clauses check them: the component's own handler, then universal handlers from the innermost
blueprint outwards, each blueprint's most specific classes first. Per call site: when building an instance
fails, a handler that needs that instance (a request-scoped value is built at most once per request, and
everything built from it is missing too) is not eligible there, and the next one by precedence applies.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from blueprint import Lifecycle, Location

from ..diagnostics import ComponentKind, Diagnostic, DiagnosticSink, Label, Severity
from ..diagnostics.source import display_path, parameter_label
from ..errors import CompilerBug
from ..model import CallableSpec, ComponentId, ScopeId, TypeKey
from ._describe import describe, present, registration_label
from .call_graph import CallGraphDb, FromInstance, Instance
from .reflect import CallableDb
from .routes import RouteDb
from .shapes import ShapeDb
from .user_components import UserComponentDb


class Builtin(enum.Enum):
    """The framework's default answers, used when a blueprint registers no component of its own."""

    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of an endpoint: a middleware, or the terminal handler (a component or a builtin)."""

    component: ComponentId | None
    builtin: Builtin | None
    kind: ComponentKind
    receives: tuple[Instance, ...]
    builds: tuple[Instance, ...]
    """Request-scoped instances whose home is this stage, dependencies first."""


@dataclass(frozen=True, slots=True)
class EndpointPlan:
    name: str
    """`get_subscriptions_confirm`, `fallback_admin`, `method_not_allowed_root`."""
    title: str
    location: Location | None
    scope: ScopeId
    stages: tuple[Stage, ...]
    observers: tuple[ComponentId, ...]
    """Called in every `except` branch; what they take is built there unless the request already has it."""
    route: ComponentId | None = None
    fallback_prefix: str | None = None


@dataclass(frozen=True, slots=True)
class PlanDb:
    endpoints: tuple[EndpointPlan, ...]
    """Routes first (registration order), then 405 endpoints, then fallbacks."""
    method_not_allowed_by_scope: dict[ScopeId, str]
    singletons: tuple[Instance, ...]
    """The singletons endpoints need, dependencies first."""
    prebuilt: tuple[Instance, ...]
    """Every prebuilt type, in registration order (they are `build_application_state`'s parameters)."""
    handlers_by_component: dict[ComponentId, tuple[ComponentId, ...]]
    """Error handlers that may apply to what each component raises, in `except` order."""
    handlers_by_instance: dict[Instance, tuple[ComponentId, ...]]
    """Error handlers that may apply to what building each request-time instance raises, in `except` order.

    A handler that needs the very value whose construction just failed (directly, or through values built
    from it) cannot be called: it is left out, and the next one by precedence applies (else the default 500).
    """

    def check_invariants(self, graph: CallGraphDb) -> None:
        """Raise `CompilerBug` unless each stage builds after its inputs exist and receives only built values."""
        for endpoint in self.endpoints:
            available: set[Instance] = set()
            for index, stage in enumerate(endpoint.stages):
                if not set(stage.receives) <= available:
                    msg = f"{endpoint.name} stage {index} receives a value no earlier stage built"
                    raise CompilerBug(msg)
                for instance in stage.builds:
                    for argument in graph.instances[instance].arguments:
                        source = argument.source
                        if isinstance(source, FromInstance) and _request_scoped(graph, source.instance):
                            if source.instance not in available:
                                msg = f"{endpoint.name} builds {instance} before {source.instance}"
                                raise CompilerBug(msg)
                    available.add(instance)


def _request_scoped(graph: CallGraphDb, instance: Instance) -> bool:
    return graph.instances[instance].lifecycle is Lifecycle.REQUEST_SCOPED


def build_plan_db(
    components: UserComponentDb,
    callables: CallableDb,
    shapes: ShapeDb,
    graph: CallGraphDb,
    routes: RouteDb,
    sink: DiagnosticSink,
) -> PlanDb:
    planner = _Planner(components, shapes, graph)
    _constructor_handlers_do_not_need_what_failed(components, callables, graph, planner, sink)
    endpoints: list[EndpointPlan] = []
    method_not_allowed: dict[ScopeId, str] = {}
    for route_id in components.routes:
        route = components.components[route_id]
        endpoints.append(
            planner.endpoint(routes.endpoint_names[route_id], route.scope, route_id, Builtin.NOT_FOUND)
        )
    for scope in sorted({components.components[r].scope for r in components.routes}):
        name = f"method_not_allowed_{routes.scope_names[scope]}"
        method_not_allowed[scope] = name
        endpoints.append(planner.endpoint(name, scope, None, Builtin.METHOD_NOT_ALLOWED))
    for region in routes.fallback_regions:
        name = f"fallback_{routes.scope_names[region.scope]}"
        endpoints.append(
            planner.endpoint(name, region.scope, region.fallback, Builtin.NOT_FOUND, prefix=region.prefix)
        )
    singletons = _singletons_in_construction_order(graph, endpoints, planner)
    by_instance = {
        instance: planner.handlers_for_instance(instance)
        for instance, info in graph.instances.items()
        if info.lifecycle is not Lifecycle.SINGLETON
    }
    return PlanDb(
        tuple(endpoints),
        method_not_allowed,
        singletons,
        _prebuilt(callables),
        planner.handlers,
        by_instance,
    )


def _constructor_handlers_do_not_need_what_failed(
    components: UserComponentDb,
    callables: CallableDb,
    graph: CallGraphDb,
    planner: _Planner,
    sink: DiagnosticSink,
) -> None:
    """E401 for an error handler registered on a constructor that needs the very value it builds: the
    handler only runs when that value could not be built, so it can never be called."""
    reported: set[ComponentId] = set()
    for instance in graph.instances:
        constructor = components.components[instance.component]
        handler = constructor.error_handler
        if handler is None or handler in reported or handler not in graph.arguments:
            continue
        if not planner.needs(handler, instance):
            continue
        reported.add(handler)
        handler_spec, constructor_spec = callables.specs[handler], callables.specs[instance.component]
        subject = describe(components.components[handler], handler_spec)
        sink.push(
            Diagnostic(
                "E401",
                Severity.ERROR,
                f"{subject[0].upper()}{subject[1:]} can never run: it handles the "
                f"errors of `{constructor_spec.path}` and needs the `{instance.key}` it builds.\n"
                f"When `{constructor_spec.qualname}` fails, the request has no `{instance.key}`, and I won't "
                "build it a second time.",
                present(
                    registration_label(components.components[handler]),
                    _parameter_taking(handler_spec, instance.key) or registration_label(constructor),
                ),
                (
                    f"take what the handler needs from the error itself, not from a `{instance.key}`",
                    f"or register it on the components that take a `{instance.key}`, where one exists",
                ),
            )
        )


def _parameter_taking(spec: CallableSpec, key: TypeKey) -> Label | None:
    name = next((p.name for p in spec.params if p.key == key), None)
    return None if name is None else parameter_label(spec.target, name, f"`{key}` is needed here")


def _prebuilt(callables: CallableDb) -> tuple[Instance, ...]:
    """Every prebuilt type once (the first registration of a type stands for all), in registration order."""
    first: dict[TypeKey, ComponentId] = {}
    for component, key in sorted(callables.prebuilt_keys.items()):
        first.setdefault(key, component)
    return tuple(Instance(component, key) for key, component in first.items())


def _singletons_in_construction_order(
    graph: CallGraphDb, endpoints: list[EndpointPlan], planner: _Planner
) -> tuple[Instance, ...]:
    order: list[Instance] = []
    seen: set[Instance] = set()

    def visit(instance: Instance) -> None:
        if instance in seen:
            return
        seen.add(instance)
        info = graph.instances[instance]
        for argument in info.arguments:
            if isinstance(argument.source, FromInstance):
                visit(argument.source.instance)
        if info.lifecycle is Lifecycle.SINGLETON and not info.is_prebuilt:
            order.append(instance)

    for instance in planner.singletons_needed:
        visit(instance)
    return tuple(order)


class _Planner:
    def __init__(self, components: UserComponentDb, shapes: ShapeDb, graph: CallGraphDb) -> None:
        self.components = components
        self.shapes = shapes
        self.graph = graph
        self.handlers: dict[ComponentId, tuple[ComponentId, ...]] = {}
        self._handlers_by_instance: dict[Instance, tuple[ComponentId, ...]] = {}
        self.singletons_needed: list[Instance] = []
        self._seen_singletons: set[Instance] = set()

    def endpoint(
        self,
        name: str,
        scope: ScopeId,
        terminal: ComponentId | None,
        builtin: Builtin,
        *,
        prefix: str | None = None,
    ) -> EndpointPlan:
        if (
            terminal is not None
            and self.components.components[terminal].kind is ComponentKind.REQUEST_HANDLER
        ):
            chain = self.components.chain_by_route[terminal]
        else:
            chain = self.components.chain_by_scope[scope]
        terminal_kind = (
            self.components.components[terminal].kind if terminal is not None else ComponentKind.FALLBACK
        )
        steps: list[tuple[ComponentId | None, ComponentKind]] = [
            *((c, self.components.components[c].kind) for c in chain),
            (terminal, terminal_kind),
        ]
        observers = tuple(
            observer
            for s in reversed(self.components.ancestry(scope))
            for observer in self.components.observers_by_scope.get(s, ())
            if observer in self.graph.arguments
        )
        main_needs = [self._closure(self._stage_inputs(component)) for component, _ in steps]
        home: dict[Instance, int] = {}
        for index, needs in enumerate(main_needs):
            for instance in needs:
                home.setdefault(instance, index)
        builds = [tuple(i for i in needs if home[i] == index) for index, needs in enumerate(main_needs)]
        # What each stage's statements refer to: its component's inputs and those of what it builds, seen
        # through transients (rebuilt in place); error handlers' and observers' inputs with all their
        # dependencies (an `except` branch builds what the request hasn't, from what it has).
        referenced = [
            set(self._direct(self._stage_inputs(component)))
            | {d for built in builds[index] for d in self._direct(self._arguments_of(built))}
            | self._branch_needs(self._handler_inputs(component), index, home)
            for index, (component, _) in enumerate(steps)
        ]
        observer_inputs = [a for o in observers for a in self._instances_of(o)]
        stages: list[Stage] = []
        for index, (component, kind) in enumerate(steps):
            later = set().union(*referenced[index:]) | self._branch_needs(observer_inputs, index, home)
            receives = tuple(i for i in home if home[i] < index and i in later)
            stages.append(
                Stage(component, builtin if component is None else None, kind, receives, builds[index])
            )
        location = self.components.components[terminal].location if terminal is not None else None
        title = self._title(terminal, scope, builtin, prefix)
        return EndpointPlan(
            name,
            title,
            location,
            scope,
            tuple(stages),
            observers,
            route=terminal if terminal_kind is ComponentKind.REQUEST_HANDLER else None,
            fallback_prefix=prefix,
        )

    def _title(
        self, terminal: ComponentId | None, scope: ScopeId, builtin: Builtin, prefix: str | None
    ) -> str:
        if terminal is not None:
            component = self.components.components[terminal]
            if component.kind is ComponentKind.REQUEST_HANDLER:
                return f"{component.method_guard} {component.path}"
            return f"Fallback for the paths under `{prefix or '/'}`"
        if builtin is Builtin.METHOD_NOT_ALLOWED:
            nested_at = self.components.scopes[scope].nested_at
            if nested_at is None:
                return "405 Method Not Allowed for the routes of the root blueprint"
            where = f"{display_path(nested_at.file)}:{nested_at.line}"
            return f"405 Method Not Allowed for the routes of the blueprint nested at {where}"
        return f"404 Not Found for the paths under `{prefix or '/'}`"

    # --- what each stage needs ------------------------------------------------------------------
    def _instances_of(self, component: ComponentId) -> list[Instance]:
        return [
            argument.source.instance
            for argument in self.graph.arguments.get(component, ())
            if isinstance(argument.source, FromInstance)
        ]

    def _stage_inputs(self, component: ComponentId | None) -> list[Instance]:
        return self._instances_of(component) if component is not None else []

    def _branch_needs(self, inputs: list[Instance], stage: int, home: dict[Instance, int]) -> set[Instance]:
        """What an `except` branch of `stage` (or later) may use to call something taking `inputs`: each
        input built by an earlier stage, or, for one the request may not have yet, what it is built from."""
        needs: set[Instance] = set()
        for instance in self._direct(inputs):
            if home.get(instance, stage) < stage:
                needs.add(instance)
            else:
                needs.update(self._closure([instance]))
        return needs

    def _handler_inputs(self, component: ComponentId | None) -> list[Instance]:
        if component is None:
            return []
        handlers = [
            *self.handlers_for(component),
            *(
                h
                for site in self._closure_all(self._instances_of(component))
                for h in self.handlers_for_instance(site)
            ),
        ]
        return [i for handler in handlers for i in self._instances_of(handler)]

    def _arguments_of(self, instance: Instance) -> list[Instance]:
        return [
            a.source.instance
            for a in self.graph.instances[instance].arguments
            if isinstance(a.source, FromInstance)
        ]

    def _direct(self, roots: list[Instance]) -> list[Instance]:
        """The request-scoped instances among `roots`, looking through transients (built where they're used)."""
        found: list[Instance] = []
        pending = list(roots)
        while pending:
            instance = pending.pop(0)
            lifecycle = self.graph.instances[instance].lifecycle
            if lifecycle is Lifecycle.REQUEST_SCOPED and instance not in found:
                found.append(instance)
            elif lifecycle is Lifecycle.TRANSIENT:
                pending.extend(self._arguments_of(instance))
        return found

    def _closure(self, roots: list[Instance]) -> list[Instance]:
        """Request-scoped instances needed to build `roots`, dependencies first, in first-use order."""
        return [
            i
            for i in self._closure_all(roots)
            if self.graph.instances[i].lifecycle is Lifecycle.REQUEST_SCOPED
        ]

    def _closure_all(self, roots: list[Instance]) -> list[Instance]:
        order: list[Instance] = []
        seen: set[Instance] = set()

        def visit(instance: Instance) -> None:
            info = self.graph.instances[instance]
            if info.lifecycle is Lifecycle.SINGLETON:
                if instance not in self._seen_singletons:
                    self._seen_singletons.add(instance)
                    self.singletons_needed.append(instance)
                return
            if instance in seen and info.lifecycle is Lifecycle.REQUEST_SCOPED:
                return
            seen.add(instance)
            for argument in info.arguments:
                if isinstance(argument.source, FromInstance):
                    visit(argument.source.instance)
            if instance not in order:
                order.append(instance)

        for root in roots:
            visit(root)
        return order

    # --- error handlers -------------------------------------------------------------------------
    def handlers_for(self, component: ComponentId) -> tuple[ComponentId, ...]:
        cached = self.handlers.get(component)
        if cached is not None:
            return cached
        result = self._reachable(self._candidates(component))
        self.handlers[component] = result
        return result

    def handlers_for_instance(self, instance: Instance) -> tuple[ComponentId, ...]:
        """The handlers of `instance`'s constructor that can run when building `instance` fails."""
        cached = self._handlers_by_instance.get(instance)
        if cached is not None:
            return cached
        candidates = self._candidates(instance.component)
        result = self._reachable([h for h in candidates if not self.needs(h, instance)])
        self._handlers_by_instance[instance] = result
        return result

    def needs(self, consumer: ComponentId, failed: Instance) -> bool:
        """Whether calling `consumer` would need `failed`, which the request cannot have.

        A request-scoped value that failed to build is missing for the rest of the request, and so is
        everything built from it. A transient is rebuilt at every use, so only the uses that build it
        anew (through other transients) need it; a request-scoped value built from an earlier use exists.
        """
        through_request_scoped = self.graph.instances[failed].lifecycle is Lifecycle.REQUEST_SCOPED
        pending = self._instances_of(consumer)
        seen: set[Instance] = set()
        while pending:
            instance = pending.pop()
            if instance == failed:
                return True
            if instance in seen:
                continue
            seen.add(instance)
            lifecycle = self.graph.instances[instance].lifecycle
            if lifecycle is Lifecycle.SINGLETON or (
                lifecycle is Lifecycle.REQUEST_SCOPED and not through_request_scoped
            ):
                continue
            pending += self._arguments_of(instance)
        return False

    def _candidates(self, component: ComponentId) -> list[ComponentId]:
        """Every handler registered for `component`'s errors, by precedence: its own, then universal ones
        from the innermost blueprint outwards, each blueprint's most specific classes first."""
        owner = self.components.components[component]
        ordered: list[ComponentId] = []
        if owner.error_handler is not None and owner.error_handler in self.graph.arguments:
            ordered.append(owner.error_handler)
        for scope in self.components.ancestry(owner.scope):
            universal = [
                h for h in self.components.error_handlers_by_scope.get(scope, ()) if h in self.graph.arguments
            ]
            universal.sort(key=lambda h: (-len(self.shapes.error_types[h].__mro__), h))
            ordered.extend(universal)
        return ordered

    def _reachable(self, ordered: list[ComponentId]) -> tuple[ComponentId, ...]:
        """Drop the handlers an earlier `except` clause would always catch first."""
        reachable: list[ComponentId] = []
        for handler in ordered:
            error_type = self.shapes.error_types[handler]
            if not any(issubclass(error_type, self.shapes.error_types[h]) for h in reachable):
                reachable.append(handler)
        return tuple(reachable)
