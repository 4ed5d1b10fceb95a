"""Framework primitives: the types a component may take without any constructor.

The table is behaviour kept as data: which type, which expression of the generated endpoint supplies it,
and where it is available. Request primitives exist in every request-time component; the others only in
the one kind of component they belong to (`Next` in wrapping middlewares, the response in post-processing
ones, `Error` in error observers).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..diagnostics.kinds import ComponentKind
from .types import TypeKey, type_key


@dataclass(frozen=True, slots=True)
class Primitive:
    """A type supplied by the framework; `expression` is what generated code passes for it."""

    key: TypeKey
    expression: str
    only_in: ComponentKind | None
    """None: every request-time component may take it; otherwise only this kind."""


@dataclass(frozen=True, slots=True)
class FrameworkTypes:
    """The framework's types the compiler must recognise, looked up once per run."""

    request_head: TypeKey
    request_body: TypeKey
    raw_route_params: TypeKey
    matched_route: TypeKey
    connection_info: TypeKey
    response: TypeKey
    next: TypeKey
    error: TypeKey
    processing: TypeKey
    primitives: tuple[Primitive, ...]

    def primitive(self, key: TypeKey) -> Primitive | None:
        for primitive in self.primitives:
            if primitive.key == key:
                return primitive
        return None


RESPONSE_VARIABLE = "response"
NEXT_EXPRESSION = "next_stage"
ERROR_VARIABLE = "error_report"


@lru_cache(maxsize=1)
def framework_types() -> FrameworkTypes:
    """Import `framework` lazily: only compilations need it, not `explain` or `--help`."""
    import framework
    import framework.middleware

    def key(value: Any) -> TypeKey:
        return type_key(value)

    request_attributes = (
        (framework.RequestHead, "request.head"),
        (framework.RequestBody, "request.body"),
        (framework.RawRouteParams, "request.route_params"),
        (framework.MatchedRoute, "request.matched_route"),
        (framework.ConnectionInfo, "request.connection_info"),
    )
    primitives = [Primitive(key(t), expression, None) for t, expression in request_attributes]
    primitives += [
        Primitive(key(framework.Response), RESPONSE_VARIABLE, ComponentKind.POST_PROCESSING_MIDDLEWARE),
        Primitive(key(framework.Next), NEXT_EXPRESSION, ComponentKind.WRAPPING_MIDDLEWARE),
        Primitive(key(framework.Error), ERROR_VARIABLE, ComponentKind.ERROR_OBSERVER),
    ]
    return FrameworkTypes(
        request_head=key(framework.RequestHead),
        request_body=key(framework.RequestBody),
        raw_route_params=key(framework.RawRouteParams),
        matched_route=key(framework.MatchedRoute),
        connection_info=key(framework.ConnectionInfo),
        response=key(framework.Response),
        next=key(framework.Next),
        error=key(framework.Error),
        processing=key(framework.middleware.Processing),
        primitives=tuple(primitives),
    )
