"""The one error the Blueprint API raises: a registration call that cannot mean anything."""

from __future__ import annotations


class BlueprintError(ValueError):
    """A Blueprint method was called with arguments it cannot record (e.g. a non-callable component).

    Everything else (templates, signatures, lifecycles) is checked by the compiler, which reports every
    problem of a run together.
    """
