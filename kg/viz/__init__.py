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
from pyvis.network import Network

COLOURS = {
    "Person": "#e15759", "Organization": "#4e79a7", "Country": "#59a14f",
    "Place": "#b07aa1", "Event": "#f28e2b", "Agreement": "#edc948",
}
SHAPES = {"Event": "diamond", "Agreement": "square", "Place": "triangle"}


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


def render_html(graph: nx.MultiDiGraph, *, title: str = "kg: knowledge graph") -> str:
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
    for s, o, key, data in graph.edges(keys=True, data=True):
        net.add_edge(s, o, id=key, label=data["label"], title=f"{_describe(graph, s, o, data)}\n{data['evidence']}",
                     arrows="to")
    nodes, edges, *_ = net.get_network_data()
    for n in nodes:
        source = graph.nodes[n["id"]]
        n.update(kind=source["type"], names=source["names"], facts=facts[n["id"]])
    for e in edges:
        match = next(d for s, o, k, d in graph.edges(keys=True, data=True) if k == e["id"])
        e["facts"] = [_fact(match, _describe(graph, e["from"], e["to"], match))]
    big = len(nodes) > 300
    options = {
        "physics": {"enabled": True, "stabilization": {"iterations": 200 if big else 500},
                    "barnesHut": {"gravitationalConstant": -8000, "springLength": 160}},
        "layout": {"improvedLayout": not big},
        "edges": {"smooth": False, "font": {"size": 10, "align": "middle"}},
        "interaction": {"hover": True, "tooltipDelay": 150},
    }
    present = sorted({graph.nodes[n]["type"] for n in graph.nodes})
    payload = {
        "nodes": nodes, "edges": edges, "options": options,
        "legend": [{"type": t, "color": COLOURS[t]} for t in present],
        "summary": f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges",
    }
    data = json.dumps(payload, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    vis_js, vis_css = _vis_assets()
    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")), autoescape=select_autoescape(["html"]))
    from markupsafe import Markup

    return env.get_template("page.html").render(title=title, data=Markup(data), vis_js=Markup(vis_js), vis_css=Markup(vis_css))
