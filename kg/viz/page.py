"""graph.html: the whole graph drawn with WebGL (sigma.js on graphology), in one self-contained offline page.

sigma.js and graphology are vendored (``kg/viz/vendor``, MIT) and inlined; the data goes in as JSON (never as
markup) and a Content-Security-Policy forbids any request, so the page opens from ``file://`` with the network
off. Positions and communities are computed here (``kg.network.layout``), so the page draws at once instead
of running a physics simulation, and one graph always gives the same picture.

Places are properties of facts ("met ... in Jakarta"), not nodes: a place is drawn only when it is itself the
subject or object of a fact; the others are listed for search, with the facts that happened there.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from kg.network.layout import place
from kg.viz.dates import human_date

COLOURS = {
    "Person": "#e15759", "Organization": "#4e79a7", "Country": "#59a14f",
    "Place": "#b07aa1", "Event": "#f28e2b", "Agreement": "#c9a800",
}
# Communities, largest first; the ones past the palette are grey (Tableau 20, without the greys)
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#a0cbe8", "#ffbe7d", "#ff9d9a", "#8cd17d", "#b6992d", "#499894", "#86bcb6", "#d4a6c8", "#fabfd2"]
SYMMETRIC = {"meets", "cooperates_with"}  # drawn as lines: "A met B" is "B met A"
VENDOR = Path(__file__).parent / "vendor"


def keep_most_connected(graph: nx.MultiDiGraph, limit: int) -> nx.MultiDiGraph:
    """The ``limit`` most connected nodes and the edges among them (ties broken by name, so it is stable)."""
    if limit <= 0 or graph.number_of_nodes() <= limit:
        return graph
    ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), graph.nodes[n]["label"], n))
    return graph.subgraph(ranked[:limit]).copy()


def describe(graph: nx.MultiDiGraph, s: str, o: str, data: dict) -> str:
    """One fact as a sentence: "Budi Santoso met Taro Yamada in Jakarta on 7 April, year unknown"."""
    parts = [graph.nodes[s]["label"]]
    if data.get("role"):
        parts.append(f"({data['role']})")
    parts += [data["label"], graph.nodes[o]["label"]]
    where = data.get("place") or ""
    if where:
        parts.append(f"in {graph.nodes[where]['label'] if where in graph else where.rsplit('/', 1)[-1]}")
    when = human_date(data.get("date") or "")
    if when:
        parts.append(f"on {when}" if when[0].isdigit() and " " in when else f"in {when}")
    return " ".join(parts)


def page_data(graph: nx.MultiDiGraph, *, limit: int = 0) -> dict:
    """What the page draws, as plain JSON-able data (nodes refer to articles, facts to nodes, by index)."""
    total_nodes, total_edges = graph.number_of_nodes(), graph.number_of_edges()
    graph = keep_most_connected(graph, limit)
    in_facts = {n for s, o in graph.edges() for n in (s, o)}
    order = sorted((n for n, d in graph.nodes(data=True) if d["type"] != "Place" or n in in_facts),
                   key=lambda n: (graph.nodes[n]["label"], n))
    placement = place(graph, order)
    index = {n: i for i, n in enumerate(order)}
    articles = sorted({a for _, d in graph.nodes(data=True) for a in d.get("articles", [])}
                      | {d["article"] for *_, d in graph.edges(data=True)})
    article_index = {a: i for i, a in enumerate(articles)}
    degree = Counter(n for edge in graph.edges() for n in edge)
    nodes = []
    for n in order:
        d = graph.nodes[n]
        nodes.append({
            "id": n, "label": d["label"], "kind": d["type"], "names": d["names"],
            "articles": [article_index[a] for a in d.get("articles", []) if a in article_index],
            "x": round(placement.position[n][0], 3), "y": round(-placement.position[n][1], 3),
            "size": round(min(3 + 2.2 * math.log1p(degree[n]), 18), 2) if degree[n] else 2, "degree": degree[n],
            "community": placement.community[n],
            "quotes": [{"article": article_index[q["article"]], "evidence": q["evidence"], "url": q.get("url", ""),
                        "when": human_date(q.get("date") or "")} for q in d.get("quotes", [])],
        })
    facts = []
    at_place: dict[str, list[int]] = {}
    for s, o, data in sorted(graph.edges(data=True), key=lambda e: (e[2]["article"], e[0], e[1], e[2]["relation"])):
        if data.get("place"):
            at_place.setdefault(data["place"], []).append(len(facts))
        facts.append({
            "s": index[s], "o": index[o], "relation": data["label"], "symmetric": data["relation"] in SYMMETRIC,
            "article": article_index[data["article"]], "date": data.get("date") or "",
            "text": describe(graph, s, o, data), "evidence": data["evidence"], "url": data.get("url", ""),
        })
    places = [{"label": graph.nodes[p]["label"], "names": graph.nodes[p]["names"], "facts": found}
              for p, found in sorted(at_place.items()) if p in graph and p not in index]
    places += [{"label": d["label"], "names": d["names"], "facts": []} for n, d in sorted(graph.nodes(data=True))
               if d["type"] == "Place" and n not in index and n not in at_place]
    sizes = Counter(placement.community[n] for n in order)
    top: dict[int, str] = {}  # each community is named after its most connected member
    for n in order:
        number = placement.community[n]
        if number not in top or (degree[n], n) > (degree[top[number]], top[number]):
            top[number] = n
    communities = [{"number": number, "count": count, "label": graph.nodes[top[number]]["label"],
                    "color": PALETTE[number] if number < len(PALETTE) else "#bbbbbb"}
                   for number, count in sorted(sizes.items()) if count > 1]
    kinds = Counter(graph.nodes[n]["type"] for n in order)
    lonely = sum(1 for n in order if degree[n] == 0)
    summary = f"{len(nodes)} nodes, {len(facts)} facts"
    if lonely:
        summary += f"; the {lonely} in no fact are set out below the graph"
    if places:
        summary += f"; {len(places)} places are not drawn but named in their facts (search finds them)"
    if len(order) + len(places) < total_nodes:
        summary = (f"Showing the {graph.number_of_nodes()} most connected of {total_nodes} nodes "
                   f"({graph.number_of_edges()} of {total_edges} edges); build with --view-limit 0 to see all. " + summary)
    return {
        "nodes": nodes, "facts": facts, "articles": articles, "places": places, "summary": summary,
        "types": [{"type": t, "color": COLOURS.get(t, "#999999"), "count": kinds[t]} for t in COLOURS if kinds[t]],
        "communities": communities, "palette": PALETTE,
    }


def _json_for_script(data: dict) -> Markup:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def render_html(graph: nx.MultiDiGraph, *, title: str = "kg: knowledge graph", limit: int = 0) -> str:
    """The page for ``graph``: every node unless ``limit`` > 0, when only the most connected are drawn (it says so)."""
    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")), autoescape=select_autoescape(["html"]))
    scripts = Markup("\n".join(f"<script>{(VENDOR / name).read_text(encoding='utf-8')}</script>"
                               for name in ("graphology.umd.min.js", "sigma.min.js")))
    return env.get_template("sigma.html").render(title=title, data=_json_for_script(page_data(graph, limit=limit)),
                                                 vendor=scripts)
