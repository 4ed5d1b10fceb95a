"""Move the line ranges of the docs' anchored excerpts to where their anchors now are.

Run it after a snapshot the docs quote has changed (`test_excerpts_match_their_anchors` fails):

    .venv/bin/python tests/docs/fix_excerpts.py

It rewrites only the `:START:END` of includes preceded by an anchor comment, prints each change, and exits
with 1 if an anchor no longer matches anything, which needs a human to pick new anchors. Review the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docs_sources import ROOT, expected_range, pages, snippets


def fix_page(page: Path) -> tuple[list[str], list[str]]:
    """Rewrite `page` in place; return the changes made and the anchors that match nothing."""
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    changes: list[str] = []
    unmatched: list[str] = []
    for snippet in snippets(page):
        if snippet.lines is None or snippet.excerpt is None:
            continue
        wanted = expected_range(snippet.file, snippet.excerpt) if snippet.file.is_file() else None
        if wanted is None:
            unmatched.append(f"{snippet.where()}: {snippet.excerpt} matches nothing in {snippet.path}")
        elif wanted != snippet.lines:
            old = f'"{snippet.path}:{snippet.lines[0]}:{snippet.lines[1]}"'
            new = f'"{snippet.path}:{wanted[0]}:{wanted[1]}"'
            lines[snippet.line - 1] = lines[snippet.line - 1].replace(old, new, 1)
            changes.append(f"{snippet.where()}: {old} -> {new}")
    if changes:
        page.write_text("".join(lines), encoding="utf-8")
    return changes, unmatched


def main() -> int:
    failed = False
    for page in pages():
        changes, unmatched = fix_page(page)
        for message in changes + unmatched:
            print(message)
        failed = failed or bool(unmatched)
    if not failed:
        print(f"excerpts under {(ROOT / 'docs').relative_to(ROOT)}/ match their anchors")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
