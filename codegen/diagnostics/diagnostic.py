"""`Diagnostic`: one problem found in a blueprint, as plain data that renderers turn into text or JSON."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Label:
    """A span of user code with a short note; `line`/`column` are 1-based, `end_column` exclusive."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """What is wrong (`message`: the first line says what, the next ones why), where, and how to fix it."""

    code: str
    severity: Severity
    message: str
    labels: tuple[Label, ...] = ()
    help: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return self.message.split("\n", 1)[0]

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR
