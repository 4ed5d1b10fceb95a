"""The compiler's exceptions: a failed compilation (user mistakes) and compiler bugs (our mistakes).

User mistakes are never exceptions inside the passes: they are `Diagnostic`s pushed into a sink. The sink
turns them into `CompilationFailed` at the pipeline's checkpoints, the one boundary where they convert.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .diagnostics.diagnostic import Diagnostic


class CompilationFailed(Exception):
    """The blueprint has errors; `diagnostics` holds every problem found, warnings included."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        super().__init__(diagnostics)
        self.diagnostics = diagnostics

    def __str__(self) -> str:
        from .diagnostics.render import render_text

        return render_text(self.diagnostics, color=False)


class BlueprintLoadError(Exception):
    """`MODULE:ATTR` does not name a Blueprint (diagnostic E100: the CLI exits 2 with this one-line message)."""


class CompilerBug(Exception):
    """An invariant of the compiler itself broke: a bug to report, never a mistake in the user's blueprint."""
