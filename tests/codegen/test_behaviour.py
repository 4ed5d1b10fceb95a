"""Generated modules at run time: each blueprint under `behaviour/` is compiled, imported and driven over HTTP.

The components record what runs in their module's `CALLS` list; the tests reset it and compare. Generated
modules are written to a temporary directory and imported under a unique name; the components they import
(`tests.codegen.behaviour.<name>`) are the very modules the tests inspect.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from codegen_harness import ROOT, run_codegen

from framework.testing import TestClient

pytestmark = pytest.mark.anyio

Loader = Callable[[str], tuple[ModuleType, ModuleType]]


@pytest.fixture(scope="session")
def load(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Loader]:
    """Compile `behaviour/<name>.py` once per session; return (generated module, components module)."""
    added = str(ROOT) not in sys.path
    if added:
        sys.path.insert(0, str(ROOT))
    out_dir = tmp_path_factory.mktemp("generated")
    cache: dict[str, tuple[ModuleType, ModuleType]] = {}

    def _load(name: str) -> tuple[ModuleType, ModuleType]:
        if name not in cache:
            output = out_dir / f"server_sdk_{name}.py"
            result = run_codegen(
                "generate", f"tests.codegen.behaviour.{name}:blueprint", "--output", str(output)
            )
            assert result.returncode == 0, result.stderr
            cache[name] = (_import_file(f"_generated_{name}", output), _components(name))
        return cache[name]

    yield _load
    for generated, _ in cache.values():
        sys.modules.pop(generated.__name__, None)
    if added:
        sys.path.remove(str(ROOT))


def _import_file(module_name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def _components(name: str) -> ModuleType:
    return importlib.import_module(f"tests.codegen.behaviour.{name}")


def _calls(components: ModuleType) -> list[str]:
    calls: list[str] = components.CALLS
    return calls


async def _client(sdk: ModuleType, *prebuilt: object) -> TestClient:
    state = await sdk.build_application_state(*prebuilt)
    return TestClient(sdk.asgi_app(state))


# --- lifecycles -------------------------------------------------------------------------------------------


async def test_singletons_are_built_once_at_start_up(load: Loader) -> None:
    sdk, components = load("lifecycles")
    calls = _calls(components)
    calls.clear()
    async with await _client(sdk) as client:
        assert calls == ["pool"]
        for _ in range(3):
            await client.get("/ok")
            await client.get("/fail")
    assert calls.count("pool") == 1


async def test_request_scoped_value_is_shared_by_everything_a_request_runs(load: Loader) -> None:
    sdk, components = load("lifecycles")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        response = await client.get("/ok")
        assert (response.status_code, response.text) == (200, "ok")
        assert calls.count("request_log") == 1
        numbers = {call.split(":")[1] for call in calls if ":" in call}
        assert len(numbers) == 1, f"middlewares and handler saw different RequestLogs: {calls}"
        assert {c.split(":")[0] for c in calls if ":" in c} == {"wrap", "pre", "handler", "post"}


async def test_request_scoped_value_is_shared_with_error_handlers_and_observers(load: Loader) -> None:
    sdk, components = load("lifecycles")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        response = await client.get("/fail")
        assert (response.status_code, response.text) == (500, "handled")
        assert calls.count("request_log") == 1
        stages = [c.split(":")[0] for c in calls if ":" in c]
        assert {"wrap", "pre", "handler", "error_handler", "observer"} <= set(stages)
        assert len({c.split(":")[1] for c in calls if ":" in c}) == 1


async def test_request_scoped_values_are_not_shared_between_requests(load: Loader) -> None:
    sdk, components = load("lifecycles")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        await client.get("/ok")
        await client.get("/ok")
        assert calls.count("request_log") == 2
        assert len({c.split(":")[1] for c in calls if c.startswith("handler:")}) == 2


async def test_transients_are_built_at_every_use(load: Loader) -> None:
    sdk, components = load("lifecycles")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        await client.get("/ok")
        assert calls.count("stamp") == 3  # the wrapping and pre-processing middlewares, the handler
        calls.clear()
        await client.get("/fail")
        assert calls.count("stamp") == 4  # ... and the error handler


# --- middlewares ------------------------------------------------------------------------------------------


async def test_middlewares_apply_only_to_routes_registered_after_them(load: Loader) -> None:
    sdk, components = load("middleware_order")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        response = await client.get("/early")
        assert response.text == "early"
        assert response.headers["x-post-outer"] == "yes"
        assert calls == ["outer:before", "pre_outer", "handler:early", "post_outer", "outer:after"]


async def test_middlewares_run_outermost_first(load: Loader) -> None:
    sdk, components = load("middleware_order")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        assert (await client.get("/late")).text == "late"
        assert calls == [
            "outer:before",
            "pre_outer",
            "inner:before",
            "pre_inner",
            "handler:late",
            "post_inner",
            "inner:after",
            "post_outer",
            "outer:after",
        ]


async def test_nested_blueprints_run_inside_their_parents_middlewares(load: Loader) -> None:
    sdk, components = load("middleware_order")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        assert (await client.get("/nested/deep")).text == "deep"
        assert calls == [
            "outer:before",
            "pre_outer",
            "inner:before",
            "pre_inner",
            "nested:before",
            "handler:deep",
            "nested:after",
            "post_inner",
            "inner:after",
            "post_outer",
            "outer:after",
        ]


async def test_pre_processing_early_return_skips_the_rest(load: Loader) -> None:
    sdk, components = load("middleware_order")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        response = await client.get("/late", headers={"X-Stop": "1"})
        assert (response.status_code, response.text) == (403, "stopped early")
        assert calls[:4] == ["outer:before", "pre_outer", "inner:before", "pre_inner"]
        assert "handler:late" not in calls
        assert "inner:after" in calls and calls[-1] == "outer:after"
        assert "post_outer" in calls, "post-processing outside the early return still runs"
        assert response.headers["x-post-outer"] == "yes"


# --- errors -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "body", "handler_call"),
    [
        pytest.param(
            "/specific", 404, "root missing handler", "root missing handler: specific", id="most-specific"
        ),
        pytest.param("/general", 500, "root app handler", "root app handler: general", id="base-class"),
        pytest.param(
            "/component", 409, "component handler", "component handler: component", id="component-level"
        ),
        pytest.param(
            "/nested/missing", 502, "nested handler", "nested handler: nested", id="nested-universal"
        ),
        pytest.param("/token", 401, "token handler", "token handler: no token", id="constructor-error"),
    ],
)
async def test_error_handler_selection_and_observers(
    load: Loader, path: str, status: int, body: str, handler_call: str
) -> None:
    sdk, components = load("error_handling")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        response = await client.get(path)
        assert (response.status_code, response.text) == (status, body)
        message = handler_call.split(": ", 1)[1]
        assert calls == [handler_call, f"first observer: {message}", f"second observer: {message}"]


async def test_unhandled_errors_become_a_generic_500_and_are_observed_once(load: Loader) -> None:
    sdk, components = load("error_handling")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        response = await client.get("/unhandled")
        assert response.status_code == 500
        assert "unhandled" not in response.text and "DatabaseError" not in response.text
        assert calls == ["first observer: unhandled", "second observer: unhandled"]


async def test_a_middleware_input_that_fails_to_build_is_a_500_observed_once(load: Loader) -> None:
    sdk, components = load("error_handling")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        response = await client.get("/fragile/inside")
        assert response.status_code == 500
        assert "fragile" not in response.text
        assert calls == ["first observer: fragile", "second observer: fragile"]


async def test_an_error_raised_by_a_middleware_goes_to_the_universal_handler(load: Loader) -> None:
    sdk, components = load("error_handling")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        response = await client.get("/raising/inside")
        assert (response.status_code, response.text) == (500, "root app handler")
        assert calls == [
            "root app handler: middleware",
            "first observer: middleware",
            "second observer: middleware",
        ]


async def test_observers_are_not_called_without_an_error(load: Loader) -> None:
    sdk, components = load("error_handling")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        assert (await client.get("/fine")).text == "fine"
        assert calls == []


async def test_observers_see_errors_with_their_own_inputs(load: Loader) -> None:
    sdk, components = load("observer_inputs")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        response = await client.get("/checkout")
        assert (response.status_code, response.text) == (402, "declined")
        assert calls == ["audit_trail", "observed: card declined"]


async def test_a_request_without_errors_does_not_depend_on_the_observers_inputs(load: Loader) -> None:
    # The observer's input is needed only to observe an error: a request that raises nothing must not
    # fail because that input cannot be built (DESIGN.md §3: the hot path does only what the route needs).
    sdk, components = load("observer_inputs")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        response = await client.get("/fine", headers={"X-No-Audit": "1"})
        assert (response.status_code, response.text) == (200, "fine")
        assert not [call for call in calls if call.startswith("observed")]


async def test_a_failed_request_scoped_constructor_is_not_retried_for_its_error_handler(load: Loader) -> None:
    # The error handler and one observer need the value whose construction failed: they cannot run, and
    # the constructor must not be called again to feed them (request-scoped: at most once per request).
    # The observer that needs nothing of the kind still sees the error, once.
    sdk, components = load("failing_request_scoped")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        assert (await client.get("/fine")).text == "fine"
        assert calls == ["request_log"]
        calls.clear()
        response = await client.get("/fine", headers={"X-Fail": "1"})
        assert response.status_code == 500
        assert calls == ["request_log", "counted"]


async def test_a_handler_that_needs_the_failed_value_gives_way_to_the_next_one(load: Loader) -> None:
    # `expired_token_to_response` is the most specific handler for `ExpiredTokenError` but takes a `Token`:
    # for the constructor's own failure the next handler by precedence answers, with an `Audit` built for it.
    sdk, components = load("failing_request_scoped")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        response = await client.get("/token", headers={"X-Expired": "1"})
        assert (response.status_code, response.text) == (401, "bad token")
        assert calls == ["request_log", "token", "audit", "token error handler", "observer", "counted"]
        calls.clear()
        response = await client.get("/token", headers={"X-Stale": "1"})  # raised by the handler: token exists
        assert (response.status_code, response.text) == (410, "expired")
        assert calls == ["request_log", "token", "read_token", "expired token handler", "observer", "counted"]


# --- imports ---------------------------------------------------------------------------------------------


async def test_a_module_shadowed_by_its_packages_reexport_still_serves_requests(load: Loader) -> None:
    # `reexported_routes/__init__.py` re-exports `greet` from `.greet`: the attribute `reexported_routes.greet`
    # is the function, so `import ...reexported_routes.greet as alias` would bind it instead of the module.
    sdk, _ = load("reexported_handler")
    async with await _client(sdk) as client:
        response = await client.get("/greet", headers={"X-Name": "ada"})
        assert (response.status_code, response.text) == (200, "hello ada")


# --- teardown ---------------------------------------------------------------------------------------------


async def test_teardown_resumes_generators_in_reverse_order_on_success(load: Loader) -> None:
    sdk, components = load("teardown")
    calls = _calls(components)
    calls.clear()
    async with await _client(sdk) as client:
        assert calls == ["pool: open"]
        calls.clear()
        response = await client.get("/succeed")
        assert (response.status_code, response.text) == (200, "committed")
        assert calls == [
            "connection: enter",
            "transaction: enter",
            "cursor: enter",
            "handler",
            "post",
            "cursor: resumed",
            "transaction: commit",
            "connection: resumed",
        ]
        calls.clear()
    assert calls == ["pool: closed"], "singleton teardown runs at shutdown"


async def test_the_lifespan_app_builds_the_state_at_start_up_and_tears_it_down_at_shutdown(
    load: Loader,
) -> None:
    sdk, components = load("teardown")
    calls = _calls(components)
    calls.clear()
    app = sdk.asgi_app_with_lifespan()
    assert calls == [], "nothing is built before the server starts"
    async with TestClient(app) as client:
        assert calls == ["pool: open"]
        assert (await client.get("/succeed")).text == "committed"
        calls.clear()
    assert calls == ["pool: closed"]


async def test_the_lifespan_app_passes_the_prebuilt_values_to_the_state(load: Loader) -> None:
    sdk, components = load("sync_async_prebuilt")
    async with TestClient(sdk.asgi_app_with_lifespan(components.Settings(greeting="hi"))) as client:
        assert (await client.get("/hello")).text == "hi, world!"


async def test_teardown_throws_the_error_into_generators_on_failure(load: Loader) -> None:
    sdk, components = load("teardown")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        response = await client.get("/fail")
        assert (response.status_code, response.text) == (500, "query failed")
        assert calls == [
            "connection: enter",
            "transaction: enter",
            "cursor: enter",
            "handler",
            "error handler",
            "observer",
            "post",
            "cursor: thrown QueryError",
            "transaction: rollback after QueryError",
            "connection: thrown QueryError",
        ]


async def test_a_failing_teardown_does_not_change_the_response(load: Loader) -> None:
    sdk, components = load("teardown")
    calls = _calls(components)
    async with await _client(sdk) as client:
        calls.clear()
        response = await client.get("/flaky")
        assert (response.status_code, response.text) == (200, "still fine")
        assert "flaky: failing teardown" in calls
        assert {"transaction: commit", "connection: resumed"} <= set(calls), "the others are torn down"
        assert (await client.get("/succeed")).status_code == 200


# --- routing ------------------------------------------------------------------------------------------------


def _allow(response: httpx.Response) -> set[str]:
    return {method.strip() for method in response.headers["allow"].split(",")}


async def test_routes_and_method_guards(load: Loader) -> None:
    sdk, _ = load("routing")
    async with await _client(sdk) as client:
        for method in ("GET", "POST"):
            response = await client.request(method, "/items")
            assert (response.status_code, response.text) == (200, "hello")
            assert response.headers["x-root"] == "yes"
        for method in ("GET", "PATCH", "DELETE", "OPTIONS"):
            assert (await client.request(method, "/anything")).text == "anything"
        assert (await client.get("/items/42")).text == "item"


async def test_405_lists_the_allowed_methods_and_goes_through_the_middlewares(load: Loader) -> None:
    sdk, _ = load("routing")
    async with await _client(sdk) as client:
        response = await client.delete("/items")
        assert response.status_code == 405
        assert _allow(response) == {"GET", "POST"}
        assert response.headers["x-root"] == "yes"
        assert _allow(await client.delete("/items/42")) == {"GET"}
        assert _allow(await client.get("/only-post")) == {"POST"}


async def test_default_404_goes_through_the_root_middlewares(load: Loader) -> None:
    sdk, _ = load("routing")
    async with await _client(sdk) as client:
        for path in ("/nowhere", "/administrator", "/items/42/more"):
            response = await client.get(path)
            assert response.status_code == 404, path
            assert response.headers["x-root"] == "yes"
            assert "x-admin" not in response.headers


async def test_nested_fallback_and_405_go_through_all_the_nested_middlewares(load: Loader) -> None:
    sdk, _ = load("routing")
    async with await _client(sdk) as client:
        response = await client.get("/admin/nowhere")
        assert (response.status_code, response.text) == (404, "admin fallback: hello, admin")
        assert response.headers["x-admin"] == "yes", "registered after the fallback, it still applies"
        assert response.headers["x-root"] == "yes"
        response = await client.post("/admin/dashboard")
        assert response.status_code == 405
        assert _allow(response) == {"GET"}
        assert response.headers["x-admin"] == "yes"


async def test_default_404_under_a_prefix_goes_through_that_blueprints_middlewares(load: Loader) -> None:
    sdk, _ = load("routing")
    async with await _client(sdk) as client:
        response = await client.get("/api/nowhere")
        assert response.status_code == 404
        assert response.headers["x-api"] == "yes"
        assert response.headers["x-root"] == "yes"
        response = await client.get("/api/ping")
        assert (response.text, "x-api" in response.headers) == ("pong", False)
        response = await client.delete("/api/ping")
        assert (response.status_code, _allow(response), response.headers["x-api"]) == (405, {"GET"}, "yes")


async def test_nested_routes_see_their_own_overrides_and_only_earlier_middlewares(load: Loader) -> None:
    sdk, _ = load("routing")
    async with await _client(sdk) as client:
        response = await client.get("/admin/dashboard")
        assert (response.status_code, response.text) == (200, "hello, admin")
        assert response.headers["x-root"] == "yes"
        assert "x-admin" not in response.headers, "the admin wrap was registered after this route"
        assert (await client.get("/items")).text == "hello", "the override stays inside the admin blueprint"


# --- generic constructors -----------------------------------------------------------------------------------


async def test_generic_extractors_convert_into_each_handlers_own_type(load: Loader) -> None:
    sdk, _ = load("extractors")
    async with await _client(sdk) as client:
        response = await client.get("/items/42", params={"q": "news", "page": "2"})
        assert (response.status_code, response.json()) == (200, {"item_id": 42, "q": "news", "page": 2})
        response = await client.get("/users/caf%C3%A9")
        assert (response.status_code, response.json()) == (200, {"username": "café"})
        response = await client.post("/subscriptions", data={"name": "le guin", "email": "u@example.com"})
        assert response.json() == {"name": "le guin", "email": "u@example.com"}
        response = await client.put("/items/7", json={"name": "ursula", "email": "u@example.com"})
        assert response.json() == {"item_id": 7, "name": "ursula"}


async def test_extractor_errors_go_to_the_kits_error_handlers(load: Loader) -> None:
    sdk, _ = load("extractors")
    async with await _client(sdk) as client:
        assert (await client.get("/items/forty-two", params={"q": "x", "page": "1"})).status_code == 400
        assert (await client.get("/items/42", params={"q": "x"})).status_code == 400
        response = await client.post("/subscriptions", json={"name": "x", "email": "y"})
        assert response.status_code == 415
        response = await client.post("/subscriptions", data={"name": "x"})
        assert response.status_code == 400
        assert "email" in response.text


# --- sync and async components, prebuilt types -------------------------------------------------------------


async def test_sync_and_async_components_and_prebuilt_types(load: Loader) -> None:
    sdk, components = load("sync_async_prebuilt")
    calls = _calls(components)
    calls.clear()
    async with await _client(sdk, components.Settings(greeting="howdy")) as client:
        assert calls == ["greeter"]
        response = await client.get("/hello")
        assert (response.status_code, response.text) == (200, "howdy, world!")
        assert response.headers["x-greeting"] == "howdy"
        assert response.headers["x-punctuation"] == "!"
        assert "pre world" in calls
        assert (await client.get("/hello-async")).text == "howdy (async), world"


# --- errors nobody observes -------------------------------------------------------------------------------


async def test_an_unhandled_error_without_observers_is_logged_once_and_answered_500(
    load: Loader, caplog: pytest.LogCaptureFixture
) -> None:
    sdk, _ = load("unobserved_errors")
    async with await _client(sdk) as client:
        response = await client.get("/checkout")

    assert response.status_code == 500
    assert "payment gateway" not in response.text
    (record,) = [r for r in caplog.records if r.name == "framework.errors"]
    assert record.levelname == "ERROR"
    assert record.exc_info is not None
    assert str(record.exc_info[1]) == "the payment gateway did not answer"
