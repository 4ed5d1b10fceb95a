"""The compiler's analysis passes, in pipeline order; each module exposes one `build_*` entry function."""

from __future__ import annotations
