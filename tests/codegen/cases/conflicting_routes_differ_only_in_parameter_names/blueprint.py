"""`/users/{id}` and `/users/{user_id}` are the same route for GET; DELETE on `/users/{name}` is fine."""

from __future__ import annotations

from blueprint import DELETE, GET, Blueprint
from framework import Response


def get_user() -> Response:
    return Response.ok()


def get_user_again() -> Response:
    return Response.ok()


def delete_user() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(GET, "/users/{id}", get_user)
    bp.route(GET, "/users/{user_id}", get_user_again)
    bp.route(DELETE, "/users/{name}", delete_user)
    return bp
