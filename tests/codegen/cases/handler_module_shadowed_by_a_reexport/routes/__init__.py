"""Routes, re-exported by the package under their modules' names: `routes.health_check` is the function."""

from __future__ import annotations

from .health_check import health_check

__all__ = ["health_check"]
