"""Part of the graph: the neighbourhood of a named node, as ``kg view --focus`` and ``pyvis_network`` draw it."""

from __future__ import annotations

import networkx as nx

from kg.errors import KgError


def named(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """The nodes one of whose names is ``name`` (case does not matter)."""
    wanted = name.strip().lower()
    return [n for n, d in graph.nodes(data=True) if wanted in (x.lower() for x in d["names"])]


def around(graph: nx.MultiDiGraph, name: str, hops: int) -> nx.MultiDiGraph:
    """The nodes within ``hops`` facts of the node(s) named ``name``, in either direction, and the facts among them."""
    hits = named(graph, name)
    if not hits:
        raise KgError(f"no node is named {name!r}; try a name from 'kg query \"SELECT DISTINCT ?n WHERE {{ ?e schema:name ?n }}\"'")
    keep: set[str] = set()
    undirected = graph.to_undirected(as_view=True)
    for hit in hits:
        keep |= set(nx.ego_graph(undirected, hit, radius=max(hops, 0)).nodes)
    return graph.subgraph(keep).copy()
