"""The "Zero To Production" newsletter service, built on `framework` and compiled from `app.blueprint`."""

from __future__ import annotations

__all__: list[str] = []
