"""The router: template syntax, matching rules (DESIGN.md §4 "Routing"), 404/405 and fallbacks."""

from __future__ import annotations

from typing import Any

import pytest

from framework.asgi import Request
from framework.fallbacks import method_not_allowed_endpoint, not_found_endpoint
from framework.responses import Response
from framework.routing import (
    CatchAllSegment,
    InvalidTemplate,
    ParamSegment,
    RouteConflict,
    Router,
    StaticSegment,
    decode_raw_path,
    decode_segment,
    parse_template,
    template_shape,
)

GET = frozenset({"GET"})
POST = frozenset({"POST"})


def endpoint(name: str) -> Any:
    async def answer(state: Any, request: Request) -> Response:
        return Response.text(name)

    answer.__qualname__ = name
    return answer


def resolve(router: Router, path: str, method: str = "GET") -> tuple[str, dict[str, str], str]:
    """(endpoint name, params, matched template) for a request."""
    resolution = router.resolve(method, path)
    return resolution.endpoint.__qualname__, dict(resolution.route_params), str(resolution.matched_route)


def router_with(*templates: str) -> Router:
    router = Router()
    for template in templates:
        router.route(template, GET, endpoint(template))
    return router


# -- templates ----------------------------------------------------------------------------------------


def test_parse_template_segments() -> None:
    assert parse_template("/") == (StaticSegment(""),)
    assert parse_template("/a/{id}/{*rest}") == (
        StaticSegment("a"),
        ParamSegment("id"),
        CatchAllSegment("rest"),
    )
    assert parse_template("/a/") == (StaticSegment("a"), StaticSegment(""))


@pytest.mark.parametrize(
    ("template", "message"),
    [
        pytest.param("users", "must start with `/`", id="no-leading-slash"),
        pytest.param("", "must start with `/`", id="empty"),
        pytest.param("/users/{}", "has no parameter name", id="empty-braces"),
        pytest.param("/users/{*}", "has no parameter name", id="empty-catch-all"),
        pytest.param("/x{id}.png", "mixes text and braces", id="text-around-param"),
        pytest.param("/{{id}}", "mixes text and braces", id="double-braces"),
        pytest.param("/a/{id", "mixes text and braces", id="unclosed"),
        pytest.param("/a/id}", "mixes text and braces", id="stray-close"),
        pytest.param("/{*rest}/more", "must be the last segment", id="catch-all-not-last"),
        pytest.param("/{*rest}/", "must be the last segment", id="catch-all-trailing-slash"),
        pytest.param("/{id}/{id}", "twice", id="duplicate-name"),
        pytest.param("/{user-id}", "not a valid parameter name", id="bad-name"),
        pytest.param("/search?q={q}", "path template describes the path only", id="query"),
    ],
)
def test_invalid_templates_explain_themselves(template: str, message: str) -> None:
    with pytest.raises(InvalidTemplate, match=message) as info:
        parse_template(template)
    assert info.value.template == template


def test_template_shape_erases_names() -> None:
    assert template_shape("/users/{id}") == template_shape("/users/{user_id}") == "/users/{}"
    assert template_shape("/files/{*path}") == "/files/{*}"
    assert template_shape("/users/{id}") != template_shape("/users/{*id}")
    assert template_shape("/a") != template_shape("/a/")


# -- matching -----------------------------------------------------------------------------------------


def test_static_and_param_routes() -> None:
    router = router_with("/", "/health_check", "/users/{id}", "/users/{id}/posts/{post}")
    assert resolve(router, "/") == ("/", {}, "/")
    assert resolve(router, "/health_check") == ("/health_check", {}, "/health_check")
    assert resolve(router, "/users/7") == ("/users/{id}", {"id": "7"}, "/users/{id}")
    assert resolve(router, "/users/7/posts/9")[1] == {"id": "7", "post": "9"}


def test_trailing_slash_is_significant() -> None:
    router = router_with("/a", "/b/")
    assert resolve(router, "/a")[0] == "/a"
    assert resolve(router, "/a/")[0] == "not_found_endpoint"
    assert resolve(router, "/b/")[0] == "/b/"
    assert resolve(router, "/b")[0] == "not_found_endpoint"


def test_params_match_at_least_one_character() -> None:
    router = router_with("/users/{id}", "/files/{*path}")
    assert resolve(router, "/users/")[0] == "not_found_endpoint"
    assert resolve(router, "/files/")[0] == "not_found_endpoint"
    assert resolve(router, "/files")[0] == "not_found_endpoint"
    assert resolve(router, "/files//")[1] == {"path": "/"}


def test_param_does_not_cross_segments() -> None:
    router = router_with("/users/{id}")
    assert resolve(router, "/users/1/2")[0] == "not_found_endpoint"


def test_catch_all_keeps_slashes() -> None:
    router = router_with("/files/{*path}")
    assert resolve(router, "/files/a/b/c.txt")[1] == {"path": "a/b/c.txt"}
    assert resolve(router, "/files/a/")[1] == {"path": "a/"}


