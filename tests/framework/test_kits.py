"""`ApiKit` and `SessionKit`: what they register, and that every component is fit for the compiler."""

from __future__ import annotations

import typing
from typing import Any, TypeVar

import pytest

from blueprint import Blueprint, Lifecycle
from blueprint.schema import Constructor, PostProcessingMiddleware
from framework import cookies, extractors, requests, sessions, telemetry
from framework.kits import ApiKit, KitConstructor, SessionKit
from framework.responses import Response

API_CONSTRUCTORS: dict[Any, Any] = {
    extractors.route_params: extractors.route_params_error_to_response,
    extractors.query_params: extractors.query_params_error_to_response,
    extractors.form: extractors.form_error_to_response,
    extractors.json: extractors.json_error_to_response,
    requests.buffer_body: requests.body_too_large_to_response,
    requests.default_body_size_limit: None,
    cookies.request_cookies: None,
    cookies.response_cookies: None,
    extractors.request_id: None,
    telemetry.root_span: None,
}


def constructors(bp: Blueprint) -> list[Constructor]:
    return [c for c in bp.components if isinstance(c, Constructor)]


def post_processors(bp: Blueprint) -> list[Any]:
    return [c.callable for c in bp.components if isinstance(c, PostProcessingMiddleware)]


def test_api_kit_registers_request_scoped_unused_allowed_constructors() -> None:
    bp = ApiKit().register(Blueprint())
    registered = constructors(bp)
    assert {
        c.callable: (c.error_handler.callable if c.error_handler else None) for c in registered
    } == API_CONSTRUCTORS
    assert all(c.lifecycle is Lifecycle.REQUEST_SCOPED and c.allow_unused for c in registered)
    assert post_processors(bp) == [cookies.inject_response_cookies]


def test_api_kit_entries_can_be_replaced_or_dropped() -> None:
    def body_size_limit() -> requests.BodySizeLimit:
        return requests.BodySizeLimit(1024)

    kit = ApiKit()
    kit.json = None
    kit.inject_response_cookies = None
    kit.body_size_limit = KitConstructor(body_size_limit)
    bp = kit.register(Blueprint())
    callables = [c.callable for c in constructors(bp)]
    assert extractors.json not in callables
    assert body_size_limit in callables
    assert requests.default_body_size_limit not in callables
    assert post_processors(bp) == []


def test_kit_constructor_lifecycle_is_configurable() -> None:
    bp = Blueprint()
    KitConstructor(requests.default_body_size_limit, Lifecycle.SINGLETON).register(bp)
    (constructor,) = constructors(bp)
    assert constructor.lifecycle is Lifecycle.SINGLETON
    assert constructor.error_handler is None


def test_session_kit() -> None:
    bp = SessionKit().register(Blueprint())
    (constructor,) = constructors(bp)
    assert constructor.callable is sessions.session
    assert constructor.lifecycle is Lifecycle.REQUEST_SCOPED
    assert post_processors(bp) == [sessions.finalize_session]
    kit = SessionKit()
    kit.session = None
    kit.finalize_session = None
    assert kit.register(Blueprint()).components == []


# The compiler reads annotations with `typing.get_type_hints`: every kit component must resolve fully.

COMPONENTS = [
    *API_CONSTRUCTORS,
    *(handler for handler in API_CONSTRUCTORS.values() if handler is not None),
    cookies.inject_response_cookies,
    sessions.session,
    sessions.finalize_session,
    telemetry.logger,
    telemetry.log_error,
]


@pytest.mark.parametrize("component", COMPONENTS, ids=lambda c: c.__qualname__)
def test_every_component_is_fully_annotated(component: Any) -> None:
    hints = typing.get_type_hints(component)
    parameters = component.__code__.co_varnames[: component.__code__.co_argcount]
    assert set(parameters) <= set(hints)
    assert "return" in hints


@pytest.mark.parametrize(
    ("constructor", "extractor"),
    [
        (extractors.route_params, extractors.RouteParams),
        (extractors.query_params, extractors.QueryParams),
        (extractors.form, extractors.Form),
        (extractors.json, extractors.Json),
    ],
)
def test_generic_constructors_take_the_concrete_class_as_type_t(constructor: Any, extractor: Any) -> None:
    hints = typing.get_type_hints(constructor)
    target = hints.pop("target")
    returned = hints.pop("return")
    assert typing.get_origin(target) is type
    (type_var,) = typing.get_args(target)
    assert isinstance(type_var, TypeVar)
    assert typing.get_origin(returned) is extractor
    assert typing.get_args(returned) == (type_var,)
    assert type_var not in hints.values()  # the other parameters are ordinary dependencies


@pytest.mark.parametrize(
    ("handler", "error_type"),
    [
        (extractors.route_params_error_to_response, extractors.RouteParamsError),
        (extractors.query_params_error_to_response, extractors.QueryParamsError),
        (extractors.form_error_to_response, extractors.FormError),
        (extractors.json_error_to_response, extractors.JsonError),
        (requests.body_too_large_to_response, requests.BodyTooLargeError),
    ],
)
def test_error_handlers_take_their_error_first_and_return_a_response(handler: Any, error_type: Any) -> None:
    hints = typing.get_type_hints(handler)
    first = handler.__code__.co_varnames[0]
    assert hints[first] is error_type
    assert hints["return"] is Response
