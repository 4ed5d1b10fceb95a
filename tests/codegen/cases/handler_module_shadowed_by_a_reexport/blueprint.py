"""A handler whose package re-exports it under its module's name.

`routes/__init__.py` does `from .health_check import health_check`, so the attribute
`routes.health_check` is the function, not the module, and `import ...routes.health_check as alias` binds
the function: the generated code must still reach the module's objects (`health_check`, `probe`, `ProbeError`).
"""

from __future__ import annotations

from blueprint import GET, Blueprint

from .routes import health_check
from .routes.health_check import probe, probe_error_to_response


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(probe).error_handler(probe_error_to_response)
    bp.route(GET, "/health_check", health_check)
    return bp