def test_root_catch_all() -> None:
    router = router_with("/{*path}")
    assert resolve(router, "/x/y")[1] == {"path": "x/y"}
    assert resolve(router, "/")[0] == "not_found_endpoint"


def test_percent_encoded_segments_are_decoded() -> None:
    router = router_with("/café", "/users/{name}", "/files/{*path}")
    assert resolve(router, "/caf%C3%A9")[0] == "/café"
    assert resolve(router, "/caf%c3%a9")[0] == "/café"
    assert resolve(router, "/café")[0] == "/café"
    assert resolve(router, "/users/Jos%C3%A9%20Mar%C3%ADa")[1] == {"name": "José María"}
    assert resolve(router, "/files/a%2Fb/c")[1] == {"path": "a/b/c"}


def test_encoded_slash_never_splits_a_segment() -> None:
    router = router_with("/a/b", "/a/{x}")
    assert resolve(router, "/a%2Fb")[0] == "not_found_endpoint"
    assert resolve(router, "/a/b%2Fc")[1] == {"x": "b/c"}


def test_encoded_static_path_with_percent_literal() -> None:
    router = router_with("/100%")
    assert resolve(router, "/100%25")[0] == "/100%"


@pytest.mark.parametrize("path", ["/users/%ZZ", "/users/%", "/users/%C3", "/users/%FF%FE", "/%E9t%E9"])
def test_invalid_percent_encoding_matches_nothing(path: str) -> None:
    router = router_with("/users/{id}", "/{*rest}")
    assert resolve(router, path)[0] == "not_found_endpoint"


@pytest.mark.parametrize("path", ["", "*", "users", "http://example.com/users/1"])
def test_paths_without_leading_slash_match_nothing(path: str) -> None:
    router = router_with("/users/{id}", "/{*rest}")
    assert resolve(router, path)[0] == "not_found_endpoint"


def test_decode_segment() -> None:
    assert decode_segment("plain") == "plain"
    assert decode_segment("a%20b") == "a b"
    assert decode_segment("%2") is None
    assert decode_segment("%C3%28") is None


# -- precedence and backtracking ----------------------------------------------------------------------


def test_static_beats_param_beats_catch_all() -> None:
    router = router_with("/users/me", "/users/{id}", "/users/{*rest}")
    assert resolve(router, "/users/me")[0] == "/users/me"
    assert resolve(router, "/users/42")[0] == "/users/{id}"
    assert resolve(router, "/users/42/x")[0] == "/users/{*rest}"


def test_backtracks_from_static_to_param() -> None:
    router = router_with("/users/me/settings", "/users/{id}/profile")
    assert resolve(router, "/users/me/profile") == (
        "/users/{id}/profile",
        {"id": "me"},
        "/users/{id}/profile",
    )


def test_backtracks_from_param_to_catch_all() -> None:
    router = router_with("/a/{x}/c", "/a/{*rest}")
    assert resolve(router, "/a/b/c")[0] == "/a/{x}/c"
    assert resolve(router, "/a/b/d")[1] == {"rest": "b/d"}


def test_backtracking_discards_captured_values() -> None:
    router = router_with("/{a}/{b}/x", "/{a}/y/z")
    assert resolve(router, "/1/y/z")[1] == {"a": "1"}


def test_static_route_beats_parameterised_route_for_the_same_path() -> None:
    router = router_with("/{kind}/{id}", "/users/new")
    assert resolve(router, "/users/new")[0] == "/users/new"
    assert resolve(router, "/users/old")[0] == "/{kind}/{id}"


# -- methods: 405 and Allow ---------------------------------------------------------------------------


def test_matched_path_with_other_method_is_405() -> None:
    router = Router()
    router.route("/subscriptions", POST, endpoint("subscribe"))
    router.route("/subscriptions", frozenset({"GET", "PUT"}), endpoint("list"))
    resolution = router.resolve("DELETE", "/subscriptions")
    assert resolution.endpoint is method_not_allowed_endpoint
    assert resolution.allowed_methods == ("GET", "POST", "PUT")
    assert str(resolution.matched_route) == "/subscriptions"


def test_405_uses_the_most_specific_template_without_fall_through() -> None:
    router = Router()
    router.route("/users/{id}", POST, endpoint("update"))
    router.route("/users/{*rest}", GET, endpoint("catch"))
    resolution = router.resolve("GET", "/users/1")
    assert resolution.allowed_methods == ("POST",)
    assert resolution.endpoint is method_not_allowed_endpoint


def test_custom_405_endpoint_is_used() -> None:
    custom = endpoint("custom405")
    router = Router()
    router.route("/a/{id}", GET, endpoint("a"), method_not_allowed=custom)
    assert router.resolve("POST", "/a/1").endpoint is custom
    assert router.resolve("POST", "/a/1").allowed_methods == ("GET",)


