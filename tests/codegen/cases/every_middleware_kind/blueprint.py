"""Every kind of middleware, error handlers at both levels and an error observer around two routes.

The request-scoped `RequestLog` is taken by the wrapping, pre- and post-processing middlewares, the
handlers, the error handlers and the observer: the generated code must build it once per request.
"""

from __future__ import annotations

from blueprint import GET, POST, Blueprint
from framework import Error, Next, Processing, Response


class Clock:
    """A singleton: built once by `build_application_state`."""


class RequestLog:
    """A request-scoped value shared by everything a request runs."""

    def __init__(self) -> None:
        self.lines: list[str] = []


class SubscriptionsError(Exception):
    """Raised by the handlers; handled by a universal error handler."""


class ValidationError(Exception):
    """Raised by `create_subscription`; handled by its own error handler."""


def clock() -> Clock:
    return Clock()


def request_log() -> RequestLog:
    return RequestLog()


async def log_requests(next: Next, log: RequestLog) -> Response:
    log.lines.append("wrap: before")
    response = await next
    log.lines.append("wrap: after")
    return response


def continue_processing(log: RequestLog, clock: Clock) -> Processing:
    log.lines.append("pre-processing")
    return Processing.CONTINUE


def stamp_response(response: Response, log: RequestLog) -> Response:
    log.lines.append("post-processing")
    return response


def subscriptions_error_to_response(error: SubscriptionsError, log: RequestLog) -> Response:
    log.lines.append(f"handled: {error}")
    return Response.internal_server_error()


def validation_error_to_response(error: ValidationError) -> Response:
    return Response.bad_request()


def record_error(error: Error, log: RequestLog) -> None:
    log.lines.append(f"observed: {error.message}")


async def list_subscriptions(log: RequestLog, clock: Clock) -> Response:
    log.lines.append("handler")
    return Response.ok()


def create_subscription(log: RequestLog) -> Response:
    if not log.lines:
        msg = "nothing logged"
        raise ValidationError(msg)
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.singleton(clock)
    bp.request_scoped(request_log)
    bp.wrap(log_requests)
    bp.pre_process(continue_processing)
    bp.post_process(stamp_response)
    bp.error_handler(subscriptions_error_to_response)
    bp.error_observer(record_error)
    bp.route(GET, "/subscriptions", list_subscriptions)
    bp.route(POST, "/subscriptions", create_subscription).error_handler(validation_error_to_response)
    return bp
