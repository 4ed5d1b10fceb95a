"""The Blueprint API: describe an application as plain data for the compiler (`python -m codegen`)."""

from __future__ import annotations

from .builder import (
    Blueprint as Blueprint,
    Registered as Registered,
    RegisteredConstructor as RegisteredConstructor,
    RegisteredPrebuilt as RegisteredPrebuilt,
    RegisteredWithErrorHandler as RegisteredWithErrorHandler,
)
from .errors import BlueprintError as BlueprintError
from .lifecycle import ALLOWED_DEPENDENCIES as ALLOWED_DEPENDENCIES, Lifecycle as Lifecycle
from .location import Location as Location
from .methods import (
    ANY as ANY,
    CONNECT as CONNECT,
    DELETE as DELETE,
    GET as GET,
    HEAD as HEAD,
    OPTIONS as OPTIONS,
    PATCH as PATCH,
    POST as POST,
    PUT as PUT,
    TRACE as TRACE,
    MethodGuard as MethodGuard,
    methods as methods,
)

__all__ = [
    "ALLOWED_DEPENDENCIES",
    "ANY",
    "CONNECT",
    "DELETE",
    "GET",
    "HEAD",
    "OPTIONS",
    "PATCH",
    "POST",
    "PUT",
    "TRACE",
    "Blueprint",
    "BlueprintError",
    "Lifecycle",
    "Location",
    "MethodGuard",
    "Registered",
    "RegisteredConstructor",
    "RegisteredPrebuilt",
    "RegisteredWithErrorHandler",
    "methods",
]