def test_any_method_route() -> None:
    router = Router()
    router.route("/any/{x}", None, endpoint("any"))
    router.route("/static-any", None, endpoint("static-any"))
    assert resolve(router, "/any/1", "PURGE") == ("any", {"x": "1"}, "/any/{x}")
    assert resolve(router, "/static-any", "OPTIONS")[0] == "static-any"


def test_methods_are_case_sensitive() -> None:
    router = router_with("/a")
    assert router.resolve("get", "/a").endpoint is method_not_allowed_endpoint


# -- same shape, conflicts ----------------------------------------------------------------------------


def test_same_shape_different_names_disjoint_methods() -> None:
    router = Router()
    router.route("/users/{id}", GET, endpoint("show"))
    router.route("/users/{user_id}", POST, endpoint("update"))
    assert resolve(router, "/users/3", "GET") == ("show", {"id": "3"}, "/users/{id}")
    assert resolve(router, "/users/3", "POST") == ("update", {"user_id": "3"}, "/users/{user_id}")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(GET, GET, id="same-method"),
        pytest.param(frozenset({"GET", "POST"}), POST, id="overlap"),
        pytest.param(None, GET, id="any-then-get"),
        pytest.param(GET, None, id="get-then-any"),
    ],
)
def test_overlapping_methods_on_the_same_shape_conflict(
    first: frozenset[str] | None, second: frozenset[str] | None
) -> None:
    router = Router()
    router.route("/users/{id}", first, endpoint("one"))
    with pytest.raises(RouteConflict, match=r"`/users/\{uid\}` conflicts with `/users/\{id\}`"):
        router.route("/users/{uid}", second, endpoint("two"))


def test_static_conflict() -> None:
    router = router_with("/a")
    with pytest.raises(RouteConflict):
        router.route("/a", GET, endpoint("again"))


# -- fallbacks ----------------------------------------------------------------------------------------


def test_default_fallback_is_404() -> None:
    assert Router().resolve("GET", "/nothing").endpoint is not_found_endpoint


def test_fallback_by_longest_whole_segment_prefix() -> None:
    router = router_with("/admin/dashboard")
    router.fallback("", endpoint("root"))
    router.fallback("/admin", endpoint("admin"))
    router.fallback("/admin/reports/", endpoint("reports"))
    assert resolve(router, "/nope")[0] == "root"
    assert resolve(router, "/admin")[0] == "admin"
    assert resolve(router, "/admin/")[0] == "admin"
    assert resolve(router, "/admin/unknown/deeper")[0] == "admin"
    assert resolve(router, "/administrator")[0] == "root"
    assert resolve(router, "/admin/reports/2024")[0] == "reports"
    assert resolve(router, "/admin/dashboard")[0] == "/admin/dashboard"
    fallback = router.resolve("GET", "/admin/x")
    assert not fallback.matched_route
    assert dict(fallback.route_params) == {}


def test_fallback_prefix_is_matched_on_decoded_segments() -> None:
    router = Router()
    router.fallback("/café", endpoint("cafe"))
    assert resolve(router, "/caf%C3%A9/menu")[0] == "cafe"


def test_fallback_prefix_must_be_literal() -> None:
    with pytest.raises(ValueError, match="literal path text"):
        Router().fallback("/users/{id}", endpoint("x"))
    with pytest.raises(ValueError, match="literal path text"):
        Router().fallback("admin", endpoint("x"))


# -- request-time values and the ASGI entry point -----------------------------------------------------


def test_route_params_are_a_read_only_dict() -> None:
    params = Router()
    params.route("/a/{x}", GET, endpoint("a"))
    values = params.resolve("GET", "/a/1").route_params
    assert isinstance(values, dict)
    assert dict(values) == {"x": "1"}
    assert repr(values) == "RawRouteParams({'x': '1'})"
    with pytest.raises(TypeError, match="read-only"):
        values["x"] = "2"
    with pytest.raises(TypeError, match="read-only"):
        values.update(y="3")
    with pytest.raises(TypeError, match="read-only"):
        values |= {"y": "3"}
    assert dict(values) == {"x": "1"}


def test_resolve_bytes_agrees_with_resolve() -> None:
    router = router_with("/health_check", "/café", "/users/{id}", "/100%")
    for raw in [b"/health_check", b"/caf%C3%A9", "/café".encode(), b"/users/1?x=y", b"/100%25", b"/nope"]:
        by_bytes = router.resolve_bytes("GET", raw)
        by_str = router.resolve("GET", decode_raw_path(raw))
        assert by_bytes == by_str, raw


def test_decode_raw_path() -> None:
    assert decode_raw_path(b"/a%2Fb") == "/a%2Fb"
    assert decode_raw_path(b"/a?b=c") == "/a"
    assert decode_raw_path("/é x".encode()) == "/%C3%A9%20x"
