"""The runtime of the toolkit: what generated server SDKs and application code import at request time."""

from __future__ import annotations

from .asgi import AsgiApp as AsgiApp, Request as Request
from .errors import Error as Error, HTTPError as HTTPError, internal_server_error as internal_server_error
from .headers import Headers as Headers
from .middleware import Next as Next, Processing as Processing
from .requests import (
    BodySizeLimit as BodySizeLimit,
    BodyTooLargeError as BodyTooLargeError,
    BufferedBody as BufferedBody,
    ClientDisconnected as ClientDisconnected,
    ConnectionInfo as ConnectionInfo,
    RequestBody as RequestBody,
    RequestHead as RequestHead,
    body_too_large_to_response as body_too_large_to_response,
    buffer_body as buffer_body,
    default_body_size_limit as default_body_size_limit,
)
from .responses import (
    Bytes as Bytes,
    Html as Html,
    JsonBody as JsonBody,
    Response as Response,
    Text as Text,
    TypedBody as TypedBody,
)
from .routing import (
    InvalidTemplate as InvalidTemplate,
    MatchedRoute as MatchedRoute,
    RawRouteParams as RawRouteParams,
    RouteConflict as RouteConflict,
    Router as Router,
)
from .teardown import Teardowns as Teardowns

__all__ = [
    "AsgiApp",
    "BodySizeLimit",
    "BodyTooLargeError",
    "BufferedBody",
    "Bytes",
    "ClientDisconnected",
    "ConnectionInfo",
    "Error",
    "HTTPError",
    "Headers",
    "Html",
    "InvalidTemplate",
    "JsonBody",
    "MatchedRoute",
    "Next",
    "Processing",
    "RawRouteParams",
    "Request",
    "RequestBody",
    "RequestHead",
    "Response",
    "RouteConflict",
    "Router",
    "Teardowns",
    "Text",
    "TypedBody",
    "body_too_large_to_response",
    "buffer_body",
    "default_body_size_limit",
    "internal_server_error",
]

# -- extractors, cookies, sessions, telemetry, secrets and kits (appended below) ---------------------
# --- web pieces ---
from .cookies import (
    RequestCookies as RequestCookies,
    ResponseCookie as ResponseCookie,
    ResponseCookies as ResponseCookies,
    SameSite as SameSite,
)
from .extractors import (
    ExtractionError as ExtractionError,
    Form as Form,
    FormError as FormError,
    Json as Json,
    JsonError as JsonError,
    QueryParams as QueryParams,
    QueryParamsError as QueryParamsError,
    RequestId as RequestId,
    RouteParams as RouteParams,
    RouteParamsError as RouteParamsError,
)
from .kits import ApiKit as ApiKit, SessionKit as SessionKit
from .secrets import Secret as Secret
from .sessions import (
    InMemorySessionStore as InMemorySessionStore,
    PostgresSessionStore as PostgresSessionStore,
    Session as Session,
    SessionConfig as SessionConfig,
    SessionStore as SessionStore,
)
from .signing import Signer as Signer
from .telemetry import RootSpan as RootSpan

__all__ += [
    "ApiKit",
    "ExtractionError",
    "Form",
    "FormError",
    "InMemorySessionStore",
    "Json",
    "JsonError",
    "PostgresSessionStore",
    "QueryParams",
    "QueryParamsError",
    "RequestCookies",
    "RequestId",
    "ResponseCookie",
    "ResponseCookies",
    "RootSpan",
    "RouteParams",
    "RouteParamsError",
    "SameSite",
    "Secret",
    "Session",
    "SessionConfig",
    "SessionKit",
    "SessionStore",
    "Signer",
]
