"""Emission: the generated module's text, its layout, its names, and writing it to disk."""

from __future__ import annotations

from .module import EmitInput as EmitInput, emit_module as emit_module
from .writer import is_up_to_date as is_up_to_date, write_if_changed as write_if_changed

__all__ = ["EmitInput", "emit_module", "is_up_to_date", "write_if_changed"]
