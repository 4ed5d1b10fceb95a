"""Generic constructors at run time: `ApiKit`'s extractors, each built for the handler's own `T`.

Two routes take `RouteParams` of different types, so the compiler must pass each route its own class; the
handlers echo what they received, which shows the conversion used the right target.
"""

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
class UserPath:
    username: str


@dataclass
class Search:
    q: str
    page: int


@dataclass
class Subscriber:
    name: str
    email: str


def get_item(path: RouteParams[ItemPath], search: QueryParams[Search]) -> Response:
    return Response.json({"item_id": path.value.item_id, "q": search.value.q, "page": search.value.page})


def get_user(path: RouteParams[UserPath]) -> Response:
    return Response.json({"username": path.value.username})


def subscribe(form: Form[Subscriber]) -> Response:
    return Response.json({"name": form.value.name, "email": form.value.email})


def replace_item(path: RouteParams[ItemPath], body: Json[Subscriber]) -> Response:
    return Response.json({"item_id": path.value.item_id, "name": body.value.name})


def blueprint() -> Blueprint:
    bp = Blueprint()
    ApiKit().register(bp)
    bp.route(GET, "/items/{item_id}", get_item)
    bp.route(PUT, "/items/{item_id}", replace_item)
    bp.route(GET, "/users/{username}", get_user)
    bp.route(POST, "/subscriptions", subscribe)
    return bp
