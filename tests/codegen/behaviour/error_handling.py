"""Error-handler selection and observers.

Universal handlers on the root for `AppError` and its subclass `MissingError`; a component-level handler on
`/component` for the broader `AppError`; a nested blueprint at `/nested` with its own universal handler for
`AppError`. `/unhandled` raises an error no handler takes (default 500). A failing request-scoped
constructor has its own handler; under `/fragile` a middleware's input fails to build (unhandled), under
`/raising` a middleware raises. Two observers record every error, in registration order.
"""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Error, Next, Response

CALLS: list[str] = []


class AppError(Exception):
    pass


class MissingError(AppError):
    pass


class DatabaseError(Exception):
    pass


class TokenError(Exception):
    pass


class Token:
    pass


class Fragile:
    pass


def token() -> Token:
    msg = "no token"
    raise TokenError(msg)


def fragile() -> Fragile:
    msg = "fragile"
    raise DatabaseError(msg)


async def needs_fragile(next: Next, fragile: Fragile) -> Response:
    CALLS.append("needs_fragile middleware")
    return await next


async def raising_middleware(next: Next) -> Response:
    msg = "middleware"
    raise AppError(msg)


def app_error_to_response(error: AppError) -> Response:
    CALLS.append(f"root app handler: {error}")
    return Response.text("root app handler", status=500)


def missing_error_to_response(error: MissingError) -> Response:
    CALLS.append(f"root missing handler: {error}")
    return Response.text("root missing handler", status=404)


def component_app_error_to_response(error: AppError) -> Response:
    CALLS.append(f"component handler: {error}")
    return Response.text("component handler", status=409)


def nested_app_error_to_response(error: AppError) -> Response:
    CALLS.append(f"nested handler: {error}")
    return Response.text("nested handler", status=502)


def token_error_to_response(error: TokenError) -> Response:
    CALLS.append(f"token handler: {error}")
    return Response.text("token handler", status=401)


def first_observer(error: Error) -> None:
    CALLS.append(f"first observer: {error.message}")


async def second_observer(error: Error) -> None:
    CALLS.append(f"second observer: {error.message}")


def specific() -> Response:
    msg = "specific"
    raise MissingError(msg)


def general() -> Response:
    msg = "general"
    raise AppError(msg)


async def component() -> Response:
    msg = "component"
    raise MissingError(msg)


def unhandled() -> Response:
    msg = "unhandled"
    raise DatabaseError(msg)


def needs_token(token: Token) -> Response:
    CALLS.append("needs_token handler")
    return Response.text("unreachable")


def fine() -> Response:
    return Response.text("fine")


def nested_missing() -> Response:
    msg = "nested"
    raise MissingError(msg)


def fragile_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(fragile)
    bp.wrap(needs_fragile)
    bp.route(GET, "/inside", fine)
    return bp


def raising_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.wrap(raising_middleware)
    bp.route(GET, "/inside", fine)
    return bp


def nested_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.error_handler(nested_app_error_to_response)
    bp.route(GET, "/missing", nested_missing)
    return bp


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.error_observer(first_observer)
    bp.error_observer(second_observer)
    bp.error_handler(app_error_to_response)
    bp.error_handler(missing_error_to_response)
    bp.request_scoped(token).error_handler(token_error_to_response)
    bp.route(GET, "/specific", specific)
    bp.route(GET, "/general", general)
    bp.route(GET, "/component", component).error_handler(component_app_error_to_response)
    bp.route(GET, "/unhandled", unhandled)
    bp.route(GET, "/token", needs_token)
    bp.route(GET, "/fine", fine)
    bp.nest_at("/nested", nested_blueprint())
    bp.nest_at("/fragile", fragile_blueprint())
    bp.nest_at("/raising", raising_blueprint())
    return bp
