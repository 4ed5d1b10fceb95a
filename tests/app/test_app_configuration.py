"""Configuration (DESIGN.md §8): base.yaml, then the environment's file, then `APP_<SECTION>__<KEY>` variables.

Invalid configuration must fail at start-up with a message naming the key, so these tests pin the key in
the message, not the exact wording.
"""

from __future__ import annotations

import re

import pytest

from app.configuration import ConfigurationError, Settings, load_settings
from framework.secrets import Secret

PRODUCTION_SECRETS = {
    "APP_DATABASE__URL": "postgresql://newsletter@db.internal/newsletter",
    "APP_APPLICATION__BASE_URL": "https://newsletter.example.com",
    "APP_APPLICATION__HMAC_SECRET": "p" * 64,
    "APP_EMAIL_CLIENT__AUTHORIZATION_TOKEN": "postmark-server-token",
}


def test_the_local_environment_is_the_default_and_needs_no_variables() -> None:
    settings = load_settings(environ={})

    assert isinstance(settings, Settings)
    assert settings.environment == "local"
    assert settings.database.url is None  # the embedded Postgres under .data/
    assert settings.email_client.backend == "outbox"
    assert settings.application.cookie_secure is False
    assert settings.email_client.timeout_milliseconds == 10_000


def test_app_environment_selects_the_file_layered_over_base() -> None:
    settings = load_settings(environ={"APP_ENVIRONMENT": "production", **PRODUCTION_SECRETS})

    assert settings.environment == "production"
    assert settings.application.host == "0.0.0.0"
    assert settings.application.cookie_secure is True


def test_the_explicit_environment_argument_wins_over_app_environment() -> None:
    settings = load_settings(environment="local", environ={"APP_ENVIRONMENT": "production"})

    assert settings.environment == "local"


@pytest.mark.parametrize(
    ("environment", "environ"),
    [
        pytest.param(None, {"APP_ENVIRONMENT": "staging"}, id="from-the-variable"),
        pytest.param("staging", {}, id="from-the-argument"),
    ],
)
def test_an_unknown_environment_is_a_clear_error(environment: str | None, environ: dict[str, str]) -> None:
    with pytest.raises(ConfigurationError) as caught:
        load_settings(environment=environment, environ=environ)

    message = str(caught.value)
    assert "staging" in message
    assert "local" in message
    assert "production" in message


@pytest.mark.parametrize(
    ("variable", "value", "key"),
    [
        pytest.param("APP_APPLICATION__PORT", "eighty", "application.port", id="port-not-an-integer"),
        pytest.param("APP_APPLICATION__PORT", "70000", "application.port", id="port-out-of-range"),
        pytest.param(
            "APP_APPLICATION__COOKIE_SECURE", "yes", "application.cookie_secure", id="bool-not-true-false"
        ),
        pytest.param(
            "APP_DATABASE__MIGRATE_ON_STARTUP", "1", "database.migrate_on_startup", id="bool-not-true-false-2"
        ),
        pytest.param("APP_EMAIL_CLIENT__BACKEND", "pigeon", "email_client.backend", id="unknown-backend"),
        pytest.param(
            "APP_EMAIL_CLIENT__TIMEOUT_MILLISECONDS",
            "0",
            "email_client.timeout_milliseconds",
            id="zero-timeout",
        ),
        pytest.param(
            "APP_EMAIL_CLIENT__BASE_URL", "ftp://mail", "email_client.base_url", id="not-an-http-url"
        ),
        pytest.param("APP_APPLICATION__PROT", "8000", "application.prot", id="unknown-key"),
        pytest.param("APP_EMAIL__BACKEND", "outbox", "email", id="unknown-section"),
    ],
)
def test_an_invalid_setting_fails_with_a_message_naming_its_key(variable: str, value: str, key: str) -> None:
    with pytest.raises(ConfigurationError, match=re.escape(key)):
        load_settings(environment="local", environ={variable: value})


def test_production_without_a_database_url_names_the_key() -> None:
    environ = {k: v for k, v in PRODUCTION_SECRETS.items() if k != "APP_DATABASE__URL"}

    with pytest.raises(ConfigurationError, match=re.escape("database.url")):
        load_settings(environment="production", environ=environ)


@pytest.mark.parametrize(
    ("value", "expected"),
    [pytest.param("true", True, id="true"), pytest.param("false", False, id="false")],
)
def test_booleans_are_overridden_with_true_and_false(value: str, expected: bool) -> None:
    settings = load_settings(
        environment="local",
        environ={"APP_APPLICATION__COOKIE_SECURE": value, "APP_DATABASE__MIGRATE_ON_STARTUP": value},
    )

    assert settings.application.cookie_secure is expected
    assert settings.database.migrate_on_startup is expected


def test_environment_variables_override_every_file() -> None:
    settings = load_settings(
        environment="local",
        environ={
            "APP_APPLICATION__PORT": "0",
            "APP_EMAIL_CLIENT__BACKEND": "postmark",
            "APP_EMAIL_CLIENT__BASE_URL": "http://127.0.0.1:9999",
            "APP_EMAIL_CLIENT__TIMEOUT_MILLISECONDS": "250",
            "APP_DELIVERY__WORKERS": "3",
            "APP_SESSIONS__IDLE_TIMEOUT_SECONDS": "60",
        },
    )

    assert settings.application.port == 0
    assert settings.email_client.backend == "postmark"
    assert settings.email_client.base_url == "http://127.0.0.1:9999"
    assert settings.email_client.timeout_milliseconds == 250
    assert settings.delivery.workers == 3
    assert settings.sessions.idle_timeout_seconds == 60


def test_secrets_are_typed_and_never_printed() -> None:
    settings = load_settings(
        environment="local",
        environ={
            "APP_DATABASE__URL": "postgresql://app:db-password-123@localhost/newsletter",
            "APP_APPLICATION__HMAC_SECRET": "hmac-secret-456",
            "APP_EMAIL_CLIENT__AUTHORIZATION_TOKEN": "postmark-token-789",
        },
    )

    assert isinstance(settings.application.hmac_secret, Secret)
    assert isinstance(settings.email_client.authorization_token, Secret)
    assert settings.application.hmac_secret.expose() == "hmac-secret-456"
    assert settings.email_client.authorization_token.expose() == "postmark-token-789"
    assert settings.database.url is not None
    assert settings.database.url.expose().endswith("/newsletter")
    for shown in (repr(settings), str(settings), f"{settings}"):
        for secret in ("db-password-123", "hmac-secret-456", "postmark-token-789"):
            assert secret not in shown
