"""The persistent graph: rdflib's API on the Oxigraph store (oxrdflib), one named graph per article, plus
a shared graph describing the entities once.

Plain rdflib's in-memory store answers a co-attendance query in seconds on 2,000 triples and not at all on
21,000; Oxigraph answers it in under a second at a million (``bench/store_scale.py``), so kg never queries
rdflib's default store. Bulk paths (loading an article, dumping, flushing) use the pyoxigraph store under
oxrdflib directly.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pyoxigraph
from oxrdflib.store import OxigraphStore
from rdflib import Dataset, Literal, URIRef

from kg.errors import GraphNotFoundError
from kg.rdf.iri import ENTITIES_GRAPH
from kg.rdf.location import STORE_DIR, open_store, require_store  # noqa: F401 - STORE_DIR, require_store used via this module
from kg.rdf.namespace import PREFIXES

BUILD_GRAPH = URIRef("https://w3id.org/kg-news/build")  # what kg version and data built the store
_FINGERPRINT = URIRef("https://w3id.org/kg-news/ontology#extractorFingerprint")


def oxigraph(dataset: Dataset) -> pyoxigraph.Store:
    """The pyoxigraph store under an oxrdflib dataset, for the bulk paths rdflib's API makes slow; the one
    place that knows oxrdflib keeps it in ``_inner``."""
    return dataset.store._inner  # type: ignore[attr-defined,no-any-return]


_DISTINCT_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


def distinct_triples(dataset: Dataset) -> int:
    """Triples of all graphs together, each once (what ``len(dataset)`` counts): a count over a distinct
    sub-select, which Oxigraph answers about five times faster than rdflib's ``COUNT(DISTINCT TRIPLE(...))``
    (0.7 s against 3.5 s for the 348,587 statements of 2,000 articles)."""
    row = next(oxigraph(dataset).query(_DISTINCT_TRIPLES, use_default_graph_as_union=True))
    return int(row[0].value)


def new_dataset(path: Path | None = None) -> Dataset:
    """A writable dataset whose default graph is the union of all article graphs, persisted at ``path`` if
    given (in memory otherwise). Readers use ``open_dataset``, which takes no lock."""
    return new_dataset_on(pyoxigraph.Store(str(path)) if path is not None else pyoxigraph.Store())


def open_dataset(graph_dir: Path) -> Dataset:
    """The dataset a build left in ``graph_dir``, read-only, with rdflib's API; a clear error when there is none."""
    return new_dataset_on(open_store(graph_dir))


def new_dataset_on(store: pyoxigraph.Store) -> Dataset:
    """rdflib's API over an Oxigraph store, the union of its graphs as default graph, kg's prefixes bound."""
    dataset = Dataset(store=OxigraphStore(store=store), default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True)
    return dataset


def snapshot(live: Path, target: Path) -> None:
    """A private copy of the store at ``live`` in ``target``: RocksDB hard links, so it is cheap, and the
    live store stays untouched (and readable by ``kg serve``) until the new one is swapped in."""
    try:
        pyoxigraph.Store.read_only(str(live)).backup(str(target))
    except OSError as exc:
        raise GraphNotFoundError(f"{live}: cannot read the store ({exc})") from exc


def article_hashes(dataset: Dataset) -> dict[str, tuple[str, str]]:
    """Article id -> (content hash, named graph IRI) of every article in the store."""
    query = """SELECT ?g ?id ?hash WHERE { GRAPH ?g { ?a kg:articleId ?id ; kg:contentHash ?hash } }"""
    return {str(row[1]): (str(row[2]), str(row[0])) for row in dataset.query(query, initNs=PREFIXES)}  # type: ignore[index]


def remove_graph(dataset: Dataset, graph: str) -> None:
    dataset.remove((None, None, None, dataset.graph(URIRef(graph))))


def fingerprints(dataset: Dataset) -> set[str]:
    """The rules fingerprints recorded in the store: one for a build, more when shards of different kg versions merge."""
    return {str(v) for v in dataset.graph(BUILD_GRAPH).objects(BUILD_GRAPH, _FINGERPRINT)}


