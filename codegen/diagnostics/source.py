"""Point at user code: the registration call in the blueprint, a parameter or return annotation in a component.

Components are located with `inspect.getsourcelines` plus `ast`, only when a diagnostic needs them, so a
successful compilation never reads a source file.
"""

from __future__ import annotations

import ast
import inspect
import os
import textwrap
from functools import lru_cache
from typing import Any

from blueprint import Location

from .diagnostic import Label


def display_path(path: str) -> str:
    """`path` relative to the current directory when it lies below it, so output is stable across machines."""
    return _relative_to(path, os.getcwd())


@lru_cache(maxsize=1024)
def _relative_to(path: str, directory: str) -> str:
    try:
        relative = os.path.relpath(path, directory)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative


def registered_at(location: Location, message: str) -> Label:
    """A label on a registration call (`bp.route(...)`) recorded by the Blueprint; for a component that a
    registration helper registered, on the call to the helper (`ApiKit().register(bp)`), naming it."""
    if location.via is not None:
        message = f"{message}, by {location.via}"
    return Label(
        display_path(location.file),
        location.line,
        location.column,
        location.end_line,
        location.end_column,
        message,
    )


def parameter_label(target: Any, name: str, message: str) -> Label | None:
    """A label on the annotation of parameter `name` (or on the parameter when it has none)."""
    found = _function_node(target)
    if found is None:
        return None
    node, file, line_offset, column_offset = found
    arguments = node.args
    for arg in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]:
        if arg.arg == name:
            span: ast.AST = arg.annotation if arg.annotation is not None else arg
            return _label(span, file, line_offset, column_offset, message)
    return None


def return_label(target: Any, message: str) -> Label | None:
    """A label on the return annotation, or on the `def` line when there is none."""
    found = _function_node(target)
    if found is None:
        return None
    node, file, line_offset, column_offset = found
    if node.returns is not None:
        return _label(node.returns, file, line_offset, column_offset, message)
    return definition_label(target, message)


def definition_label(target: Any, message: str) -> Label | None:
    """A label on the `def name(` of a component."""
    found = _function_node(target)
    if found is None:
        return None
    node, file, line_offset, column_offset = found
    line = node.lineno + line_offset
    column = node.col_offset + column_offset + 1
    prefix = "async def " if isinstance(node, ast.AsyncFunctionDef) else "def "
    return Label(file, line, column, line, column + len(prefix) + len(node.name), message)


def _label(span: Any, file: str, line_offset: int, column_offset: int, message: str) -> Label:
    end_line = (span.end_lineno or span.lineno) + line_offset
    end_column = (span.end_col_offset or span.col_offset) + column_offset + 1
    return Label(
        file,
        span.lineno + line_offset,
        span.col_offset + column_offset + 1,
        end_line,
        end_column,
        message,
    )


def _function_node(target: Any) -> tuple[ast.FunctionDef | ast.AsyncFunctionDef, str, int, int] | None:
    function = getattr(target, "__init__", target) if isinstance(target, type) else target
    function = inspect.unwrap(getattr(function, "__func__", function))
    return _parse(function)


@lru_cache(maxsize=256)
def _parse(function: Any) -> tuple[ast.FunctionDef | ast.AsyncFunctionDef, str, int, int] | None:
    try:
        lines, first_line = inspect.getsourcelines(function)
        file = inspect.getsourcefile(function)
    except (OSError, TypeError):
        return None
    if file is None:
        return None
    indent = len(lines[0]) - len(lines[0].lstrip())
    try:
        module = ast.parse(textwrap.dedent("".join(lines)))
    except SyntaxError:
        return None
    for node in module.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            return node, display_path(file), first_line - 1, indent
    return None
