"""Lifecycles at run time: singletons once, request-scoped values once per request, transients per use.

`RequestLog` (request-scoped) is taken by the wrapping, pre- and post-processing middlewares, the handler,
the error handler and the observer; `Stamp` (transient) by several of them. Every construction is recorded
in `CALLS`, which the test resets.
"""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Error, Next, Processing, Response

CALLS: list[str] = []


class Pool:
    pass


class RequestLog:
    def __init__(self, number: int) -> None:
        self.number = number


class Stamp:
    pass


class BoomError(Exception):
    pass


def pool() -> Pool:
    CALLS.append("pool")
    return Pool()


async def request_log() -> RequestLog:
    CALLS.append("request_log")
    return RequestLog(len(CALLS))


def stamp() -> Stamp:
    CALLS.append("stamp")
    return Stamp()


async def wrap(next: Next, log: RequestLog, stamp: Stamp) -> Response:
    CALLS.append(f"wrap:{log.number}")
    return await next


def pre(log: RequestLog, stamp: Stamp, pool: Pool) -> Processing:
    CALLS.append(f"pre:{log.number}")
    return Processing.CONTINUE


def post(response: Response, log: RequestLog) -> Response:
    CALLS.append(f"post:{log.number}")
    return response


async def ok(log: RequestLog, stamp: Stamp, pool: Pool) -> Response:
    CALLS.append(f"handler:{log.number}")
    return Response.text("ok")


def fail(log: RequestLog, stamp: Stamp) -> Response:
    CALLS.append(f"handler:{log.number}")
    msg = "boom"
    raise BoomError(msg)


def boom_to_response(error: BoomError, log: RequestLog, stamp: Stamp) -> Response:
    CALLS.append(f"error_handler:{log.number}")
    return Response.text("handled", status=500)


async def observe(error: Error, log: RequestLog) -> None:
    CALLS.append(f"observer:{log.number}")


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.singleton(pool)
    bp.request_scoped(request_log)
    bp.transient(stamp)
    bp.wrap(wrap)
    bp.pre_process(pre)
    bp.post_process(post)
    bp.error_handler(boom_to_response)
    bp.error_observer(observe)
    bp.route(GET, "/ok", ok)
    bp.route(GET, "/fail", fail)
    return bp
