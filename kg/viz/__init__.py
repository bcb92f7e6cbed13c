"""The interactive HTML view: one self-contained page, generated from NetworkX through pyvis.

pyvis builds the node and edge data; the page is our own template, because pyvis's links Bootstrap from a
CDN even in ``in_line`` mode. vis-network is inlined from the pyvis package, data goes in as JSON (never as
markup), and a Content-Security-Policy forbids any request, so the page opens offline from ``file://``.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

COLOURS = {
    "Person": "#e15759", "Organization": "#4e79a7", "Country": "#59a14f",
    "Place": "#b07aa1", "Event": "#f28e2b", "Agreement": "#edc948",
}
SHAPES = {"Event": "diamond", "Agreement": "square", "Place": "triangle"}
LARGE = 300  # above this many nodes: a short stabilisation, no improvedLayout, no hover


def _vis_assets() -> tuple[str, str]:
    lib = Path(str(resources.files("pyvis"))) / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def _fact(data: dict, text: str) -> dict[str, str]:
    return {"text": text, "evidence": data["evidence"], "article": data["article"], "url": data.get("url", "")}


def _describe(graph: nx.MultiDiGraph, s: str, o: str, data: dict) -> str:
    parts = [graph.nodes[s]["label"], data["label"], graph.nodes[o]["label"]]
    if data.get("role"):
        parts.insert(1, f"({data['role']})")
    if data.get("date"):
        parts.append(f"on {data['date']}")
    return " ".join(parts)


def keep_most_connected(graph: nx.MultiDiGraph, limit: int) -> nx.MultiDiGraph:
    """The ``limit`` most connected nodes and the edges among them (ties broken by name, so it is stable)."""
    if limit <= 0 or graph.number_of_nodes() <= limit:
        return graph
    ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), graph.nodes[n]["label"], n))
    return graph.subgraph(ranked[:limit]).copy()


def render_html(graph: nx.MultiDiGraph, *, title: str = "kg: knowledge graph", limit: int = 0) -> str:
    """The page for ``graph``; above ``limit`` nodes only the most connected are drawn, and the page says so."""
    total_nodes, total_edges = graph.number_of_nodes(), graph.number_of_edges()
    graph = keep_most_connected(graph, limit)
    net = Network(directed=True)
    facts: dict[str, list[dict[str, str]]] = {n: [] for n in graph.nodes}
    for s, o, data in graph.edges(data=True):
        fact = _fact(data, _describe(graph, s, o, data))
        facts[s].append(fact)
        facts[o].append(fact)
    for node, data in graph.nodes(data=True):
        for quote in data.get("quotes", []):
            facts[node].append(_fact(quote, f"{data['label']} is quoted"))
    for node, data in graph.nodes(data=True):
        net.add_node(node, label=data["label"], color=COLOURS.get(data["type"], "#999"),
                     shape=SHAPES.get(data["type"], "dot"), size=10 + 3 * min(graph.degree(node), 10),
                     title=f"{data['label']} ({data['type']})")
    by_key = {}
    for s, o, key, data in graph.edges(keys=True, data=True):
        by_key[key] = (s, o, data)
        net.add_edge(s, o, id=key, label=data["label"], title=f"{_describe(graph, s, o, data)}\n{data['evidence']}",
                     arrows="to")
    nodes, edges, *_ = net.get_network_data()
    for n in nodes:
        source = graph.nodes[n["id"]]
        n.update(kind=source["type"], names=source["names"], facts=facts[n["id"]],
                 articles=source.get("articles", []))
    for e in edges:
        s, o, match = by_key[e["id"]]
        e.update(facts=[_fact(match, _describe(graph, s, o, match))], relation=match["label"],
                 article=match["article"], date=match.get("date", ""))
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
    summary = f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
    if graph.number_of_nodes() < total_nodes:
        summary = (f"Showing the {graph.number_of_nodes()} most connected of {total_nodes} nodes "
                   f"({graph.number_of_edges()} of {total_edges} edges); build with a larger --view-limit to see more.")
    payload = {
        "nodes": nodes, "edges": edges, "options": options,
        "legend": [{"type": t, "color": COLOURS[t]} for t in present],
        "summary": summary,
    }
    data = json.dumps(payload, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    vis_js, vis_css = _vis_assets()
    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")), autoescape=select_autoescape(["html"]))
    return env.get_template("page.html").render(title=title, data=Markup(data), vis_js=Markup(vis_js), vis_css=Markup(vis_css))
