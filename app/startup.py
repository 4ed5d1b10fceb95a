"""Turn `Settings` into a running application, through the generated `app/server_sdk.py`.

`asgi_app(settings)` is an ASGI 3 application whose lifespan start-up applies the migrations (when
`database.migrate_on_startup`) and builds the application state with the generated
`build_application_state(settings)`; its lifespan shutdown tears the state down with the generated
`shutdown(state)`. Requests go to the generated `asgi_app(state)`. Only those three public names of
the generated module are used, so the compiler is free to arrange the rest.
"""

from __future__ import annotations

import logging
from typing import Any

import app.server_sdk as server_sdk
from app.configuration import Settings
from app.database.migrations import migrate
from framework.server import serve_async
from framework.telemetry import configure_logging
from framework.types import ASGIApp, Receive, Scope, Send

__all__ = ["Application", "asgi_app", "run"]

logger = logging.getLogger("app.startup")


class Application:
    """The newsletter app as an ASGI 3 callable; ready for requests once its lifespan has started."""

    __slots__ = ("_inner", "_settings", "_state")

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._state: server_sdk.ApplicationState | None = None
        self._inner: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
        elif self._inner is not None:
            await self._inner(scope, receive, send)
        else:
            msg = "The application has not started: serve it with an ASGI server that runs the lifespan protocol."
            raise RuntimeError(msg)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    await self._start()
                except Exception as error:
                    logger.exception("the application failed to start")
                    await send({"type": "lifespan.startup.failed", "message": _describe(error)})
                    return
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self._stop()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _start(self) -> None:
        settings = self._settings
        if settings.database.migrate_on_startup and settings.database.url is not None:
            applied = await migrate(settings.database.url.expose())
            if applied:
                logger.info("applied migrations", extra={"migrations": applied})
        self._state = await server_sdk.build_application_state(settings)
        self._inner = server_sdk.asgi_app(self._state)

    async def _stop(self) -> None:
        state, self._state, self._inner = self._state, None, None
        if state is not None:
            await server_sdk.shutdown(state)


def _describe(error: BaseException) -> str:
    return str(error) or type(error).__name__


def asgi_app(settings: Settings) -> Application:
    """The app for `settings`; its state is built when the server runs the ASGI lifespan start-up."""
    return Application(settings)


async def run(settings: Settings, **serve_options: Any) -> None:
    """Serve the app on `application.host:port` (port 0: a free port, logged) until SIGINT/SIGTERM."""
    configure_logging()
    await serve_async(
        asgi_app(settings), settings.application.host, settings.application.port, **serve_options
    )
