"""The emitter's layout matches `ruff format` exactly, around the line-length boundary and beyond it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from codegen.emit.format import INDENT, Call, Expr, signature, statement

RUFF = Path(sys.executable).parent / "ruff"


def _ruff_format(source: str) -> str:
    result = subprocess.run(
        [str(RUFF), "format", "--line-length", "110", "--stdin-filename", "generated.py", "-"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def _samples() -> list[list[str]]:
    blocks: list[list[str]] = []
    for width in range(60, 140, 3):
        name = "m" * (width // 3)
        arguments: tuple[Expr, ...] = ("state.connection_pool", "request.head", f"value_{'x' * (width % 17)}")
        shapes: list[tuple[str, Expr]] = [
            ("x = ", Call(f"module_{name}.build", arguments)),
            ("x = await ", Call(f"module_{name}.build", arguments)),
            ("return ", Call(f"module_{name}.handler", arguments[:1])),
            ("return await ", Call(f"module_{name}.handler", ())),
            ("x = await ", Call("teardowns.enter_async", (Call(f"module_{name}.pool", arguments),))),
            (
                "next_stage = ",
                Call("framework_middleware.Next", (Call(f"lambda: _stage_{name}", arguments),)),
            ),
            ("", Call(f"module_{name}.observe", ("error_report", f"root_{name}"))),
            ("x = ", Call(f"module_{name}{'y' * 40}.build", ("a",))),
            ("x = ", Call(f"module_{name}{'y' * 40}.build", ())),
        ]
        for head, expr in shapes:
            body = statement(INDENT, head, expr)
            blocks.append(["async def f() -> None:", *body])
        params = [f"p{i}_{name}: framework_asgi.Request" for i in range(1 + width % 3)]
        blocks.append(
            [*signature("", f"async def g_{name}", params, " -> framework_responses.Response:"), "    pass"]
        )
    return blocks


def test_generated_statements_are_already_formatted() -> None:
    source = "\n\n\n".join("\n".join(block) for block in _samples()) + "\n"
    assert sum(line.endswith("(") for line in source.splitlines()) > 20  # many statements had to split
    formatted = _ruff_format(source)
    assert source.splitlines() == formatted.splitlines()
