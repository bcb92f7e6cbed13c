"""The graph as NetworkX: entities (and named events and agreements) as nodes, facts as labelled edges.

``from_rdf(dataset)`` reads the facts back from RDF, so the NetworkX view, the HTML view and GraphML
export show exactly what the triple store holds.
"""

from __future__ import annotations

import networkx as nx
from rdflib import Dataset

from kg.query import GraphRows, graph_rows
from kg.rdf.namespace import KG
from kg.relations import REGISTRY

EDGE_LABELS = {name: spec.label for name, spec in REGISTRY.items()}
TYPES = {str(KG[name]): name for name in ("Person", "Organization", "Country", "Place", "Event", "Agreement")}

__all__ = ["EDGE_LABELS", "from_rdf"]


def from_rdf(dataset: Dataset, rows: GraphRows | None = None) -> nx.MultiDiGraph:
    """The NetworkX graph of ``dataset``; ``rows``, when given, are its entities and facts already read.

    A person the store links to a fuller name of the corpus (``kg.rdf.people``) is drawn as that one node,
    with every name and article of the group, and its facts join the node's."""
    rows = rows or graph_rows(dataset)
    same = {row["person"] or "": row["same"] or "" for row in rows.same}
    graph = nx.MultiDiGraph()
    for row in rows.entities:
        etype = row["type"] or ""
        if etype not in TYPES:
            continue
        entity, label = row["entity"] or "", row["label"] or ""
        node = same.get(entity, entity)
        if node not in graph:
            graph.add_node(node, label="", type=TYPES[etype], names=set(), articles=set())
        data = graph.nodes[node]
        if entity == node or not data["label"]:  # the one display name of the entities graph, as queries and
            data["label"] = row["name"] or label  # kg stats show it; a group's is its fullest name's
        data["names"].update({label, row["name"] or label, *[a for a in (row["aliases"] or "").split("\u001f") if a]})
        data["articles"].add(row["doc"] or "")
    for values in rows.facts:
        relation = values["relation"] or ""
        subject = same.get(values["s"] or "", values["s"] or "")
        obj = values.get("o")
        obj = same.get(obj, obj) if obj is not None else None
        attrs = {
            "relation": relation, "label": EDGE_LABELS[relation], "article": values["doc"] or "",
            "url": values.get("url") or "", "evidence": values["evidence"] or "",
            "date": values.get("date") or "", "place": values.get("place") or "",
            "role": values.get("role") or "", "rule": values["rule"] or "",
            "confidence": float(values["confidence"] or 0),
        }
        if obj is None:
            if subject in graph:
                graph.nodes[subject].setdefault("quotes", []).append(attrs)
            continue
        if subject in graph and obj in graph and (subject != obj or values["s"] == values.get("o")):
            graph.add_edge(subject, obj, key=values["fact"], **attrs)
    for _node, data in graph.nodes(data=True):
        data["names"] = sorted(data["names"])
        data["articles"] = sorted(data["articles"])
    return graph
