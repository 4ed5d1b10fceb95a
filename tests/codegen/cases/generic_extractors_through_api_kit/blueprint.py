"""Generic extractors registered by `ApiKit`: one generic constructor serves every `RouteParams[X]`."""

from __future__ import annotations

from dataclasses import dataclass

from blueprint import GET, POST, PUT, Blueprint
from framework import Response
from framework.extractors import Form, Json, QueryParams, RouteParams
from framework.kits import ApiKit


@dataclass
class ItemPath:
    item_id: int


@dataclass
class Search:
    q: str


@dataclass
class Subscriber:
    name: str
    email: str


def get_item(path: RouteParams[ItemPath], search: QueryParams[Search]) -> Response:
    return Response.ok()


def subscribe(form: Form[Subscriber]) -> Response:
    return Response.ok()


def replace_item(path: RouteParams[ItemPath], body: Json[Subscriber]) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    ApiKit().register(bp)
    bp.route(GET, "/items/{item_id}", get_item)
    bp.route(PUT, "/items/{item_id}", replace_item)
    bp.route(POST, "/subscriptions", subscribe)
    return bp
