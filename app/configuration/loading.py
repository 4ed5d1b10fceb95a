"""Load `Settings`: base.yaml, then `{APP_ENVIRONMENT}.yaml`, then `APP_<SECTION>__<KEY>` variables.

Every problem is reported as a `ConfigurationError` naming the offending key, at start-up, before the
app touches the database or the network: unknown keys, values of the wrong type, missing keys.
"""

from __future__ import annotations

import os
import re
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from app.domain import InvalidSubscriberEmail, SubscriberEmail
from framework.secrets import secret_dec_hook

from .settings import SECTIONS, Environment, Settings

__all__ = ["CONFIGURATION_DIRECTORY", "ConfigurationError", "load_settings"]

CONFIGURATION_DIRECTORY = Path(__file__).resolve().parent
ENV_PREFIX = "APP_"
ENV_SEPARATOR = "__"
_MSGSPEC_PATH = re.compile(r"^(?P<what>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)
_MISSING_FIELD = re.compile(r"^Object missing required field `(?P<field>[^`]+)`$")
_MIN_PRODUCTION_SECRET_LENGTH = 32


class ConfigurationError(Exception):
    """The configuration is invalid; `key` names the setting at fault (e.g. `application.port`)."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


def load_settings(environment: str | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Read, merge and validate the configuration for `environment` (default: `APP_ENVIRONMENT` or local)."""
    environ = os.environ if environ is None else environ
    env = _environment(environment if environment is not None else environ.get("APP_ENVIRONMENT", "local"))
    raw: dict[str, dict[str, Any]] = {}
    for name in ("base", env.value):
        _merge(raw, _read_yaml(CONFIGURATION_DIRECTORY / f"{name}.yaml"))
    _merge(raw, _from_environ(environ))
    settings = _convert(raw, env)
    _check_consistency(settings)
    return settings


def _environment(name: str) -> Environment:
    try:
        return Environment(name)
    except ValueError:
        allowed = " or ".join(f"`{e.value}`" for e in Environment)
        msg = f"APP_ENVIRONMENT must be {allowed}, not `{name}`."
        raise ConfigurationError(msg, key="APP_ENVIRONMENT") from None


def _read_yaml(path: Path) -> dict[str, dict[str, Any]]:
    import yaml  # imported on first use: keeps `codegen generate` fast

    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        msg = f"{path.name} is not valid YAML: {error}"
        raise ConfigurationError(msg) from error
    if document is None:
        return {}
    if not isinstance(document, dict):
        msg = f"{path.name} must be a mapping of sections ({', '.join(SECTIONS)})."
        raise ConfigurationError(msg)
    for section, values in document.items():
        _check_key(str(section), None, source=path.name)
        if values is None:
            document[section] = {}
        elif not isinstance(values, dict):
            msg = f"Invalid configuration key `{section}` in {path.name}: expected a mapping of keys."
            raise ConfigurationError(msg, key=str(section))
        for key in document[section]:
            _check_key(str(section), str(key), source=path.name)
    return document


def _check_key(section: str, key: str | None, *, source: str) -> None:
    if section not in SECTIONS:
        msg = f"Unknown configuration key `{section}` in {source}: the sections are {', '.join(SECTIONS)}."
        raise ConfigurationError(msg, key=section)
    fields = msgspec.structs.fields(SECTIONS[section])
    if key is not None and key not in {field.name for field in fields}:
        known = ", ".join(field.name for field in fields)
        msg = f"Unknown configuration key `{section}.{key}` in {source}; `{section}` has: {known}."
        raise ConfigurationError(msg, key=f"{section}.{key}")


def _merge(into: dict[str, dict[str, Any]], layer: Mapping[str, Mapping[str, Any]]) -> None:
    for section, values in layer.items():
        into.setdefault(section, {}).update(values)


def _from_environ(environ: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """The `APP_<SECTION>__<KEY>` overrides, coerced to their field's type (booleans are true/false)."""
    layer: dict[str, dict[str, Any]] = {}
    for name, value in sorted(environ.items()):
        if not name.startswith(ENV_PREFIX) or ENV_SEPARATOR not in name:
            continue
        section, _, key = name[len(ENV_PREFIX) :].lower().partition(ENV_SEPARATOR)
        _check_key(section, key, source=f"the environment variable {name}")
        field_type = _field_type(section, key)
        layer.setdefault(section, {})[key] = _coerce(value, field_type, f"{section}.{key}", name)
    return layer


def _field_type(section: str, key: str) -> Any:
    for field in msgspec.structs.fields(SECTIONS[section]):
        if field.name == key:
            return field.type
    msg = f"unknown key {section}.{key} passed the key check"
    raise AssertionError(msg)


def _coerce(raw: str, field_type: Any, key: str, variable: str) -> Any:
    if typing.get_origin(field_type) is typing.Annotated:
        field_type = typing.get_args(field_type)[0]
    if isinstance(field_type, types.UnionType):
        if raw == "" and type(None) in typing.get_args(field_type):
            return None
        field_type = next(arg for arg in typing.get_args(field_type) if arg is not type(None))
    if field_type is bool:
        if raw.lower() not in {"true", "false"}:
            msg = f"Invalid configuration key `{key}`: {variable} must be `true` or `false`, not `{raw}`."
            raise ConfigurationError(msg, key=key)
        return raw.lower() == "true"
    if field_type is int:
        try:
            return int(raw)
        except ValueError:
            msg = f"Invalid configuration key `{key}`: {variable} must be an integer, not `{raw}`."
            raise ConfigurationError(msg, key=key) from None
    return raw


def _convert(raw: dict[str, dict[str, Any]], environment: Environment) -> Settings:
    document = {section: raw.get(section, {}) for section in SECTIONS}
    try:
        return msgspec.convert(
            {"environment": environment.value, **document}, Settings, dec_hook=secret_dec_hook
        )
    except msgspec.ValidationError as error:
        raise _explain(str(error)) from None


def _explain(message: str) -> ConfigurationError:
    """Turn msgspec's `... - at `$.section.key`` into a message that leads with the key."""
    match = _MSGSPEC_PATH.match(message)
    what, path = (match["what"], match["path"] or "") if match else (message, "")
    key = path.lstrip(".")
    missing = _MISSING_FIELD.match(what)
    if missing:
        key = f"{key}.{missing['field']}" if key else missing["field"]
        variable = ENV_PREFIX + key.upper().replace(".", ENV_SEPARATOR, 1)
        msg = f"Missing configuration key `{key}`: set it in a YAML file or with {variable}."
        return ConfigurationError(msg, key=key)
    return ConfigurationError(f"Invalid configuration key `{key}`: {what}.", key=key)


def _check_consistency(settings: Settings) -> None:
    """The rules that span keys or depend on the environment."""
    database = settings.database
    if database.pool_min_size > database.pool_max_size:
        msg = f"Invalid configuration key `database.pool_min_size`: {database.pool_min_size} is larger than database.pool_max_size ({database.pool_max_size})."
        raise ConfigurationError(msg, key="database.pool_min_size")
    for key, url in (
        ("application.base_url", settings.application.base_url),
        ("email_client.base_url", settings.email_client.base_url),
    ):
        if not url.startswith(("http://", "https://")):
            msg = f"Invalid configuration key `{key}`: expected an http:// or https:// URL, not `{url}`."
            raise ConfigurationError(msg, key=key)
    try:
        SubscriberEmail.parse(settings.email_client.sender_email)
    except InvalidSubscriberEmail:
        msg = f"Invalid configuration key `email_client.sender_email`: `{settings.email_client.sender_email}` is not an e-mail address."
        raise ConfigurationError(msg, key="email_client.sender_email") from None
    if settings.environment is Environment.PRODUCTION:
        if database.url is None:
            msg = "Missing configuration key `database.url`: production needs a database; set APP_DATABASE__URL."
            raise ConfigurationError(msg, key="database.url")
        if len(settings.application.hmac_secret.expose()) < _MIN_PRODUCTION_SECRET_LENGTH:
            msg = f"Invalid configuration key `application.hmac_secret`: use at least {_MIN_PRODUCTION_SECRET_LENGTH} random characters in production."
            raise ConfigurationError(msg, key="application.hmac_secret")
