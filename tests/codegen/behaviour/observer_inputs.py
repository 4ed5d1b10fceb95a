"""Error observers' own inputs: needed only when there is an error to observe.

`AuditTrail` (request-scoped) is taken by the observer alone; its constructor fails when the request carries
`X-No-Audit`. A request that raises nothing does not need it, so it must not fail because of it.
"""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Error, RequestHead, Response

CALLS: list[str] = []


class AuditTrail:
    pass


class AuditUnavailableError(Exception):
    pass


class CheckoutError(Exception):
    pass


def audit_trail(head: RequestHead) -> AuditTrail:
    CALLS.append("audit_trail")
    if head.header("x-no-audit") is not None:
        msg = "the audit service is down"
        raise AuditUnavailableError(msg)
    return AuditTrail()


def observe(error: Error, trail: AuditTrail) -> None:
    CALLS.append(f"observed: {error.message}")


def fine() -> Response:
    return Response.text("fine")


def checkout() -> Response:
    msg = "card declined"
    raise CheckoutError(msg)


def checkout_error_to_response(error: CheckoutError) -> Response:
    return Response.text("declined", status=402)


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(audit_trail)
    bp.error_observer(observe)
    bp.error_handler(checkout_error_to_response)
    bp.route(GET, "/fine", fine)
    bp.route(GET, "/checkout", checkout)
    return bp
