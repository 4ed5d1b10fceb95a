"""Request and response cookies (RFC 6265bis), percent-encoded by default.

`RequestCookies` parses every `Cookie` header lazily, on first access, and keeps every value of a name
that is sent more than once (browsers do that when cookies with different paths or domains match).
Parsing never raises: a pair without `=` is skipped, a value that does not percent-decode to UTF-8 is kept
as sent, and raw UTF-8 (from clients that do not percent-encode) is read as UTF-8.

`ResponseCookies` collects the cookies a request wants to set or remove; the post-processing middleware
`inject_response_cookies` writes them as `Set-Cookie` headers. Names and values are percent-encoded, so any
text round-trips through a cookie; pass `encode=False` to send a value that is already cookie-safe.

Example:
    cookies.set("theme", "dark mode", max_age=timedelta(days=30), same_site=SameSite.LAX)
    cookies.remove("flash")
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Final
from urllib.parse import quote, unquote

from .headers import Headers
from .requests import RequestHead
from .responses import Response

__all__ = [
    "RequestCookies",
    "ResponseCookie",
    "ResponseCookies",
    "SameSite",
    "inject_response_cookies",
    "request_cookies",
    "response_cookies",
]

# RFC 6265 cookie-octet minus `%` (kept encoded so that decoding is the exact inverse of encoding).
_VALUE_SAFE: Final = "!#$&'()*+-./:<=>?@[]^_`{|}~"
# RFC 9110 token characters minus `%`.
_NAME_SAFE: Final = "!#$&'*+-.^_`|~"
_RAW_VALUE: Final = re.compile(r"[!#-+\--:<-\[\]-~]*")
_ATTRIBUTE_VALUE: Final = re.compile(r"[^\x00-\x1f\x7f;]*")
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)


class SameSite(Enum):
    """The `SameSite` attribute: `Lax` is the browsers' default and the right one for session cookies."""

    STRICT = "Strict"
    LAX = "Lax"
    NONE = "None"


def _decode(text: str) -> str:
    if not text.isascii():  # raw UTF-8 from a client that did not percent-encode, seen through latin-1
        try:
            text = text.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    if "%" not in text:
        return text
    try:
        return unquote(text, errors="strict")
    except UnicodeDecodeError:
        return text


def _parse_cookie_header(header: str, into: dict[str, list[str]]) -> None:
    for piece in header.split(";"):
        name, sep, value = piece.partition("=")
        name = name.strip(" \t")
        if not sep or not name:
            continue
        value = value.strip(" \t")
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        into.setdefault(_decode(name), []).append(_decode(value))


class RequestCookies:
    """The cookies the client sent, parsed on first use from every `Cookie` header.

    Example:
        cookies.get("session")      # the first value, or None
        cookies.get_all("session")  # every value, in the order sent
    """

    __slots__ = ("_headers", "_parsed")

    def __init__(self, headers: Headers) -> None:
        self._headers = headers
        self._parsed: dict[str, list[str]] | None = None

    @classmethod
    def from_header(cls, *values: str) -> RequestCookies:
        """Cookies from raw `Cookie` header values, sent as UTF-8 (tests, hand-built requests)."""
        return cls(Headers([(b"cookie", value.encode("utf-8")) for value in values]))

    def _cookies(self) -> dict[str, list[str]]:
        if self._parsed is None:
            parsed: dict[str, list[str]] = {}
            for header in self._headers.get_all("cookie"):
                _parse_cookie_header(header, parsed)
            self._parsed = parsed
        return self._parsed

    def get(self, name: str) -> str | None:
        """The first value sent for `name`, or None."""
        values = self._cookies().get(name)
        return values[0] if values else None

    def get_all(self, name: str) -> list[str]:
        """Every value sent for `name`, in order (empty when absent)."""
        return list(self._cookies().get(name, ()))

    def __contains__(self, name: object) -> bool:
        return name in self._cookies()

    def __iter__(self) -> Iterator[str]:
        return iter(self._cookies())

    def __len__(self) -> int:
        return len(self._cookies())

    def __repr__(self) -> str:
        return f"RequestCookies(names={list(self._cookies())!r})"


def request_cookies(head: RequestHead) -> RequestCookies:
    """Request-scoped constructor: the request's cookies, parsed lazily."""
    return RequestCookies(head.headers)


def _max_age_seconds(max_age: int | timedelta) -> int:
    return int(max_age.total_seconds()) if isinstance(max_age, timedelta) else int(max_age)


def _checked_attribute(what: str, value: str) -> str:
    if not _ATTRIBUTE_VALUE.fullmatch(value):
        msg = f"The cookie {what} {value!r} contains a control character or `;`."
        raise ValueError(msg)
    return value


