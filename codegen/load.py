"""Pass 0 — load `MODULE:ATTR`: a Blueprint, or a zero-argument callable returning one.

Any failure is a `BlueprintLoadError` (E100) with a one-line message: the CLI prints it and exits 2,
without a traceback, since the problem is the command line, not the blueprint.
"""

from __future__ import annotations

import importlib
import os
import sys

from blueprint import Blueprint

from .errors import BlueprintLoadError


def load_blueprint(reference: str) -> Blueprint:
    module_name, separator, attribute = reference.partition(":")
    if not separator or not module_name or not attribute:
        msg = f"`{reference}` is not a blueprint reference: write `MODULE:ATTR`, e.g. `app.blueprint:blueprint`."
        raise BlueprintLoadError(msg)
    if os.getcwd() not in sys.path and "" not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name is not None and module_name.startswith(error.name):
            msg = f"I can't import `{module_name}`: there is no module named `{error.name}` (from `{os.getcwd()}`)."
        else:
            msg = f"I can't import `{module_name}`: it imports `{error.name}`, which is not installed."
        raise BlueprintLoadError(msg) from None
    except Exception as error:
        msg = f"I can't import `{module_name}`: it raised {type(error).__name__}: {error}"
        raise BlueprintLoadError(msg) from None
    try:
        value = getattr(module, attribute)
    except AttributeError:
        msg = f"`{module_name}` has no attribute `{attribute}`."
        raise BlueprintLoadError(msg) from None
    if isinstance(value, Blueprint):
        return value
    if callable(value):
        try:
            produced = value()
        except Exception as error:
            msg = f"`{reference}()` raised {type(error).__name__}: {error}"
            raise BlueprintLoadError(msg) from None
        if isinstance(produced, Blueprint):
            return produced
        msg = f"`{reference}()` returned {type(produced).__name__}, not a Blueprint."
        raise BlueprintLoadError(msg)
    msg = f"`{reference}` is a {type(value).__name__}, neither a Blueprint nor a function returning one."
    raise BlueprintLoadError(msg)
