"""The recorded registrations of a Blueprint: frozen, inert data for the compiler to read.

Nothing here runs at request time. Each record keeps the callable itself (the compiler reflects on it) and
the `Location` of the call that registered it (diagnostics point there).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

from .lifecycle import Lifecycle
from .location import Location
from .methods import MethodGuard

if TYPE_CHECKING:
    from .builder import Blueprint

AnyCallable: TypeAlias = Callable[..., Any]


@dataclass(frozen=True, slots=True)
class ComponentErrorHandler:
    """An error handler attached to one component with `.error_handler(fn)`."""

    callable: AnyCallable
    location: Location


@dataclass(frozen=True, slots=True)
class Constructor:
    """`bp.singleton/request_scoped/transient/constructor(fn)`: how to build the type `fn` returns."""

    callable: AnyCallable
    lifecycle: Lifecycle
    location: Location
    error_handler: ComponentErrorHandler | None = None
    allow_unused: bool = False


@dataclass(frozen=True, slots=True)
class PrebuiltType:
    """`bp.prebuilt(T)`: a value of type `T` passed in by the caller of `build_application_state`."""

    type: Any
    location: Location
    allow_unused: bool = False


@dataclass(frozen=True, slots=True)
class Route:
    """`bp.route(method_guard, path, handler)`."""

    method_guard: MethodGuard
    path: str
    handler: AnyCallable
    location: Location
    error_handler: ComponentErrorHandler | None = None


@dataclass(frozen=True, slots=True)
class WrappingMiddleware:
    """`bp.wrap(fn)`: `async def fn(next: Next, ...) -> Response`."""

    callable: AnyCallable
    location: Location
    error_handler: ComponentErrorHandler | None = None


@dataclass(frozen=True, slots=True)
class PreProcessingMiddleware:
    """`bp.pre_process(fn)`: `def fn(...) -> Processing`."""

    callable: AnyCallable
    location: Location
    error_handler: ComponentErrorHandler | None = None


@dataclass(frozen=True, slots=True)
class PostProcessingMiddleware:
    """`bp.post_process(fn)`: `def fn(response: Response, ...) -> Response`."""

    callable: AnyCallable
    location: Location
    error_handler: ComponentErrorHandler | None = None


@dataclass(frozen=True, slots=True)
class ErrorHandler:
    """`bp.error_handler(fn)`: a universal handler for the exception class of `fn`'s first parameter."""

    callable: AnyCallable
    location: Location


@dataclass(frozen=True, slots=True)
class ErrorObserver:
    """`bp.error_observer(fn)`: `def fn(error: framework.Error, ...) -> None`, called once per handled error."""

    callable: AnyCallable
    location: Location


@dataclass(frozen=True, slots=True)
class Fallback:
    """`bp.fallback(fn)`: the handler for requests that match no route under this blueprint."""

    callable: AnyCallable
    location: Location
    error_handler: ComponentErrorHandler | None = None


@dataclass(frozen=True, slots=True)
class NestedBlueprint:
    """`bp.nest(other)` or `bp.nest_at(prefix, other)`."""

    blueprint: Blueprint
    prefix: str | None
    location: Location


Component: TypeAlias = (
    Constructor
    | PrebuiltType
    | Route
    | WrappingMiddleware
    | PreProcessingMiddleware
    | PostProcessingMiddleware
    | ErrorHandler
    | ErrorObserver
    | Fallback
    | NestedBlueprint
)
"""Every kind of registration, in the order the blueprint received them."""

Middleware: TypeAlias = WrappingMiddleware | PreProcessingMiddleware | PostProcessingMiddleware
