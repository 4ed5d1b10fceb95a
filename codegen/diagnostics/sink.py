"""`DiagnosticSink`: where passes push the problems they find, so a run reports all of them together."""

from __future__ import annotations

from ..errors import CompilationFailed
from .diagnostic import Diagnostic


class DiagnosticSink:
    """Collects diagnostics; `raise_if_errors()` is the pipeline's checkpoint between phases.

    The same problem reached along two paths (a constructor used by many routes) is kept once.
    """

    __slots__ = ("_diagnostics", "_seen")

    def __init__(self) -> None:
        self._diagnostics: list[Diagnostic] = []
        self._seen: set[Diagnostic] = set()

    def push(self, diagnostic: Diagnostic) -> None:
        if diagnostic not in self._seen:
            self._seen.add(diagnostic)
            self._diagnostics.append(diagnostic)

    @property
    def has_errors(self) -> bool:
        return any(diagnostic.is_error for diagnostic in self._diagnostics)

    def raise_if_errors(self) -> None:
        if self.has_errors:
            raise CompilationFailed(self.drain())

    def drain(self) -> tuple[Diagnostic, ...]:
        """Every diagnostic so far, errors first, each group in the order it was found."""
        ordered = sorted(self._diagnostics, key=lambda diagnostic: not diagnostic.is_error)
        return tuple(ordered)
