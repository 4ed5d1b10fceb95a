"""Pass 1 — flatten the blueprint tree into `UserComponentDb`.

What this pass guarantees: every registration of every nested blueprint has a `ComponentId` (numbered in
registration order, depth first), knows its scope, and every route, fallback and blueprint knows its
middleware chain, outermost first.

Strategy: one walk over the tree. A blueprint's middlewares apply to the routes registered after them and to
the blueprints nested after them, so the walk carries the chain "inherited from the parents" plus "this
blueprint's middlewares so far". Fallbacks and 405 answers use the blueprint's *whole* chain, whatever the
order of registration, computed once the walk of that blueprint is over.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from blueprint import Blueprint, Lifecycle, Location, MethodGuard, schema as bp_schema

from ..diagnostics import ComponentKind, DiagnosticSink
from ..errors import CompilerBug
from ..model import ComponentId, ScopeId


@dataclass(frozen=True, slots=True)
class Scope:
    """One blueprint of the tree. `prefix` is cumulative (`/admin/users`); the root's is ""."""

    id: ScopeId
    parent: ScopeId | None
    prefix: str
    own_prefix: str | None
    nested_at: Location | None


@dataclass(frozen=True, slots=True)
class UserComponent:
    """A registered callable (or, for PREBUILT, a type). `owner` is set for component-level error handlers."""

    id: ComponentId
    kind: ComponentKind
    scope: ScopeId
    location: Location
    target: Any
    lifecycle: Lifecycle | None = None
    allow_unused: bool = False
    method_guard: MethodGuard | None = None
    path: str | None = None
    """The full path template of a route: the scope's prefix plus the registered template."""
    own_path: str | None = None
    owner: ComponentId | None = None
    error_handler: ComponentId | None = None


@dataclass(frozen=True, slots=True)
class UserComponentDb:
    scopes: dict[ScopeId, Scope]
    """Invariant: the root is ScopeId(0); every parent id is smaller than its children's."""
    components: dict[ComponentId, UserComponent]
    routes: tuple[ComponentId, ...]
    """Request handlers, in registration order."""
    chain_by_route: dict[ComponentId, tuple[ComponentId, ...]]
    """Middlewares applying to each route and each fallback, outermost first. Every route has an entry."""
    chain_by_scope: dict[ScopeId, tuple[ComponentId, ...]]
    """The whole chain of each scope: what its fallback, 404 and 405 answers go through."""
    error_handlers_by_scope: dict[ScopeId, tuple[ComponentId, ...]] = field(default_factory=dict)
    observers_by_scope: dict[ScopeId, tuple[ComponentId, ...]] = field(default_factory=dict)
    fallbacks_by_scope: dict[ScopeId, tuple[ComponentId, ...]] = field(default_factory=dict)

    def check_invariants(self) -> None:
        """Raise `CompilerBug` if a documented invariant of this database doesn't hold."""
        for scope in self.scopes.values():
            if scope.parent is not None and scope.parent >= scope.id:
                msg = f"scope {scope.id} has parent {scope.parent}, not an earlier scope"
                raise CompilerBug(msg)
        if sorted(self.components) != list(range(len(self.components))):
            msg = "component ids are not dense"
            raise CompilerBug(msg)
        for route in self.routes:
            if route not in self.chain_by_route:
                msg = f"route {route} has no middleware chain"
                raise CompilerBug(msg)
        for component in self.components.values():
            handler = component.error_handler
            if handler is not None and self.components[handler].owner != component.id:
                msg = f"component {component.id} and its error handler {handler} disagree"
                raise CompilerBug(msg)

    def ancestry(self, scope: ScopeId) -> tuple[ScopeId, ...]:
        """`scope` and its parents, innermost first."""
        chain: list[ScopeId] = []
        current: ScopeId | None = scope
        while current is not None:
            chain.append(current)
            current = self.scopes[current].parent
        return tuple(chain)

    def is_ancestor(self, maybe_parent: ScopeId, scope: ScopeId) -> bool:
        return maybe_parent in self.ancestry(scope)


_MIDDLEWARE_KINDS = {
    bp_schema.WrappingMiddleware: ComponentKind.WRAPPING_MIDDLEWARE,
    bp_schema.PreProcessingMiddleware: ComponentKind.PRE_PROCESSING_MIDDLEWARE,
    bp_schema.PostProcessingMiddleware: ComponentKind.POST_PROCESSING_MIDDLEWARE,
}


def build_user_component_db(root: Blueprint, sink: DiagnosticSink) -> UserComponentDb:
    """Flatten `root` and everything nested in it (diagnostics: none; the tree is already well-formed)."""
    walker = _Walker()
    walker.walk(root, parent=None, prefix="", own_prefix=None, nested_at=None, inherited=())
    return UserComponentDb(
        scopes=walker.scopes,
        components=walker.components,
        routes=tuple(walker.routes),
        chain_by_route=walker.chain_by_route,
        chain_by_scope=walker.chain_by_scope,
        error_handlers_by_scope={k: tuple(v) for k, v in walker.error_handlers.items()},
        observers_by_scope={k: tuple(v) for k, v in walker.observers.items()},
        fallbacks_by_scope={k: tuple(v) for k, v in walker.fallbacks.items()},
    )


