"""The docs site builds strictly, and shows what the repository really contains.

- `mkdocs build --strict` passes (broken links, anchors, missing snippet files and bad references all fail it);
- every `--8<--` include names an existing file, and every line-range include still starts and ends where
  its anchor comment says (generated snapshots move; see `docs_sources.py` and `fix_excerpts.py`);
- the diagnostics reference has a section for every code of HACKING.md's table, with the compiler's real
  output from a test case when one exists.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from docs_sources import (
    DIAGNOSTICS_PAGE,
    EXPLANATIONS,
    ROOT,
    case_of,
    cases_by_code,
    diagnostic_codes,
    expected_range,
    pages,
    sections_by_code,
    snippets,
)

_H2 = re.compile(r"<h2[^>]*>(?P<text>[^<]*)")


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once for this module's tests; fails with mkdocs' own output if the build fails."""
    site_dir = tmp_path_factory.mktemp("site")
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{completed.stdout}{completed.stderr}")
    return site_dir


def test_site_builds_strictly(built_site: Path) -> None:
    for page in ("index.html", "reference/diagnostics/index.html", "reference/blueprint/index.html"):
        assert (built_site / page).is_file(), page


def test_every_snippet_target_exists() -> None:
    included = [snippet for page in pages() for snippet in snippets(page)]
    assert included, "the docs include no files at all"
    missing = [f"{s.where()}: {s.path}" for s in included if not s.file.is_file()]
    assert not missing, "includes of files that don't exist:\n" + "\n".join(missing)


def test_every_line_range_has_an_anchor_and_matches_it() -> None:
    problems: list[str] = []
    for page in pages():
        for snippet in snippets(page):
            if snippet.lines is None:
                continue
            if snippet.excerpt is None:
                problems.append(f'{snippet.where()}: add <!-- excerpt from "..." to "..." --> above it')
                continue
            wanted = expected_range(snippet.file, snippet.excerpt)
            if wanted != snippet.lines:
                found = f"lines {wanted[0]}:{wanted[1]}" if wanted else "no lines"
                problems.append(
                    f'{snippet.where()}: from "{snippet.excerpt.first}" to "{snippet.excerpt.last}" is now '
                    f"{found} of {snippet.path}, not {snippet.lines[0]}:{snippet.lines[1]}"
                )
    assert not problems, (
        "line-range includes out of step with their anchors; `.venv/bin/python tests/docs/fix_excerpts.py` "
        "moves the ranges (and says which anchors need a new text):\n" + "\n".join(problems)
    )


def test_the_diagnostics_reference_covers_every_code_with_real_output() -> None:
    codes = diagnostic_codes()
    assert len(codes) >= 20, "HACKING.md's table of diagnostic codes was not found"
    sections = sections_by_code(DIAGNOSTICS_PAGE)
    assert list(sections) == codes, "one section per code, in HACKING.md's order"
    examples = cases_by_code()
    for code in codes:
        shown = {case for snippet in sections[code] if (case := case_of(snippet))}
        if code in examples:
            assert shown & examples[code], f"{code}: show the output of one of {sorted(examples[code])}"
        assert shown <= examples.get(code, set()), f"{code}: {sorted(shown)} don't expect {code}"


def test_every_code_is_a_section_of_the_built_page(built_site: Path) -> None:
    html = (built_site / "reference" / "diagnostics" / "index.html").read_text(encoding="utf-8")
    headings = [m["text"].strip() for m in _H2.finditer(html)]
    assert [heading.split(":")[0] for heading in headings] == diagnostic_codes()


def test_explanations_exist_for_every_code() -> None:
    missing = [code for code in diagnostic_codes() if not (ROOT / EXPLANATIONS / f"{code}.md").is_file()]
    assert not missing, f"codes without {EXPLANATIONS}/<CODE>.md: {missing}"
