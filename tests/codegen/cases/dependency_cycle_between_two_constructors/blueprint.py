"""`Session` needs `User` and `User` needs `Session`."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class Session:
    pass


class User:
    pass


def session(user: User) -> Session:
    return Session()


def user(session: Session) -> User:
    return User()


def whoami(user: User) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(session)
    bp.request_scoped(user)
    bp.route(GET, "/whoami", whoami)
    return bp
