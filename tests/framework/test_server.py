"""A real uvicorn, started by `framework.server` on a free port in a thread, over real HTTP."""

from __future__ import annotations

import logging
import socket
from typing import Any

import anyio
import httpx
import pytest

from framework.asgi import AsgiApp
from framework.demo import asgi_app
from framework.routing import Router
from framework.server import RunningServer, StartupFailed, _announce, bind_socket, serve_in_thread


def test_demo_app_over_real_http() -> None:
    with serve_in_thread(asgi_app(), "127.0.0.1", 0) as server:
        assert server.port > 0
        with httpx.Client(base_url=server.url, timeout=5) as client:
            hello = client.get("/hello/W%C3%B6rld")
            echo = client.post("/echo", content=b"ping", headers={"Content-Type": "text/plain"})
            too_big = client.post("/echo", content=b"x" * (64 * 1024 + 1))
            missing = client.get("/missing")
            wrong = client.delete("/hello/x")
    assert (hello.status_code, hello.text) == (200, "Hello, Wörld!")
    assert hello.headers["content-length"] == str(len(hello.content))
    assert "server" not in hello.headers
    assert (echo.text, echo.headers["content-type"]) == ("ping", "text/plain")
    assert too_big.status_code == 413
    assert missing.status_code == 404
    assert (wrong.status_code, wrong.headers["allow"]) == (405, "GET")


def test_startup_failure_is_reported(caplog: pytest.LogCaptureFixture) -> None:
    async def build() -> Any:
        msg = "cannot reach the database"
        raise RuntimeError(msg)

    with caplog.at_level(logging.ERROR), pytest.raises(StartupFailed):
        with serve_in_thread(AsgiApp(Router(), build=build)):
            pytest.fail("the server must not start")
    assert "cannot reach the database" in caplog.text


def test_bind_socket_picks_a_free_port() -> None:
    sock = bind_socket("127.0.0.1", 0)
    try:
        host, port = sock.getsockname()[:2]
        assert host == "127.0.0.1"
        assert port > 0
        assert sock.type == socket.SOCK_STREAM
    finally:
        sock.close()


def test_running_server_url() -> None:
    assert RunningServer("127.0.0.1", 8000).url == "http://127.0.0.1:8000"
    assert RunningServer("::1", 8000).url == "http://[::1]:8000"


class FakeServer:
    """Stands in for `uvicorn.Server`: only its `started` flag matters to the announcer."""

    def __init__(self) -> None:
        self.started = False


@pytest.mark.anyio
async def test_the_bound_port_is_announced_once_started(caplog: pytest.LogCaptureFixture) -> None:
    server = FakeServer()
    announced: list[tuple[str, int]] = []

    async def start_later() -> None:
        await anyio.sleep(0.05)
        assert announced == []
        server.started = True

    with caplog.at_level(logging.INFO, logger="framework.server"):
        async with anyio.create_task_group() as group:
            group.start_soon(start_later)
            await _announce(server, "127.0.0.1", 41234, lambda host, port: announced.append((host, port)))  # type: ignore[arg-type]
    assert announced == [("127.0.0.1", 41234)]
    assert "listening on http://127.0.0.1:41234" in caplog.text
