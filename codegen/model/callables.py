"""`CallableSpec`: what the compiler knows about one registered callable, read once and cached.

Reflection never raises for a user mistake: an unannotated parameter, an annotation naming nothing, a
lambda or a missing return annotation are recorded on the spec, and the reflect pass turns them into
diagnostics with the context (which component, registered where) that only it knows.
"""

from __future__ import annotations

import enum
import functools
import inspect
import sys
import typing
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterator
from dataclasses import dataclass
from typing import Any

from .types import TypeKey, type_key

_SYNC_GENERATOR_ORIGINS: frozenset[Any] = frozenset({Iterator, Generator})
_ASYNC_GENERATOR_ORIGINS: frozenset[Any] = frozenset({AsyncIterator, AsyncGenerator})
RETURN = "return"
"""The pseudo parameter name under which problems with the return annotation are recorded."""


class GeneratorKind(enum.Enum):
    """Whether a constructor yields its value (code after `yield` is its teardown)."""

    NONE = "none"
    SYNC = "sync"
    ASYNC = "async"


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter: its name, its key (None when unannotated or unresolvable), how it is passed."""

    name: str
    key: TypeKey | None
    keyword_only: bool


@dataclass(frozen=True, slots=True)
class CallableSpec:
    """A callable's signature, normalised. Invariant: `output` is None exactly when `returns` is None."""

    target: Callable[..., Any]
    module: str
    qualname: str
    params: tuple[Param, ...]
    returns: TypeKey | None
    """The return annotation as written (`Iterator[Pool]`), None when missing."""
    output: TypeKey | None
    """What the callable constructs: `returns`, unwrapped for generators (`Pool`)."""
    is_async: bool
    """A coroutine function: its call must be awaited."""
    generator: GeneratorKind
    not_importable: str | None
    """Why generated code can't import it by `module.qualname`, or None when it can."""
    unresolved: tuple[tuple[str, str], ...]
    """(parameter name or RETURN, the annotation text) for annotations that name nothing importable."""

    @property
    def path(self) -> str:
        """`app.routes.subscribe`: how messages name the callable."""
        return f"{self.module}.{self.qualname}" if self.module else self.qualname

    @property
    def unannotated(self) -> tuple[str, ...]:
        unresolved = {name for name, _ in self.unresolved}
        return tuple(p.name for p in self.params if p.key is None and p.name not in unresolved)


_cache: dict[int, tuple[Callable[..., Any], CallableSpec]] = {}


def reflect_callable(target: Callable[..., Any]) -> CallableSpec:
    """The spec of `target`, computed once per callable object for the life of the process."""
    cached = _cache.get(id(target))
    if cached is not None and cached[0] is target:
        return cached[1]
    spec = _reflect(target)
    _cache[id(target)] = (target, spec)
    return spec


def _reflect(target: Callable[..., Any]) -> CallableSpec:
    unnamed = _unnamed(target)
    if unnamed is not None:
        display, reason = unnamed
        return CallableSpec(target, "", display, (), None, None, False, GeneratorKind.NONE, reason, ())
    is_class = isinstance(target, type)
    function: Any = getattr(target, "__init__", target) if is_class else target
    module = str(getattr(target, "__module__", None) or "")
    qualname = str(getattr(target, "__qualname__", None) or getattr(target, "__name__", repr(target)))
    hints, unresolved = _hints(function, target)
    params = _params(function, hints, skip_self=is_class)
    if is_class:
        returns: TypeKey | None = type_key(target)
    elif RETURN in hints:
        returns = type_key(hints[RETURN])
    else:
        returns = None
    generator = _generator_kind(function)
    output = returns
    if generator is not GeneratorKind.NONE and returns is not None:
        output = returns.args[0] if returns.args and _is_generator_annotation(returns) else None
    return CallableSpec(
        target=target,
        module=module,
        qualname=qualname,
        params=params,
        returns=returns,
        output=output,
        is_async=not is_class and inspect.iscoroutinefunction(function),
        generator=generator,
        not_importable=_not_importable(target, module, qualname),
        unresolved=unresolved,
    )


