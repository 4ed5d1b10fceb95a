"""Where a registration was made, so diagnostics can point at the user's own code."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from types import CodeType
from typing import Final

REGISTRATION_HELPER_FLAG: Final = "__blueprint_registration_helper__"
"""A module that sets `__blueprint_registration_helper__ = True` registers components on its callers' behalf
(a kit's `register(bp)`): registrations made from its functions are located at the call into it instead."""


@dataclass(frozen=True, slots=True)
class Location:
    """A span of source code: the call that registered a component.

    `line`/`column` are 1-based and point at the start of the call expression; `end_line`/`end_column`
    (exclusive) at its end, so a renderer can underline the whole call.
    """

    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    via: str | None = None
    """The registration helper that made the registration on the caller's behalf (`ApiKit`), if any: the
    span is then the user's call into that helper (`ApiKit().register(bp)`)."""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


def caller_location(depth: int = 2) -> Location:
    """The location of the call expression `depth` frames above this function.

    `depth=2` is the caller of the function that calls `caller_location` (a Blueprint method's caller).
    Frames of registration helpers (modules flagged with `REGISTRATION_HELPER_FLAG`) are skipped, and the
    outermost one names the helper in `via`. Python 3.11 keeps column positions per bytecode instruction,
    which gives the exact span of the call.
    """
    frame = sys._getframe(depth)
    helper: CodeType | None = None
    while frame.f_back is not None and frame.f_globals.get(REGISTRATION_HELPER_FLAG) is True:
        helper = frame.f_code
        frame = frame.f_back
    code = frame.f_code
    line = frame.f_lineno
    column, end_line, end_column = 0, line, 0
    positions = _positions(code)
    index = frame.f_lasti // 2
    if 0 <= index < len(positions):
        start, end, start_col, end_col = positions[index]
        if start is not None:
            line = start
            end_line = end if end is not None else start
        if start_col is not None:
            column = start_col
        if end_col is not None:
            end_column = end_col
    via = None if helper is None else _helper_name(helper)
    return Location(code.co_filename, line, column + 1, end_line, end_column + 1, via)


def _helper_name(code: CodeType) -> str:
    """`ApiKit` for the method `ApiKit.register`, `register_auth` for a function: what the user called."""
    return code.co_qualname.split(".")[0]


@lru_cache(maxsize=64)
def _positions(code: CodeType) -> tuple[tuple[int | None, int | None, int | None, int | None], ...]:
    """The positions of every instruction of `code`, computed once per code object.

    A blueprint function registering a thousand routes would otherwise rebuild this table at every call.
    """
    return tuple(code.co_positions())
