"""404, 405 and fallbacks per prefix, through the middlewares of the blueprint that owns the prefix.

The admin blueprint registers its wrapping middleware *after* its route: the route is not wrapped by it,
but the admin fallback and the 405 answers under `/admin` are (DESIGN.md §4). The admin blueprint also
overrides the request-scoped `Greeting` (encapsulation: only its own routes see the override). The api
blueprint has no fallback: the default 404 under `/api` still goes through its (late) middleware.
"""

from __future__ import annotations

from blueprint import ANY, GET, POST, Blueprint, methods
from framework import Next, Response


class Greeting:
    def __init__(self, text: str) -> None:
        self.text = text


def greeting() -> Greeting:
    return Greeting("hello")


def admin_greeting() -> Greeting:
    return Greeting("hello, admin")


async def tag_root(next: Next) -> Response:
    response = await next
    return response.with_header("X-Root", "yes")


async def tag_admin(next: Next) -> Response:
    response = await next
    return response.with_header("X-Admin", "yes")


async def tag_api(next: Next) -> Response:
    response = await next
    return response.with_header("X-Api", "yes")


def ping() -> Response:
    return Response.text("pong")


def items(greeting: Greeting) -> Response:
    return Response.text(greeting.text)


def item(greeting: Greeting) -> Response:
    return Response.text("item")


def anything() -> Response:
    return Response.text("anything")


def dashboard(greeting: Greeting) -> Response:
    return Response.text(greeting.text)


def admin_fallback(greeting: Greeting) -> Response:
    return Response.text(f"admin fallback: {greeting.text}", status=404)


def admin_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(admin_greeting)
    bp.route(GET, "/dashboard", dashboard)
    bp.fallback(admin_fallback)
    bp.wrap(tag_admin)
    return bp


def api_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(GET, "/ping", ping)
    bp.wrap(tag_api)
    return bp


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.wrap(tag_root)
    bp.request_scoped(greeting)
    bp.route(methods(GET, POST), "/items", items)
    bp.route(GET, "/items/{item_id}", item)
    bp.route(ANY, "/anything", anything)
    bp.route(POST, "/only-post", anything)
    bp.nest_at("/admin", admin_blueprint())
    bp.nest_at("/api", api_blueprint())
    return bp
