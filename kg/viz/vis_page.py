"""pyvis: a ``Network`` of part of the graph for notebooks, and the vis-network page drawn from it.

``pyvis_network(graph_dir_or_graph, focus="BNPT", hops=1)`` returns a pyvis ``Network`` to show in Jupyter
(``net.show("x.html", notebook=True)``) or to restyle; its physics lets a reader drag a few dozen nodes about,
which sigma's fixed layout does not. ``render_vis_html`` writes the same data into our own offline page
(pyvis's template links Bootstrap from a CDN even ``in_line``); vis-network is inlined from the pyvis package.
The README compares it with the sigma page: it serves small sub-graphs, not the whole graph.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from kg.viz.dates import human_date
from kg.viz.focus import around
from kg.viz.page import COLOURS, SYMMETRIC, describe

SHAPES = {"Event": "diamond", "Agreement": "square", "Place": "triangle"}
LARGE = 300  # above this many nodes: a short stabilisation, no improvedLayout, no hover


def _graph_of(source: nx.MultiDiGraph | str | Path) -> nx.MultiDiGraph:
    if isinstance(source, nx.MultiDiGraph):
        return source
    from kg.network import from_rdf
    from kg.rdf.store import open_dataset

    dataset = open_dataset(Path(source))
    try:
        return from_rdf(dataset)
    finally:
        dataset.close()


def pyvis_network(source: nx.MultiDiGraph | str | Path, *, focus: str | None = None, hops: int = 1,
                  notebook: bool = False) -> Network:
    """A pyvis ``Network`` of ``source`` (a graph from ``kg.network.from_rdf`` or a ``kg build`` folder), cut to
    the ``hops`` neighbourhood of the node named ``focus`` when given. Nodes carry ``kind``, ``names`` and
    ``articles``; edges their ``relation``, ``article``, ``date`` (as written for people) and evidence."""
    graph = _graph_of(source)
    if focus:
        graph = around(graph, focus, hops)
    net = Network(directed=True, notebook=notebook, cdn_resources="in_line" if notebook else "local")
    for node, data in sorted(graph.nodes(data=True)):
        net.add_node(node, label=data["label"], color=COLOURS.get(data["type"], "#999"), shape=SHAPES.get(data["type"], "dot"),
                     size=10 + 3 * min(graph.degree(node), 10), title=f"{data['label']} ({data['type']})",
                     kind=data["type"], names=list(data["names"]), articles=list(data.get("articles", [])))
    for s, o, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2]):
        text = describe(graph, s, o, data)
        net.add_edge(s, o, id=key, label=data["label"], title=f"{text}\n{data['evidence']}",
                     arrows="" if data["relation"] in SYMMETRIC else "to", relation=data["label"],
                     article=data["article"], date=data.get("date", ""), when=human_date(data.get("date", "")),
                     facts=[{"text": text, "evidence": data["evidence"], "article": data["article"], "url": data.get("url", "")}])
    return net


def _vis_assets() -> tuple[str, str]:
    lib = Path(str(resources.files("pyvis"))) / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def render_vis_html(graph: nx.MultiDiGraph, *, title: str = "kg: knowledge graph") -> str:
    """The vis-network page of ``graph`` (physics, draggable nodes, edge labels): for small sub-graphs."""
    net = pyvis_network(graph)
    nodes, edges, *_ = net.get_network_data()
    facts: dict[str, list[dict]] = {n["id"]: [] for n in nodes}
    for e in edges:
        for end in {e["from"], e["to"]}:
            facts[end].extend(e["facts"])
    for n in nodes:
        n["facts"] = facts[n["id"]] + [{"text": f"{n['label']} is quoted", "evidence": q["evidence"], "article": q["article"],
                                        "url": q.get("url", "")} for q in graph.nodes[n["id"]].get("quotes", [])]
    big = len(nodes) > LARGE
    options = {
        "physics": {"enabled": True, "solver": "barnesHut",
                    "stabilization": {"enabled": True, "iterations": 30 if big else 400, "updateInterval": 50},
                    "barnesHut": {"gravitationalConstant": -8000, "springLength": 160, "theta": 0.8 if big else 0.5}},
        "layout": {"improvedLayout": not big, "randomSeed": 7},
        "edges": {"smooth": False, "font": {"size": 10, "align": "middle"}},
        "nodes": {"font": {"size": 12}},
        "interaction": {"hover": not big, "tooltipDelay": 150, "hideEdgesOnDrag": big},
    }
    present = sorted({graph.nodes[n]["type"] for n in graph.nodes})
    payload = {"nodes": nodes, "edges": edges, "options": options, "summary": f"{len(nodes)} nodes, {len(edges)} facts",
               "legend": [{"type": t, "color": COLOURS[t]} for t in present]}
    data = json.dumps(payload, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    vis_js, vis_css = _vis_assets()
    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")), autoescape=select_autoescape(["html"]))
    return env.get_template("vis.html").render(title=title, data=Markup(data), vis_js=Markup(vis_js), vis_css=Markup(vis_css))
