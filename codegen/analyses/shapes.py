"""Pass 4 — each kind of component has the shape its role needs: `ShapeDb`.

What this pass guarantees: handlers and fallbacks return a `Response` (E304); error handlers take an
exception class first and return a `Response` (E401); error observers take a `framework.Error` (E402);
wrapping middlewares take `Next` (E501), pre-processing ones return `Processing` (E502), post-processing
ones take and return a `Response` (E503). Components failing a rule join `broken`.

Strategy: a table from kind to its rule; each rule reads only the component's `CallableSpec`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..diagnostics import ComponentKind, Diagnostic, DiagnosticSink, Label, Severity
from ..diagnostics.source import definition_label, parameter_label, return_label
from ..model import CallableSpec, ComponentId, TypeKey
from ..model.primitives import FrameworkTypes
from ._describe import describe, present, registration_label
from .reflect import CallableDb
from .user_components import UserComponent, UserComponentDb


@dataclass(frozen=True, slots=True)
class ShapeDb:
    error_types: dict[ComponentId, type[BaseException]]
    """The exception class of every usable error handler (its first parameter)."""
    broken: frozenset[ComponentId]
    """Components broken here or in an earlier pass."""


@dataclass(frozen=True, slots=True)
class _Problem:
    code: str
    message: str
    label: Label | None
    help: tuple[str, ...]


_Rule = Callable[[UserComponent, CallableSpec, FrameworkTypes], "_Problem | None"]


def build_shape_db(
    components: UserComponentDb, callables: CallableDb, framework: FrameworkTypes, sink: DiagnosticSink
) -> ShapeDb:
    broken = set(callables.broken)
    error_types: dict[ComponentId, type[BaseException]] = {}
    for component in components.components.values():
        rule = _RULES.get(component.kind)
        if rule is None or component.id in broken:
            continue
        spec = callables.specs[component.id]
        problem = rule(component, spec, framework)
        if problem is not None:
            broken.add(component.id)
            sink.push(
                Diagnostic(
                    problem.code,
                    Severity.ERROR,
                    problem.message,
                    present(registration_label(component), problem.label),
                    problem.help,
                )
            )
        elif component.kind is ComponentKind.ERROR_HANDLER:
            first = spec.params[0].key
            assert first is not None and isinstance(first.origin, type), "checked by the E401 rule"
            error_types[component.id] = first.origin
    return ShapeDb(error_types, frozenset(broken))


def _returns(spec: CallableSpec, expected: TypeKey) -> bool:
    if spec.returns is None:
        return False
    if spec.returns == expected:
        return True
    origin, wanted = spec.returns.origin, expected.origin
    return isinstance(origin, type) and isinstance(wanted, type) and issubclass(origin, wanted)


def _takes(spec: CallableSpec, key: TypeKey) -> bool:
    return any(param.key == key for param in spec.params)


def _return_problem(
    code: str, component: UserComponent, spec: CallableSpec, wanted: str, why: str
) -> _Problem:
    found = f"returns `{spec.returns}`" if spec.returns is not None else "has no return annotation"
    return _Problem(
        code,
        f"{_capital(describe(component, spec))} {found}, but it must return `{wanted}`.\n{why}",
        return_label(spec.target, f"expected `-> {wanted}`"),
        (f"annotate the return type as `{wanted}` and return one on every path",),
    )


def _handlers_return_responses(
    component: UserComponent, spec: CallableSpec, fw: FrameworkTypes
) -> _Problem | None:
    if _returns(spec, fw.response):
        return None
    return _return_problem(
        "E304",
        component,
        spec,
        "Response",
        "Whatever it returns is sent to the client, so it must be a response.",
    )


def _error_handlers_take_an_exception(
    component: UserComponent, spec: CallableSpec, fw: FrameworkTypes
) -> _Problem | None:
    first = spec.params[0] if spec.params else None
    origin = first.key.origin if first is not None and first.key is not None else None
    if first is None or not (isinstance(origin, type) and issubclass(origin, BaseException)):
        if first is None:
            return _Problem(
                "E401",
                f"{_capital(describe(component, spec))} takes no parameter, but its first parameter must be "
                "an exception class.\nAn error handler is chosen by the exception class of its first parameter.",
                definition_label(spec.target, "add the error it handles as the first parameter"),
                (
                    "make the first parameter the error it handles, e.g. `def f(error: DatabaseError) -> Response:`",
                ),
            )
        return _Problem(
            "E401",
            f"The first parameter of {describe(component, spec)} must be an exception class, "
            f"but it is `{first.key}`.\n"
            "An error handler is chosen by the exception class of its first parameter.",
            parameter_label(spec.target, first.name, "expected an exception class"),
            (
                "make the first parameter the error it handles, e.g. `def f(error: DatabaseError) -> Response:`",
            ),
        )
    if not _returns(spec, fw.response):
        return _return_problem(
            "E401", component, spec, "Response", "An error handler turns an error into the response to send."
        )
    return None


def _observers_take_an_error(
    component: UserComponent, spec: CallableSpec, fw: FrameworkTypes
) -> _Problem | None:
    if _takes(spec, fw.error):
        if spec.returns is None or spec.returns.origin is type(None):
            return None
        return _Problem(
            "E402",
            f"{_capital(describe(component, spec))} returns `{spec.returns}`, but an error observer returns nothing.\n"
            "Observers only watch errors; the error handler has already chosen the response.",
            return_label(spec.target, "expected `-> None`"),
            ("annotate the return type as `None`",),
        )
    return _Problem(
        "E402",
        f"{_capital(describe(component, spec))} doesn't take a `framework.Error`.\n"
        "An error observer is called with every error turned into a response; it receives it as `Error`.",
        return_label(spec.target, "add a parameter `error: Error`"),
        ("add a parameter annotated `framework.Error`, e.g. `def log_error(error: Error) -> None:`",),
    )


def _wrapping_middlewares_take_next(
    component: UserComponent, spec: CallableSpec, fw: FrameworkTypes
) -> _Problem | None:
    if not _takes(spec, fw.next):
        return _Problem(
            "E501",
            f"{_capital(describe(component, spec))} doesn't take `Next`.\n"
            "A wrapping middleware runs the rest of the request pipeline by awaiting `next`.",
            return_label(spec.target, "add a parameter `next: Next`"),
            (
                "add a parameter `next: framework.Next` and `return await next` (after your own work)",
                "or, if it never calls the rest of the pipeline, register it with `bp.pre_process(...)`",
            ),
        )
    if not spec.is_async:
        return _Problem(
            "E501",
            f"{_capital(describe(component, spec))} is not `async`.\n"
            "A wrapping middleware awaits `next` to run the rest of the pipeline, so it is an `async def`.",
            definition_label(spec.target, "make this an `async def`"),
            ("define it with `async def` and `return await next` (after your own work)",),
        )
    if not _returns(spec, fw.response):
        return _return_problem(
            "E501", component, spec, "Response", "A wrapping middleware returns the response of the request."
        )
    return None


def _pre_processing_returns_processing(
    component: UserComponent, spec: CallableSpec, fw: FrameworkTypes
) -> _Problem | None:
    if _returns(spec, fw.processing):
        return None
    return _return_problem(
        "E502",
        component,
        spec,
        "Processing",
        "It tells the pipeline to carry on (`Processing.CONTINUE`) or answer early "
        "(`Processing.early_return(response)`).",
    )


def _post_processing_takes_a_response(
    component: UserComponent, spec: CallableSpec, fw: FrameworkTypes
) -> _Problem | None:
    if not _takes(spec, fw.response):
        return _Problem(
            "E503",
            f"{_capital(describe(component, spec))} doesn't take the `Response`.\n"
            "A post-processing middleware receives the response of the request and returns it, changed or not.",
            return_label(spec.target, "add a parameter `response: Response`"),
            ("add a parameter `response: framework.Response` and return the (modified) response",),
        )
    if not _returns(spec, fw.response):
        return _return_problem(
            "E503", component, spec, "Response", "It returns the response to send, changed or not."
        )
    return None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


_RULES: dict[ComponentKind, _Rule] = {
    ComponentKind.REQUEST_HANDLER: _handlers_return_responses,
    ComponentKind.FALLBACK: _handlers_return_responses,
    ComponentKind.ERROR_HANDLER: _error_handlers_take_an_exception,
    ComponentKind.ERROR_OBSERVER: _observers_take_an_error,
    ComponentKind.WRAPPING_MIDDLEWARE: _wrapping_middlewares_take_next,
    ComponentKind.PRE_PROCESSING_MIDDLEWARE: _pre_processing_returns_processing,
    ComponentKind.POST_PROCESSING_MIDDLEWARE: _post_processing_takes_a_response,
}
