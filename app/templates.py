"""The HTML templates: one Jinja2 environment, autoescaping on, built once at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

__all__ = ["Templates", "templates"]


class Templates:
    """Renders `app/templates/*.html`; every value is HTML-escaped unless marked safe."""

    __slots__ = ("_environment",)

    def __init__(self, environment: jinja2.Environment) -> None:
        self._environment = environment

    def render(self, name: str, **context: Any) -> str:
        return self._environment.get_template(name).render(**context)


def templates() -> Templates:
    """The singleton: templates are loaded and compiled once, then cached by Jinja2."""
    import jinja2  # imported on first use: keeps `codegen generate` fast

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("app", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return Templates(environment)
