"""An error handler registered on a constructor takes the value that constructor builds.

The handler runs only when `session` has failed, so there is no `Session` to give it: it can never run.
"""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import RequestHead, Response


class Session:
    def __init__(self, user: str) -> None:
        self.user = user


class SessionExpiredError(Exception):
    pass


def session(head: RequestHead) -> Session:
    user = head.header("x-user")
    if user is None:
        msg = "the session has expired"
        raise SessionExpiredError(msg)
    return Session(user)


def session_expired_to_response(error: SessionExpiredError, session: Session) -> Response:
    return Response.text(f"goodbye {session.user}", status=401)


def dashboard(session: Session) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(session).error_handler(session_expired_to_response)
    bp.route(GET, "/dashboard", dashboard)
    return bp
