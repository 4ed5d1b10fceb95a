"""`RequestHead` needs no constructor, but it is request-scoped: a singleton cannot take it."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import RequestHead, Response


class BaseUrl:
    def __init__(self, head: RequestHead) -> None:
        self.head = head


def base_url(head: RequestHead) -> BaseUrl:
    return BaseUrl(head)


def home(base_url: BaseUrl) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.singleton(base_url)
    bp.route(GET, "/", home)
    return bp
