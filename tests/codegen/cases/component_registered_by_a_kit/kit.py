"""A kit: it registers components on its caller's blueprint, so diagnostics point at the caller's call."""

from __future__ import annotations

from blueprint import Blueprint

__blueprint_registration_helper__ = True


class Clock:
    """Nothing constructs it: the kit's constructor needs it."""


class AuditTrail:
    pass


def audit_trail(clock: Clock) -> AuditTrail:
    return AuditTrail()


class AuditKit:
    def register(self, bp: Blueprint) -> Blueprint:
        bp.request_scoped(audit_trail)
        return bp
