"""Method guards: which HTTP methods a route answers."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import BlueprintError


@dataclass(frozen=True, slots=True)
class MethodGuard:
    """A set of HTTP methods, or every method (`ANY`) when `methods` is None."""

    methods: frozenset[str] | None

    @property
    def is_any(self) -> bool:
        return self.methods is None

    def overlaps(self, other: MethodGuard) -> bool:
        if self.methods is None or other.methods is None:
            return True
        return bool(self.methods & other.methods)

    def __str__(self) -> str:
        if self.methods is None:
            return "ANY"
        return " | ".join(sorted(self.methods))


GET = MethodGuard(frozenset({"GET"}))
POST = MethodGuard(frozenset({"POST"}))
PUT = MethodGuard(frozenset({"PUT"}))
PATCH = MethodGuard(frozenset({"PATCH"}))
DELETE = MethodGuard(frozenset({"DELETE"}))
HEAD = MethodGuard(frozenset({"HEAD"}))
OPTIONS = MethodGuard(frozenset({"OPTIONS"}))
TRACE = MethodGuard(frozenset({"TRACE"}))
CONNECT = MethodGuard(frozenset({"CONNECT"}))
ANY = MethodGuard(None)


def methods(*guards: MethodGuard | str) -> MethodGuard:
    """A guard matching any of the given methods: `methods(GET, POST)` or `methods("GET", "PURGE")`."""
    collected: set[str] = set()
    for guard in guards:
        if isinstance(guard, str):
            if not guard or not guard.isascii() or not guard.replace("-", "").isalnum():
                msg = f"{guard!r} is not an HTTP method name; use GET, POST, ... or an upper-case token."
                raise BlueprintError(msg)
            collected.add(guard.upper())
        elif isinstance(guard, MethodGuard):
            if guard.methods is None:
                return ANY
            collected |= guard.methods
        else:
            msg = f"methods() takes method guards such as GET or POST, not {type(guard).__name__}."
            raise BlueprintError(msg)
    if not collected:
        msg = "methods() needs at least one method, e.g. methods(GET, POST)."
        raise BlueprintError(msg)
    return MethodGuard(frozenset(collected))
