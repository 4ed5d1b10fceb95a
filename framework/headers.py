"""Request headers: a case-insensitive, multi-value view over the raw ASGI header list.

ASGI hands us `[(name, value), ...]` as bytes with lower-cased names. Most requests never look at most
headers, so nothing is decoded up front: a lookup of one name scans the raw list (a handful of pairs),
and the full index is built only when someone iterates or asks for many names.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

__all__ = ["Headers"]

_RawHeaders = Sequence[tuple[bytes, bytes]] | Sequence[list[bytes]]


class Headers(Mapping[str, str]):
    """Case-insensitive header mapping; `headers[name]` is the first value, `get_all(name)` every value.

    Values are decoded as latin-1, as HTTP/1.1 and ASGI prescribe; names compare case-insensitively.

    Example:
        >>> headers = Headers([(b"accept", b"text/html"), (b"accept", b"application/json")])
        >>> headers["Accept"], headers.get_all("ACCEPT")
        ('text/html', ['text/html', 'application/json'])
    """

    __slots__ = ("_index", "_raw")

    def __init__(self, raw: Iterable[tuple[bytes, bytes]] | Iterable[list[bytes]] = ()) -> None:
        self._raw: _RawHeaders = raw if isinstance(raw, (list, tuple)) else list(raw)  # type: ignore[assignment]
        self._index: dict[str, list[str]] | None = None

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]]) -> Headers:
        """Build headers from `str` pairs (tests, hand-built requests)."""
        return cls([(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in pairs])

    @property
    def raw(self) -> _RawHeaders:
        """The ASGI header list, untouched."""
        return self._raw

    def _build_index(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for name, value in self._raw:
            index.setdefault(name.decode("latin-1").lower(), []).append(value.decode("latin-1"))
        self._index = index
        return index

    def get_all(self, name: str) -> list[str]:
        """Every value of `name`, in the order received (empty when absent)."""
        index = self._index if self._index is not None else self._build_index()
        return list(index.get(name.lower(), ()))

    def first(self, name: str) -> str | None:
        """The first value of `name`, or None: a linear scan, cheaper than indexing for one lookup."""
        if self._index is not None:
            values = self._index.get(name.lower())
            return values[0] if values else None
        wanted = name.lower().encode("latin-1")
        for raw_name, raw_value in self._raw:
            if raw_name == wanted or raw_name.lower() == wanted:
                return raw_value.decode("latin-1")
        return None

    def __getitem__(self, name: str) -> str:
        value = self.first(name)
        if value is None:
            raise KeyError(name)
        return value

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.first(name) is not None

    def __iter__(self) -> Iterator[str]:
        index = self._index if self._index is not None else self._build_index()
        return iter(index)

    def __len__(self) -> int:
        index = self._index if self._index is not None else self._build_index()
        return len(index)

    def multi_items(self) -> list[tuple[str, str]]:
        """Every (name, value) pair with repeats, names lower-cased, in the order received."""
        return [(name.decode("latin-1").lower(), value.decode("latin-1")) for name, value in self._raw]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Headers):
            return NotImplemented
        return sorted(self.multi_items()) == sorted(other.multi_items())

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Headers({self.multi_items()!r})"
