"""The graph as NetworkX: entities (and named events and agreements) as nodes, facts as labelled edges.

``from_rdf(dataset)`` reads the facts back from RDF, so the NetworkX view, the HTML view and GraphML
export show exactly what the triple store holds.
"""

from __future__ import annotations

import networkx as nx
from rdflib import Dataset

from kg.query import internal_query, run_query
from kg.rdf.namespace import KG

EDGE_LABELS = {
    "meets": "met", "signs": "signed", "attends": "attended", "holds_position": "holds post in",
    "cooperates_with": "cooperates with", "quoted": "quoted in",
}
TYPES = {str(KG[name]): name for name in ("Person", "Organization", "Country", "Place", "Event", "Agreement")}

__all__ = ["EDGE_LABELS", "from_rdf"]


def from_rdf(dataset: Dataset) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for row in run_query(dataset, internal_query("entities")):
        doc, entity, etype, label, aliases = (str(v) if v is not None else "" for v in row)
        if etype not in TYPES:
            continue
        if entity not in graph:
            graph.add_node(entity, label=label, type=TYPES[etype], names=set(), articles=set())
        graph.nodes[entity]["names"].update({label, *[a for a in aliases.split("\u001f") if a]})
        graph.nodes[entity]["articles"].add(doc)
    for row in run_query(dataset, internal_query("facts")):
        values = row.asdict()  # type: ignore[union-attr]
        relation = str(values["relation"])
        subject = str(values["s"])
        obj = str(values["o"]) if values.get("o") is not None else None
        attrs = {
            "relation": relation, "label": EDGE_LABELS[relation], "article": str(values["doc"]),
            "url": str(values.get("url") or ""), "evidence": str(values["evidence"]),
            "date": str(values.get("date") or ""), "place": str(values.get("place") or ""),
            "role": str(values.get("role") or ""), "rule": str(values["rule"]),
            "confidence": float(values["confidence"]),  # type: ignore[arg-type]
        }
        if obj is None:
            graph.nodes[subject].setdefault("quotes", []).append(attrs)
            continue
        if subject in graph and obj in graph:
            graph.add_edge(subject, obj, key=str(values["fact"]), **attrs)
    for _node, data in graph.nodes(data=True):
        data["names"] = sorted(data["names"])
        data["articles"] = sorted(data["articles"])
    return graph
