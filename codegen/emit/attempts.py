"""What an `except` branch must not build again: the values the request may already have tried to build.

A request-scoped value is built at most once per request. An `except` branch builds what its error handler
or its observers take and the request doesn't have yet; but a value its `try` attempted may be exactly what
failed (building it again would most likely fail again, this time inside the branch), and a value a later
stage built is gone once that stage has returned. Such values are *attempted*: a handler or an observer
that needs one, directly or through what it is built from, can't run in that branch.
"""

from __future__ import annotations

from collections.abc import Mapping

from blueprint import Lifecycle

from ..analyses.call_graph import CallGraphDb, FromInstance, Instance
from ..analyses.plan import EndpointPlan, PlanDb
from ..model import ComponentId


def blocking(
    graph: CallGraphDb, consumer: ComponentId, attempted: frozenset[Instance], scope: Mapping[Instance, str]
) -> Instance | None:
    """The attempted value that calling `consumer` in a branch starting with `scope` would build again."""
    pending = component_inputs(graph, consumer)
    seen: set[Instance] = set()
    while pending:
        instance = pending.pop(0)
        if instance in scope or instance in seen:
            continue
        if instance in attempted:
            return instance
        seen.add(instance)
        if graph.instances[instance].lifecycle is not Lifecycle.SINGLETON:
            pending += instance_inputs(graph, instance)
    return None


def later_constructions(
    graph: CallGraphDb, plan: PlanDb, endpoint: EndpointPlan, index: int
) -> frozenset[Instance]:
    """The request-scoped values the stages after `index` may build, on their main path or in their
    `except` branches: attempted, for a failure of stage `index` after the next stage has run."""
    built: set[Instance] = set()
    observer_inputs = [i for o in endpoint.observers for i in component_inputs(graph, o)]
    for later in endpoint.stages[index + 1 :]:
        pending = [*later.builds, *observer_inputs]
        handlers: list[ComponentId] = []
        if later.component is not None:
            pending += component_inputs(graph, later.component)
            handlers += plan.handlers_by_component.get(later.component, ())
        seen: set[Instance] = set(later.receives)
        while pending or handlers:
            if handlers:
                pending += component_inputs(graph, handlers.pop())
                continue
            instance = pending.pop()
            lifecycle = graph.instances[instance].lifecycle
            if instance in seen or lifecycle is Lifecycle.SINGLETON:
                continue
            seen.add(instance)
            if lifecycle is Lifecycle.REQUEST_SCOPED:
                built.add(instance)
            handlers += plan.handlers_by_instance.get(instance, ())
            pending += instance_inputs(graph, instance)
    return frozenset(built)


def component_inputs(graph: CallGraphDb, component: ComponentId) -> list[Instance]:
    """The constructed values a request-time component takes, in parameter order."""
    return [
        a.source.instance for a in graph.arguments.get(component, ()) if isinstance(a.source, FromInstance)
    ]


def instance_inputs(graph: CallGraphDb, instance: Instance) -> list[Instance]:
    """The constructed values `instance`'s constructor takes, in parameter order."""
    return [
        a.source.instance for a in graph.instances[instance].arguments if isinstance(a.source, FromInstance)
    ]
