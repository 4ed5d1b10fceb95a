"""Where a registration was made, so diagnostics can point at the user's own code."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from types import CodeType


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

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


def caller_location(depth: int = 2) -> Location:
    """The location of the call expression `depth` frames above this function.

    `depth=2` is the caller of the function that calls `caller_location` (a Blueprint method's caller).
    Python 3.11 keeps column positions per bytecode instruction, which gives the exact span of the call.
    """
    frame = sys._getframe(depth)
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
    return Location(code.co_filename, line, column + 1, end_line, end_column + 1)


@lru_cache(maxsize=64)
def _positions(code: CodeType) -> tuple[tuple[int | None, int | None, int | None, int | None], ...]:
    """The positions of every instruction of `code`, computed once per code object.

    A blueprint function registering a thousand routes would otherwise rebuild this table at every call.
    """
    return tuple(code.co_positions())
