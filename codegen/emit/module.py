"""Pass 8 — write the server SDK: the analysed blueprint as a plain, readable Python module.

What the output guarantees (DESIGN.md §6): no reflection at request time — every endpoint is straight-line
calls in dependency order with local variables named after their types; sync components are called and
async ones awaited; generator constructors go through `Teardowns`; `try` appears where an error handler
applies (the component's own and the blueprints' universal ones, then the default 500 around each stage);
error observers run in every `except` branch, once per error turned into a response.

Layout of an endpoint with middlewares (one module-level function per stage, so nothing nests deeply):

    get_x(state, request)            entry: stage 0 inline; with generators, `Teardowns` + stage 0 + close
      _get_x_1(state, request, ...)  stage 1: what it builds, its middleware (awaits `Next(stage 2)`)
        _get_x_2(...)                last stage: the request handler

Request-scoped values a later stage needs are passed to it as arguments. Inside a stage, `except` branches
use only what existed when their `try` began; what a handler or an observer takes that the request hasn't
built yet is built in the branch itself (so a request without errors never pays for it). What the request
may already have tried to build is never built again: the `try` attempted it (and it may be what failed), or
a later stage built it before this stage's post-processing or wrapping middleware failed. A handler that
needs such a value is left out of the branch (the next `except` applies, else the default 500); an observer
that needs one is skipped for that error, with a comment saying so.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from blueprint import Lifecycle

from .._version import __version__
from ..analyses.call_graph import (
    Argument,
    CallGraphDb,
    FromHandledError,
    FromInstance,
    FromPrimitive,
    FromTypeArgument,
    Instance,
)
from ..analyses.plan import Builtin, EndpointPlan, PlanDb, Stage
from ..analyses.reflect import CallableDb
from ..analyses.routes import RouteDb
from ..analyses.user_components import UserComponentDb
from ..diagnostics import ComponentKind
from ..model import ComponentId, GeneratorKind, TypeKey
from ..model.primitives import ERROR_VARIABLE, NEXT_EXPRESSION, RESPONSE_VARIABLE
from ..paths import project_root
from .application import Application, asgi_functions, build_state, router, shutdown, state_class
from .attempts import blocking, later_constructions
from .calls import assignment, component_call, registered, registration_comment
from .format import INDENT, LINE_LENGTH, Call, Expr, signature, statement
from .names import Imports, Names, module_alias, variable_for

_RESERVED = {"state", "request", "teardowns", "error", ERROR_VARIABLE, NEXT_EXPRESSION, RESPONSE_VARIABLE}
_PROCESSING = "processing"
_RUNS_LATER_STAGES_THEN_FAILS = frozenset(
    {ComponentKind.WRAPPING_MIDDLEWARE, ComponentKind.POST_PROCESSING_MIDDLEWARE}
)
"""Stages whose own component may fail after the next stage has run (and built its values)."""


@dataclass(frozen=True, slots=True)
class EmitInput:
    """Everything the emitter reads: the reference and output path (for the header) and the analyses."""

    reference: str
    output: str
    components: UserComponentDb
    callables: CallableDb
    graph: CallGraphDb
    routes: RouteDb
    plan: PlanDb


def emit_module(source: EmitInput) -> str:
    """The generated module's full text."""
    return _Emitter(source).module()


