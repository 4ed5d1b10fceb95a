"""The parsing the docs checks rely on: a checker that misread the pages would pass vacuously."""

from __future__ import annotations

from pathlib import Path

import pytest
from docs_sources import Excerpt, MalformedSnippet, expected_range, snippets


def _page(tmp_path: Path, text: str) -> Path:
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    return page


def test_includes_are_read_with_their_ranges_and_anchors(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        '```text\n--8<-- "a/whole.txt"\n```\n\n'
        '<!-- excerpt from "def f" to "return" -->\n\n```python\n--8<-- "a/part.py:3:5"\n```\n',
    )
    whole, part = snippets(page)
    assert (whole.path, whole.lines, whole.excerpt) == ("a/whole.txt", None, None)
    assert (part.path, part.lines, part.line) == ("a/part.py", (3, 5), 8)
    assert part.excerpt == Excerpt("def f", "return")


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("--8<-- a/unquoted.txt", id="unquoted"),
        pytest.param('--8<-- "a/open.py:3:"', id="open-range"),
        pytest.param('--8<-- "a/file.py:section"', id="section"),
        pytest.param("--8<--", id="block-form"),
    ],
)
def test_includes_the_checks_cannot_read_are_rejected(tmp_path: Path, line: str) -> None:
    page = _page(tmp_path, f"```text\n{line}\n```\n")
    with pytest.raises(MalformedSnippet, match="write includes as"):
        snippets(page)


def test_an_excerpt_runs_from_its_first_text_to_the_next_line_starting_with_its_last(tmp_path: Path) -> None:
    source = tmp_path / "source.py"
    source.write_text(
        "def f():\n    return 1\n\n\ndef g():\n    x = 1\n    return x\n",
        encoding="utf-8",
    )
    assert expected_range(source, Excerpt("def g", "return")) == (5, 7)
    assert expected_range(source, Excerpt("def f", "return")) == (1, 2)
    assert expected_range(source, Excerpt("def h", "return")) is None
    assert expected_range(source, Excerpt("def g", "yield")) is None
