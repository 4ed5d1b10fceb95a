"""Names in generated code: variables after the types they hold, imports sorted the way ruff sorts them."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Annotated

from codegen.emit.names import Imports, Names, variable_for
from codegen.model import type_key
from tests.codegen.unit.sample_app import Payload, Session

ROOT = str(Path(__file__).resolve().parents[3]) + "/"


def test_variables_are_named_after_their_types() -> None:
    assert variable_for(type_key(Session)) == "session"
    assert variable_for(type_key(uuid.UUID)) == "uuid"
    assert variable_for(type_key(Payload[str])) == "payload"
    assert variable_for(type_key(Annotated[str, "sender"])) == "sender"
    assert variable_for(type_key(str | None)) == "value"


def test_names_never_shadow_keywords_builtins_or_each_other() -> None:
    names = Names({"uuid"})
    assert names.take("uuid") == "uuid_2"
    assert names.take("str") == "str_"
    assert names.take("class") == "class_"
    assert names.take("session") == "session"
    assert names.take("session") == "session_2"


def test_imports_come_in_sections_like_isort() -> None:
    imports = Imports(ROOT)
    for module in ("framework.routing", "app.routes", "dataclasses", "httpx", "framework.asgi", "uuid"):
        imports.use(module)
    assert imports.lines() == [
        "import dataclasses",
        "import uuid",
        "",
        "import httpx",
        "",
        "import app.routes as app_routes",
        "import framework.asgi as framework_asgi",
        "import framework.routing as framework_routing",
    ]


def test_type_expressions_name_their_modules() -> None:
    imports = Imports(ROOT)
    expression = imports.type_expression(type_key(Payload[Session] | None))
    assert expression == (
        "tests_codegen_unit_sample_app.Payload[tests_codegen_unit_sample_app.Session] | None"
    )
