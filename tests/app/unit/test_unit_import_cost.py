"""`codegen generate` on the app stays fast: compiling the blueprint never imports the app's heavy libraries.

The compiler only needs the app's modules for the signatures of the registered components, so each
library that is slow to import (asyncpg and asyncio, httpx, jinja2, PyYAML, email-validator, argon2, ...) is
imported inside the function that uses it (DESIGN.md §7: `generate` under 300 ms whole-process). This test
checks the property, not a timing: a fresh interpreter compiles the blueprint and lists what it imported.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

# Each costs from 10 to 100 ms to import, and is needed only when the app runs.
HEAVY_MODULES = (
    "anyio",
    "argon2",
    "asyncio",
    "asyncpg",
    "email.utils",
    "email_validator",
    "httpx",
    "jinja2",
    "json",
    "smtplib",
    "ssl",
    "uvicorn",
    "yaml",
)

_COMPILE_AND_LIST_MODULES = """
import sys
from codegen import compile_blueprint, load_blueprint

blueprint = load_blueprint("app.blueprint:blueprint")
compile_blueprint(blueprint, reference="app.blueprint:blueprint", output="app/server_sdk.py")
print("\\n".join(sorted(sys.modules)))
"""


@pytest.fixture(scope="module")
def modules_imported_by_a_compilation() -> frozenset[str]:
    result = subprocess.run(
        [sys.executable, "-c", _COMPILE_AND_LIST_MODULES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return frozenset(result.stdout.split())


def test_the_compilation_imported_the_app(modules_imported_by_a_compilation: frozenset[str]) -> None:
    assert {"app.blueprint", "app.routes.subscriptions", "framework"} <= modules_imported_by_a_compilation


@pytest.mark.parametrize("module", HEAVY_MODULES)
def test_compiling_the_blueprint_does_not_import(
    module: str, modules_imported_by_a_compilation: frozenset[str]
) -> None:
    assert module not in modules_imported_by_a_compilation, (
        f"`codegen generate app.blueprint:blueprint` imports {module}: import it inside the function that "
        "uses it (with an `if TYPE_CHECKING:` import for annotations the compiler doesn't read)"
    )
