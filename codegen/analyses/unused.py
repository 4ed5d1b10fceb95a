"""Pass 7b — warn about registrations nothing uses (W001 constructors, W002 prebuilt types).

What this pass guarantees: every constructor or prebuilt type that no route, middleware, fallback, error
handler or observer needs, even transitively, gets a warning unless it was registered with
`.allow_unused()`. Warnings never fail a run. Components already reported as broken are skipped: their
error says more than a warning would.
"""

from __future__ import annotations

from ..diagnostics import ComponentKind, Diagnostic, DiagnosticSink, Severity
from ._describe import describe, registration_label
from .call_graph import CallGraphDb
from .reflect import CallableDb
from .user_components import UserComponentDb


def detect_unused(
    components: UserComponentDb, callables: CallableDb, graph: CallGraphDb, sink: DiagnosticSink
) -> None:
    keys = callables.prebuilt_keys
    used_prebuilt = {keys[c] for c in graph.used if c in keys}
    for component in components.components.values():
        if component.allow_unused or component.id in graph.used or component.id in graph.broken:
            continue
        if component.id in keys and keys[component.id] in used_prebuilt:
            continue  # the same type declared prebuilt again: one parameter, used
        if component.kind is ComponentKind.CONSTRUCTOR:
            sink.push(
                Diagnostic(
                    "W001",
                    Severity.WARNING,
                    f"{_capital(describe(component, callables.specs[component.id]))} is never used.\n"
                    "No route, middleware, error handler or observer needs what it builds, so I don't call it.",
                    (registration_label(component),),
                    (
                        "remove the registration if it is a leftover",
                        "or chain `.allow_unused()` to the registration to keep it without this warning",
                    ),
                )
            )
        elif component.kind is ComponentKind.PREBUILT:
            key = callables.prebuilt_keys[component.id]
            sink.push(
                Diagnostic(
                    "W002",
                    Severity.WARNING,
                    f"The prebuilt type `{key}` is never used.\n"
                    "`build_application_state` still takes it as a parameter, but nothing reads it.",
                    (registration_label(component),),
                    (
                        "remove `bp.prebuilt(...)` if it is a leftover",
                        "or chain `.allow_unused()` to the registration to keep it without this warning",
                    ),
                )
            )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
