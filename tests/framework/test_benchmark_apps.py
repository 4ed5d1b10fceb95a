"""The benchmark baselines answer correctly: the figures they produce compare equal work."""

from __future__ import annotations

import pytest

from framework.testing import TestClient
from tests.benchmarks.hand_wired import DI_PATH, PLAIN_PATH, bare_asgi_app, hand_wired_app, measure


@pytest.mark.anyio
@pytest.mark.parametrize("factory", [hand_wired_app, bare_asgi_app], ids=["hand-wired", "bare"])
async def test_baselines_answer_the_same(factory: object) -> None:
    app = factory()  # type: ignore[operator]
    async with TestClient(app, lifespan=False) as client:
        plain = await client.get(PLAIN_PATH)
        known = await client.get(DI_PATH, params={"greeting": "Hi"})
        default = await client.get("/users/8")
        invalid = await client.get("/users/x")
        missing = await client.get("/nowhere")
    assert (plain.status_code, plain.content, plain.headers["content-length"]) == (200, b"", "0")
    assert known.status_code == 200
    assert known.json()["message"] == "Hi, Ursula!"
    assert known.json()["site"] == "bench"
    assert default.json()["message"] == "Hello, stranger!"
    assert invalid.status_code == 400
    assert missing.status_code == 404


@pytest.mark.anyio
async def test_the_transient_is_built_at_every_request() -> None:
    async with TestClient(hand_wired_app(), lifespan=False) as client:
        first = (await client.get(DI_PATH)).json()["stamp"]
        second = (await client.get(DI_PATH)).json()["stamp"]
    assert second > first


@pytest.mark.anyio
async def test_measure_reports_every_pair() -> None:
    results = await measure(iterations=20, rounds=2)
    assert set(results) == {
        "plain GET / bare",
        "plain GET / hand-wired",
        "DI route / bare",
        "DI route / hand-wired",
    }
    assert all(value > 0 for value in results.values())
