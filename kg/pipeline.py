"""The pipeline runner: ingest -> nlp -> extract -> rdf into a new store, then the outputs, all or nothing.

Everything is written into a temporary folder inside the output folder and moved into place at the end, so
an interrupted or failed build leaves the previous graph intact.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from kg import extract, ingest, nlp, rdf
from kg.errors import KgError
from kg.export import export
from kg.network import from_rdf
from kg.rdf.store import STORE_DIR, new_dataset
from kg.resources import ontology_dir
from kg.viz import render_html

VIEW_LIMIT = 2000  # most connected nodes drawn in graph.html; the store and exports keep everything

ONTOLOGY_GRAPH = URIRef("https://w3id.org/kg-news/ontology")
OUTPUTS = {"graph.ttl": "turtle", "graph.trig": "trig", "claims.jsonl": "claims"}


@dataclass
class BuildSummary:
    articles: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)
    triples: int = 0
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)
    out: Path = Path("output")


def build(inputs: Iterable[Path], out: Path, *, strict: bool = False, view_limit: int = VIEW_LIMIT) -> BuildSummary:
    started = time.perf_counter()
    try:
        out.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".kg-build-", dir=out))
    except OSError as exc:
        raise KgError(f"{out}: cannot write the output folder ({exc.strerror})") from exc
    summary = BuildSummary(out=out)
    try:
        skipped = ingest.Skipped()
        dataset = new_dataset(work / STORE_DIR)
        ontology = Graph().parse(ontology_dir() / "kg.ttl")
        dataset.addN((s, p, o, dataset.graph(ONTOLOGY_GRAPH)) for s, p, o in ontology)
        for article in ingest.run(inputs, skipped):
            extracted = extract.run(nlp.run(article))
            quads = list(rdf.run(extracted))
            graphs = {q[3]: dataset.graph(q[3]) for q in quads}
            dataset.addN((s, p, o, graphs[g]) for s, p, o, g in quads)
            summary.articles += 1
            summary.entities.update(e.type for e in extracted.entities.values())
            summary.relations.update(c.relation for c in extracted.claims)
        summary.skipped = skipped.reasons
        if strict and skipped.reasons:
            raise KgError(f"{len(skipped.reasons)} article(s) skipped and --strict given; first: {skipped.reasons[0]}")
        if summary.articles == 0:
            raise KgError("no article could be read from the input")
        for name, fmt in OUTPUTS.items():
            (work / name).write_text(export(dataset, fmt), encoding="utf-8")
        (work / "graph.html").write_text(render_html(from_rdf(dataset), limit=view_limit), encoding="utf-8")
        summary.triples = len(dataset)
        dataset.close()
        _move_into_place(work, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    summary.seconds = time.perf_counter() - started
    return summary


def _move_into_place(work: Path, out: Path) -> None:
    """Swap the new store in with renames, then the files; the old store is removed only after."""
    old = out / f".{STORE_DIR}-old"
    shutil.rmtree(old, ignore_errors=True)
    if (out / STORE_DIR).exists():
        os.replace(out / STORE_DIR, old)
    os.replace(work / STORE_DIR, out / STORE_DIR)
    for name in [*OUTPUTS, "graph.html"]:
        os.replace(work / name, out / name)
    shutil.rmtree(old, ignore_errors=True)
