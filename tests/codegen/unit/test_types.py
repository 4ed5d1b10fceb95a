"""Type keys: equal annotations give equal keys; generic constructors unify with concrete uses."""

from __future__ import annotations

import typing
from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Generic, TypeVar

from codegen.model import GeneratorKind, TypeKey, type_key
from codegen.model.callables import reflect_callable
from codegen.model.types import substitute, unify

T = TypeVar("T")


class Form(Generic[T]):
    pass


class Subscribe:
    pass


class Login:
    pass


def test_generic_aliases_written_twice_give_one_key() -> None:
    assert type_key(Form[Subscribe]) == type_key(Form[Subscribe])
    assert type_key(Form[Subscribe]) != type_key(Form[Login])


def test_union_order_does_not_matter() -> None:
    assert type_key(int | str) == type_key(str | int)
    assert type_key(typing.Optional[int]) == type_key(int | None)  # noqa: UP045 - the old spelling on purpose


def test_annotated_metadata_makes_a_different_dependency() -> None:
    assert type_key(Annotated[str, "sender"]) != type_key(str)
    assert type_key(Annotated[str, "sender"]).display() == "Annotated[str, 'sender']"


def test_display_uses_short_names() -> None:
    assert type_key(Form[Subscribe]).display() == "Form[Subscribe]"
    assert type_key(int | None).display() == "int | None"


def test_a_generic_pattern_binds_its_type_variable() -> None:
    bindings: dict[TypeVar, TypeKey] = {}
    assert unify(type_key(Form[T]), type_key(Form[Subscribe]), bindings)  # type: ignore[valid-type]
    assert bindings == {T: type_key(Subscribe)}
    assert substitute(type_key(type[T]), bindings) == type_key(type[Subscribe])


def test_a_bound_type_variable_must_bind_the_same_type_again() -> None:
    pattern = TypeKey(dict, (type_key(T), type_key(T)))
    assert unify(pattern, type_key(dict[int, int]), {})
    assert not unify(pattern, type_key(dict[int, str]), {})


def test_different_origins_do_not_unify() -> None:
    assert not unify(type_key(Form[T]), type_key(list[Subscribe]), {})  # type: ignore[valid-type]


def pool_generator() -> Iterator[Subscribe]:
    yield Subscribe()


async def async_pool() -> AsyncIterator[Login]:
    yield Login()


def string_annotations(form: Form[Subscribe], count: int) -> Login:
    return Login()


def test_generators_construct_what_they_yield() -> None:
    sync = reflect_callable(pool_generator)
    assert sync.generator is GeneratorKind.SYNC
    assert sync.output == type_key(Subscribe)
    asynchronous = reflect_callable(async_pool)
    assert asynchronous.generator is GeneratorKind.ASYNC
    assert asynchronous.output == type_key(Login)
    assert not asynchronous.is_async  # an async generator is entered, not awaited


def test_string_annotations_are_evaluated_in_the_components_module() -> None:
    spec = reflect_callable(string_annotations)
    assert [param.key for param in spec.params] == [type_key(Form[Subscribe]), type_key(int)]
    assert spec.output == type_key(Login)
    assert spec.not_importable is None
    assert spec.path == f"{__name__}.string_annotations"


def test_a_closure_is_not_importable() -> None:
    def inner() -> int:
        return 1

    assert reflect_callable(inner).not_importable == "it is defined inside another function"
    assert reflect_callable(lambda: 1).not_importable == "it is a lambda"


def test_reflection_is_cached_per_callable() -> None:
    assert reflect_callable(pool_generator) is reflect_callable(pool_generator)
