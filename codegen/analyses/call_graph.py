"""Pass 5 — resolve every input of every component: `CallGraphDb`.

What this pass guarantees: every argument of every usable request-time component (handler, fallback,
middleware, error handler, observer) and of every constructor they transitively need is bound to a source:
a framework primitive, a constructed instance, or a type argument of a generic constructor. Problems are
reported — a missing constructor (E201, with a "did you mean"), a cycle (E203, printed as a chain), a
singleton needing a request-time value (E204) — and the affected components join `broken`.

Strategy: an *instance* is a constructor together with the concrete type it builds (a generic constructor
building `Form[A]` and `Form[B]` gives two instances). Instances are resolved once, depth first, in the scope
of their constructor's blueprint, so their graphs are context-free and shared by every route; request-time
components resolve in their own blueprint's scope, where nested constructors override their parents'.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeAlias, TypeVar

from blueprint import Lifecycle

from ..diagnostics import ComponentKind, Diagnostic, DiagnosticSink, Severity
from ..diagnostics.source import display_path, parameter_label
from ..errors import CompilerBug
from ..model import CallableSpec, ComponentId, Param, ScopeId, TypeKey
from ..model.primitives import FrameworkTypes
from ..model.types import substitute
from ._describe import article, describe, present, registration_label
from .constructibles import Candidate, ConstructibleDb
from .reflect import CallableDb
from .shapes import ShapeDb
from .user_components import UserComponent, UserComponentDb


@dataclass(frozen=True, slots=True)
class Instance:
    """A constructor building one concrete type (prebuilt types are instances too, with no arguments)."""

    component: ComponentId
    key: TypeKey


@dataclass(frozen=True, slots=True)
class FromPrimitive:
    expression: str


@dataclass(frozen=True, slots=True)
class FromInstance:
    instance: Instance


@dataclass(frozen=True, slots=True)
class FromTypeArgument:
    """`target: type[T]` of a generic constructor: the concrete `T` is passed as a value."""

    key: TypeKey


@dataclass(frozen=True, slots=True)
class FromHandledError:
    """The first argument of an error handler: the exception being handled."""


Source: TypeAlias = FromPrimitive | FromInstance | FromTypeArgument | FromHandledError


@dataclass(frozen=True, slots=True)
class Argument:
    name: str
    keyword_only: bool
    source: Source


@dataclass(frozen=True, slots=True)
class InstanceInfo:
    lifecycle: Lifecycle
    """SINGLETON for prebuilt types."""
    arguments: tuple[Argument, ...]
    is_prebuilt: bool


@dataclass(frozen=True, slots=True)
class CallGraphDb:
    instances: dict[Instance, InstanceInfo]
    """Every instance reachable from a usable request-time component. Invariant: acyclic."""
    arguments: dict[ComponentId, tuple[Argument, ...]]
    """The arguments of every usable request-time component."""
    broken: frozenset[ComponentId]
    used: frozenset[ComponentId]
    """Constructors and prebuilt types reached from some request-time component."""

    def check_invariants(self) -> None:
        """Raise `CompilerBug` unless every referenced instance is resolved and the instance graph is acyclic."""
        state: dict[Instance, bool] = {}  # False while visiting, True when done

        def visit(instance: Instance) -> None:
            if instance not in self.instances:
                msg = f"{instance} is referenced but was never resolved"
                raise CompilerBug(msg)
            if state.get(instance) is False:
                msg = f"{instance} is part of a cycle that E203 should have reported"
                raise CompilerBug(msg)
            if instance in state:
                return
            state[instance] = False
            for argument in self.instances[instance].arguments:
                if isinstance(argument.source, FromInstance):
                    visit(argument.source.instance)
            state[instance] = True

        for arguments in self.arguments.values():
            for argument in arguments:
                if isinstance(argument.source, FromInstance):
                    visit(argument.source.instance)


_REQUEST_TIME = frozenset(
    {
        ComponentKind.REQUEST_HANDLER,
        ComponentKind.FALLBACK,
        ComponentKind.WRAPPING_MIDDLEWARE,
        ComponentKind.PRE_PROCESSING_MIDDLEWARE,
        ComponentKind.POST_PROCESSING_MIDDLEWARE,
        ComponentKind.ERROR_HANDLER,
        ComponentKind.ERROR_OBSERVER,
    }
)


def build_call_graph_db(
    components: UserComponentDb,
    callables: CallableDb,
    shapes: ShapeDb,
    constructibles: ConstructibleDb,
    framework: FrameworkTypes,
    sink: DiagnosticSink,
) -> CallGraphDb:
    resolver = _Resolver(components, callables, shapes, constructibles, framework, sink)
    arguments: dict[ComponentId, tuple[Argument, ...]] = {}
    for component in components.components.values():
        if component.kind in _REQUEST_TIME and component.id not in shapes.broken:
            resolved = resolver.component_arguments(component)
            if resolved is not None:
                arguments[component.id] = resolved
    used = {instance.component for instance in resolver.instances}
    _resolve_unused_constructors(constructibles, resolver)
    broken = (
        set(shapes.broken)
        | resolver.broken
        | (
            {c for c in components.components if components.components[c].kind in _REQUEST_TIME}
            - set(arguments)
        )
    )
    return CallGraphDb(resolver.instances, arguments, frozenset(broken), frozenset(used))


def _resolve_unused_constructors(constructibles: ConstructibleDb, resolver: _Resolver) -> None:
    """Check constructors no route reaches too, so their mistakes (E201, E204) are reported all the same."""
    resolved = {instance.component for instance in resolver.instances}
    for component_id, output in constructibles.outputs.items():
        if component_id not in resolved and not output.typevars():
            resolver.instance(Candidate(component_id), output)


class _Resolver:
    def __init__(
        self,
        components: UserComponentDb,
        callables: CallableDb,
        shapes: ShapeDb,
        constructibles: ConstructibleDb,
        framework: FrameworkTypes,
        sink: DiagnosticSink,
    ) -> None:
        self.components = components
        self.callables = callables
        self.shapes = shapes
        self.constructibles = constructibles
        self.framework = framework
        self.sink = sink
        self.instances: dict[Instance, InstanceInfo] = {}
        self.failed: set[Instance] = set()
        self.stack: list[Instance] = []
        self.broken: set[ComponentId] = set()

    # --- request-time components ------------------------------------------------------------------
    def component_arguments(self, component: UserComponent) -> tuple[Argument, ...] | None:
        spec = self.callables.specs[component.id]
        arguments: list[Argument] = []
        ok = True
        for index, param in enumerate(spec.params):
            if component.kind is ComponentKind.ERROR_HANDLER and index == 0:
                arguments.append(Argument(param.name, param.keyword_only, FromHandledError()))
                continue
            source = self._param_source(component, spec, param, {})
            if source is None:
                ok = False
                continue
            arguments.append(Argument(param.name, param.keyword_only, source))
        return tuple(arguments) if ok else None

    def _param_source(
        self, consumer: UserComponent, spec: CallableSpec, param: Param, bindings: Mapping[TypeVar, TypeKey]
    ) -> Source | None:
        assert param.key is not None, "reflect marks components with unannotated parameters broken"
        key = substitute(param.key, bindings) if bindings else param.key
        if key.origin is type and key.args and param.key.typevars():
            return FromTypeArgument(key.args[0])
        primitive = self.framework.primitive(key)
        if primitive is not None and primitive.only_in in (None, consumer.kind):
            if consumer.kind is ComponentKind.CONSTRUCTOR and consumer.lifecycle is Lifecycle.SINGLETON:
                self._lifecycle_violation(
                    consumer, spec, param, key, "exists only while a request is handled"
                )
                return None
            return FromPrimitive(primitive.expression)
        candidates = self.constructibles.lookup(key, self.components.ancestry(consumer.scope))
        if not candidates:
            if not self.constructibles.may_come_from_a_broken_constructor(
                key, self.components.ancestry(consumer.scope)
            ):
                self._missing(consumer, spec, param, key)
            return None
        if len(candidates) > 1:
            self._ambiguous_generic(consumer, spec, param, key, candidates)
            return None
        instance = self.instance(candidates[0], key)
        if instance is None:
            return None
        if consumer.kind is ComponentKind.CONSTRUCTOR and consumer.lifecycle is Lifecycle.SINGLETON:
            lifecycle = self.instances[instance].lifecycle
            if lifecycle is not Lifecycle.SINGLETON:
                self._lifecycle_violation(
                    consumer, spec, param, key, f"is {lifecycle}", self._request_time_chain(instance)
                )
                return None
        return FromInstance(instance)

    # --- instances --------------------------------------------------------------------------------
    def instance(self, candidate: Candidate, key: TypeKey) -> Instance | None:
        instance = Instance(candidate.component, key)
        if instance in self.instances:
            return instance
        if instance in self.failed:
            return None
        if instance in self.stack:
            self._cycle([*self.stack[self.stack.index(instance) :], instance])
            self.failed.update(self.stack[self.stack.index(instance) :])
            return None
        component = self.components.components[candidate.component]
        if component.kind is ComponentKind.PREBUILT:
            self.instances[instance] = InstanceInfo(Lifecycle.SINGLETON, (), is_prebuilt=True)
            return instance
        spec = self.callables.specs[component.id]
        bindings = dict(candidate.bindings)
        self.stack.append(instance)
        arguments: list[Argument] = []
        ok = True
        for param in spec.params:
            source = self._param_source(component, spec, param, bindings)
            if source is None:
                ok = False
                continue
            arguments.append(Argument(param.name, param.keyword_only, source))
        self.stack.pop()
        if not ok or instance in self.failed:
            self.failed.add(instance)
            self.broken.add(component.id)
            return None
        assert component.lifecycle is not None
        self.instances[instance] = InstanceInfo(component.lifecycle, tuple(arguments), is_prebuilt=False)
        return instance

    # --- diagnostics ------------------------------------------------------------------------------
    def _missing(self, consumer: UserComponent, spec: CallableSpec, param: Param, key: TypeKey) -> None:
        name = key.display()
        helps = [
            f"register a constructor for `{name}`, e.g. `bp.request_scoped(build_{_snake(name)})` "
            "(or `bp.singleton(...)`, `bp.transient(...)`)",
            f"or, if its value is built outside the app and passed to `build_application_state`, "
            f"declare it: `bp.prebuilt({name})`",
        ]
        primitive = self.framework.primitive(key)
        hidden_in = self._invisible_constructor_scope(key)
        if primitive is not None and primitive.only_in is not None:
            helps = [f"`{name}` is provided by the framework only to {primitive.only_in}s"]
        elif hidden_in is not None:
            nested_at = self.components.scopes[hidden_in].nested_at
            where = f" nested at {display_path(nested_at.file)}:{nested_at.line}" if nested_at else ""
            helps = [
                f"`{name}` has a constructor in the blueprint{where}, but a nested blueprint's constructors "
                "are private to it",
                f"register the constructor for `{name}` in this blueprint or in one of its parents",
            ]
        else:
            helps = _kit_help(key) or helps
            import difflib  # only a failing compilation needs it

            known = [k.display() for k in self.constructibles.known_keys() if k != key]
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            if close:
                helps.insert(0, f"did you mean `{close[0]}`? It has a constructor")
        self.sink.push(
            Diagnostic(
                "E201",
                Severity.ERROR,
                f"I can't find a constructor for `{name}`.\n"
                f"I need it to invoke {describe(consumer, spec)}, for its parameter `{param.name}`.",
                present(
                    registration_label(consumer),
                    parameter_label(spec.target, param.name, f"I need {article(name)} `{name}` here"),
                ),
                tuple(helps),
            )
        )

    def _invisible_constructor_scope(self, key: TypeKey) -> ScopeId | None:
        """A blueprint with a constructor for `key` that the consumer can't see, if there is one."""
        for scope, by_key in self.constructibles.exact.items():
            if key in by_key:
                return scope
        return None

    def _ambiguous_generic(
        self,
        consumer: UserComponent,
        spec: CallableSpec,
        param: Param,
        key: TypeKey,
        candidates: list[Candidate],
    ) -> None:
        constructors = [self.components.components[c.component] for c in candidates]
        self.sink.push(
            Diagnostic(
                "E202",
                Severity.ERROR,
                f"I have {len(candidates)} constructors for `{key}` in the same blueprint: "
                + ", ".join(f"`{self.callables.specs[c.id].path}`" for c in constructors)
                + f".\nI need one to invoke {describe(consumer, spec)}, and I can't tell which one you want.",
                present(
                    *(registration_label(c) for c in constructors),
                    parameter_label(spec.target, param.name, f"`{key}` is needed here"),
                ),
                ("remove all but one of these registrations",),
            )
        )

    def _lifecycle_violation(
        self,
        consumer: UserComponent,
        spec: CallableSpec,
        param: Param,
        key: TypeKey,
        what: str,
        chain: _Chain | None = None,
    ) -> None:
        """E204. `chain` is set when the dependency is transient and itself needs a request-time value:
        the message then follows it down to that value, as E203 prints a cycle."""
        self.broken.add(consumer.id)
        message = f"The singleton built by `{spec.path}` depends on `{key}`, which {what}.\n"
        helps = [f"make it request-scoped: `bp.request_scoped({spec.qualname})`"]
        labels = [
            registration_label(consumer),
            parameter_label(spec.target, param.name, f"`{key}` {what}"),
        ]
        if chain is not None and (len(chain.steps) > 1 or chain.primitive is not None):
            message = (
                f"The singleton built by `{spec.path}` depends on `{key}`, which {what} and needs a "
                "value that exists only while a request is handled:\n"
                + self._chain_text(spec, key, chain)
                + "\n"
            )
            labels += [registration_label(self.components.components[i.component]) for i in chain.steps]
            if chain.primitive is None:
                names = ", ".join(f"`{self.callables.specs[i.component].qualname}`" for i in chain.steps)
                helps.append(
                    f"or, if one value can serve every request, make the constructors along the chain "
                    f"singletons: {names}"
                )
        elif self.framework.primitive(key) is None:
            helps.append(f"or make what builds `{key}` a singleton, if one value can serve every request")
        self.sink.push(
            Diagnostic(
                "E204",
                Severity.ERROR,
                message + "A singleton is built once, before any request, so it may only depend on "
                "singletons and prebuilt types.",
                present(*labels),
                tuple(helps),
            )
        )

    def _request_time_chain(self, instance: Instance) -> _Chain | None:
        """A path from the transient `instance`, through transients, to a request-scoped value or a
        request primitive (the first one in argument order), if there is one."""
        info = self.instances[instance]
        if info.lifecycle is Lifecycle.REQUEST_SCOPED:
            return _Chain((instance,), None)
        if info.lifecycle is not Lifecycle.TRANSIENT:
            return None
        params = {p.name: p.key for p in self.callables.specs[instance.component].params}
        for argument in info.arguments:
            source = argument.source
            if isinstance(source, FromPrimitive):
                primitive = params.get(argument.name)
                if primitive is not None:
                    return _Chain((instance,), primitive)
            elif isinstance(source, FromInstance) and source.instance in self.instances:
                rest = self._request_time_chain(source.instance)
                if rest is not None:
                    return _Chain((instance, *rest.steps), rest.primitive)
        return None

    def _chain_text(self, spec: CallableSpec, key: TypeKey, chain: _Chain) -> str:
        lines = [f"  `{spec.path}` builds `{spec.output}` (singleton), which needs `{key}`"]
        for index, step in enumerate(chain.steps):
            info = self.instances[step]
            line = f"  `{self.callables.specs[step.component].path}` builds `{step.key}` ({info.lifecycle})"
            if index + 1 < len(chain.steps):
                line += f", which needs `{chain.steps[index + 1].key}`"
            elif chain.primitive is not None:
                line += f", which needs `{chain.primitive}`, a value of the request being handled"
            lines.append(line)
        return "\n".join(lines)

    def _cycle(self, chain: list[Instance]) -> None:
        if len(chain) == 2:  # [x, x]: a constructor that takes what it builds
            self._self_cycle(chain[0])
            return
        steps = [
            f"`{self.callables.specs[step.component].path}` builds `{step.key}`, which needs "
            for step in chain[:-1]
        ]
        text = "\n".join(f"  {step}" + f"`{chain[i + 1].key}`" for i, step in enumerate(steps))
        self.sink.push(
            Diagnostic(
                "E203",
                Severity.ERROR,
                "There is a dependency cycle between these constructors:\n"
                + text
                + "\nEach of them needs the next before it can run, so none of them can be built.",
                tuple(registration_label(self.components.components[step.component]) for step in chain[:-1]),
                (
                    "break the cycle: make one of these constructors take something else, e.g. a value both need",
                ),
            )
        )
        self.broken.update(step.component for step in chain)

    def _self_cycle(self, instance: Instance) -> None:
        component = self.components.components[instance.component]
        spec = self.callables.specs[instance.component]
        taken = next((p.name for p in spec.params if p.key == instance.key), None)
        self.sink.push(
            Diagnostic(
                "E203",
                Severity.ERROR,
                f"There is a dependency cycle: {describe(component, spec)} builds `{instance.key}` "
                f"and needs a `{instance.key}` to do so.\nA constructor can't take the type it builds.",
                present(
                    registration_label(component),
                    parameter_label(spec.target, taken, f"`{instance.key}` again") if taken else None,
                ),
                (
                    "if it refines a value built elsewhere, give the two a different type "
                    "(e.g. a `typing.NewType` or a small wrapper class)",
                ),
            )
        )
        self.broken.add(instance.component)


@dataclass(frozen=True, slots=True)
class _Chain:
    """Transients leading to a request-scoped value (the last step), or to a request `primitive`."""

    steps: tuple[Instance, ...]
    primitive: TypeKey | None


def _kit_help(key: TypeKey) -> list[str]:
    module = str(getattr(key.origin, "__module__", ""))
    if module.startswith("framework."):
        return [f"`{key}` is one of the framework's extractors: register them with `ApiKit().register(bp)`"]
    return []


def _snake(name: str) -> str:
    base = name.split("[")[0].split(".")[-1]
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in base).lstrip("_")
