"""`TestClient` and `LifespanManager`: in-process requests with the lifespan run around them."""

from __future__ import annotations

from typing import Any

import pytest

from framework.asgi import AsgiApp, Request
from framework.responses import Response
from framework.routing import Router
from framework.testing import LifespanError, LifespanManager, TestClient
from framework.types import Receive, Scope, Send


async def show_state(state: Any, request: Request) -> Response:
    return Response.json({"state": state})


def app_with(events: list[str], *, fail_build: bool = False) -> AsgiApp:
    async def build() -> str:
        events.append("build")
        if fail_build:
            msg = "bad configuration: database.url"
            raise ValueError(msg)
        return "built"

    async def shutdown(state: Any) -> None:
        events.append(f"shutdown {state}")

    router = Router()
    router.route("/", frozenset({"GET"}), show_state)
    return AsgiApp(router, build=build, shutdown=shutdown)


@pytest.mark.anyio
async def test_client_runs_startup_before_and_shutdown_after() -> None:
    events: list[str] = []
    async with TestClient(app_with(events)) as client:
        assert events == ["build"]
        response = await client.get("/")
        assert response.json() == {"state": "built"}
    assert events == ["build", "shutdown built"]


@pytest.mark.anyio
async def test_startup_failure_raises_with_the_message() -> None:
    events: list[str] = []
    with pytest.raises(LifespanError, match=r"bad configuration: database\.url"):
        async with TestClient(app_with(events, fail_build=True)):
            pytest.fail("the block must not run")
    assert events == ["build"]


@pytest.mark.anyio
async def test_lifespan_can_be_skipped() -> None:
    events: list[str] = []
    async with TestClient(app_with(events), lifespan=False) as client:
        assert (await client.get("/")).json() == {"state": None}
    assert events == []


@pytest.mark.anyio
async def test_an_app_that_crashes_in_lifespan_is_reported() -> None:
    async def crashing(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        msg = "no lifespan support"
        raise RuntimeError(msg)

    with pytest.raises(LifespanError, match="without answering") as info:
        async with LifespanManager(crashing):
            pytest.fail("the block must not run")
    assert isinstance(info.value.__cause__, RuntimeError)


@pytest.mark.anyio
async def test_shutdown_failure_raises() -> None:
    async def shutdown(state: Any) -> None:
        msg = "pool already closed"
        raise OSError(msg)

    with pytest.raises(LifespanError, match="pool already closed"):
        async with LifespanManager(AsgiApp(Router(), shutdown=shutdown)):
            pass
