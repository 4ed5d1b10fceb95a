"""A handler and a constructor from a module that its package shadows with a re-export of the same name.

`import tests.codegen.behaviour.reexported_routes.greet as alias` would bind the function `greet`, not the
module: the generated code must reach the module's objects some other way.
"""

from __future__ import annotations

from blueprint import GET, Blueprint

from .reexported_routes import greet
from .reexported_routes.greet import visitor


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(visitor)
    bp.route(GET, "/greet", greet)
    return bp
