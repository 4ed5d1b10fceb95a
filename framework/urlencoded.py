"""Sans-IO decoding of `application/x-www-form-urlencoded` data and query strings.

Decoding follows the WHATWG URL standard's urlencoded parser, made strict where that standard is lenient so
that a bad request is a clear 400 rather than silently mangled data:

- pairs are separated by `&`; empty pieces (`a=1&&b=2`) are skipped; a piece without `=` is a name with a
  blank value; blank values are kept (`name=` gives `""`, never a missing field);
- `+` means a space, in names and values alike, exactly as `%20` does (HTML forms encode spaces as `+`);
  a literal plus sign arrives as `%2B`;
- percent-escapes are decoded to bytes and the result must be UTF-8: a `%` not followed by two hex digits,
  or bytes that are not UTF-8, raise `DecodeError`;
- repeated names are all kept, in order (`MultiDict.get_all`).

`convert(data, target)` then turns the decoded pairs into a dataclass or `msgspec.Struct`: a field typed as
a sequence (`list[X]`, `tuple[X, ...]`, `set[X]`, `frozenset[X]`) takes every value of its name, any other
field takes exactly one. Values are strings, converted leniently by msgspec (`"42"` → `42`, `"true"` → `True`);
a blank value for an optional non-string field (`int | None`) becomes `None`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final, TypeVar
from urllib.parse import unquote_to_bytes

import msgspec
from msgspec import inspect as msgspec_inspect

__all__ = ["DecodeError", "FieldError", "MultiDict", "convert", "decode", "field_error"]

T = TypeVar("T")

_BAD_ESCAPE: Final = re.compile(r"%(?![0-9A-Fa-f]{2})")
_NOT_UTF8: Final = "The URL-encoded data is not valid UTF-8."
_ERROR_PATH: Final = re.compile(r"(?P<reason>.*?)(?: - at `\$(?P<path>[^`]*)`)?", re.DOTALL)
_MISSING: Final = re.compile(r"Object missing required field `(?P<name>[^`]*)`")
_SEQUENCE_TYPES: Final = (
    msgspec_inspect.ListType,
    msgspec_inspect.VarTupleType,
    msgspec_inspect.SetType,
    msgspec_inspect.FrozenSetType,
)


class DecodeError(ValueError):
    """The data is not valid URL-encoding: a broken percent-escape or bytes that are not UTF-8."""


class FieldError(ValueError):
    """A decoded field is missing, invalid or repeated; `.field` names it as the client spelled it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class MultiDict(Mapping[str, str]):
    """An ordered multi-dict of decoded pairs: `d[name]` is the first value, `get_all(name)` every one."""

    __slots__ = ("_index", "_pairs")

    def __init__(self, pairs: list[tuple[str, str]] | None = None) -> None:
        self._pairs: list[tuple[str, str]] = pairs if pairs is not None else []
        self._index: dict[str, list[str]] = {}
        for name, value in self._pairs:
            self._index.setdefault(name, []).append(value)

    def __getitem__(self, name: str) -> str:
        return self._index[name][0]

    def __contains__(self, name: object) -> bool:
        return name in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def get_all(self, name: str) -> list[str]:
        """Every value given for `name`, in order (an empty list when there is none)."""
        return list(self._index.get(name, ()))

    def multi_items(self) -> list[tuple[str, str]]:
        """All pairs, repeated names included, in the order they were sent."""
        return list(self._pairs)

    def __repr__(self) -> str:
        return f"MultiDict({self._pairs!r})"


def _unquote(raw: str) -> str:
    if "+" in raw:
        raw = raw.replace("+", " ")
    if "%" not in raw:
        return raw
    if _BAD_ESCAPE.search(raw):
        msg = "Invalid percent-escape: every `%` must be followed by two hexadecimal digits."
        raise DecodeError(msg)
    try:
        return unquote_to_bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        raise DecodeError(_NOT_UTF8) from None


def _as_text(data: bytes | str) -> str:
    """The data as text, its unescaped non-ASCII bytes read as UTF-8 (invalid UTF-8 is a DecodeError)."""
    try:
        if isinstance(data, bytes):
            return data.decode("utf-8")
        if data.isascii():
            return data
        try:  # a query string from ASGI: bytes seen through latin-1
            return data.encode("latin-1").decode("utf-8")
        except UnicodeEncodeError:  # text that never was bytes on the wire: take it as it is
            return data
    except UnicodeDecodeError:
        raise DecodeError(_NOT_UTF8) from None


