"""The typed settings: one frozen Struct per section of the YAML files (DESIGN.md §8).

Secrets are `Secret[str]` so that a settings object can be logged or printed without leaking them;
read them with `.expose()` at the one place that needs the value.
"""

from __future__ import annotations

import enum
from typing import Annotated, Literal

import msgspec

from framework.secrets import Secret

__all__ = [
    "ApplicationSettings",
    "DatabaseSettings",
    "DeliverySettings",
    "EmailBackend",
    "EmailClientSettings",
    "Environment",
    "SessionSettings",
    "Settings",
]

Port = Annotated[int, msgspec.Meta(ge=0, le=65535)]
PositiveInt = Annotated[int, msgspec.Meta(ge=1)]
NonNegativeInt = Annotated[int, msgspec.Meta(ge=0)]
NonEmptyStr = Annotated[str, msgspec.Meta(min_length=1)]
EmailBackend = Literal["postmark", "smtp", "outbox"]


class Environment(enum.StrEnum):
    """Where the app runs: chosen by `APP_ENVIRONMENT`, it picks the YAML file layered over base.yaml."""

    LOCAL = "local"
    PRODUCTION = "production"


class _Section(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    pass


class ApplicationSettings(_Section, frozen=True):
    host: NonEmptyStr
    port: Port
    base_url: NonEmptyStr
    hmac_secret: Secret[str]
    cookie_secure: bool


class DatabaseSettings(_Section, frozen=True):
    url: Secret[str] | None = None
    pool_min_size: NonNegativeInt = 1
    pool_max_size: PositiveInt = 10
    migrate_on_startup: bool = True


class EmailClientSettings(_Section, frozen=True):
    backend: EmailBackend
    base_url: NonEmptyStr
    sender_email: NonEmptyStr
    authorization_token: Secret[str]
    timeout_milliseconds: PositiveInt = 10_000
    smtp_host: NonEmptyStr = "localhost"
    smtp_port: Port = 25
    smtp_username: str | None = None
    smtp_password: Secret[str] | None = None
    smtp_starttls: bool = False

    @property
    def timeout_seconds(self) -> float:
        return self.timeout_milliseconds / 1000


class DeliverySettings(_Section, frozen=True):
    workers: NonNegativeInt = 1
    poll_interval_milliseconds: PositiveInt = 1000
    max_retries: NonNegativeInt = 5
    backoff_base_milliseconds: PositiveInt = 1000


class SessionSettings(_Section, frozen=True):
    idle_timeout_seconds: PositiveInt = 3600


class Settings(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Everything the app reads from its configuration; built by `load_settings()`.

    `environment` is not a configuration key: it records which `APP_ENVIRONMENT` the settings came from,
    so that local-only features (the `/dev/outbox` page, the embedded database) can check it.
    """

    environment: Environment
    application: ApplicationSettings
    database: DatabaseSettings
    email_client: EmailClientSettings
    delivery: DeliverySettings
    sessions: SessionSettings

    @property
    def is_local(self) -> bool:
        return self.environment is Environment.LOCAL


SECTIONS: dict[str, type[_Section]] = {
    "application": ApplicationSettings,
    "database": DatabaseSettings,
    "email_client": EmailClientSettings,
    "delivery": DeliverySettings,
    "sessions": SessionSettings,
}
"""Every section of the configuration and its Struct: the table the loader validates keys against."""