class _Emitter:
    def __init__(self, source: EmitInput) -> None:
        self.s = source
        self.imports = Imports(project_root(source.reference))
        self.module_names = Names(_RESERVED | self._potential_aliases())
        for name in ("ApplicationState", "build_application_state", "shutdown", "asgi_app", "ROUTER"):
            self.module_names.reserve(name)
        self.module_names.reserve("asgi_app_with_lifespan")
        for endpoint in source.plan.endpoints:
            self.module_names.reserve(endpoint.name)
            for index in range(len(endpoint.stages)):
                self.module_names.reserve(f"_{endpoint.name}_{index}")
        self.slots: dict[Instance, str] = {}
        for instance in (*source.plan.prebuilt, *source.plan.singletons):
            self.slots[instance] = self.module_names.take(variable_for(instance.key))
        self.teardowns_type = f"{self.imports.use('framework.teardown')}.Teardowns"

    def _potential_aliases(self) -> set[str]:
        modules = {spec.module for spec in self.s.callables.specs.values()}
        for instance in self.s.graph.instances:
            modules |= _modules_of(instance.key)
        for module in list(modules):
            parts = module.split(".")
            modules |= {".".join(parts[: i + 1]) for i in range(len(parts))}
        return {module_alias(module) for module in modules} | {"framework", "typing", "dataclasses"}

    # --- the module -------------------------------------------------------------------------------
    def module(self) -> str:
        response = f"{self.imports.use('framework.responses')}.Response"
        self.response_type = response
        self.request_type = f"{self.imports.use('framework.asgi')}.Request"
        app = Application(
            self.imports,
            self.s.components,
            self.s.callables,
            self.s.graph,
            self.s.plan,
            self.slots,
            self.teardowns_type,
        )
        blocks = [state_class(app), build_state(app), shutdown()]
        blocks += [self._endpoint(endpoint) for endpoint in self.s.plan.endpoints]
        blocks += [router(app), *asgi_functions(app)]
        body = "\n\n\n".join("\n".join(block) for block in blocks) + "\n"
        fingerprint = hashlib.sha256(body.encode()).hexdigest()[:12]
        routes = len(self.s.components.routes)
        header = [
            f"# DO NOT EDIT: generated by codegen {__version__} from `{self.s.reference}`.",
            f"# Blueprint fingerprint {fingerprint} ({routes} route{'s' if routes != 1 else ''}). Regenerate with:",
            f"#     python -m codegen generate {self.s.reference} --output {self.s.output}",
            f'"""The server SDK of `{self.s.reference}`: its dependency graph, resolved ahead of time."""',
            "",
            "from __future__ import annotations",
            "",
            *self.imports.lines(),
        ]
        return "\n".join(header) + "\n\n\n" + body

    # --- endpoints --------------------------------------------------------------------------------
    def _endpoint(self, endpoint: EndpointPlan) -> list[str]:
        names = self.module_names.child()
        names_of: dict[Instance, str] = {}
        for instance in self._instances_in_order(endpoint):
            names_of[instance] = names.take(variable_for(instance.key))
        uses_teardowns = self._uses_teardowns(endpoint)
        where = (
            f" · {registered(endpoint.location, self.imports.project_root)}"
            if endpoint.location is not None
            else ""
        )
        lines = [f"# {endpoint.title}{where}"]
        lines += signature(
            "",
            f"async def {endpoint.name}",
            ["state: ApplicationState", f"request: {self.request_type}"],
            f" -> {self.response_type}:",
        )
        job = _EndpointJob(endpoint, names_of, {}, names, uses_teardowns)
        if uses_teardowns:
            lines.append(f"{INDENT}teardowns = {self.teardowns_type}()")
            lines.append(f"{INDENT}try:")
            lines += statement(INDENT * 2, "return await ", self._stage_call(job, 0))
            lines += [f"{INDENT}finally:", f"{INDENT * 2}await teardowns.close()"]
            stage_functions = range(len(endpoint.stages))
        else:
            lines += self._stage_body(job, 0)
            stage_functions = range(1, len(endpoint.stages))
        for index in stage_functions:
            lines += ["", "", *self._stage_function(job, index)]
        return lines

    def _instances_in_order(self, endpoint: EndpointPlan) -> list[Instance]:
        ordered: list[Instance] = []
        for stage in endpoint.stages:
            ordered += [i for i in stage.builds if i not in ordered]
        return ordered

    def _uses_teardowns(self, endpoint: EndpointPlan) -> bool:
        """Whether anything this endpoint may build (error branches included) is a generator."""
        handlers = self.s.plan.handlers_by_component
        components = [stage.component for stage in endpoint.stages if stage.component is not None]
        components += endpoint.observers
        instances: list[Instance] = []
        seen_components: set[ComponentId] = set()
        seen_instances: set[Instance] = set()
        while components or instances:
            if components:
                component = components.pop()
                if component not in seen_components:
                    seen_components.add(component)
                    instances += self._instance_args(component)
                    components += handlers.get(component, ())
                continue
            instance = instances.pop()
            if (
                instance in seen_instances
                or self.s.graph.instances[instance].lifecycle is Lifecycle.SINGLETON
            ):
                continue
            seen_instances.add(instance)
            if self.s.callables.specs[instance.component].generator is not GeneratorKind.NONE:
                return True
            components += self.s.plan.handlers_by_instance.get(instance, ())
            instances += self._instance_args_of_instance(instance)
        return False

    def _instance_args(self, component: ComponentId) -> list[Instance]:
        return [
            a.source.instance
            for a in self.s.graph.arguments.get(component, ())
            if isinstance(a.source, FromInstance)
        ]

    def _stage_function(self, job: _EndpointJob, index: int) -> list[str]:
        stage = job.endpoint.stages[index]
        params = ["state: ApplicationState", f"request: {self.request_type}"]
        if job.uses_teardowns:
            params.append(f"teardowns: {self.teardowns_type}")
        params += [f"{job.names_of[i]}: {self.imports.type_expression(i.key)}" for i in stage.receives]
        job.scope = {i: job.names_of[i] for i in stage.receives}
        lines = signature("", f"async def _{job.endpoint.name}_{index}", params, f" -> {self.response_type}:")
        return lines + self._stage_body(job, index)

    def _stage_call(self, job: _EndpointJob, index: int) -> Call:
        stage = job.endpoint.stages[index]
        arguments = ["state", "request", *(["teardowns"] if job.uses_teardowns else [])]
        arguments += [job.names_of[i] for i in stage.receives]
        return Call(f"_{job.endpoint.name}_{index}", tuple(arguments))

    def _stage_body(self, job: _EndpointJob, index: int) -> list[str]:
        """The stage as a sequence of `try` blocks, each ending where an observer's input becomes available.

        An `except` branch may only use what existed when its `try` began. Splitting the stage after each
        value an observer takes lets the branches after it observe the error with that very value (the
        request's root span, say) instead of building a second one.
        """
        stage = job.endpoint.stages[index]
        shared = self._shared_handlers(job, stage)
        observed = self._observer_inputs(job.endpoint)
        segments: list[list[Instance | None]] = [[]]
        for instance in stage.builds:
            segments[-1].append(instance)
            if instance in observed:
                segments.append([])
        segments[-1].append(None)  # the stage's own step, which returns the response
        lines: list[str] = []
        for segment in segments:
            lines += self._segment(job, index, segment, shared)
        return lines

    def _segment(
        self, job: _EndpointJob, index: int, units: list[Instance | None], shared: tuple[ComponentId, ...]
    ) -> list[str]:
        inner = INDENT * (3 if shared else 2)
        start = dict(job.scope)
        job.hoisted = frozenset(shared)
        first_construction = len(job.constructed)
        body: list[str] = []
        attempted: set[Instance] = set()
        for unit in units:
            if unit is None:
                body += self._stage_step(inner, job, index)
                if job.endpoint.stages[index].kind in _RUNS_LATER_STAGES_THEN_FAILS:
                    attempted |= later_constructions(self.s.graph, self.s.plan, job.endpoint, index)
            else:
                body += self._build(inner, unit, job, handled=True)
        job.hoisted = frozenset()
        # The branches below can't tell which statement failed: whatever the `try` may have built (or failed
        # to build) is off limits to them, so that no request-scoped value is ever built twice.
        attempted |= {i for i in job.constructed[first_construction:] if self._request_scoped(i)}
        if shared:
            clauses = self._except_clauses(INDENT * 2, shared, job, start, frozenset(attempted))
            body = [f"{INDENT * 2}try:", *body, *clauses]
        observed = self._observers(job, frozenset(attempted), start)
        lines = [f"{INDENT}try:", *body, f"{INDENT}except Exception as error:"]
        tail = INDENT * 2
        errors = self.imports.use("framework.errors")
        default = [f"{tail}return {errors}.internal_server_error()"]
        if not observed:  # nobody else will record this failure: the runtime logs it
            default.insert(0, f"{tail}{errors}.log_unobserved_error(error)")
        return lines + self._failure_tail(
            tail, job, default, scope=dict(start), attempted=frozenset(attempted)
        )

    def _observers(
        self, job: _EndpointJob, attempted: frozenset[Instance], scope: dict[Instance, str]
    ) -> list[ComponentId]:
        """The observers an `except` branch calls: those that need no value the `try` may have failed to
        build (building it again would break "at most once per request", and would likely fail again)."""
        return [o for o in job.endpoint.observers if not self._blocked(o, attempted, scope)]

    def _request_scoped(self, instance: Instance) -> bool:
        return self.s.graph.instances[instance].lifecycle is Lifecycle.REQUEST_SCOPED

    def _blocked(
        self, consumer: ComponentId, attempted: frozenset[Instance], scope: dict[Instance, str]
    ) -> bool:
        return blocking(self.s.graph, consumer, attempted, scope) is not None

    def _observer_inputs(self, endpoint: EndpointPlan) -> set[Instance]:
        return {i for observer in endpoint.observers for i in self._instance_args(observer)}

    def _stage_step(self, indent: str, job: _EndpointJob, index: int) -> list[str]:
        stage = job.endpoint.stages[index]
        if stage.component is None:
            fallbacks = self.imports.use("framework.fallbacks")
            if stage.builtin is Builtin.METHOD_NOT_ALLOWED:
                return [f"{indent}return {fallbacks}.method_not_allowed(request.allowed_methods)"]
            return [f"{indent}return {fallbacks}.not_found()"]
        lines: list[str] = []
        awaited = "await " if self.s.callables.specs[stage.component].is_async else ""
        returned = f"return {awaited}"
        if stage.kind is ComponentKind.WRAPPING_MIDDLEWARE:
            next_call = self._stage_call(job, index + 1)
            lambda_call = Call(f"lambda: {next_call.function}", next_call.arguments)
            middleware = self.imports.use("framework.middleware")
            lines += statement(indent, f"{NEXT_EXPRESSION} = ", Call(f"{middleware}.Next", (lambda_call,)))
            later = later_constructions(self.s.graph, self.s.plan, job.endpoint, index)
            return self._invoke(indent, stage.component, job, lines, returned, later)
        if stage.kind is ComponentKind.PRE_PROCESSING_MIDDLEWARE:
            lines = self._invoke(indent, stage.component, job, lines, f"{_PROCESSING} = {awaited}")
            lines += [
                f"{indent}if {_PROCESSING}.response is not None:",
                f"{indent}{INDENT}return {_PROCESSING}.response",
            ]
            return lines + statement(indent, "return await ", self._stage_call(job, index + 1))
        if stage.kind is ComponentKind.POST_PROCESSING_MIDDLEWARE:
            lines += statement(indent, f"{RESPONSE_VARIABLE} = await ", self._stage_call(job, index + 1))
            later = later_constructions(self.s.graph, self.s.plan, job.endpoint, index)
            return self._invoke(indent, stage.component, job, lines, returned, later)
        return self._invoke(indent, stage.component, job, lines, returned)

    def _invoke(
        self,
        indent: str,
        component: ComponentId,
        job: _EndpointJob,
        lines: list[str],
        head: str,
        attempted: frozenset[Instance] = frozenset(),
    ) -> list[str]:
        """Build the transients `component` takes, then call it (`head` is `return await ` or an assignment).

        `attempted`: what the later stages may have built (or failed to build) by the time it fails.
        """
        call = self._component_call(indent, component, job, lines)
        lines += self._comment(indent, component)
        handlers = self.s.plan.handlers_by_component.get(component, ())
        return lines + self._handled(indent, handlers, attempted, job, lambda at: statement(at, head, call))

    # --- building values ------------------------------------------------------------------------
    def _component_call(
        self, indent: str, component: ComponentId, job: _EndpointJob, lines: list[str]
    ) -> Expr:
        """The call expression of a request-time component; transients it needs are appended to `lines`."""
        arguments = [
            self._argument(indent, argument, job, lines, job.scope)
            for argument in self.s.graph.arguments[component]
        ]
        return self._call(component, arguments)

    def _argument(
        self, indent: str, argument: Argument, job: _EndpointJob, lines: list[str], scope: dict[Instance, str]
    ) -> Expr:
        source = argument.source
        value: Expr
        if isinstance(source, FromPrimitive):
            value = source.expression
        elif isinstance(source, FromHandledError):
            value = "error"
        elif isinstance(source, FromTypeArgument):
            value = self.imports.type_expression(source.key)
        else:
            value = self._instance_value(indent, source.instance, job, lines, scope)
        if argument.keyword_only:
            return f"{argument.name}={value}"
        return value

    def _instance_value(
        self, indent: str, instance: Instance, job: _EndpointJob, lines: list[str], scope: dict[Instance, str]
    ) -> str:
        info = self.s.graph.instances[instance]
        if info.lifecycle is Lifecycle.SINGLETON:
            return f"state.{self.slots[instance]}"
        if instance in scope:
            return scope[instance]
        # A transient (built at every use), or a request-scoped value an error handler needs that the
        # request hasn't built yet: build it here, in this branch only.
        name = job.names.take(variable_for(instance.key))
        on_main_path = scope is job.scope  # error branches build without handlers: the 500 catches them
        lines += self._build_as(indent, instance, name, job, scope, handled=on_main_path)
        if info.lifecycle is Lifecycle.REQUEST_SCOPED:
            scope[instance] = name
        return name

    def _build(self, indent: str, instance: Instance, job: _EndpointJob, *, handled: bool) -> list[str]:
        name = job.names_of[instance]
        lines = self._build_as(indent, instance, name, job, job.scope, handled=handled)
        job.scope[instance] = name
        return lines

    def _build_as(
        self,
        indent: str,
        instance: Instance,
        name: str,
        job: _EndpointJob,
        scope: dict[Instance, str],
        *,
        handled: bool,
    ) -> list[str]:
        lines: list[str] = []
        info = self.s.graph.instances[instance]
        arguments = [self._argument(indent, argument, job, lines, scope) for argument in info.arguments]
        call = self._call(instance.component, arguments)
        lines += self._comment(indent, instance.component)

        def assign(at: str) -> list[str]:
            return assignment(at, name, call, self.s.callables.specs[instance.component])

        job.constructed.append(instance)
        if not handled:
            return lines + assign(indent)
        handlers = self.s.plan.handlers_by_instance.get(instance, ())
        return lines + self._handled(indent, handlers, frozenset({instance}), job, assign)

    def _call(self, component: ComponentId, arguments: list[Expr]) -> Call:
        return component_call(self.imports, self.s.callables.specs[component], arguments)

    # --- errors ---------------------------------------------------------------------------------
    def _handled(
        self,
        indent: str,
        handlers: Sequence[ComponentId],
        attempted: frozenset[Instance],
        job: _EndpointJob,
        body: Callable[[str], list[str]],
    ) -> list[str]:
        """`body(indent)`, inside a `try` with one `except` per error handler that may apply (and that the
        stage doesn't already try around all its statements). `attempted` is what `body` may fail to build:
        a handler needing it can't run, and the error goes on to the next `except`."""
        available = dict(job.scope)
        handlers = [
            h for h in handlers if h not in job.hoisted and not self._blocked(h, attempted, available)
        ]
        if not handlers:
            return body(indent)
        tried = body(indent + INDENT)
        return [f"{indent}try:", *tried, *self._except_clauses(indent, handlers, job, available, attempted)]

    def _except_clauses(
        self,
        indent: str,
        handlers: Sequence[ComponentId],
        job: _EndpointJob,
        available: dict[Instance, str],
        attempted: frozenset[Instance],
    ) -> list[str]:
        """One `except` per handler; each branch starts from `available`, what existed before the `try`."""
        lines: list[str] = []
        for handler in handlers:
            spec = self.s.callables.specs[handler]
            first = spec.params[0].key
            assert first is not None
            lines += _except_line(indent, self.imports.type_expression(first))
            inner = indent + INDENT
            branch: list[str] = []
            scope = dict(available)
            handler_call = self._call(
                handler,
                [self._argument(inner, a, job, branch, scope) for a in self.s.graph.arguments[handler]],
            )
            prefix = "await " if spec.is_async else ""
            if job.endpoint.observers:
                branch += statement(inner, f"{RESPONSE_VARIABLE} = {prefix}", handler_call)
                tail = [f"{inner}return {RESPONSE_VARIABLE}"]
            else:
                tail = statement(inner, f"return {prefix}", handler_call)
            lines += self._failure_tail(inner, job, tail, branch, scope, attempted)
        return lines

    def _shared_handlers(self, job: _EndpointJob, stage: Stage) -> tuple[ComponentId, ...]:
        """The universal handlers every statement of `stage` shares, when one `try` around the stage can
        stand for them all: their inputs must exist before the stage starts (a branch can't tell which
        statement failed, so it couldn't know what else was built)."""
        sites = self._call_sites(stage)
        if len(sites) < 2:
            return ()
        universal = [
            tuple(h for h in handlers if h != self.s.components.components[site].error_handler)
            for site, handlers in sites
        ]
        shared = universal[0]
        if not shared or any(u != shared for u in universal):
            return ()
        available = set(job.scope)
        for handler in shared:
            pending = self._instance_args(handler)
            while pending:
                instance = pending.pop()
                lifecycle = self.s.graph.instances[instance].lifecycle
                if lifecycle is Lifecycle.REQUEST_SCOPED and instance not in available:
                    return ()
                if lifecycle is Lifecycle.TRANSIENT:
                    pending += self._instance_args_of_instance(instance)
        return shared

    def _call_sites(self, stage: Stage) -> list[tuple[ComponentId, tuple[ComponentId, ...]]]:
        """Every component a stage calls on its main path (what it builds, transients, its component), with
        the error handlers that apply there."""
        plan = self.s.plan
        sites: list[tuple[ComponentId, tuple[ComponentId, ...]]] = []
        pending = [*stage.builds]
        if stage.component is not None:
            sites.append((stage.component, plan.handlers_by_component.get(stage.component, ())))
            pending += self._instance_args(stage.component)
        seen: set[Instance] = set()
        while pending:
            instance = pending.pop()
            if instance in seen:
                continue
            seen.add(instance)
            lifecycle = self.s.graph.instances[instance].lifecycle
            if instance in stage.builds or lifecycle is Lifecycle.TRANSIENT:
                sites.append((instance.component, plan.handlers_by_instance.get(instance, ())))
                pending += self._instance_args_of_instance(instance)
        return sites

    def _instance_args_of_instance(self, instance: Instance) -> list[Instance]:
        info = self.s.graph.instances[instance]
        return [a.source.instance for a in info.arguments if isinstance(a.source, FromInstance)]

    def _failure_tail(
        self,
        indent: str,
        job: _EndpointJob,
        tail: list[str],
        before: list[str] | None = None,
        scope: dict[Instance, str] | None = None,
        attempted: frozenset[Instance] = frozenset(),
    ) -> list[str]:
        """An `except` branch: mark the teardowns failed, run `before` (the handler), the observers, `tail`.

        `scope` is the branch's own view of the request's values: what the handler's inputs built here is
        reused by the observers, and nothing built here leaks into the code after the `try`. Observers that
        need a value the `try` may have failed to build (`attempted`) are skipped for this error.
        """
        lines = [f"{indent}teardowns.failed(error)"] if job.uses_teardowns else []
        lines += before or []
        scope = dict(job.scope) if scope is None else scope
        observers = self._observers(job, attempted, scope)
        for observer in job.endpoint.observers:
            missing = blocking(self.s.graph, observer, attempted, scope)
            if missing is not None:
                qualname = self.s.callables.specs[observer].qualname
                lines.append(
                    f"{indent}# {qualname} is not called: it takes a {missing.key.display()},"
                    " and this request may already have tried to build one."
                )
        if observers:
            errors = self.imports.use("framework.errors")
            lines.append(f"{indent}{ERROR_VARIABLE} = {errors}.Error(error)")
            for observer in observers:
                spec = self.s.callables.specs[observer]
                call = self._call(
                    observer,
                    [self._argument(indent, a, job, lines, scope) for a in self.s.graph.arguments[observer]],
                )
                lines += statement(indent, "await " if spec.is_async else "", call)
        return lines + tail

    def _comment(self, indent: str, component: ComponentId) -> list[str]:
        user = self.s.components.components[component]
        return registration_comment(
            indent, user, self.s.callables.specs[component], self.imports.project_root
        )


@dataclass(slots=True)
class _EndpointJob:
    endpoint: EndpointPlan
    names_of: dict[Instance, str]
    """The variable of every request-scoped value the endpoint builds (the same in every stage)."""
    scope: dict[Instance, str]
    """The values available at the statement being emitted: received, or built earlier in the stage."""
    names: Names
    uses_teardowns: bool
    hoisted: frozenset[ComponentId] = frozenset()
    """Error handlers the current stage tries around all its statements at once."""
    constructed: list[Instance] = field(default_factory=list)
    """Every construction emitted so far, in order, error branches included (a `try` reads its slice)."""


def _except_line(indent: str, exception: str) -> list[str]:
    """`except X as error:`, parenthesised over three lines when too long (as `ruff format` does)."""
    line = f"{indent}except {exception} as error:"
    if len(line) <= LINE_LENGTH:
        return [line]
    return [f"{indent}except (", f"{indent}{INDENT}{exception}", f"{indent}) as error:"]


def _modules_of(key: TypeKey) -> set[str]:
    modules: set[str] = set()
    module = getattr(key.origin, "__module__", None)
    if isinstance(module, str):
        modules.add(module)
    for arg in key.args:
        modules |= _modules_of(arg)
    return modules