@dataclass(frozen=True, slots=True)
class ResponseCookie:
    """One `Set-Cookie` header: a name, a value already encoded for the wire, and the attributes."""

    name: str
    value: str
    max_age: int | None = None
    expires: datetime | None = None
    domain: str | None = None
    path: str | None = None
    secure: bool = False
    http_only: bool = False
    same_site: SameSite | None = None
    partitioned: bool = False

    def header_value(self) -> str:
        """The `Set-Cookie` header value, e.g. `id=abc; Path=/; HttpOnly; SameSite=Lax`."""
        parts = [f"{self.name}={self.value}"]
        if self.max_age is not None:
            parts.append(f"Max-Age={self.max_age}")
        if self.expires is not None:
            from email.utils import format_datetime  # imported on first use: keeps `import framework` light

            parts.append(f"Expires={format_datetime(self.expires.astimezone(UTC), usegmt=True)}")
        if self.domain is not None:
            parts.append(f"Domain={self.domain}")
        if self.path is not None:
            parts.append(f"Path={self.path}")
        if self.secure:
            parts.append("Secure")
        if self.http_only:
            parts.append("HttpOnly")
        if self.same_site is not None:
            parts.append(f"SameSite={self.same_site.value}")
        if self.partitioned:
            parts.append("Partitioned")
        return "; ".join(parts)


class ResponseCookies:
    """The cookies to set (or remove) on the response; the last call for a (name, domain, path) wins."""

    __slots__ = ("_cookies",)

    def __init__(self) -> None:
        self._cookies: dict[tuple[str, str | None, str | None], ResponseCookie] = {}

    def set(
        self,
        name: str,
        value: str,
        *,
        max_age: int | timedelta | None = None,
        expires: datetime | None = None,
        domain: str | None = None,
        path: str | None = "/",
        secure: bool = False,
        http_only: bool = False,
        same_site: SameSite | None = None,
        partitioned: bool = False,
        encode: bool = True,
    ) -> ResponseCookie:
        """Set cookie `name` to `value` (percent-encoded unless `encode=False`) with the given attributes.

        Raises ValueError for what browsers would reject or misread: an empty name, a raw value with
        characters a cookie cannot hold, `;` or control characters in attributes, `SameSite=None` or
        `Partitioned` without `Secure`, a naive `expires` datetime.
        """
        cookie = ResponseCookie(
            name=_encode_name(name),
            value=quote(value, safe=_VALUE_SAFE) if encode else _checked_raw_value(value),
            max_age=None if max_age is None else _max_age_seconds(max_age),
            expires=_checked_expires(expires),
            domain=None if domain is None else _checked_attribute("domain", domain),
            path=None if path is None else _checked_attribute("path", path),
            secure=secure,
            http_only=http_only,
            same_site=same_site,
            partitioned=partitioned,
        )
        if (same_site is SameSite.NONE or partitioned) and not secure:
            msg = f"The cookie {name!r} needs `secure=True`: browsers reject `SameSite=None` and `Partitioned` cookies without `Secure`."
            raise ValueError(msg)
        self._cookies[(cookie.name, cookie.domain, cookie.path)] = cookie
        return cookie

    def remove(
        self, name: str, *, domain: str | None = None, path: str | None = "/", secure: bool = False
    ) -> ResponseCookie:
        """Tell the client to delete `name`: an empty value that expired at the epoch, `Max-Age=0`.

        `domain` and `path` must be those the cookie was set with, or the browser keeps it; pass
        `secure=True` for a cookie set with `Secure` (browsers let only secure responses replace it).
        """
        return self.set(name, "", max_age=0, expires=_EPOCH, domain=domain, path=path, secure=secure)

    def __iter__(self) -> Iterator[ResponseCookie]:
        return iter(self._cookies.values())

    def __len__(self) -> int:
        return len(self._cookies)

    def __repr__(self) -> str:
        return f"ResponseCookies({list(self._cookies.values())!r})"


def _encode_name(name: str) -> str:
    if not name:
        msg = "A cookie name cannot be empty."
        raise ValueError(msg)
    return quote(name, safe=_NAME_SAFE)


def _checked_raw_value(value: str) -> str:
    if not _RAW_VALUE.fullmatch(value):
        msg = f"The cookie value {value!r} has characters a cookie cannot hold; let it be percent-encoded."
        raise ValueError(msg)
    return value


def _checked_expires(expires: datetime | None) -> datetime | None:
    if expires is not None and expires.tzinfo is None:
        msg = "A cookie's `expires` must be a timezone-aware datetime (e.g. datetime.now(UTC) + ...)."
        raise ValueError(msg)
    return expires


def response_cookies() -> ResponseCookies:
    """Request-scoped constructor: an empty set of cookies for the handler and middlewares to fill."""
    return ResponseCookies()


def inject_response_cookies(response: Response, cookies: ResponseCookies) -> Response:
    """Post-processing middleware: add one `Set-Cookie` header per cookie in `cookies`."""
    for cookie in cookies:
        response.append_header("Set-Cookie", cookie.header_value())
    return response
