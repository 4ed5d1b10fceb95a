"""How long a constructed value lives, and which lifecycles may depend on which."""

from __future__ import annotations

from enum import Enum
from typing import Final


class Lifecycle(Enum):
    """The lifecycle of a constructed value.

    - `SINGLETON`: built once by `build_application_state`, shared by every request.
    - `REQUEST_SCOPED`: built at most once per request, shared by everything that request runs.
    - `TRANSIENT`: built anew at every use.
    """

    SINGLETON = "singleton"
    REQUEST_SCOPED = "request-scoped"
    TRANSIENT = "transient"

    def __str__(self) -> str:
        return self.value


ALLOWED_DEPENDENCIES: Final[dict[Lifecycle, frozenset[Lifecycle]]] = {
    Lifecycle.SINGLETON: frozenset({Lifecycle.SINGLETON}),
    Lifecycle.REQUEST_SCOPED: frozenset(Lifecycle),
    Lifecycle.TRANSIENT: frozenset(Lifecycle),
}
"""Which lifecycles a constructor of each lifecycle may take as inputs (prebuilt types count as singletons)."""
