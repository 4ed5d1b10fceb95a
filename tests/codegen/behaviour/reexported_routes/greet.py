"""The module `greet`, whose function `greet` its package re-exports under the same name."""

from __future__ import annotations

from framework import RequestHead, Response


class Visitor:
    def __init__(self, name: str) -> None:
        self.name = name


def visitor(head: RequestHead) -> Visitor:
    return Visitor(head.header("x-name") or "stranger")


def greet(visitor: Visitor) -> Response:
    return Response.text(f"hello {visitor.name}")
