"""`app.startup.Application`: the lifespan reports a failed start-up, and nothing is served before it."""

from __future__ import annotations

import socket

import pytest

from app.configuration import load_settings
from app.startup import asgi_app
from framework.testing import LifespanError, LifespanManager
from framework.types import Message

pytestmark = pytest.mark.anyio


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


async def test_an_unreachable_database_fails_the_start_up_with_a_message() -> None:
    settings = load_settings(
        environ={
            "APP_DATABASE__URL": f"postgresql://postgres@127.0.0.1:{_closed_port()}/newsletter",
            "APP_DATABASE__MIGRATE_ON_STARTUP": "false",
        }
    )
    with pytest.raises(LifespanError, match=r"lifespan\.startup` failed: .+"):
        async with LifespanManager(asgi_app(settings)):
            pass


async def test_a_request_before_start_up_is_refused() -> None:
    app = asgi_app(load_settings(environ={}))

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        raise AssertionError(message)

    scope = {"type": "http", "method": "GET", "path": "/", "headers": []}
    with pytest.raises(RuntimeError, match="lifespan"):
        await app(scope, receive, send)
