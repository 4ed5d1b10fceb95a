"""A generated module serves requests: sharing, early returns, error handler precedence, teardown order."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from types import ModuleType

import pytest

from blueprint import Blueprint
from framework.testing import TestClient
from tests.codegen.unit import sample_app


@pytest.fixture
async def client(generated: Callable[[Blueprint], ModuleType]) -> AsyncIterator[TestClient]:
    module = generated(sample_app.blueprint())
    sample_app.EVENTS.clear()
    async with TestClient(module.asgi_app_with_lifespan(sample_app.Settings("hi"))) as test_client:
        yield test_client


@pytest.mark.anyio
async def test_request_scoped_values_are_shared_and_torn_down_after_the_response(client: TestClient) -> None:
    response = await client.get("/hello", headers={"x-user": "ada", "x-value": "42"})
    assert response.status_code == 200
    assert response.text == "expensive hi 42"
    assert response.headers["x-traced"] == "yes"
    assert response.headers["x-clocks"] == "True"  # a transient is built at every use
    assert sample_app.EVENTS == [
        "pool open",
        "session open",  # once, although the middleware, the guard, the handler and observer all take it
        "trace in ada",
        "expensive built",
        "audit for ada",
        "hello ada",
        "trace out 200",
        "session commit",
    ]


@pytest.mark.anyio
async def test_an_early_return_skips_what_only_the_handler_needs(client: TestClient) -> None:
    response = await client.get("/hello")
    assert response.status_code == 401
    assert response.headers["x-traced"] == "yes"  # the response still goes back through the middlewares
    assert "expensive built" not in sample_app.EVENTS


@pytest.mark.anyio
async def test_the_most_specific_universal_handler_wins_and_observers_run_once(client: TestClient) -> None:
    missing = await client.get("/missing", headers={"x-user": "ada"})
    conflict = await client.post("/conflict", headers={"x-user": "ada"})
    assert (missing.status_code, conflict.status_code) == (404, 409)
    assert sample_app.EVENTS.count("observed no such thing for ada") == 1
    assert "session rollback: no such thing" in sample_app.EVENTS


@pytest.mark.anyio
async def test_a_middleware_error_is_not_handled_with_what_a_later_stage_may_have_built(
    client: TestClient,
) -> None:
    # `trace` may fail before or after awaiting `next`; after, the handler's stage has built its `Audit`, and
    # a request-scoped value is never built twice: `domain_error`, which takes an `Audit`, can't handle it.
    response = await client.get("/hello", headers={"x-user": "ada", "x-explode": "1"})
    assert response.status_code == 500
    assert "audit for ada" not in sample_app.EVENTS
    assert "hello ada" not in sample_app.EVENTS
    assert "observed exploded in a middleware for ada" in sample_app.EVENTS  # its `Session` exists


@pytest.mark.anyio
async def test_component_handlers_beat_universal_ones(client: TestClient) -> None:
    response = await client.get("/own", headers={"x-user": "ada"})
    assert response.status_code == 418


@pytest.mark.anyio
async def test_unhandled_errors_become_a_500_that_is_observed(client: TestClient) -> None:
    response = await client.get("/crash", headers={"x-user": "ada"})
    assert response.status_code == 500
    assert "bug" not in response.text
    assert "observed bug for ada" in sample_app.EVENTS
    assert "session rollback: bug" in sample_app.EVENTS


@pytest.mark.anyio
async def test_nested_blueprints_override_constructors_and_handlers(client: TestClient) -> None:
    hello = await client.get("/nested/hello", headers={"x-user": "ada"})
    assert hello.text == "nested hi"
    fail = await client.get("/nested/fail", headers={"x-user": "ada"})
    assert fail.status_code == 422
    outside = await client.get("/open")
    assert outside.text == "expensive"


@pytest.mark.anyio
async def test_unknown_paths_and_methods_go_through_the_middlewares(client: TestClient) -> None:
    not_found = await client.get("/nowhere", headers={"x-user": "ada"})
    assert (not_found.status_code, not_found.headers["x-traced"]) == (404, "yes")
    nested_not_found = await client.get("/nested/nowhere")
    assert nested_not_found.status_code == 401  # the nested blueprint's middlewares include the guard
    not_allowed = await client.delete("/hello", headers={"x-user": "ada"})
    assert not_allowed.status_code == 405
    assert not_allowed.headers["allow"] == "GET"
    assert not_allowed.headers["x-traced"] == "yes"


@pytest.mark.anyio
async def test_singletons_are_torn_down_at_shutdown(generated: Callable[[Blueprint], ModuleType]) -> None:
    module = generated(sample_app.blueprint())
    sample_app.EVENTS.clear()
    async with TestClient(module.asgi_app_with_lifespan(sample_app.Settings("hi"))) as test_client:
        await test_client.get("/open")
    assert sample_app.EVENTS[0] == "pool open"
    assert sample_app.EVENTS[-1] == "pool closed"
