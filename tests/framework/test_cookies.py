"""Request cookie parsing and `Set-Cookie` serialisation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from http.cookies import SimpleCookie

import pytest
from hypothesis import given, strategies as st

from framework.cookies import (
    RequestCookies,
    ResponseCookies,
    SameSite,
    inject_response_cookies,
    request_cookies,
    response_cookies,
)
from framework.headers import Headers
from framework.requests import RequestHead
from framework.responses import Response


def cookie_header_of(cookies: ResponseCookies) -> str:
    """What a browser would send back: `name=value` pairs of the cookies set."""
    return "; ".join(c.header_value().split(";")[0] for c in cookies)


@given(st.dictionaries(st.text(min_size=1), st.text(), max_size=6))
def test_any_text_round_trips_through_set_and_parse(values: dict[str, str]) -> None:
    outgoing = ResponseCookies()
    for name, value in values.items():
        outgoing.set(name, value)
    incoming = RequestCookies.from_header(cookie_header_of(outgoing))
    assert {name: incoming.get(name) for name in values} == values


@given(st.text())
def test_hostile_cookie_headers_never_raise(header: str) -> None:
    cookies = RequestCookies.from_header(header)
    for name in cookies:
        assert cookies.get(name) is not None
        assert cookies.get_all(name)


@given(st.binary())
def test_hostile_header_bytes_never_raise(raw: bytes) -> None:
    cookies = RequestCookies(Headers([(b"cookie", raw)]))
    assert len(cookies) == len(list(cookies))


def test_repeated_names_keep_every_value_in_order() -> None:
    cookies = RequestCookies(Headers([(b"cookie", b"id=1; theme=dark"), (b"cookie", b"id=2")]))
    assert cookies.get("id") == "1"
    assert cookies.get_all("id") == ["1", "2"]
    assert cookies.get("theme") == "dark"
    assert "theme" in cookies
    assert cookies.get("absent") is None
    assert cookies.get_all("absent") == []


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        pytest.param("a=1;b=2", {"a": "1", "b": "2"}, id="no-space"),
        pytest.param("  a = 1 ;  b=2  ", {"a": "1", "b": "2"}, id="whitespace-trimmed"),
        pytest.param('a="quoted value"', {"a": "quoted value"}, id="dquotes-stripped"),
        pytest.param("a=; b", {"a": ""}, id="empty-value-kept-nameless-skipped"),
        pytest.param("=1; a=2", {"a": "2"}, id="empty-name-skipped"),
        pytest.param("a=x=y", {"a": "x=y"}, id="equals-in-value"),
        pytest.param("a=%E2%82%AC", {"a": "€"}, id="percent-decoded"),
        pytest.param("a=%ff%zz", {"a": "%ff%zz"}, id="undecodable-kept-raw"),
    ],
)
def test_parsing_examples(header: str, expected: dict[str, str]) -> None:
    cookies = RequestCookies.from_header(header)
    assert {name: cookies.get(name) for name in cookies} == expected


def test_request_cookies_constructor_reads_the_head_lazily() -> None:
    head = RequestHead("GET", "/", "/", headers=Headers([(b"cookie", b"a=1")]))
    cookies = request_cookies(head)
    assert repr(cookies) == "RequestCookies(names=['a'])"
    assert len(cookies) == 1


def test_set_cookie_carries_every_attribute() -> None:
    cookies = ResponseCookies()
    cookie = cookies.set(
        "id",
        "abc",
        max_age=timedelta(hours=1),
        expires=datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2))),
        domain="example.com",
        path="/admin",
        secure=True,
        http_only=True,
        same_site=SameSite.STRICT,
        partitioned=True,
    )
    assert cookie.header_value() == (
        "id=abc; Max-Age=3600; Expires=Wed, 02 Jan 2030 01:04:05 GMT; Domain=example.com; "
        "Path=/admin; Secure; HttpOnly; SameSite=Strict; Partitioned"
    )


def test_set_cookie_defaults_to_path_root_only() -> None:
    assert ResponseCookies().set("a", "b").header_value() == "a=b; Path=/"


def test_values_are_percent_encoded_and_parse_back_with_the_stdlib() -> None:
    cookie = ResponseCookies().set("flash", 'Hello; "world", 100%')
    assert cookie.value == "Hello%3B%20%22world%22%2C%20100%25"
    parsed: SimpleCookie = SimpleCookie()
    parsed.load(cookie.header_value())
    assert parsed["flash"].value == cookie.value


def test_raw_values_are_checked() -> None:
    assert ResponseCookies().set("a", "b.c-d", encode=False).value == "b.c-d"
    with pytest.raises(ValueError, match="cannot hold"):
        ResponseCookies().set("a", "b c", encode=False)


def test_removal_cookie_expires_immediately() -> None:
    cookies = ResponseCookies()
    cookies.set("flash", "x")
    cookies.remove("flash")
    assert len(cookies) == 1  # the removal replaced the earlier set of the same (name, domain, path)
    (cookie,) = cookies
    assert cookie.header_value() == "flash=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"


def test_same_name_with_different_paths_are_distinct_cookies() -> None:
    cookies = ResponseCookies()
    cookies.set("a", "1", path="/")
    cookies.set("a", "2", path="/admin")
    assert [c.value for c in cookies] == ["1", "2"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"same_site": SameSite.NONE}, "needs `secure=True`", id="samesite-none-insecure"),
        pytest.param({"partitioned": True}, "needs `secure=True`", id="partitioned-insecure"),
        pytest.param({"path": "/; Secure"}, "control character or `;`", id="attribute-injection"),
        pytest.param({"domain": "a\r\nb"}, "control character or `;`", id="crlf-in-domain"),
        pytest.param({"expires": datetime(2030, 1, 1)}, "timezone-aware", id="naive-expires"),
    ],
)
def test_invalid_attributes_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ResponseCookies().set("a", "b", **kwargs)  # type: ignore[arg-type]


def test_empty_name_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot be empty"):
        ResponseCookies().set("", "b")


def test_inject_response_cookies_writes_one_header_per_cookie() -> None:
    cookies = response_cookies()
    cookies.set("a", "1", http_only=True)
    cookies.set("b", "2", expires=datetime(2030, 1, 1, tzinfo=UTC))
    response = inject_response_cookies(Response.ok("hi"), cookies)
    assert response.get_all("set-cookie") == [
        "a=1; Path=/; HttpOnly",
        "b=2; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Path=/",
    ]


def test_inject_without_cookies_leaves_the_response_alone() -> None:
    response = inject_response_cookies(Response.ok(), ResponseCookies())
    assert response.get_all("set-cookie") == []


def test_raw_utf8_cookie_values_are_read_as_utf8() -> None:
    cookies = RequestCookies(Headers([(b"cookie", "greeting=café".encode() + b"; bad=\xff")]))
    assert cookies.get("greeting") == "café"
    assert cookies.get("bad") == "\xff"  # not UTF-8: kept as received (latin-1)
