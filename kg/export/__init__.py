"""Exports of the built graph, one row per format in ``EXPORTERS`` (``kg export --help`` lists them)."""

from __future__ import annotations

from collections.abc import Callable
import csv
import io
import tempfile
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.errors import FormatError
from kg.export.claims import write_claims
from kg.rdf.namespace import PREFIXES
from kg.rdf.store import oxigraph


def union_graph(dataset: Dataset) -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


PRETTY_LIMIT = 300_000  # quads; above this, Turtle and N-Triples stream without prefixes instead of being sorted in memory


def _native(fmt: ox.RdfFormat, whole: bool) -> Callable[[Dataset, BinaryIO], None]:
    """Turtle, TriG, N-Triples and N-Quads by Oxigraph's own writer, streamed: rdflib's takes minutes and
    holds the whole graph on a corpus.

    A triple format gets the union of the article graphs, each triple once; a quad format gets every
    named graph as stored."""
    def export(dataset: Dataset, out: BinaryIO) -> None:
        store = oxigraph(dataset)
        prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        if whole:
            store.dump(output=out, format=fmt, prefixes=prefixes)
            return
        triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
                              use_default_graph_as_union=True)
        if len(store) > PRETTY_LIMIT:
            triples.serialize(output=out, format=fmt)  # type: ignore[union-attr]
            return
        union = ox.Store()
        with tempfile.TemporaryDirectory(prefix="kg-union-") as folder:  # N-Triples through a file: Rust end to
            text = Path(folder) / "union.nt"  # end, no Python object per triple, and not all of it in memory
            triples.serialize(output=str(text), format=ox.RdfFormat.N_TRIPLES)  # type: ignore[union-attr]
            union.bulk_load(path=str(text), format=ox.RdfFormat.N_TRIPLES)
        union.dump(output=out, format=fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes)
    return export


def _jsonld(dataset: Dataset, out: BinaryIO) -> None:
    """JSON-LD with a context of kg's prefixes, so keys read "kg:participant", not full IRIs."""
    dataset.serialize(destination=out, format="json-ld", context=PREFIXES, auto_compact=True, encoding="utf-8")


def _flat(dataset: Dataset) -> nx.MultiDiGraph:
    """The NetworkX view with only string and number attributes, as GraphML, GEXF and CSV need."""
    from kg.network import from_rdf

    graph = from_rdf(dataset)
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, label=data["label"], type=data["type"], names="; ".join(data["names"]),
                      articles="; ".join(data.get("articles", [])))
    for s, o, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(s, o, key=key, **{k: v for k, v in data.items() if isinstance(v, (str, int, float))})
    return flat


def _graphml(dataset: Dataset, out: BinaryIO) -> None:
    nx.write_graphml(_flat(dataset), out)


def _gexf(dataset: Dataset, out: BinaryIO) -> None:
    """GEXF for Gephi."""
    nx.write_gexf(_flat(dataset), out)


NODE_COLUMNS = ("id", "label", "type", "names", "articles")
EDGE_COLUMNS = ("source", "target", "relation", "label", "date", "place", "role", "article", "url", "evidence", "rule", "confidence")


def _nodes_csv(dataset: Dataset, out: BinaryIO) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(NODE_COLUMNS)
    for node, data in sorted(_flat(dataset).nodes(data=True)):
        writer.writerow([node, *(data.get(c, "") for c in NODE_COLUMNS[1:])])
    text.detach()


def _edges_csv(dataset: Dataset, out: BinaryIO) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(EDGE_COLUMNS)
    for s, o, data in sorted(_flat(dataset).edges(data=True), key=lambda e: (e[0], e[1], e[2].get("relation", ""))):
        writer.writerow([s, o, *(data.get(c, "") for c in EDGE_COLUMNS[2:])])
    text.detach()


EXPORTERS: dict[str, tuple[str, Callable[[Dataset, BinaryIO], None]]] = {
    "turtle": ("ttl", _native(ox.RdfFormat.TURTLE, whole=False)),
    "trig": ("trig", _native(ox.RdfFormat.TRIG, whole=True)),
    "nt": ("nt", _native(ox.RdfFormat.N_TRIPLES, whole=False)),
    "nq": ("nq", _native(ox.RdfFormat.N_QUADS, whole=True)),
    "jsonld": ("jsonld", _jsonld),
    "graphml": ("graphml", _graphml),
    "gexf": ("gexf", _gexf),
    "nodes-csv": ("csv", _nodes_csv),
    "edges-csv": ("csv", _edges_csv),
    "claims": ("jsonl", write_claims),
}


def _exporter(fmt: str) -> Callable[[Dataset, BinaryIO], None]:
    if fmt not in EXPORTERS:
        raise FormatError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORTERS)}")
    return EXPORTERS[fmt][1]


def export(dataset: Dataset, fmt: str) -> str:
    """The export as text (for standard output and tests)."""
    buffer = BytesIO()
    _exporter(fmt)(dataset, buffer)
    return buffer.getvalue().decode("utf-8")


def export_to(dataset: Dataset, fmt: str, path: Path) -> None:
    """The export streamed into ``path`` (the caller renames it into place)."""
    writer = _exporter(fmt)
    with path.open("wb") as out:
        writer(dataset, out)
