"""Path templates and the router: sans-IO, built once at import, cheap per request.

Strategy
--------
Templates are parsed into segments: static text, `{name}` (one segment) or, last only, `{*name}` (the
rest of the path). Routes whose template is all static text live in a dictionary keyed by the path, so
most requests resolve with one `dict` lookup. Parameterised templates live in a segment tree whose
nodes hold, per position, a dictionary of static children, one parameter child and one catch-all leaf.

Matching splits the *raw* (percent-encoded) path on `/` and percent-decodes each segment, so `%2F` never
splits a segment and `/café` matches `/caf%C3%A9`. Candidates are tried as matchit does: static text
first, then `{name}`, then `{*name}`; when a more specific branch fails further down, the search
backtracks to the next candidate. The cost of a lookup depends on the depth of the path, never on the
number of routes.

The path is matched first and the method second: the leaf of the most specific template that matches
holds every route of that shape (templates that differ only in parameter names are the same route) by
method. A method it lacks gives a 405 with the leaf's methods; there is no fall-through to a less
specific template. A path that matches nothing goes to the fallback with the longest prefix (by whole
segments). A path with malformed percent-encoding or invalid UTF-8 matches no route.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn, TypeAlias
from urllib.parse import quote, unquote_to_bytes

from .fallbacks import method_not_allowed_endpoint, not_found_endpoint
from .responses import Response

if TYPE_CHECKING:
    from .asgi import Request

__all__ = [
    "CatchAllSegment",
    "Endpoint",
    "InvalidTemplate",
    "MatchedRoute",
    "ParamSegment",
    "RawRouteParams",
    "Resolution",
    "RouteConflict",
    "Router",
    "Segment",
    "StaticSegment",
    "decode_raw_path",
    "decode_segment",
    "parse_template",
    "template_shape",
]

Endpoint: TypeAlias = Callable[[Any, "Request"], Awaitable[Response]]
"""`async def endpoint(state, request) -> Response`: what a route, a fallback or a 405 answer runs."""


# -- templates ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StaticSegment:
    text: str


@dataclass(frozen=True, slots=True)
class ParamSegment:
    name: str


@dataclass(frozen=True, slots=True)
class CatchAllSegment:
    name: str


Segment: TypeAlias = StaticSegment | ParamSegment | CatchAllSegment


class InvalidTemplate(ValueError):
    """A path template that breaks the syntax; the message says what is wrong and how to write it."""

    def __init__(self, template: str, message: str) -> None:
        self.template = template
        self.message = message
        super().__init__(message)


def parse_template(template: str) -> tuple[Segment, ...]:
    """Parse `template` into segments, or raise `InvalidTemplate` explaining the mistake.

    Example:
        >>> parse_template("/users/{id}/{*rest}")
        (StaticSegment(text='users'), ParamSegment(name='id'), CatchAllSegment(name='rest'))
    """
    if not template.startswith("/"):
        raise InvalidTemplate(template, f"`{template}` must start with `/`, e.g. `/{template}`.")
    if "?" in template or "#" in template:
        msg = f"`{template}` contains `?` or `#`: a path template describes the path only; read the query string with `QueryParams[T]`."
        raise InvalidTemplate(template, msg)
    raw_segments = template[1:].split("/")
    segments: list[Segment] = []
    names: set[str] = set()
    for position, raw in enumerate(raw_segments):
        segment = _parse_segment(template, raw)
        if isinstance(segment, CatchAllSegment) and position != len(raw_segments) - 1:
            msg = f"`{template}`: the catch-all `{{*{segment.name}}}` must be the last segment, since it captures the rest of the path."
            raise InvalidTemplate(template, msg)
        if isinstance(segment, ParamSegment | CatchAllSegment):
            if segment.name in names:
                msg = f"`{template}` uses the parameter name `{segment.name}` twice; give each parameter its own name."
                raise InvalidTemplate(template, msg)
            names.add(segment.name)
        segments.append(segment)
    return tuple(segments)


def _parse_segment(template: str, raw: str) -> Segment:
    if "{" not in raw and "}" not in raw:
        return StaticSegment(raw)
    if not (raw.startswith("{") and raw.endswith("}")) or raw.count("{") != 1 or raw.count("}") != 1:
        msg = (
            f"`{template}`: the segment `{raw}` mixes text and braces. A segment is either literal text "
            "without braces, `{name}` or `{*name}`: put the parameter in a segment of its own."
        )
        raise InvalidTemplate(template, msg)
    inner = raw[1:-1]
    catch_all = inner.startswith("*")
    name = inner[1:] if catch_all else inner
    if not name:
        msg = f"`{template}`: `{raw}` has no parameter name; write e.g. `{{id}}` or `{{*path}}`."
        raise InvalidTemplate(template, msg)
    if not name.isidentifier():
        msg = f"`{template}`: `{name}` is not a valid parameter name; use a Python identifier such as `subscription_id`."
        raise InvalidTemplate(template, msg)
    return CatchAllSegment(name) if catch_all else ParamSegment(name)


def template_shape(template: str) -> str:
    """The template with parameter names erased: two templates with the same shape are the same route.

    Example:
        >>> template_shape("/users/{id}/{*rest}") == template_shape("/users/{user_id}/{*tail}")
        True
    """
    parts = []
    for segment in parse_template(template):
        if isinstance(segment, StaticSegment):
            parts.append(segment.text)
        elif isinstance(segment, ParamSegment):
            parts.append("{}")
        else:
            parts.append("{*}")
    return "/" + "/".join(parts)


_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def decode_segment(raw: str) -> str | None:
    """Percent-decode one path segment as UTF-8; None when the encoding or the UTF-8 is invalid."""
    if "%" not in raw:
        return raw
    if _BAD_PERCENT.search(raw):
        return None
    try:
        return unquote_to_bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return None


def decode_raw_path(raw_path: bytes) -> str:
    """ASGI `raw_path` bytes as the `str` routing works on: still percent-encoded, without any query.

    Bytes outside ASCII (a client that sent raw UTF-8) are percent-encoded, so they decode back faithfully.
    """
    if b"?" in raw_path:  # some servers include the query string in `raw_path`
        raw_path = raw_path.partition(b"?")[0]
    if raw_path.isascii():
        return raw_path.decode("ascii")
    return quote(raw_path, safe=_PATH_SAFE)


# Every printable ASCII character except `%` is kept as is when percent-encoding a raw path.
_PATH_SAFE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) != "%")


def _split_path(raw_path: str) -> list[str] | None:
    """The decoded segments of a raw path, or None when it cannot match any route."""
    if not raw_path.startswith("/"):
        return None
    parts = raw_path[1:].split("/")
    if "%" not in raw_path:
        return parts
    decoded = [decode_segment(part) for part in parts]
    if None in decoded:
        return None
    return decoded  # type: ignore[return-value]


# -- request-time values -----------------------------------------------------------------------------


class RawRouteParams(dict[str, str]):
    """The decoded path parameters of the matched route, by name (a catch-all's value keeps its `/`).

    A read-only `dict`: being a real `dict` keeps `dict(params)` and `msgspec.convert(params, T)` fast.
    """

    __slots__ = ()

    def _read_only(self, *args: object, **kwargs: object) -> NoReturn:
        msg = "route parameters are read-only; copy them with `dict(params)` to change them"
        raise TypeError(msg)

    __setitem__ = __delitem__ = _read_only
    clear = pop = popitem = setdefault = update = _read_only

    def __ior__(self, other: object) -> NoReturn:  # type: ignore[misc]
        self._read_only()

    def __repr__(self) -> str:
        return f"RawRouteParams({dict.__repr__(self)})"


EMPTY_ROUTE_PARAMS = RawRouteParams()


class MatchedRoute:
    """The template of the route that matched (`str(...)`), for logs; falsy with `template=None` for fallbacks."""

    __slots__ = ("template",)

    def __init__(self, template: str | None) -> None:
        self.template = template

    def __str__(self) -> str:
        return self.template if self.template is not None else ""

    def __bool__(self) -> bool:
        return self.template is not None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MatchedRoute) and other.template == self.template

    def __hash__(self) -> int:
        return hash(self.template)

    def __repr__(self) -> str:
        return f"MatchedRoute({self.template!r})"


UNMATCHED = MatchedRoute(None)


class Resolution(NamedTuple):
    """What the router found: the endpoint to run and what it needs to know about the match."""

    endpoint: Endpoint
    route_params: RawRouteParams
    matched_route: MatchedRoute
    allowed_methods: tuple[str, ...]


class RouteConflict(ValueError):
    """Two routes answer the same method on the same path shape."""


# -- the router ---------------------------------------------------------------------------------------


class _Handler:
    __slots__ = ("endpoint", "matched_route", "names")

    def __init__(self, endpoint: Endpoint, names: tuple[str, ...], matched_route: MatchedRoute) -> None:
        self.endpoint = endpoint
        self.names = names
        self.matched_route = matched_route


_new_resolution = tuple.__new__  # skips NamedTuple's keyword-handling `__new__` on the hot path


class _Leaf:
    """Every route of one path shape, by method, plus the answers precomputed for static paths."""

    __slots__ = (
        "allowed_methods",
        "any_handler",
        "by_method",
        "not_allowed",
        "static_answers",
        "static_default",
    )

    def __init__(self, not_allowed: Endpoint) -> None:
        self.by_method: dict[str, _Handler] = {}
        self.any_handler: _Handler | None = None
        self.not_allowed = not_allowed
        self.allowed_methods: tuple[str, ...] = ()
        self.static_answers: dict[str, Resolution] = {}
        self.static_default: Resolution  # set by `add`, which always follows construction

    def add(self, template: str, methods: frozenset[str] | None, handler: _Handler) -> None:
        taken = set(self.by_method)
        if (
            self.any_handler is not None
            or (methods is None and taken)
            or (methods is not None and methods & taken)
        ):
            overlap = (
                "every method"
                if methods is None or self.any_handler is not None
                else ", ".join(sorted(methods & taken))
            )
            others = sorted({str(h.matched_route) for h in self._handlers()})
            msg = f"`{template}` conflicts with {', '.join(f'`{t}`' for t in others)}: both answer {overlap}."
            raise RouteConflict(msg)
        if methods is None:
            self.any_handler = handler
        else:
            self.by_method.update(dict.fromkeys(methods, handler))
        self.allowed_methods = tuple(sorted(self.by_method))
        self._precompute()

    def _handlers(self) -> list[_Handler]:
        return [*self.by_method.values(), *([self.any_handler] if self.any_handler else [])]

    def _precompute(self) -> None:
        """The answers that carry no parameters, made once: static paths then resolve with no allocation."""
        self.static_answers = {
            method: Resolution(h.endpoint, EMPTY_ROUTE_PARAMS, h.matched_route, ())
            for method, h in self.by_method.items()
        }
        if self.any_handler is not None:
            handler = self.any_handler
            self.static_default = Resolution(handler.endpoint, EMPTY_ROUTE_PARAMS, handler.matched_route, ())
        else:  # the 405 answer, for a path with a parameter too: its endpoint needs no parameters
            first = next(iter(self.by_method.values()))
            self.static_default = Resolution(
                self.not_allowed, EMPTY_ROUTE_PARAMS, first.matched_route, self.allowed_methods
            )

    def resolve_static(self, method: str) -> Resolution:
        answer = self.static_answers.get(method)
        return answer if answer is not None else self.static_default

    def resolve(self, method: str, values: list[str]) -> Resolution:
        handler = self.by_method.get(method) or self.any_handler
        if handler is None:
            return self.static_default
        params = RawRouteParams(zip(handler.names, values, strict=True))
        return _new_resolution(Resolution, (handler.endpoint, params, handler.matched_route, ()))


class _Node:
    __slots__ = ("catch_all", "leaf", "param", "static")

    def __init__(self) -> None:
        self.static: dict[str, _Node] = {}
        self.param: _Node | None = None
        self.catch_all: _Leaf | None = None
        self.leaf: _Leaf | None = None


def _match(node: _Node, segments: list[str], index: int, values: list[str]) -> _Leaf | None:
    """Depth-first search, static before `{name}` before `{*name}`, backtracking on failure."""
    if index == len(segments):
        return node.leaf
    segment = segments[index]
    child = node.static.get(segment)
    if child is not None:
        found = _match(child, segments, index + 1, values)
        if found is not None:
            return found
    if node.param is not None and segment:
        values.append(segment)
        found = _match(node.param, segments, index + 1, values)
        if found is not None:
            return found
        values.pop()
    if node.catch_all is not None:
        rest = "/".join(segments[index:])
        if rest:
            values.append(rest)
            return node.catch_all
    return None


class Router:
    """Routes and fallbacks, registered once at start-up, resolved per request.

    Example:
        >>> async def show(state: object, request: Request) -> Response:
        ...     return Response.ok()
        >>> router = Router()
        >>> router.route("/users/{id}", frozenset({"GET"}), show)
        >>> resolution = router.resolve("GET", "/users/42")
        >>> dict(resolution.route_params), str(resolution.matched_route)
        ({'id': '42'}, '/users/{id}')
    """

    __slots__ = ("_fallback_answers", "_fallback_depth", "_static", "_static_bytes", "_static_raw", "_tree")

    def __init__(self) -> None:
        self._static: dict[str, _Leaf] = {}
        self._static_raw: dict[str, _Leaf] = {}  # the static paths whose text has no `%`
        self._static_bytes: dict[bytes, _Leaf] = {}  # the same, when also ASCII, as ASGI's `raw_path` bytes
        self._tree = _Node()
        self._fallback_answers: dict[tuple[str, ...], Resolution] = {
            (): Resolution(not_found_endpoint, EMPTY_ROUTE_PARAMS, UNMATCHED, ())
        }
        self._fallback_depth = 0

    def route(
        self,
        template: str,
        methods: frozenset[str] | None,
        endpoint: Endpoint,
        method_not_allowed: Endpoint | None = None,
    ) -> None:
        """Register `endpoint` for `methods` (None: any method) on `template`.

        `method_not_allowed` answers the other methods on this path (default: a bare 405 with `Allow`);
        the first route registered for a path shape decides it. Raises `InvalidTemplate` or `RouteConflict`.
        """
        segments = parse_template(template)
        names = tuple(s.name for s in segments if not isinstance(s, StaticSegment))
        leaf = self._leaf_for(segments, method_not_allowed or method_not_allowed_endpoint)
        leaf.add(template, methods, _Handler(endpoint, names, MatchedRoute(template)))

    def _leaf_for(self, segments: tuple[Segment, ...], not_allowed: Endpoint) -> _Leaf:
        if all(isinstance(s, StaticSegment) for s in segments):
            key = "/" + "/".join(s.text for s in segments)  # type: ignore[union-attr]
            leaf = self._static.setdefault(key, _Leaf(not_allowed))
            if "%" not in key:
                self._static_raw[key] = leaf
                if key.isascii():
                    self._static_bytes[key.encode("ascii")] = leaf
            return leaf
        node = self._tree
        for segment in segments:
            if isinstance(segment, StaticSegment):
                node = node.static.setdefault(segment.text, _Node())
            elif isinstance(segment, ParamSegment):
                node.param = node.param or _Node()
                node = node.param
            else:
                node.catch_all = node.catch_all or _Leaf(not_allowed)
                return node.catch_all
        node.leaf = node.leaf or _Leaf(not_allowed)
        return node.leaf

    def fallback(self, prefix: str, endpoint: Endpoint) -> None:
        """Answer unmatched paths under `prefix` ("" is the root) with `endpoint`; the longest prefix wins."""
        key = _prefix_key(prefix)
        self._fallback_answers[key] = Resolution(endpoint, EMPTY_ROUTE_PARAMS, UNMATCHED, ())
        self._fallback_depth = max(self._fallback_depth, len(key))

    def resolve(self, method: str, raw_path: str) -> Resolution:
        """Find the endpoint for `method` on `raw_path` (percent-encoded, without the query string)."""
        leaf = self._static_raw.get(raw_path)  # keys hold no `%`: a hit means the path needed no decoding
        if leaf is not None:  # `leaf.resolve_static(method)`, inlined on the hot path
            answer = leaf.static_answers.get(method)
            return answer if answer is not None else leaf.static_default
        segments = _split_path(raw_path)
        if segments is None:
            return self._fallback_answers[()]
        if "%" in raw_path and not any("/" in s for s in segments):
            leaf = self._static.get("/" + "/".join(segments))
            if leaf is not None:
                return leaf.resolve_static(method)
        values: list[str] = []
        found = _match(self._tree, segments, 0, values)
        if found is not None:
            return found.resolve(method, values)
        return self._fallback_for(segments)

    def resolve_bytes(self, method: str, raw_path: bytes) -> Resolution:
        """`resolve` for ASGI's `raw_path` bytes: a static path resolves without decoding anything."""
        leaf = self._static_bytes.get(raw_path)
        if leaf is not None:  # `leaf.resolve_static(method)`, inlined on the hot path
            answer = leaf.static_answers.get(method)
            return answer if answer is not None else leaf.static_default
        return self.resolve(method, decode_raw_path(raw_path))

    def _fallback_for(self, segments: list[str]) -> Resolution:
        for depth in range(min(len(segments), self._fallback_depth), 0, -1):
            answer = self._fallback_answers.get(tuple(segments[:depth]))
            if answer is not None:
                return answer
        return self._fallback_answers[()]


def _prefix_key(prefix: str) -> tuple[str, ...]:
    stripped = prefix.rstrip("/")
    if not stripped:
        return ()
    if not stripped.startswith("/") or "{" in stripped or "}" in stripped:
        msg = f'a fallback prefix is literal path text starting with `/` (or "" for the root), not {prefix!r}'
        raise ValueError(msg)
    return tuple(stripped[1:].split("/"))
