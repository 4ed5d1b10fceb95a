"""Call graphs as text, Mermaid or DOT: for `codegen graph`, UI snapshots and documentation diagrams.

The graph of a route has one node per component the request runs (middlewares, outermost first, then
the handler) and one per value they take, with an edge from each value to what consumes it. Without a
route, the graph is that of `build_application_state`: the singletons and the prebuilt values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprint import Lifecycle

from .analyses.call_graph import Argument, FromInstance, FromPrimitive, FromTypeArgument, Instance
from .analyses.plan import EndpointPlan
from .pipeline import CompiledApp


class GraphNotFound(Exception):
    """`--route` names no route of the blueprint."""


@dataclass(frozen=True, slots=True)
class _Node:
    id: str
    label: str


@dataclass(slots=True)
class _Graph:
    title: str
    nodes: dict[str, _Node]
    edges: list[tuple[str, str]]
    roots: list[str]
    ids: dict[Instance, str] = field(default_factory=dict)


def render_graph(compiled: CompiledApp, route: str | None, output_format: str) -> str:
    graph = _route_graph(compiled, route) if route is not None else _state_graph(compiled)
    if output_format == "dot":
        return _dot(graph)
    if output_format == "mermaid":
        return _mermaid(graph)
    return _text(graph)


def _route_graph(compiled: CompiledApp, route: str) -> _Graph:
    wanted = " ".join(route.split())
    endpoint = _find_endpoint(compiled, wanted)
    graph = _Graph(wanted, {}, [], [])
    for stage in endpoint.stages:
        if stage.component is None:
            node = _Node(
                f"n{len(graph.nodes)}", f"{stage.builtin.value if stage.builtin else '?'} (framework)"
            )
            graph.nodes[node.id] = node
            graph.roots.append(node.id)
            continue
        spec = compiled.callables.specs[stage.component]
        node_id = f"c{stage.component}"
        graph.nodes[node_id] = _Node(node_id, f"{spec.path} ({stage.kind})")
        graph.roots.append(node_id)
        _add_arguments(compiled, graph, node_id, compiled.graph.arguments.get(stage.component, ()))
    return graph


def _find_endpoint(compiled: CompiledApp, wanted: str) -> EndpointPlan:
    available: list[str] = []
    for endpoint in compiled.plan.endpoints:
        if endpoint.route is None:
            continue
        route = compiled.components.components[endpoint.route]
        for name in _route_names(str(route.method_guard), route.path or ""):
            available.append(name)
            if name == wanted:
                return endpoint
    listed = ", ".join(f'"{name}"' for name in available[:20])
    msg = f'no route "{wanted}" in this blueprint; routes are: {listed}'
    raise GraphNotFound(msg)


def _route_names(guard: str, path: str) -> list[str]:
    return [f"{guard} {path}", *(f"{method.strip()} {path}" for method in guard.split("|"))]


def _state_graph(compiled: CompiledApp) -> _Graph:
    graph = _Graph("build_application_state", {}, [], [])
    root = "state"
    graph.nodes[root] = _Node(root, "ApplicationState")
    graph.roots.append(root)
    for instance in (*compiled.plan.prebuilt, *compiled.plan.singletons):
        node_id = _instance_node(compiled, graph, instance)
        graph.edges.append((node_id, root))
    return graph


def _add_arguments(
    compiled: CompiledApp, graph: _Graph, consumer: str, arguments: tuple[Argument, ...]
) -> None:
    for argument in arguments:
        source = argument.source
        if isinstance(source, FromInstance):
            node_id = _instance_node(compiled, graph, source.instance)
        elif isinstance(source, FromPrimitive):
            node_id = f"p_{source.expression.replace('.', '_')}"
            graph.nodes.setdefault(node_id, _Node(node_id, f"{source.expression} (framework)"))
        elif isinstance(source, FromTypeArgument):
            node_id = f"t_{len(graph.nodes)}"
            graph.nodes[node_id] = _Node(node_id, f"type {source.key}")
        else:
            continue
        if (node_id, consumer) not in graph.edges:
            graph.edges.append((node_id, consumer))


def _instance_node(compiled: CompiledApp, graph: _Graph, instance: Instance) -> str:
    info = compiled.graph.instances[instance]
    if info.lifecycle is not Lifecycle.TRANSIENT and instance in graph.ids:
        return graph.ids[instance]
    key = f"i{len(graph.nodes)}"
    graph.ids[instance] = key
    if info.is_prebuilt:
        label = f"{instance.key} (prebuilt)"
    else:
        label = f"{instance.key} ({info.lifecycle}, {compiled.callables.specs[instance.component].path})"
    graph.nodes[key] = _Node(key, label)
    _add_arguments(compiled, graph, key, info.arguments)
    return key


def _text(graph: _Graph) -> str:
    inputs: dict[str, list[str]] = {}
    for source, target in graph.edges:
        inputs.setdefault(target, []).append(source)
    lines = [graph.title]

    def walk(node_id: str, depth: int) -> None:
        lines.append(f"{'    ' * depth}{'<- ' if depth > 1 else ''}{graph.nodes[node_id].label}")
        for source in inputs.get(node_id, []):
            walk(source, depth + 1)

    for root in graph.roots:
        walk(root, 1)
    return "\n".join(lines) + "\n"


def _mermaid(graph: _Graph) -> str:
    lines = ["flowchart TD"]
    lines += [f'    {node.id}["{node.label.replace(chr(34), "#quot;")}"]' for node in graph.nodes.values()]
    lines += [f"    {source} --> {target}" for source, target in graph.edges]
    lines += [f"    {a} -.-> {b}" for a, b in zip(graph.roots, graph.roots[1:], strict=False)]
    return "\n".join(lines) + "\n"


def _dot(graph: _Graph) -> str:
    lines = [f'digraph "{graph.title}" {{', "    node [shape=box];"]
    lines += [f'    {node.id} [label="{_quoted(node.label)}"];' for node in graph.nodes.values()]
    lines += [f"    {source} -> {target};" for source, target in graph.edges]
    lines += [f"    {a} -> {b} [style=dashed];" for a, b in zip(graph.roots, graph.roots[1:], strict=False)]
    return "\n".join(lines) + "\n}\n"


def _quoted(label: str) -> str:
    return label.replace("\\", "\\\\").replace('"', '\\"')
