"""Middleware order: each middleware wraps what is registered after it in its blueprint, outermost first.

Registration order below: wrap `outer`, pre `pre_outer`, post `post_outer`, route `/early`, wrap `inner`,
pre `pre_inner`, post `post_inner`, route `/late`, then a nested blueprint with its own wrap and route
`/nested/deep`. `/early` sees only the first three; `/late` all six; `/nested/deep` all six plus its own.
`pre_inner` returns early when the request carries `X-Stop`.
"""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Next, Processing, RequestHead, Response

CALLS: list[str] = []


async def outer(next: Next) -> Response:
    CALLS.append("outer:before")
    response = await next
    CALLS.append("outer:after")
    return response


def pre_outer() -> Processing:
    CALLS.append("pre_outer")
    return Processing.CONTINUE


def post_outer(response: Response) -> Response:
    CALLS.append("post_outer")
    return response.with_header("X-Post-Outer", "yes")


async def inner(next: Next) -> Response:
    CALLS.append("inner:before")
    response = await next
    CALLS.append("inner:after")
    return response


def pre_inner(head: RequestHead) -> Processing:
    CALLS.append("pre_inner")
    if head.header("x-stop") is not None:
        return Processing.early_return(Response.text("stopped early", status=403))
    return Processing.CONTINUE


async def post_inner(response: Response) -> Response:
    CALLS.append("post_inner")
    return response


async def nested_wrap(next: Next) -> Response:
    CALLS.append("nested:before")
    response = await next
    CALLS.append("nested:after")
    return response


def early() -> Response:
    CALLS.append("handler:early")
    return Response.text("early")


async def late() -> Response:
    CALLS.append("handler:late")
    return Response.text("late")


def deep() -> Response:
    CALLS.append("handler:deep")
    return Response.text("deep")


def nested_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.wrap(nested_wrap)
    bp.route(GET, "/deep", deep)
    return bp


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.wrap(outer)
    bp.pre_process(pre_outer)
    bp.post_process(post_outer)
    bp.route(GET, "/early", early)
    bp.wrap(inner)
    bp.pre_process(pre_inner)
    bp.post_process(post_inner)
    bp.route(GET, "/late", late)
    bp.nest_at("/nested", nested_blueprint())
    return bp
