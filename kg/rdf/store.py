"""The persistent graph: rdflib's API on the Oxigraph store (oxrdflib), one named graph per article.

Plain rdflib's in-memory store answers a co-attendance query in seconds on 2,000 triples and not at all on
21,000; Oxigraph answers it in under a second on 212,000 (see DEVELOPERS.md), so kg never queries rdflib's
default store.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from kg.errors import GraphNotFoundError
from kg.rdf.namespace import PREFIXES

STORE_DIR = "store"


def new_dataset(path: Path | None = None) -> Dataset:
    """A dataset whose default graph is the union of all article graphs, persisted at ``path`` if given."""
    dataset = Dataset(store="Oxigraph", default_union=True)
    if path is not None:
        dataset.open(str(path))
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True)
    return dataset


def open_dataset(graph_dir: Path) -> Dataset:
    """The dataset a build left in ``graph_dir``; a clear error when there is none."""
    store = graph_dir / STORE_DIR
    if not store.is_dir():
        raise GraphNotFoundError(f"{graph_dir}: no built graph here; run 'kg build' first or pass --graph DIR")
    try:
        return new_dataset(store)
    except OSError as exc:
        raise GraphNotFoundError(f"{store}: cannot open the store ({exc})") from exc
