"""Pass 3 — which constructor builds which type, in which scope: `ConstructibleDb`.

What this pass guarantees: within one blueprint each type has at most one constructor (E202); a singleton
type has exactly one constructor in the whole tree (E205 across unrelated blueprints, E206 when a nested
blueprint overrides it); no prebuilt type is also constructed (E207). Lookups then never meet ambiguity
between exact constructors; generic constructors are matched at lookup time.

Strategy: index constructors by scope and by output key (exact) or by output origin (generic, i.e. an
output with type variables such as `Form[T]`). A lookup walks the scope's ancestry innermost first, so a
nested blueprint's request-scoped or transient constructor overrides its parent's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from blueprint import Lifecycle

from ..diagnostics import ComponentKind, Diagnostic, DiagnosticSink, Severity
from ..model import ComponentId, ScopeId, TypeKey
from ..model.types import unify
from ._describe import describe, registration_label
from .reflect import CallableDb
from .user_components import UserComponent, UserComponentDb


@dataclass(frozen=True, slots=True)
class Candidate:
    """A constructor (or prebuilt type) able to supply a key, with the type variables it binds."""

    component: ComponentId
    bindings: tuple[tuple[TypeVar, TypeKey], ...] = ()


@dataclass(frozen=True, slots=True)
class ConstructibleDb:
    exact: dict[ScopeId, dict[TypeKey, tuple[ComponentId, ...]]]
    """Constructors by scope and output key. Invariant (after E202): at most one per key per scope."""
    generic: dict[ScopeId, dict[Any, tuple[ComponentId, ...]]]
    """Constructors whose output has type variables, by scope and output origin (`Form`)."""
    prebuilt: dict[ScopeId, dict[TypeKey, ComponentId]]
    outputs: dict[ComponentId, TypeKey]
    """The output key of every usable constructor."""
    unreadable: dict[ScopeId, frozenset[TypeKey | None]]
    """Outputs of constructors already reported as broken (None: unknown), by scope."""

    def may_come_from_a_broken_constructor(self, key: TypeKey, scope_chain: tuple[ScopeId, ...]) -> bool:
        """True when a constructor reported broken may be the missing one: no second error for it."""
        return any(
            key in outputs or None in outputs
            for outputs in (self.unreadable.get(scope, frozenset()) for scope in scope_chain)
        )

    def lookup(self, key: TypeKey, scope_chain: tuple[ScopeId, ...]) -> list[Candidate]:
        """Candidates for `key` in the innermost scope of `scope_chain` that has any (exact ones first)."""
        for scope in scope_chain:
            exact = self.exact.get(scope, {}).get(key)
            if exact:
                return [Candidate(exact[0])]
            prebuilt = self.prebuilt.get(scope, {}).get(key)
            if prebuilt is not None:
                return [Candidate(prebuilt)]
            found = []
            for component in self.generic.get(scope, {}).get(key.origin, ()):
                bindings: dict[TypeVar, TypeKey] = {}
                if unify(self.outputs[component], key, bindings):
                    found.append(Candidate(component, tuple(bindings.items())))
            if found:
                return found
        return []

    def known_keys(self) -> list[TypeKey]:
        """Every constructible or prebuilt key, for "did you mean" suggestions."""
        keys = {key for by_key in self.exact.values() for key in by_key}
        keys |= {key for by_key in self.prebuilt.values() for key in by_key}
        return sorted(keys, key=lambda key: key.display())


def build_constructible_db(
    components: UserComponentDb, callables: CallableDb, sink: DiagnosticSink
) -> ConstructibleDb:
    exact: dict[ScopeId, dict[TypeKey, list[ComponentId]]] = {}
    generic: dict[ScopeId, dict[Any, list[ComponentId]]] = {}
    prebuilt: dict[ScopeId, dict[TypeKey, ComponentId]] = {}
    outputs: dict[ComponentId, TypeKey] = {}
    unreadable: dict[ScopeId, set[TypeKey | None]] = {}
    first_prebuilt: dict[TypeKey, ComponentId] = {}
    for component in components.components.values():
        if component.kind is ComponentKind.PREBUILT:
            # A type declared prebuilt twice is one parameter of `build_application_state`.
            key = callables.prebuilt_keys[component.id]
            canonical = first_prebuilt.setdefault(key, component.id)
            prebuilt.setdefault(component.scope, {}).setdefault(key, canonical)
            continue
        if component.kind is not ComponentKind.CONSTRUCTOR:
            continue
        if component.id in callables.broken:
            unreadable.setdefault(component.scope, set()).add(callables.specs[component.id].output)
            continue
        output = callables.specs[component.id].output
        if output is None:
            continue
        outputs[component.id] = output
        if output.typevars():
            generic.setdefault(component.scope, {}).setdefault(output.origin, []).append(component.id)
        else:
            exact.setdefault(component.scope, {}).setdefault(output, []).append(component.id)
    db = ConstructibleDb(
        exact={scope: {key: tuple(ids) for key, ids in by_key.items()} for scope, by_key in exact.items()},
        generic={
            scope: {o: tuple(ids) for o, ids in by_origin.items()} for scope, by_origin in generic.items()
        },
        prebuilt=prebuilt,
        outputs=outputs,
        unreadable={scope: frozenset(keys) for scope, keys in unreadable.items()},
    )
    _one_constructor_per_type_per_blueprint(components, callables, db, sink)
    _singletons_have_one_constructor_in_the_tree(components, callables, db, sink)
    _prebuilt_types_are_not_constructed(components, callables, db, sink)
    return db


def _one_constructor_per_type_per_blueprint(
    components: UserComponentDb, callables: CallableDb, db: ConstructibleDb, sink: DiagnosticSink
) -> None:
    for by_key in db.exact.values():
        for key, ids in by_key.items():
            if len(ids) > 1:
                _ambiguous(key, ids, components, callables, sink)
    for by_origin in db.generic.values():
        for ids in by_origin.values():
            shapes: dict[str, list[ComponentId]] = {}
            for component in ids:
                shapes.setdefault(_erase_typevars(db.outputs[component]), []).append(component)
            for same in shapes.values():
                if len(same) > 1:
                    _ambiguous(db.outputs[same[0]], tuple(same), components, callables, sink)


def _erase_typevars(key: TypeKey) -> str:
    return key.display() if not key.typevars() else _erase(key)


def _erase(key: TypeKey) -> str:
    if key.is_typevar:
        return "?"
    if not key.args:
        return key.display()
    return f"{key.display().split('[')[0]}[{', '.join(_erase(arg) for arg in key.args)}]"


def _ambiguous(
    key: TypeKey,
    ids: tuple[ComponentId, ...],
    components: UserComponentDb,
    callables: CallableDb,
    sink: DiagnosticSink,
) -> None:
    names = [callables.specs[i].path for i in ids]
    sink.push(
        Diagnostic(
            "E202",
            Severity.ERROR,
            f"I have {len(ids)} constructors for `{key}` in the same blueprint: "
            + ", ".join(f"`{name}`" for name in names)
            + ".\nWithin one blueprint a type has one constructor, so I can't tell which one you want.",
            tuple(registration_label(components.components[i]) for i in ids),
            (
                "remove all but one of these registrations",
                "or, to use a different constructor in part of the app, register it in a nested blueprint "
                "(`bp.nest(...)`) where it overrides the parent's",
            ),
        )
    )


def _singletons_have_one_constructor_in_the_tree(
    components: UserComponentDb, callables: CallableDb, db: ConstructibleDb, sink: DiagnosticSink
) -> None:
    by_key: dict[TypeKey, list[ComponentId]] = {}
    for component, output in db.outputs.items():
        by_key.setdefault(output, []).append(component)
    for key, ids in by_key.items():
        lifecycles = {components.components[i].lifecycle for i in ids}
        if Lifecycle.SINGLETON not in lifecycles or len({components.components[i].scope for i in ids}) < 2:
            continue
        first = components.components[ids[0]]
        for other_id in ids[1:]:
            other = components.components[other_id]
            if other.scope == first.scope:
                continue
            nested = components.is_ancestor(first.scope, other.scope) or components.is_ancestor(
                other.scope, first.scope
            )
            code, what = (
                ("E206", "overridden in a nested blueprint")
                if nested
                else ("E205", "constructed in more than one blueprint")
            )
            sink.push(
                Diagnostic(
                    code,
                    Severity.ERROR,
                    f"The singleton `{key}` is {what}: by {describe(first, callables.specs[first.id])} "
                    f"and by {describe(other, callables.specs[other_id])}.\n"
                    "A singleton is built once for the whole application, so it has exactly one constructor.",
                    (registration_label(first), registration_label(other)),
                    (
                        "keep one registration, in the blueprint that is the closest common parent of the "
                        "blueprints that need it",
                        _own_value_help(first, other, callables),
                    ),
                )
            )


def _own_value_help(first: UserComponent, other: UserComponent, callables: CallableDb) -> str:
    """The alternative to one registration: per-request values, which nested blueprints may override.

    Only the registrations that are singletons need changing; say which, when one of them already isn't.
    """
    singletons = [c for c in (first, other) if c.lifecycle is Lifecycle.SINGLETON]
    if len(singletons) == 2:
        return "or, if each part really needs its own value, make them request-scoped"
    singleton = callables.specs[singletons[0].id].qualname
    rest = other if singletons[0] is first else first
    return (
        f"or, if each part really needs its own value, make `{singleton}` {rest.lifecycle} too, like "
        f"`{callables.specs[rest.id].qualname}`"
    )


def _prebuilt_types_are_not_constructed(
    components: UserComponentDb, callables: CallableDb, db: ConstructibleDb, sink: DiagnosticSink
) -> None:
    constructed: dict[TypeKey, ComponentId] = {}
    for component, output in db.outputs.items():
        constructed.setdefault(output, component)
    for by_key in db.prebuilt.values():
        for key, prebuilt_id in by_key.items():
            constructor_id = constructed.get(key)
            if constructor_id is None:
                continue
            constructor = components.components[constructor_id]
            sink.push(
                Diagnostic(
                    "E207",
                    Severity.ERROR,
                    f"`{key}` is declared prebuilt, but {describe(constructor, callables.specs[constructor_id])} "
                    "also constructs it.\nA prebuilt value is passed to `build_application_state`; "
                    "building it too would give two values of one type.",
                    (
                        registration_label(components.components[prebuilt_id]),
                        registration_label(constructor),
                    ),
                    (
                        f"remove `bp.prebuilt({key})` to let the constructor build it",
                        "or remove the constructor's registration to pass the value in yourself",
                    ),
                )
            )
