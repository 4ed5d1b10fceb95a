"""Count user-perceived characters (grapheme clusters) with the standard library only.

A simplified form of Unicode's extended grapheme cluster rules (UAX #29), enough for a length limit:
combining marks, variation selectors, emoji modifiers, zero-width joiner sequences and regional
indicator pairs (flags) extend the character before them instead of counting on their own.
"""

from __future__ import annotations

import unicodedata

__all__ = ["grapheme_count"]

_ZERO_WIDTH_JOINER = "\u200d"
_EXTENDING_CATEGORIES = frozenset({"Mn", "Me", "Mc"})


def _extends(char: str) -> bool:
    code = ord(char)
    return (
        unicodedata.category(char) in _EXTENDING_CATEGORIES
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0xE0100 <= code <= 0xE01EF  # variation selectors supplement
        or 0x1F3FB <= code <= 0x1F3FF  # emoji skin-tone modifiers
        or 0xE0020 <= code <= 0xE007F  # emoji tag sequences
        or char == _ZERO_WIDTH_JOINER
    )


def _is_regional_indicator(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def grapheme_count(text: str) -> int:
    """How many characters a reader sees in `text` (``"e\u0301"`` and a family emoji count as one)."""
    count = 0
    previous = ""
    pending_indicator = False
    for char in text:
        if previous == _ZERO_WIDTH_JOINER or (count and _extends(char)):
            pass  # joined to, or extending, the current cluster
        elif _is_regional_indicator(char) and pending_indicator:
            pending_indicator = False  # the second half of a flag
        elif previous == "\r" and char == "\n":
            pass
        else:
            count += 1
            pending_indicator = _is_regional_indicator(char)
        previous = char
    return count