def decode(data: bytes | str) -> MultiDict:
    """Decode a query string or form body into a `MultiDict` (see the module docstring for the rules).

    A `str` is taken as ASGI delivers a query string (bytes decoded as latin-1); bytes as a body.

    Example:
        decode(b"name=le+guin&email=ursula%40example.com&tag=a&tag=")["name"]  # "le guin"
    """
    pairs: list[tuple[str, str]] = []
    for piece in _as_text(data).split("&"):
        if piece:
            name, _, value = piece.partition("=")
            pairs.append((_unquote(name), _unquote(value)))
    return MultiDict(pairs)


@dataclass(frozen=True, slots=True)
class _FieldPlan:
    name: str  # as the client spells it (msgspec's encode_name, so `rename=` is honoured)
    many: bool
    blank_is_none: bool
    required: bool


_PLANS: dict[type[Any], tuple[_FieldPlan, ...]] = {}


def _blank_is_none(type_info: msgspec_inspect.Type) -> bool:
    if not isinstance(type_info, msgspec_inspect.UnionType):
        return False
    kinds = tuple(type(t) for t in type_info.types)
    return msgspec_inspect.NoneType in kinds and msgspec_inspect.StrType not in kinds


def _plan(target: type[Any]) -> tuple[_FieldPlan, ...]:
    plan = _PLANS.get(target)
    if plan is None:
        info = msgspec_inspect.type_info(target)
        if not isinstance(info, msgspec_inspect.StructType | msgspec_inspect.DataclassType):
            msg = f"{target!r} must be a dataclass or a msgspec.Struct to receive URL-encoded fields."
            raise TypeError(msg)
        plan = tuple(
            _FieldPlan(f.encode_name, isinstance(f.type, _SEQUENCE_TYPES), _blank_is_none(f.type), f.required)
            for f in info.fields
        )
        _PLANS[target] = plan
    return plan


def _collect(values: list[str], field: _FieldPlan) -> object:
    if field.many:
        return list(values)
    if len(values) > 1:
        msg = f"The field `{field.name}` was given {len(values)} times, but takes a single value."
        raise FieldError(field.name, msg)
    if field.blank_is_none and values[0] == "":
        return None
    return values[0]


def convert(data: Mapping[str, str], target: type[T]) -> T:
    """Convert decoded fields into `target` (a dataclass or `msgspec.Struct`), naming any bad field.

    `data` is a `MultiDict` (query strings, forms) or any `Mapping[str, str]` (route parameters).
    Raises `FieldError` for a missing required field, a repeated single-value field, or a value that
    does not convert to the field's type. Names that no field declares are ignored; a required sequence
    field whose name is absent gets no values (an empty list), as a form with no box ticked sends nothing.
    """
    index = data._index if isinstance(data, MultiDict) else {name: [value] for name, value in data.items()}
    fields: dict[str, object] = {}
    for field in _plan(target):
        values = index.get(field.name)
        if values is not None:
            fields[field.name] = _collect(values, field)
        elif field.many and field.required:
            fields[field.name] = []  # zero values, like a form whose checkboxes are all unticked
        elif field.required:
            msg = f"Missing field `{field.name}`."
            raise FieldError(field.name, msg)
    try:
        return msgspec.convert(fields, target, strict=False)
    except msgspec.ValidationError as error:
        raise field_error(error) from error


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def field_error(error: msgspec.ValidationError) -> FieldError:
    """Restate a msgspec validation error in terms of the field it is about (`age`, `address.city`)."""
    match = _ERROR_PATH.fullmatch(str(error))
    reason, path = (match["reason"], (match["path"] or "").lstrip(".")) if match else (str(error), "")
    missing = _MISSING.fullmatch(reason)
    if missing is not None:
        field = f"{path}.{missing['name']}" if path else missing["name"]
        return FieldError(field, f"Missing field `{field}`.")
    if not path:
        return FieldError("", f"Invalid data: {_lower_first(reason)}.")
    return FieldError(path, f"Invalid value for the field `{path}`: {_lower_first(reason)}.")
