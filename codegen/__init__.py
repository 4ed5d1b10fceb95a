"""The compiler: turns a Blueprint into a plain Python module, the server SDK (`python -m codegen`)."""

from __future__ import annotations

from ._version import __version__ as __version__
from .diagnostics import Diagnostic as Diagnostic, Severity as Severity
from .errors import (
    BlueprintLoadError as BlueprintLoadError,
    CompilationFailed as CompilationFailed,
    CompilerBug as CompilerBug,
)
from .generate import ModuleOutOfDate as ModuleOutOfDate, generate as generate
from .load import load_blueprint as load_blueprint
from .pipeline import CompiledApp as CompiledApp, compile_blueprint as compile_blueprint

__all__ = [
    "BlueprintLoadError",
    "CompilationFailed",
    "CompiledApp",
    "CompilerBug",
    "Diagnostic",
    "ModuleOutOfDate",
    "Severity",
    "__version__",
    "compile_blueprint",
    "generate",
    "load_blueprint",
]
