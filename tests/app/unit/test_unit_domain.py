"""The domain types reject every invalid value and keep every valid one (DESIGN.md §8)."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, strategies as st

from app.domain import (
    InvalidSubscriberEmail,
    InvalidSubscriberName,
    NewSubscriber,
    SubscriberEmail,
    SubscriberName,
    SubscriptionToken,
)
from app.domain.graphemes import grapheme_count
from app.domain.subscriber_name import FORBIDDEN_CHARACTERS

_allowed_char = st.characters(
    blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp", "Mn", "Me", "Mc", "Cf"),
    blacklist_characters="".join(FORBIDDEN_CHARACTERS),
)


@given(st.text(_allowed_char, min_size=1, max_size=256))
def test_valid_names_are_accepted_and_kept(raw: str) -> None:
    assert SubscriberName.parse(raw).value == raw.strip()


@given(st.text(" \t\n\r\u00a0\u2003", max_size=20))
def test_blank_names_are_rejected(raw: str) -> None:
    with pytest.raises(InvalidSubscriberName):
        SubscriberName.parse(raw)


@given(st.text(_allowed_char, max_size=20), st.sampled_from(sorted(FORBIDDEN_CHARACTERS)))
def test_names_with_a_forbidden_character_are_rejected(prefix: str, forbidden: str) -> None:
    with pytest.raises(InvalidSubscriberName):
        SubscriberName.parse(f"{prefix}{forbidden}x")


def test_the_limit_is_256_graphemes_not_code_points() -> None:
    assert SubscriberName.parse("ё" * 256).value == "ё" * 256
    assert SubscriberName.parse("e\u0301" * 256).value == "e\u0301" * 256  # 512 code points
    with pytest.raises(InvalidSubscriberName):
        SubscriberName.parse("a" * 257)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        pytest.param("", 0, id="empty"),
        pytest.param("abc", 3, id="ascii"),
        pytest.param("e\u0301", 1, id="combining-accent"),
        pytest.param("\U0001f468\u200d\U0001f469\u200d\U0001f467", 1, id="zwj-family"),
        pytest.param("\U0001f44d\U0001f3fd", 1, id="skin-tone"),
        pytest.param("\U0001f1eb\U0001f1f7\U0001f1e9\U0001f1ea", 2, id="two-flags"),
        pytest.param("\r\n", 1, id="crlf"),
    ],
)
def test_grapheme_count(text: str, count: int) -> None:
    assert grapheme_count(text) == count


def test_the_error_quotes_the_value_exactly_as_submitted() -> None:
    with pytest.raises(InvalidSubscriberName, match=r"^  \(x\)   is not a valid subscriber name\.$"):
        SubscriberName.parse("  (x)  ")
    with pytest.raises(InvalidSubscriberEmail, match=r"^ursula\.com is not a valid subscriber email\.$"):
        SubscriberEmail.parse("ursula.com")


@given(
    st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=20),
    st.sampled_from(["gmail.com", "example.org", "mail.co.uk"]),
)
def test_valid_emails_are_accepted(local: str, domain: str) -> None:
    assert SubscriberEmail.parse(f"{local}@{domain}").value == f"{local}@{domain}"


@pytest.mark.parametrize("raw", ["", "ursula.com", "@domain.com", "ursula@", "a b@c.com", "a@@b.com"])
def test_invalid_emails_are_rejected(raw: str) -> None:
    with pytest.raises(InvalidSubscriberEmail):
        SubscriberEmail.parse(raw)


def test_a_new_subscriber_checks_the_name_first() -> None:
    with pytest.raises(InvalidSubscriberName):
        NewSubscriber.parse(name="", email="not an email")
    subscriber = NewSubscriber.parse(name=" le guin ", email="ursula_le_guin@gmail.com")
    assert (subscriber.name.value, subscriber.email.value) == ("le guin", "ursula_le_guin@gmail.com")


def test_generated_tokens_are_25_random_alphanumerics() -> None:
    tokens = {SubscriptionToken.generate().value for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(token) == 25 and token.isascii() and token.isalnum() for token in tokens)


@pytest.mark.parametrize("raw", ["", "a" * 24, "a" * 26, "a" * 24 + "-", "é" * 25])
def test_malformed_tokens_parse_to_none(raw: str) -> None:
    assert SubscriptionToken.parse(raw) is None
