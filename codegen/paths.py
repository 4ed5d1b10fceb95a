"""Paths as the generated module shows them: relative to the project root, whatever the working directory.

A generated module is compared byte for byte by `codegen check`, so nothing in it may depend on the machine
or on where the command was run. The project root is the folder the blueprint's top-level package is
imported from (`/repo` for `app.blueprint` living in `/repo/app/blueprint.py`).
"""

from __future__ import annotations

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
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()
