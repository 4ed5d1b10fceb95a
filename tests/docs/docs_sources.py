"""Read what the docs pages include, so tests can hold them to the files they show.

Every code block of the docs is a `pymdownx.snippets` include (`--8<-- "path"`, relative to the repository
root, optionally `path:START:END` for a 1-based inclusive line range). A line range into a file that other
code rewrites (a generated-module snapshot) would silently show the wrong lines after a change, so each one
is preceded by an anchor comment naming how the excerpt starts and ends:

    <!-- excerpt from "async def build_application_state" to "return ApplicationState(" -->

The excerpt starts at the first line that starts (after indentation) with the first text, and ends at the
first line from there that starts with the second; `expected_range` computes it, the tests compare.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS_DIR = ROOT / "docs"
HACKING = ROOT / "HACKING.md"
CASES_DIR = ROOT / "tests" / "codegen" / "cases"
DIAGNOSTICS_PAGE = DOCS_DIR / "reference" / "diagnostics.md"
EXPLANATIONS = "codegen/explanations"

_SNIPPET_MARK = "8<-"
_SNIPPET = re.compile(r'^\s*-+8<-+\s+"(?P<target>[^"]+)"\s*$')
_TARGET = re.compile(r"^(?P<path>[^:]+)(?::(?P<start>\d+):(?P<end>\d+))?$")
_ANCHOR = re.compile(r'<!-- excerpt from "(?P<first>[^"]+)" to "(?P<last>[^"]+)" -->')
_CODE_ROW = re.compile(r"^\|\s*(?P<code>[EW]\d{3})\s*\|")
# How far above its `--8<--` line an anchor comment may sit (the comment, a blank line, the fence).
_ANCHOR_REACH = 3


@dataclass(frozen=True, slots=True)
class Excerpt:
    """Where a line-range include must start and end, by the text of its first and last lines."""

    first: str
    last: str


@dataclass(frozen=True, slots=True)
class Snippet:
    """One `--8<--` include of a docs page."""

    page: Path
    line: int
    path: str
    lines: tuple[int, int] | None
    excerpt: Excerpt | None

    @property
    def file(self) -> Path:
        return ROOT / self.path

    def where(self) -> str:
        return f"{shown(self.page)}:{self.line}"


class MalformedSnippet(ValueError):
    """A `--8<--` line the tests cannot read, so cannot check: use the one-line form."""


def shown(path: Path) -> str:
    """`path` as messages show it: relative to the repository when it is inside."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def pages() -> list[Path]:
    return sorted(DOCS_DIR.rglob("*.md"))


def snippets(page: Path) -> list[Snippet]:
    """The includes of `page`, in order, each with the anchor comment that precedes it (if any)."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[Snippet] = []
    for index, text in enumerate(lines):
        if _SNIPPET_MARK not in text:
            continue
        match = _SNIPPET.match(text)
        target = _TARGET.match(match["target"]) if match else None
        if target is None:
            msg = f'{shown(page)}:{index + 1}: write includes as --8<-- "path" or "path:START:END"'
            raise MalformedSnippet(msg)
        span = (int(target["start"]), int(target["end"])) if target["start"] else None
        found.append(Snippet(page, index + 1, target["path"], span, _anchor_above(lines, index)))
    return found


def _anchor_above(lines: list[str], index: int) -> Excerpt | None:
    for text in reversed(lines[max(0, index - _ANCHOR_REACH) : index]):
        anchor = _ANCHOR.search(text)
        if anchor:
            return Excerpt(anchor["first"], anchor["last"])
    return None


def expected_range(file: Path, excerpt: Excerpt) -> tuple[int, int] | None:
    """The 1-based inclusive line range `excerpt` designates in `file`, or None if its texts aren't there."""
    stripped = [line.strip() for line in file.read_text(encoding="utf-8").splitlines()]
    start = next((i for i, line in enumerate(stripped) if line.startswith(excerpt.first)), None)
    if start is None:
        return None
    end = next((i for i in range(start, len(stripped)) if stripped[i].startswith(excerpt.last)), None)
    return None if end is None else (start + 1, end + 1)


def diagnostic_codes() -> list[str]:
    """The codes of HACKING.md's table, in its order: the list the reference must cover."""
    text = HACKING.read_text(encoding="utf-8")
    return [m["code"] for line in text.splitlines() if (m := _CODE_ROW.match(line))]


def cases_by_code() -> dict[str, set[str]]:
    """For each diagnostic code, the test cases that expect it and have a text snapshot of the output."""
    found: dict[str, set[str]] = {}
    for case in sorted(CASES_DIR.iterdir()):
        toml = case / "case.toml"
        if not toml.is_file() or not (case / "expected" / "stderr.txt").is_file():
            continue
        for code in tomllib.loads(toml.read_text(encoding="utf-8")).get("codes", []):
            found.setdefault(code, set()).add(case.name)
    return found


def sections_by_code(page: Path) -> dict[str, list[Snippet]]:
    """Split the diagnostics page's includes into sections, each opened by an explanation's include."""
    sections: dict[str, list[Snippet]] = {}
    current: list[Snippet] | None = None
    for snippet in snippets(page):
        if snippet.path.startswith(f"{EXPLANATIONS}/"):
            current = sections.setdefault(Path(snippet.path).stem, [])
        if current is not None:
            current.append(snippet)
    return sections


def case_of(snippet: Snippet) -> str | None:
    """The case whose text snapshot `snippet` includes, if it includes one."""
    relative = Path(snippet.path)
    if relative.parts[:3] == ("tests", "codegen", "cases") and relative.parts[4:] == (
        "expected",
        "stderr.txt",
    ):
        return relative.parts[3]
    return None
