"""Configuration loading: layering, env overrides, and errors that name the key (DESIGN.md §8)."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from app.configuration import ConfigurationError, Environment, load_settings
from framework.secrets import Secret


def test_local_defaults_need_no_environment_variables() -> None:
    settings = load_settings(environ={})
    assert settings.environment is Environment.LOCAL
    assert settings.email_client.backend == "outbox"
    assert settings.email_client.timeout_milliseconds == 10_000
    assert settings.database.url is None
    assert settings.application.cookie_secure is False


def test_environment_variables_override_the_files() -> None:
    settings = load_settings(
        environment="local",
        environ={
            "APP_DATABASE__URL": "postgresql://u:p@localhost/db",
            "APP_EMAIL_CLIENT__BACKEND": "postmark",
            "APP_EMAIL_CLIENT__BASE_URL": "http://127.0.0.1:9999",
            "APP_APPLICATION__PORT": "0",
            "APP_DATABASE__MIGRATE_ON_STARTUP": "false",
            "APP_APPLICATION__COOKIE_SECURE": "TRUE",
        },
    )
    assert settings.database.url == Secret("postgresql://u:p@localhost/db")
    assert settings.email_client.backend == "postmark"
    assert settings.application.port == 0
    assert settings.database.migrate_on_startup is False
    assert settings.application.cookie_secure is True


def test_app_environment_picks_the_file_and_the_argument_wins() -> None:
    production = {
        "APP_ENVIRONMENT": "production",
        "APP_DATABASE__URL": "postgresql://db/newsletter",
        "APP_APPLICATION__HMAC_SECRET": "x" * 64,
        "APP_EMAIL_CLIENT__AUTHORIZATION_TOKEN": "token",
    }
    assert load_settings(environ=production).environment is Environment.PRODUCTION
    assert load_settings("local", environ=production).environment is Environment.LOCAL


def test_secrets_never_show_in_the_settings_repr() -> None:
    settings = load_settings(environ={"APP_DATABASE__URL": "postgresql://user:hunter2@db/x"})
    assert "hunter2" not in repr(settings)
    assert "local-development" not in repr(settings)


@pytest.mark.parametrize(
    ("environ", "key"),
    [
        pytest.param({"APP_ENVIRONMENT": "staging"}, "APP_ENVIRONMENT", id="unknown-environment"),
        pytest.param({"APP_APPLICATION__PORTS": "1"}, "application.ports", id="unknown-key"),
        pytest.param({"APP_NOPE__PORT": "1"}, "nope", id="unknown-section"),
        pytest.param({"APP_APPLICATION__PORT": "http"}, "application.port", id="not-an-integer"),
        pytest.param({"APP_APPLICATION__PORT": "70000"}, "application.port", id="port-out-of-range"),
        pytest.param({"APP_DATABASE__MIGRATE_ON_STARTUP": "yes"}, "database.migrate_on_startup", id="bool"),
        pytest.param({"APP_EMAIL_CLIENT__BACKEND": "carrier-pigeon"}, "email_client.backend", id="enum"),
        pytest.param({"APP_APPLICATION__BASE_URL": "localhost"}, "application.base_url", id="url"),
        pytest.param({"APP_EMAIL_CLIENT__SENDER_EMAIL": "nobody"}, "email_client.sender_email", id="sender"),
        pytest.param(
            {"APP_DATABASE__POOL_MIN_SIZE": "9", "APP_DATABASE__POOL_MAX_SIZE": "3"},
            "database.pool_min_size",
            id="min-above-max",
        ),
        pytest.param({"APP_ENVIRONMENT": "production"}, "application.hmac_secret", id="missing-secret"),
    ],
)
def test_invalid_configuration_names_the_key(environ: dict[str, str], key: str) -> None:
    with pytest.raises(ConfigurationError, match=f"`?{key}`?") as caught:
        load_settings(environ=environ)
    assert caught.value.key == key


@given(st.text(min_size=1, max_size=10).filter(lambda s: s.lower() not in {"true", "false"}))
def test_only_true_and_false_are_booleans(raw: str) -> None:
    with pytest.raises(ConfigurationError, match=r"database\.migrate_on_startup"):
        load_settings(environ={"APP_DATABASE__MIGRATE_ON_STARTUP": raw})


def test_variables_without_the_separator_are_not_configuration() -> None:
    assert load_settings(environ={"APP_SOMETHING": "x", "APPLICATION__PORT": "x"}).application.port == 8000
