"""The app's configuration: typed settings loaded from YAML files and `APP_*` environment variables."""

from __future__ import annotations

from .loading import ConfigurationError as ConfigurationError, load_settings as load_settings
from .settings import (
    ApplicationSettings as ApplicationSettings,
    DatabaseSettings as DatabaseSettings,
    DeliverySettings as DeliverySettings,
    EmailBackend as EmailBackend,
    EmailClientSettings as EmailClientSettings,
    Environment as Environment,
    SessionSettings as SessionSettings,
    Settings as Settings,
)

__all__ = [
    "ApplicationSettings",
    "ConfigurationError",
    "DatabaseSettings",
    "DeliverySettings",
    "EmailBackend",
    "EmailClientSettings",
    "Environment",
    "SessionSettings",
    "Settings",
    "load_settings",
]
