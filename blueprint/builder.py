"""The `Blueprint` builder: each method records a component and where it was registered, nothing more."""

from __future__ import annotations

import dataclasses
from typing import Any, Generic, TypeVar

from .errors import BlueprintError
from .lifecycle import Lifecycle
from .location import Location, caller_location
from .methods import MethodGuard
from .schema import (
    AnyCallable,
    Component,
    ComponentErrorHandler,
    Constructor,
    ErrorHandler,
    ErrorObserver,
    Fallback,
    NestedBlueprint,
    PostProcessingMiddleware,
    PrebuiltType,
    PreProcessingMiddleware,
    Route,
    WrappingMiddleware,
)

C = TypeVar("C", bound=Component)


def _require_callable(value: object, what: str) -> None:
    if not callable(value):
        msg = f"{what} must be a function or a method, but got {value!r} ({type(value).__name__})."
        raise BlueprintError(msg)


class Registered(Generic[C]):
    """A handle on a component just registered, for chained options such as `.error_handler(fn)`."""

    __slots__ = ("_blueprint", "_index")

    def __init__(self, blueprint: Blueprint, index: int) -> None:
        self._blueprint = blueprint
        self._index = index

    @property
    def component(self) -> C:
        component: C = self._blueprint.components[self._index]  # type: ignore[assignment]
        return component

    def _replace(self, **changes: Any) -> None:
        self._blueprint.components[self._index] = dataclasses.replace(self.component, **changes)


class RegisteredWithErrorHandler(Registered[C]):
    def error_handler(self, handler: AnyCallable) -> RegisteredWithErrorHandler[C]:
        """Handle the errors this component raises with `handler` (first parameter: the exception type)."""
        _require_callable(handler, "An error handler")
        self._replace(error_handler=ComponentErrorHandler(handler, caller_location()))
        return self


class RegisteredConstructor(RegisteredWithErrorHandler[Constructor]):
    def allow_unused(self) -> RegisteredConstructor:
        """Silence the compiler's warning when no route ends up using this constructor."""
        self._replace(allow_unused=True)
        return self


class RegisteredPrebuilt(Registered[PrebuiltType]):
    def allow_unused(self) -> RegisteredPrebuilt:
        """Silence the compiler's warning when no component takes this prebuilt type."""
        self._replace(allow_unused=True)
        return self


