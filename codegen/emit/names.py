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
from .format import INDENT, LINE_LENGTH

_BUILTIN_NAMES = frozenset(dir(builtins))


def module_alias(module: str) -> str:
    return module.replace(".", "_")


class Imports:
    """The modules generated code refers to, each with its alias, rendered as sorted import lines."""

    def __init__(self, project_root: str) -> None:
        self._alias_by_module: dict[str, str] = {}
        self._module_by_alias: dict[str, str] = {}
        self._names_by_module: dict[str, dict[str, str]] = {}
        """Objects imported by name, from the modules whose package shadows them (see `callable_path`)."""
        self._shadowed_by_module: dict[str, bool] = {}
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
        """`app_routes.subscribe`: an object of `module` by its qualified name.

        In the rare module whose package re-exports an object under the module's own name, the object is
        imported by name instead: since Python 3.7, `import a.b.c as d` binds `getattr(a.b, "c")`, which is
        then that object, not the module. (`from a.b.c import x` finds the module itself.)
        """
        if not self._shadowed(module):
            return f"{self.use(module)}.{qualname}"
        top, dot, rest = qualname.partition(".")
        return f"{self._use_name(module, top)}{dot}{rest}"

    def _shadowed(self, module: str) -> bool:
        shadowed = self._shadowed_by_module.get(module)
        if shadowed is None:
            shadowed = self._shadowed_by_module[module] = _shadowed(module)
        return shadowed

    def _use_name(self, module: str, name: str) -> str:
        names = self._names_by_module.setdefault(module, {})
        alias = names.get(name)
        if alias is None:
            alias = base = f"{module_alias(module)}_{name}"
            counter = 2
            while alias in self._module_by_alias:
                alias = f"{base}_{counter}"
                counter += 1
            names[name] = alias
            self._module_by_alias[alias] = f"{module}:{name}"
        return alias

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
        return self.callable_path(module, name)

    def lines(self) -> list[str]:
        """Import lines in isort order: standard library, third party, first party, a blank line between;
        in each, `import` statements, then `from` ones (for the objects of shadowed modules)."""
        sections: dict[int, list[str]] = {0: [], 1: [], 2: []}
        for module in sorted(self._alias_by_module, key=_module_order):
            alias = self._alias_by_module[module]
            line = f"import {module}" if alias == module else f"import {module} as {alias}"
            sections[self._section(module)].append(line)
        for module in sorted(self._names_by_module, key=_module_order):
            sections[self._section(module)] += _from_import(module, self._names_by_module[module])
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


def _module_order(module: str) -> tuple[str, str]:
    return (module.lower(), module)


def _from_import(module: str, aliases: dict[str, str]) -> list[str]:
    """`from module import a as x, B as y`, its names in ruff's order (constants, classes, the rest)."""
    names = [f"{name} as {aliases[name]}" for name in sorted(aliases, key=_member_order)]
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= LINE_LENGTH:
        return [line]
    return [f"from {module} import (", *(f"{INDENT}{name}," for name in names), ")"]


def _member_order(name: str) -> tuple[int, str, str]:
    if len(name) > 1 and name.isupper():
        kind = 0
    elif name[:1].isupper():
        kind = 1
    else:
        kind = 2
    return (kind, name.lower(), name)


def _shadowed(module: str) -> bool:
    """Whether walking `module`'s dotted path by attributes, as `import a.b.c as d` does, misses the module.

    Modules that aren't imported at compile time can't be checked; they are imported the usual way.
    """
    parts = module.split(".")
    current = sys.modules.get(parts[0])
    if current is None or len(parts) == 1:
        return False
    for index in range(1, len(parts)):
        expected = sys.modules.get(".".join(parts[: index + 1]))
        if expected is None:
            return False
        current = getattr(current, parts[index], None)
        if current is not expected:
            return True
    return False


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
