"""The hand-wired demo app, in-process."""

from __future__ import annotations

import pytest

from framework.demo import asgi_app
from framework.testing import TestClient


@pytest.mark.anyio
async def test_demo_routes() -> None:
    async with TestClient(asgi_app()) as client:
        home = await client.get("/")
        hello = await client.get("/hello/you")
        files = await client.get("/files/a/b%2Fc.txt")
        missing = await client.get("/nope")
    assert home.headers["content-type"] == "text/html; charset=utf-8"
    assert hello.text == "Hello, you!"
    assert files.json() == {"path": "a/b/c.txt", "route": "/files/{*path}"}
    assert (missing.status_code, missing.text) == (404, "Nothing here. Try /hello/you.")
