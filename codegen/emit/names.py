"""Deterministic names for generated code: module aliases, variables after the types they hold.

`app.routes` is imported as `app_routes`; a `ConnectionPool` is held in `connection_pool`; a second value
of the same name in one function gets `_2`. Names never shadow a module alias, a Python keyword or a
builtin, so a generated call always means what it says.
"""

from __future__ import annotations

import builtins
import keyword
import os
import re
import sys
import types
import typing
from typing import Any

from ..model import TypeKey

_BUILTIN_NAMES = frozenset(dir(builtins))


def module_alias(module: str) -> str:
    return module.replace(".", "_")


class Imports:
    """The modules generated code refers to, each with its alias, rendered as sorted import lines."""

    def __init__(self, project_root: str) -> None:
        self._alias_by_module: dict[str, str] = {}
        self._module_by_alias: dict[str, str] = {}
        self._root = project_root
        self.project_root = project_root

    def use(self, module: str) -> str:
        """Import `module` and return the alias to refer to it by (`app_routes`; `_2` if that is taken)."""
        alias = self._alias_by_module.get(module)
        if alias is None:
            alias = base = module_alias(module)
            counter = 2
            while alias in self._module_by_alias:  # `app.routes` and a module named `app_routes`
                alias = f"{base}_{counter}"
                counter += 1
            self._alias_by_module[module] = alias
            self._module_by_alias[alias] = module
        return alias

    def callable_path(self, module: str, qualname: str) -> str:
        return f"{self.use(module)}.{qualname}"

    def type_expression(self, key: TypeKey) -> str:
        """Python source for the type `key` stands for, e.g. `framework_extractors.Form[app_routes.Subscribe]`."""
        if key.origin is type(None):
            return "None"
        if key.is_union:
            return " | ".join(self.type_expression(arg) for arg in key.args)
        if key.origin is typing.Literal:
            return f"{self.use('typing')}.Literal[{', '.join(repr(value) for value in key.extras)}]"
        base = self._origin_expression(key.origin)
        if key.args:
            base = f"{base}[{', '.join(self.type_expression(arg) for arg in key.args)}]"
        if key.extras:
            if all(isinstance(extra, str | int | float | bool) for extra in key.extras):
                metadata = ", ".join(repr(extra) for extra in key.extras)
                return f"{self.use('typing')}.Annotated[{base}, {metadata}]"
            return f"{self.use('typing')}.Any"
        return base

    def _origin_expression(self, origin: Any) -> str:
        if origin is Ellipsis:
            return "..."
        if origin is list:
            return "list"
        module = getattr(origin, "__module__", None)
        name = getattr(origin, "__qualname__", None) or getattr(origin, "__name__", None)
        if origin is typing.Any:
            return f"{self.use('typing')}.Any"
        if not isinstance(module, str) or not isinstance(name, str) or "<locals>" in name:
            return f"{self.use('typing')}.Any"
        if module == "builtins":
            return name
        return f"{self.use(module)}.{name}"

    def lines(self) -> list[str]:
        """Import lines in isort order: standard library, third party, first party; blank line between."""
        sections: dict[int, list[str]] = {0: [], 1: [], 2: []}
        for module in sorted(self._alias_by_module, key=lambda m: (m.lower(), m)):
            alias = self._alias_by_module[module]
            line = f"import {module}" if alias == module else f"import {module} as {alias}"
            sections[self._section(module)].append(line)
        result: list[str] = []
        for section in (0, 1, 2):
            if sections[section]:
                if result:
                    result.append("")
                result.extend(sections[section])
        return result

    def _section(self, module: str) -> int:
        # The formatter's rule (ruff's `src = ["."]`): first party is what lives in the project root.
        top = module.split(".")[0]
        if top in sys.stdlib_module_names:
            return 0
        if os.path.isdir(os.path.join(self._root, top)) or os.path.isfile(
            os.path.join(self._root, f"{top}.py")
        ):
            return 2
        return 1


class Names:
    """Unique variable names within one generated function (or one module namespace)."""

    def __init__(self, reserved: set[str]) -> None:
        self._taken = set(reserved)

    def take(self, wanted: str) -> str:
        base = wanted
        if keyword.iskeyword(base) or base in _BUILTIN_NAMES:
            base = f"{base}_"
        name, counter = base, 2
        while name in self._taken:
            name = f"{base}_{counter}"
            counter += 1
        self._taken.add(name)
        return name

    def reserve(self, name: str) -> None:
        self._taken.add(name)

    def child(self) -> Names:
        names = Names(set())
        names._taken = set(self._taken)
        return names


def variable_for(key: TypeKey) -> str:
    """`ConnectionPool` -> `connection_pool`; `Form[Subscribe]` -> `form`; `str | None` -> `value`;
    `Annotated[str, "sender"]` -> `sender`."""
    labels = [extra for extra in key.extras if isinstance(extra, str) and extra.isidentifier()]
    if labels:  # `Annotated[str, "sender"]` is held in `sender`
        return _snake(labels[0])
    origin = key.origin
    if key.is_union or origin is type(None) or isinstance(origin, types.GenericAlias):
        return "value"
    name = getattr(origin, "__name__", None)
    if not isinstance(name, str):
        return "value"
    return _snake(name)


def _snake(name: str) -> str:
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()
    snake = re.sub(r"\W+", "_", snake).strip("_")
    return snake or "value"
