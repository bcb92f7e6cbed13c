"""The pipeline runner: ingest -> nlp -> extract -> rdf into the persistent store, then the outputs.

Builds are incremental: an article already in the store with the same content hash (and built by the same
version of kg's rules and data) is skipped, a changed one replaces its named graph. Every change is made
on a private snapshot of the store (hard links, so it is cheap) and swapped in with renames at the end, so
an interrupted or failed build leaves the previous graph, store and outputs intact. Extraction can run in
several processes; the store is written from this one.
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from kg import extract, ingest, nlp, rdf
from kg.errors import InputError, KgError
from kg.export import export_to
from kg.export.claims import write_claims
from kg.model import Article
from kg.network import from_rdf
from kg.query import graph_rows
from kg.rdf.people import link_people
from kg.rdf.store import (STORE_DIR, QuadWriter, article_hashes, distinct_triples, drop_orphans, dump_nquads, fingerprint,
                          fingerprints, flush, load_nquads, new_dataset, remove_graph, require_store, set_fingerprint, settle, snapshot)
from kg.resources import extractor_fingerprint, ontology_dir
from kg.viz import render_html

FLUSH_EVERY = 250  # articles between flushes of the store to disk
VIEW_LIMIT = 0  # draw at most this many of the most connected nodes in graph.html (0: all); the store keeps everything
ONTOLOGY_GRAPH = URIRef("https://w3id.org/kg-news/ontology")
OUTPUTS = {"graph.ttl": "turtle", "graph.trig": "trig", "claims.jsonl": "claims"}
Progress = Callable[[int, int | None], None]  # (articles done, articles expected or None)


@dataclass
class BuildSummary:
    articles: int = 0  # extracted in this build (new or changed)
    unchanged: int = 0  # already in the store with the same content
    replaced: int = 0  # changed articles whose named graph was replaced
    removed: int = 0
    in_store: int = 0
    entities: Counter[str] = field(default_factory=Counter)  # in the graph by class, each node once (as kg stats)
    relations: Counter[str] = field(default_factory=Counter)  # facts in the graph by class
    linked: int = 0  # people IRIs linked to another name of theirs in other articles (kg.rdf.people)
    triples: int = 0
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # articles kept without some metadata
    out: Path = Path("output")


@dataclass(frozen=True)
class Shard:
    """The ``index``-th (1-based) of ``count`` stable shards of the input, by article id."""

    index: int
    count: int

    @classmethod
    def parse(cls, spec: str) -> Shard:
        try:
            index, count = (int(part) for part in spec.split("/"))
        except ValueError:
            raise InputError(f"--shard {spec!r}: expected I/N, e.g. 1/4") from None
        if not 1 <= index <= count:
            raise InputError(f"--shard {spec!r}: I must be between 1 and N")
        return cls(index, count)

    def __contains__(self, article_id: str) -> bool:
        digest = hashlib.sha1(article_id.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1


@dataclass
class Extracted:
    """What extraction gives the writer of the store: the article's quads as pyoxigraph quads in this
    process, or as N-Quads bytes from a worker (plain data, cheap to pickle)."""

    id: str
    quads: list[ox.Quad] | bytes
    entities: Counter[str]
    relations: Counter[str]


def process(article: Article, *, as_text: bool = True) -> Extracted:
    extracted = extract.run(nlp.run(article))
    quads = list(rdf.run(extracted))
    return Extracted(article.id, ox.serialize(quads, format=ox.RdfFormat.N_QUADS) if as_text else quads,  # type: ignore[arg-type]
                     Counter(e.type for e in extracted.entities.values()), Counter(c.relation for c in extracted.claims))


def build(inputs: Iterable[Path | str], out: Path, *, strict: bool = False, view_limit: int = VIEW_LIMIT,
          fresh: bool = False, jobs: int = 1, shard: Shard | None = None, progress: Progress | None = None,
          cluster: str | None = None) -> BuildSummary:
    started = time.perf_counter()
    summary = BuildSummary(out=out)
    sources = ingest.collect(inputs)  # a missing path is an error before anything is written or fetched
    files = sources.files
    with _transaction(out, fresh=fresh, view_limit=view_limit) as dataset:
        current = extractor_fingerprint()
        known = article_hashes(dataset)
        rebuilt = bool(known) and fingerprint(dataset) != current
        if rebuilt:
            for _hash, graph in known.values():  # built by other rules: re-extract everything given
                remove_graph(dataset, graph)
            known = {}
        set_fingerprint(dataset, current)
        skipped = ingest.Skipped()
        todo = _pending(ingest.run(sources, skipped, pages=out / ingest.PAGES_DIR), known, shard, summary, dataset)
        if len(files) + len(sources.urls) < 4 and not any(f.suffix.lower() == ".jsonl" for f in files):
            jobs = 1  # starting workers costs more than a few articles
        expected = _expected(files) if progress and not sources.urls else None  # a feed's size is unknown
        if cluster:  # Dask distributed: kg.cluster; this process stays the one writer of the store
            from kg.cluster import extract_on_cluster
            results = extract_on_cluster(todo, cluster, skipped.reasons)
        else:
            results = _extract_all(todo, jobs)
        writer = QuadWriter(dataset)
        for done, result in enumerate(_frozen_after_first(results), 1):
            writer.add(result.quads)
            summary.articles += 1
            if progress:
                progress(done + summary.unchanged, expected)
        writer.flush()
        if summary.replaced or rebuilt:
            drop_orphans(dataset)  # entities only the old extraction named
        summary.skipped = skipped.reasons
        summary.warnings = skipped.warnings
        if strict and skipped.reasons:
            raise KgError(f"{len(skipped.reasons)} article(s) skipped and --strict given; first: {skipped.reasons[0]}")
        summary.in_store = len(article_hashes(dataset))
        if summary.in_store == 0:
            raise KgError("no article could be read from the input")
        summary.linked = link_people(dataset)
        summary.triples = distinct_triples(dataset)
        summary.entities, summary.relations = graph_counts(dataset)
    summary.seconds = time.perf_counter() - started
    return summary


def graph_counts(dataset: Dataset) -> tuple[Counter[str], Counter[str]]:
    """Entities and facts in the graph by class, each node once however many articles name it."""
    from kg.query import internal_query, select_rows

    counts: dict[str, Counter[str]] = {"entities": Counter(), "facts": Counter()}
    for row in select_rows(dataset, internal_query("build-counts")):
        counts[row["kind"] or ""][row["class"] or ""] = int(row["n"] or 0)
    return counts["entities"], counts["facts"]


def remove(article_ids: list[str], out: Path, *, view_limit: int = VIEW_LIMIT) -> BuildSummary:
    """Drop articles' named graphs from the built graph and rewrite the outputs."""
    summary = BuildSummary(out=out)
    require_store(out)
    with _transaction(out, fresh=False, view_limit=view_limit) as dataset:
        known = article_hashes(dataset)
        missing = [a for a in article_ids if a not in known]
        if missing:
            raise KgError(f"no article {missing[0]!r} in {out}; 'kg stats' lists what the graph holds")
        for article_id in article_ids:
            remove_graph(dataset, known[article_id][1])
            summary.removed += 1
        drop_orphans(dataset)
        summary.in_store = len(known) - summary.removed
        summary.linked = link_people(dataset)
        summary.triples = distinct_triples(dataset)
    return summary


