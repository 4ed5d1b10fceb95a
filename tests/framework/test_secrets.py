"""`Secret[T]`: never printed, logged or serialised by accident."""

from __future__ import annotations

import json
import logging
import pickle
from dataclasses import dataclass

import msgspec
import pytest

from framework.secrets import Secret, secret_dec_hook, secret_enc_hook


@dataclass
class Settings:
    token: Secret[str]
    port: int
    pin: Secret[int] | None = None


def test_str_repr_and_format_hide_the_value() -> None:
    secret = Secret("hunter2")
    assert str(secret) == repr(secret) == f"{secret}" == f"{secret:>20}" == "***"
    assert "hunter2" not in repr(Settings(secret, 80))
    assert secret.expose() == "hunter2"


def test_logging_shows_stars(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        logging.getLogger("test").info("settings: %s", Settings(Secret("hunter2"), 80))
    assert "hunter2" not in caplog.text
    assert "token=***" in caplog.text


def test_serialisation_never_leaks() -> None:
    settings = Settings(Secret("hunter2"), 80)
    with pytest.raises(TypeError):
        msgspec.json.encode(settings)
    assert msgspec.json.encode(settings, enc_hook=secret_enc_hook) == b'{"token":"***","port":80,"pin":null}'
    assert json.dumps({"token": settings.token}, default=str) == '{"token": "***"}'
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(settings.token)


def test_enc_hook_still_refuses_other_types() -> None:
    with pytest.raises(TypeError):
        msgspec.json.encode(object(), enc_hook=secret_enc_hook)


def test_dec_hook_builds_typed_secrets_from_configuration() -> None:
    settings = msgspec.convert(
        {"token": "hunter2", "port": "80", "pin": "1234"}, Settings, strict=False, dec_hook=secret_dec_hook
    )
    assert settings.token.expose() == "hunter2"
    assert settings.pin is not None and settings.pin.expose() == 1234


def test_equality_compares_values() -> None:
    assert Secret("a") == Secret("a")
    assert Secret("a") != Secret("b")
    assert Secret(b"a") == Secret(b"a")
    assert Secret(1) == Secret(1)
    assert Secret("a") != "a"
    assert len({Secret("a"), Secret("a")}) == 1
