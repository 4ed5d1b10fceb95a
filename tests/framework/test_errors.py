"""`HTTPError`, `Error` (what observers see) and the generic 500."""

from __future__ import annotations

import pytest

from framework.errors import Error, HTTPError, internal_server_error


class Quiet(Exception):
    """An exception whose str() is empty."""


def raise_chain() -> BaseException:
    try:
        try:
            try:
                msg = "user_id"
                raise KeyError(msg)
            except KeyError as exc:
                msg = "bad session"
                raise ValueError(msg) from exc
        except ValueError:
            msg = "cannot load the dashboard"
            raise RuntimeError(msg)  # noqa: B904 - implicit context on purpose
    except RuntimeError as exc:
        return exc
    raise AssertionError


def test_http_error_to_response() -> None:
    error = HTTPError(409, "Already confirmed.", [("Retry-After", "5")])
    response = error.to_response()
    assert (response.status, response.body) == (409, b"Already confirmed.")
    assert response.header("retry-after") == "5"
    assert str(error) == "Already confirmed."
    assert repr(error) == "HTTPError(status_code=409, detail='Already confirmed.')"


@pytest.mark.parametrize(("status", "detail"), [(404, "Not Found"), (599, "HTTP 599")])
def test_http_error_default_detail(status: int, detail: str) -> None:
    assert HTTPError(status).detail == detail


def test_error_message_details_and_chain() -> None:
    error = Error(raise_chain())
    assert error.message == "cannot load the dashboard"
    assert error.details == "RuntimeError('cannot load the dashboard')"
    assert error.source_chain == ["cannot load the dashboard", "bad session", "'user_id'"]
    assert str(error) == error.message
    assert Error.wrap(error.inner).inner is error.inner
    assert repr(error).startswith("Error(RuntimeError(")


def test_empty_message_falls_back_to_the_class_name() -> None:
    assert Error(Quiet()).message == "Quiet"
    assert Error(Quiet()).source_chain == ["Quiet"]


def test_suppressed_context_is_not_followed() -> None:
    try:
        try:
            msg = "hidden"
            raise KeyError(msg)
        except KeyError:
            msg = "shown"
            raise ValueError(msg) from None
    except ValueError as exc:
        assert Error(exc).source_chain == ["shown"]


def test_cyclic_chains_terminate() -> None:
    first, second = ValueError("a"), ValueError("b")
    first.__cause__, second.__cause__ = second, first
    assert Error(first).source_chain == ["a", "b"]


def test_internal_server_error_leaks_nothing() -> None:
    response = internal_server_error()
    assert response.status == 500
    assert response.body == b"Internal Server Error"
