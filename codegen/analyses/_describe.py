"""Shared phrasing for diagnostics: how messages name components and where labels point."""

from __future__ import annotations

from ..diagnostics import ComponentKind, Label
from ..diagnostics.source import registered_at
from ..model import CallableSpec
from .user_components import UserComponent


def describe(component: UserComponent, spec: CallableSpec | None) -> str:
    """`your request handler `app.routes.subscribe``: the subject of most messages."""
    name = spec.path if spec is not None else _type_name(component.target)
    return f"your {component.kind} `{name}`"


def registration_label(component: UserComponent) -> Label:
    noun = "route" if component.kind is ComponentKind.REQUEST_HANDLER else str(component.kind)
    return registered_at(component.location, f"the {noun} was registered here")


def present(*labels: Label | None) -> tuple[Label, ...]:
    return tuple(label for label in labels if label is not None)


def _type_name(target: object) -> str:
    module = getattr(target, "__module__", "")
    qualname = getattr(target, "__qualname__", repr(target))
    return f"{module}.{qualname}" if module and module != "builtins" else str(qualname)


def article(name: str) -> str:
    """`an `EmailClient`` / `a `Pool``, for sentences that name a type."""
    return "an" if name[:1].lower() in "aeiou" else "a"
