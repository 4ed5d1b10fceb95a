"""Test tools: an in-process HTTP client that also runs the ASGI lifespan.

httpx's `ASGITransport` sends requests straight to the app but never starts or stops it, so the
application state would never be built. `TestClient` drives the lifespan protocol around the client's
`async with` block: start-up before the first request, shutdown after the last.
"""

from __future__ import annotations

from contextlib import AsyncExitStack
from types import TracebackType
from typing import Any, cast

import anyio
import httpx

from .types import ASGIApp, Message

__all__ = ["LifespanError", "LifespanManager", "TestClient"]


class LifespanError(RuntimeError):
    """The application reported (or raised) a failure during lifespan start-up or shutdown."""


class LifespanManager:
    """Run an ASGI app's lifespan: `async with LifespanManager(app): ...` brackets its start-up and shutdown."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._stack = AsyncExitStack()
        self._to_app, self._app_inbox = anyio.create_memory_object_stream[Message](4)
        self._app_outbox, self._from_app = anyio.create_memory_object_stream[Message](4)
        self._crash: BaseException | None = None

    async def __aenter__(self) -> LifespanManager:
        for stream in (self._to_app, self._app_inbox, self._app_outbox, self._from_app):
            self._stack.callback(stream.close)
        task_group = await self._stack.enter_async_context(anyio.create_task_group())
        task_group.start_soon(self._run)
        try:
            await self._exchange("lifespan.startup")
        except BaseException:
            self._to_app.close()  # an app still waiting for a message sees the end of the stream
            await self._stack.aclose()
            raise
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            await self._exchange("lifespan.shutdown")
        finally:
            self._to_app.close()
            await self._stack.aclose()

    async def _run(self) -> None:
        scope: dict[str, Any] = {
            "type": "lifespan",
            "asgi": {"version": "3.0", "spec_version": "2.0"},
            "state": {},
        }
        try:
            await self.app(scope, self._app_inbox.receive, self._app_outbox.send)
        except Exception as exc:
            self._crash = exc
        finally:
            self._app_outbox.close()

    async def _exchange(self, event: str) -> None:
        await self._to_app.send({"type": event})
        try:
            reply = await self._from_app.receive()
        except anyio.EndOfStream:
            msg = f"the application stopped during `{event}` without answering"
            raise LifespanError(msg) from self._crash
        if reply["type"] == f"{event}.failed":
            msg = f"`{event}` failed: {reply.get('message', '')}"
            raise LifespanError(msg)


class TestClient(httpx.AsyncClient):
    """An `httpx.AsyncClient` wired to an ASGI app in-process, running its lifespan.

    Example:
        >>> async def check(app: ASGIApp) -> None:
        ...     async with TestClient(app) as client:
        ...         response = await client.get("/health_check")
        ...         assert response.status_code == 200
    """

    __test__ = False  # not a pytest test class, despite the name

    def __init__(
        self,
        app: ASGIApp,
        *,
        base_url: str = "http://testserver",
        client: tuple[str, int] = ("127.0.0.1", 50000),
        lifespan: bool = True,
        **kwargs: Any,
    ) -> None:
        transport = httpx.ASGITransport(app=cast(Any, app), client=client)
        super().__init__(transport=transport, base_url=base_url, **kwargs)
        self.app = app
        self._lifespan = LifespanManager(app) if lifespan else None

    async def __aenter__(self) -> TestClient:
        if self._lifespan is not None:
            await self._lifespan.__aenter__()
        try:
            await super().__aenter__()
        except BaseException:
            if self._lifespan is not None:
                await self._lifespan.__aexit__(None, None, None)
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc: BaseException | None = None,
        tb: TracebackType | None = None,
    ) -> None:
        try:
            await super().__aexit__(exc_type, exc, tb)
        finally:
            if self._lifespan is not None:
                await self._lifespan.__aexit__(exc_type, exc, tb)
