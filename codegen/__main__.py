"""The `codegen` command line: `generate`, `check`, `graph`, `explain` (DESIGN.md §7).

Exit codes: 0 ok; 1 diagnostics with errors, or a stale/missing file for `check`; 2 usage errors,
including a `MODULE:ATTR` that doesn't name a blueprint (one line, no traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .diagnostics.diagnostic import Diagnostic

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_EXPLANATIONS = Path(__file__).parent / "explanations"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    command: str = arguments.command
    if command == "explain":
        return _explain(arguments.code)
    if command == "graph":
        return _graph(arguments.reference, arguments.route, arguments.format)
    return _generate(arguments.reference, arguments.output, arguments.format, check=command == "check")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen", description="Compile a Blueprint into a server SDK module."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, text in (
        ("generate", "analyse the blueprint and write its server SDK (only when it changed)"),
        ("check", "exit 1 if the server SDK is missing, stale, or the blueprint has errors (for CI)"),
    ):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument("reference", metavar="MODULE:ATTR", help="e.g. app.blueprint:blueprint")
        command.add_argument("--output", required=True, metavar="PATH", help="e.g. app/server_sdk.py")
        command.add_argument(
            "--format", choices=("text", "json"), default="text", help="how to print diagnostics"
        )
    graph = commands.add_parser("graph", help="print the call graph of a route or of build_application_state")
    graph.add_argument("reference", metavar="MODULE:ATTR")
    graph.add_argument("--route", metavar='"METHOD /path"', help='e.g. "GET /subscriptions/confirm"')
    graph.add_argument("--format", choices=("text", "mermaid", "dot"), default="text")
    explain = commands.add_parser("explain", help="explain a diagnostic code, with an example")
    explain.add_argument("code", metavar="CODE", help="e.g. E201")
    return parser


def _generate(reference: str, output: str, output_format: str, *, check: bool) -> int:
    from .errors import BlueprintLoadError, CompilationFailed
    from .generate import ModuleOutOfDate, generate
    from .load import load_blueprint

    try:
        blueprint = load_blueprint(reference)
    except BlueprintLoadError as error:
        print(f"ERROR[E100]: {_one_line(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    try:
        compiled = generate(blueprint, output, reference=reference, check=check)
    except CompilationFailed as failure:
        _report(failure.diagnostics, output_format)
        return EXIT_FAILED
    except ModuleOutOfDate as stale:
        _report(stale.compiled.warnings, output_format)
        print(stale, file=sys.stderr)
        return EXIT_FAILED
    _report(compiled.warnings, output_format)
    return EXIT_OK


def _report(diagnostics: Sequence[Diagnostic], output_format: str) -> None:
    if not diagnostics:
        return
    # Imported only when there is something to print: keeps a clean `codegen generate` fast.
    from .diagnostics.render import render_json, render_text, summary

    if output_format == "json":
        sys.stderr.write(render_json(diagnostics))
        return
    color = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    sys.stderr.write(render_text(diagnostics, color=color))
    sys.stderr.write(f"\n{summary(diagnostics)}\n")


def _graph(reference: str, route: str | None, output_format: str) -> int:
    from .dot import GraphNotFound, render_graph
    from .errors import BlueprintLoadError, CompilationFailed
    from .load import load_blueprint
    from .pipeline import compile_blueprint

    try:
        blueprint = load_blueprint(reference)
    except BlueprintLoadError as error:
        print(f"ERROR[E100]: {_one_line(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    try:
        compiled = compile_blueprint(blueprint, reference=reference, output="<graph>")
    except CompilationFailed as failure:
        _report(failure.diagnostics, "text")
        return EXIT_FAILED
    try:
        sys.stdout.write(render_graph(compiled, route, output_format))
    except GraphNotFound as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _explain(code: str) -> int:
    normalized = code.strip().upper()
    path = _EXPLANATIONS / f"{normalized}.md"
    if not normalized.isalnum() or not path.is_file():
        print(
            f"error: `{code}` is not a diagnostic code I know; codes look like E201 or W001.", file=sys.stderr
        )
        return EXIT_USAGE
    sys.stdout.write(path.read_text(encoding="utf-8"))
    return EXIT_OK


def _one_line(text: str) -> str:
    return " ".join(text.split())


if __name__ == "__main__":
    sys.exit(main())
