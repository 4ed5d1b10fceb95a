"""Signed cookie values: HMAC-SHA256 over the cookie's name and value, with key rotation.

A signed value is `VALUE.SIGNATURE` (the signature is 43 characters of unpadded base64url). The MAC covers
the cookie name too, so a value signed for `flash` cannot be replayed as `session`. The first key signs;
every key verifies, so a key can be rotated by putting the new one first and keeping the old one until the
cookies it signed have expired. Verification is constant-time, and any tampering makes the cookie absent
(`None`), never an error: to the application a forged cookie is just a missing one.

Signing proves integrity, not secrecy: the value is readable by the client.

Example:
    signer = Signer([Secret(settings.hmac_secret)])
    set_signed(cookies, signer, "flash", "Authentication failed")
    get_signed(request_cookies, signer, "flash")  # "Authentication failed", or None if absent or forged
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Sequence
from typing import Any, Final

from .cookies import RequestCookies, ResponseCookie, ResponseCookies
from .secrets import Secret

__all__ = ["Signer", "get_signed", "set_signed"]

_SEPARATOR: Final = "."
_SIGNATURE_LENGTH: Final = 43  # unpadded base64url of a 32-byte SHA-256 MAC
_KEY_CONTEXT: Final = b"framework.signing.cookies.v1"


def _derive(key: Secret[str]) -> bytes:
    """A key used only for cookie signing, so the same secret can serve other purposes safely."""
    raw = key.expose()
    if not isinstance(raw, str) or not raw:
        msg = "A signing key must be a non-empty string (wrapped in Secret)."
        raise ValueError(msg)
    return hmac.new(raw.encode("utf-8"), _KEY_CONTEXT, hashlib.sha256).digest()


class Signer:
    """Signs with the first key, verifies with any of them (newest first)."""

    __slots__ = ("_keys",)

    def __init__(self, keys: Sequence[Secret[str]]) -> None:
        if not keys:
            msg = "A Signer needs at least one key; the first one signs."
            raise ValueError(msg)
        self._keys = tuple(_derive(key) for key in keys)

    @staticmethod
    def _mac(key: bytes, name: str, value: str) -> str:
        message = f"{len(name)}:{name}={value}".encode()
        digest = hmac.new(key, message, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")

    def sign(self, name: str, value: str) -> str:
        """`value` with its signature appended, bound to the cookie `name`."""
        return f"{value}{_SEPARATOR}{self._mac(self._keys[0], name, value)}"

    def unsign(self, name: str, signed: str) -> str | None:
        """The original value if `signed` carries a valid signature for `name` under any key, else None."""
        value, separator, signature = signed.rpartition(_SEPARATOR)
        if not separator or len(signature) != _SIGNATURE_LENGTH:
            return None
        expected = signature.encode("ascii", errors="replace")
        valid = False
        for key in self._keys:  # every key is tried, so timing does not reveal which one matched
            valid |= hmac.compare_digest(self._mac(key, name, value).encode("ascii"), expected)
        return value if valid else None

    def __repr__(self) -> str:
        return f"Signer(keys={len(self._keys)} × ***)"


def get_signed(cookies: RequestCookies, signer: Signer, name: str) -> str | None:
    """The first value of cookie `name` whose signature verifies, or None (absent or tampered with)."""
    for signed in cookies.get_all(name):
        value = signer.unsign(name, signed)
        if value is not None:
            return value
    return None


def set_signed(
    cookies: ResponseCookies, signer: Signer, name: str, value: str, **attributes: Any
) -> ResponseCookie:
    """Set cookie `name` to the signed `value`; `attributes` are those of `ResponseCookies.set`."""
    return cookies.set(name, signer.sign(name, value), **attributes)
