"""A package that re-exports its routes under their modules' names: `reexported_routes.greet` is a function."""

from __future__ import annotations

from .greet import greet

__all__ = ["greet"]
