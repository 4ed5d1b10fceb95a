"""Typed identifiers: every entity is stored once, in a `*Db`, and referred to by its id."""

from __future__ import annotations

from typing import NewType

ComponentId = NewType("ComponentId", int)
"""A registered callable or prebuilt type, numbered in registration order across the blueprint tree."""

ScopeId = NewType("ScopeId", int)
"""A blueprint in the tree (the root is 0): the unit of visibility for constructors and error handlers."""
