"""The newsletter app's Blueprint: every constructor, route, middleware and error handler.

`app/server_sdk.py` is compiled from it:
`python -m codegen generate app.blueprint:blueprint --output app/server_sdk.py`.
"""

from __future__ import annotations

import app.database
import app.email_client
import app.routes.confirm
import app.routes.dev_outbox
import app.routes.health_check
import app.routes.home
import app.routes.subscriptions
import app.templates
import framework.telemetry
from app.configuration import Settings
from blueprint import GET, POST, Blueprint
from framework.kits import ApiKit


def blueprint() -> Blueprint:
    bp = Blueprint()
    ApiKit().register(bp)
    bp.prebuilt(Settings)

    bp.singleton(app.database.connection_pool)
    bp.singleton(app.email_client.email_client)
    bp.singleton(app.templates.templates)

    bp.wrap(framework.telemetry.logger)
    bp.error_observer(framework.telemetry.log_error)

    bp.route(GET, "/", app.routes.home.home)
    bp.route(GET, "/health_check", app.routes.health_check.health_check)
    bp.route(POST, "/subscriptions", app.routes.subscriptions.subscribe).error_handler(
        app.routes.subscriptions.subscribe_error_to_response
    )
    bp.route(GET, "/subscriptions/confirm", app.routes.confirm.confirm)
    bp.route(GET, "/dev/outbox", app.routes.dev_outbox.dev_outbox)
    return bp
