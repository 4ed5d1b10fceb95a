"""Signed cookie values: tampering makes a cookie absent; keys rotate."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from framework.cookies import RequestCookies, ResponseCookies
from framework.secrets import Secret
from framework.signing import Signer, get_signed, set_signed

OLD = Secret("old-key-0123456789")
NEW = Secret("new-key-9876543210")


@given(st.text(), st.text(min_size=1))
def test_sign_then_unsign_round_trips(value: str, name: str) -> None:
    signer = Signer([NEW])
    assert signer.unsign(name, signer.sign(name, value)) == value


@given(st.text(max_size=20), st.integers(min_value=0), st.characters())
def test_any_single_character_change_is_rejected(value: str, position: int, replacement: str) -> None:
    signer = Signer([NEW])
    signed = signer.sign("flash", value)
    index = position % len(signed)
    tampered = signed[:index] + replacement + signed[index + 1 :]
    if tampered != signed:
        assert signer.unsign("flash", tampered) is None


@pytest.mark.parametrize(
    "signed",
    [
        pytest.param("", id="empty"),
        pytest.param("no-signature", id="no-separator"),
        pytest.param("value.short", id="short-signature"),
        pytest.param("value." + "A" * 43, id="wrong-signature"),
        pytest.param("value." + "é" * 43, id="non-ascii-signature"),
    ],
)
def test_malformed_values_are_absent(signed: str) -> None:
    assert Signer([NEW]).unsign("flash", signed) is None


def test_signature_is_bound_to_the_cookie_name() -> None:
    signer = Signer([NEW])
    assert signer.unsign("session", signer.sign("flash", "admin")) is None


def test_key_rotation_signs_with_the_first_key_and_verifies_with_any() -> None:
    before = Signer([OLD])
    after = Signer([NEW, OLD])
    signed_before = before.sign("flash", "hello")
    assert after.unsign("flash", signed_before) == "hello"
    signed_after = after.sign("flash", "hello")
    assert signed_after == Signer([NEW]).sign("flash", "hello")
    assert before.unsign("flash", signed_after) is None
    assert Signer([NEW]).unsign("flash", signed_before) is None  # the old key retired


def test_values_containing_the_separator_survive() -> None:
    signer = Signer([NEW])
    assert signer.unsign("a", signer.sign("a", "x.y.z")) == "x.y.z"


def test_keys_are_required_and_never_shown() -> None:
    with pytest.raises(ValueError, match="at least one key"):
        Signer([])
    with pytest.raises(ValueError, match="non-empty string"):
        Signer([Secret("")])
    assert "new-key" not in repr(Signer([NEW]))


def test_signed_cookies_through_request_and_response_cookies() -> None:
    signer = Signer([NEW])
    outgoing = ResponseCookies()
    cookie = set_signed(outgoing, signer, "flash", "Authentication failed; try again", http_only=True)
    assert "HttpOnly" in cookie.header_value()
    forged = signer.sign("flash", "forged")[:-1] + "x"
    incoming = RequestCookies.from_header(f"flash={forged}", f"flash={cookie.value}")
    assert get_signed(incoming, signer, "flash") == "Authentication failed; try again"
    assert get_signed(RequestCookies.from_header(f"flash={forged}"), signer, "flash") is None
    assert get_signed(RequestCookies.from_header(""), signer, "flash") is None
