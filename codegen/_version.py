"""The compiler's version, written into every generated module's header."""

from __future__ import annotations

__version__ = "0.1.0"
