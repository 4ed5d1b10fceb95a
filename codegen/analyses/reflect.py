"""Pass 2 — reflect on every registered callable: `CallableDb`.

What this pass guarantees: every component has a `CallableSpec` (prebuilt types a `TypeKey`); components
whose signature can't be used (not importable, unannotated or unresolvable parameters, constructors without
a usable return annotation) are reported (E101–E104) and listed in `broken`, so later passes skip them
instead of reporting the same root cause again.

Strategy: `reflect_callable` is cached per callable, so a constructor registered by a kit in many
blueprints is read once; the pass only adds the context (kind, registration site) to each problem.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import ComponentKind, Diagnostic, DiagnosticSink, Label, Severity
from ..diagnostics.source import definition_label, parameter_label, return_label
from ..model import CallableSpec, ComponentId, GeneratorKind, TypeKey, type_key
from ..model.callables import RETURN, reflect_callable
from ._describe import describe, present, registration_label
from .user_components import UserComponent, UserComponentDb


@dataclass(frozen=True, slots=True)
class CallableDb:
    specs: dict[ComponentId, CallableSpec]
    """Every component except prebuilt types has an entry."""
    prebuilt_keys: dict[ComponentId, TypeKey]
    """Every prebuilt type has an entry."""
    broken: frozenset[ComponentId]
    """Components with a reported signature problem; later passes ignore them."""


def build_callable_db(components: UserComponentDb, sink: DiagnosticSink) -> CallableDb:
    specs: dict[ComponentId, CallableSpec] = {}
    prebuilt_keys: dict[ComponentId, TypeKey] = {}
    broken: set[ComponentId] = set()
    unresolved: dict[tuple[str, str], list[tuple[UserComponent, CallableSpec, str]]] = {}
    for component in components.components.values():
        if component.kind is ComponentKind.PREBUILT:
            prebuilt_keys[component.id] = type_key(component.target)
            continue
        spec = reflect_callable(component.target)
        specs[component.id] = spec
        if not _check_signature(component, spec, sink):
            broken.add(component.id)
        if spec.not_importable is None:
            for name, text in spec.unresolved:
                unresolved.setdefault((spec.module, text), []).append((component, spec, name))
    for (module, text), places in unresolved.items():
        _annotations_resolve(module, text, places, sink)
    return CallableDb(specs, prebuilt_keys, frozenset(broken))


def _check_signature(component: UserComponent, spec: CallableSpec, sink: DiagnosticSink) -> bool:
    """Report what makes `spec` unusable (E104 is reported per annotation, below); True when usable."""
    if not _components_are_importable(component, spec, sink):
        return False  # a lambda or a partial: its signature is beside the point
    ok = _parameters_are_annotated(component, spec, sink)
    if component.kind is ComponentKind.CONSTRUCTOR:
        ok = _constructors_annotate_their_output(component, spec, sink) and ok
    return ok and not spec.unresolved


def _components_are_importable(component: UserComponent, spec: CallableSpec, sink: DiagnosticSink) -> bool:
    if spec.not_importable is None:
        return True
    sink.push(
        Diagnostic(
            "E101",
            Severity.ERROR,
            f"I can't use {describe(component, spec)}: generated code can't import it, because "
            f"{spec.not_importable}.\nGenerated code calls every component by its import path, `module.name`.",
            present(
                registration_label(component),
                definition_label(spec.target, "defined here"),
            ),
            (
                "define it at the top level of a module (a function, or a method of a module-level class), "
                "then register that",
            ),
        )
    )
    return False


def _parameters_are_annotated(component: UserComponent, spec: CallableSpec, sink: DiagnosticSink) -> bool:
    for name in spec.unannotated:
        sink.push(
            Diagnostic(
                "E102",
                Severity.ERROR,
                f"The parameter `{name}` of {describe(component, spec)} has no type annotation.\n"
                "I resolve dependencies by type, so every parameter needs one.",
                present(
                    registration_label(component),
                    parameter_label(spec.target, name, "this parameter needs a type annotation"),
                ),
                (f"annotate it with the type of value you need, e.g. `{name}: Settings`",),
            )
        )
    return not spec.unannotated


def _annotations_resolve(
    module: str, text: str, places: list[tuple[UserComponent, CallableSpec, str]], sink: DiagnosticSink
) -> None:
    """One diagnostic per annotation naming nothing, pointing at every place that uses it."""
    labels: list[Label | None] = []
    for component, spec, name in places:
        message = "this names nothing I can import"
        labels.append(registration_label(component))
        if name == RETURN:
            labels.append(return_label(spec.target, message))
        else:
            labels.append(parameter_label(spec.target, name, message))
    component, spec, name = places[0]
    where = "return annotation" if name == RETURN else f"annotation of the parameter `{name}`"
    also = f" (and {len(places) - 1} more place{'s' if len(places) > 2 else ''})" if len(places) > 1 else ""
    sink.push(
        Diagnostic(
            "E104",
            Severity.ERROR,
            f"I can't resolve the {where} of {describe(component, spec)}{also}: `{text}`.\n"
            f"String annotations are evaluated in the component's module, `{module}`, and `{text}` "
            "isn't defined there.",
            present(*labels),
            (
                *_did_you_mean(module, text),
                f"import what `{text}` names at the top of `{module}` (an import under `if TYPE_CHECKING:` "
                "is not enough: the compiler evaluates annotations)",
            ),
        )
    )


def _did_you_mean(module: str, text: str) -> tuple[str, ...]:
    """A name of `module` close to the unresolvable one, when `text` looks like a misspelt name."""
    import difflib
    import sys

    loaded = sys.modules.get(module)
    if loaded is None or not text.isidentifier():
        return ()
    names = [name for name in vars(loaded) if not name.startswith("_")]
    close = difflib.get_close_matches(text, names, n=1, cutoff=0.75)
    return (f"did you mean `{close[0]}`?",) if close else ()


def _constructors_annotate_their_output(
    component: UserComponent, spec: CallableSpec, sink: DiagnosticSink
) -> bool:
    if spec.returns is None and not any(name == RETURN for name, _ in spec.unresolved):
        sink.push(
            Diagnostic(
                "E103",
                Severity.ERROR,
                f"{_capital(describe(component, spec))} has no return "
                "annotation.\nA constructor is chosen by the type it returns, so I can't tell what it builds.",
                present(
                    registration_label(component),
                    return_label(spec.target, "add `-> TheTypeItBuilds` here"),
                ),
                ("annotate the return type, e.g. `def connection_pool(settings: Settings) -> Pool:`",),
            )
        )
        return False
    if spec.generator is not GeneratorKind.NONE and spec.output is None and spec.returns is not None:
        wrapper = "AsyncIterator" if spec.generator is GeneratorKind.ASYNC else "Iterator"
        sink.push(
            Diagnostic(
                "E103",
                Severity.ERROR,
                f"{_capital(describe(component, spec))} is a generator, but "
                f"its return annotation `{spec.returns}` doesn't say what it yields.\n"
                "A generator constructor yields the value it builds once; I read its type from the annotation.",
                present(
                    registration_label(component),
                    return_label(spec.target, f"annotate as `{wrapper}[T]`"),
                ),
                (f"annotate it `-> {wrapper}[T]` where `T` is the type it yields",),
            )
        )
        return False
    return True


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
