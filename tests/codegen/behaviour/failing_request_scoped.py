"""A request-scoped constructor that fails, whose error handler and observer need the value it failed to build.

`RequestLog` is taken by the handler, by the universal handler of the very error its constructor raises, and
by the observer. When the constructor fails (the request carries `X-Fail`), nothing can get a `RequestLog`
for that request: the constructor must still run at most once, and the answer is a 500.
"""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Error, RequestHead, Response

CALLS: list[str] = []


class RequestLog:
    pass


class LogUnavailableError(Exception):
    pass


def request_log(head: RequestHead) -> RequestLog:
    CALLS.append("request_log")
    if head.header("x-fail") is not None:
        msg = "the log is unavailable"
        raise LogUnavailableError(msg)
    return RequestLog()


def log_unavailable_to_response(error: LogUnavailableError, log: RequestLog) -> Response:
    CALLS.append("error handler")
    return Response.text("handled", status=503)


def observe(error: Error, log: RequestLog) -> None:
    CALLS.append("observer")


def fine(log: RequestLog) -> Response:
    return Response.text("fine")


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(request_log)
    bp.error_handler(log_unavailable_to_response)
    bp.error_observer(observe)
    bp.route(GET, "/fine", fine)
    return bp