def _unnamed(target: Any) -> tuple[str, str] | None:
    """(how to name it, why it can't be imported) for a callable object that isn't a function or class."""
    if isinstance(target, functools.partial):
        inner = target.func
        inner_path = f"{getattr(inner, '__module__', '?')}.{getattr(inner, '__qualname__', repr(inner))}"
        arguments = [repr(a) for a in target.args] + [f"{k}={v!r}" for k, v in target.keywords.items()]
        return f"functools.partial({', '.join([inner_path, *arguments])})", (
            "it is a `functools.partial` object, not a function"
        )
    if not isinstance(getattr(target, "__qualname__", None), str):
        kind = type(target)
        return f"{kind.__module__}.{kind.__qualname__}(...)", (
            f"it is an instance of `{kind.__qualname__}`, not a function"
        )
    return None


def _is_generator_annotation(key: TypeKey) -> bool:
    return key.origin in _SYNC_GENERATOR_ORIGINS or key.origin in _ASYNC_GENERATOR_ORIGINS


def _generator_kind(function: Any) -> GeneratorKind:
    if inspect.isasyncgenfunction(function):
        return GeneratorKind.ASYNC
    if inspect.isgeneratorfunction(function):
        return GeneratorKind.SYNC
    return GeneratorKind.NONE


def _hints(function: Any, owner: Any) -> tuple[dict[str, Any], tuple[tuple[str, str], ...]]:
    """Evaluated annotations; those that can't be evaluated are reported by name instead of raising."""
    try:
        return typing.get_type_hints(function, include_extras=True), ()
    except Exception:
        pass
    raw = getattr(function, "__annotations__", {}) or {}
    module = sys.modules.get(getattr(owner, "__module__", ""), None)
    namespace = dict(vars(module)) if module is not None else {}
    namespace.update(getattr(function, "__globals__", {}))
    hints: dict[str, Any] = {}
    unresolved: list[tuple[str, str]] = []
    for name, annotation in raw.items():
        try:
            hints[name] = typing.get_type_hints(_Holder(name, annotation), namespace, include_extras=True)[
                name
            ]
        except Exception:
            unresolved.append((name, annotation if isinstance(annotation, str) else repr(annotation)))
    return hints, tuple(unresolved)


class _Holder:
    """An object with a single annotation, so `get_type_hints` evaluates annotations one at a time."""

    def __init__(self, name: str, annotation: Any) -> None:
        self.__annotations__ = {name: annotation}


def _params(function: Any, hints: dict[str, Any], *, skip_self: bool) -> tuple[Param, ...]:
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):  # some builtins have no introspectable signature
        return ()
    params: list[Param] = []
    for index, parameter in enumerate(signature.parameters.values()):
        if skip_self and index == 0:
            continue
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        key = type_key(hints[parameter.name]) if parameter.name in hints else None
        params.append(Param(parameter.name, key, parameter.kind is parameter.KEYWORD_ONLY))
    return tuple(params)


def _not_importable(target: Any, module: str, qualname: str) -> str | None:
    if qualname == "<lambda>" or "<lambda>" in qualname:
        return "it is a lambda"
    if "<locals>" in qualname:
        return "it is defined inside another function"
    if not module or module == "__main__":
        return "it is defined in the `__main__` script, which generated code can't import"
    loaded = sys.modules.get(module)
    if loaded is None:
        return f"its module `{module}` is not importable"
    found: Any = loaded
    for part in qualname.split("."):
        found = getattr(found, part, _MISSING)
        if found is _MISSING:
            return f"`{qualname}` is not reachable as an attribute of `{module}`"
    if found is not target and found != target:
        return f"`{module}.{qualname}` names a different object"
    return None


_MISSING = object()
