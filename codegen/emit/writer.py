"""Write generated files only when their content changed, and tell whether a committed file is stale."""

from __future__ import annotations

from pathlib import Path


def write_if_changed(path: Path, content: str) -> bool:
    """Write `content` to `path` unless it already holds exactly that; True when the file was written.

    Leaving an up-to-date file untouched keeps its mtime, so tools that cache on mtimes stay warm.
    """
    if is_up_to_date(path, content):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(content, encoding="utf-8")
    temporary.replace(path)
    return True


def is_up_to_date(path: Path, content: str) -> bool:
    try:
        return path.read_text(encoding="utf-8") == content
    except (FileNotFoundError, IsADirectoryError, UnicodeDecodeError):
        return False
