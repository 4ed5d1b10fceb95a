"""`TypeKey`: an annotation turned into a hashable value, the key of dependency resolution.

Dependencies are resolved by type, so two annotations that mean the same type must give equal keys:
`Form[SubscribeForm]` written in two modules, `A | B` and `B | A`, a string annotation and the object it
names. A key is a tree: an `origin` (a class, a `TypeVar`, or any other hashable annotation object such as
`typing.Any` or a `NewType`) with its `args`; `Annotated` metadata is kept in `extras`, so
`Annotated[str, "sender"]` and `str` are different keys, as they are different dependencies.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

_UNION_ORIGINS: frozenset[Any] = frozenset({types.UnionType, typing.Union})


@dataclass(frozen=True, slots=True)
class TypeKey:
    """A normalised annotation. `args` are themselves keys; `extras` hold `Annotated`/`Literal` values."""

    origin: Any
    args: tuple[TypeKey, ...] = ()
    extras: tuple[Any, ...] = ()
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Keys are hashed constantly (every lookup, every instance): compute it once.
        object.__setattr__(self, "_hash", hash((self.origin, self.args, self.extras)))

    def __hash__(self) -> int:
        return self._hash

    @property
    def is_typevar(self) -> bool:
        return isinstance(self.origin, TypeVar)

    @property
    def is_union(self) -> bool:
        return self.origin is types.UnionType

    def typevars(self) -> tuple[TypeVar, ...]:
        """The type variables in this key, in order of first appearance."""
        found: list[TypeVar] = []
        self._collect_typevars(found)
        return tuple(found)

    def _collect_typevars(self, found: list[TypeVar]) -> None:
        if isinstance(self.origin, TypeVar) and self.origin not in found:
            found.append(self.origin)
        for arg in self.args:
            arg._collect_typevars(found)

    def display(self) -> str:
        """The short spelling used in diagnostics: `Form[SubscribeForm]`, `str | None`."""
        if self.origin is type(None):
            return "None"
        if self.is_union:
            return " | ".join(arg.display() for arg in self.args)
        name = _short_name(self.origin)
        if self.origin is typing.Literal:
            return f"Literal[{', '.join(repr(value) for value in self.extras)}]"
        text = f"{name}[{', '.join(arg.display() for arg in self.args)}]" if self.args else name
        if self.extras:
            return f"Annotated[{text}, {', '.join(repr(extra) for extra in self.extras)}]"
        return text

    def __str__(self) -> str:
        return self.display()


def _short_name(origin: Any) -> str:
    if origin is Ellipsis:
        return "..."
    name = getattr(origin, "__qualname__", None) or getattr(origin, "__name__", None)
    if isinstance(name, str):
        return name
    return repr(origin).removeprefix("typing.")


def type_key(annotation: Any) -> TypeKey:
    """The key of an already-evaluated annotation (as returned by `typing.get_type_hints`)."""
    if annotation is None:
        return TypeKey(type(None))
    origin = typing.get_origin(annotation)
    if origin is None:
        return TypeKey(annotation if _hashable(annotation) else repr(annotation))
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        inner = type_key(args[0])
        return TypeKey(inner.origin, inner.args, inner.extras + tuple(_freeze(arg) for arg in args[1:]))
    if origin is typing.Literal:
        return TypeKey(typing.Literal, (), tuple(_freeze(arg) for arg in args))
    if origin in _UNION_ORIGINS:
        members = {type_key(arg) for arg in args}
        ordered = sorted(members, key=lambda key: (key.origin is type(None), key.display()))  # `X | None`
        return TypeKey(types.UnionType, tuple(ordered))
    return TypeKey(origin, tuple(_arg_key(arg) for arg in args))


def _arg_key(arg: Any) -> TypeKey:
    if isinstance(arg, list):  # Callable[[A, B], R]
        return TypeKey(list, tuple(_arg_key(item) for item in arg))
    return type_key(arg)


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _freeze(value: Any) -> Any:
    return value if _hashable(value) else repr(value)


def unify(pattern: TypeKey, concrete: TypeKey, bindings: dict[TypeVar, TypeKey]) -> bool:
    """Match `pattern` (which may contain type variables) against `concrete`, extending `bindings`.

    `Form[T]` unifies with `Form[SubscribeForm]` binding `T` to `SubscribeForm`. A variable already bound
    must be bound to the same key again. On failure `bindings` may hold partial results: pass a copy.
    """
    if isinstance(pattern.origin, TypeVar):
        bound = bindings.get(pattern.origin)
        if bound is None:
            bindings[pattern.origin] = concrete
            return True
        return bound == concrete
    if pattern.origin != concrete.origin or pattern.extras != concrete.extras:
        return False
    if len(pattern.args) != len(concrete.args):
        return False
    return all(unify(p, c, bindings) for p, c in zip(pattern.args, concrete.args, strict=True))


def substitute(key: TypeKey, bindings: Mapping[TypeVar, TypeKey]) -> TypeKey:
    """`key` with every bound type variable replaced by its binding."""
    if isinstance(key.origin, TypeVar):
        return bindings.get(key.origin, key)
    if not key.args:
        return key
    return TypeKey(key.origin, tuple(substitute(arg, bindings) for arg in key.args), key.extras)
