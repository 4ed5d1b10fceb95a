"""Request-scoped constructors that fail, with error handlers and observers that need what they failed to build.

`RequestLog` is taken by the handler, by the universal handler of the very error its constructor raises, and
by the observer `observe`. When the constructor fails (the request carries `X-Fail`), nothing can get a
`RequestLog` for that request: the constructor must still run at most once, and the answer is a 500; the
observer `count_error`, which needs no `RequestLog`, still runs once.

`Token` fails with `ExpiredTokenError` (`X-Expired`). Its most specific universal handler takes a `Token`, so
it can't handle that failure: the next one by precedence does, `token_error_to_response`, with an `Audit` that
the request hasn't built yet (built for it). When `read_token` raises `ExpiredTokenError` itself (`X-Stale`),
the token exists and the most specific handler applies.
"""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Error, RequestHead, Response

CALLS: list[str] = []


class RequestLog:
    pass


class Token:
    pass


class Audit:
    pass


class LogUnavailableError(Exception):
    pass


class TokenError(Exception):
    pass


class ExpiredTokenError(TokenError):
    pass


def request_log(head: RequestHead) -> RequestLog:
    CALLS.append("request_log")
    if head.header("x-fail") is not None:
        msg = "the log is unavailable"
        raise LogUnavailableError(msg)
    return RequestLog()


def token(head: RequestHead) -> Token:
    CALLS.append("token")
    if head.header("x-expired") is not None:
        msg = "the token has expired"
        raise ExpiredTokenError(msg)
    return Token()


def audit() -> Audit:
    CALLS.append("audit")
    return Audit()


def log_unavailable_to_response(error: LogUnavailableError, log: RequestLog) -> Response:
    CALLS.append("error handler")
    return Response.text("handled", status=503)


def expired_token_to_response(error: ExpiredTokenError, token: Token) -> Response:
    CALLS.append("expired token handler")
    return Response.text("expired", status=410)


def token_error_to_response(error: TokenError, audit: Audit) -> Response:
    CALLS.append("token error handler")
    return Response.text("bad token", status=401)


def observe(error: Error, log: RequestLog) -> None:
    CALLS.append("observer")


def count_error(error: Error) -> None:
    CALLS.append("counted")


def fine(log: RequestLog) -> Response:
    return Response.text("fine")


def read_token(head: RequestHead, log: RequestLog, token: Token) -> Response:
    CALLS.append("read_token")
    if head.header("x-stale") is not None:
        msg = "the token is stale"
        raise ExpiredTokenError(msg)
    return Response.text("token")


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(request_log)
    bp.request_scoped(token)
    bp.request_scoped(audit)
    bp.error_handler(log_unavailable_to_response)
    bp.error_handler(expired_token_to_response)
    bp.error_handler(token_error_to_response)
    bp.error_observer(observe)
    bp.error_observer(count_error)
    bp.route(GET, "/fine", fine)
    bp.route(GET, "/token", read_token)
    return bp
