"""Paths as the generated module shows them: relative to the project root, whatever the working directory.

A generated module is compared byte for byte by `codegen check`, so nothing in it may depend on the machine
or on where the command was run. The project root is the folder the blueprint's top-level package is
imported from (`/repo` for `app.blueprint` living in `/repo/app/blueprint.py`).
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path


def project_root(reference: str) -> str:
    """The folder `reference`'s (`MODULE:ATTR`) top-level package is imported from; the cwd as a fallback."""
    module_name = reference.partition(":")[0]
    module_file = getattr(sys.modules.get(module_name), "__file__", None)
    if module_file is None:
        return os.getcwd()
    return str(Path(module_file).resolve().parents[module_name.count(".")])


def project_relative(path: str | Path, root: str) -> str:
    """`path` relative to `root` in POSIX form when it lies below it, else `path` unchanged."""
    return _project_relative(os.fspath(path), root)


# Cached: a module's comments name the same few files hundreds of times, and `resolve()` makes
# system calls for every component of the path (it was most of `codegen generate`'s own time).
@functools.lru_cache(maxsize=1024)
def _project_relative(path: str, root: str) -> str:
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()
