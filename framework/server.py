"""Run an ASGI app under uvicorn, the way this project wants it.

We bind the listening socket ourselves and hand it to uvicorn, so that port 0 ("pick a free port") works
and the real port is known before the first request: `serve(..., on_listening=...)` reports it, and
`serve_in_thread` returns it to tests. uvicorn's access log is off (the framework's telemetry writes one
JSON line per request) and uvicorn leaves the logging configuration alone (`log_config=None`). The lifespan
protocol is on, so the application state is built before the socket accepts requests.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Literal

import uvicorn

from .types import ASGIApp

__all__ = ["RunningServer", "StartupFailed", "bind_socket", "serve", "serve_async", "serve_in_thread"]

logger = logging.getLogger("framework.server")

HttpProtocol = Literal["h11", "httptools", "auto"]
ListeningCallback = Callable[[str, int], None]


class StartupFailed(RuntimeError):
    """The server could not start: the application's lifespan start-up failed (its error is logged)."""


@dataclass(frozen=True, slots=True)
class RunningServer:
    """Where a server started by `serve_in_thread` listens."""

    host: str
    port: int

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on (host, port); port 0 lets the OS pick a free port."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except BaseException:
        sock.close()
        raise
    return sock


def _server(app: ASGIApp, *, log_level: str, http: HttpProtocol) -> uvicorn.Server:
    config = uvicorn.Config(
        app,
        http=http,
        lifespan="on",
        access_log=False,
        log_config=None,
        log_level=log_level,
        server_header=False,
    )
    return uvicorn.Server(config)


async def serve_async(
    app: ASGIApp,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    log_level: str = "info",
    http: HttpProtocol = "h11",
    on_listening: ListeningCallback | None = None,
) -> None:
    """Serve `app` until the process is signalled; `on_listening(host, port)` runs once requests are accepted."""
    sock = bind_socket(host, port)
    bound_host, bound_port = sock.getsockname()[:2]
    server = _server(app, log_level=log_level, http=http)
    announcer = asyncio.create_task(_announce(server, bound_host, bound_port, on_listening))
    try:
        await server.serve(sockets=[sock])
    except SystemExit:  # uvicorn exits this way when the lifespan start-up fails
        msg = "the application failed to start; see the error logged above"
        raise StartupFailed(msg) from None
    finally:
        announcer.cancel()
        with suppress(asyncio.CancelledError):
            await announcer
        sock.close()


async def _announce(server: uvicorn.Server, host: str, port: int, callback: ListeningCallback | None) -> None:
    while not server.started:
        await asyncio.sleep(0.01)
    logger.info("listening on %s", RunningServer(host, port).url)
    if callback is not None:
        callback(host, port)


def serve(
    app: ASGIApp,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    log_level: str = "info",
    http: HttpProtocol = "h11",
    on_listening: ListeningCallback | None = None,
) -> None:
    """Serve `app` with uvicorn until SIGINT/SIGTERM. Port 0 picks a free port, reported to `on_listening`.

    Example:
        >>> def main() -> None:  # doctest: +SKIP
        ...     serve(asgi_app, "127.0.0.1", 0, on_listening=lambda host, port: print(port))
    """
    with suppress(KeyboardInterrupt):  # uvicorn shuts down gracefully, then re-raises the Ctrl-C it caught
        asyncio.run(serve_async(app, host, port, log_level=log_level, http=http, on_listening=on_listening))


@contextmanager
def serve_in_thread(
    app: ASGIApp,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    log_level: str = "warning",
    http: HttpProtocol = "h11",
    timeout: float = 10.0,
) -> Iterator[RunningServer]:
    """Run a real uvicorn server in a background thread for the `with` block (tests, tools).

    Signals stay with the main thread; leaving the block asks the server to exit and waits for it.
    """
    sock = bind_socket(host, port)
    bound_host, bound_port = sock.getsockname()[:2]
    server = _server(app, log_level=log_level, http=http)
    thread = threading.Thread(target=_run_quietly, args=(server, sock), name="uvicorn", daemon=True)
    thread.start()
    try:
        _wait_started(server, thread, timeout)
        yield RunningServer(bound_host, bound_port)
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()


def _run_quietly(server: uvicorn.Server, sock: socket.socket) -> None:
    with suppress(SystemExit):  # a failed start-up is reported by `_wait_started`
        server.run(sockets=[sock])


def _wait_started(server: uvicorn.Server, thread: threading.Thread, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive():
            msg = "the application failed to start; see the error logged above"
            raise StartupFailed(msg)
        if time.monotonic() > deadline:
            msg = f"the server did not start within {timeout} seconds"
            raise StartupFailed(msg)
        time.sleep(0.01)