class Blueprint:
    """A plain-data description of an application, read ahead of time by `python -m codegen`.

    Example:
        bp = Blueprint()
        bp.singleton(app.db.connection_pool)
        bp.route(GET, "/health_check", app.routes.health_check)

    Registration never validates: the compiler checks everything and reports all problems together.
    """

    __slots__ = ("components",)

    def __init__(self) -> None:
        self.components: list[Component] = []

    def _push(self, component: Component) -> int:
        self.components.append(component)
        return len(self.components) - 1

    # --- constructors -------------------------------------------------------------------------------
    def constructor(self, constructor: AnyCallable, lifecycle: Lifecycle) -> RegisteredConstructor:
        """Register how to build the type `constructor` returns, with the given lifecycle."""
        return self._constructor(constructor, lifecycle, caller_location())

    def singleton(self, constructor: AnyCallable) -> RegisteredConstructor:
        """Built once, by `build_application_state`; may depend only on singletons and prebuilt types."""
        return self._constructor(constructor, Lifecycle.SINGLETON, caller_location())

    def request_scoped(self, constructor: AnyCallable) -> RegisteredConstructor:
        """Built at most once per request and shared by everything that request runs."""
        return self._constructor(constructor, Lifecycle.REQUEST_SCOPED, caller_location())

    def transient(self, constructor: AnyCallable) -> RegisteredConstructor:
        """Built anew at every use."""
        return self._constructor(constructor, Lifecycle.TRANSIENT, caller_location())

    def _constructor(
        self, constructor: AnyCallable, lifecycle: Lifecycle, location: Location
    ) -> RegisteredConstructor:
        _require_callable(constructor, "A constructor")
        if not isinstance(lifecycle, Lifecycle):
            msg = f"The lifecycle must be a `Lifecycle` member (e.g. Lifecycle.SINGLETON), not {lifecycle!r}."
            raise BlueprintError(msg)
        return RegisteredConstructor(self, self._push(Constructor(constructor, lifecycle, location)))

    def prebuilt(self, type_: Any) -> RegisteredPrebuilt:
        """Declare a type whose value the caller passes to `build_application_state` (e.g. settings)."""
        if not isinstance(type_, type) and getattr(type_, "__origin__", None) is None:
            msg = f"prebuilt() takes a type, such as a settings class, not {type_!r}."
            raise BlueprintError(msg)
        return RegisteredPrebuilt(self, self._push(PrebuiltType(type_, caller_location())))

    # --- routes ---------------------------------------------------------------------------------------
    def route(
        self, method_guard: MethodGuard, path: str, handler: AnyCallable
    ) -> RegisteredWithErrorHandler[Route]:
        """Serve requests matching `method_guard` and the path template `path` with `handler`."""
        if not isinstance(method_guard, MethodGuard):
            msg = f"The first argument of route() is a method guard (GET, POST, ANY, methods(...)), not {method_guard!r}."
            raise BlueprintError(msg)
        if not isinstance(path, str):
            msg = f"The path template must be a string such as '/subscriptions', not {path!r}."
            raise BlueprintError(msg)
        _require_callable(handler, "A request handler")
        return RegisteredWithErrorHandler(
            self, self._push(Route(method_guard, path, handler, caller_location()))
        )

    def fallback(self, handler: AnyCallable) -> RegisteredWithErrorHandler[Fallback]:
        """Answer requests that match no route under this blueprint (instead of the default 404)."""
        _require_callable(handler, "A fallback")
        return RegisteredWithErrorHandler(self, self._push(Fallback(handler, caller_location())))

    # --- middlewares --------------------------------------------------------------------------------
    def wrap(self, middleware: AnyCallable) -> RegisteredWithErrorHandler[WrappingMiddleware]:
        """Wrap the routes registered after this call: `async def m(next: Next, ...) -> Response`."""
        _require_callable(middleware, "A wrapping middleware")
        return RegisteredWithErrorHandler(self, self._push(WrappingMiddleware(middleware, caller_location())))

    def pre_process(self, middleware: AnyCallable) -> RegisteredWithErrorHandler[PreProcessingMiddleware]:
        """Run before the handler; return `Processing.CONTINUE` or `Processing.early_return(response)`."""
        _require_callable(middleware, "A pre-processing middleware")
        component = PreProcessingMiddleware(middleware, caller_location())
        return RegisteredWithErrorHandler(self, self._push(component))

    def post_process(self, middleware: AnyCallable) -> RegisteredWithErrorHandler[PostProcessingMiddleware]:
        """Run after the handler: `def m(response: Response, ...) -> Response`."""
        _require_callable(middleware, "A post-processing middleware")
        component = PostProcessingMiddleware(middleware, caller_location())
        return RegisteredWithErrorHandler(self, self._push(component))

    # --- errors -------------------------------------------------------------------------------------
    def error_handler(self, handler: AnyCallable) -> Registered[ErrorHandler]:
        """Handle, in this blueprint and those nested in it, the exception class of `handler`'s first parameter."""
        _require_callable(handler, "An error handler")
        return Registered(self, self._push(ErrorHandler(handler, caller_location())))

    def error_observer(self, observer: AnyCallable) -> Registered[ErrorObserver]:
        """Call `observer(error: framework.Error, ...)` once for every error turned into a response."""
        _require_callable(observer, "An error observer")
        return Registered(self, self._push(ErrorObserver(observer, caller_location())))

    # --- nesting ------------------------------------------------------------------------------------
    def nest(self, blueprint: Blueprint) -> Registered[NestedBlueprint]:
        """Include `blueprint`: it sees this blueprint's constructors, its own stay private to it."""
        return self._nest(None, blueprint, caller_location())

    def nest_at(self, prefix: str, blueprint: Blueprint) -> Registered[NestedBlueprint]:
        """Include `blueprint` with every one of its paths under `prefix` (e.g. "/admin")."""
        if not isinstance(prefix, str):
            msg = f"nest_at() takes a path prefix string such as '/admin' first, not {prefix!r}."
            raise BlueprintError(msg)
        return self._nest(prefix, blueprint, caller_location())

    def _nest(
        self, prefix: str | None, blueprint: Blueprint, location: Location
    ) -> Registered[NestedBlueprint]:
        if not isinstance(blueprint, Blueprint):
            msg = f"Only a Blueprint can be nested, not {blueprint!r}."
            raise BlueprintError(msg)
        if blueprint is self:
            msg = "A blueprint cannot be nested inside itself."
            raise BlueprintError(msg)
        return Registered(self, self._push(NestedBlueprint(blueprint, prefix, location)))

    def __repr__(self) -> str:
        return f"<Blueprint with {len(self.components)} registrations>"