class _Walker:
    def __init__(self) -> None:
        self.scopes: dict[ScopeId, Scope] = {}
        self.components: dict[ComponentId, UserComponent] = {}
        self.routes: list[ComponentId] = []
        self.chain_by_route: dict[ComponentId, tuple[ComponentId, ...]] = {}
        self.chain_by_scope: dict[ScopeId, tuple[ComponentId, ...]] = {}
        self.error_handlers: dict[ScopeId, list[ComponentId]] = {}
        self.observers: dict[ScopeId, list[ComponentId]] = {}
        self.fallbacks: dict[ScopeId, list[ComponentId]] = {}

    def _add(self, component: UserComponent) -> ComponentId:
        self.components[component.id] = component
        return component.id

    def _next_id(self) -> ComponentId:
        return ComponentId(len(self.components))

    def _with_handler(
        self, component: UserComponent, handler: bp_schema.ComponentErrorHandler | None
    ) -> None:
        if handler is None:
            self._add(component)
            return
        owner_id = self._add(component)
        handler_id = self._add(
            UserComponent(
                self._next_id(),
                ComponentKind.ERROR_HANDLER,
                component.scope,
                handler.location,
                handler.callable,
                owner=owner_id,
            )
        )
        self.components[owner_id] = _replace_handler(component, handler_id)

    def walk(
        self,
        blueprint: Blueprint,
        *,
        parent: ScopeId | None,
        prefix: str,
        own_prefix: str | None,
        nested_at: Location | None,
        inherited: tuple[ComponentId, ...],
    ) -> None:
        scope = ScopeId(len(self.scopes))
        self.scopes[scope] = Scope(scope, parent, prefix, own_prefix, nested_at)
        local: list[ComponentId] = []
        for registration in blueprint.components:
            self._visit(registration, scope, prefix, inherited, local)
        self.chain_by_scope[scope] = (*inherited, *local)

    def _visit(
        self,
        registration: bp_schema.Component,
        scope: ScopeId,
        prefix: str,
        inherited: tuple[ComponentId, ...],
        local: list[ComponentId],
    ) -> None:
        new_id = self._next_id()
        match registration:
            case bp_schema.Constructor():
                component = UserComponent(
                    new_id,
                    ComponentKind.CONSTRUCTOR,
                    scope,
                    registration.location,
                    registration.callable,
                    lifecycle=registration.lifecycle,
                    allow_unused=registration.allow_unused,
                )
                self._with_handler(component, registration.error_handler)
            case bp_schema.PrebuiltType():
                self._add(
                    UserComponent(
                        new_id,
                        ComponentKind.PREBUILT,
                        scope,
                        registration.location,
                        registration.type,
                        allow_unused=registration.allow_unused,
                    )
                )
            case bp_schema.Route():
                component = UserComponent(
                    new_id,
                    ComponentKind.REQUEST_HANDLER,
                    scope,
                    registration.location,
                    registration.handler,
                    method_guard=registration.method_guard,
                    path=prefix + registration.path,
                    own_path=registration.path,
                )
                self._with_handler(component, registration.error_handler)
                self.routes.append(new_id)
                self.chain_by_route[new_id] = (*inherited, *local)
            case bp_schema.Fallback():
                component = UserComponent(
                    new_id, ComponentKind.FALLBACK, scope, registration.location, registration.callable
                )
                self._with_handler(component, registration.error_handler)
                self.fallbacks.setdefault(scope, []).append(new_id)
            case (
                bp_schema.WrappingMiddleware()
                | bp_schema.PreProcessingMiddleware()
                | bp_schema.PostProcessingMiddleware()
            ):
                kind = _MIDDLEWARE_KINDS[type(registration)]
                component = UserComponent(new_id, kind, scope, registration.location, registration.callable)
                self._with_handler(component, registration.error_handler)
                local.append(new_id)
            case bp_schema.ErrorHandler():
                self._add(
                    UserComponent(
                        new_id,
                        ComponentKind.ERROR_HANDLER,
                        scope,
                        registration.location,
                        registration.callable,
                    )
                )
                self.error_handlers.setdefault(scope, []).append(new_id)
            case bp_schema.ErrorObserver():
                self._add(
                    UserComponent(
                        new_id,
                        ComponentKind.ERROR_OBSERVER,
                        scope,
                        registration.location,
                        registration.callable,
                    )
                )
                self.observers.setdefault(scope, []).append(new_id)
            case bp_schema.NestedBlueprint():
                own = registration.prefix
                self.walk(
                    registration.blueprint,
                    parent=scope,
                    prefix=prefix + (own or ""),
                    own_prefix=own,
                    nested_at=registration.location,
                    inherited=(*inherited, *local),
                )


def _replace_handler(component: UserComponent, handler: ComponentId) -> UserComponent:
    return replace(component, error_handler=handler)
