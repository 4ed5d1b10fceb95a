"""A constructor registered by a kit needs a type nothing constructs.

The kit's module sets `__blueprint_registration_helper__ = True`: the diagnostic points at
`AuditKit().register(bp)` in this file, saying the kit made the registration, not at the kit's own source.
"""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response

from .kit import AuditKit, AuditTrail


def audit(trail: AuditTrail) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    AuditKit().register(bp)
    bp.route(GET, "/audit", audit)
    return bp
