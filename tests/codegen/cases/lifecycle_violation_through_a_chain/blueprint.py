"""`Mailer` (singleton) needs `Template` (transient), which needs `Locale` (request-scoped)."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class Locale:
    pass


class Template:
    def __init__(self, locale: Locale) -> None:
        self.locale = locale


class Mailer:
    def __init__(self, template: Template) -> None:
        self.template = template


def locale() -> Locale:
    return Locale()


def template(locale: Locale) -> Template:
    return Template(locale)


def mailer(template: Template) -> Mailer:
    return Mailer(template)


def send(mailer: Mailer) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(locale)
    bp.transient(template)
    bp.singleton(mailer)
    bp.route(GET, "/send", send)
    return bp
