"""Where each node of the view sits, and which community it belongs to: computed once, when the page is written.

The layout is igraph's Fruchterman-Reingold (force-directed, like ForceAtlas2, so actors that share many facts
sit together; its grid approximation above 300 nodes): 5,000 nodes and 20,000 edges take about 2 s, where
networkx's ``forceatlas2_layout`` took 25 s for 1,000 nodes and 9 minutes for 5,000 on the development machine.
Each connected component is laid out on its own and the components are packed in rows, largest first (one
force layout of everything flings the small ones to its rim). Nodes in no fact are not put in the force layout
either (they would form a ring around it); they are set out in a compact block below.

Communities are Louvain on the fact counts (igraph's multilevel: 1 s for 5,000 nodes, where networkx's
``louvain_communities`` took 23 s). Layout and communities draw from a private seeded random generator
(igraph's is process-wide, so it is swapped in and back): one graph always gives the same picture.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import networkx as nx

SEED = 7


@dataclass(frozen=True)
class Placement:
    """Coordinates (y grows downwards, as on screen) and a community number (0 = the largest) per node."""

    position: dict[str, tuple[float, float]]
    community: dict[str, int]


@contextmanager
def _seeded(seed: int) -> Iterator[None]:
    import igraph

    igraph.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


def place(graph: nx.MultiDiGraph, order: list[str], *, seed: int = SEED) -> Placement:
    """Positions and communities for the nodes ``order`` of ``graph`` (facts are its edges, counted once each in
    either direction; all their ends must be in ``order``). The order breaks ties, so give a stable one."""
    import igraph

    weights: dict[tuple[str, str], int] = {}
    for s, o in graph.edges():
        if s != o:
            pair = (s, o) if s < o else (o, s)
            weights[pair] = weights.get(pair, 0) + 1
    in_facts = {n for pair in weights for n in pair}
    linked = [n for n in order if n in in_facts]
    index = {n: i for i, n in enumerate(linked)}
    pairs = sorted(weights, key=lambda p: (index[p[0]], index[p[1]]))
    g = igraph.Graph(n=len(linked), edges=[(index[a], index[b]) for a, b in pairs])
    g.es["weight"] = [weights[p] for p in pairs]
    position: dict[str, tuple[float, float]] = {}
    community: dict[str, int] = {}
    with _seeded(seed):
        groups = g.community_multilevel(weights="weight") if g.ecount() else []
        parts = [_spread(g.subgraph(members)) for members in g.connected_components()]
    for number, members in enumerate(sorted(groups, key=lambda m: (-len(m), min(m)))):
        for i in members:
            community[linked[i]] = number
    pieces = sorted(zip(g.connected_components(), parts), key=lambda piece: (-len(piece[0]), min(piece[0])))
    _pack(pieces, linked, position)
    _block_below([n for n in order if n not in index], position, community, start=len(groups))
    return Placement(position, community)


def _spread(component) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    """A force-directed layout of one connected component, scaled so that a node has about one unit of room."""
    n = component.vcount()
    if n == 1:
        return [(0.0, 0.0)]
    coords = component.layout_fruchterman_reingold(weights="weight", niter=500, grid=n > 300)
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    left, bottom = min(xs), min(ys)  # once: per point it made the layout quadratic in the component's size
    span = max(max(xs) - left, max(ys) - bottom, 1e-9)
    scale = 1.6 * math.sqrt(n) / span
    return [((x - left) * scale, (y - bottom) * scale) for x, y in coords]


def _pack(pieces, linked: list[str], position: dict[str, tuple[float, float]]) -> None:  # type: ignore[no-untyped-def]
    """Components side by side in rows, largest first, none far from the others (a force layout of the whole
    graph flings small components to its edge)."""
    if not pieces:
        return
    width = max(max(x for x, _ in pieces[0][1]) + 1.0, math.sqrt(len(linked)) * 1.6)
    x = y = row_height = 0.0
    gap = 1.0
    for members, coords in pieces:
        w = max(c[0] for c in coords) + gap
        h = max(c[1] for c in coords) + gap
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for i, (cx, cy) in zip(members, coords):
            position[linked[i]] = (x + cx, y + cy)
        x += w
        row_height = max(row_height, h)


def _block_below(nodes: list[str], position: dict[str, tuple[float, float]], community: dict[str, int], start: int) -> None:
    """Nodes in no fact, in rows under the drawn graph (ordered as given), each its own community."""
    if not nodes:
        return
    xs = [p[0] for p in position.values()] or [0.0]
    ys = [p[1] for p in position.values()] or [0.0]
    width = max(max(xs) - min(xs), 1.0)
    step = 0.7  # closer than in the drawn graph: they have no edges to show
    per_row = max(int(width / step), 1)
    top = max(ys) + 2.0 if position else 0.0
    for i, n in enumerate(nodes):
        position[n] = (min(xs) + (i % per_row) * step, top + (i // per_row) * step)
        community[n] = start + i
