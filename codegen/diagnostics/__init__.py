"""Diagnostics: the data (`Diagnostic`), where passes collect it (`DiagnosticSink`), how it is shown."""

from __future__ import annotations

from .diagnostic import Diagnostic as Diagnostic, Label as Label, Severity as Severity
from .kinds import ComponentKind as ComponentKind
from .sink import DiagnosticSink as DiagnosticSink

__all__ = ["ComponentKind", "Diagnostic", "DiagnosticSink", "Label", "Severity"]
