"""Property tests of the router: it never raises on any input, decodes what clients encode, and picks the
same route as a brute-force reading of matchit's precedence rules."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from hypothesis import given, settings, strategies as st

from framework.asgi import Request
from framework.responses import Response
from framework.routing import (
    CatchAllSegment,
    InvalidTemplate,
    ParamSegment,
    RouteConflict,
    Router,
    Segment,
    StaticSegment,
    parse_template,
    template_shape,
)

GET = frozenset({"GET"})


def endpoint(name: str) -> Any:
    async def answer(state: Any, request: Request) -> Response:
        return Response.ok()

    answer.__qualname__ = name
    return answer


@given(st.text(max_size=60), st.sampled_from(["GET", "POST", "get", "", "BREW"]))
def test_resolve_never_raises(path: str, method: str) -> None:
    router = Router()
    router.route("/users/{id}", GET, endpoint("user"))
    router.route("/files/{*path}", GET, endpoint("files"))
    router.route("/caf%", GET, endpoint("static"))
    router.fallback("/admin", endpoint("admin"))
    resolution = router.resolve(method, path)
    assert resolution.endpoint is not None


@given(st.text(max_size=40))
def test_parse_template_raises_only_invalid_template(template: str) -> None:
    try:
        segments = parse_template(template)
    except InvalidTemplate as error:
        assert error.message
    else:
        assert template.startswith("/")
        assert template_shape(template).count("/") == len(segments)


@given(st.text(min_size=1, max_size=20))
def test_param_value_round_trips_through_percent_encoding(value: str) -> None:
    router = Router()
    router.route("/items/{value}", GET, endpoint("item"))
    resolution = router.resolve("GET", "/items/" + quote(value, safe=""))
    assert dict(resolution.route_params) == {"value": value}


@given(st.lists(st.text(max_size=8), min_size=1, max_size=5).filter(lambda parts: "/".join(parts) != ""))
def test_catch_all_round_trips_segments(parts: list[str]) -> None:
    router = Router()
    router.route("/files/{*path}", GET, endpoint("files"))
    raw = "/files/" + "/".join(quote(part, safe="") for part in parts)
    assert dict(router.resolve("GET", raw).route_params) == {"path": "/".join(parts)}


# -- the router agrees with a brute-force reference -------------------------------------------------

_KIND_RANK = {StaticSegment: 0, ParamSegment: 1, CatchAllSegment: 2}


def _reference_match(segments: tuple[Segment, ...], path_parts: list[str]) -> dict[str, str] | None:
    """Does the template match the decoded path parts? Its parameters if so."""
    params: dict[str, str] = {}
    for index, segment in enumerate(segments):
        if isinstance(segment, CatchAllSegment):
            rest = "/".join(path_parts[index:])
            if index >= len(path_parts) or not rest:
                return None
            params[segment.name] = rest
            return params
        if index >= len(path_parts):
            return None
        part = path_parts[index]
        if isinstance(segment, StaticSegment):
            if segment.text != part:
                return None
        elif not part:
            return None
        else:
            params[segment.name] = part
    return params if len(segments) == len(path_parts) else None


def _rank(segments: tuple[Segment, ...]) -> tuple[int, ...]:
    return tuple(_KIND_RANK[type(segment)] for segment in segments)


template_part = st.sampled_from(["a", "b", "", "{x}", "{y}", "{*rest}"])
path_part = st.sampled_from(["a", "b", "", "c"])


@settings(max_examples=300)
@given(
    st.lists(st.lists(template_part, min_size=1, max_size=4), min_size=1, max_size=8),
    st.lists(st.lists(path_part, min_size=1, max_size=5), min_size=1, max_size=10),
)
def test_router_picks_the_most_specific_matching_template(
    raw_templates: list[list[str]], paths: list[list[str]]
) -> None:
    router = Router()
    registered: dict[str, tuple[Segment, ...]] = {}
    for parts in raw_templates:
        template = "/" + "/".join(parts)
        try:
            segments = parse_template(template)
            router.route(template, GET, endpoint(template))
        except (InvalidTemplate, RouteConflict):
            continue
        registered[template] = segments
    for parts in paths:
        matching = {
            template: params
            for template, segments in registered.items()
            if (params := _reference_match(segments, parts)) is not None
        }
        resolution = router.resolve("GET", "/" + "/".join(parts))
        if not matching:
            assert not resolution.matched_route
            continue
        best = min(matching, key=lambda template: _rank(registered[template]))
        assert str(resolution.matched_route) == best
        assert dict(resolution.route_params) == matching[best]
