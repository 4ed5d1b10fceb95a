"""`python -m app serve | migrate | create-user USERNAME --password-stdin`."""

from __future__ import annotations

import argparse
import sys

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app", description="The newsletter service.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "serve",
        help="serve HTTP (local: regenerate a stale server SDK, start the embedded Postgres, migrate)",
    )
    commands.add_parser("migrate", help="apply the pending database migrations")
    create_user = commands.add_parser("create-user", help="create a user who can log in to the admin area")
    create_user.add_argument("username", help="any non-empty name (pages escape it)")
    create_user.add_argument(
        "--password-stdin",
        action="store_true",
        required=True,
        help="read the password from the first line of standard input (without its line ending)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    # Imported here so that `--help` and usage errors stay fast and need no configuration.
    from app import commands

    if arguments.command == "serve":
        return commands.serve()
    if arguments.command == "migrate":
        return commands.migrate()
    return commands.create_user(arguments.username, sys.stdin)


if __name__ == "__main__":
    sys.exit(main())