def merge(sources: list[Path], out: Path, *, view_limit: int = VIEW_LIMIT) -> BuildSummary:
    """One graph from the stores of several shard builds (``kg build --shard I/N``), as one build would give."""
    summary = BuildSummary(out=out)
    stores = [require_store(source) for source in sources]
    with _transaction(out, fresh=True, view_limit=view_limit) as dataset:
        for store in stores:
            load_nquads(dataset, dump_nquads(store))
        if len(fingerprints(dataset)) > 1:
            raise KgError("the shards were built by different versions of kg's rules; rebuild them with one version")
        summary.in_store = len(article_hashes(dataset))
        summary.linked = link_people(dataset)
        summary.triples = distinct_triples(dataset)
    return summary


def _pending(articles: Iterator[Article], known: dict[str, tuple[str, str]], shard: Shard | None,
             summary: BuildSummary, dataset: Dataset) -> Iterator[Article]:
    """The articles that need extracting; unchanged ones are counted, changed ones have their graph dropped."""
    for article in articles:
        if shard is not None and article.id not in shard:
            continue
        previous = known.get(article.id)
        if previous and previous[0] == article.content_hash:
            summary.unchanged += 1
            continue
        if previous:
            remove_graph(dataset, previous[1])
            summary.replaced += 1
        yield article


