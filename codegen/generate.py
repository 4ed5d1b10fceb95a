"""`generate()`: compile a blueprint and write (or check) its server SDK — what the CLI does, as a function.

Example:
    from codegen import generate, load_blueprint

    generate(load_blueprint("app.blueprint:blueprint"), "app/server_sdk.py", reference="app.blueprint:blueprint")
"""

from __future__ import annotations

from pathlib import Path

from blueprint import Blueprint

from .emit import is_up_to_date, write_if_changed
from .paths import project_relative, project_root
from .pipeline import CompiledApp, compile_blueprint


class ModuleOutOfDate(Exception):
    """`check=True` found the file missing or different from what the blueprint compiles to."""

    def __init__(self, compiled: CompiledApp, output: str, reference: str, *, missing: bool) -> None:
        self.compiled = compiled
        self.output = output
        self.reference = reference
        self.missing = missing
        command = f"python -m codegen generate {reference} --output {output}"
        if missing:
            message = f"`{output}` does not exist — generate it with `{command}`"
        else:
            message = f"`{output}` is not up to date — regenerate with `{command}`"
        super().__init__(message)


def generate(blueprint: Blueprint, output: str | Path, *, reference: str, check: bool = False) -> CompiledApp:
    """Compile `blueprint` and write its module to `output` unless unchanged; with `check`, only verify it.

    Raises `CompilationFailed` (every diagnostic, warnings included) or, with `check`, `ModuleOutOfDate`.
    `reference` (`app.blueprint:blueprint`) names the blueprint in the header and in the regenerate hint.
    """
    path = Path(output)
    compiled = compile_blueprint(
        blueprint, reference=reference, output=project_relative(path, project_root(reference))
    )
    if check:
        if not path.is_file():
            raise ModuleOutOfDate(compiled, str(output), reference, missing=True)
        if not is_up_to_date(path, compiled.source):
            raise ModuleOutOfDate(compiled, str(output), reference, missing=False)
    else:
        write_if_changed(path, compiled.source)
    return compiled
