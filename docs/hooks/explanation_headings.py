"""MkDocs hook: make each included diagnostic explanation one section of the diagnostics reference.

The explanations in `codegen/explanations/` are standalone documents (`# E201: missing constructor`,
`## Example`, `## Fix`), printed as they are by `python -m codegen explain`. The reference page includes
each of them inside `<div class="explanation" markdown>`; this hook demotes every heading inside such a
div by one level, so that an explanation becomes an `h2` section of the page and its parts `h3`s, and the
page keeps a single `h1`. Python-Markdown and pymdownx.snippets offer no heading offset of their own.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig

EXPLANATION_CLASS = "explanation"
_DEMOTED = {f"h{level}": f"h{level + 1}" for level in range(1, 6)}
# Treeprocessors run from the highest priority down; `toc` (5) must see the demoted levels so that the
# table of contents nests the sections correctly.
_PRIORITY = 6


class _DemoteExplanationHeadings(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for div in root.iter("div"):
            if EXPLANATION_CLASS in div.get("class", "").split():
                for element in div.iter():
                    element.tag = _DEMOTED.get(element.tag, element.tag)


class ExplanationHeadings(Extension):
    """Demote the headings inside `<div class="explanation">` by one level."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_DemoteExplanationHeadings(md), "demote_explanation_headings", _PRIORITY)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.markdown_extensions.append(ExplanationHeadings())
    return config
