"""URL-encoded decoding (query strings and form bodies) and conversion into typed fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

import msgspec
import pytest
from hypothesis import given, strategies as st

from framework.urlencoded import DecodeError, FieldError, MultiDict, convert, decode, field_error

pairs_strategy = st.lists(st.tuples(st.text(min_size=1), st.text()), max_size=8)


@given(pairs_strategy)
def test_decode_inverts_urllib_urlencode(pairs: list[tuple[str, str]]) -> None:
    encoded = urlencode(pairs)
    assert decode(encoded).multi_items() == pairs
    assert decode(encoded.encode()).multi_items() == pairs


@given(pairs_strategy)
def test_decode_inverts_percent_encoding_of_spaces(pairs: list[tuple[str, str]]) -> None:
    encoded = "&".join(f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in pairs)
    assert decode(encoded).multi_items() == pairs


@given(st.binary(max_size=64))
def test_arbitrary_bytes_decode_or_raise_decode_error(data: bytes) -> None:
    try:
        result = decode(data)
    except DecodeError:
        return
    assert all(isinstance(name, str) and isinstance(value, str) for name, value in result.multi_items())


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param("a=1&b=2", [("a", "1"), ("b", "2")], id="simple"),
        pytest.param("name=", [("name", "")], id="blank-value-kept"),
        pytest.param("name", [("name", "")], id="no-equals-is-blank"),
        pytest.param("a=1&&b=2&", [("a", "1"), ("b", "2")], id="empty-pieces-skipped"),
        pytest.param("q=le+guin", [("q", "le guin")], id="plus-is-space"),
        pytest.param("q=le%20guin", [("q", "le guin")], id="percent-20-is-space"),
        pytest.param("q=1%2B1", [("q", "1+1")], id="encoded-plus-is-plus"),
        pytest.param("first+name=x", [("first name", "x")], id="plus-in-name"),
        pytest.param("a=x=y", [("a", "x=y")], id="equals-in-value"),
        pytest.param("caf%C3%A9=%E2%82%AC", [("café", "€")], id="utf-8"),
        pytest.param("t=a&t=b&t=", [("t", "a"), ("t", "b"), ("t", "")], id="repeated-in-order"),
        pytest.param("", [], id="empty"),
    ],
)
def test_decode_examples(data: str, expected: list[tuple[str, str]]) -> None:
    assert decode(data).multi_items() == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"a=%zz", "percent-escape", id="non-hex-escape"),
        pytest.param(b"a=%4", "percent-escape", id="truncated-escape"),
        pytest.param(b"a=100%", "percent-escape", id="bare-percent"),
        pytest.param(b"a=%ff", "not valid UTF-8", id="invalid-utf8-escaped"),
        pytest.param(b"a=%C3", "not valid UTF-8", id="truncated-utf8"),
        pytest.param(b"a=\xff", "not valid UTF-8", id="invalid-utf8-raw"),
        pytest.param(b"%ff=1", "not valid UTF-8", id="invalid-utf8-in-name"),
    ],
)
def test_decode_errors(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError, match=message):
        decode(data)


def test_multidict_views() -> None:
    data = decode("t=a&x=1&t=b")
    assert data["t"] == "a"
    assert data.get_all("t") == ["a", "b"]
    assert data.get_all("missing") == []
    assert list(data) == ["t", "x"]
    assert len(data) == 2
    assert dict(data) == {"t": "a", "x": "1"}
    assert repr(MultiDict([("a", "b")])) == "MultiDict([('a', 'b')])"


@dataclass
class Subscribe:
    name: str
    email: str
    tags: list[str] = field(default_factory=list)
    age: int | None = None
    newsletter: bool = False


class Search(msgspec.Struct, rename="camel"):
    search_term: str
    page: int = 1
    ids: tuple[int, ...] = ()


def test_convert_into_a_dataclass() -> None:
    value = convert(
        decode("name=Ursula&email=u%40example.com&tags=a&tags=b&age=70&newsletter=true"), Subscribe
    )
    assert value == Subscribe("Ursula", "u@example.com", ["a", "b"], 70, True)


def test_convert_keeps_blank_strings_and_maps_blank_optionals_to_none() -> None:
    assert convert(decode("name=&email=&age="), Subscribe) == Subscribe("", "", [], None)


def test_convert_into_a_struct_uses_the_wire_names() -> None:
    assert convert(decode("searchTerm=x&ids=1&ids=2"), Search) == Search("x", 1, (1, 2))


def test_convert_ignores_unknown_names() -> None:
    assert convert(decode("name=a&email=b&extra=1&extra=2"), Subscribe) == Subscribe("a", "b")


def test_sequence_field_absent_is_empty() -> None:
    @dataclass
    class Boxes:
        ticked: list[str]

    assert convert(decode(""), Boxes) == Boxes([])


@pytest.mark.parametrize(
    ("data", "field_name", "message"),
    [
        pytest.param("email=x", "name", "Missing field `name`.", id="missing"),
        pytest.param(
            "name=a&name=b&email=x",
            "name",
            "The field `name` was given 2 times, but takes a single value.",
            id="repeated-scalar",
        ),
        pytest.param(
            "name=a&email=x&age=old",
            "age",
            "Invalid value for the field `age`: expected `int | null`, got `str`.",
            id="invalid",
        ),
    ],
)
def test_convert_errors_name_the_field(data: str, field_name: str, message: str) -> None:
    with pytest.raises(FieldError) as caught:
        convert(decode(data), Subscribe)
    assert caught.value.field == field_name
    assert caught.value.message == message


def test_convert_accepts_a_plain_mapping() -> None:
    @dataclass
    class Params:
        id: int

    assert convert({"id": "42"}, Params) == Params(42)


def test_convert_rejects_targets_without_fields() -> None:
    with pytest.raises(TypeError, match=r"dataclass or a msgspec\.Struct"):
        convert(decode("a=1"), int)


@dataclass
class Address:
    city: str


@dataclass
class Person:
    name: str
    address: Address


@pytest.mark.parametrize(
    ("value", "field_name", "message"),
    [
        pytest.param({"address": {"city": "x"}}, "name", "Missing field `name`.", id="missing-top"),
        pytest.param(
            {"name": "x", "address": {}}, "address.city", "Missing field `address.city`.", id="nested"
        ),
        pytest.param(
            {"name": 1, "address": {"city": "x"}},
            "name",
            "Invalid value for the field `name`: expected `str`, got `int`.",
            id="wrong-type",
        ),
        pytest.param([], "", "Invalid data: expected `object`, got `array`.", id="root"),
    ],
)
def test_field_error_restates_msgspec_errors(value: object, field_name: str, message: str) -> None:
    with pytest.raises(msgspec.ValidationError) as caught:
        msgspec.convert(value, Person)
    error = field_error(caught.value)
    assert (error.field, error.message) == (field_name, message)
