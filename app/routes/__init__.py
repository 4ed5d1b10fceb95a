"""The request handlers, one module per endpoint (`app.routes.<module>.<handler>`).

Nothing is re-exported here on purpose: a handler named like its module (`health_check`) would shadow
the module as an attribute of this package, and `import app.routes.health_check as m` in the generated
code would then bind the function instead of the module.
"""

from __future__ import annotations

__all__: list[str] = []