def _extract_all(articles: Iterator[Article], jobs: int) -> Iterator[Extracted]:
    """Results in input order; with several jobs at most a few articles per worker are in flight, so memory
    stays flat however long the input."""
    if jobs <= 1:
        yield from (process(article, as_text=False) for article in articles)
        return
    window = jobs * 4
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: list[Future[Extracted]] = []
        for article in articles:
            pending.append(pool.submit(process, article))
            if len(pending) >= window:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


def _frozen_after_first(results: Iterator[Extracted]) -> Iterator[Extracted]:
    """The results, with everything alive after the first article exempt from garbage collection until the
    last: the models, lexicons and gazetteers loaded for it are some 100,000 long-lived objects that every
    full collection would otherwise walk again (0.8 ms of CPU per article on a 2,000-article build, 0.07 ms
    frozen). Unfrozen at the end, so a process that builds again collects as before."""
    try:
        for done, result in enumerate(results):
            yield result
            if done == 0:
                gc.freeze()
    finally:
        gc.unfreeze()


def _expected(files: list[Path]) -> int:
    """How many articles the input holds, for the progress bar: files, and lines of JSON Lines files."""
    total = 0
    for path in files:
        if path.suffix.lower() == ".jsonl":
            with path.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


@contextmanager
def _transaction(out: Path, *, fresh: bool, view_limit: int) -> Iterator[Dataset]:
    """A writable copy of the store; on success the outputs are written and everything swapped in."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".kg-build-", dir=out))
    except OSError as exc:
        raise KgError(f"{out}: cannot write the output folder ({exc.strerror})") from exc
    try:
        live = out / STORE_DIR
        if live.is_dir() and not fresh:
            snapshot(live, work / STORE_DIR)
        dataset = new_dataset(work / STORE_DIR)
        try:
            if (None, None, None, dataset.graph(ONTOLOGY_GRAPH)) not in dataset:
                ontology = Graph().parse(ontology_dir() / "kg.ttl")
                dataset.addN((s, p, o, dataset.graph(ONTOLOGY_GRAPH)) for s, p, o in ontology)
            yield dataset
            rows = graph_rows(dataset)  # the claims file and the view read the same rows: read once
            for name, fmt in OUTPUTS.items():
                if fmt == "claims":
                    with (work / name).open("wb") as stream:
                        write_claims(dataset, stream, rows)
                else:
                    export_to(dataset, fmt, work / name)
            graph = from_rdf(dataset, rows)
            del rows  # before the page is drawn, the costliest step in memory
            (work / "graph.html").write_text(render_html(graph, limit=view_limit), encoding="utf-8")
            del graph
            flush(dataset)
        finally:
            dataset.close()
            del dataset
            gc.collect()  # RocksDB closes when its last reference goes
        settle(work / STORE_DIR)
        _move_into_place(work, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _move_into_place(work: Path, out: Path) -> None:
    """Publish the new store and outputs. ``out/store`` is a symbolic link to one of ``out/.stores/*``,
    replaced in a single atomic rename, so at every instant it names a complete store: a build killed at
    any point leaves a usable graph. Then the outputs, each an atomic rename; then the clean-up."""
    stores = out / ".stores"
    stores.mkdir(exist_ok=True)
    live = out / STORE_DIR
    if live.is_dir() and not live.is_symlink():  # a store from an older kg: adopt it
        os.replace(live, stores / "adopted")
        os.symlink(Path(".stores") / "adopted", live)
    fresh = stores / work.name.lstrip(".")
    os.replace(work / STORE_DIR, fresh)
    link = out / f".{STORE_DIR}-link-{os.getpid()}"
    if link.is_symlink():
        link.unlink()
    os.symlink(Path(".stores") / fresh.name, link)
    os.replace(link, live)
    for name in [*OUTPUTS, "graph.html"]:
        os.replace(work / name, out / name)
    for leftover in stores.iterdir():  # earlier stores, and those of builds killed before publishing
        if leftover.name != fresh.name:
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in out.glob(".kg-build-*"):
        if leftover != work and leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
