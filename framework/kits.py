"""Kits: bundles of constructors, error handlers and middlewares, registered through the public Blueprint API.

`ApiKit().register(bp)` makes the framework's request data available to every route registered after it:

| type                                         | constructor                                   | lifecycle      |
|----------------------------------------------|-----------------------------------------------|----------------|
| `RouteParams[T]`, `QueryParams[T]`           | `extractors.route_params`, `.query_params`    | request-scoped |
| `Form[T]`, `Json[T]`                         | `extractors.form`, `extractors.json`          | request-scoped |
| `BufferedBody`                               | `requests.buffer_body`                        | request-scoped |
| `BodySizeLimit`                              | `requests.default_body_size_limit`            | request-scoped |
| `RequestCookies`, `ResponseCookies`          | `cookies.request_cookies`, `.response_cookies`| request-scoped |
| `RequestId`, `RootSpan`                      | `extractors.request_id`, `telemetry.root_span`| request-scoped |

plus each extractor's default error handler and the `inject_response_cookies` post-processing middleware.
Every constructor is registered with `.allow_unused()`, so an app that never takes, say, `Json[T]` gets no
warning. The kit adds no prebuilt types. The logger and the error observer stay explicit in the app's
blueprint (`bp.wrap(framework.telemetry.logger)`, `bp.error_observer(framework.telemetry.log_error)`).

Each entry is an attribute: replace it to customise, or set it to None to leave it out, as with Pavex's kits.

Example:
    kit = ApiKit()
    kit.body_size_limit = app.configuration.body_size_limit  # `def body_size_limit(...) -> BodySizeLimit`
    kit.register(bp)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from blueprint import Blueprint, Lifecycle

from . import cookies, extractors, requests, sessions, telemetry

__all__ = ["ApiKit", "KitConstructor", "SessionKit"]

__blueprint_registration_helper__ = True  # components registered here are located at the `register(bp)` call


@dataclass(slots=True)
class KitConstructor:
    """A constructor in a kit, with its lifecycle and (optionally) the error handler for what it raises."""

    callable: Callable[..., Any]
    lifecycle: Lifecycle = Lifecycle.REQUEST_SCOPED
    error_handler: Callable[..., Any] | None = None

    def register(self, bp: Blueprint) -> None:
        registered = bp.constructor(self.callable, self.lifecycle).allow_unused()
        if self.error_handler is not None:
            registered.error_handler(self.error_handler)


def _scoped(
    constructor: Callable[..., Any], error_handler: Callable[..., Any] | None = None
) -> KitConstructor:
    return KitConstructor(constructor, Lifecycle.REQUEST_SCOPED, error_handler)


class ApiKit:
    """The framework's extractors, cookies, request id and root span, with their error handlers."""

    _CONSTRUCTORS: ClassVar[tuple[str, ...]] = (
        "route_params",
        "query_params",
        "form",
        "json",
        "buffered_body",
        "body_size_limit",
        "request_cookies",
        "response_cookies",
        "request_id",
        "root_span",
    )

    def __init__(self) -> None:
        self.route_params: KitConstructor | None = _scoped(
            extractors.route_params, extractors.route_params_error_to_response
        )
        self.query_params: KitConstructor | None = _scoped(
            extractors.query_params, extractors.query_params_error_to_response
        )
        self.form: KitConstructor | None = _scoped(extractors.form, extractors.form_error_to_response)
        self.json: KitConstructor | None = _scoped(extractors.json, extractors.json_error_to_response)
        self.buffered_body: KitConstructor | None = _scoped(
            requests.buffer_body, requests.body_too_large_to_response
        )
        self.body_size_limit: KitConstructor | None = _scoped(requests.default_body_size_limit)
        self.request_cookies: KitConstructor | None = _scoped(cookies.request_cookies)
        self.response_cookies: KitConstructor | None = _scoped(cookies.response_cookies)
        self.request_id: KitConstructor | None = _scoped(extractors.request_id)
        self.root_span: KitConstructor | None = _scoped(telemetry.root_span)
        self.inject_response_cookies: Callable[..., Any] | None = cookies.inject_response_cookies

    def register(self, bp: Blueprint) -> Blueprint:
        """Register every entry that is not None on `bp` (before the routes that need them)."""
        for name in self._CONSTRUCTORS:
            constructor: KitConstructor | None = getattr(self, name)
            if constructor is not None:
                constructor.register(bp)
        if self.inject_response_cookies is not None:
            bp.post_process(self.inject_response_cookies)
        return bp


class SessionKit:
    """Server-side sessions: the request-scoped `Session` and the middleware that saves it.

    The application provides the two singletons the session needs, e.g.
    `def session_store(pool: asyncpg.Pool) -> SessionStore: return PostgresSessionStore(pool)` and
    `def session_config(settings: Settings) -> SessionConfig: ...`. `RequestCookies` comes from `ApiKit`.
    Register the kit after `bp.wrap(framework.telemetry.logger)` and before the routes that use `Session`:
    its post-processing middleware applies to the routes registered after it, and running inside the
    logger means a failing save is logged with its request. Sessions that a request never reads cost
    nothing (no store round-trip).

    Example:
        ApiKit().register(bp)
        bp.singleton(app.sessions.session_store)
        bp.singleton(app.sessions.session_config)
        bp.wrap(framework.telemetry.logger)
        SessionKit().register(bp)
    """

    def __init__(self) -> None:
        self.session: KitConstructor | None = _scoped(sessions.session)
        self.finalize_session: Callable[..., Any] | None = sessions.finalize_session

    def register(self, bp: Blueprint) -> Blueprint:
        """Register the `Session` constructor and the `finalize_session` post-processing middleware."""
        if self.session is not None:
            self.session.register(bp)
        if self.finalize_session is not None:
            bp.post_process(self.finalize_session)
        return bp