def fingerprint(dataset: Dataset) -> str | None:
    return next(iter(fingerprints(dataset)), None)


def set_fingerprint(dataset: Dataset, value: str) -> None:
    graph = dataset.graph(BUILD_GRAPH)
    graph.remove((BUILD_GRAPH, _FINGERPRINT, None))
    graph.add((BUILD_GRAPH, _FINGERPRINT, Literal(value)))


def flush(dataset: Dataset) -> None:
    """Write everything to disk files: a snapshot (``read_only`` + ``backup``) does not see what is still
    only in RocksDB's write-ahead log."""
    oxigraph(dataset).flush()


def settle(store_dir: Path) -> None:
    """Open and close the store once. RocksDB deletes spent write-ahead logs only when it opens a store, not
    when it closes one, so a fresh build left 90 MB of logs per 1,000 articles that every read-only open
    (``kg query``, ``kg serve``) replayed into memory; after this they are gone (a 1,000-article store goes
    from 145 to 59 MB)."""
    store = pyoxigraph.Store(str(store_dir))
    store.flush()
    del store
    gc.collect()


def drop_orphans(dataset: Dataset) -> None:
    """Forget the shared description of entities no article mentions any more (after articles are removed)."""
    oxigraph(dataset).update(
        "DELETE { GRAPH <%s> { ?e ?p ?o } } WHERE { GRAPH <%s> { ?e ?p ?o } "
        "FILTER NOT EXISTS { GRAPH ?g { ?e <https://w3id.org/kg-news/ontology#mentionedIn> ?d } } }"
        % (ENTITIES_GRAPH, ENTITIES_GRAPH))


class QuadWriter:
    """Articles' quads into the store by Oxigraph's bulk loader, a batch at a time: a transaction per article
    cost 40 ms on disk, three times the bulk load of the same quads. A build works on a private copy of the
    store that is only published whole, so the bulk loader's lack of transactions loses nothing; ``close``
    (or any query of the store) must come after the last ``add`` has been flushed.

    Quads come as pyoxigraph quads (made in this process) or N-Quads bytes (from a worker: text pickles ten
    times faster than quad objects)."""

    def __init__(self, dataset: Dataset, batch: int = 50_000) -> None:
        self._dataset = dataset  # not its Oxigraph store: holding that would keep RocksDB open after close()
        self._batch = batch
        self._quads: list[pyoxigraph.Quad] = []
        self._text: list[bytes] = []
        self._size = 0

    def add(self, quads: list[pyoxigraph.Quad] | bytes) -> None:
        if isinstance(quads, bytes):
            self._text.append(quads)
            self._size += quads.count(b"\n")
        else:
            self._quads.extend(quads)
            self._size += len(quads)
        if self._size >= self._batch:
            self.flush()

    def flush(self) -> None:
        store = oxigraph(self._dataset)
        if self._quads:
            store.bulk_extend(self._quads)
        if self._text:
            store.bulk_load(input=b"".join(self._text), format=pyoxigraph.RdfFormat.N_QUADS)
        self._quads, self._text, self._size = [], [], 0
        store.flush()  # keep RocksDB's in-memory tables from growing with the corpus


def load_nquads(dataset: Dataset, text: str) -> None:
    """Add an article's quads in one transaction, parsed by Oxigraph."""
    oxigraph(dataset).load(input=text, format=pyoxigraph.RdfFormat.N_QUADS)


def dump_nquads(store_dir: Path) -> str:
    """Every quad of the store at ``store_dir`` as N-Quads text, read without taking its lock."""
    try:
        return pyoxigraph.Store.read_only(str(store_dir)).dump(format=pyoxigraph.RdfFormat.N_QUADS).decode("utf-8")
    except OSError as exc:
        raise GraphNotFoundError(f"{store_dir}: cannot read the store ({exc})") from exc
