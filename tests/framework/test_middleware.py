"""`Next` (the rest of the pipeline, awaitable once) and `Processing`."""

from __future__ import annotations

import pytest

from framework.middleware import Next, Processing
from framework.responses import Response


@pytest.mark.anyio
async def test_next_runs_the_rest_of_the_pipeline() -> None:
    calls: list[str] = []

    async def rest() -> Response:
        calls.append("handler")
        return Response.text("done")

    async def wrapping(next: Next) -> Response:
        calls.append("before")
        response = await next
        calls.append("after")
        return response.with_header("X-Wrapped", "yes")

    response = await wrapping(Next(rest))
    assert calls == ["before", "handler", "after"]
    assert response.header("x-wrapped") == "yes"


@pytest.mark.anyio
async def test_next_cannot_be_awaited_twice() -> None:
    async def rest() -> Response:
        return Response.ok()

    next = Next(rest)
    await next
    with pytest.raises(RuntimeError, match="awaited twice"):
        await next
    assert "awaited=True" in repr(next)


@pytest.mark.anyio
async def test_a_middleware_may_skip_next() -> None:
    ran = False

    async def rest() -> Response:
        nonlocal ran
        ran = True
        return Response.ok()

    async def short_circuit(next: Next) -> Response:
        return Response.unauthorized()

    assert (await short_circuit(Next(rest))).status == 401
    assert not ran


def test_processing() -> None:
    assert Processing.CONTINUE.response is None
    assert Processing.CONTINUE.is_continue
    assert repr(Processing.CONTINUE) == "Processing.CONTINUE"
    redirect = Response.see_other("/login")
    early = Processing.early_return(redirect)
    assert early.response is redirect
    assert not early.is_continue
    assert repr(early).startswith("Processing.early_return(Response(status=303")
